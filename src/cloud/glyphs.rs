//! Glyph shapes: what a [`Rasterizer`] says a run of text looks like at a size, and how a word
//! is made of runs — one run when horizontal; when vertical (竖排), a column of upright
//! characters, with Latin runs of three or more letters turned a quarter clockwise, as in
//! vertical print (one or two, e.g. the 5 of 5G, stand upright in the column: 縱中橫).

use serde::{Deserialize, Serialize};

use super::bits::Bitmap;
use crate::Result;

/// A CSS font family list and a weight; the page draws with the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct FontSpec {
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub family: String,
    /// 100-900, as CSS.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub weight: u16,
}

impl Default for FontSpec {
    fn default() -> Self {
        FontSpec {
            family: "sans-serif".into(),
            weight: 400,
        }
    }
}

impl FontSpec {
    /// The CSS `font` shorthand at `size` px, as canvas takes it.
    pub fn css(&self, size: f64) -> String {
        format!("{} {size}px {}", self.weight, self.family)
    }
}

/// How a run of text sits on its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunMetrics {
    /// Horizontal advance, px.
    pub advance: f64,
    /// From the baseline up to the top of the em box, px (ascent + descent = the size).
    pub ascent: f64,
    /// From the baseline down to the bottom of the em box, px.
    pub descent: f64,
}

/// The ink of a run drawn with its pen at (0, 0) on the baseline: `bits`' top-left corner is at
/// (`left`, `top`) from the pen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ink {
    pub left: i32,
    pub top: i32,
    pub bits: Bitmap,
}

impl Ink {
    /// The ink drawn `factor` times as large, conservatively: every pixel the scaled ink would
    /// touch at all is set, so that words never come closer than the padding says.
    pub fn scaled(&self, factor: f64) -> Ink {
        let (w, h) = (self.bits.width(), self.bits.height());
        let left = (f64::from(self.left) * factor).floor() as i32;
        let top = (f64::from(self.top) * factor).floor() as i32;
        let right = (f64::from(self.left + w as i32) * factor).ceil() as i32;
        let bottom = (f64::from(self.top + h as i32) * factor).ceil() as i32;
        let mut bits = Bitmap::new((right - left).max(1) as u32, (bottom - top).max(1) as u32);
        // Source pixel edges in target pixels, relative to the target's corner.
        let x_edge = |i: u32| f64::from(self.left + i as i32) * factor - f64::from(left);
        let y_edge = |j: u32| f64::from(self.top + j as i32) * factor - f64::from(top);
        let (tw, th) = (bits.width(), bits.height());
        for j in 0..h {
            let y0 = (y_edge(j).floor() as u32).min(th - 1);
            let y1 = (y_edge(j + 1).ceil() as u32).clamp(y0 + 1, th);
            let mut x = 0;
            while x < w {
                if !self.bits.get(x, j) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < w && self.bits.get(x, j) {
                    x += 1;
                }
                let x0 = (x_edge(start).floor() as u32).min(tw - 1);
                let x1 = (x_edge(x).ceil() as u32).clamp(x0 + 1, tw);
                for y in y0..y1 {
                    bits.set_span(y, x0, x1);
                }
            }
        }
        Ink { left, top, bits }
    }
}

/// Measures and draws runs of text. The page's worker uses an OffscreenCanvas (src/wasm.rs);
/// native tests use [`BoxRasterizer`].
pub trait Rasterizer {
    fn measure(&mut self, run: &str, font: &FontSpec, size: f64) -> Result<RunMetrics>;
    /// The ink of `run` drawn horizontally, one bit per pixel.
    fn rasterize(&mut self, run: &str, font: &FontSpec, size: f64) -> Result<Ink>;
    /// Many runs at once, in order, each as [`Rasterizer::rasterize`] draws it. A canvas draws
    /// them on one sheet and reads it back once: reading pixels back is what costs there
    /// (about a millisecond a read, whatever its size).
    fn rasterize_all(&mut self, runs: &[(String, f64)], font: &FontSpec) -> Result<Vec<Ink>> {
        runs.iter()
            .map(|(run, size)| self.rasterize(run, font, *size))
            .collect()
    }
}

/// Every glyph a filled box: a full-width character 1 em wide with ink 0.88 em square; any
/// other character 0.55 em wide, ink 0.7 em tall. Deterministic, so golden layouts can be
/// read and compared.
#[derive(Debug, Default, Clone, Copy)]
pub struct BoxRasterizer;

impl BoxRasterizer {
    const ASCENT: f64 = 0.88;

    fn advance(c: char, size: f64) -> f64 {
        if is_upright(c) {
            size
        } else {
            0.55 * size
        }
    }
}

impl Rasterizer for BoxRasterizer {
    fn measure(&mut self, run: &str, _font: &FontSpec, size: f64) -> Result<RunMetrics> {
        Ok(RunMetrics {
            advance: run.chars().map(|c| Self::advance(c, size)).sum(),
            ascent: Self::ASCENT * size,
            descent: (1.0 - Self::ASCENT) * size,
        })
    }

