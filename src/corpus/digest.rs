//! A digest of everything in a corpus that an analysis is computed from, so that an analysis
//! computed once can stand for the same one computed again (the page remembers a large
//! workspace's last analysis across visits: www/analysis-memo.js). Two corpora with the same
//! digest hold the same documents (ids, names, metadata, text by its hash, counts, sentences,
//! lines set aside, script), the same vocabulary (words, tags, kinds, IDF, in id order) and are
//! segmented the same way; a digest is only compared within one build of the engine (the page
//! adds the .wasm's own hash), so how it is computed may change freely.

use super::document::Document;
use super::vocabulary::Vocabulary;
use super::Corpus;
use rustc_hash::FxHasher;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Two unrelated hashes of the same input, SipHash (64 bits) and Fx (64 bits natively, 32 in
/// wasm32, where it hashes into a `usize`): 96 bits or more, so that two different corpora never
/// share a digest by chance.
#[derive(Default)]
pub struct Digest {
    sip: DefaultHasher,
    fx: FxHasher,
}

impl Hasher for Digest {
    fn write(&mut self, bytes: &[u8]) {
        self.sip.write(bytes);
        self.fx.write(bytes);
    }

    fn finish(&self) -> u64 {
        self.sip.finish() ^ self.fx.finish()
    }
}

impl Digest {
    /// The digest as 32 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.sip.finish(), self.fx.finish())
    }

    /// Numbers fed as one run of bytes (far fewer steps than one `write_u32` each).
    fn numbers(&mut self, values: impl IntoIterator<Item = u32>) {
        let mut bytes = Vec::new();
        for v in values {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        bytes.len().hash(self);
        self.write(&bytes);
    }

    /// A field without a `Hash` of its own, by its `Debug` form (small fields only).
    fn debug(&mut self, value: &impl std::fmt::Debug) {
        format!("{value:?}").hash(self);
    }
}

impl Corpus {
    /// Feeds what this corpus's analyses are computed from into `digest`.
    pub fn digest(&self, digest: &mut Digest) {
        self.segmentation_key().to_string().hash(digest);
        self.script.is_some().hash(digest);
        self.segmenter.dictionary().has_idf().hash(digest);
        self.next_id.hash(digest);
        self.vocab.digest(digest);
        self.docs.len().hash(digest);
        for doc in &self.docs {
            doc.digest(digest);
        }
    }
}

impl Vocabulary {
    fn digest(&self, digest: &mut Digest) {
        let mut text = String::new();
        let mut rest = Vec::new();
        for id in 0..self.len() as u32 {
            let entry = self.entry(id);
            text.push_str(entry.text);
            text.push('\0');
            rest.extend([
                u32::from(self.flags(id)) | u32::from(entry.tag) << 8,
                entry.chars,
                self.primary(id),
                self.idf(id).map_or(u32::MAX, f32::to_bits),
            ]);
        }
        text.hash(digest);
        digest.numbers(rest);
        self.tag_names().hash(digest);
    }
}

impl Document {
    /// The text by its hash and length (the tokens are cut from it the same way under the same
    /// segmentation key, which the corpus adds); the rest as it is, but the tokens by their
    /// counts and sentences (a document of 20 MB has millions of tokens, and few distinct words).
    fn digest(&self, digest: &mut Digest) {
        self.id.hash(digest);
        self.name.hash(digest);
        self.title.hash(digest);
        self.encoding.hash(digest);
        self.bytes.hash(digest);
        self.content_hash.hash(digest);
        self.text.len().hash(digest);
        self.chars.hash(digest);
        self.tokens.len().hash(digest);
        self.sentence_starts.len().hash(digest);
        let pairs =
            |pairs: &[(u32, u32)]| pairs.iter().flat_map(|&(a, b)| [a, b]).collect::<Vec<_>>();
        digest.numbers(pairs(&self.counts));
        self.token_count.hash(digest);
        digest.numbers(pairs(&self.furniture_counts));
        self.furniture_token_count.hash(digest);
        digest.numbers(self.body_spans.iter().flat_map(|r| [r.start, r.end]));
        // (Debug-formatting thousands of lines would take longer than all the rest.)
        digest.numbers(self.furniture.iter().flat_map(|f| {
            [
                f.line,
                f.range.start as u32,
                f.range.end as u32,
                f.kind as u32,
            ]
        }));
        for f in &self.furniture {
            f.rule.hash(digest);
        }
        self.path.hash(digest);
        digest.debug(&self.meta);
        digest.debug(&self.script);
        digest.debug(&self.variant);
        let mut spans: Vec<(u32, u32)> = self.spans.iter().map(|(&a, &b)| (a, b)).collect();
        spans.sort_unstable();
        digest.numbers(pairs(&spans));
    }
}
