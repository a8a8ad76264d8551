//! The corpus: documents added and removed one by one, each cleaned and segmented
//! once, when added, into tokens over a [`Vocabulary`] they share. Everything else is
//! re-aggregated from the tokens on demand ([`Counts`] of a selection).

mod counts;
mod document;
mod vocabulary;

pub use counts::{merge_groups, Counts, Merge, Terms};
pub use document::{Document, DocumentInfo};
pub use vocabulary::{builtin_stop_words, Vocabulary};

use crate::clean::clean;
use crate::decode::decode;
use crate::error::{Error, Result};
use crate::posseg::PossegModel;
use crate::script::{detect, ScriptData};
use crate::segment::Segmenter;
use std::sync::Arc;

/// Files larger than this are refused: a browser tab holds the text, its cleaned
/// copy and ~8 bytes per token, and must stay responsive.
pub const MAX_DOCUMENT_BYTES: u64 = 100_000_000;

/// Documents, their tokens, and the vocabulary they share.
#[derive(Debug)]
pub struct Corpus {
    segmenter: Segmenter,
    /// OpenCC's tables, once loaded: traditional documents are counted in simplified form.
    script: Option<Arc<ScriptData>>,
    vocab: Vocabulary,
    docs: Vec<Document>,
    next_id: u32,
    /// Per-document word counts by word id, all zero between documents (reused).
    counter: Vec<u32>,
    /// Counts the changes to how documents are segmented (user words, posseg's model, the
    /// script tables): a document prepared before one is segmented again when added.
    generation: u32,
}

impl Corpus {
    /// An empty corpus that segments with `segmenter`.
    pub fn with_segmenter(segmenter: Segmenter) -> Self {
        Corpus {
            segmenter,
            script: None,
            vocab: Vocabulary::default(),
            docs: Vec::new(),
            next_id: 0,
            counter: Vec::new(),
            generation: 0,
        }
    }

    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    pub fn document(&self, id: u32) -> Result<&Document> {
        self.docs
            .iter()
            .find(|d| d.id == id)
            .ok_or(Error::NoSuchDocument { id })
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    pub fn script_data(&self) -> Option<&ScriptData> {
        self.script.as_deref()
    }

    /// Load OpenCC's tables: the traditional documents added so far are segmented again,
    /// through their simplified form. Returns how many.
    pub fn set_script_data(&mut self, data: Arc<ScriptData>) -> usize {
        self.script = Some(data);
        self.generation += 1;
        let mut n = 0;
        for doc in self.docs.iter_mut().filter(|d| d.needs_script_data()) {
            doc.segment(
                &self.segmenter,
                self.script.as_deref(),
                &mut self.vocab,
                &mut self.counter,
                &mut |_| {},
            );
            n += 1;
        }
        n
    }

    /// Whether a traditional document waits for the script tables.
    pub fn needs_script_data(&self) -> bool {
        self.docs.iter().any(Document::needs_script_data)
    }

    /// Tag with posseg's model from now on: every document is segmented again.
    pub fn set_posseg(&mut self, model: Arc<PossegModel>) -> usize {
        self.segmenter.set_posseg(Some(model));
        self.generation += 1;
        self.resegment_all()
    }

    fn resegment_all(&mut self) -> usize {
        // Tags and word boundaries may change: start the vocabulary afresh.
        self.vocab = Vocabulary::default();
        for doc in &mut self.docs {
            doc.segment(
                &self.segmenter,
                self.script.as_deref(),
                &mut self.vocab,
                &mut self.counter,
                &mut |_| {},
            );
        }
        self.docs.len()
    }

    /// Decode, clean and segment the file `name`; `progress` hears the fraction done.
    pub fn add_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let text = decode_within_limit(name, bytes)?;
        self.add_decoded(
            name,
            &text.text,
            text.encoding,
            bytes.len() as u64,
            progress,
        )
    }