    fn rasterize(&mut self, run: &str, _font: &FontSpec, size: f64) -> Result<Ink> {
        let top = (-0.82 * size).floor() as i32;
        let bottom = (0.06 * size).ceil() as i32;
        let width: f64 = run.chars().map(|c| Self::advance(c, size)).sum();
        let mut bits = Bitmap::new(width.ceil().max(1.0) as u32, (bottom - top).max(1) as u32);
        let mut pen = 0.0;
        for c in run.chars() {
            let advance = Self::advance(c, size);
            let (x0, x1, y0) = if is_upright(c) {
                (pen + 0.06 * size, pen + 0.94 * size, top)
            } else if c.is_whitespace() {
                pen += advance;
                continue;
            } else {
                (
                    pen + 0.04 * size,
                    pen + 0.51 * size,
                    (-0.7 * size).floor() as i32,
                )
            };
            let (x0, x1) = (
                x0.round() as u32,
                (x1.round() as u32).max(x0.round() as u32 + 1),
            );
            // Full-width ink reaches a little below the baseline; Latin stays above it.
            let y1 = if is_upright(c) { bottom } else { 0 };
            for y in y0..y1.max(y0 + 1) {
                bits.set_span((y - top) as u32, x0, x1);
            }
            pen += advance;
        }
        Ok(Ink { left: 0, top, bits })
    }
}

/// Characters that stand upright in a vertical line: CJK ideographs, kana, hangul, bopomofo,
/// CJK symbols and punctuation, full-width forms.
pub fn is_upright(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF
        | 0x2E80..=0x2FFF
        | 0x3000..=0x303F
        | 0x3040..=0x30FF
        | 0x3100..=0x31FF
        | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE1F
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFF)
}

/// Whether a string holds a CJK ideograph (what must never lie on its side).
pub fn has_ideograph(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
    })
}

/// One run of a vertical word: an upright cell, or a Latin run turned a quarter clockwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub sideways: bool,
}

/// A vertical word's cells, top to bottom. Runs of other characters of one or two chars stay
/// upright (as 縱中橫), longer ones are turned sideways.
pub fn vertical_cells(word: &str) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, cells: &mut Vec<Cell>| {
        if !run.is_empty() {
            let sideways = run.chars().count() > 2;
            cells.push(Cell {
                text: std::mem::take(run),
                sideways,
            });
        }
    };
    for c in word.chars() {
        if is_upright(c) {
            flush(&mut run, &mut cells);
            cells.push(Cell {
                text: c.to_string(),
                sideways: false,
            });
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut cells);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_stands_latin_turns() {
        let cells = vertical_cells("劳模精神");
        assert_eq!(cells.len(), 4);
        assert!(cells
            .iter()
            .all(|c| !c.sideways && c.text.chars().count() == 1));
        let mixed = vertical_cells("5G网络iPhone");
        assert_eq!(
            mixed,
            [
                Cell {
                    text: "5G".into(),
                    sideways: false
                },
                Cell {
                    text: "网".into(),
                    sideways: false
                },
                Cell {
                    text: "络".into(),
                    sideways: false
                },
                Cell {
                    text: "iPhone".into(),
                    sideways: true
                },
            ]
        );
        assert!(has_ideograph("AI技术") && !has_ideograph("GDP") && !has_ideograph("、"));
    }

    #[test]
    fn scaled_ink_covers_every_pixel_the_scaled_glyph_would() {
        let mut bits = Bitmap::new(3, 2);
        bits.set(0, 0);
        bits.set(2, 1);
        let ink = Ink {
            left: -1,
            top: -2,
            bits,
        };
        let up = ink.scaled(2.0);
        assert_eq!(
            (up.left, up.top, up.bits.width(), up.bits.height()),
            (-2, -4, 6, 4)
        );
        assert!(up.bits.get(0, 0) && up.bits.get(1, 1) && !up.bits.get(2, 0));
        assert!(up.bits.get(5, 3) && up.bits.get(4, 2));
        assert_eq!(up.bits.count_ones(), 8);
        // Down: both pixels survive, each at least one pixel.
        let down = ink.scaled(0.4);
        assert!(down.bits.count_ones() >= 2);
        // Each source pixel lands inside the scaled bitmap's box.
        for factor in [0.3, 0.75, 1.0, 1.3, 2.7] {
            let s = ink.scaled(factor);
            for (x, y) in ink.bits.ones() {
                let (cx, cy) = (
                    (f64::from(ink.left + x as i32) + 0.5) * factor,
                    (f64::from(ink.top + y as i32) + 0.5) * factor,
                );
                let (px, py) = (cx.floor() as i32 - s.left, cy.floor() as i32 - s.top);
                assert!(s.bits.get(px as u32, py as u32), "{factor}: {x},{y}");
            }
        }
    }

    #[test]
    fn boxes_are_measured_and_drawn_consistently() {
        let mut r = BoxRasterizer;
        let font = FontSpec::default();
        let m = r.measure("中国", &font, 20.0).unwrap();
        assert_eq!(m.advance, 40.0);
        assert!((m.ascent + m.descent - 20.0).abs() < 1e-9);
        let ink = r.rasterize("中国", &font, 20.0).unwrap();
        // Two boxes with a gap between them, above and a little below the baseline.
        assert_eq!(ink.top, -17);
        let b = ink.bits.bounds().unwrap();
        assert_eq!((b.0, b.2), (1, 39));
        assert!(!ink.bits.get(19, 5) && !ink.bits.get(20, 5) && ink.bits.get(22, 5));
        let latin = r.rasterize("ab", &font, 20.0).unwrap();
        assert!(latin.bits.width() <= 22);
    }
}
