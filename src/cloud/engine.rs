//! The layout itself: the search for the largest scale at which every word fits, one try at a
//! scale (words biggest first, each at the place nearest its start where its padded ink touches
//! nothing),
//! and the words' pixels, kept between layouts.

use std::collections::HashMap;
use std::rc::Rc;

use super::bits::{Bitmap, Board};
use super::glyphs::{vertical_cells, FontSpec, Ink, Rasterizer, RunMetrics};
use super::mask::Mask;
use super::space::{self, FreeSpace};
use super::{
    rng, validate, CloudLayout, CloudOptions, CloudWord, Orientation, Piece, PlacedWord, SizeScale,
    Spiral, UnplacedWord, WordOrientation, SIZE_FLOOR,
};
use crate::Result;

/// Layouts tried before the last one, which places what it can and names the rest.
const MAX_ATTEMPTS: u32 = 8;
/// Sizes at scale 1 span `font_min` to this many times it, when `font_max` is not given.
const AUTO_RANGE: f64 = 8.0;
/// The first guess fills this share of the area with em boxes.
const FIRST_FILL: f64 = 0.85;
/// Sizes a word that fits nowhere tries next, as shares of its own.
const SQUEEZE: [f64; 2] = [0.8, 0.64];
/// A try at a scale fails when more than one word in this many had to be made smaller.
const SQUEEZE_SHARE: usize = 8;
/// A layout whose words (their ink, counters filled) cover this share of the area is not tried
/// larger: there is no room for that.
const FULL_ENOUGH: f64 = 0.7;
/// Scales closer than this are not told apart while searching for the largest that fits.
const SCALE_PRECISION: f64 = 1.13;

/// A word's pixels at one size and orientation, ready to be tested and marked.
struct Sprite {
    /// The ink grown by the padding: what must not touch anything.
    test: Bitmap,
    /// The ink itself: what the board keeps.
    ink: Bitmap,
    /// `test`'s top-left corner relative to the word's origin.
    test_x: i32,
    test_y: i32,
    /// Pen positions relative to the word's origin.
    pieces: Vec<Piece>,
    /// The largest solid squares of `test` ([`space::LEVELS`] index, top-left corners): a place
    /// where the board has no free square of that size under one of them is refused at once.
    squares: (usize, Vec<(u32, u32)>),
}

/// Lays out clouds with one rasteriser, keeping what it measured and drew for the next layout
/// (a shuffle or a change of shape redraws nothing).
pub struct CloudEngine<R> {
    rasterizer: R,
    font: Option<FontSpec>,
    /// Runs as the rasteriser drew them, at their drawing sizes.
    drawn: HashMap<(String, u32), Rc<Ink>>,
    /// Runs at the sizes words took, scaled from `drawn`.
    inks: HashMap<(String, u32), Rc<Ink>>,
    metrics: HashMap<(String, u32), RunMetrics>,
    /// Whole words: (text, size, vertical, padding).
    sprites: HashMap<(String, u32, bool, u32), Rc<Sprite>>,
}

/// Glyphs are drawn at one of these sizes, px, and scaled to the size a word takes: layouts at
/// other scales reuse the same drawings, and reading pixels back from a canvas costs by the
/// pixel. Above the largest, the drawing is scaled up (conservatively: a little bolder).
const RASTER_SIZES: [u32; 8] = [12, 16, 20, 24, 32, 40, 48, 64];

fn raster_size(size: u32) -> u32 {
    RASTER_SIZES
        .iter()
        .copied()
        .find(|&r| r >= size)
        .unwrap_or(RASTER_SIZES[RASTER_SIZES.len() - 1])
}

/// Beyond this many cached runs the cache starts afresh.
const CACHE_LIMIT: usize = 20_000;

/// One layout with a rasteriser and no cache kept.
pub fn layout_cloud<R: Rasterizer>(
    words: &[CloudWord],
    options: &CloudOptions,
    rasterizer: R,
) -> Result<CloudLayout> {
    CloudEngine::new(rasterizer).layout(words, options)
}

