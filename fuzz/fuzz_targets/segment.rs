//! Arbitrary text cleaned, split and segmented; see `wenxi_fuzz::segment`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wenxi_fuzz::segment(wenxi_fuzz::segmenter(), data));
