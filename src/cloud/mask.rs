//! Where words may go: a bitmap of the allowed area, one bit per layout pixel. Built-in
//! silhouettes are drawn from polygons made here (no data files, nothing fetched); a person's
//! own picture becomes a mask from its pixels: opaque (or, without transparency, dark) pixels
//! are the area.

use serde::{Deserialize, Serialize};

use super::bits::Bitmap;
use super::rng::sin_cos;
use crate::{Error, Result};

/// The built-in silhouettes. A China map is deliberately not among them: maps of China that
/// are published must pass official review (审图号), and a hand-made outline would not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Shape {
    /// The whole box.
    Rectangle,
    /// The largest ellipse in the box (d3-cloud's archimedean clouds look like this).
    #[default]
    Ellipse,
    Circle,
    Heart,
    Star,
    Diamond,
    Triangle,
    Hexagon,
    SpeechBubble,
    Cloud,
}

impl Shape {
    pub const ALL: [Shape; 10] = [
        Shape::Rectangle,
        Shape::Ellipse,
        Shape::Circle,
        Shape::Heart,
        Shape::Star,
        Shape::Diamond,
        Shape::Triangle,
        Shape::Hexagon,
        Shape::SpeechBubble,
        Shape::Cloud,
    ];

    /// The name options use (camelCase, as serde reads it).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Rectangle => "rectangle",
            Shape::Ellipse => "ellipse",
            Shape::Circle => "circle",
            Shape::Heart => "heart",
            Shape::Star => "star",
            Shape::Diamond => "diamond",
            Shape::Triangle => "triangle",
            Shape::Hexagon => "hexagon",
            Shape::SpeechBubble => "speechBubble",
            Shape::Cloud => "cloud",
        }
    }

    /// The outline as polygons (their union is the area) and whether it stretches to the box
    /// (rectangle, ellipse) or keeps its own proportions.
    fn outline(self) -> (Vec<Vec<(f64, f64)>>, bool) {
        let stretch = matches!(self, Shape::Rectangle | Shape::Ellipse);
        let polygons = match self {
            Shape::Rectangle => vec![rect(-1.0, -1.0, 1.0, 1.0)],
            Shape::Ellipse | Shape::Circle => vec![circle(0.0, 0.0, 1.0)],
            Shape::Heart => vec![(0..240)
                .map(|i| {
                    let t = i as f64 * std::f64::consts::TAU / 240.0;
                    let (s, c) = sin_cos(t);
                    let (_, c2) = sin_cos(2.0 * t);
                    let (_, c3) = sin_cos(3.0 * t);
                    let (_, c4) = sin_cos(4.0 * t);
                    (16.0 * s * s * s, -(13.0 * c - 5.0 * c2 - 2.0 * c3 - c4))
                })
                .collect()],
            Shape::Star => vec![(0..10)
                .map(|i| {
                    let r = if i % 2 == 0 { 1.0 } else { 0.5 };
                    let (s, c) = sin_cos(
                        -std::f64::consts::FRAC_PI_2 + i as f64 * 0.2 * std::f64::consts::PI,
                    );
                    (r * c, r * s)
                })
                .collect()],
            Shape::Diamond => vec![vec![(0.0, -1.0), (0.8, 0.0), (0.0, 1.0), (-0.8, 0.0)]],
            Shape::Triangle => vec![vec![(0.0, -1.0), (0.866, 0.5), (-0.866, 0.5)]],
            Shape::Hexagon => vec![(0..6)
                .map(|i| {
                    let (s, c) = sin_cos(i as f64 * std::f64::consts::FRAC_PI_3);
                    (c, s)
                })
                .collect()],
            Shape::SpeechBubble => vec![
                rounded_rect(-1.0, -0.62, 1.0, 0.45, 0.3),
                vec![(-0.5, 0.3), (-0.08, 0.3), (-0.68, 0.85)],
            ],
            Shape::Cloud => vec![
                circle(-0.52, 0.1, 0.4),
                circle(-0.08, -0.2, 0.52),
                circle(0.45, -0.02, 0.42),
                rounded_rect(-0.95, 0.0, 0.95, 0.52, 0.26),
            ],
        };
        (polygons, stretch)
    }
}

fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

fn circle(cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    (0..180)
        .map(|i| {
            let (s, c) = sin_cos(i as f64 * std::f64::consts::TAU / 180.0);
            (cx + r * c, cy + r * s)
        })
        .collect()
}

fn rounded_rect(x0: f64, y0: f64, x1: f64, y1: f64, r: f64) -> Vec<(f64, f64)> {
    let corners = [
        (x1 - r, y1 - r),
        (x0 + r, y1 - r),
        (x0 + r, y0 + r),
        (x1 - r, y0 + r),
    ];
    let mut out = Vec::new();
    for (quarter, (cx, cy)) in corners.into_iter().enumerate() {
        for step in 0..=12 {
            let a = (quarter as f64 + step as f64 / 12.0) * std::f64::consts::FRAC_PI_2;
            let (s, c) = sin_cos(a);
            out.push((cx + r * c, cy + r * s));
        }
    }
    out
}