impl<R: Rasterizer> CloudEngine<R> {
    pub fn new(rasterizer: R) -> Self {
        CloudEngine {
            rasterizer,
            font: None,
            drawn: HashMap::new(),
            inks: HashMap::new(),
            metrics: HashMap::new(),
            sprites: HashMap::new(),
        }
    }

    pub fn rasterizer(&mut self) -> &mut R {
        &mut self.rasterizer
    }

    /// Lays out `words` (any order; biggest weight placed first).
    pub fn layout(&mut self, words: &[CloudWord], options: &CloudOptions) -> Result<CloudLayout> {
        validate(words, options)?;
        if words.is_empty() {
            let mask = options.area()?;
            return Ok(CloudLayout {
                width: options.width,
                height: options.height,
                words: Vec::new(),
                unplaced: Vec::new(),
                scale: 1.0,
                attempts: 0,
                mask_area: mask.area,
                ink_area: 0,
            });
        }
        if self.font.as_ref() != Some(&options.font) || self.inks.len() > CACHE_LIMIT {
            self.font = Some(options.font.clone());
            self.drawn.clear();
            self.inks.clear();
            self.metrics.clear();
            self.sprites.clear();
        }
        let mask = options.area()?;
        let plan = self.plan(words, options, mask)?;
        self.search(&plan, options)
    }

    /// The largest scale at which every word fits, found by shrinking (and, with no
    /// `font_max`, growing) from a first guess; failed tries stop at the first word that
    /// does not fit.
    fn search(&mut self, plan: &Plan, options: &CloudOptions) -> Result<CloudLayout> {
        let may_grow = options.font_max.is_none();
        let mut k = plan.first_scale;
        let (mut fits, mut fails): (Option<f64>, Option<f64>) = (None, None);
        let mut best: Option<CloudLayout> = None;
        let mut attempts = 0;
        while attempts < MAX_ATTEMPTS {
            attempts += 1;
            match self.attempt(plan, options, k, true)? {
                Outcome::Placed(layout) => {
                    let full = layout.ink_area as f64 >= FULL_ENOUGH * layout.mask_area as f64;
                    fits = Some(k);
                    best = Some(layout);
                    k = match fails {
                        Some(f) if f / k < SCALE_PRECISION => break,
                        Some(f) => (k * f).sqrt(),
                        // Words cover most of the shape already: larger ones would not fit.
                        None if full => break,
                        None if may_grow => k * 1.12,
                        None => break,
                    };
                }
                Outcome::Stopped { placed_share } => {
                    fails = Some(k);
                    let floored = plan.largest_nominal * k <= f64::from(SIZE_FLOOR);
                    k = match fits {
                        Some(f) if k / f < SCALE_PRECISION => break,
                        Some(f) => (k * f).sqrt(),
                        None if floored => break,
                        // What fitted before the failure says roughly how much must go.
                        None => k * placed_share.sqrt().clamp(0.55, 0.92),
                    };
                }
            }
        }
        let mut layout = match best {
            Some(layout) => layout,
            None => {
                // Nothing fitted: place what fits at the smallest scale tried, name the rest.
                attempts += 1;
                let smallest = fails.unwrap_or(k).min(k);
                match self.attempt(plan, options, smallest, false)? {
                    Outcome::Placed(layout) => layout,
                    Outcome::Stopped { .. } => unreachable!("a final attempt never stops"),
                }
            }
        };
        layout.attempts = attempts;
        Ok(layout)
    }

