//! One bit per layout pixel, rows of `u64` words (bit `i` of word `k` is column `64k + i`), as
//! d3-cloud keeps its board in 32-bit words: a collision test ANDs 64 pixels at a time.

/// A rectangle of bits. Rows are padded to whole words; the padding bits are always zero.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Bitmap {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) stride: usize,
    pub(super) words: Vec<u64>,
}

impl Bitmap {
    /// All zero.
    pub fn new(width: u32, height: u32) -> Self {
        Self::with_stride(width, height, (width as usize).div_ceil(64))
    }

    fn with_stride(width: u32, height: u32, stride: usize) -> Self {
        Bitmap {
            width,
            height,
            stride,
            words: vec![0; stride * height as usize],
        }
    }

    /// Bits set where `alpha[y * width + x] >= min`.
    pub fn from_alpha(width: u32, height: u32, alpha: &[u8], min: u8) -> Self {
        let mut bits = Bitmap::new(width, height);
        for y in 0..height {
            let row = &alpha[(y * width) as usize..((y + 1) * width) as usize];
            for (x, &a) in row.iter().enumerate() {
                if a >= min {
                    bits.set(x as u32, y);
                }
            }
        }
        bits
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    pub fn get(&self, x: u32, y: u32) -> bool {
        debug_assert!(x < self.width && y < self.height);
        self.words[y as usize * self.stride + (x as usize >> 6)] >> (x & 63) & 1 == 1
    }

    pub fn set(&mut self, x: u32, y: u32) {
        debug_assert!(x < self.width && y < self.height);
        self.words[y as usize * self.stride + (x as usize >> 6)] |= 1 << (x & 63);
    }

    /// Sets columns `x0..x1` of row `y` (clipped to the bitmap).
    pub fn set_span(&mut self, y: u32, x0: u32, x1: u32) {
        let x1 = x1.min(self.width);
        if y >= self.height || x0 >= x1 {
            return;
        }
        let row = y as usize * self.stride;
        let (first, last) = (x0 as usize >> 6, (x1 as usize - 1) >> 6);
        for k in first..=last {
            let lo = if k == first { x0 & 63 } else { 0 };
            let hi = if k == last { ((x1 - 1) & 63) + 1 } else { 64 };
            let mask = if hi - lo == 64 {
                u64::MAX
            } else {
                ((1u64 << (hi - lo)) - 1) << lo
            };
            self.words[row + k] |= mask;
        }
    }

    pub fn count_ones(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.count_ones())).sum()
    }

    pub(crate) fn row(&self, y: u32) -> &[u64] {
        let start = y as usize * self.stride;
        &self.words[start..start + self.stride]
    }

    /// Every set bit, row by row.
    pub fn ones(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.height).flat_map(move |y| {
            self.row(y).iter().enumerate().flat_map(move |(k, &word)| {
                let mut w = word;
                std::iter::from_fn(move || {
                    if w == 0 {
                        return None;
                    }
                    let bit = w.trailing_zeros();
                    w &= w - 1;
                    Some((k as u32 * 64 + bit, y))
                })
            })
        })
    }

    /// The smallest rectangle `(x0, y0, x1, y1)` (exclusive ends) holding every set bit.
    pub fn bounds(&self) -> Option<(u32, u32, u32, u32)> {
        let mut found: Option<(u32, u32, u32, u32)> = None;
        for y in 0..self.height {
            let row = self.row(y);
            let Some(first) = row.iter().position(|&w| w != 0) else {
                continue;
            };
            let last = row.iter().rposition(|&w| w != 0).unwrap_or(first);
            let x0 = first as u32 * 64 + row[first].trailing_zeros();
            let x1 = last as u32 * 64 + 64 - row[last].leading_zeros();
            found = Some(match found {
                None => (x0, y, x1, y + 1),
                Some((a, b, c, _)) => (a.min(x0), b, c.max(x1), y + 1),
            });
        }
        found
    }

    /// ORs `other` in with its top-left corner at (`x`, `y`); `other` must lie inside.
    pub fn blit(&mut self, other: &Bitmap, x: u32, y: u32) {
        assert!(x + other.width <= self.width && y + other.height <= self.height);
        let shift = x & 63;
        let first = (x >> 6) as usize;
        for r in 0..other.height {
            let base = (y + r) as usize * self.stride + first;
            for (j, &v) in other.row(r).iter().enumerate() {
                if v == 0 {
                    continue;
                }
                self.words[base + j] |= v << shift;
                if shift != 0 && first + j + 1 < self.stride {
                    self.words[base + j + 1] |= v >> (64 - shift);
                }
            }
        }
    }

    /// Grows every set bit into a (2r+1)² square: a bitmap `2r` wider and taller, shifted so
    /// that the old (0, 0) is at (r, r).
    pub fn dilate(&self, r: u32) -> Bitmap {
        assert!(r < 32, "padding of {r} px");
        if r == 0 {
            return self.clone();
        }
        let mut out = Bitmap::new(self.width + 2 * r, self.height + 2 * r);
        let mut wide = vec![0u64; out.stride];
        for y in 0..self.height {
            let src = self.row(y);
            let at = |j: usize| src.get(j).copied().unwrap_or(0);
            for (j, w) in wide.iter_mut().enumerate() {
                let mut v = 0;
                for k in 0..=2 * r {
                    v |= at(j) << k;
                    if k > 0 && j > 0 {
                        v |= at(j - 1) >> (64 - k);
                    }
                }
                *w = v;
            }
            for dy in 0..=2 * r {
                let start = (y + dy) as usize * out.stride;
                for (k, w) in wide.iter().enumerate() {
                    out.words[start + k] |= w;
                }
            }
        }
        out
    }

    /// Fills every pixel that lies between ink in its row or in its column: the counters of
    /// characters (口, 回) close, while the outline's open bays stay free for other words.
    pub fn fill_enclosed(&self) -> Bitmap {
        let mut out = self.clone();
        for y in 0..self.height {
            let row = self.row(y);
            let Some(first) = row.iter().position(|&w| w != 0) else {
                continue;
            };
            let last = row.iter().rposition(|&w| w != 0).unwrap_or(first);
            let x0 = first as u32 * 64 + row[first].trailing_zeros();
            let x1 = last as u32 * 64 + 64 - row[last].leading_zeros();
            out.set_span(y, x0, x1);
        }
        // Columns: a pixel with ink above and below it in its column. Word-parallel: ink seen
        // from the top down to each row, and from the bottom up.
        let stride = self.stride;
        let mut below = vec![0u64; self.words.len()];
        let mut seen = vec![0u64; stride];
        for y in (0..self.height as usize).rev() {
            for (j, s) in seen.iter_mut().enumerate() {
                *s |= self.words[y * stride + j];
                below[y * stride + j] = *s;
            }
        }
        seen.fill(0);
        for y in 0..self.height as usize {
            for (j, s) in seen.iter_mut().enumerate() {
                *s |= self.words[y * stride + j];
                out.words[y * stride + j] |= *s & below[y * stride + j];
            }
        }
        out
    }

    /// From a bitmap marking where free h×h squares start, one marking where 2h×2h squares
    /// start (four h squares: here, h to the right, h below, both).
    pub fn double_squares(&self, half: u32) -> Bitmap {
        let mut out = Bitmap::new(self.width, self.height);
        let stride = self.stride;
        let shifted = |row: &[u64], j: usize| -> u64 {
            let (words, bits) = ((half / 64) as usize, half % 64);
            let at = |i: usize| row.get(i).copied().unwrap_or(0);
            if bits == 0 {
                at(j + words)
            } else {
                (at(j + words) >> bits) | (at(j + words + 1) << (64 - bits))
            }
        };
        for y in 0..self.height.saturating_sub(half) {
            let (row, below) = (self.row(y), self.row(y + half));
            for j in 0..stride {
                out.words[y as usize * stride + j] =
                    row[j] & shifted(row, j) & below[j] & shifted(below, j);
            }
        }
        out
    }

    /// Turned a quarter clockwise (screen coordinates, y down): the old left column becomes
    /// the new top row, read right to left.
    pub fn rotate_cw(&self) -> Bitmap {
        let mut out = Bitmap::new(self.height, self.width);
        for (x, y) in self.ones() {
            out.set(self.height - 1 - y, x);
        }
        out
    }

    /// Bits set where `self` and `other` (placed at `x`, `y` over `self`) both are.
    pub fn overlaps(&self, other: &Bitmap, x: i32, y: i32) -> bool {
        other.ones().any(|(ox, oy)| {
            let (tx, ty) = (x + ox as i32, y + oy as i32);
            tx >= 0
                && ty >= 0
                && (tx as u32) < self.width
                && (ty as u32) < self.height
                && self.get(tx as u32, ty as u32)
        })
    }
}