    /// Add text that is already a string (pasted, say).
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        check_text(name, text)?;
        self.add_decoded(name, text, "UTF-8", text.len() as u64, progress)
    }

    fn add_decoded(
        &mut self,
        name: &str,
        text: &str,
        encoding: &str,
        bytes: u64,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let mut doc = Document::new(self.next_id, name, encoding, bytes, clean_text(name, text)?);
        self.next_id += 1;
        doc.script = detect(&doc.text);
        doc.segment(
            &self.segmenter,
            self.script.as_deref(),
            &mut self.vocab,
            &mut self.counter,
            progress,
        );
        self.docs.push(doc);
        Ok(self.docs.last().expect("just pushed"))
    }

    /// Decode, clean and segment the file `name` apart from the corpus, over a vocabulary of
    /// its own: takes `&self`, so that several files can be prepared at once on several
    /// threads (the CLI). [`Corpus::add_prepared`] then brings the document in.
    pub fn prepare_bytes(&self, name: &str, bytes: &[u8]) -> Result<PreparedDocument> {
        let text = decode_within_limit(name, bytes)?;
        let mut doc = Document::new(
            0,
            name,
            text.encoding,
            bytes.len() as u64,
            clean_text(name, &text.text)?,
        );
        drop(text);
        doc.script = detect(&doc.text);
        let mut vocab = Vocabulary::default();
        doc.segment(
            &self.segmenter,
            self.script.as_deref(),
            &mut vocab,
            &mut Vec::new(),
            &mut |_| {},
        );
        Ok(PreparedDocument {
            doc,
            vocab,
            generation: self.generation,
        })
    }

    /// Adds a document [`Corpus::prepare_bytes`] prepared: its words join the vocabulary in
    /// the order they first occur in it, so that adding prepared documents in some order
    /// gives the corpus adding their files in that order would, id for id. A document
    /// prepared before the user words or the script tables changed is segmented again.
    pub fn add_prepared(&mut self, prepared: PreparedDocument) -> &Document {
        let PreparedDocument {
            mut doc,
            vocab,
            generation,
        } = prepared;
        doc.id = self.next_id;
        self.next_id += 1;
        if generation != self.generation {
            doc.segment(
                &self.segmenter,
                self.script.as_deref(),
                &mut self.vocab,
                &mut self.counter,
                &mut |_| {},
            );
        } else {
            let ids = self.vocab.absorb(&vocab, &self.segmenter);
            for token in &mut doc.tokens {
                token.word = ids[token.word as usize];
            }
            for count in &mut doc.counts {
                count.0 = ids[count.0 as usize];
            }
            doc.counts.sort_unstable_by_key(|&(word, _)| word);
        }
        self.docs.push(doc);
        self.docs.last().expect("just pushed")
    }

    /// Remove a document; returns whether it was there.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.docs.len();
        self.docs.retain(|d| d.id != id);
        self.docs.len() != before
    }

    /// Replace the user words and re-segment every document if they changed.
    /// Returns how many documents were re-segmented.
    pub fn set_user_words(&mut self, words: &[String]) -> Result<usize> {
        if !self.segmenter.set_user_words(words)? {
            return Ok(0);
        }
        self.generation += 1;
        Ok(self.resegment_all())
    }

    /// The documents with the given ids (all when `None`), in corpus order; ids no
    /// longer in the corpus are skipped, so a request racing a removal still answers.
    pub fn select(&self, ids: Option<&[u32]>) -> Vec<&Document> {
        match ids {
            None => self.docs.iter().collect(),
            Some(ids) => self.docs.iter().filter(|d| ids.contains(&d.id)).collect(),
        }
    }
}

/// A document decoded, cleaned and segmented over a vocabulary of its own, not in a corpus
/// yet ([`Corpus::prepare_bytes`], [`Corpus::add_prepared`]).
#[derive(Debug)]
pub struct PreparedDocument {
    doc: Document,
    vocab: Vocabulary,
    /// The corpus's [`Corpus::generation`] it was segmented in.
    generation: u32,
}

impl PreparedDocument {
    pub fn name(&self) -> &str {
        &self.doc.name
    }
}

/// The text of the file `name`, refused past [`MAX_DOCUMENT_BYTES`].
fn decode_within_limit<'a>(name: &str, bytes: &'a [u8]) -> Result<crate::decode::Decoded<'a>> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            name: name.to_string(),
            bytes: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    reserve_memory(bytes.len());
    decode(name, bytes)
}

