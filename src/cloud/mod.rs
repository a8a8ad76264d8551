//! Word-cloud layout (词云排版) as d3-cloud does it — words biggest first, each placed where
//! its pixels touch nothing, as near its starting point (the middle of the shape, jittered) as
//! it can be, with the board kept as bitmask rows, 64 pixels a word — plus what Chinese clouds
//! need and d3-cloud lacks:
//!
//! * **upright vertical words** (竖排): a vertical word is a column of upright characters,
//!   never a rotated line; only Latin runs in it are turned, as in vertical print;
//! * **masks**: built-in silhouettes or a person's own picture ([`Mask`]); outside the area
//!   is occupied from the start, so every word lies inside;
//! * **nothing dropped silently**: a word that fits nowhere may go a little smaller; when that
//!   is not enough the whole cloud is shrunk and laid out again; a word that still cannot be
//!   placed is named in [`CloudLayout::unplaced`];
//! * **dense**: the scale is the largest at which every word fits (a first guess from the
//!   words' em boxes, then larger or smaller), and each word goes to the nearest free place
//!   exactly, where d3-cloud's spiral samples places 0.1 rad apart and misses gaps;
//! * **seeded**: the same words, options and seed give the same layout, in every build (the
//!   shapes use [`rng::sin_cos`], not the platform's `sin`).
//!
//! Glyphs come from a [`Rasterizer`]: an OffscreenCanvas in the page's worker (`src/wasm.rs`),
//! [`BoxRasterizer`] in native tests. The result says where each piece of text goes (pen
//! position on the alphabetic baseline), so SVG and canvas drawings match the layout at any
//! scale. How places are found fast: [`space`].

mod bits;
mod engine;
mod glyphs;
mod mask;
mod rng;
mod space;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};
pub use bits::Bitmap;
pub use engine::{layout_cloud, CloudEngine};
pub use glyphs::{
    has_ideograph, is_upright, vertical_cells, BoxRasterizer, Cell, FontSpec, Ink, Rasterizer,
    RunMetrics,
};
pub use mask::{Mask, MaskChannel, MaskImage, Shape};

/// A word to lay out; the weight sets its size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CloudWord {
    pub text: String,
    pub weight: f64,
}

/// Which way words run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Orientation {
    /// Every word horizontal.
    Horizontal,
    /// About a third of the words vertical.
    #[default]
    Mixed,
    /// Most words vertical.
    Vertical,
}

/// What "nearest" means when a word looks for a free place, named after d3-cloud's spirals:
/// archimedean, ellipses around the start; rectangular, rectangles; both as wide as the
/// shape's own proportions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Spiral {
    #[default]
    Archimedean,
    Rectangular,
}

/// How a weight becomes a size between the smallest and the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SizeScale {
    Linear,
    /// The square root: a word's area grows with its weight.
    #[default]
    Sqrt,
}

/// Which rasteriser the wasm build draws glyphs with. Native callers pass their own and this
/// is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Glyphs {
    /// OffscreenCanvas 2D: the real font.
    #[default]
    Canvas,
    /// [`BoxRasterizer`]: deterministic boxes, the same in Node and in native tests.
    Boxes,
}

/// Options of a layout. Sizes are in layout pixels (CSS px of the cloud's box).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct CloudOptions {
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub width: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub height: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub shape: Shape,
    /// A picture whose area replaces `shape`.
    #[cfg_attr(test, ts(optional = nullable))]
    pub mask: Option<MaskImage>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub orientation: Orientation,
    /// Another seed, another arrangement of the same words (重新排列).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub seed: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub font: FontSpec,
    /// The smallest size a word gets at scale 1, px.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub font_min: f64,
    /// The largest size; `None`: as large as fills the shape. When given, the cloud only
    /// ever shrinks from it.
    #[cfg_attr(test, ts(optional = nullable))]
    pub font_max: Option<f64>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub size_scale: SizeScale,
    /// Free pixels kept around each word's ink.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub padding: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub spiral: Spiral,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub glyphs: Glyphs,
}