/// Which number of an image's pixel says "area".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MaskChannel {
    /// Opacity if the image has any transparent pixel, else darkness.
    #[default]
    Auto,
    Alpha,
    /// 255 minus the luminance, the pixel laid over white.
    Darkness,
}

/// A picture to lay words inside: RGBA pixels, row by row, fitted into the cloud's box
/// (whole, centred, proportions kept).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct MaskImage {
    pub width: u32,
    pub height: u32,
    /// `width` × `height` × 4 bytes: ImageData's `data` as it is.
    #[serde(deserialize_with = "bytes")]
    #[cfg_attr(test, ts(type = "Uint8Array | Uint8ClampedArray | Array<number>"))]
    pub pixels: Vec<u8>,
    /// A pixel is area when its channel value (0-255) is at least this.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub threshold: u8,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub channel: MaskChannel,
    /// Light or transparent pixels are the area instead.
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub invert: bool,
}

impl Default for MaskImage {
    fn default() -> Self {
        MaskImage {
            width: 0,
            height: 0,
            pixels: Vec::new(),
            threshold: 128,
            channel: MaskChannel::Auto,
            invert: false,
        }
    }
}

/// A byte array from a JS Uint8Array (serde-wasm-bindgen hands those over as bytes) or from
/// a JSON array of numbers.
fn bytes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    struct Bytes;
    impl<'de> serde::de::Visitor<'de> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("RGBA bytes")
        }
        fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(b) = seq.next_element()? {
                out.push(b);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_byte_buf(Bytes)
}

/// Largest picture accepted, per side (a 8192² RGBA picture is 256 MiB already).
pub const MAX_MASK_SIDE: u32 = 8192;

/// The allowed area of a cloud and what placement needs to know about it.
#[derive(Debug, Clone)]
pub struct Mask {
    pub allowed: Bitmap,
    /// Allowed pixels.
    pub area: u64,
    /// The smallest rectangle (x0, y0, x1, y1) holding the area.
    pub bounds: (u32, u32, u32, u32),
    /// The area's centre of mass: where the biggest word goes.
    pub centroid: (f64, f64),
}