/// Text given as a string is refused past [`MAX_DOCUMENT_BYTES`], and when empty or blank.
fn check_text(name: &str, text: &str) -> Result<()> {
    let bytes = text.len() as u64;
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            name: name.to_string(),
            bytes,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(if text.is_empty() {
            Error::Empty { name: name.into() }
        } else {
            Error::Blank { name: name.into() }
        });
    }
    reserve_memory(text.len());
    Ok(())
}

/// The cleaned text; a text that cleans to nothing is blank.
fn clean_text(name: &str, text: &str) -> Result<String> {
    let text = clean(text);
    if text.is_empty() {
        return Err(Error::Blank {
            name: name.to_string(),
        });
    }
    Ok(text)
}

/// Before a large file (≥ 1 MiB) is added, makes sure the heap can hold what adding it takes
/// besides its bytes, which are in memory already (its cleaned text, and room for a token of 8
/// bytes every 4 bytes of text: 3 × its size), by allocating max(3 × its size, 32 MiB) and
/// freeing it at once. (It was 4 ×, on top of the bytes: that reservation alone was the peak of
/// a 100 MB file, 529 MiB.) In wasm the allocator otherwise grows the memory 64 KiB at a time, and each
/// `memory.grow` of a large memory costs a copy or a remap: measured, this took indexing in the
/// browser from 8 to 20 MiB/s. Freed memory stays with the allocator, which reuses it. When the
/// memory cannot grow that far, nothing is reserved (and the add may still fit). Native
/// allocators need no help.
#[allow(unused_variables)]
fn reserve_memory(file_bytes: usize) {
    #[cfg(target_arch = "wasm32")]
    if file_bytes >= 1 << 20 {
        let want = file_bytes.saturating_mul(3).max(32 << 20);
        let mut block: Vec<u8> = Vec::new();
        if block.try_reserve_exact(want).is_ok() {
            // The allocation must happen, not be optimised away with the free that follows.
            std::hint::black_box(&mut block);
        }
    }
}