impl Default for CloudOptions {
    fn default() -> Self {
        CloudOptions {
            width: 800,
            height: 500,
            shape: Shape::default(),
            mask: None,
            orientation: Orientation::default(),
            seed: 0,
            font: FontSpec::default(),
            font_min: 10.0,
            font_max: None,
            size_scale: SizeScale::default(),
            padding: 1,
            spiral: Spiral::default(),
            glyphs: Glyphs::default(),
        }
    }
}

impl CloudOptions {
    /// The area a layout with these options fills: the picture's when there is one, else the
    /// shape's (what the page shows as a preview).
    pub fn area(&self) -> Result<Mask> {
        validate(&[], self)?;
        match &self.mask {
            Some(image) => Mask::image(image, self.width, self.height),
            None => Ok(Mask::shape(self.shape, self.width, self.height)),
        }
    }
}

/// Largest box side, px (the layout is drawn scaled for print; it need not be laid out so).
pub const MAX_SIDE: u32 = 4096;
/// Most words in one cloud.
pub const MAX_WORDS: usize = 2000;
/// No word is made smaller than this while shrinking, px.
pub const SIZE_FLOOR: u32 = 6;

/// A word's direction in the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum WordOrientation {
    Horizontal,
    Vertical,
}

/// A run of text to draw: its pen position on the alphabetic baseline (text-anchor start).
/// `rotated`: turned a quarter clockwise about (x, y), which only Latin runs of vertical
/// words are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Piece {
    pub text: String,
    pub x: i32,
    pub y: i32,
    pub rotated: bool,
}

/// A word where it was placed. (`x`, `y`, `width`, `height`): the box of its ink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlacedWord {
    /// Position in the input.
    pub index: u32,
    pub text: String,
    /// Font size, px.
    pub size: u32,
    pub orientation: WordOrientation,
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    /// Horizontal words: one piece, the whole word. Vertical words: one piece per upright
    /// character (or short Latin run), top to bottom, or a turned Latin run.
    pub pieces: Vec<Piece>,
}

/// A word that did not fit even at the smallest scale tried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UnplacedWord {
    pub index: u32,
    pub text: String,
}

/// A laid-out cloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CloudLayout {
    pub width: u32,
    pub height: u32,
    /// In the order they were placed: biggest first.
    pub words: Vec<PlacedWord>,
    /// Every input word is either in `words` or here.
    pub unplaced: Vec<UnplacedWord>,
    /// Sizes are `scale` × their size at scale 1 (never below 6 px; a word that fits nowhere
    /// may take 0.8 or 0.64 of its size).
    pub scale: f64,
    /// Layouts tried.
    pub attempts: u32,
    /// Pixels of the area (the shape or the picture).
    pub mask_area: u64,
    /// Of those, pixels covered by ink.
    pub ink_area: u64,
}

fn bad(option: &'static str, value: impl ToString) -> Error {
    Error::BadOption {
        option,
        value: value.to_string(),
    }
}

fn validate(words: &[CloudWord], o: &CloudOptions) -> Result<()> {
    for (option, side) in [("width", o.width), ("height", o.height)] {
        if !(16..=MAX_SIDE).contains(&side) {
            return Err(bad(option, side));
        }
    }
    if words.len() > MAX_WORDS {
        return Err(bad("words", words.len()));
    }
    for w in words {
        if w.text.trim().is_empty() || w.text.chars().count() > 100 {
            return Err(bad("words.text", &w.text));
        }
        if !w.weight.is_finite() || w.weight < 0.0 {
            return Err(bad("words.weight", w.weight));
        }
    }
    if !o.font_min.is_finite() || o.font_min < f64::from(SIZE_FLOOR) || o.font_min > 500.0 {
        return Err(bad("fontMin", o.font_min));
    }
    if let Some(max) = o.font_max {
        if !max.is_finite() || max < o.font_min || max > 2000.0 {
            return Err(bad("fontMax", max));
        }
    }
    if o.padding > 16 {
        return Err(bad("padding", o.padding));
    }
    if !(1..=1000).contains(&o.font.weight) {
        return Err(bad("font.weight", o.font.weight));
    }
    let family = &o.font.family;
    // It goes into a CSS font shorthand: nothing that could end or escape it.
    if family.trim().is_empty()
        || family.chars().count() > 300
        || family
            .chars()
            .any(|c| c.is_control() || matches!(c, ';' | '{' | '}' | '\\'))
    {
        return Err(bad("font.family", family));
    }
    Ok(())
}