    fn plan(&mut self, words: &[CloudWord], options: &CloudOptions, mask: Mask) -> Result<Plan> {
        let (lo, hi) = words.iter().fold((f64::MAX, f64::MIN), |(lo, hi), w| {
            (lo.min(w.weight), hi.max(w.weight))
        });
        let font_min = options.font_min;
        let font_max = options.font_max.unwrap_or(font_min * AUTO_RANGE);
        let mut order: Vec<usize> = (0..words.len()).collect();
        // Biggest first; equal weights keep their input order.
        order.sort_by(|&a, &b| words[b].weight.total_cmp(&words[a].weight).then(a.cmp(&b)));
        let mut rng = rng::Rng::new(u64::from(options.seed) ^ 0x5745_4e58_4943_4c44);
        let (bx0, by0, bx1, by1) = mask.bounds;
        let (bw, bh) = (f64::from(bx1 - bx0), f64::from(by1 - by0));
        let (longest_row, longest_column) = longest_runs(&mask.allowed);
        let vertical_share = match options.orientation {
            Orientation::Horizontal => 0.0,
            Orientation::Mixed => 0.35,
            Orientation::Vertical => 0.85,
        };
        let mut prepared = Vec::with_capacity(words.len());
        let mut em_area = 0.0;
        for word in words {
            let t = if hi > lo {
                (word.weight - lo) / (hi - lo)
            } else {
                1.0
            };
            let t = match options.size_scale {
                SizeScale::Linear => t,
                SizeScale::Sqrt => t.sqrt(),
            };
            let mut nominal = font_min + (font_max - font_min) * t;
            // In ems at 100 px: how long the word runs, either way.
            let length = self.metrics_of(&word.text, 100)?.advance / 100.0;
            let cells = vertical_cells(&word.text);
            let turnable = cells.len() > 1 && options.orientation != Orientation::Horizontal;
            let column = if turnable {
                let mut sum = 0.0;
                for cell in &cells {
                    let m = self.metrics_of(&cell.text, 100)?;
                    sum += if cell.sideways { m.advance } else { 100.0 };
                }
                sum / 100.0
            } else {
                f64::INFINITY
            };
            // A long word at full size would be longer than the shape is wide (or, upright,
            // tall): cap it, so one word cannot shrink the whole cloud.
            let room = (longest_row / length).max(longest_column / column);
            nominal = nominal.min(0.92 * room).min(0.92 * bh.min(bw));
            em_area += nominal * nominal * length.max(1.0);
            let vertical = turnable && rng.next_f64() < vertical_share;
            let jitter = (rng.next_f64() - 0.5, rng.next_f64() - 0.5);
            prepared.push(Prepared {
                nominal,
                vertical,
                turnable,
                start: (
                    (mask.centroid.0 + jitter.0 * bw * 0.2).round() as i32,
                    (mask.centroid.1 + jitter.1 * bh * 0.2).round() as i32,
                ),
            });
        }
        let largest_nominal = prepared.iter().map(|p| p.nominal).fold(0.0, f64::max);
        let first_scale = match options.font_max {
            Some(_) => 1.0,
            None => (FIRST_FILL * mask.area as f64 / em_area.max(1.0)).sqrt(),
        };
        let aspect = (bw / bh).clamp(0.25, 4.0);
        let board = Board::new(&mask.allowed);
        let space = FreeSpace::new(&board);
        Ok(Plan {
            // Sizes are whole pixels: rounding must not pass a largest size that was asked for.
            size_cap: options
                .font_max
                .map_or(u32::MAX, |max| (max.floor() as u32).max(SIZE_FLOOR)),
            spiral: options.spiral,
            aspect,
            board,
            space,
            texts: words.iter().map(|w| w.text.clone()).collect(),
            order,
            prepared,
            mask,
            first_scale,
            largest_nominal,
        })
    }

