//! The paths words take from their starting point, as d3-cloud's (archimedean: radius t at
//! angle t; rectangular: legs of growing length), sampled at most [`STEP`] px apart rather than
//! d3-cloud's 0.1 rad (which is 30 px apart at a radius of 300 px and misses gaps).

use super::rng::sin_cos;
use super::Spiral;

/// Largest step along either axis between two points, px: finer finds more gaps, coarser is
/// faster.
pub const STEP: f64 = 4.0;

/// Integer offsets from the start, without repeats in a row.
pub struct SpiralPath {
    pub points: Vec<(i16, i16)>,
    /// For each point, the farthest any point up to it lies from the start, in the spiral's
    /// metric (x divided by the aspect): every point with a smaller radius comes before it.
    pub reach: Vec<f32>,
    /// The longest step between two points, px (Euclidean, rounded up): n points further on,
    /// the path is at most n × this far from where it was.
    pub stride: u32,
}

impl SpiralPath {
    /// Out to `radius` (in the y unit; x is stretched by `aspect`).
    pub fn new(kind: Spiral, aspect: f64, radius: f64) -> SpiralPath {
        let mut points: Vec<(i16, i16)> = vec![(0, 0)];
        let mut push = |x: f64, y: f64| {
            let p = (x.round() as i16, y.round() as i16);
            if points.last() != Some(&p) {
                points.push(p);
            }
        };
        match kind {
            Spiral::Archimedean => {
                let mut t = 0.0f64;
                while t < radius {
                    t += (STEP / (t * aspect.max(1.0)).max(1.0)).min(0.1);
                    let (s, c) = sin_cos(t);
                    push(aspect * t * c, t * s);
                }
            }
            Spiral::Rectangular => {
                let (dy, dx) = (STEP, STEP * aspect.min(1.0));
                let dx = dx.max(1.0) * aspect.max(1.0);
                let (mut x, mut y) = (0.0f64, 0.0f64);
                let mut leg = 1u64;
                let mut direction = 0;
                while y.abs() <= radius || x.abs() <= radius * aspect {
                    for _ in 0..2 {
                        for _ in 0..leg {
                            match direction {
                                0 => x += dx,
                                1 => y += dy,
                                2 => x -= dx,
                                _ => y -= dy,
                            }
                            push(x, y);
                        }
                        direction = (direction + 1) % 4;
                    }
                    leg += 1;
                }
            }
        }
        let longest = points
            .windows(2)
            .map(|w| {
                let dx = f64::from(i32::from(w[1].0) - i32::from(w[0].0));
                let dy = f64::from(i32::from(w[1].1) - i32::from(w[0].1));
                (dx * dx + dy * dy).sqrt().ceil() as u32
            })
            .max()
            .unwrap_or(1)
            .max(1);
        let mut farthest = 0f32;
        let reach = points
            .iter()
            .map(|&(x, y)| {
                let (x, y) = (f32::from(x) / aspect as f32, f32::from(y));
                farthest = farthest.max((x * x + y * y).sqrt());
                farthest
            })
            .collect();
        SpiralPath {
            points,
            reach,
            stride: longest,
        }
    }

    /// The index of the first point at least `radius` from the start.
    pub fn first_beyond(&self, radius: f64) -> usize {
        let r = radius as f32;
        self.reach.partition_point(|&reach| reach < r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_close_together_and_cover_the_disc() {
        for kind in [Spiral::Archimedean, Spiral::Rectangular] {
            let path = SpiralPath::new(kind, 1.5, 100.0);
            assert_eq!(path.points[0], (0, 0));
            assert!(
                path.stride <= 2 * STEP as u32 * 2,
                "{kind:?} {}",
                path.stride
            );
            // Every pixel within the radius has a point within a few px.
            for y in (-100i32..=100).step_by(7) {
                for x in (-150i32..=150).step_by(7) {
                    if (f64::from(x) / 1.5).hypot(f64::from(y)) > 95.0 {
                        continue;
                    }
                    let near = path.points.iter().any(|&(px, py)| {
                        (i32::from(px) - x).abs() <= 6 && (i32::from(py) - y).abs() <= 6
                    });
                    assert!(near, "{kind:?}: nothing near {x},{y}");
                }
            }
            assert!(path.reach.windows(2).all(|w| w[0] <= w[1]));
            assert_eq!(path.first_beyond(0.0), 0);
            let i = path.first_beyond(50.0);
            assert!(path.reach[i] >= 50.0 && path.reach[i - 1] < 50.0);
        }
    }
}
