//! The analyzer: a corpus plus the user's stop words, and the calls the page and
//! the command line make. Analyses re-aggregate the stored tokens; only user
//! words re-segment.

use crate::colour_data::{
    group_names, strongest_group, term_keyness, ColourData, ColourDataOptions, ColourGroup,
    KeynessReference, TermColour,
};
use crate::compare::{keyness, KeyTerm};
use crate::concordance::{kwic, Kwic, KwicOptions};
use crate::cooccur::{network, Network, NetworkOptions};
use crate::corpus::{
    builtin_stop_words, merge_groups, Corpus, Counts, DocView, DocumentInfo, FileOrigin,
    FurnitureLine, Merge, MetadataPatch, PreparedDocument, SegmentationKey, Terms,
};
use crate::dictionary::Dictionary;
use crate::error::{Error, Result};
use crate::filter::FilterOptions;
use crate::keywords::{corpus_idf, textrank, tfidf};
use crate::order::order;
use crate::parallel::join;
use crate::phrases::{discover, Phrase, PhraseOptions};
use crate::posseg::PossegModel;
use crate::reuse::{
    char_offsets, position, PassageOptions, Reuse, ReuseIndex, ReuseOptions, ReusePair,
    ReusePassage, ReusePassages, MIN_CHARS,
};
use crate::script::{Script, ScriptData, Variant};
use crate::segment::Segmenter;
use crate::suggest::{suggest, SuggestOptions, SuggestedStopWord};
use crate::trends::{dispersion, trends, Dispersion, DispersionOptions, TrendOptions, Trends};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

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
    /// Merge groups (合并词): forms counted as one term under a chosen name.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub merges: Vec<Merge>,
    /// Count a word with two parts of speech as two terms (by default it is one term, shown
    /// with its most frequent tag).
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub separate_pos: bool,
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
            merges: Vec::new(),
            separate_pos: false,
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
    /// TF-IDF against jieba's IDF table; `None` until the table is loaded
    /// ([`Analysis::idf_loaded`]).
    pub tfidf: Option<f64>,
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
    /// Whether jieba's IDF table was loaded: without it every [`TermRow::tfidf`] is `None`.
    pub idf_loaded: bool,
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
    /// Compare against these documents instead (the target's taken out). `None` = the pool.
    #[cfg_attr(test, ts(optional = nullable))]
    pub reference: Option<Vec<u32>>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub filter: FilterOptions,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub limit: u32,
    /// Besides those, up to this many of the most under-used terms (G² below zero, the most
    /// negative first) that the `limit` left out: what the target uses less than the reference.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub under: u32,
    /// As in [`AnalysisOptions`].
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub merges: Vec<Merge>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub separate_pos: bool,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions {
            documents: None,
            reference: None,
            filter: FilterOptions::default(),
            limit: 100,
            under: 0,
            merges: Vec::new(),
            separate_pos: false,
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

/// What [`Analyzer::check_prepared`] says of a prepared document's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreparedCheck {
    /// Added now, it would be taken as it is (not segmented again).
    pub fits: bool,
    /// The data it was segmented with that is not loaded: "posseg", "script".
    pub needs: Vec<&'static str>,
}