impl Mask {
    /// A built-in silhouette filling a `width` × `height` box, with a small margin.
    pub fn shape(shape: Shape, width: u32, height: u32) -> Mask {
        let (polygons, stretch) = shape.outline();
        let (mut bx0, mut by0, mut bx1, mut by1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in polygons.iter().flatten() {
            (bx0, by0, bx1, by1) = (bx0.min(x), by0.min(y), bx1.max(x), by1.max(y));
        }
        let margin = (width.min(height) as f64 * 0.015).max(1.0);
        let (room_w, room_h) = (width as f64 - 2.0 * margin, height as f64 - 2.0 * margin);
        let (mut sx, mut sy) = (room_w / (bx1 - bx0), room_h / (by1 - by0));
        if !stretch {
            sx = sx.min(sy);
            sy = sx;
        }
        let ox = (width as f64 - sx * (bx1 - bx0)) / 2.0 - sx * bx0;
        let oy = (height as f64 - sy * (by1 - by0)) / 2.0 - sy * by0;
        let mut allowed = Bitmap::new(width, height);
        let mut crossings = Vec::new();
        for y in 0..height {
            // Pixel centres: the row's centre line in the outline's coordinates.
            let v = (y as f64 + 0.5 - oy) / sy;
            for polygon in &polygons {
                crossings.clear();
                for (i, &(x0, y0)) in polygon.iter().enumerate() {
                    let (x1, y1) = polygon[(i + 1) % polygon.len()];
                    if (y0 <= v && v < y1) || (y1 <= v && v < y0) {
                        crossings.push(x0 + (v - y0) * (x1 - x0) / (y1 - y0));
                    }
                }
                crossings.sort_by(f64::total_cmp);
                for pair in crossings.chunks_exact(2) {
                    let (left, right) = (ox + pair[0] * sx, ox + pair[1] * sx);
                    let x0 = (left - 0.5).ceil().max(0.0) as u32;
                    let x1 = (right - 0.5).ceil().clamp(0.0, width as f64) as u32;
                    allowed.set_span(y, x0, x1);
                }
            }
        }
        Mask::from_bits(allowed).expect("every built-in shape covers pixels")
    }

    /// The area of a picture, fitted into a `width` × `height` box.
    pub fn image(image: &MaskImage, width: u32, height: u32) -> Result<Mask> {
        let (iw, ih) = (image.width, image.height);
        if iw == 0 || ih == 0 || iw > MAX_MASK_SIDE || ih > MAX_MASK_SIDE {
            return Err(Error::BadOption {
                option: "mask.width",
                value: format!("{iw}×{ih}"),
            });
        }
        if image.pixels.len() as u64 != u64::from(iw) * u64::from(ih) * 4 {
            return Err(Error::BadOption {
                option: "mask.pixels",
                value: format!("{} bytes for {iw}×{ih} RGBA", image.pixels.len()),
            });
        }
        if image.threshold == 0 {
            return Err(Error::BadOption {
                option: "mask.threshold",
                value: "0".into(),
            });
        }
        let channel = match image.channel {
            MaskChannel::Auto if image.pixels.chunks_exact(4).any(|p| p[3] < 255) => {
                MaskChannel::Alpha
            }
            MaskChannel::Auto => MaskChannel::Darkness,
            other => other,
        };
        let value = |p: &[u8]| -> u32 {
            let v = match channel {
                MaskChannel::Alpha => u32::from(p[3]),
                _ => {
                    // Rec. 601 luma in 1/1000ths, over white where transparent.
                    let luma =
                        (299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]))
                            / 1000;
                    let a = u32::from(p[3]);
                    255 - (luma * a + 255 * (255 - a)) / 255
                }
            };
            if image.invert {
                255 - v
            } else {
                v
            }
        };
        let scale = (width as f64 / iw as f64).min(height as f64 / ih as f64);
        let ox = (width as f64 - iw as f64 * scale) / 2.0;
        let oy = (height as f64 - ih as f64 * scale) / 2.0;
        let threshold = u32::from(image.threshold);
        let mut allowed = Bitmap::new(width, height);
        if scale < 1.0 {
            // Shrinking: each layout pixel averages the picture's pixels that fall in it.
            let mut sum = vec![0u32; (width * height) as usize];
            let mut count = vec![0u32; (width * height) as usize];
            for sy in 0..ih {
                let py = ((oy + (sy as f64 + 0.5) * scale) as u32).min(height - 1);
                for sx in 0..iw {
                    let px = ((ox + (sx as f64 + 0.5) * scale) as u32).min(width - 1);
                    let at = ((sy * iw + sx) * 4) as usize;
                    let cell = (py * width + px) as usize;
                    sum[cell] += value(&image.pixels[at..at + 4]);
                    count[cell] += 1;
                }
            }
            for y in 0..height {
                for x in 0..width {
                    let cell = (y * width + x) as usize;
                    if count[cell] > 0 && sum[cell] >= threshold * count[cell] {
                        allowed.set(x, y);
                    }
                }
            }
        } else {
            for y in 0..height {
                let sy = (y as f64 + 0.5 - oy) / scale;
                if sy < 0.0 || sy >= ih as f64 {
                    continue;
                }
                for x in 0..width {
                    let sx = (x as f64 + 0.5 - ox) / scale;
                    if sx < 0.0 || sx >= iw as f64 {
                        continue;
                    }
                    let at = ((sy as u32 * iw + sx as u32) * 4) as usize;
                    if value(&image.pixels[at..at + 4]) >= threshold {
                        allowed.set(x, y);
                    }
                }
            }
        }
        Mask::from_bits(allowed).ok_or(Error::EmptyMask {
            threshold: image.threshold,
        })
    }

    /// None when no pixel is allowed.
    pub fn from_bits(allowed: Bitmap) -> Option<Mask> {
        let bounds = allowed.bounds()?;
        let (mut area, mut sx, mut sy) = (0u64, 0u64, 0u64);
        for y in 0..allowed.height() {
            for (k, &w) in allowed.row(y).iter().enumerate() {
                let n = u64::from(w.count_ones());
                area += n;
                sy += n * u64::from(y);
                sx += n * 64 * k as u64 + bit_index_sum(w);
            }
        }
        Some(Mask {
            centroid: (sx as f64 / area as f64 + 0.5, sy as f64 / area as f64 + 0.5),
            allowed,
            area,
            bounds,
        })
    }
}