/// The occupied pixels of a cloud: outside the mask, and every word placed so far. One spare
/// word per row lets a shifted sprite row spill over without a bounds check.
#[derive(Clone)]
pub struct Board {
    pub(super) bits: Bitmap,
}

impl Board {
    /// Occupied wherever `allowed` is not set.
    pub fn new(allowed: &Bitmap) -> Board {
        let (w, h) = (allowed.width, allowed.height);
        let stride = (w as usize).div_ceil(64) + 1;
        let mut bits = Bitmap::with_stride(w, h, stride);
        for y in 0..h {
            let src = allowed.row(y);
            let dst = &mut bits.words[y as usize * stride..(y as usize + 1) * stride];
            for (k, d) in dst.iter_mut().enumerate() {
                let a = src.get(k).copied().unwrap_or(0);
                // Columns past the width are occupied too.
                let beyond = if (k as u64 + 1) * 64 <= u64::from(w) {
                    0
                } else if (k as u64) * 64 >= u64::from(w) {
                    u64::MAX
                } else {
                    u64::MAX << (w & 63)
                };
                *d = !a | beyond;
            }
        }
        Board { bits }
    }

    /// Whether the pixel at (`x`, `y`) is occupied.
    #[cfg(test)]
    pub fn occupied(&self, x: u32, y: u32) -> bool {
        self.bits.words[y as usize * self.bits.stride + (x as usize >> 6)] >> (x & 63) & 1 == 1
    }