    /// Draws, in one go, every run a try at scale `k` needs at the words' full sizes (both
    /// ways for a word that may turn) and that is not drawn yet: one canvas read-back rather
    /// than hundreds. Runs of smaller sizes a squeezed word tries are drawn when asked.
    fn draw_ahead(&mut self, plan: &Plan, k: f64) -> Result<()> {
        let mut wanted: Vec<(String, f64)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &i in &plan.order {
            let p = &plan.prepared[i];
            let full = ((p.nominal * k).round() as u32).clamp(SIZE_FLOOR, plan.size_cap);
            let drawn = raster_size(full);
            let text = &plan.texts[i];
            let mut runs = vec![text.clone()];
            if p.turnable {
                runs.extend(vertical_cells(text).into_iter().map(|c| c.text));
            }
            for run in runs {
                let key = (run, drawn);
                if !self.drawn.contains_key(&key) && seen.insert(key.clone()) {
                    wanted.push((key.0, f64::from(drawn)));
                }
            }
        }
        if wanted.is_empty() {
            return Ok(());
        }
        let font = self.font.clone().unwrap_or_default();
        let inks = self.rasterizer.rasterize_all(&wanted, &font)?;
        for ((run, size), ink) in wanted.into_iter().zip(inks) {
            self.drawn.insert((run, size as u32), Rc::new(ink));
        }
        Ok(())
    }

