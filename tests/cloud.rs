//! The word-cloud layout (src/cloud/): golden layouts of the seeds' top words, one line per
//! word, so a diff shows what moved; and properties every layout must keep, checked on random
//! words, shapes and seeds by drawing each placed piece again from the layout alone.
//! After an intended change: `WENXI_BLESS=1 cargo test --test cloud`, then review the diff.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use wenxi::internals::{has_ideograph, Mask};
use wenxi::{
    layout_cloud, AnalysisOptions, Bitmap, BoxRasterizer, CloudLayout, CloudOptions, CloudWord,
    FontSpec, MaskImage, Orientation, Rasterizer, Shape, Spiral, WordOrientation,
};

mod common;

use common::seeded_analyzer;

/// The seeds' top terms by frequency, as the page's cloud gets them.
fn seed_words() -> &'static [CloudWord] {
    static WORDS: OnceLock<Vec<CloudWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let analyzer = seeded_analyzer();
        let options = AnalysisOptions {
            top_terms: 200,
            ..AnalysisOptions::default()
        };
        let analysis = analyzer.analyze(&options).unwrap();
        analysis
            .terms
            .iter()
            .map(|t| CloudWord {
                text: t.term.clone(),
                weight: t.freq as f64,
            })
            .collect()
    })
}

/// A ring, opaque on transparent: words must stay out of its hole and its corners.
fn ring_picture(width: u32, height: u32) -> MaskImage {
    let mut pixels = Vec::with_capacity((width * height * 4) as usize);
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = (
                (f64::from(x) + 0.5 - cx) / cx,
                (f64::from(y) + 0.5 - cy) / cy,
            );
            let r = (dx * dx + dy * dy).sqrt();
            let inside = (0.45..=0.98).contains(&r);
            pixels.extend([30, 30, 30, if inside { 255 } else { 0 }]);
        }
    }
    MaskImage {
        width,
        height,
        pixels,
        ..MaskImage::default()
    }
}

fn golden_text(
    name: &str,
    options: &CloudOptions,
    words: &[CloudWord],
    layout: &CloudLayout,
) -> String {
    let what = match &options.mask {
        Some(m) => format!("picture {}×{}", m.width, m.height),
        None => format!("{:?}", options.shape),
    };
    let mut out = format!(
        "# {name}: {what} · {:?} · {:?} spiral · seed {} · {}×{} · {} of {} words placed · scale {:.3} · {} attempts\n",
        options.orientation,
        options.spiral,
        options.seed,
        options.width,
        options.height,
        layout.words.len(),
        words.len(),
        layout.scale,
        layout.attempts,
    );
    out.push_str(
        "# text\tx\ty\tsize\torientation (the box of its ink; h horizontal, v vertical)\n",
    );
    for w in &layout.words {
        let o = match w.orientation {
            WordOrientation::Horizontal => 'h',
            WordOrientation::Vertical => 'v',
        };
        writeln!(out, "{}\t{}\t{}\t{}\t{o}", w.text, w.x, w.y, w.size).unwrap();
    }
    for u in &layout.unplaced {
        writeln!(out, "{}\tunplaced", u.text).unwrap();
    }
    out
}

/// Compare with the golden file, or rewrite it when blessing.
fn check(name: &str, actual: &str) {
    common::check_golden(&format!("cloud/{name}.tsv"), actual, "cloud");
}

fn golden(name: &str, count: usize, options: CloudOptions) {
    let words = &seed_words()[..count];
    let layout = layout_cloud(words, &options, BoxRasterizer).unwrap();
    assert_keeps_its_promises(words, &options, &layout);
    if let Some(dir) = std::env::var_os("WENXI_CLOUD_SVG") {
        // To look at: the layout drawn as the page would, over its shape.
        fs::write(
            Path::new(&dir).join(format!("{name}.svg")),
            svg(&options, &layout),
        )
        .unwrap();
    }
    check(name, &golden_text(name, &options, words, &layout));
}

