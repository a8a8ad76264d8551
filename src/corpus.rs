//! The corpus: documents added and removed one by one, each cleaned and segmented
//! once, when added, into tokens over a [`Vocabulary`] they share. Everything else is
//! re-aggregated from the tokens on demand ([`Counts`] of a selection).

mod counts;
mod digest;
mod document;
mod stored;
mod view;
mod vocabulary;

pub use counts::{merge_groups, Counts, Merge, Terms};
pub use digest::Digest;
pub use document::{Document, DocumentInfo, Edit, FileOrigin, FurnitureLine, MetadataPatch};
pub use stored::{SegmentationKey, PREPARED_FILE, PREPARED_FORMAT_VERSION};
pub use view::DocView;
pub use vocabulary::{builtin_stop_words, Vocabulary};

use crate::anatomy::{anatomy, anatomy_converted};
use crate::clean::{join_wrapped_into, normalise_lines};
use crate::decode::decode;
use crate::error::{Error, Result};
use crate::posseg::PossegModel;
use crate::script::{detect, Script, ScriptData};
use crate::segment::Segmenter;
use std::borrow::Cow;
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
    /// Changes whenever what counts changes (a document added or removed, a furniture switch):
    /// what is computed from the counted text (the reuse index) is kept for one generation.
    generation: u64,
    /// Changes whenever how documents are segmented changes (user words, posseg's model, the
    /// script tables): a document prepared before is segmented again when added.
    segmentation: u32,
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
            segmentation: 0,
        }
    }

    /// See [`Corpus::generation`]'s field: a new value whenever what counts changes.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The first document (in the order added) with the same cleaned text as `doc`, if not itself.
    pub fn duplicate_of(&self, doc: &Document) -> Option<u32> {
        self.docs
            .iter()
            .find(|d| d.content_hash == doc.content_hash && d.text == doc.text)
            .map(|d| d.id)
            .filter(|&id| id != doc.id)
    }

    pub fn info(&self, doc: &Document) -> DocumentInfo {
        doc.info(self.duplicate_of(doc))
    }

    /// The infos of `docs` (corpus documents, in corpus order), finding duplicates for all of
    /// them at once: one sort of the content hashes, not a scan of the corpus per document.
    pub fn infos(&self, docs: &[&Document]) -> Vec<DocumentInfo> {
        // (hash, place in the corpus), packed: sorts by hash, then by the order added.
        let mut keys: Vec<u128> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| u128::from(d.content_hash) << 64 | i as u128)
            .collect();
        keys.sort_unstable();
        let mut first = vec![None; self.docs.len()];
        for same_hash in keys.chunk_by(|x, y| x >> 64 == y >> 64) {
            for &key in &same_hash[1..] {
                let doc = &self.docs[key as u64 as usize];
                first[key as u64 as usize] = same_hash
                    .iter()
                    .map(|&k| &self.docs[k as u64 as usize])
                    .find(|d| d.text == doc.text)
                    .map(|d| d.id)
                    .filter(|&id| id != doc.id);
            }
        }
        // Documents are in the order added, so by id.
        docs.iter()
            .map(|d| {
                let place = self.docs.binary_search_by_key(&d.id, |x| x.id).ok();
                d.info(place.and_then(|p| first[p]))
            })
            .collect()
    }

    /// What counts has changed (a furniture switch): the generation moves on.
    pub fn touch(&mut self) {
        self.generation += 1;
    }

    /// The documents with these ids, for changing: every id must exist (else nothing is
    /// handed out); `None` = all. Call [`Corpus::touch`] if what counts changed.
    pub fn documents_mut(&mut self, ids: Option<&[u32]>) -> Result<Vec<&mut Document>> {
        if let Some(ids) = ids {
            for &id in ids {
                self.document(id)?;
            }
        }
        Ok(self
            .docs
            .iter_mut()
            .filter(|d| ids.is_none_or(|ids| ids.contains(&d.id)))
            .collect())
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

    /// How documents are segmented now, as it can be compared with a stored document's.
    pub fn segmentation_key(&self) -> SegmentationKey {
        SegmentationKey::of(&self.segmenter, self.script.is_some())
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
        self.segmentation += 1;
        let mut n = 0;
        let data = self.script.as_deref().expect("just set");
        for doc in self.docs.iter_mut().filter(|d| d.needs_script_data()) {
            // Its lines were sorted as they are: now on its simplified form, as if the tables
            // had been there when it was added (the lines set aside then are still lines).
            let anatomy = anatomy_converted(&doc.text, data);
            doc.reread_anatomy(anatomy);
            doc.segment(
                &self.segmenter,
                Some(data),
                &mut self.vocab,
                &mut self.counter,
                &mut |_| {},
            );
            n += 1;
        }
        if n > 0 {
            // Their lines set aside and their text as reuse compares it (simplified) changed.
            self.generation += 1;
        }
        n
    }

    /// Whether a traditional document waits for the script tables.
    pub fn needs_script_data(&self) -> bool {
        self.docs.iter().any(Document::needs_script_data)
    }

    /// Load the dictionary's IDF table (the bytes of `wenxi.wxi`): every word already in the
    /// vocabulary gets its IDF; nothing is segmented again (segmentation never uses IDF).
    pub fn load_idf(&mut self, wxi: &[u8]) -> Result<()> {
        self.segmenter.dictionary().load_idf(wxi)?;
        self.vocab.refresh_idf(&self.segmenter);
        Ok(())
    }

    /// Tag with posseg's model from now on: every document is segmented again.
    pub fn set_posseg(&mut self, model: Arc<PossegModel>) -> usize {
        self.segmenter.set_posseg(Some(model));
        self.segmentation += 1;
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
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let lines = lines_of(name, Cow::Borrowed(bytes))?;
        let doc = self.document_of(name, lines, bytes.len() as u64, origin)?;
        Ok(self.push_segmented(doc, progress))
    }

    /// [`Corpus::add_bytes`] of bytes it may free once they are decoded, before the text is
    /// segmented (the wasm glue's copy of a file): a large file's bytes, its cleaned text and
    /// its tokens are then never in memory all at once.
    pub fn add_owned_bytes(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        let size = bytes.len() as u64;
        let lines = lines_of(name, Cow::Owned(bytes))?;
        let doc = self.document_of(name, lines, size, origin)?;
        Ok(self.push_segmented(doc, progress))
    }

    /// Add text that is already a string (pasted, say).
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: &mut dyn FnMut(f64),
    ) -> Result<&Document> {
        check_text(name, text)?;
        let doc = self.document_of(
            name,
            Lines::of(normalise_lines(text), "UTF-8"),
            text.len() as u64,
            &FileOrigin::default(),
        )?;
        Ok(self.push_segmented(doc, progress))
    }

    /// Segments `doc` into the corpus's vocabulary and adds it.
    fn push_segmented(&mut self, mut doc: Document, progress: &mut dyn FnMut(f64)) -> &Document {
        doc.id = self.next_id;
        self.next_id += 1;
        doc.segment(
            &self.segmenter,
            self.script.as_deref(),
            &mut self.vocab,
            &mut self.counter,
            progress,
        );
        self.docs.push(doc);
        self.generation += 1;
        self.docs.last().expect("just pushed")
    }

    /// The document of `lines`, cleaned and with its anatomy, not segmented yet (id 0).
    fn document_of(
        &self,
        name: &str,
        lines: Lines,
        bytes: u64,
        origin: &FileOrigin,
    ) -> Result<Document> {
        let Lines {
            text: lines,
            room,
            encoding,
        } = lines;
        // Cleaning in two steps, the anatomy between them: furniture lines are sorted out
        // before wrapped lines are rejoined, so that none is joined to the article.
        if lines.is_empty() {
            return Err(Error::Blank {
                name: name.to_string(),
            });
        }
        // A traditional text's lines are sorted on its simplified form when the tables are
        // loaded (the rules are written in simplified characters), else as they are.
        let script = detect(&lines);
        let anatomy = match self.script.as_deref() {
            Some(data) if script == Script::Traditional => anatomy_converted(&lines, data),
            _ => anatomy(&lines),
        };
        let apart = anatomy.set_aside(lines.split('\n').count());
        let (text, line_map) = join_wrapped_into(&lines, &apart, room);
        drop(lines);
        let anatomy = anatomy.moved(&text, &line_map);
        let mut doc = Document::with_anatomy(0, name, encoding, bytes, text, anatomy);
        doc.script = script;
        doc.set_origin(origin);
        Ok(doc)
    }

    /// Decode, clean and segment the file `name` apart from the corpus, over a vocabulary of
    /// its own: takes `&self`, so that several files can be prepared at once on several
    /// threads (the CLI). [`Corpus::add_prepared`] then brings the document in.
    pub fn prepare_bytes(
        &self,
        name: &str,
        bytes: &[u8],
        origin: &FileOrigin,
    ) -> Result<PreparedDocument> {
        self.prepare_bytes_with_progress(name, bytes, origin, &mut |_| {})
    }

    /// [`Corpus::prepare_bytes`], with `progress` hearing the fraction segmented.
    pub fn prepare_bytes_with_progress(
        &self,
        name: &str,
        bytes: &[u8],
        origin: &FileOrigin,
        progress: &mut dyn FnMut(f64),
    ) -> Result<PreparedDocument> {
        let lines = lines_of(name, Cow::Borrowed(bytes))?;
        let mut doc = self.document_of(name, lines, bytes.len() as u64, origin)?;
        let mut vocab = Vocabulary::default();
        doc.segment(
            &self.segmenter,
            self.script.as_deref(),
            &mut vocab,
            &mut Vec::new(),
            progress,
        );
        Ok(PreparedDocument {
            doc,
            vocab,
            segmentation: Some(self.segmentation),
            key: self.segmentation_key(),
        })
    }

    /// Adds a document [`Corpus::prepare_bytes`] prepared: its words join the vocabulary in
    /// the order they first occur in it, so that adding prepared documents in some order
    /// gives the corpus adding their files in that order would, id for id. A document
    /// prepared before the user words, posseg's model or the script tables changed is
    /// segmented again (from its text); so is one read from bytes whose [`SegmentationKey`]
    /// does not fit the corpus's.
    pub fn add_prepared(&mut self, prepared: PreparedDocument) -> &Document {
        let PreparedDocument {
            mut doc,
            vocab,
            segmentation,
            key,
        } = prepared;
        let stale = match segmentation {
            Some(segmentation) => segmentation != self.segmentation,
            None => !key.fits(&self.segmentation_key(), doc.script),
        };
        if stale {
            if let Some(data) = self.script.as_deref().filter(|_| doc.needs_script_data()) {
                // As set_script_data does for a document added before the tables.
                doc.reread_anatomy(anatomy_converted(&doc.text, data));
            }
            return self.push_segmented(doc, &mut |_| {});
        }
        doc.id = self.next_id;
        self.next_id += 1;
        let ids = self.vocab.absorb(&vocab, &self.segmenter);
        for token in &mut doc.tokens {
            token.word = ids[token.word as usize];
        }
        // The lines set aside are counted by word id too (they were left in the document's
        // own ids before, and counted as other words once the furniture was switched on).
        for counts in [&mut doc.counts, &mut doc.furniture_counts] {
            for count in counts.iter_mut() {
                count.0 = ids[count.0 as usize];
            }
            counts.sort_unstable_by_key(|&(word, _)| word);
        }
        self.docs.push(doc);
        self.generation += 1;
        self.docs.last().expect("just pushed")
    }

    /// Remove a document; returns whether it was there.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.docs.len();
        self.docs.retain(|d| d.id != id);
        self.generation += 1;
        self.docs.len() != before
    }

    /// Replace the user words and re-segment every document if they changed.
    /// Returns how many documents were re-segmented.
    pub fn set_user_words(&mut self, words: &[String]) -> Result<usize> {
        if !self.segmenter.set_user_words(words)? {
            return Ok(0);
        }
        self.segmentation += 1;
        Ok(self.resegment_all())
    }

    /// The documents with the given ids (all when `None`), in corpus order; ids no
    /// longer in the corpus are skipped, so a request racing a removal still answers.
    pub fn select(&self, ids: Option<&[u32]>) -> Vec<&Document> {
        match ids {
            None => self.docs.iter().collect(),
            Some(ids) => {
                // Sorted, so that 5,000 ids select 5,000 documents in n log n, not n².
                let mut ids = ids.to_vec();
                ids.sort_unstable();
                self.docs
                    .iter()
                    .filter(|d| ids.binary_search(&d.id).is_ok())
                    .collect()
            }
        }
    }
}