    /// One layout at scale `k`. With `stop_early`, gives up at the first word that fits
    /// nowhere (the search will shrink anyway).
    fn attempt(
        &mut self,
        plan: &Plan,
        options: &CloudOptions,
        k: f64,
        stop_early: bool,
    ) -> Result<Outcome> {
        self.draw_ahead(plan, k)?;
        let mut board = plan.board.clone();
        let mut space = plan.space.clone();
        let mut placed = Vec::with_capacity(plan.order.len());
        let mut unplaced = Vec::new();
        let (mut done_area, mut all_area) = (0.0, 0.0);
        for p in &plan.prepared {
            all_area += (p.nominal * k) * (p.nominal * k);
        }
        let mut ink_area = 0;
        let mut squeezed = 0;
        let squeeze_limit = plan.order.len() / SQUEEZE_SHARE;
        for &i in &plan.order {
            let p = &plan.prepared[i];
            let full = ((p.nominal * k).round() as u32).clamp(SIZE_FLOOR, plan.size_cap);
            let mut found = None;
            let tries: &[bool] = match (p.vertical, p.turnable) {
                (true, _) => &[true, false],
                (false, true) => &[false, true],
                (false, false) => &[false],
            };
            // A word that fits nowhere may go a little smaller, either way, before the whole
            // cloud is shrunk for it: the big words stay big and the small ones fill the
            // shape's far corners.
            let mut sizes = vec![full];
            for factor in SQUEEZE {
                let size = ((f64::from(full) * factor).round() as u32).max(SIZE_FLOOR);
                if size < *sizes.last().unwrap_or(&full) {
                    sizes.push(size);
                }
            }
            'search: for (n, &size) in sizes.iter().enumerate() {
                // Made smaller, a word keeps the way it was meant to run.
                let ways = if n == 0 { tries } else { &tries[..1] };
                for &vertical in ways {
                    let sprite = self.sprite(&plan.texts[i], size, vertical, options)?;
                    if let Some(at) = find_place(&board, &space, &sprite, p, plan) {
                        found = Some((sprite, at, vertical, size));
                        break 'search;
                    }
                }
            }
            if let Some((.., size)) = found {
                if size < full {
                    squeezed += 1;
                    if stop_early && squeezed > squeeze_limit {
                        found = None;
                    }
                }
            }
            match found {
                Some((sprite, (tx, ty), vertical, size)) => {
                    let pad = (sprite.test.width() - sprite.ink.width()) as i32 / 2;
                    let (ix, iy) = (tx as i32 + pad, ty as i32 + pad);
                    board.mark(&sprite.ink, ix as u32, iy as u32);
                    let (x1, y1) = (
                        ix as u32 + sprite.ink.width(),
                        iy as u32 + sprite.ink.height(),
                    );
                    space.update(&board, ix as u32, iy as u32, x1, y1);
                    ink_area += sprite.ink.count_ones();
                    // The word's origin, from where the padded sprite went.
                    let (ox, oy) = (tx as i32 - sprite.test_x, ty as i32 - sprite.test_y);
                    placed.push(PlacedWord {
                        index: i as u32,
                        text: plan.texts[i].clone(),
                        size,
                        orientation: if vertical {
                            WordOrientation::Vertical
                        } else {
                            WordOrientation::Horizontal
                        },
                        x: ix,
                        y: iy,
                        width: sprite.ink.width(),
                        height: sprite.ink.height(),
                        pieces: sprite
                            .pieces
                            .iter()
                            .map(|piece| Piece {
                                x: ox + piece.x,
                                y: oy + piece.y,
                                ..piece.clone()
                            })
                            .collect(),
                    });
                    done_area += (p.nominal * k) * (p.nominal * k);
                }
                None if stop_early => {
                    return Ok(Outcome::Stopped {
                        placed_share: done_area / all_area,
                    })
                }
                None => unplaced.push(UnplacedWord {
                    index: i as u32,
                    text: plan.texts[i].clone(),
                }),
            }
        }
        unplaced.sort_by_key(|u| u.index);
        Ok(Outcome::Placed(CloudLayout {
            width: options.width,
            height: options.height,
            words: placed,
            unplaced,
            scale: k,
            attempts: 0,
            mask_area: plan.mask.area,
            ink_area,
        }))
    }

    /// Measured at its drawing size, scaled (metrics of a font scale with its size).
    fn metrics_of(&mut self, run: &str, size: u32) -> Result<RunMetrics> {
        let drawn = raster_size(size);
        let key = (run.to_string(), drawn);
        let m = match self.metrics.get(&key) {
            Some(m) => *m,
            None => {
                let font = self.font.clone().unwrap_or_default();
                let m = self.rasterizer.measure(run, &font, f64::from(drawn))?;
                self.metrics.insert(key, m);
                m
            }
        };
        let f = f64::from(size) / f64::from(drawn);
        Ok(RunMetrics {
            advance: m.advance * f,
            ascent: m.ascent * f,
            descent: m.descent * f,
        })
    }

    /// Drawn at its drawing size, scaled to `size`.
    fn ink_of(&mut self, run: &str, size: u32) -> Result<Rc<Ink>> {
        let key = (run.to_string(), size);
        if let Some(ink) = self.inks.get(&key) {
            return Ok(ink.clone());
        }
        let drawn = raster_size(size);
        let base = match self.drawn.get(&(run.to_string(), drawn)) {
            Some(ink) => ink.clone(),
            None => {
                let font = self.font.clone().unwrap_or_default();
                let ink = Rc::new(self.rasterizer.rasterize(run, &font, f64::from(drawn))?);
                self.drawn.insert((run.to_string(), drawn), ink.clone());
                ink
            }
        };
        let ink = if drawn == size {
            base
        } else {
            Rc::new(base.scaled(f64::from(size) / f64::from(drawn)))
        };
        self.inks.insert(key, ink.clone());
        Ok(ink)
    }

    fn sprite(
        &mut self,
        text: &str,
        size: u32,
        vertical: bool,
        options: &CloudOptions,
    ) -> Result<Rc<Sprite>> {
        // Bigger words keep a wider margin: 1 px is a hairline next to 100 px characters.
        let padding = options.padding + (f64::from(size) * 0.03).round() as u32;
        let key = (text.to_string(), size, vertical, padding);
        if let Some(sprite) = self.sprites.get(&key) {
            return Ok(sprite.clone());
        }
        let sprite = Rc::new(self.build_sprite(text, size, vertical, padding)?);
        self.sprites.insert(key, sprite.clone());
        Ok(sprite)
    }

    /// A word's pixels: one run, or a column of cells.
    fn build_sprite(
        &mut self,
        text: &str,
        size: u32,
        vertical: bool,
        padding: u32,
    ) -> Result<Sprite> {
        // (ink, its top-left from the word's origin) of every piece.
        let mut parts: Vec<(Rc<Ink>, bool, i32, i32)> = Vec::new();
        let mut pieces = Vec::new();
        if !vertical {
            let ink = self.ink_of(text, size)?;
            parts.push((ink.clone(), false, ink.left, ink.top));
            pieces.push(Piece {
                text: text.to_string(),
                x: 0,
                y: 0,
                rotated: false,
            });
        } else {
            let cells = vertical_cells(text);
            let mut metrics = Vec::with_capacity(cells.len());
            let mut column = 0f64;
            for cell in &cells {
                let m = self.metrics_of(&cell.text, size)?;
                column = column.max(if cell.sideways {
                    m.ascent + m.descent
                } else {
                    m.advance
                });
                metrics.push(m);
            }
            let centre = column / 2.0;
            let mut top = 0f64;
            for (cell, m) in cells.iter().zip(metrics) {
                let ink = self.ink_of(&cell.text, size)?;
                if cell.sideways {
                    // Turned clockwise about the pen: the em box's middle on the column's.
                    let pen = (
                        (centre - (m.ascent - m.descent) / 2.0).round() as i32,
                        top.round() as i32,
                    );
                    let h = ink.bits.height() as i32;
                    parts.push((ink.clone(), true, pen.0 - (ink.top + h), pen.1 + ink.left));
                    pieces.push(Piece {
                        text: cell.text.clone(),
                        x: pen.0,
                        y: pen.1,
                        rotated: true,
                    });
                    top += m.advance;
                } else {
                    let pen = (
                        (centre - m.advance / 2.0).round() as i32,
                        (top + m.ascent).round() as i32,
                    );
                    parts.push((ink.clone(), false, pen.0 + ink.left, pen.1 + ink.top));
                    pieces.push(Piece {
                        text: cell.text.clone(),
                        x: pen.0,
                        y: pen.1,
                        rotated: false,
                    });
                    top += m.ascent + m.descent;
                }
            }
        }
        let turned: Vec<Option<Bitmap>> = parts
            .iter()
            .map(|(ink, rotated, _, _)| rotated.then(|| ink.bits.rotate_cw()))
            .collect();
        let bits_of = |i: usize| turned[i].as_ref().unwrap_or(&parts[i].0.bits);
        let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for (i, &(_, _, x, y)) in parts.iter().enumerate() {
            let b = bits_of(i);
            (x0, y0) = (x0.min(x), y0.min(y));
            (x1, y1) = (x1.max(x + b.width() as i32), y1.max(y + b.height() as i32));
        }
        let mut ink = Bitmap::new((x1 - x0) as u32, (y1 - y0) as u32);
        for (i, &(_, _, x, y)) in parts.iter().enumerate() {
            ink.blit(bits_of(i), (x - x0) as u32, (y - y0) as u32);
        }
        if ink.is_empty() {
            // A run the font draws nothing for still takes its room.
            ink = Bitmap::new(ink.width().max(1), ink.height().max(1));
            for y in 0..ink.height() {
                ink.set_span(y, 0, ink.width());
            }
        }
        // Nothing goes inside a character: small words in the counters of big ones are hard
        // to read.
        let ink = ink.fill_enclosed();
        let test = ink.dilate(padding);
        let squares = space::solid_squares(&test).expect("a sprite always has ink");
        Ok(Sprite {
            test,
            ink,
            test_x: x0 - padding as i32,
            test_y: y0 - padding as i32,
            pieces,
            squares,
        })
    }
}