/// The layout as SVG text over its shape (pale), text as text: upright pieces as they are,
/// turned pieces rotated about their pen.
fn svg(options: &CloudOptions, layout: &CloudLayout) -> String {
    let (w, h) = (options.width, options.height);
    let mut out = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' viewBox='0 0 {w} {h}' \
         font-family='Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif'><rect width='{w}' height='{h}' fill='white'/>"
    );
    let mask = match &options.mask {
        Some(image) => Mask::image(image, w, h).unwrap(),
        None => Mask::shape(options.shape, w, h),
    };
    for (x, y) in mask
        .allowed
        .ones()
        .filter(|(x, y)| x % 2 == 0 && y % 2 == 0)
    {
        write!(
            out,
            "<rect x='{x}' y='{y}' width='2' height='2' fill='#eef'/>"
        )
        .unwrap();
    }
    let colours = ["#b3261e", "#1f5fa8", "#2b7a3d", "#7b3fa0", "#a14f00"];
    for (i, word) in layout.words.iter().enumerate() {
        let fill = colours[i % colours.len()];
        for p in &word.pieces {
            let turn = if p.rotated {
                format!(" transform='rotate(90 {} {})'", p.x, p.y)
            } else {
                String::new()
            };
            write!(
                out,
                "<text x='{}' y='{}' font-size='{}' fill='{fill}'{turn}>{}</text>",
                p.x, p.y, word.size, p.text
            )
            .unwrap();
        }
    }
    out + "</svg>"
}

fn options(
    shape: Shape,
    orientation: Orientation,
    seed: u32,
    width: u32,
    height: u32,
) -> CloudOptions {
    CloudOptions {
        width,
        height,
        shape,
        orientation,
        seed,
        ..CloudOptions::default()
    }
}

#[test]
fn golden_heart_mixed() {
    golden(
        "heart-mixed",
        200,
        options(Shape::Heart, Orientation::Mixed, 1, 1200, 800),
    );
}

#[test]
fn golden_ellipse_horizontal() {
    golden(
        "ellipse-horizontal",
        100,
        options(Shape::Ellipse, Orientation::Horizontal, 1, 800, 500),
    );
}

#[test]
fn golden_star_vertical() {
    golden(
        "star-vertical",
        150,
        options(Shape::Star, Orientation::Vertical, 2, 800, 800),
    );
}

#[test]
fn golden_rectangle_rectangular_spiral() {
    golden(
        "rectangle-mixed-rectangular",
        100,
        CloudOptions {
            spiral: Spiral::Rectangular,
            ..options(Shape::Rectangle, Orientation::Mixed, 3, 600, 400)
        },
    );
}

#[test]
fn golden_speech_bubble_vertical() {
    golden(
        "speech-bubble-vertical",
        120,
        options(Shape::SpeechBubble, Orientation::Vertical, 4, 900, 600),
    );
}

#[test]
fn golden_picture_ring() {
    golden(
        "picture-ring-mixed",
        120,
        CloudOptions {
            mask: Some(ring_picture(300, 200)),
            ..options(Shape::Rectangle, Orientation::Mixed, 5, 900, 600)
        },
    );
}

/// Draws every placed piece again, from the layout alone, as the page would: raw ink at the
/// pen positions the layout gives. Returns each word's pixels.
fn redraw(layout: &CloudLayout) -> Vec<Vec<(i32, i32)>> {
    let font = FontSpec::default();
    let mut r = BoxRasterizer;
    layout
        .words
        .iter()
        .map(|w| {
            let mut pixels = Vec::new();
            for piece in &w.pieces {
                let ink = r.rasterize(&piece.text, &font, f64::from(w.size)).unwrap();
                let (bits, left, top): (Bitmap, i32, i32) = if piece.rotated {
                    // Turned clockwise about the pen: (x, y) -> (-y, x).
                    let h = ink.bits.height() as i32;
                    (
                        ink.bits.rotate_cw(),
                        piece.x - (ink.top + h),
                        piece.y + ink.left,
                    )
                } else {
                    (ink.bits.clone(), piece.x + ink.left, piece.y + ink.top)
                };
                pixels.extend(bits.ones().map(|(x, y)| (left + x as i32, top + y as i32)));
            }
            pixels
        })
        .collect()
}

