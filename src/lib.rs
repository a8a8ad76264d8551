//! # Wenxi 文析 — Chinese text analysis, native and in WebAssembly
//!
//! Bytes are decoded, cleaned and split into sentences; each document's lines are sorted into
//! the article's body and page furniture, its metadata read from its byline and file name
//! ([`DocumentInfo`]); it is segmented with jieba-rs once and kept as compact tokens over an
//! interned vocabulary. Everything else — term filters ([`FilterOptions`]), keywords
//! ([`TermRow`]), phrases ([`Phrase`]), co-occurrence networks ([`Network`]), keyword in
//! context ([`Kwic`]), keyness ([`Keyness`]), trends ([`Trends`]), dispersion ([`Dispersion`])
//! and text reuse ([`Reuse`]) — re-aggregates those tokens, for any selection of documents. [`Analyzer`] is the facade, and the whole API: the page uses
//! it through `wasm.rs`, the `wenxi` command line directly. Every refusal is an [`Error`]
//! with a stable code ([`Error::code`], [`ErrorPayload`]). jieba's dictionary and IDF table
//! come from one compact file generated at build time: compiled into native builds
//! (`Analyzer::new`), fetched by the page (`Analyzer::with_dictionary`).
//!
//! ```
//! use wenxi::{Analyzer, AnalysisOptions};
//! let mut analyzer = Analyzer::new();
//! analyzer.add_text("a.txt", "大力弘扬劳模精神、劳动精神、工匠精神。", &mut |_| {}).unwrap();
//! let analysis = analyzer.analyze(&AnalysisOptions::default()).unwrap();
//! assert!(analysis.terms.iter().any(|t| t.term == "劳模"));
//! ```

mod analyzer;
mod anatomy;
mod clean;
mod cloud;
mod colour_data;
mod compare;
mod concordance;
mod cooccur;
mod corpus;
mod decode;
mod dictionary;
mod error;
mod filter;
mod keywords;
mod metadata;
mod numbers;
mod order;
mod parallel;
mod phrases;
mod posseg;
mod reuse;
mod script;
mod segment;
mod suggest;
mod trends;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(test)]
mod typescript;

pub use analyzer::{
    Analysis, AnalysisOptions, Analyzer, Keyness, KeynessOptions, KeywordWeight, PreparedCheck,
    Scripts, SegmentToken, TermRow,
};
pub use anatomy::FurnitureKind;
pub use cloud::{
    layout_cloud, Bitmap, BoxRasterizer, CloudEngine, CloudLayout, CloudOptions, CloudWord,
    FontSpec, Glyphs, Ink, MaskChannel, MaskImage, Orientation, Piece, PlacedWord, Rasterizer,
    RunMetrics, Shape, SizeScale, Spiral, UnplacedWord, WordOrientation,
};
pub use colour_data::{
    ColourData, ColourDataOptions, ColourGroup, GroupBy, KeynessReference, TermColour,
};
pub use compare::KeyTerm;
pub use concordance::{Kwic, KwicLine, KwicOptions, KwicSort};
pub use cooccur::{Measure, Network, NetworkEdge, NetworkNode, NetworkOptions, Unit};
pub use corpus::{
    DocumentInfo, Edit, FileOrigin, FurnitureLine, Merge, MetadataPatch, PreparedDocument,
    SegmentationKey, MAX_DOCUMENT_BYTES, PREPARED_FILE, PREPARED_FORMAT_VERSION,
};
pub use error::{Error, ErrorPayload, FileKind, Result};
pub use filter::FilterOptions;
pub use metadata::DateSource;
pub use phrases::{Phrase, PhraseOptions};
pub use reuse::{
    PassageOptions, Reuse, ReuseOptions, ReusePair, ReusePassage, ReusePassages, DEFAULT_MIN_CHARS,
};
pub use script::{Script, Variant};
pub use suggest::{SuggestOptions, SuggestedStopWord};
pub use trends::{
    Dispersion, DispersionDocument, DispersionOptions, DocumentOrder, TrendBin, TrendBy,
    TrendOptions, TrendSeries, Trends,
};

/// The pipeline's stages, for the crate's own property tests, benchmarks and fuzz targets,
/// which drive them one at a time. Not part of the API: they change whenever the core does.
#[doc(hidden)]
pub mod internals {
    pub use crate::anatomy::{anatomy, Anatomy, Furniture};
    pub use crate::clean::{clean, sentences};
    pub use crate::cloud::{has_ideograph, is_upright, vertical_cells, Cell, Mask};
    pub use crate::decode::{decode, Decoded};
    pub use crate::dictionary::Dictionary;
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::dictionary::BUILTIN_WXD;
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::posseg::BUILTIN_WXP;
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::script::BUILTIN_WXS;
    pub use crate::segment::Segmenter;
}