    /// Whether `sprite` with its top-left corner at (`x`, `y`) touches an occupied pixel. The
    /// caller keeps the sprite inside the board: `x + sprite.width <= width`, likewise `y`.
    #[inline]
    pub fn collides(&self, sprite: &Bitmap, x: u32, y: u32) -> bool {
        debug_assert!(x + sprite.width <= self.bits.width && y + sprite.height <= self.bits.height);
        let shift = x & 63;
        let first = (x >> 6) as usize;
        let n = sprite.width.div_ceil(64) as usize;
        let stride = self.bits.stride;
        // Middle rows first: a word's ink is densest there, so a collision shows sooner.
        let middle = sprite.height / 2;
        for i in 0..sprite.height {
            let r = if i % 2 == 0 {
                middle + i / 2
            } else {
                middle - 1 - i / 2
            };
            let s = &sprite.words[r as usize * sprite.stride..][..n];
            let b = &self.bits.words[(y + r) as usize * stride + first..][..n + 1];
            if shift == 0 {
                if s.iter().zip(b).any(|(s, b)| s & b != 0) {
                    return true;
                }
            } else {
                let mut carry = 0u64;
                for j in 0..n {
                    if ((s[j] << shift) | carry) & b[j] != 0 {
                        return true;
                    }
                    carry = s[j] >> (64 - shift);
                }
                if carry & b[n] != 0 {
                    return true;
                }
            }
        }
        false
    }