fn assert_keeps_its_promises(words: &[CloudWord], options: &CloudOptions, layout: &CloudLayout) {
    // Nothing dropped silently: every word is placed or named, once.
    let mut seen: Vec<u32> = layout.words.iter().map(|w| w.index).collect();
    seen.extend(layout.unplaced.iter().map(|u| u.index));
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..words.len() as u32).collect::<Vec<_>>(),
        "placed + unplaced"
    );
    for u in &layout.unplaced {
        assert_eq!(u.text, words[u.index as usize].text);
    }
    let mask = match &options.mask {
        Some(image) => Mask::image(image, options.width, options.height).unwrap(),
        None => Mask::shape(options.shape, options.width, options.height),
    };
    let (w, h) = (options.width as i32, options.height as i32);
    let mut owner = vec![u32::MAX; (w * h) as usize];
    for (word, pixels) in layout.words.iter().zip(redraw(layout)) {
        assert_eq!(word.text, words[word.index as usize].text);
        assert!(!pixels.is_empty(), "{} has no ink", word.text);
        for (x, y) in pixels {
            assert!(
                x >= 0 && y >= 0 && x < w && y < h,
                "{} leaves the box at {x},{y}",
                word.text
            );
            assert!(
                mask.allowed.get(x as u32, y as u32),
                "{} leaves the shape at {x},{y}",
                word.text
            );
            let cell = &mut owner[(y * w + x) as usize];
            assert!(
                *cell == u32::MAX || *cell == word.index,
                "{} overlaps {} at {x},{y}",
                word.text,
                words[*cell as usize].text
            );
            *cell = word.index;
        }
        // Upright vertical words: a column of upright pieces, each ideograph its own piece;
        // only Latin runs may be turned. Horizontal words: one piece, the whole word.
        match word.orientation {
            WordOrientation::Horizontal => {
                assert_eq!(word.pieces.len(), 1);
                assert_eq!(word.pieces[0].text, word.text);
                assert!(!word.pieces[0].rotated);
            }
            WordOrientation::Vertical => {
                let joined: String = word.pieces.iter().map(|p| p.text.as_str()).collect();
                assert_eq!(joined, word.text);
                for p in &word.pieces {
                    if has_ideograph(&p.text) {
                        assert!(!p.rotated, "{} lies on its side in {}", p.text, word.text);
                        assert_eq!(p.text.chars().count(), 1, "{} in {}", p.text, word.text);
                    }
                }
                assert!(
                    word.pieces.windows(2).all(|p| p[0].y < p[1].y),
                    "top to bottom"
                );
            }
        }
        if options.orientation == Orientation::Horizontal {
            assert_eq!(word.orientation, WordOrientation::Horizontal);
        }
        if let Some(max) = options.font_max {
            assert!(f64::from(word.size) <= max);
        }
    }
}

const CHARACTERS: &str = "劳模精神工会职工中国发展建设社会主义人民群众时代创新学习团结奋斗技能匠心";
const LATIN: [&str; 6] = ["AI", "GDP", "iPhone", "5G网络", "App", "X光"];

fn word_strategy() -> impl Strategy<Value = CloudWord> {
    let chars: Vec<char> = CHARACTERS.chars().collect();
    prop_oneof![
        4 => (prop::collection::vec(prop::sample::select(chars), 1..6), 1u32..1000)
            .prop_map(|(cs, w)| CloudWord { text: cs.into_iter().collect(), weight: f64::from(w) }),
        1 => (prop::sample::select(LATIN.to_vec()), 1u32..1000)
            .prop_map(|(t, w)| CloudWord { text: t.to_string(), weight: f64::from(w) }),
    ]
}

