//! # Wenxi 文析 — Chinese text analysis, native and in WebAssembly
//!
//! Bytes are decoded ([`decode`]), cleaned and split into sentences ([`clean`]),
//! segmented with jieba-rs ([`segment`]) once per document and kept as compact
//! tokens in a [`corpus::Corpus`]. Everything else — term filters ([`filter`]),
//! keywords ([`keywords`]), phrases ([`phrases`]), co-occurrence networks
//! ([`cooccur`]), keyword in context ([`concordance`]) and keyness ([`compare`]) —
//! re-aggregates those tokens. [`Analyzer`] is the facade the page (through
//! `wasm.rs`) and the `wenxi` command line use. jieba's dictionary and IDF table come
//! from one compact file generated at build time ([`dictionary`]): compiled into native
//! builds (`Analyzer::new`), fetched by the page (`Analyzer::with_dictionary`).
//!
//! ```
//! use wenxi::{Analyzer, AnalysisOptions};
//! let mut analyzer = Analyzer::new();
//! analyzer.add_text("a.txt", "大力弘扬劳模精神、劳动精神、工匠精神。", &mut |_| {}).unwrap();
//! let analysis = analyzer.analyze(&AnalysisOptions::default()).unwrap();
//! assert!(analysis.terms.iter().any(|t| t.term == "劳模"));
//! ```

pub mod analyzer;
pub mod clean;
mod cloud;
pub mod compare;
pub mod concordance;
pub mod cooccur;
pub mod corpus;
pub mod decode;
pub mod dictionary;
pub mod error;
pub mod filter;
pub mod keywords;
pub mod phrases;
pub mod segment;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyzer::{
    Analysis, AnalysisOptions, Analyzer, Keyness, KeynessOptions, KeywordWeight, SegmentToken,
    TermRow,
};
pub use cloud::{
    has_ideograph, is_upright, layout_cloud, vertical_cells, Bitmap, BoxRasterizer, Cell,
    CloudEngine, CloudLayout, CloudOptions, CloudWord, FontSpec, Glyphs, Ink, Mask, MaskChannel,
    MaskImage, Orientation, Piece, PlacedWord, Rasterizer, RunMetrics, Shape, SizeScale, Spiral,
    UnplacedWord, WordOrientation,
};
pub use concordance::{Kwic, KwicLine, KwicOptions, KwicSort};
pub use cooccur::{Measure, Network, NetworkOptions, Unit};
pub use corpus::{DocumentInfo, MAX_DOCUMENT_BYTES};
pub use dictionary::Dictionary;
pub use error::{Error, Result};
pub use filter::FilterOptions;
pub use phrases::{Phrase, PhraseOptions};