// Native only: the corpus needs the dictionary compiled into native builds.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn new_corpus() -> Corpus {
        let mut corpus = Corpus::with_segmenter(Segmenter::new());
        corpus.set_script_data(Arc::clone(ScriptData::builtin()));
        corpus
    }

    fn no_progress() -> impl FnMut(f64) {
        |_| {}
    }

    #[test]
    fn adds_segments_counts_and_removes() {
        let mut corpus = new_corpus();
        let doc = corpus
            .add_text(
                "a.txt",
                "大力弘扬劳模精神。\n工会和职工，推动工会改革。",
                &mut no_progress(),
            )
            .unwrap();
        assert_eq!(doc.title, "大力弘扬劳模精神。");
        assert_eq!(doc.tokens.len(), 13);
        // No room held beyond the tokens (a 100 MB file's tokens once kept 300 MB).
        assert_eq!(doc.tokens.capacity(), doc.tokens.len());
        assert_eq!(doc.sentence_count(), 2);
        let id = doc.id;
        let gonghui = corpus.vocab().id("工会").unwrap();
        let doc = corpus.document(id).unwrap();
        assert_eq!(
            doc.counts.iter().find(|c| c.0 == gonghui),
            Some(&(gonghui, 2))
        );
        assert!(corpus.remove(id));
        assert!(!corpus.remove(id));
        assert!(corpus.documents().is_empty());
    }

    #[test]
    fn bad_input_leaves_the_corpus_unchanged() {
        let mut corpus = new_corpus();
        corpus
            .add_text("a.txt", "工会工作", &mut no_progress())
            .unwrap();
        let err = corpus
            .add_bytes("b.txt", b"\x89PNG\r\n\x1a\n\0\0", &mut no_progress())
            .unwrap_err();
        assert!(matches!(err, Error::NotText { .. }));
        let err = corpus
            .add_text("c.txt", "  \n ", &mut no_progress())
            .unwrap_err();
        assert_eq!(
            err,
            Error::Blank {
                name: "c.txt".into()
            }
        );
        assert_eq!(corpus.documents().len(), 1);
    }

    /// Everything a document and the vocabulary hold, ids included.
    fn fingerprint(corpus: &Corpus) -> Vec<String> {
        let vocab = corpus.vocab();
        let mut lines: Vec<String> = (0..vocab.len() as u32)
            .map(|id| {
                format!(
                    "{id} {} {} {}",
                    vocab.word(id),
                    vocab.tag(id),
                    vocab.primary(id)
                )
            })
            .collect();
        for doc in corpus.documents() {
            let mut spans: Vec<_> = doc.spans.iter().collect();
            spans.sort();
            lines.push(format!(
                "{} {} {:?} {:?} {:?} {:?} {} {:?}",
                doc.id,
                doc.name,
                doc.tokens,
                doc.sentence_starts,
                doc.counts,
                spans,
                doc.token_count,
                doc.info()
            ));
        }
        lines
    }

    #[test]
    fn prepared_documents_give_the_corpus_adding_their_files_gives() {
        let files: [(&str, &[u8]); 4] = [
            (
                "a.txt",
                "大力弘扬劳模精神。工会和职工，推动工会改革。".as_bytes(),
            ),
            (
                "b.txt",
                "２０２４年，张三丰在北京说：工会工作要讲实效。\n我們的電腦軟體很好用。".as_bytes(),
            ),
            ("c.txt", "臺灣的計程車司機說，這個軟體很好用。".as_bytes()),
            ("d.txt", b"\x89PNG\r\n\x1a\n\0\0"),
        ];
        // And the seeds: enough text for words posseg tags otherwise than the dictionary.
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
            .collect();
        seeds.sort();
        let files: Vec<(&str, &[u8])> = files
            .into_iter()
            .chain(seeds.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
            .collect();
        let mut serial = new_corpus();
        for &(name, bytes) in &files {
            let _ = serial.add_bytes(name, bytes, &mut no_progress());
        }
        let mut merged = new_corpus();
        // Prepared in any order (as threads finish), added in the files' order.
        let mut prepared: Vec<_> = files
            .iter()
            .rev()
            .map(|(name, bytes)| merged.prepare_bytes(name, bytes))
            .collect();
        prepared.reverse();
        for p in prepared {
            match p {
                Ok(p) => {
                    merged.add_prepared(p);
                }
                Err(e) => assert!(matches!(e, Error::NotText { .. })),
            }
        }
        assert_eq!(fingerprint(&merged), fingerprint(&serial));
        assert_eq!(merged.documents().len(), 3 + seeds.len());
        let vocab = merged.vocab();
        assert!((0..vocab.len() as u32).any(|id| vocab.primary(id) != id));
    }

    #[test]
    fn a_document_prepared_before_the_user_words_changed_is_segmented_again() {
        let text = "大力弘扬劳模精神".as_bytes();
        let mut corpus = new_corpus();
        let prepared = corpus.prepare_bytes("a.txt", text).unwrap();
        corpus.set_user_words(&["劳模精神".into()]).unwrap();
        corpus.add_prepared(prepared);
        let mut serial = new_corpus();
        serial.set_user_words(&["劳模精神".into()]).unwrap();
        serial.add_bytes("a.txt", text, &mut no_progress()).unwrap();
        assert_eq!(fingerprint(&corpus), fingerprint(&serial));
        assert!(corpus.vocab().id("劳模精神").is_some());
    }

    #[test]
    fn user_words_resegment_every_document() {
        let mut corpus = new_corpus();
        corpus
            .add_text("a.txt", "大力弘扬劳模精神", &mut no_progress())
            .unwrap();
        assert!(corpus.vocab().id("劳模精神").is_none());
        assert_eq!(corpus.set_user_words(&["劳模精神".into()]).unwrap(), 1);
        assert!(corpus.vocab().id("劳模精神").is_some());
        assert_eq!(
            corpus.vocab().tag(corpus.vocab().id("劳模精神").unwrap()),
            "nz"
        );
    }
}