    /// Marks `sprite`'s bits occupied, top-left corner at (`x`, `y`), same bounds as `collides`.
    pub fn mark(&mut self, sprite: &Bitmap, x: u32, y: u32) {
        let shift = x & 63;
        let first = (x >> 6) as usize;
        let n = sprite.width.div_ceil(64) as usize;
        let stride = self.bits.stride;
        for r in 0..sprite.height {
            let base = (y + r) as usize * stride + first;
            for j in 0..n {
                let v = sprite.words[r as usize * sprite.stride + j];
                self.bits.words[base + j] |= v << shift;
                if shift != 0 {
                    self.bits.words[base + j + 1] |= v >> (64 - shift);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_rows(rows: &[&str]) -> Bitmap {
        let mut b = Bitmap::new(rows[0].len() as u32, rows.len() as u32);
        for (y, row) in rows.iter().enumerate() {
            for (x, c) in row.chars().enumerate() {
                if c == '#' {
                    b.set(x as u32, y as u32);
                }
            }
        }
        b
    }

    fn to_rows(b: &Bitmap) -> Vec<String> {
        (0..b.height())
            .map(|y| {
                (0..b.width())
                    .map(|x| if b.get(x, y) { '#' } else { '.' })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn spans_cross_word_boundaries() {
        let mut b = Bitmap::new(200, 1);
        b.set_span(0, 60, 130);
        assert_eq!(b.count_ones(), 70);
        assert!(!b.get(59, 0) && b.get(60, 0) && b.get(129, 0) && !b.get(130, 0));
        assert_eq!(b.bounds(), Some((60, 0, 130, 1)));
        let mut full = Bitmap::new(128, 1);
        full.set_span(0, 0, 128);
        assert_eq!(full.count_ones(), 128);
    }

    #[test]
    fn closes_counters_but_not_bays() {
        let b = from_rows(&["#####", "#...#", "#####", "#....", "#####"]);
        assert_eq!(to_rows(&b.fill_enclosed()), ["#####"; 5]);
        let u = from_rows(&["#.#", "###"]);
        assert_eq!(to_rows(&u.fill_enclosed()), ["###", "###"]);
        let l = from_rows(&["#..", "#..", "###"]);
        assert_eq!(l.fill_enclosed(), l);
    }

    #[test]
    fn rotates_clockwise() {
        let b = from_rows(&["##.", "#.."]);
        assert_eq!(to_rows(&b.rotate_cw()), ["##", ".#", ".."]);
    }

    #[test]
    fn dilates_by_a_square() {
        let b = from_rows(&["#"]);
        assert_eq!(to_rows(&b.dilate(1)), ["###", "###", "###"]);
        let b = from_rows(&["#.."]);
        assert_eq!(to_rows(&b.dilate(1)), ["###..", "###..", "###.."]);
    }

    #[test]
    fn board_collision_matches_a_pixel_by_pixel_test_at_every_shift() {
        // An allowed area with holes, a sprite with gaps, tested at every position.
        let mut allowed = Bitmap::new(150, 9);
        for y in 0..9 {
            allowed.set_span(y, 0, 150);
        }
        let mut occupied = Bitmap::new(150, 9);
        for (x, y) in [
            (3, 2),
            (63, 4),
            (64, 4),
            (100, 7),
            (127, 0),
            (128, 1),
            (149, 8),
        ] {
            occupied.set(x, y);
        }
        let mut board = Board::new(&allowed);
        board.mark(&occupied, 0, 0);
        let sprite = from_rows(&["#....#", "......", "..##.."]);
        for y in 0..=(9 - sprite.height()) {
            for x in 0..=(150 - sprite.width()) {
                let expected = occupied.overlaps(&sprite, x as i32, y as i32);
                assert_eq!(board.collides(&sprite, x, y), expected, "at {x},{y}");
            }
        }
    }

    #[test]
    fn board_outside_the_mask_is_occupied() {
        let mut allowed = Bitmap::new(70, 2);
        allowed.set_span(0, 0, 70);
        allowed.set_span(1, 10, 70);
        let board = Board::new(&allowed);
        let dot = from_rows(&["#"]);
        assert!(!board.collides(&dot, 0, 0));
        assert!(!board.collides(&dot, 69, 0));
        assert!(board.collides(&dot, 9, 1));
        assert!(!board.collides(&dot, 10, 1));
        let mut marked = Board::new(&allowed);
        marked.mark(&dot, 69, 0);
        assert!(marked.collides(&dot, 69, 0));
    }

    #[test]
    fn wide_sprites_collide_across_words() {
        let mut allowed = Bitmap::new(300, 1);
        allowed.set_span(0, 0, 300);
        let mut board = Board::new(&allowed);
        let mut wall = Bitmap::new(1, 1);
        wall.set(0, 0);
        board.mark(&wall, 250, 0);
        let mut bar = Bitmap::new(130, 1);
        bar.set_span(0, 0, 130);
        assert!(!board.collides(&bar, 120, 0));
        assert!(board.collides(&bar, 121, 0));
        assert!(!board.collides(&bar, 0, 0));
    }
}
