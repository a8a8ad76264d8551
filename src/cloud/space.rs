//! Where on a board there is still room, at a few sizes: level `k` marks every pixel where a
//! free k×k square starts (the free pixels eroded by a square). A word whose padded ink holds a
//! solid k×k square can only go where its square's corner lands on a marked pixel: the search
//! looks only at those, cell by 8×8 cell, and passes over a cell without one with a single test,
//! so the filled middle of a cloud costs almost nothing to cross. Room is only ever lost, as the
//! board only fills.

use super::bits::{Bitmap, Board};

/// Square sides of the levels, px.
pub const LEVELS: [u32; 6] = [1, 2, 4, 8, 16, 32];
/// Side of a cell, px (a divisor of 64, so that a cell's row is 8 bits of one word).
pub const CELL: u32 = 8;

#[derive(Clone)]
struct Level {
    k: u32,
    bits: Vec<u64>,
    /// Whether a cell may still hold a marked pixel: one bit per cell, rows of
    /// `cell_stride` words.
    open: Vec<u64>,
    open_cells: u32,
}

#[derive(Clone)]
pub struct FreeSpace {
    height: u32,
    stride: usize,
    columns: u32,
    rows: u32,
    cell_stride: usize,
    levels: Vec<Level>,
}

impl FreeSpace {
    pub fn new(board: &Board) -> FreeSpace {
        let b = &board.bits;
        let (columns, rows) = (b.width.div_ceil(CELL), b.height.div_ceil(CELL));
        let cell_stride = (columns as usize).div_ceil(64);
        let mut all_open = vec![0u64; cell_stride * rows as usize];
        for cy in 0..rows as usize {
            for cx in 0..columns as usize {
                all_open[cy * cell_stride + cx / 64] |= 1 << (cx % 64);
            }
        }
        let mut space = FreeSpace {
            height: b.height,
            stride: b.stride,
            columns,
            rows,
            cell_stride,
            levels: LEVELS
                .iter()
                .map(|&k| Level {
                    k,
                    bits: vec![0; b.words.len()],
                    open: all_open.clone(),
                    open_cells: columns * rows,
                })
                .collect(),
        };
        space.update(board, 0, 0, b.width, b.height);
        space
    }

    /// After pixels in `x0..x1` × `y0..y1` were occupied: recomputes every level there.
    pub fn update(&mut self, board: &Board, x0: u32, y0: u32, x1: u32, y1: u32) {
        let stride = self.stride;
        for li in 0..self.levels.len() {
            let k = self.levels[li].k;
            // Level k changes where its square overlaps the rectangle.
            let (rx0, ry0) = (x0.saturating_sub(k - 1), y0.saturating_sub(k - 1));
            let (w0, w1) = ((rx0 >> 6) as usize, ((x1.max(1) - 1) >> 6) as usize);
            let (lower, this) = self.levels.split_at_mut(li);
            let level = &mut this[0];
            for y in ry0..y1.min(self.height) {
                let row = y as usize * stride;
                if li == 0 {
                    for j in w0..=w1 {
                        level.bits[row + j] = !board.bits.words[row + j];
                    }
                    continue;
                }
                // A 2h square is four h squares: here, h to the right, h below, both.
                let half = k / 2;
                let prev = &lower[li - 1].bits;
                let below = y + half;
                for j in w0..=w1 {
                    let shifted = |r: usize| -> u64 {
                        let next = if j + 1 < stride { prev[r + j + 1] } else { 0 };
                        (prev[r + j] >> half) | (next << (64 - half))
                    };
                    let mut v = prev[row + j] & shifted(row);
                    if below < self.height {
                        let r2 = below as usize * stride;
                        v &= prev[r2 + j] & shifted(r2);
                    } else {
                        v = 0;
                    }
                    level.bits[row + j] = v;
                }
            }
            // Cells that may have closed.
            for cy in ry0 / CELL..y1.div_ceil(CELL).min(self.rows) {
                for cx in rx0 / CELL..x1.div_ceil(CELL).min(self.columns) {
                    let (word, bit) = (cy as usize * self.cell_stride + cx as usize / 64, cx % 64);
                    if level.open[word] >> bit & 1 == 1
                        && !cell_has_bits(level, stride, self.height, cx, cy)
                    {
                        level.open[word] &= !(1 << bit);
                        level.open_cells -= 1;
                    }
                }
            }
        }
    }

    /// Whether a free `LEVELS[level]`-square is left anywhere.
    pub fn has_any_room(&self, level: usize) -> bool {
        self.levels[level].open_cells > 0
    }

    /// Whether a free `LEVELS[level]`-square starts at (`x`, `y`).
    #[cfg(test)]
    pub fn has_room(&self, level: usize, x: u32, y: u32) -> bool {
        self.levels[level].bits[y as usize * self.stride + (x as usize >> 6)] >> (x & 63) & 1 == 1
    }