enum Outcome {
    Placed(CloudLayout),
    Stopped { placed_share: f64 },
}

/// What a layout keeps of each word between tries.
struct Prepared {
    /// Size at scale 1, px.
    nominal: f64,
    /// Tried vertical first.
    vertical: bool,
    /// Has a vertical form other than its horizontal one, and may take it.
    turnable: bool,
    /// Where its search starts: it goes to the nearest place from here that is free.
    start: (i32, i32),
}

struct Plan {
    size_cap: u32,
    texts: Vec<String>,
    order: Vec<usize>,
    prepared: Vec<Prepared>,
    /// How "nearest" is measured, as the spiral of that name walks: archimedean, ellipses;
    /// rectangular, rectangles; `aspect` times as wide as tall (the area's own proportions).
    spiral: Spiral,
    aspect: f64,
    /// The empty board and its free space, copied by each attempt.
    board: Board,
    space: FreeSpace,
    mask: Mask,
    first_scale: f64,
    largest_nominal: f64,
}

/// The place nearest the word's start (in the spiral's metric) where `sprite`'s padded
/// pixels touch nothing: the top-left corner of `sprite.test`. Exact to the pixel, as the
/// spiral d3-cloud walks is only approximately (it steps 0.1 rad, 30 px apart at a radius of
/// 300 px, and misses gaps).
///
/// Only pixels where the sprite's first solid square has room can be the square's corner, so
/// the search goes over the cells of that level ring by ring around where the square lands at
/// the start, skipping a closed cell with one test, and stops at the first ring that cannot
/// hold anything nearer than the best place found.
fn find_place(
    board: &Board,
    space: &FreeSpace,
    sprite: &Sprite,
    p: &Prepared,
    plan: &Plan,
) -> Option<(u32, u32)> {
    let (bx0, by0, bx1, by1) = plan.mask.bounds;
    let (sw, sh) = (sprite.test.width(), sprite.test.height());
    if sw > bx1 - bx0 || sh > by1 - by0 {
        return None;
    }
    let (level, probes) = (sprite.squares.0, sprite.squares.1.as_slice());
    if !space.has_any_room(level) {
        return None;
    }
    let (x_min, y_min, x_max, y_max) =
        (bx0 as i32, by0 as i32, (bx1 - sw) as i32, (by1 - sh) as i32);
    let (ox, oy) = (probes[0].0 as i32, probes[0].1 as i32);
    // The first square's corner when the sprite sits centred on the start.
    let q0 = (
        p.start.0 - (sw / 2) as i32 + ox,
        p.start.1 - (sh / 2) as i32 + oy,
    );
    let e = plan.aspect;
    let metric = |dx: f64, dy: f64| match plan.spiral {
        Spiral::Archimedean => ((dx / e) * (dx / e) + dy * dy).sqrt(),
        Spiral::Rectangular => (dx.abs() / e).max(dy.abs()),
    };
    let cell = space::CELL as i32;
    let (columns, rows) = space.cells();
    let (c0x, c0y) = (q0.0.div_euclid(cell), q0.1.div_euclid(cell));
    let mut best: Option<(f64, u32, u32)> = None;
    // Tries every place whose first square's corner is in cell (cx, cy).
    let visit = |cx: u32, cy: u32, best: &mut Option<(f64, u32, u32)>| {
        let (x0, y0) = ((cx * space::CELL) as i32, (cy * space::CELL) as i32);
        // Nothing in the cell can beat the best so far?
        let near_x = f64::from((x0 - q0.0).max(q0.0 - (x0 + cell - 1)).max(0));
        let near_y = f64::from((y0 - q0.1).max(q0.1 - (y0 + cell - 1)).max(0));
        if best.is_some_and(|(d, ..)| metric(near_x, near_y) >= d) {
            return;
        }
        // Corners (of the first square) within the bounds, as bits of the cell's columns.
        let columns_in = |lo: i32, hi: i32| -> u8 {
            let (a, b) = ((lo - x0).max(0), (hi - x0).min(cell - 1));
            if a > b {
                0
            } else {
                (((1u16 << (b - a + 1)) - 1) << a) as u8
            }
        };
        let in_bounds = columns_in(x_min + ox, x_max + ox);
        for y in (y0.max(y_min + oy))..(y0 + cell).min(y_max + oy + 1) {
            // Every square must have room: the rows of bits, one per square, ANDed at once.
            let mut row = space.room_byte(level, x0, y) & in_bounds;
            for &(px, py) in &probes[1..] {
                if row == 0 {
                    break;
                }
                let (dx, dy) = (px as i32 - ox, py as i32 - oy);
                row &= space.room_byte(level, x0 + dx, y + dy);
            }
            while row != 0 {
                let x = x0 + row.trailing_zeros() as i32;
                row &= row - 1;
                let d = metric(f64::from(x - q0.0), f64::from(y - q0.1));
                if best.is_some_and(|(b, ..)| d >= b) {
                    continue;
                }
                let (tx, ty) = ((x - ox) as u32, (y - oy) as u32);
                if !board.collides(&sprite.test, tx, ty) {
                    *best = Some((d, tx, ty));
                }
            }
        }
    };
    let mut inner_x = -1i32; // half-width (cells) of the rings done so far
    for r in 0i32.. {
        // Every cell outside the rings done is at least this far: a cell r rows away, or more
        // than ⌈(r-1)·aspect⌉ columns, is (r-1) cells of pixels away at the least.
        let bound = f64::from(cell * (r - 1).max(0));
        if best.is_some_and(|(d, ..)| d < bound) {
            break;
        }
        let half_x = (f64::from(r) * e).ceil() as i32;
        let clip = |a: i32, b: i32| (a.max(0), b.min(columns as i32 - 1));
        for dcy in -r..=r {
            let cy = c0y + dcy;
            if cy < 0 || cy >= rows as i32 {
                continue;
            }
            // The ring: whole rows at its top and bottom (a word of cells at a time), only the
            // new columns elsewhere (one or two cells each side: tested one by one).
            if dcy.abs() == r {
                let (from, to) = clip(c0x - half_x, c0x + half_x);
                if from <= to {
                    space.open_cells_in(level, cy as u32, from as u32, to as u32, |cx| {
                        visit(cx, cy as u32, &mut best)
                    });
                }
                continue;
            }
            for (from, to) in [
                clip(c0x - half_x, c0x - inner_x - 1),
                clip(c0x + inner_x + 1, c0x + half_x),
            ] {
                for cx in from..=to {
                    if space.is_open(level, cx as u32, cy as u32) {
                        visit(cx as u32, cy as u32, &mut best);
                    }
                }
            }
        }
        inner_x = half_x;
        let covers = c0x - half_x <= 0
            && c0x + half_x >= columns as i32 - 1
            && c0y - r <= 0
            && c0y + r >= rows as i32 - 1;
        if covers {
            break;
        }
    }
    best.map(|(_, x, y)| (x, y))
}

