//! A whole analysis on arbitrary bytes: a selector byte, then up to three documents
//! separated by `\x1e\x1e`; see `wenxi_fuzz::analysis`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Mutex;
use wenxi::Analyzer;

/// Building an analyzer builds jieba's dictionary (~100 ms), so one is kept across
/// inputs; each input removes the documents it added. Removed documents' words stay in
/// the vocabulary, so the analyzer is rebuilt once the vocabulary grows past this.
const MAX_VOCABULARY: usize = 20_000;

static ANALYZER: Mutex<Option<Analyzer>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let mut slot = ANALYZER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if slot
        .as_ref()
        .is_none_or(|a| a.vocabulary_len() > MAX_VOCABULARY)
    {
        *slot = Some(Analyzer::new());
    }
    wenxi_fuzz::analysis(slot.as_mut().expect("just built"), data);
});
