//! Text reuse at the scale: `cargo bench --bench reuse` builds the benchmark corpus
//! (benches/support/reuse_corpus.rs: 5,000 documents, 20 MB, with planted reposts, copied passages and
//! exact copies), writes it to `target/reuse-corpus/` for the browser (`node benches/reuse.mjs`
//! times the real .wasm on it; a browser test can drop the folder), adds it to an Analyzer and
//! measures `reuse()` from scratch (the index is rebuilt every time: a furniture switch changes
//! what counts), with the pairs it finds.

// Native only: criterion, and the dictionary compiled into native builds.
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "support/reuse_corpus.rs"]
mod reuse_corpus;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::reuse_corpus::{corpus, Words};
    use criterion::{black_box, criterion_group, Criterion};
    use std::path::Path;
    use std::time::Instant;
    use wenxi::internals::{Dictionary, BUILTIN_WXD};
    use wenxi::{Analyzer, FileOrigin, MetadataPatch, ReuseOptions};

    /// Writes the corpus where the browser benchmark reads it, unless it is there already.
    fn write(corpus: &[(String, String)]) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reuse-corpus");
        let marker = dir.join("CORPUS");
        let stamp = format!("{} documents\n", corpus.len());
        if std::fs::read_to_string(&marker).is_ok_and(|s| s == stamp) {
            return;
        }
        for (path, text) in corpus {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        std::fs::write(marker, stamp).unwrap();
        println!("wrote the corpus to {}", dir.display());
    }

    fn bench(c: &mut Criterion) {
        let dictionary = Dictionary::from_bytes(BUILTIN_WXD).unwrap();
        let words = Words::new(dictionary.jieba_words().map(|(w, f, _)| (w, f)), 60_000);
        let corpus = corpus(&words);
        write(&corpus);
        let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
        let mut analyzer = Analyzer::new();
        let started = Instant::now();
        for (path, text) in &corpus {
            let name = path.rsplit('/').next().unwrap();
            let origin = FileOrigin {
                path: Some(path.clone()),
                ..FileOrigin::default()
            };
            analyzer
                .add_file(name, text.as_bytes(), &origin, &mut |_| {})
                .unwrap();
        }
        println!(
            "reuse corpus: {} documents, {:.1} MB, added in {:.1} s",
            corpus.len(),
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
        let started = Instant::now();
        let reuse = analyzer.reuse(&ReuseOptions::default()).unwrap();
        println!(
            "first reuse(): {:.0} ms, {} pairs ({} exact duplicates), longest passage {} chars",
            started.elapsed().as_secs_f64() * 1e3,
            reuse.total_pairs,
            reuse.pairs.iter().filter(|p| p.duplicate).count(),
            reuse.pairs.iter().map(|p| p.longest).max().unwrap_or(0)
        );
        let first = analyzer.documents()[0].id;
        let mut on = false;
        let mut group = c.benchmark_group("reuse");
        group.sample_size(10);
        group.bench_function("reuse() of 5,000 documents / 20 MB, from scratch", |b| {
            b.iter(|| {
                // A furniture switch changes what counts: the index is computed again.
                on = !on;
                let toggle = MetadataPatch {
                    count_furniture: Some(on),
                    ..MetadataPatch::default()
                };
                analyzer.update_documents(Some(&[first]), &toggle).unwrap();
                black_box(
                    analyzer
                        .reuse(&ReuseOptions::default())
                        .unwrap()
                        .total_pairs,
                )
            })
        });
        group.finish();
    }

    criterion_group!(benches, bench);
}