/// The longest horizontal and vertical runs of allowed pixels, px (columns sampled every
/// 4 px: this only caps how long a word may be).
fn longest_runs(allowed: &Bitmap) -> (f64, f64) {
    let (w, h) = (allowed.width(), allowed.height());
    let mut row_best = 0u32;
    let columns: Vec<u32> = (0..w).step_by(4).collect();
    let mut column_run = vec![0u32; columns.len()];
    let mut column_best = 0u32;
    for y in 0..h {
        let mut run = 0u32;
        for &word in allowed.row(y) {
            // Runs inside the word, and the one carried over from the word before.
            if word == u64::MAX {
                run += 64;
                row_best = row_best.max(run);
                continue;
            }
            row_best = row_best.max(run + word.trailing_ones());
            let mut rest = word;
            while rest != 0 {
                let start = rest.trailing_zeros();
                let length = (rest >> start).trailing_ones();
                row_best = row_best.max(length);
                rest &= !(((1u128 << (start + length)) - 1) as u64);
            }
            run = word.leading_ones();
        }
        for (c, &x) in columns.iter().enumerate() {
            if allowed.get(x, y) {
                column_run[c] += 1;
                column_best = column_best.max(column_run[c]);
            } else {
                column_run[c] = 0;
            }
        }
    }
    (f64::from(row_best), f64::from(column_best))
}
