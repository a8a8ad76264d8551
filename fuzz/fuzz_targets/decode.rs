//! Arbitrary bytes through `decode`: never panics; see `wenxi_fuzz::decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wenxi_fuzz::decode(data));