/// A corpus and the settings that are not per-request.
#[derive(Debug)]
pub struct Analyzer {
    corpus: Corpus,
    user_stop_words: FxHashSet<String>,
    /// 重复段落只计一次: the shortest passage that counts once, when on.
    count_once: Option<u32>,
    /// The last reuse index computed: (corpus generation, min chars, index).
    reuse_cache: Mutex<Option<(u64, u32, Arc<ReuseIndex>)>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the dictionary, the part-of-speech model and the script tables compiled
    /// into native builds: create one and keep it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new() -> Self {
        let mut analyzer = Self::with_segmenter(Segmenter::new());
        analyzer
            .corpus
            .set_script_data(Arc::clone(ScriptData::builtin()));
        analyzer
    }

    /// An analyzer with the dictionary in `wxd` (the bytes of `wenxi.wxd`, as the build
    /// generates it); builds jieba from it, the costly step: create one and keep it. Words
    /// outside the dictionary are tagged `x`/`m`/`eng` until [`Analyzer::set_posseg_model`],
    /// traditional documents segmented as they are until [`Analyzer::set_script_data`].
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
            count_once: None,
            reuse_cache: Mutex::new(None),
        }
    }

    /// Load the script tables (the bytes of `wenxi.wxs`): traditional documents are counted in
    /// simplified form from now on, the ones added so far segmented again. Returns how many.
    pub fn set_script_data(&mut self, wxs: &[u8]) -> Result<usize> {
        let data = ScriptData::from_bytes(wxs).map_err(|reason| Error::BadDataFile {
            file: "wenxi.wxs",
            reason,
        })?;
        Ok(self.corpus.set_script_data(Arc::new(data)))
    }

    /// Whether a traditional document waits for the script tables (the page fetches them).
    pub fn needs_script_data(&self) -> bool {
        self.corpus.needs_script_data()
    }

    /// Load the part-of-speech model (the bytes of `wenxi.wxp`): every document is segmented
    /// again, its words tagged as Python jieba's posseg tags them. Returns how many.
    pub fn set_posseg_model(&mut self, wxp: &[u8]) -> Result<usize> {
        let model = PossegModel::from_bytes(wxp).map_err(|reason| Error::BadDataFile {
            file: "wenxi.wxp",
            reason,
        })?;
        Ok(self.corpus.set_posseg(Arc::new(model)))
    }

    /// Load jieba's IDF table (the bytes of `wenxi.wxi`, made for this analyzer's dictionary):
    /// until then the keywords' jieba TF-IDF is `None`; from now on every analysis has it. A
    /// damaged file, or one made for another dictionary, is [`Error::BadDataFile`].
    pub fn load_idf(&mut self, wxi: &[u8]) -> Result<()> {
        self.corpus.load_idf(wxi)
    }

    /// Whether jieba's IDF table is loaded (native builds have it built in).
    pub fn has_idf(&self) -> bool {
        self.corpus.segmenter().dictionary().has_idf()
    }

    pub fn has_posseg_model(&self) -> bool {
        self.corpus.segmenter().has_posseg()
    }

    /// How many documents are in each script, and which traditional forms most traditional
    /// documents use: what the page's 简体 / 繁體 switch starts from.
    pub fn scripts(&self) -> Scripts {
        let mut scripts = Scripts {
            simplified: 0,
            traditional: 0,
            variant: Variant::Standard,
        };
        let mut variants = [0u32; 3];
        for doc in self.corpus.documents() {
            match doc.script {
                Script::Simplified => scripts.simplified += 1,
                Script::Traditional => scripts.traditional += 1,
            }
            if let Some(v) = doc.variant {
                variants[v as usize] += 1;
            }
        }
        let most = (0..3).max_by_key(|&i| (variants[i], std::cmp::Reverse(i)));
        scripts.variant = match most {
            Some(1) if variants[1] > 0 => Variant::Taiwan,
            Some(2) if variants[2] > 0 => Variant::HongKong,
            _ => Variant::Standard,
        };
        scripts
    }

    /// `terms` as traditional text shows them: the form the traditional documents use most for
    /// the term (軟體 for 软件 where a Taiwan document wrote 軟體), else the term converted
    /// (`variant`: which traditional forms; `None` = what most traditional documents use).
    /// `None` when the script tables are not loaded.
    pub fn traditional_forms(
        &self,
        terms: &[String],
        variant: Option<Variant>,
    ) -> Option<Vec<String>> {
        let data = self.corpus.script_data()?;
        let variant = variant.unwrap_or_else(|| self.scripts().variant);
        let vocab = self.corpus.vocab();
        let wanted: FxHashMap<u32, usize> = terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((vocab.id(t)?, i)))
            .collect();
        let mut seen: Vec<FxHashMap<&str, u32>> = vec![FxHashMap::default(); terms.len()];
        if !wanted.is_empty() {
            for doc in self
                .corpus
                .documents()
                .iter()
                .filter(|d| d.variant.is_some())
            {
                for &t in &doc.tokens {
                    if let Some(&i) = wanted.get(&vocab.primary(t.word)) {
                        let surface = &doc.text[doc.token_range(t, vocab)];
                        *seen[i].entry(surface).or_default() += 1;
                    }
                }
            }
        }
        Some(
            terms
                .iter()
                .zip(seen)
                .map(|(term, forms)| {
                    forms
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                        .map(|(form, _)| form.to_string())
                        .unwrap_or_else(|| data.to_traditional(term, variant))
                })
                .collect(),
        )
    }

    /// Terms that are frequent, spread evenly over every selected document and key to none
    /// ([`crate::suggest`]): candidates for the stop list.
    pub fn suggest_stop_words(
        &self,
        analysis: &AnalysisOptions,
        options: &SuggestOptions,
    ) -> Vec<SuggestedStopWord> {
        let vocab = self.corpus.vocab();
        let docs = self.views(analysis.documents.as_deref());
        let terms = self.terms(&analysis.merges, analysis.separate_pos);
        let counts = self.counts(&docs, &analysis.filter, &terms);
        suggest(&docs, &counts, options)
            .into_iter()
            .map(|(term, dp, max_keyness)| SuggestedStopWord {
                term: terms.name(term, vocab).to_string(),
                pos: vocab.tag(counts.main_entry(term)).to_string(),
                freq: counts.freq[term as usize],
                doc_freq: counts.doc_freq[term as usize],
                dp,
                max_keyness,
            })
            .collect()
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
        self.add_file(name, bytes, &FileOrigin::default(), progress)
    }

    /// Add a file's bytes with where it came from: its path (folders = group, the file name
    /// may hold a date) and modification time (the last-resort date).
    pub fn add_file(
        &mut self,
        name: &str,
        bytes: &[u8],
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<DocumentInfo> {
        let id = self.corpus.add_bytes(name, bytes, origin, progress)?.id;
        Ok(self.corpus.info(self.corpus.document(id)?))
    }

    /// [`Analyzer::add_file`] of bytes it may free as soon as they are decoded (the wasm
    /// glue's copy of a file): a large file's bytes are gone before its text is segmented.
    pub fn add_owned_file(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<DocumentInfo> {
        let id = self
            .corpus
            .add_owned_bytes(name, bytes, origin, progress)?
            .id;
        Ok(self.corpus.info(self.corpus.document(id)?))
    }

    /// Decode, clean and segment a file without adding it: takes `&self`, so that several
    /// files can be prepared at once, on several threads (the CLI does, with rayon).
    /// [`Analyzer::add_prepared`] adds it; adding prepared files in some order gives the
    /// analyzer adding them with [`Analyzer::add_file`] in that order would.
    pub fn prepare_file(
        &self,
        name: &str,
        bytes: &[u8],
        origin: &FileOrigin,
    ) -> Result<PreparedDocument> {
        self.corpus.prepare_bytes(name, bytes, origin)
    }

    /// Add a document [`Analyzer::prepare_file`] prepared (segmented again if the user
    /// words or the models changed since).
    pub fn add_prepared(&mut self, prepared: PreparedDocument) -> DocumentInfo {
        let id = self.corpus.add_prepared(prepared).id;
        let doc = self.corpus.document(id).expect("just added");
        self.corpus.info(doc)
    }

    /// A file prepared ([`Analyzer::prepare_file`]) as bytes ([`PreparedDocument::to_bytes`]):
    /// what the page stores so that a returning visit need not segment it again.
    /// `progress` hears the fraction segmented.
    pub fn prepare_file_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Vec<u8>> {
        Ok(self
            .corpus
            .prepare_bytes_with_progress(name, bytes, origin, progress)?
            .to_bytes())
    }

    /// Whether a prepared document's bytes fit how documents are segmented now, and which data
    /// ("posseg", "script") it was segmented with that is not loaded yet: load those, and it
    /// may fit. Reads the start of the bytes only; refuses foreign ones (`bad_data_file`).
    pub fn check_prepared(&self, bytes: &[u8]) -> Result<PreparedCheck> {
        let (key, script) = PreparedDocument::peek(bytes)?;
        let current = self.corpus.segmentation_key();
        let mut needs = Vec::new();
        if key.posseg && !current.posseg {
            needs.push("posseg");
        }
        if key.script && !current.script && script == crate::script::Script::Traditional {
            needs.push("script");
        }
        Ok(PreparedCheck {
            fits: key.fits(&current, script),
            needs,
        })
    }

    /// Add a document from [`Analyzer::prepare_file_bytes`]'s bytes: damaged, short or foreign
    /// bytes are `bad_data_file` (nothing is added); a document segmented under another
    /// [`SegmentationKey`] than [`Analyzer::segmentation_key`] is segmented again from its text.
    pub fn add_prepared_bytes(&mut self, bytes: &[u8]) -> Result<DocumentInfo> {
        Ok(self.add_prepared(PreparedDocument::from_bytes(bytes)?))
    }

    /// How documents are segmented now; a prepared document under another key is segmented
    /// again when added.
    pub fn segmentation_key(&self) -> SegmentationKey {
        self.corpus.segmentation_key()
    }

    /// Add text that is already a string.
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: &mut dyn FnMut(f64),
    ) -> Result<DocumentInfo> {
        let id = self.corpus.add_text(name, text, progress)?.id;
        Ok(self.corpus.info(self.corpus.document(id)?))
    }

    pub fn remove_document(&mut self, id: u32) -> bool {
        self.corpus.remove(id)
    }

    pub fn documents(&self) -> Vec<DocumentInfo> {
        self.corpus.infos(&self.corpus.select(None))
    }

    /// Change the metadata of the documents `ids` (`None` = all) at once; nothing changes
    /// when an id is unknown or a value is not valid. Returns the documents changed.
    pub fn update_documents(
        &mut self,
        ids: Option<&[u32]>,
        patch: &MetadataPatch,
    ) -> Result<Vec<DocumentInfo>> {
        let patch = patch.validated()?;
        let mut counted_changed = false;
        let mut changed = Vec::new();
        for doc in self.corpus.documents_mut(ids)? {
            counted_changed |= doc.apply(&patch);
            changed.push(doc.id);
        }
        if counted_changed {
            self.corpus.touch();
        }
        Ok(self.corpus.infos(&self.corpus.select(Some(&changed))))
    }

    /// The lines of a document set aside as page furniture.
    pub fn furniture(&self, id: u32) -> Result<Vec<FurnitureLine>> {
        Ok(self.corpus.document(id)?.furniture_lines())
    }

    /// Builds jieba now, if it is not built yet. It is built when a text is first cut (a file
    /// added, user words changed, a document segmented again); documents prepared elsewhere are
    /// added and analysed without it. The page's worker calls this once its first analysis is
    /// answered, so that the first file a person drops does not wait for the build.
    pub fn build_segmenter(&self) {
        self.corpus.segmenter().build();
    }

    /// A digest of everything [`Analyzer::analyze`] computes from besides its options: the
    /// documents, the vocabulary, how documents are segmented, the stop words, 重复段落只计一次.
    /// Two analyzers of one build with the same digest give the same analysis for the same
    /// options, so an analysis computed once can be remembered under its options and this
    /// (the page does, across visits, for large workspaces: www/analysis-memo.js). 32 hex digits.
    pub fn analysis_digest(&self) -> String {
        use std::hash::Hash;
        let mut digest = crate::corpus::Digest::default();
        self.corpus.digest(&mut digest);
        let mut stop: Vec<&String> = self.user_stop_words.iter().collect();
        stop.sort_unstable();
        stop.hash(&mut digest);
        self.count_once.hash(&mut digest);
        digest.hex()
    }

    /// 重复段落只计一次: while on, every aggregate counts each passage of at least `min_chars`
    /// characters that documents share once within its selection (in the first selected
    /// document that has it).
    pub fn set_count_once(&mut self, on: bool, min_chars: u32) -> Result<()> {
        check_min_chars(min_chars)?;
        self.count_once = on.then_some(min_chars);
        Ok(())
    }

    /// The reuse index of the whole corpus for `min_chars`, computed once per generation.
    fn reuse_index(&self, min_chars: u32) -> Arc<ReuseIndex> {
        let generation = self.corpus.generation();
        let mut cache = self
            .reuse_cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((g, m, index)) = cache.as_ref() {
            if *g == generation && *m == min_chars {
                return Arc::clone(index);
            }
        }
        // Traditional documents are compared in simplified form, as they are counted.
        let converted: Vec<Option<crate::script::Converted>> = self
            .corpus
            .documents()
            .iter()
            .map(|d| {
                let data = self.corpus.script_data().filter(|_| d.variant.is_some())?;
                Some(data.to_simplified(&d.text))
            })
            .collect();
        let texts: Vec<crate::reuse::Text> = self
            .corpus
            .documents()
            .iter()
            .zip(&converted)
            .map(|(d, c)| crate::reuse::Text {
                id: d.id,
                text: &d.text,
                counted: d.counted_text(),
                converted: c.as_ref(),
            })
            .collect();
        let index = Arc::new(crate::reuse::index(&texts, min_chars));
        *cache = Some((generation, min_chars, Arc::clone(&index)));
        index
    }

    /// What counts of the selected documents (all when `None`), in corpus order: their body
    /// (and furniture where switched on), each reused passage once when that is on.
    fn views(&self, ids: Option<&[u32]>) -> Vec<DocView<'_>> {
        let docs = self.corpus.select(ids);
        let repeated = match self.count_once {
            Some(min_chars) => {
                let order: Vec<u32> = docs.iter().map(|d| d.id).collect();
                self.reuse_index(min_chars).repeated(&order)
            }
            None => vec![Vec::new(); docs.len()],
        };
        let vocab = self.corpus.vocab();
        docs.into_iter()
            .zip(&repeated)
            .map(|(d, repeated)| DocView::new(d, vocab, repeated))
            .collect()
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

    fn terms(&self, merges: &[Merge], separate_pos: bool) -> Terms {
        Terms::new(self.corpus.vocab(), &merge_groups(merges), separate_pos)
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))] // see analyze
    fn counts(&self, docs: &[DocView], filter: &FilterOptions, terms: &Terms) -> Counts {
        let mask = filter.term_mask(self.corpus.vocab(), &self.user_stop_words);
        Counts::of(docs, mask, filter.min_frequency, terms)
    }

    /// Frequencies, keywords, the co-occurrence network and phrases of a selection.
    ///
    /// In the .wasm its phases (`discover`, `corpus_idf`, `textrank`, `network`, `counts`) are
    /// `#[inline(never)]`; native code, which has no tiers, is left as LLVM likes it. Each is
    /// called once an analysis, and inlined here they made one large function that V8 compiled
    /// again, whole, with its optimising tier once its loops had run long enough: during the
    /// start-up, and for no gain in that call (wasm has no on-stack replacement). Apart, each
    /// is compiled when it is hot, and smaller. (xtask's wasm-opt arguments keep binaryen from
    /// inlining them back.)
    pub fn analyze(&self, options: &AnalysisOptions) -> Result<Analysis> {
        if options.network.nodes > 1000 {
            return Err(Error::BadOption {
                option: "network.nodes",
                value: options.network.nodes.to_string(),
            });
        }
        let vocab = self.corpus.vocab();
        let docs = self.views(options.documents.as_deref());
        let term_map = self.terms(&options.merges, options.separate_pos);
        // Phrases need neither the counts nor the terms: they run beside everything else
        // (at once with the `parallel` feature, one after the other without it; the same
        // results either way).
        let (phrases, (counts, idf, ranks, network)) = join(
            || discover(&docs, vocab, &options.phrases),
            || {
                let (counts, idf) = join(
                    || self.counts(&docs, &options.filter, &term_map),
                    || corpus_idf(self.corpus.documents(), &term_map),
                );
                let (ranks, network) = join(
                    || textrank(&docs, &counts),
                    || {
                        network(&docs, &counts, &options.network, |id| {
                            term_map.name(id, vocab).to_string()
                        })
                    },
                );
                (counts, idf, ranks, network)
            },
        );
        let row = |id: u32| {
            let (tfidf_bundled, tfidf_corpus) = tfidf(id, &counts, vocab, &idf);
            TermRow {
                term: term_map.name(id, vocab).to_string(),
                pos: vocab.tag(counts.main_entry(id)).to_string(),
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
                    // Unknown until the IDF table is loaded (or when it cannot be fetched):
                    // TF-IDF with the corpus's own IDF meanwhile, not a list by frequency.
                    KeywordWeight::Tfidf => r.tfidf.unwrap_or(r.tfidf_corpus),
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
        Ok(Analysis {
            documents: docs.len() as u32,
            tokens: counts.tokens,
            term_tokens: counts.term_tokens,
            vocabulary: counts.vocabulary() as u32,
            idf_loaded: self.has_idf(),
            terms,
            network,
            phrases,
        })
    }

    /// Every occurrence of `term` (as typed: see [`Analyzer::counted_form`]), with context.
    pub fn kwic(&self, term: &str, options: &KwicOptions) -> Result<Kwic> {
        let docs = self.views(options.documents.as_deref());
        kwic(
            &docs,
            self.corpus.vocab(),
            &self.counted_form(term),
            options,
        )
    }

    /// A term as a person typed it, in the form the corpus counts it: traditional documents
    /// are counted in simplified form once the script tables are loaded, so 勞模 typed into a
    /// search or a merge means 劳模 — when the typed form itself is not a word of the corpus
    /// (a word kept in traditional, e.g. from a document added before the tables, stays as
    /// typed). Without the script tables, as typed.
    pub fn counted_form<'a>(&self, term: &'a str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        let Some(data) = self.corpus.script_data() else {
            return Cow::Borrowed(term);
        };
        if self.corpus.vocab().id(term).is_some() {
            return Cow::Borrowed(term);
        }
        let simplified = data.to_simplified(term).text;
        if simplified == term {
            Cow::Borrowed(term)
        } else {
            Cow::Owned(simplified)
        }
    }

    /// [`Analyzer::counted_form`] of each term.
    pub fn counted_forms(&self, terms: &[String]) -> Vec<String> {
        terms
            .iter()
            .map(|t| self.counted_form(t).into_owned())
            .collect()
    }

    /// The terms that set the `target` documents apart from the reference: the documents of
    /// `options.reference`, or else the rest of the pool (`options.documents`, or all).
    pub fn keyness(&self, target: &[u32], options: &KeynessOptions) -> Result<Keyness> {
        for &id in target.iter().chain(options.reference.iter().flatten()) {
            self.corpus.document(id)?;
        }
        let reference: Vec<u32> = match &options.reference {
            Some(ids) => ids.clone(),
            None => self
                .corpus
                .select(options.documents.as_deref())
                .iter()
                .map(|d| d.id)
                .collect(),
        };
        let reference: Vec<u32> = reference
            .into_iter()
            .filter(|id| !target.contains(id))
            .collect();
        // One selection for both, so that a passage counted once is counted in one of them.
        let both: Vec<u32> = target.iter().chain(&reference).copied().collect();
        let (target_docs, reference_docs): (Vec<DocView>, Vec<DocView>) = self
            .views(Some(&both))
            .into_iter()
            .partition(|d| target.contains(&d.doc.id));
        let filter = FilterOptions {
            min_frequency: 1,
            ..options.filter.clone()
        };
        let terms = self.terms(&options.merges, options.separate_pos);
        let target_counts = self.counts(&target_docs, &filter, &terms);
        let reference_counts = self.counts(&reference_docs, &filter, &terms);
        let vocab = self.corpus.vocab();
        Ok(Keyness {
            target: target.to_vec(),
            target_tokens: target_counts.term_tokens,
            reference_tokens: reference_counts.term_tokens,
            terms: keyness(
                &target_counts,
                &reference_counts,
                options.limit as usize,
                options.under as usize,
                |id| terms.name(id, vocab).to_string(),
            ),
        })
    }

    /// What the cloud colours `terms` by: the group (or source) of the selected documents where
    /// each is relatively most frequent, and its keyness against the reference (the documents
    /// asked for, else those not selected, else jieba's dictionary frequencies). A term neither
    /// the selection nor the reference documents count has no data (never an error).
    pub fn colour_data(&self, terms: &[String], options: &ColourDataOptions) -> Result<ColourData> {
        for &id in options.reference.iter().flatten() {
            self.corpus.document(id)?;
        }
        let selected: Vec<u32> = self
            .corpus
            .select(options.documents.as_deref())
            .iter()
            .map(|d| d.id)
            .collect();
        let reference_ids: Vec<u32> = match &options.reference {
            Some(ids) => ids.clone(),
            None => self.corpus.documents().iter().map(|d| d.id).collect(),
        }
        .into_iter()
        .filter(|id| !selected.contains(id))
        .collect();
        let kind = match (&options.reference, reference_ids.is_empty()) {
            (_, true) => KeynessReference::Dictionary,
            (Some(_), false) => KeynessReference::Documents,
            (None, false) => KeynessReference::Rest,
        };
        let filter = FilterOptions {
            min_frequency: 1,
            ..options.filter.clone()
        };
        let term_map = self.terms(&options.merges, options.separate_pos);
        let vocab = self.corpus.vocab();
        let both: Vec<u32> = selected.iter().chain(&reference_ids).copied().collect();
        let (target_docs, reference_docs): (Vec<DocView>, Vec<DocView>) = self
            .views(Some(&both))
            .into_iter()
            .partition(|d| selected.contains(&d.doc.id));
        let target = self.counts(&target_docs, &filter, &term_map);
        let reference = self.counts(&reference_docs, &filter, &term_map);
        let dictionary = self.corpus.segmenter().dictionary();
        // Against the dictionary, whose counts include the words a filter leaves out, the
        // selection's size is all its tokens too.
        let (target_tokens, reference_tokens) = match kind {
            KeynessReference::Dictionary => (target.tokens, dictionary.total_frequency()),
            _ => (target.term_tokens, reference.term_tokens),
        };

        let (group_by, names) = group_names(
            target_docs
                .iter()
                .map(|d| (&d.doc.meta.groups[..], d.doc.meta.source.as_deref())),
        );
        let mut group_docs: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, doc_names) in names.iter().enumerate() {
            for name in doc_names {
                group_docs.entry(name).or_default().push(i);
            }
        }
        let mut groups: Vec<(ColourGroup, Counts)> = group_docs
            .into_iter()
            .map(|(name, members)| {
                let docs: Vec<DocView> = members.iter().map(|&i| target_docs[i].clone()).collect();
                let counts = self.counts(&docs, &filter, &term_map);
                let group = ColourGroup {
                    name: name.to_string(),
                    documents: members.len() as u32,
                    term_tokens: counts.term_tokens,
                };
                (group, counts)
            })
            .collect();
        groups.sort_by(|(a, _), (b, _)| {
            b.term_tokens
                .cmp(&a.term_tokens)
                .then_with(|| a.name.cmp(&b.name))
        });

        // Each counted term of the selection by its name (the first of two entries shown alike);
        // against documents, also those only the reference counts (under-used, as Compare
        // lists them: the selection may be a set Compare chose, not what the cloud shows).
        let mut id_of: FxHashMap<&str, u32> = FxHashMap::default();
        let against_documents = kind != KeynessReference::Dictionary;
        for id in 0..target.freq.len() as u32 {
            if target.freq[id as usize] > 0
                || (against_documents && reference.freq[id as usize] > 0)
            {
                id_of.entry(term_map.name(id, vocab)).or_insert(id);
            }
        }
        let terms = terms
            .iter()
            .map(|term| {
                let Some(&id) = id_of.get(term.as_str()) else {
                    return TermColour {
                        term: term.clone(),
                        group: None,
                        llr: None,
                        log_ratio: None,
                    };
                };
                let freq = target.freq[id as usize];
                let reference_freq = match kind {
                    KeynessReference::Dictionary => u64::from(dictionary.frequency(term)),
                    _ => u64::from(reference.freq[id as usize]),
                };
                let scores = term_keyness(freq, target_tokens, reference_freq, reference_tokens);
                TermColour {
                    term: term.clone(),
                    group: strongest_group(
                        groups
                            .iter()
                            .map(|(g, c)| (c.freq[id as usize], g.term_tokens)),
                    ),
                    llr: scores.map(|s| s.0),
                    log_ratio: scores.map(|s| s.1),
                }
            })
            .collect();
        Ok(ColourData {
            group_by,
            groups: groups.into_iter().map(|(g, _)| g).collect(),
            reference: kind,
            target_tokens,
            reference_tokens,
            terms,
        })
    }

    /// The relative frequency of `terms` per document, or per day, month, year or group.
    pub fn trends(&self, terms: &[String], options: &TrendOptions) -> Result<Trends> {
        let docs = self.views(options.documents.as_deref());
        trends(
            &docs,
            self.corpus.vocab(),
            &self.counted_forms(terms),
            options,
        )
    }

    /// Where `term` occurs in each selected document.
    pub fn dispersion(&self, term: &str, options: &DispersionOptions) -> Result<Dispersion> {
        let docs = self.views(options.documents.as_deref());
        Ok(dispersion(
            &docs,
            self.corpus.vocab(),
            &self.counted_form(term),
            options,
        ))
    }

    /// The pairs of selected documents that share passages of at least `min_chars`.
    pub fn reuse(&self, options: &ReuseOptions) -> Result<Reuse> {
        check_min_chars(options.min_chars)?;
        let index = self.reuse_index(options.min_chars);
        let selected = self.corpus.select(options.documents.as_deref());
        let ids: Vec<u32> = selected.iter().map(|d| d.id).collect();
        let share = |chars: u32, id: u32| {
            let length = index.length_of(id);
            if length == 0 {
                0.0
            } else {
                f64::from(chars) / f64::from(length)
            }
        };
        let pairs: Vec<(usize, usize, ReusePair)> = index
            .pairs
            .iter()
            .filter_map(|p| {
                let (ia, ib) = (position(&ids, p.a)?, position(&ids, p.b)?);
                let (da, db) = (selected[ia], selected[ib]);
                Some((
                    ia,
                    ib,
                    ReusePair {
                        a: p.a,
                        b: p.b,
                        passages: p.passages.len() as u32,
                        a_chars: p.a_chars,
                        b_chars: p.b_chars,
                        shared_chars: p.a_chars.max(p.b_chars),
                        a_share: share(p.a_chars, p.a),
                        b_share: share(p.b_chars, p.b),
                        longest: p.longest,
                        duplicate: da.content_hash == db.content_hash && da.text == db.text,
                    },
                ))
            })
            .collect();
        // Most shared first, then in corpus order.
        let sorted = order(pairs.len(), &|x, y| {
            let (x, y) = (&pairs[x as usize], &pairs[y as usize]);
            (y.2.shared_chars, x.0, x.1) < (x.2.shared_chars, y.0, y.1)
        });
        Ok(Reuse {
            min_chars: index.min_chars,
            documents: selected.len() as u32,
            total_pairs: pairs.len() as u32,
            pairs: sorted
                .into_iter()
                .take(options.limit as usize)
                .map(|i| pairs[i as usize].2.clone())
                .collect(),
        })
    }

    /// The passages documents `a` and `b` share, with character offsets in each one's text.
    pub fn reuse_passages(
        &self,
        a: u32,
        b: u32,
        options: &PassageOptions,
    ) -> Result<ReusePassages> {
        check_min_chars(options.min_chars)?;
        let (doc_a, doc_b) = (self.corpus.document(a)?, self.corpus.document(b)?);
        let index = self.reuse_index(options.min_chars);
        let ranges: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, u32)> = index
            .pairs
            .iter()
            .filter(|p| (p.a, p.b) == (a, b) || (p.a, p.b) == (b, a))
            .flat_map(|p| {
                p.passages.iter().map(move |x| {
                    if p.a == a {
                        (x.a.clone(), x.b.clone(), x.chars)
                    } else {
                        (x.b.clone(), x.a.clone(), x.chars)
                    }
                })
            })
            .collect();
        let sorted = order(ranges.len(), &|x, y| {
            let (x, y) = (&ranges[x as usize], &ranges[y as usize]);
            (x.0.start, x.1.start) < (y.0.start, y.1.start)
        });
        let ranges: Vec<_> = sorted
            .into_iter()
            .map(|i| ranges[i as usize].clone())
            .collect();
        let a_bytes: Vec<usize> = ranges.iter().flat_map(|r| [r.0.start, r.0.end]).collect();
        let b_bytes: Vec<usize> = ranges.iter().flat_map(|r| [r.1.start, r.1.end]).collect();
        let (a_chars, b_chars) = (
            char_offsets(&doc_a.text, &a_bytes),
            char_offsets(&doc_b.text, &b_bytes),
        );
        Ok(ReusePassages {
            a,
            b,
            min_chars: index.min_chars,
            passages: ranges
                .iter()
                .enumerate()
                .map(|(i, r)| ReusePassage {
                    a_start: a_chars[2 * i],
                    a_end: a_chars[2 * i + 1],
                    b_start: b_chars[2 * i],
                    b_end: b_chars[2 * i + 1],
                    chars: r.2,
                })
                .collect(),
        })
    }

    /// The tokens of one document: the document's own text of each, the word it is counted
    /// as (simplified; a number in half-width form), its tag, and character offsets.
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
                let text = &doc.text[range.clone()];
                let len = text.chars().count() as u32;
                last_byte = range.end;
                let start = chars_before;
                chars_before += len;
                SegmentToken {
                    word: vocab.word(t.word).to_string(),
                    text: text.to_string(),
                    tag: vocab.tag(t.word).to_string(),
                    start,
                    end: start + len,
                }
            })
            .collect())
    }
}

