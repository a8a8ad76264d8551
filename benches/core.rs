//! Native throughput of the core, next to plain jieba-rs measured in the same run.
//! `cargo bench --bench core` prints MB/s (criterion's Throughput::Bytes) for:
//! decode + clean + segment + index, on the seeds and on a ~10 MB corpus built from
//! them; a full analysis of each; and jieba-rs's own `cut` as the peer (the same
//! jieba-rs, with the same dictionary). The dictionary start-up time is printed first.

// Native only: criterion, and the dictionary compiled into native builds. On wasm32 (where
// `cargo clippy --all-targets` builds it too) the bench is an empty program.
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};
    use std::time::Instant;
    use wenxi::internals::{Dictionary, BUILTIN_WXD};
    use wenxi::{AnalysisOptions, Analyzer};

    fn seeds() -> Vec<(String, Vec<u8>)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect()
    }

    /// ~10 MB: the seeds repeated as separate documents, each copy numbered so that
    /// documents differ (the numbers are filtered out, the text segments the same).
    pub fn large_corpus(target_bytes: usize) -> Vec<(String, Vec<u8>)> {
        let seeds = seeds();
        let mut out = Vec::new();
        let mut total = 0;
        let mut copy = 0;
        while total < target_bytes {
            for (name, bytes) in &seeds {
                let mut doc = format!("第{copy}份\n").into_bytes();
                doc.extend_from_slice(bytes);
                total += doc.len();
                out.push((format!("{copy}-{name}"), doc));
            }
            copy += 1;
        }
        out
    }

    fn bench(c: &mut Criterion) {
        let started = Instant::now();
        let dictionary = Dictionary::from_bytes(BUILTIN_WXD).unwrap();
        let decoded = started.elapsed();
        let jieba = dictionary.jieba();
        println!(
            "dictionary start-up: decode wenxi.wxd {:.0} ms + build jieba {:.0} ms",
            decoded.as_secs_f64() * 1e3,
            (started.elapsed() - decoded).as_secs_f64() * 1e3
        );
        let started = Instant::now();
        let mut analyzer = Analyzer::with_dictionary(BUILTIN_WXD).unwrap();
        println!(
            "Analyzer::with_dictionary: {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        for (name, bytes) in seeds() {
            analyzer.add_document(&name, &bytes, &mut |_| {}).unwrap();
        }
        let started = Instant::now();
        let _ = analyzer.analyze(&AnalysisOptions::default());
        println!(
            "first analysis: {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );

        for (label, corpus) in [("seeds", seeds()), ("10MB", large_corpus(10_000_000))] {
            let bytes: usize = corpus.iter().map(|(_, b)| b.len()).sum();
            let mut group = c.benchmark_group(label);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.sample_size(10);
            group.bench_function(BenchmarkId::new("jieba-rs cut (peer)", bytes), |b| {
                let texts: Vec<&str> = corpus
                    .iter()
                    .map(|(_, b)| std::str::from_utf8(b).unwrap())
                    .collect();
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| jieba.cut(t, true).len())
                        .sum::<usize>()
                })
            });
            let mut analyzer = Analyzer::new();
            group.bench_function(
                BenchmarkId::new("wenxi decode+clean+segment+index", bytes),
                |b| {
                    b.iter(|| {
                        for (name, bytes) in &corpus {
                            let info = analyzer.add_document(name, bytes, &mut |_| {}).unwrap();
                            analyzer.remove_document(info.id);
                        }
                    })
                },
            );
            for (name, bytes) in &corpus {
                analyzer.add_document(name, bytes, &mut |_| {}).unwrap();
            }
            group.bench_function(
                BenchmarkId::new("wenxi analyze (keywords+phrases+network)", bytes),
                |b| b.iter(|| black_box(analyzer.analyze(&AnalysisOptions::default()).unwrap())),
            );
            group.finish();
        }
    }

    criterion_group!(benches, bench);
}