/// The sum of the indices of a word's set bits: bit b of each index, counted at once.
fn bit_index_sum(w: u64) -> u64 {
    const BITS: [u64; 6] = [
        0xAAAA_AAAA_AAAA_AAAA,
        0xCCCC_CCCC_CCCC_CCCC,
        0xF0F0_F0F0_F0F0_F0F0,
        0xFF00_FF00_FF00_FF00,
        0xFFFF_0000_FFFF_0000,
        0xFFFF_FFFF_0000_0000,
    ];
    BITS.iter()
        .enumerate()
        .map(|(b, m)| u64::from((w & m).count_ones()) << b)
        .sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn bit_index_sums() {
        assert_eq!(super::bit_index_sum(0), 0);
        assert_eq!(super::bit_index_sum(1 << 63 | 1 << 5 | 1), 68);
        assert_eq!(super::bit_index_sum(u64::MAX), (0..64).sum());
    }

    use super::*;

    fn share(mask: &Mask) -> f64 {
        mask.area as f64 / (mask.allowed.width() * mask.allowed.height()) as f64
    }

    #[test]
    fn every_shape_is_a_sizeable_area_inside_the_box() {
        for shape in Shape::ALL {
            let mask = Mask::shape(shape, 300, 200);
            let s = share(&mask);
            assert!(s > 0.25 && s <= 0.98, "{shape:?} covers {s}");
            let (x0, y0, x1, y1) = mask.bounds;
            assert!(
                x0 >= 1 && y0 >= 1 && x1 <= 299 && y1 <= 199,
                "{shape:?} {:?}",
                mask.bounds
            );
        }
    }

    #[test]
    fn shapes_have_their_expected_area() {
        let circle = Mask::shape(Shape::Circle, 400, 400);
        let r = 200.0 - 6.0; // the 1.5% margin
        let expected = std::f64::consts::PI * r * r;
        assert!(
            (circle.area as f64 / expected - 1.0).abs() < 0.01,
            "{}",
            circle.area
        );
        let rect = Mask::shape(Shape::Rectangle, 400, 200);
        assert_eq!(rect.area, 394 * 194);
        // A heart is wider at the top than at its tip: the centroid sits above the middle.
        let heart = Mask::shape(Shape::Heart, 400, 400);
        assert!(heart.centroid.1 < 200.0, "{:?}", heart.centroid);
        assert!((heart.centroid.0 - 200.0).abs() < 1.0);
        assert!(
            !heart.allowed.get(200, 60),
            "the notch between the lobes is outside"
        );
        assert!(heart.allowed.get(200, 330));
    }

    #[test]
    fn keeps_proportions_except_rectangle_and_ellipse() {
        let circle = Mask::shape(Shape::Circle, 600, 200);
        let (x0, _, x1, _) = circle.bounds;
        assert!(x1 - x0 < 200);
        let ellipse = Mask::shape(Shape::Ellipse, 600, 200);
        let (x0, _, x1, _) = ellipse.bounds;
        assert!(x1 - x0 > 580);
    }

    fn picture(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> MaskImage {
        let mut pixels = Vec::new();
        for y in 0..h {
            for x in 0..w {
                pixels.extend(f(x, y));
            }
        }
        MaskImage {
            width: w,
            height: h,
            pixels,
            ..MaskImage::default()
        }
    }

    #[test]
    fn dark_pixels_of_an_opaque_picture_are_the_area() {
        // Black left half on white, fitted into a box twice as wide: centred, proportions kept.
        let img = picture(10, 10, |x, _| if x < 5 { [0, 0, 0, 255] } else { [255; 4] });
        let mask = Mask::image(&img, 40, 20).unwrap();
        assert_eq!(mask.bounds, (10, 0, 20, 20));
        assert_eq!(mask.area, 200);
        let inverted = Mask::image(
            &MaskImage {
                invert: true,
                ..img
            },
            40,
            20,
        )
        .unwrap();
        assert_eq!(inverted.bounds, (20, 0, 30, 20));
    }

    #[test]
    fn opaque_pixels_are_the_area_when_the_picture_has_transparency() {
        // A white disc on transparent: dark nowhere, but opaque inside.
        let img = picture(64, 64, |x, y| {
            let (dx, dy) = (x as i32 - 32, y as i32 - 32);
            if dx * dx + dy * dy < 400 {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 0]
            }
        });
        let mask = Mask::image(&img, 32, 32).unwrap();
        assert!(mask.allowed.get(16, 16) && !mask.allowed.get(2, 2));
        let err = Mask::image(
            &MaskImage {
                channel: MaskChannel::Darkness,
                ..img
            },
            32,
            32,
        )
        .unwrap_err();
        assert_eq!(err, Error::EmptyMask { threshold: 128 });
    }

    #[test]
    fn threshold_decides_grey() {
        let img = picture(4, 4, |_, _| [100, 100, 100, 255]); // darkness 155
        assert!(Mask::image(
            &MaskImage {
                threshold: 150,
                ..img.clone()
            },
            8,
            8
        )
        .is_ok());
        assert!(Mask::image(
            &MaskImage {
                threshold: 160,
                ..img
            },
            8,
            8
        )
        .is_err());
    }

    #[test]
    fn refuses_pixels_that_do_not_match_the_size() {
        let mut img = picture(4, 4, |_, _| [0, 0, 0, 255]);
        img.pixels.pop();
        assert!(matches!(
            Mask::image(&img, 8, 8),
            Err(Error::BadOption {
                option: "mask.pixels",
                ..
            })
        ));
    }
}