/// How many documents are in each script (see [`Analyzer::scripts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scripts {
    pub simplified: u32,
    pub traditional: u32,
    /// The traditional forms most traditional documents use (standard when there are none).
    pub variant: Variant,
}

/// A token as the segment view and `wenxi segment` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentToken {
    /// The word it is counted as.
    pub word: String,
    /// The document's own characters (traditional, full-width: what the document says).
    pub text: String,
    pub tag: String,
    /// Character offsets in the cleaned text.
    pub start: u32,
    pub end: u32,
}

fn check_min_chars(min_chars: u32) -> Result<()> {
    if MIN_CHARS.contains(&min_chars) {
        Ok(())
    } else {
        Err(Error::BadOption {
            option: "minChars",
            value: min_chars.to_string(),
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dictionary::{BUILTIN_WXD, BUILTIN_WXI};

    const TEXT: &str = "大力弘扬劳模精神、劳动精神、工匠精神。劳模是民族的精英，人民的楷模。";

    fn options(keyword_weight: KeywordWeight) -> AnalysisOptions {
        AnalysisOptions {
            keyword_weight,
            ..AnalysisOptions::default()
        }
    }

    #[test]
    fn jieba_and_the_dictionary_are_built_only_when_a_text_is_cut() {
        let source = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        let form = source
            .prepare_file_bytes(
                "a.txt",
                TEXT.as_bytes(),
                &FileOrigin::default(),
                &mut |_| {},
            )
            .unwrap();
        let mut lazy = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        lazy.add_prepared_bytes(&form).unwrap();
        let analysis = lazy.analyze(&AnalysisOptions::default()).unwrap();
        assert!(
            !lazy.corpus.segmenter().is_built(),
            "prepared and analysed without jieba"
        );
        // User words given before the build are in it.
        lazy.set_user_words(&["劳模精神".to_string()]).unwrap();
        assert!(lazy.corpus.segmenter().is_built(), "segmented again");

        let mut eager = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        eager.build_segmenter();
        eager
            .add_document("a.txt", TEXT.as_bytes(), &mut |_| {})
            .unwrap();
        assert_eq!(
            eager.analyze(&AnalysisOptions::default()).unwrap(),
            analysis
        );
        eager.set_user_words(&["劳模精神".to_string()]).unwrap();
        let options = AnalysisOptions::default();
        assert_eq!(
            lazy.analyze(&options).unwrap(),
            eager.analyze(&options).unwrap()
        );
        assert!(lazy
            .analyze(&options)
            .unwrap()
            .terms
            .iter()
            .any(|t| t.term == "劳模精神"));

        // User words set before anything was cut, then a file: cut with them.
        let mut first = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        first.set_user_words(&["劳模精神".to_string()]).unwrap();
        assert!(!first.corpus.segmenter().is_built());
        first
            .add_document("a.txt", TEXT.as_bytes(), &mut |_| {})
            .unwrap();
        assert_eq!(
            first.analyze(&options).unwrap(),
            eager.analyze(&options).unwrap()
        );
    }

    #[test]
    fn the_analysis_digest_is_the_same_for_the_same_corpus_and_changes_with_what_analyses_read() {
        let files = [
            ("a.txt", TEXT.as_bytes()),
            (
                "b.txt",
                "工会工作要讲实效。劳模精神。\n首页 | 新闻\n".as_bytes(),
            ),
        ];
        let build = || {
            let mut a = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
            for (name, bytes) in files {
                a.add_document(name, bytes, &mut |_| {}).unwrap();
            }
            a
        };
        let base = build();
        let digest = base.analysis_digest();
        assert_eq!(digest.len(), 32);
        assert_eq!(build().analysis_digest(), digest, "built alike, the same");
        // Prepared elsewhere (another worker, an earlier visit), the same documents.
        let mut prepared = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        for (name, bytes) in files {
            let form = base
                .prepare_file_bytes(name, bytes, &FileOrigin::default(), &mut |_| {})
                .unwrap();
            prepared.add_prepared_bytes(&form).unwrap();
        }
        assert_eq!(prepared.analysis_digest(), digest);

        type Change = Box<dyn Fn(&mut Analyzer)>;
        let changed: Vec<(&str, Change)> = vec![
            (
                "a document added",
                Box::new(|a| {
                    a.add_text("c.txt", "新的文章。", &mut |_| {}).unwrap();
                }),
            ),
            (
                "a document removed",
                Box::new(|a| {
                    a.remove_document(1);
                }),
            ),
            (
                "a date",
                Box::new(|a| {
                    let patch = MetadataPatch {
                        date: crate::Edit::Set(Some("2024-03-05".into())),
                        ..MetadataPatch::default()
                    };
                    a.update_documents(Some(&[0]), &patch).unwrap();
                }),
            ),
            (
                "furniture counted",
                Box::new(|a| {
                    let patch = MetadataPatch {
                        count_furniture: Some(true),
                        ..MetadataPatch::default()
                    };
                    a.update_documents(None, &patch).unwrap();
                }),
            ),
            (
                "a stop word",
                Box::new(|a| a.set_stop_words(&["精神".to_string()])),
            ),
            (
                "a user word",
                Box::new(|a| {
                    a.set_user_words(&["劳模精神".to_string()]).unwrap();
                }),
            ),
            (
                "重复段落只计一次",
                Box::new(|a| a.set_count_once(true, 8).unwrap()),
            ),
            (
                "jieba's IDF",
                Box::new(|a| a.load_idf(BUILTIN_WXI).unwrap()),
            ),
            (
                "posseg's model",
                Box::new(|a| {
                    a.set_posseg_model(crate::posseg::BUILTIN_WXP).unwrap();
                }),
            ),
        ];
        for (what, change) in changed {
            let mut a = build();
            change(&mut a);
            assert_ne!(a.analysis_digest(), digest, "{what}");
        }
    }

    #[test]
    fn jiebas_tfidf_is_unknown_until_the_idf_table_is_loaded_then_as_native() {
        let mut native = Analyzer::new();
        native.add_text("a.txt", TEXT, &mut |_| {}).unwrap();
        let mut lazy = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        lazy.set_posseg_model(crate::posseg::BUILTIN_WXP).unwrap();
        lazy.set_script_data(crate::script::BUILTIN_WXS).unwrap();
        lazy.add_text("a.txt", TEXT, &mut |_| {}).unwrap();
        assert!(native.has_idf() && !lazy.has_idf());

        let before = lazy.analyze(&options(KeywordWeight::Tfidf)).unwrap();
        assert!(!before.idf_loaded);
        assert!(before.terms.iter().all(|t| t.tfidf.is_none()));
        // Sorted by jieba's TF-IDF, the terms fall back on the corpus's TF-IDF.
        let corpus = lazy.analyze(&options(KeywordWeight::TfidfCorpus)).unwrap();
        let terms = |a: &Analysis| a.terms.iter().map(|t| t.term.clone()).collect::<Vec<_>>();
        assert_eq!(terms(&before), terms(&corpus));
        let by_frequency = lazy.analyze(&options(KeywordWeight::Freq)).unwrap();
        assert_ne!(terms(&before), terms(&by_frequency));
        // Everything but jieba's TF-IDF is as native.
        let mut expected = native.analyze(&options(KeywordWeight::Freq)).unwrap();
        expected.idf_loaded = false;
        for t in &mut expected.terms {
            t.tfidf = None;
        }
        assert_eq!(
            lazy.analyze(&options(KeywordWeight::Freq)).unwrap(),
            expected
        );

        // A damaged table changes nothing.
        let err = lazy.load_idf(&BUILTIN_WXI[..100]).unwrap_err();
        assert_eq!(err.code(), "bad_data_file");
        assert!(!lazy.has_idf());

        lazy.load_idf(BUILTIN_WXI).unwrap();
        for weight in [KeywordWeight::Tfidf, KeywordWeight::Freq] {
            let after = lazy.analyze(&options(weight)).unwrap();
            assert!(after.idf_loaded);
            assert_eq!(after, native.analyze(&options(weight)).unwrap());
        }
    }

    #[test]
    fn a_term_typed_in_traditional_finds_what_traditional_documents_are_counted_as() {
        const TRADITIONAL: &str = "勞動模範是民族的精英。勞模精神代代相傳，勞模是人民的楷模。";
        let mut analyzer = Analyzer::new();
        analyzer
            .add_text("trad.txt", TRADITIONAL, &mut |_| {})
            .unwrap();
        assert_eq!(analyzer.counted_form("勞模"), "劳模");
        assert_eq!(analyzer.counted_form("劳模"), "劳模");
        assert_eq!(analyzer.counted_form("no such"), "no such");
        let typed = analyzer.kwic("勞模", &KwicOptions::default()).unwrap();
        let counted = analyzer.kwic("劳模", &KwicOptions::default()).unwrap();
        assert_eq!(typed.total, 2);
        assert_eq!(typed, counted);
        let options = DispersionOptions::default();
        assert_eq!(
            analyzer.dispersion("勞模精神", &options).unwrap(),
            analyzer.dispersion("劳模精神", &options).unwrap()
        );
        assert_eq!(
            analyzer.counted_forms(&["勞模".into(), "精英".into()]),
            ["劳模", "精英"]
        );

        // Without the script tables the document is counted as written, and so is the query.
        let mut raw = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        raw.add_text("trad.txt", TRADITIONAL, &mut |_| {}).unwrap();
        assert_eq!(raw.counted_form("勞模"), "勞模");
        assert_eq!(raw.kwic("勞模", &KwicOptions::default()).unwrap().total, 2);
    }
}