fn options_strategy() -> impl Strategy<Value = CloudOptions> {
    (
        prop::sample::select(Shape::ALL.to_vec()),
        prop::sample::select(vec![
            Orientation::Horizontal,
            Orientation::Mixed,
            Orientation::Vertical,
        ]),
        any::<u32>(),
        160u32..420,
        120u32..320,
        prop::option::of(20.0f64..60.0),
        0u32..3,
        prop::bool::ANY,
    )
        .prop_map(
            |(shape, orientation, seed, width, height, font_max, padding, rectangular)| {
                CloudOptions {
                    width,
                    height,
                    shape,
                    orientation,
                    seed,
                    font_max,
                    padding,
                    spiral: if rectangular {
                        Spiral::Rectangular
                    } else {
                        Spiral::Archimedean
                    },
                    ..CloudOptions::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn layouts_keep_their_promises(
        words in prop::collection::vec(word_strategy(), 0..70),
        options in options_strategy(),
    ) {
        let layout = layout_cloud(&words, &options, BoxRasterizer).unwrap();
        assert_keeps_its_promises(&words, &options, &layout);
        // Seeded: the same input gives the same layout.
        prop_assert_eq!(&layout, &layout_cloud(&words, &options, BoxRasterizer).unwrap());
    }

    #[test]
    fn picture_masks_are_respected(
        words in prop::collection::vec(word_strategy(), 1..50),
        seed in any::<u32>(),
        (pw, ph) in (40u32..200, 40u32..200),
        threshold in 60u8..200,
    ) {
        let options = CloudOptions {
            width: 360,
            height: 260,
            seed,
            mask: Some(MaskImage { threshold, ..ring_picture(pw, ph) }),
            ..CloudOptions::default()
        };
        let layout = layout_cloud(&words, &options, BoxRasterizer).unwrap();
        assert_keeps_its_promises(&words, &options, &layout);
    }
}

#[test]
fn words_that_cannot_fit_are_named() {
    // 300 words in a box the size of a stamp: most cannot be placed even at the smallest size.
    let words: Vec<CloudWord> = (0..300)
        .map(|i| CloudWord {
            text: format!("词{}语", char::from_u32(0x4e00 + i).unwrap()),
            weight: f64::from(300 - i),
        })
        .collect();
    let options = CloudOptions {
        width: 80,
        height: 60,
        shape: Shape::Rectangle,
        ..CloudOptions::default()
    };
    let layout = layout_cloud(&words, &options, BoxRasterizer).unwrap();
    assert!(!layout.unplaced.is_empty());
    assert!(!layout.words.is_empty());
    assert_keeps_its_promises(&words, &options, &layout);
    // The biggest words are the ones kept.
    let placed: HashSet<u32> = layout.words.iter().map(|w| w.index).collect();
    assert!(placed.contains(&0));
}

#[test]
fn a_shuffle_is_another_seed() {
    let words = &seed_words()[..80];
    let a = layout_cloud(
        words,
        &options(Shape::Circle, Orientation::Mixed, 1, 500, 500),
        BoxRasterizer,
    )
    .unwrap();
    let b = layout_cloud(
        words,
        &options(Shape::Circle, Orientation::Mixed, 2, 500, 500),
        BoxRasterizer,
    )
    .unwrap();
    assert_ne!(a.words, b.words);
    assert_eq!(
        a.words.len() + a.unplaced.len(),
        b.words.len() + b.unplaced.len()
    );
}

#[test]
fn the_cloud_fills_its_shape() {
    // Words biggest first, sized so that they cover the heart: ink over at least half of it
    // (boxes are dense; a real font's ink covers less of its em box).
    let words = seed_words();
    let options = options(Shape::Heart, Orientation::Mixed, 1, 1200, 800);
    let layout = layout_cloud(words, &options, BoxRasterizer).unwrap();
    assert!(layout.unplaced.is_empty());
    let share = layout.ink_area as f64 / layout.mask_area as f64;
    assert!(share > 0.6, "{share}");
    // The biggest word is the first placed, and near the middle of the shape.
    assert_eq!(layout.words[0].index, 0);
    let first = &layout.words[0];
    let (cx, cy) = (
        first.x + first.width as i32 / 2,
        first.y + first.height as i32 / 2,
    );
    assert!(
        (cx - 600).abs() < 200 && (cy - 340).abs() < 200,
        "{cx},{cy}"
    );
}

#[test]
fn bad_options_are_refused_by_name() {
    let words = &seed_words()[..5];
    let refused = |o: CloudOptions| match layout_cloud(words, &o, BoxRasterizer) {
        Err(wenxi::Error::BadOption { option, .. }) => option,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        refused(CloudOptions {
            width: 5,
            ..CloudOptions::default()
        }),
        "width"
    );
    assert_eq!(
        refused(CloudOptions {
            font_max: Some(4.0),
            ..CloudOptions::default()
        }),
        "fontMax"
    );
    let font = FontSpec {
        family: "x; color: red".into(),
        weight: 400,
    };
    assert_eq!(
        refused(CloudOptions {
            font,
            ..CloudOptions::default()
        }),
        "font.family"
    );
    let blank = [CloudWord {
        text: " ".into(),
        weight: 1.0,
    }];
    assert!(matches!(
        layout_cloud(&blank, &CloudOptions::default(), BoxRasterizer),
        Err(wenxi::Error::BadOption {
            option: "words.text",
            ..
        })
    ));
    let white = MaskImage {
        width: 2,
        height: 2,
        pixels: vec![255; 16],
        ..MaskImage::default()
    };
    assert_eq!(
        layout_cloud(
            words,
            &CloudOptions {
                mask: Some(white),
                ..CloudOptions::default()
            },
            BoxRasterizer
        ),
        Err(wenxi::Error::EmptyMask { threshold: 128 })
    );
}

#[test]
fn options_read_from_camel_case_json() {
    let options: CloudOptions = serde_json::from_value(serde_json::json!({
        "width": 600, "height": 400, "shape": "speechBubble", "orientation": "vertical",
        "seed": 7, "font": {"family": "\"Noto Sans CJK SC\", sans-serif", "weight": 700},
        "fontMin": 12, "fontMax": 90, "sizeScale": "linear", "padding": 2,
        "spiral": "rectangular", "glyphs": "boxes",
        "mask": {"width": 1, "height": 1, "pixels": [0, 0, 0, 255], "threshold": 100, "channel": "darkness", "invert": false}
    }))
    .unwrap();
    assert_eq!(options.shape, Shape::SpeechBubble);
    assert_eq!(options.font.weight, 700);
    assert_eq!(options.mask.unwrap().threshold, 100);
    assert!(serde_json::from_value::<CloudOptions>(serde_json::json!({"colour": 1})).is_err());
}
