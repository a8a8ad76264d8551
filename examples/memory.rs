//! Where a large document's memory goes: the heap's peak and what stays while one file of
//! about 100 MB (the seeds repeated, as benches/browser.mjs builds it) is added, natively, with
//! a counting allocator. The file's bytes are handed over as the wasm glue hands over its copy
//! (owned, freed once decoded) and counted. The wasm memory benches/memory.mjs and
//! benches/browser.mjs report is about this peak plus the engine (and what the allocator could
//! not reuse).
//!   cargo run --release --example memory [MB]
// Native only: the analyzer's dictionary is compiled into native builds.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    struct Counting;
    static NOW: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
            System.alloc(layout)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            NOW.fetch_sub(layout.size(), Relaxed);
            System.dealloc(ptr, layout)
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // Growing may copy: count the new block before the old one goes. Shrinking is in place
            // (dlmalloc, the wasm allocator, splits the block).
            if new_size > layout.size() {
                let now = NOW.fetch_add(new_size, Relaxed) + new_size;
                PEAK.fetch_max(now, Relaxed);
                NOW.fetch_sub(layout.size(), Relaxed);
            } else {
                NOW.fetch_sub(layout.size() - new_size, Relaxed);
            }
            System.realloc(ptr, layout, new_size)
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    fn corpus(bytes: usize) -> Vec<u8> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let seeds: Vec<String> = names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let mut out = String::new();
        for copy in 0.. {
            for seed in &seeds {
                let part = format!("第{copy}份\n{seed}\n");
                if out.len() + part.len() > bytes {
                    // Exactly its size, as the glue allocates it.
                    return out.into_bytes().into_boxed_slice().into_vec();
                }
                out.push_str(&part);
            }
        }
        unreachable!()
    }

    pub fn main() {
        let mb: f64 = std::env::args()
            .nth(1)
            .and_then(|a| a.parse().ok())
            .unwrap_or(99.9);
        let mib = |b: usize| b as f64 / (1 << 20) as f64;
        let mut analyzer = wenxi::Analyzer::new();
        let engine = NOW.load(Relaxed);
        let bytes = corpus((mb * 1e6) as usize);
        // The bytes are counted: they are in memory when the add starts, and it frees them.
        let before = NOW.load(Relaxed) - bytes.len();
        PEAK.store(before, Relaxed);
        let size = bytes.len();
        // Owned, as the wasm glue hands them over: freed once decoded.
        let info = analyzer
            .add_owned_file("corpus.txt", bytes, &Default::default(), &mut |f| {
                if std::env::var_os("WENXI_MEMORY_STAGES").is_some() {
                    eprintln!(
                        "  {:>3.0} % segmented: now {:.0} MiB, peak so far {:.0} MiB",
                        f * 100.0,
                        mib(NOW.load(Relaxed) - before),
                        mib(PEAK.load(Relaxed) - before)
                    );
                }
            })
            .unwrap();
        let peak = PEAK.load(Relaxed) - before;
        let kept = NOW.load(Relaxed) - before;
        println!(
            "{:.1} MB, {} tokens; engine {:.0} MiB; adding it, its bytes included: peak {:.0} MiB ({:.2}× the text), kept {:.0} MiB ({:.2}×); with the engine: peak {:.2} MiB ÷ MB",
            size as f64 / 1e6,
            info.tokens,
            mib(engine),
            mib(peak),
            peak as f64 / size as f64,
            mib(kept),
            kept as f64 / size as f64,
            mib(peak + engine) / (size as f64 / 1e6),
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
