//! The analyzer: a corpus plus the user's stop words, and the calls the page and
//! the command line make. Analyses re-aggregate the stored tokens; only user
//! words re-segment.

use crate::compare::{keyness, KeyTerm};
use crate::concordance::{kwic, Kwic, KwicOptions};
use crate::cooccur::{network, Network, NetworkOptions};
use crate::corpus::{builtin_stop_words, Corpus, Counts, Document, DocumentInfo};
use crate::dictionary::Dictionary;
use crate::error::{Error, Result};
use crate::filter::FilterOptions;
use crate::keywords::{corpus_idf, textrank, tfidf};
use crate::phrases::{discover, Phrase, PhraseOptions};
use crate::segment::Segmenter;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How the terms list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum KeywordWeight {
    Freq,
    Tfidf,
    TfidfCorpus,
    Textrank,
}

/// Everything `analyze` can be told; every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalysisOptions {
    /// Document ids to include; `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub filter: FilterOptions,
    /// Rows in `terms`.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub top_terms: u32,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub keyword_weight: KeywordWeight,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub network: NetworkOptions,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub phrases: PhraseOptions,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            documents: None,
            filter: FilterOptions::default(),
            top_terms: 200,
            keyword_weight: KeywordWeight::Freq,
            network: NetworkOptions::default(),
            phrases: PhraseOptions::default(),
        }
    }
}

/// One row of the keyword table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TermRow {
    pub term: String,
    pub pos: String,
    pub freq: u32,
    pub doc_freq: u32,
    pub tfidf: f64,
    pub tfidf_corpus: f64,
    pub textrank: f64,
}

/// What every view of the page needs, for one selection and one set of options.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub documents: u32,
    pub tokens: u64,
    pub term_tokens: u64,
    pub vocabulary: u32,
    pub terms: Vec<TermRow>,
    pub network: Network,
    pub phrases: Vec<Phrase>,
}

/// Options of `keyness`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct KeynessOptions {
    /// The pool; the target's documents are taken out of it as the reference. `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub filter: FilterOptions,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions {
            documents: None,
            filter: FilterOptions::default(),
            limit: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keyness {
    pub target: Vec<u32>,
    pub target_tokens: u64,
    pub reference_tokens: u64,
    pub terms: Vec<KeyTerm>,
}

/// A corpus and the settings that are not per-request.
#[derive(Debug)]
pub struct Analyzer {
    corpus: Corpus,
    user_stop_words: FxHashSet<String>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the dictionary compiled into native builds: create one and keep it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new() -> Self {
        Self::with_segmenter(Segmenter::new())
    }

    /// An analyzer with the dictionary in `wxd` (the bytes of `wenxi.wxd`, as the build
    /// generates it); builds jieba from it, the costly step: create one and keep it.
    pub fn with_dictionary(wxd: &[u8]) -> Result<Self> {
        let dictionary = Dictionary::from_bytes(wxd)?;
        Ok(Self::with_segmenter(Segmenter::with_dictionary(Arc::new(
            dictionary,
        ))))
    }

    fn with_segmenter(segmenter: Segmenter) -> Self {
        Analyzer {
            corpus: Corpus::with_segmenter(segmenter),
            user_stop_words: FxHashSet::default(),
        }
    }

    /// The cleaned text of a document: what the character offsets of [`Analyzer::segment`]
    /// and [`Analyzer::kwic`] count in.
    pub fn document_text(&self, id: u32) -> Result<&str> {
        Ok(&self.corpus.document(id)?.text)
    }

    /// Distinct words seen since the user words last changed (removed documents' included).
    /// For the fuzz target, which rebuilds its analyzer when this grows too large.
    #[doc(hidden)]
    pub fn vocabulary_len(&self) -> usize {
        self.corpus.vocab().len()
    }

    /// Add a file's bytes; `progress` hears the fraction segmented.
    pub fn add_document(
        &mut self,
        name: &str,
        bytes: &[u8],
        progress: &mut dyn FnMut(f64),
    ) -> Result<DocumentInfo> {
        self.corpus
            .add_bytes(name, bytes, progress)
            .map(Document::info)
    }

