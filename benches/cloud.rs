//! The word-cloud layout natively (issue 11): `cargo bench --bench cloud` lays out the seeds'
//! top 200 words in a heart at 1200 × 800 with the box-glyph rasteriser, fresh and again with
//! the glyphs cached (another seed: 重新排列), and prints the median of each with the attempts
//! (scales tried) and how long the rasteriser took. The browser benchmark (benches/cloud.mjs)
//! times the same in the page's worker with real glyphs, next to d3-cloud.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::{Duration, Instant};
    use wenxi::{
        AnalysisOptions, Analyzer, Bitmap, BoxRasterizer, CloudEngine, CloudOptions, CloudWord,
        FontSpec, Orientation, Rasterizer, Shape,
    };

    /// The box rasteriser, timed.
    struct Timed {
        spent: Duration,
    }

    impl Rasterizer for Timed {
        fn measure(
            &mut self,
            run: &str,
            font: &FontSpec,
            size: f64,
        ) -> wenxi::Result<wenxi::RunMetrics> {
            let t = Instant::now();
            let m = BoxRasterizer.measure(run, font, size);
            self.spent += t.elapsed();
            m
        }
        fn rasterize(
            &mut self,
            run: &str,
            font: &FontSpec,
            size: f64,
        ) -> wenxi::Result<wenxi::Ink> {
            let t = Instant::now();
            let ink = BoxRasterizer.rasterize(run, font, size);
            self.spent += t.elapsed();
            ink
        }
    }

    fn seed_words() -> Vec<CloudWord> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut paths: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let mut analyzer = Analyzer::new();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            analyzer
                .add_document(&name, &std::fs::read(&path).unwrap(), &mut |_| {})
                .unwrap();
        }
        let options = AnalysisOptions {
            top_terms: 200,
            ..AnalysisOptions::default()
        };
        let analysis = analyzer.analyze(&options).unwrap();
        analysis
            .terms
            .iter()
            .take(200)
            .map(|t| CloudWord {
                text: t.term.clone(),
                weight: t.freq as f64,
            })
            .collect()
    }

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    }

    pub fn main() {
        let words = seed_words();
        let _ = Bitmap::new(1, 1);
        let runs = 7;
        for (name, shape, orientation) in [
            ("heart, mixed", Shape::Heart, Orientation::Mixed),
            (
                "rectangle, horizontal",
                Shape::Rectangle,
                Orientation::Horizontal,
            ),
            ("star, vertical", Shape::Star, Orientation::Vertical),
        ] {
            let (mut fresh, mut again, mut raster) = (vec![], vec![], vec![]);
            let mut attempts = (0, 0);
            for run in 0..runs {
                let mut options = CloudOptions {
                    width: 1200,
                    height: 800,
                    shape,
                    orientation,
                    seed: 1,
                    ..CloudOptions::default()
                };
                let mut engine = CloudEngine::new(Timed {
                    spent: Duration::ZERO,
                });
                let t = Instant::now();
                let first = engine.layout(&words, &options).unwrap();
                fresh.push(t.elapsed().as_secs_f64() * 1e3);
                raster.push(engine.rasterizer().spent.as_secs_f64() * 1e3);
                options.seed = 2 + run;
                let t = Instant::now();
                let second = engine.layout(&words, &options).unwrap();
                again.push(t.elapsed().as_secs_f64() * 1e3);
                attempts = (first.attempts, second.attempts);
            }
            println!(
                "{name}: first layout {:.1} ms (rasteriser {:.1} ms, {} attempts), relayout {:.1} ms ({} attempts); medians of {runs}",
                median(fresh),
                median(raster),
                attempts.0,
                median(again),
                attempts.1
            );
        }
    }
}
