//! The reuse benchmark's corpus: 5,000 documents, 20 MB of UTF-8, always the same (a fixed
//! seed). Text is made of jieba's dictionary words drawn by their frequency, in sentences and
//! paragraphs, so that no two documents share a long run by chance; then reuse is planted, as
//! a news collection has it:
//!
//! * 8 wire stories (通稿) of about 1,500 characters, each reposted in 25 documents, some with
//!   a word changed or punctuation in other widths;
//! * 600 documents that copy 1-3 passages of 60-400 characters from an earlier one;
//! * 12 exact copies of earlier documents.
//!
//! Files are `g00/2021-03-07_0001.txt` …: 50 folders of 100 (the folders are groups when the
//! page is given the folder, the names carry dates).

use std::fmt::Write as _;

pub const DOCUMENTS: usize = 5_000;
pub const TOTAL_BYTES: usize = 20_000_000;
const WIRE_STORIES: usize = 8;
const REPOSTS_PER_STORY: usize = 25;
const COPIERS: usize = 600;
const EXACT_COPIES: usize = 12;

/// xorshift64*: small, fast, the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// In `range` (half-open).
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low) as u64) as usize
    }
}

/// Words to draw from, by frequency.
pub struct Words {
    words: Vec<String>,
    cumulative: Vec<u64>,
}

impl Words {
    /// The Chinese words of `(word, frequency)`, the most frequent `limit`.
    pub fn new<'a>(entries: impl Iterator<Item = (&'a str, u32)>, limit: usize) -> Words {
        let mut entries: Vec<(&str, u32)> = entries
            .filter(|(w, _)| w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
            .collect();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        entries.truncate(limit);
        let mut total = 0u64;
        let cumulative = entries
            .iter()
            .map(|&(_, f)| {
                total += u64::from(f);
                total
            })
            .collect();
        Words {
            words: entries.iter().map(|(w, _)| w.to_string()).collect(),
            cumulative,
        }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("words");
        let x = rng.next_u64() % total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        &self.words[i]
    }

    /// A sentence of 8-24 words with commas, ending in 。
    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let words = rng.between(8, 25);
        for i in 0..words {
            out.push_str(self.draw(rng));
            if i + 1 < words && rng.between(0, 6) == 0 {
                out.push('，');
            }
        }
        out.push('。');
    }

    /// Paragraphs of 2-6 sentences until `bytes`.
    fn text(&self, rng: &mut Rng, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 200);
        while out.len() < bytes {
            for _ in 0..rng.between(2, 7) {
                self.sentence(rng, &mut out);
            }
            out.push('\n');
        }
        out
    }
}

/// A character-level edit a repost might have: a word changed, a comma in the other width.
fn touch_up(story: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = story.chars().collect();
    for _ in 0..rng.between(0, 4) {
        let i = rng.between(0, chars.len());
        chars[i] = match chars[i] {
            '，' => ',',
            '。' => '.',
            _ => '的',
        };
    }
    chars.into_iter().collect()
}

/// A char boundary at or after `i`.
fn boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// The corpus: (path, text), in order.
pub fn corpus(words: &Words) -> Vec<(String, String)> {
    let mut rng = Rng::new(2026);
    let average = TOTAL_BYTES / DOCUMENTS;
    let stories: Vec<String> = (0..WIRE_STORIES)
        .map(|_| words.text(&mut rng, 4_500))
        .collect();
    let mut texts: Vec<String> = Vec::with_capacity(DOCUMENTS);
    // Which documents repost a story, copy passages, are exact copies: fixed draws.
    let mut role = vec![0u8; DOCUMENTS]; // 0 plain, 1 repost, 2 copier, 3 exact copy
    let mut story_of = vec![0usize; DOCUMENTS];
    for s in 0..WIRE_STORIES {
        for _ in 0..REPOSTS_PER_STORY {
            let d = rng.between(0, DOCUMENTS);
            role[d] = 1;
            story_of[d] = s;
        }
    }
    for _ in 0..COPIERS {
        let d = rng.between(1, DOCUMENTS);
        if role[d] == 0 {
            role[d] = 2;
        }
    }
    for _ in 0..EXACT_COPIES {
        let d = rng.between(1, DOCUMENTS);
        role[d] = 3;
    }
    let mut total = 0;
    for d in 0..DOCUMENTS {
        let left = DOCUMENTS - d;
        // Aim at the total: what is left, shared by the documents left, give or take half.
        let target = (TOTAL_BYTES.saturating_sub(total) / left).max(average / 4);
        let size = rng.between(target / 2, target * 3 / 2 + 1);
        let mut text = String::new();
        writeln!(text, "第{d}号文件：{}", words.draw(&mut rng)).unwrap();
        match role[d] {
            3 => text = texts[rng.between(0, d)].clone(),
            1 => {
                let body = words.text(&mut rng, size.saturating_sub(4_500) / 2);
                text.push_str(&body);
                text.push_str(&touch_up(&stories[story_of[d]], &mut rng));
                text.push_str(&words.text(&mut rng, size.saturating_sub(4_500) / 2));
            }
            2 => {
                text.push_str(&words.text(&mut rng, size / 2));
                for _ in 0..rng.between(1, 4) {
                    let source = &texts[rng.between(0, d)];
                    let len = rng.between(180, 1_200); // 60-400 characters
                    let start = boundary(source, rng.between(0, source.len().saturating_sub(len)));
                    let end = boundary(source, start + len);
                    text.push_str(&source[start..end]);
                    text.push('\n');
                    text.push_str(&words.text(&mut rng, size / 6));
                }
            }
            _ => text.push_str(&words.text(&mut rng, size)),
        }
        total += text.len();
        texts.push(text);
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(d, text)| {
            let day = d % 28 + 1;
            let month = (d / 28) % 12 + 1;
            let year = 2019 + d % 6;
            (
                format!("g{:02}/{year}-{month:02}-{day:02}_{d:04}.txt", d / 100),
                text,
            )
        })
        .collect()
}