    /// Add text that is already a string.
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: &mut dyn FnMut(f64),
    ) -> Result<DocumentInfo> {
        self.corpus
            .add_text(name, text, progress)
            .map(Document::info)
    }

    pub fn remove_document(&mut self, id: u32) -> bool {
        self.corpus.remove(id)
    }

    pub fn documents(&self) -> Vec<DocumentInfo> {
        self.corpus.documents().iter().map(Document::info).collect()
    }

    /// Replace the user words; re-segments every document when they change.
    pub fn set_user_words(&mut self, words: &[String]) -> Result<usize> {
        self.corpus.set_user_words(words)
    }

    pub fn user_words(&self) -> Vec<String> {
        self.corpus.segmenter().user_words().to_vec()
    }

    /// Replace the user's stop words (used on top of the built-in list).
    pub fn set_stop_words(&mut self, words: &[String]) {
        self.user_stop_words = words
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
    }

    pub fn stop_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.user_stop_words.iter().cloned().collect();
        words.sort();
        words
    }

    /// The built-in stop list, sorted.
    pub fn builtin_stop_words() -> Vec<String> {
        let mut words: Vec<String> = builtin_stop_words().iter().map(|w| w.to_string()).collect();
        words.sort();
        words
    }

    fn counts(&self, docs: &[&Document], filter: &FilterOptions) -> Counts {
        let mask = filter.term_mask(self.corpus.vocab(), &self.user_stop_words);
        Counts::of(docs, mask, filter.min_frequency)
    }

    /// Frequencies, keywords, the co-occurrence network and phrases of a selection.
    pub fn analyze(&self, options: &AnalysisOptions) -> Result<Analysis> {
        if options.network.nodes > 1000 {
            return Err(Error::BadOption {
                option: "network.nodes",
                value: options.network.nodes.to_string(),
            });
        }
        let vocab = self.corpus.vocab();
        let docs = self.corpus.select(options.documents.as_deref());
        let counts = self.counts(&docs, &options.filter);
        let idf = corpus_idf(self.corpus.documents(), vocab.len());
        let ranks = textrank(&docs, &counts);
        let row = |id: u32| {
            let (tfidf_bundled, tfidf_corpus) = tfidf(id, &counts, vocab, &idf);
            TermRow {
                term: vocab.word(id).to_string(),
                pos: vocab.tag(id).to_string(),
                freq: counts.freq[id as usize],
                doc_freq: counts.doc_freq[id as usize],
                tfidf: tfidf_bundled,
                tfidf_corpus,
                textrank: ranks.get(&id).copied().unwrap_or(0.0),
            }
        };
        let mut terms: Vec<TermRow> = match options.keyword_weight {
            KeywordWeight::Freq => counts
                .top_by_frequency(options.top_terms as usize)
                .into_iter()
                .map(row)
                .collect(),
            weight => {
                let mut all: Vec<TermRow> = counts
                    .top_by_frequency(usize::MAX)
                    .into_iter()
                    .map(row)
                    .collect();
                let key = |r: &TermRow| match weight {
                    KeywordWeight::Tfidf => r.tfidf,
                    KeywordWeight::TfidfCorpus => r.tfidf_corpus,
                    _ => r.textrank,
                };
                all.sort_by(|a, b| {
                    key(b)
                        .total_cmp(&key(a))
                        .then(b.freq.cmp(&a.freq))
                        .then(a.term.cmp(&b.term))
                });
                all
            }
        };
        terms.truncate(options.top_terms as usize);
        let network = network(&docs, &counts, &options.network, |id| {
            vocab.word(id).to_string()
        });
        let phrases = discover(&docs, vocab, &options.phrases);
        Ok(Analysis {
            documents: docs.len() as u32,
            tokens: counts.tokens,
            term_tokens: counts.term_tokens,
            vocabulary: counts.vocabulary() as u32,
            terms,
            network,
            phrases,
        })
    }

    /// Every occurrence of `term`, with context.
    pub fn kwic(&self, term: &str, options: &KwicOptions) -> Result<Kwic> {
        let docs = self.corpus.select(options.documents.as_deref());
        kwic(&docs, self.corpus.vocab(), term, options)
    }

    /// The terms that set the `target` documents apart from the rest of the pool.
    pub fn keyness(&self, target: &[u32], options: &KeynessOptions) -> Result<Keyness> {
        for &id in target {
            self.corpus.document(id)?;
        }
        let pool = self.corpus.select(options.documents.as_deref());
        let (target_docs, reference_docs): (Vec<&Document>, Vec<&Document>) =
            pool.into_iter().partition(|d| target.contains(&d.id));
        let target_docs = if target_docs.is_empty() {
            self.corpus.select(Some(target))
        } else {
            target_docs
        };
        let filter = FilterOptions {
            min_frequency: 1,
            ..options.filter.clone()
        };
        let target_counts = self.counts(&target_docs, &filter);
        let reference_counts = self.counts(&reference_docs, &filter);
        let vocab = self.corpus.vocab();
        Ok(Keyness {
            target: target.to_vec(),
            target_tokens: target_counts.term_tokens,
            reference_tokens: reference_counts.term_tokens,
            terms: keyness(
                &target_counts,
                &reference_counts,
                options.limit as usize,
                |id| vocab.word(id).to_string(),
            ),
        })
    }

    /// The tokens of one document: word, tag and character offsets.
    pub fn segment(&self, id: u32) -> Result<Vec<SegmentToken>> {
        let doc = self.corpus.document(id)?;
        let vocab = self.corpus.vocab();
        let mut chars_before = 0u32;
        let mut last_byte = 0usize;
        Ok(doc
            .tokens
            .iter()
            .map(|&t| {
                let range = doc.token_range(t, vocab);
                chars_before += doc.text[last_byte..range.start].chars().count() as u32;
                let len = vocab.entry(t.word).chars;
                last_byte = range.end;
                let start = chars_before;
                chars_before += len;
                SegmentToken {
                    word: vocab.word(t.word).to_string(),
                    tag: vocab.tag(t.word).to_string(),
                    start,
                    end: start + len,
                }
            })
            .collect())
    }
}

/// A token as the segment view and `wenxi segment` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentToken {
    pub word: String,
    pub tag: String,
    /// Character offsets in the cleaned text.
    pub start: u32,
    pub end: u32,
}