    /// The grid of cells: (columns, rows).
    pub fn cells(&self) -> (u32, u32) {
        (self.columns, self.rows)
    }

    /// Whether cell (`cx`, `cy`) may hold a pixel with room at `level`.
    #[inline]
    pub fn is_open(&self, level: usize, cx: u32, cy: u32) -> bool {
        self.levels[level].open[cy as usize * self.cell_stride + cx as usize / 64] >> (cx % 64) & 1
            == 1
    }

    /// Calls `f(cx)` for each open cell of row `cy` with `from <= cx <= to`, left to right.
    #[inline]
    pub fn open_cells_in(&self, level: usize, cy: u32, from: u32, to: u32, mut f: impl FnMut(u32)) {
        if from > to {
            return;
        }
        let (first, last) = ((from / 64) as usize, (to / 64) as usize);
        let row = &self.levels[level].open[cy as usize * self.cell_stride..][..self.cell_stride];
        for (k, &word) in row.iter().enumerate().take(last + 1).skip(first) {
            let lo = if k == first { from % 64 } else { 0 };
            let hi = if k == last { to % 64 } else { 63 };
            let span = if hi - lo == 63 {
                u64::MAX
            } else {
                ((1u64 << (hi - lo + 1)) - 1) << lo
            };
            let mut bits = word & span;
            while bits != 0 {
                f(k as u32 * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }

    /// Eight pixels of a row at `level`: bit i says whether a square has room at (x + i, y).
    /// Outside the board: no room.
    #[inline]
    pub fn room_byte(&self, level: usize, x: i32, y: i32) -> u8 {
        if y < 0 || y >= self.height as i32 || x <= -8 {
            return 0;
        }
        let bits = &self.levels[level].bits[y as usize * self.stride..][..self.stride];
        if x < 0 {
            return (bits[0] << (-x)) as u8;
        }
        let (k, shift) = ((x >> 6) as usize, x & 63);
        let lo = bits.get(k).copied().unwrap_or(0) >> shift;
        let hi = if shift > 56 {
            bits.get(k + 1).copied().unwrap_or(0) << (64 - shift)
        } else {
            0
        };
        (lo | hi) as u8
    }
}

fn cell_has_bits(level: &Level, stride: usize, height: u32, cx: u32, cy: u32) -> bool {
    let x = cx * CELL;
    let (word, shift) = ((x >> 6) as usize, x & 63);
    let mask = (1u64 << CELL) - 1;
    (cy * CELL..((cy + 1) * CELL).min(height))
        .any(|y| level.bits[y as usize * stride + word] >> shift & mask != 0)
}

/// Most squares tested for one sprite.
const MAX_PROBES: usize = 24;

/// The largest level whose square fits solidly inside `sprite`, and up to five top-left
/// corners of such squares: the one nearest the sprite's middle first, then those nearest its
/// four corners. A place needs room for all of them; far-apart squares refuse most places that
/// one square alone would let through to the whole-sprite test.
pub fn solid_squares(sprite: &Bitmap) -> Option<(usize, Vec<(u32, u32)>)> {
    let mut level = 0;
    let mut corners = sprite.clone();
    if corners.is_empty() {
        return None;
    }
    while level + 1 < LEVELS.len() {
        let next = corners.double_squares(LEVELS[level]);
        if next.is_empty() {
            break;
        }
        corners = next;
        level += 1;
    }
    let k = f64::from(LEVELS[level]);
    let (w, h) = (f64::from(sprite.width()), f64::from(sprite.height()));
    let targets = [(w / 2.0, h / 2.0), (0.0, 0.0), (w, 0.0), (0.0, h), (w, h)];
    let mut best: Vec<Option<((u32, u32), f64)>> = vec![None; targets.len()];
    for (x, y) in corners.ones() {
        let (cx, cy) = (f64::from(x) + k / 2.0, f64::from(y) + k / 2.0);
        for (slot, &(tx, ty)) in best.iter_mut().zip(&targets) {
            let d = (cx - tx) * (cx - tx) + (cy - ty) * (cy - ty);
            if slot.is_none_or(|(_, b)| d < b) {
                *slot = Some(((x, y), d));
            }
        }
    }
    let mut probes: Vec<(u32, u32)> = Vec::with_capacity(targets.len());
    for (corner, _) in best.into_iter().flatten() {
        if !probes.contains(&corner) {
            probes.push(corner);
        }
    }
    // And one square in every k×k block of a grid over the sprite, where one fits: together
    // they cover nearly all of a solid sprite, so a place where they all have room nearly
    // always takes the whole sprite.
    let step = LEVELS[level];
    'grid: for gy in (0..corners.height()).step_by(step as usize) {
        for gx in (0..corners.width()).step_by(step as usize) {
            if probes.len() >= MAX_PROBES {
                break 'grid;
            }
            let found = (gy..(gy + step).min(corners.height()))
                .flat_map(|y| (gx..(gx + step).min(corners.width())).map(move |x| (x, y)))
                .find(|&(x, y)| corners.get(x, y));
            if let Some(corner) = found {
                if !probes.contains(&corner) {
                    probes.push(corner);
                }
            }
        }
    }
    Some((level, probes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board_with(width: u32, height: u32, occupied: &[(u32, u32)]) -> Board {
        let mut allowed = Bitmap::new(width, height);
        for y in 0..height {
            allowed.set_span(y, 0, width);
        }
        let mut board = Board::new(&allowed);
        let mut marks = Bitmap::new(width, height);
        for &(x, y) in occupied {
            marks.set(x, y);
        }
        board.mark(&marks, 0, 0);
        board
    }

    /// Level k by definition: every pixel of the k×k square from (x, y) is on the board and free.
    fn room_by_definition(board: &Board, k: u32, x: u32, y: u32) -> bool {
        x + k <= board.bits.width
            && y + k <= board.bits.height
            && (y..y + k).all(|yy| (x..x + k).all(|xx| !board.occupied(xx, yy)))
    }

    #[test]
    fn levels_match_their_definition_after_updates() {
        let (w, h) = (150, 70);
        let mut board = board_with(w, h, &[(3, 3), (64, 10), (127, 40)]);
        let mut space = FreeSpace::new(&board);
        let check = |board: &Board, space: &FreeSpace| {
            for (level, &k) in LEVELS.iter().enumerate() {
                for y in 0..h {
                    for x in 0..w {
                        assert_eq!(
                            space.has_room(level, x, y),
                            room_by_definition(board, k, x, y),
                            "k {k} at {x},{y}"
                        );
                    }
                }
            }
        };
        check(&board, &space);
        let mut block = Bitmap::new(20, 9);
        for y in 0..9 {
            block.set_span(y, 0, 20);
        }
        board.mark(&block, 60, 30);
        space.update(&board, 60, 30, 80, 39);
        check(&board, &space);
        board.mark(&block, 125, 60);
        space.update(&board, 125, 60, 145, 69);
        check(&board, &space);
    }

    #[test]
    fn cells_close_as_the_middle_fills() {
        let (w, h) = (200, 200);
        let mut board = board_with(w, h, &[]);
        let mut space = FreeSpace::new(&board);
        assert!(space.is_open(3, 12, 12) && space.has_any_room(3));
        let mut block = Bitmap::new(100, 100);
        for y in 0..100 {
            block.set_span(y, 0, 100);
        }
        board.mark(&block, 50, 50);
        space.update(&board, 50, 50, 150, 150);
        // No 8-square starts inside the block; the cell before its left edge keeps room.
        assert!(!space.is_open(3, 12, 12));
        assert!(space.is_open(3, 5, 12) && space.room_byte(3, 40, 100) != 0);
        assert_eq!(space.room_byte(3, 80, 100), 0);
        for cy in 0..space.cells().1 {
            for cx in 0..space.cells().0 {
                let any = (cy * 8..(cy * 8 + 8).min(h))
                    .any(|y| space.room_byte(3, (cx * 8) as i32, y as i32) != 0);
                assert_eq!(space.is_open(3, cx, cy), any, "cell {cx},{cy}");
            }
        }
        // Any eight pixels, across word boundaries and past the edges.
        for y in [-1i32, 0, 99, 150, 199, 200] {
            for x in [-9i32, -3, 0, 57, 60, 63, 64, 120, 195, 199, 260] {
                let byte = space.room_byte(3, x, y);
                for i in 0..8 {
                    let (px, py) = (x + i, y);
                    let expected = px >= 0
                        && py >= 0
                        && (px as u32) < w
                        && (py as u32) < h
                        && space.has_room(3, px as u32, py as u32);
                    assert_eq!(byte >> i & 1 == 1, expected, "{px},{py}");
                }
            }
        }
    }

    #[test]
    fn finds_the_largest_solid_squares_in_the_middle_and_at_the_ends() {
        let mut sprite = Bitmap::new(40, 12);
        for y in 0..12 {
            sprite.set_span(y, 0, 40);
        }
        // 8-squares: the middle one, the leftmost and rightmost (top and bottom alike), then
        // one per 8-px block of a grid where one can start.
        let squares = vec![
            (16, 2),
            (0, 0),
            (32, 0),
            (0, 4),
            (32, 4),
            (8, 0),
            (16, 0),
            (24, 0),
        ];
        assert_eq!(solid_squares(&sprite), Some((3, squares)));
        let mut thin = Bitmap::new(5, 1);
        thin.set_span(0, 0, 5);
        let squares = vec![(2, 0), (0, 0), (4, 0), (1, 0), (3, 0)];
        assert_eq!(solid_squares(&thin), Some((0, squares)));
        assert_eq!(solid_squares(&Bitmap::new(3, 3)), None);
    }
}
