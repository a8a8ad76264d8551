//! Arbitrary text through `clean` and `sentences`; see `wenxi_fuzz::clean_and_sentences`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wenxi_fuzz::clean_and_sentences(data));
