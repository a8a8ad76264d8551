//! Where on a board there is still room, at a few sizes: level `k` marks every pixel where a
//! free k×k square starts (the free pixels eroded by a square). A word whose padded ink holds a
//! solid k×k square can only go where its square's corner lands on a marked pixel, so a place
//! is refused with one bit test; and from how far the nearest 8×8 cell with a marked pixel is,
//! the search knows how many of the next spiral points it can pass over without looking, so it
//! does not walk through the filled middle of the cloud point by point for every word.
//! Room is only ever lost, as the board only fills: a distance computed a few words ago is
//! still a safe lower bound, so distances are recomputed only now and then.

use super::bits::{Bitmap, Board};

/// Square sides of the levels, px.
pub const LEVELS: [u32; 6] = [1, 2, 4, 8, 16, 32];
/// Side of a cell, px (a divisor of 64, so that a cell's row is 8 bits of one word).
const CELL: u32 = 8;

/// Words placed before a level's distances are recomputed.
const STALE_AFTER: u32 = 32;

#[derive(Clone)]
struct Level {
    k: u32,
    bits: Vec<u64>,
    /// Whether a cell may still hold a marked pixel.
    open: Vec<bool>,
    open_cells: u32,
    /// Chessboard distance, in cells, from each cell to the nearest open one (as of a few
    /// updates ago: never more than the true distance).
    distance: Vec<u16>,
    /// Updates since `distance` was computed; `None`: never computed.
    stale: Option<u32>,
}

#[derive(Clone)]
pub struct FreeSpace {
    height: u32,
    stride: usize,
    columns: u32,
    rows: u32,
    levels: Vec<Level>,
}

impl FreeSpace {
    pub fn new(board: &Board) -> FreeSpace {
        let b = &board.bits;
        let (columns, rows) = (b.width.div_ceil(CELL), b.height.div_ceil(CELL));
        let mut space = FreeSpace {
            height: b.height,
            stride: b.stride,
            columns,
            rows,
            levels: LEVELS
                .iter()
                .map(|&k| Level {
                    k,
                    bits: vec![0; b.words.len()],
                    open: vec![true; (columns * rows) as usize],
                    open_cells: columns * rows,
                    distance: vec![0; (columns * rows) as usize],
                    stale: None,
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
            level.stale = level.stale.map(|n| n + 1);
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
                    let index = (cy * self.columns + cx) as usize;
                    if level.open[index] && !cell_has_bits(level, stride, self.height, cx, cy) {
                        level.open[index] = false;
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
    #[inline]
    pub fn has_room(&self, level: usize, x: u32, y: u32) -> bool {
        self.levels[level].bits[y as usize * self.stride + (x as usize >> 6)] >> (x & 63) & 1 == 1
    }

    /// A lower bound, px, of the distance from (`x`, `y`) (on the board) to the nearest pixel
    /// where a `LEVELS[level]`-square has room.
    #[inline]
    pub fn room_distance(&mut self, level: usize, x: u32, y: u32) -> u32 {
        let columns = self.columns;
        if self.levels[level].stale.is_none_or(|n| n >= STALE_AFTER) {
            self.refresh(level);
        }
        let level = &self.levels[level];
        let d = u32::from(level.distance[((y / CELL) * columns + x / CELL) as usize]);
        // A cell d cells away (chessboard) is at least (d - 1) cells of pixels away.
        d.saturating_sub(1) * CELL
    }
}

impl FreeSpace {
    #[cold]
    fn refresh(&mut self, level: usize) {
        let (columns, rows) = (self.columns, self.rows);
        let level = &mut self.levels[level];
        chessboard_distances(&level.open, &mut level.distance, columns, rows);
        level.stale = Some(0);
    }
}

/// Two-pass chessboard distance transform: 0 on open cells, else cells to the nearest one.
fn chessboard_distances(open: &[bool], distance: &mut [u16], columns: u32, rows: u32) {
    let (w, h) = (columns as usize, rows as usize);
    let far = u16::MAX - 1;
    for (d, &o) in distance.iter_mut().zip(open) {
        *d = if o { 0 } else { far };
    }
    for y in 0..h {
        for x in 0..w {
            let mut d = distance[y * w + x];
            if d == 0 {
                continue;
            }
            if x > 0 {
                d = d.min(distance[y * w + x - 1] + 1);
            }
            if y > 0 {
                let up = (y - 1) * w;
                d = d.min(distance[up + x] + 1);
                if x > 0 {
                    d = d.min(distance[up + x - 1] + 1);
                }
                if x + 1 < w {
                    d = d.min(distance[up + x + 1] + 1);
                }
            }
            distance[y * w + x] = d;
        }
    }
    for y in (0..h).rev() {
        for x in (0..w).rev() {
            let mut d = distance[y * w + x];
            if d == 0 {
                continue;
            }
            if x + 1 < w {
                d = d.min(distance[y * w + x + 1] + 1);
            }
            if y + 1 < h {
                let down = (y + 1) * w;
                d = d.min(distance[down + x] + 1);
                if x > 0 {
                    d = d.min(distance[down + x - 1] + 1);
                }
                if x + 1 < w {
                    d = d.min(distance[down + x + 1] + 1);
                }
            }
            distance[y * w + x] = d;
        }
    }
}

fn cell_has_bits(level: &Level, stride: usize, height: u32, cx: u32, cy: u32) -> bool {
    let x = cx * CELL;
    let (word, shift) = ((x >> 6) as usize, x & 63);
    let mask = (1u64 << CELL) - 1;
    (cy * CELL..((cy + 1) * CELL).min(height))
        .any(|y| level.bits[y as usize * stride + word] >> shift & mask != 0)
}

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
    fn room_distance_is_a_lower_bound_that_grows_as_the_middle_fills() {
        let (w, h) = (200, 200);
        let mut board = board_with(w, h, &[]);
        let mut space = FreeSpace::new(&board);
        assert_eq!(space.room_distance(3, 100, 100), 0);
        let mut block = Bitmap::new(100, 100);
        for y in 0..100 {
            block.set_span(y, 0, 100);
        }
        board.mark(&block, 50, 50);
        space.update(&board, 50, 50, 150, 150);
        // Recomputed only after a few updates: until then still 0, which is a safe bound.
        for _ in 0..STALE_AFTER {
            space.update(&board, 0, 0, 1, 1);
        }
        // The nearest 8-square starts at x = 42 (ending at the block's edge) or x = 150:
        // 58 px or 50 px away; the bound must not exceed either.
        let d = space.room_distance(3, 100, 100);
        assert!((24..=50).contains(&d), "{d}");
        // Brute force: no 8-square has room nearer than the bound, in any direction.
        for y in 0..h - 8 {
            for x in 0..w - 8 {
                if room_by_definition(&board, 8, x, y) {
                    let dist = (f64::from(x) - 100.0).hypot(f64::from(y) - 100.0);
                    assert!(dist >= f64::from(d), "room at {x},{y} is {dist} away");
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
        // 8-squares: the middle one, then the leftmost and rightmost (top and bottom alike).
        assert_eq!(
            solid_squares(&sprite),
            Some((3, vec![(16, 2), (0, 0), (32, 0), (0, 4), (32, 4)]))
        );
        let mut thin = Bitmap::new(5, 1);
        thin.set_span(0, 0, 5);
        assert_eq!(
            solid_squares(&thin),
            Some((0, vec![(2, 0), (0, 0), (4, 0)]))
        );
        assert_eq!(solid_squares(&Bitmap::new(3, 3)), None);
    }
}