/// A document decoded, cleaned and segmented over a vocabulary of its own, not in a corpus
/// yet ([`Corpus::prepare_bytes`], [`Corpus::add_prepared`]).
#[derive(Debug)]
pub struct PreparedDocument {
    doc: Document,
    vocab: Vocabulary,
    /// The corpus's `segmentation` it was segmented in; `None` when read from bytes, which
    /// only its `key` vouches for.
    segmentation: Option<u32>,
    key: SegmentationKey,
}

impl PreparedDocument {
    pub fn name(&self) -> &str {
        &self.doc.name
    }
}

/// A text after the first step of cleaning ([`normalise_lines`]), the encoding it was read
/// as, and the room its cleaned text will take.
struct Lines {
    text: String,
    room: String,
    encoding: &'static str,
}

impl Lines {
    fn of(text: String, encoding: &'static str) -> Lines {
        // Allocated now, when the decoded text may just have been freed: a large file's cleaned
        // text then takes the place of its bytes, rather than a place of its own on top.
        let room = String::with_capacity(text.len());
        Lines {
            text,
            room,
            encoding,
        }
    }
}

/// The lines of the file `name` ([`Lines`]); refused past [`MAX_DOCUMENT_BYTES`]. Owned bytes
/// are freed as soon as they are decoded (valid UTF-8 is decoded without a copy).
fn lines_of(name: &str, bytes: Cow<'_, [u8]>) -> Result<Lines> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            name: name.to_string(),
            bytes: bytes.len() as u64,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    reserve_memory(bytes.len());
    let decoded = decode(name, &bytes)?;
    let (text, encoding) = (normalise_lines(&decoded.text), decoded.encoding);
    drop(decoded);
    drop(bytes);
    Ok(Lines::of(text, encoding))
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

/// Before a large file (≥ 1 MiB) is added, makes sure the heap can hold what adding it takes
/// besides its bytes, which are in memory already, by allocating max(3/2 × its size, 32 MiB) and
/// freeing it at once. For Chinese text that is about the peak above the bytes: the first step
/// of cleaning (its size) while the bytes are there, then, the bytes freed and the cleaned text
/// in their place, the tokens (8 bytes every 5-6 bytes of text) and their sentences. (It was
/// 3 × on top of the bytes, when the bytes stayed and the tokens had room for one every 4
/// bytes: a 100 MB file took 433 MiB of wasm memory.) In wasm the allocator otherwise grows
/// the memory 64 KiB at a time, and each `memory.grow` of a large memory costs a copy or a
/// remap: measured, this took indexing in the browser from 8 to 20 MiB/s. Freed memory stays
/// with the allocator, which reuses it. When the memory cannot grow that far, nothing is
/// reserved (and the add may still fit). Native allocators need no help.
#[allow(unused_variables)]
fn reserve_memory(file_bytes: usize) {
    #[cfg(target_arch = "wasm32")]
    if file_bytes >= 1 << 20 {
        let want = (file_bytes / 2).saturating_mul(3).max(32 << 20);
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

    pub(super) fn new_corpus() -> Corpus {
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
            .add_bytes(
                "b.txt",
                b"\x89PNG\r\n\x1a\n\0\0",
                &FileOrigin::default(),
                &mut no_progress(),
            )
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
    pub(super) fn fingerprint(corpus: &Corpus) -> Vec<String> {
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
                corpus.info(doc)
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
            let _ = serial.add_bytes(name, bytes, &FileOrigin::default(), &mut no_progress());
        }
        let mut merged = new_corpus();
        // Prepared in any order (as threads finish), added in the files' order.
        let mut prepared: Vec<_> = files
            .iter()
            .rev()
            .map(|(name, bytes)| merged.prepare_bytes(name, bytes, &FileOrigin::default()))
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
        // Bytes handed over (freed once decoded, as in wasm) give the same corpus.
        let mut owned = new_corpus();
        for &(name, bytes) in &files {
            let added = owned.add_owned_bytes(
                name,
                bytes.to_vec(),
                &FileOrigin::default(),
                &mut no_progress(),
            );
            assert_eq!(added.is_err(), name == "d.txt");
        }
        assert_eq!(fingerprint(&owned), fingerprint(&serial));
        let vocab = merged.vocab();
        assert!((0..vocab.len() as u32).any(|id| vocab.primary(id) != id));
    }

    #[test]
    fn a_document_prepared_before_the_user_words_changed_is_segmented_again() {
        let text = "大力弘扬劳模精神".as_bytes();
        let mut corpus = new_corpus();
        let prepared = corpus
            .prepare_bytes("a.txt", text, &FileOrigin::default())
            .unwrap();
        corpus.set_user_words(&["劳模精神".into()]).unwrap();
        corpus.add_prepared(prepared);
        let mut serial = new_corpus();
        serial.set_user_words(&["劳模精神".into()]).unwrap();
        serial
            .add_bytes("a.txt", text, &FileOrigin::default(), &mut no_progress())
            .unwrap();
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
