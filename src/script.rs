//! Traditional and simplified script: which one a text is written in, traditional text
//! converted to simplified for segmenting and counting (with every offset of the converted
//! text mapped back to the original, so contexts show the document's own characters), and
//! simplified terms shown in traditional characters.
//!
//! The conversion tables are OpenCC 1.4.2's (Apache-2.0, `src/data/opencc/`, whose README says
//! which tables and why), encoded by `build.rs` into `wenxi.wxs`: compiled into native builds,
//! fetched by the page when the first traditional document arrives. Detection needs no tables:
//! two bitsets of the CJK block (characters only traditional text has, characters only
//! simplified text has) are compiled in everywhere.

pub mod dict;

use dict::{Dict, Unit};
use rustc_hash::FxHashSet;
use serde::Serialize;

/// The script a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Script {
    Simplified,
    Traditional,
}

/// Which traditional forms to show terms in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Variant {
    /// OpenCC's standard traditional characters (爲, 裏).
    #[default]
    Standard,
    /// Taiwan's standard characters (為, 裡).
    Taiwan,
    /// Hong Kong's standard characters (為, 裏).
    HongKong,
}

const DETECT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/script-detect.bin"));
const DETECT_FROM: u32 = 0x4E00;
const DETECT_LEN: u32 = 0x9FFF - 0x4E00 + 1;

/// How many characters of `text` only traditional text has, and how many only simplified.
pub fn script_evidence(text: &str) -> (usize, usize) {
    let half = DETECT.len() / 2;
    let (mut traditional, mut simplified) = (0, 0);
    for c in text.chars() {
        let i = (c as u32).wrapping_sub(DETECT_FROM);
        if i < DETECT_LEN {
            let (byte, bit) = ((i / 8) as usize, i % 8);
            traditional += usize::from(DETECT[byte] >> bit & 1);
            simplified += usize::from(DETECT[half + byte] >> bit & 1);
        }
    }
    (traditional, simplified)
}

/// The script of `text`: traditional when more of its characters are traditional-only than
/// simplified-only (a simplified article quoting a traditional name stays simplified).
pub fn detect(text: &str) -> Script {
    let (traditional, simplified) = script_evidence(text);
    if traditional > simplified {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// OpenCC's tables, decoded from a WXS1 file.
#[derive(Debug)]
pub struct ScriptData {
    normalize: Dict,
    ts_phrases: Dict,
    ts_chars: Dict,
    tw_words: Dict,
    hk_words: Dict,
    variant_phrases: Dict,
    variants: Dict,
    st_phrases: Dict,
    st_chars: Dict,
    tw_variant_phrases: Dict,
    tw_variants: Dict,
    hk_variant_phrases: Dict,
    hk_variants: Dict,
    /// The characters Taiwan's (Hong Kong's) variants write that OpenCC's standard never
    /// does, and the standard ones they write otherwise.
    tw_forms: FxHashSet<char>,
    tw_standard: FxHashSet<char>,
    hk_forms: FxHashSet<char>,
    hk_standard: FxHashSet<char>,
}

/// The script data generated at build time (native builds only: the page fetches it).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_WXS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wenxi.wxs"));

/// Text converted to simplified, and how its offsets map back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub text: String,
    /// The units of each stage, last stage first (normalised → variants → simplified).
    stages: [Vec<Unit>; 3],
}

impl Converted {
    /// The offset in the original text of byte `offset` of the converted text; `None` inside
    /// a stretch whose length conversion changed (網際網路 → 互联网), where no boundary of the
    /// original corresponds.
    pub fn original(&self, offset: usize) -> Option<usize> {
        let mut at = offset as u32;
        for units in &self.stages {
            at = map_back(units, at)?;
        }
        Some(at as usize)
    }

    /// Whether the text is the original's, byte for byte at the same offsets, except where
    /// characters were replaced by characters of the same length.
    pub fn keeps_offsets(&self) -> bool {
        self.stages.iter().all(Vec::is_empty)
    }
}

/// One stage's output offset back to its input, or `None` inside a changed-length unit.
fn map_back(units: &[Unit], at: u32) -> Option<u32> {
    let i = units.partition_point(|u| u.out.0 <= at);
    if i == 0 {
        return Some(at);
    }
    let u = units[i - 1];
    if at == u.out.0 {
        Some(u.inp.0)
    } else if at >= u.out.1 {
        Some(u.inp.1 + (at - u.out.1))
    } else {
        None
    }
}

impl ScriptData {
    /// Decode a WXS1 file.
    pub fn from_bytes(bytes: &[u8]) -> Result<ScriptData, String> {
        let mut tables = dict::decode(bytes)?;
        let mut take = |name: &str| {
            tables
                .iter()
                .position(|(n, _)| n == name)
                .map(|i| tables.swap_remove(i).1)
                .ok_or_else(|| format!("it has no {name} table"))
        };
        let single = |s: &str| {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        let st_chars = take("st_chars")?;
        let standard_output: FxHashSet<char> = st_chars
            .entries()
            .into_iter()
            .filter_map(|(_, v)| single(v))
            .collect();
        let changed = |d: &Dict, keys: bool| -> FxHashSet<char> {
            d.entries()
                .into_iter()
                .filter(|(k, v)| k != v)
                .filter_map(|(k, v)| single(if keys { k } else { v }))
                .filter(|c| keys || !standard_output.contains(c))
                .collect()
        };
        let (tw_variants, hk_variants) = (take("tw_variants")?, take("hk_variants")?);
        Ok(ScriptData {
            tw_forms: changed(&tw_variants, false),
            tw_standard: changed(&tw_variants, true),
            hk_forms: changed(&hk_variants, false),
            hk_standard: changed(&hk_variants, true),
            st_chars,
            tw_variants,
            hk_variants,
            normalize: take("normalize")?,
            ts_phrases: take("ts_phrases")?,
            ts_chars: take("ts_chars")?,
            tw_words: take("tw_words")?,
            hk_words: take("hk_words")?,
            variant_phrases: take("variant_phrases")?,
            variants: take("variants")?,
            st_phrases: take("st_phrases")?,
            tw_variant_phrases: take("tw_variant_phrases")?,
            hk_variant_phrases: take("hk_variant_phrases")?,
        })
    }

    /// The tables compiled into native builds, decoded once per process.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> &'static std::sync::Arc<ScriptData> {
        static BUILTIN: std::sync::OnceLock<std::sync::Arc<ScriptData>> =
            std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            std::sync::Arc::new(
                ScriptData::from_bytes(BUILTIN_WXS).expect("build.rs wrote valid script data"),
            )
        })
    }

    /// Traditional (any variant) to simplified: OpenCC's `tw2s`/`hk2s` chain — compatibility
    /// ideographs normalised; the text segmented by `TSPhrases`; in each segment Taiwan and
    /// Hong Kong variants to OpenCC's standard; then phrases and characters to simplified.
    /// Regional words (軟體 → 软件) are not converted here, inside running text, where their
    /// keys also occur across word boundaries (工作列入 holds the Taiwan word for "taskbar"):
    /// see [`ScriptData::regional_word`].
    pub fn to_simplified(&self, text: &str) -> Converted {
        let mut normalized = String::with_capacity(text.len());
        let mut stage0 = Vec::new();
        dict::convert(&[&self.normalize], text, 0, &mut normalized, &mut stage0);
        let mut standard = String::with_capacity(normalized.len());
        let mut out = String::with_capacity(normalized.len());
        let (mut stage1, mut stage2) = (Vec::new(), Vec::new());
        let first = [&self.variant_phrases, &self.variants];
        let second = [&self.ts_phrases, &self.ts_chars];
        for segment in dict::segments(&self.ts_phrases, &normalized) {
            let from = standard.len();
            dict::convert(
                &first,
                &normalized[segment.clone()],
                segment.start,
                &mut standard,
                &mut stage1,
            );
            dict::convert(&second, &standard[from..], from, &mut out, &mut stage2);
        }
        Converted {
            text: out,
            stages: [stage2, stage1, stage0],
        }
    }

    /// Which traditional a text is written in. Taiwan's when its characters take the forms
    /// only Taiwan prefers (裡, 群) more often than the OpenCC standard forms Taiwan writes
    /// otherwise (裏, 羣), and lean that way more than towards Hong Kong's (by the same
    /// count); Hong Kong's likewise; else OpenCC's standard (text converted by its s2t).
    pub fn variant(&self, text: &str) -> Variant {
        let [mut tw, mut tw_std, mut hk, mut hk_std] = [0i64; 4];
        for c in text.chars() {
            tw += i64::from(self.tw_forms.contains(&c));
            tw_std += i64::from(self.tw_standard.contains(&c));
            hk += i64::from(self.hk_forms.contains(&c));
            hk_std += i64::from(self.hk_standard.contains(&c));
        }
        let (taiwan, hong_kong) = (tw - tw_std, hk - hk_std);
        if taiwan > 0 && taiwan >= hong_kong {
            Variant::Taiwan
        } else if hong_kong > 0 {
            Variant::HongKong
        } else {
            Variant::Standard
        }
    }

    /// The mainland word for a whole word of a Taiwan or Hong Kong document, given in its
    /// simplified form (软体 → 软件, 肯亚 → 肯尼亚), if it is a regional word.
    pub fn regional_word(&self, word: &str, variant: Variant) -> Option<&str> {
        match variant {
            Variant::Standard => None,
            Variant::Taiwan => self.tw_words.get(word),
            Variant::HongKong => self.hk_words.get(word),
        }
    }

    /// Simplified to traditional, as OpenCC's `s2t`, `s2tw` or `s2hk`, for showing a term (a
    /// word: the phrase table is reduced for words, see src/data/opencc/README.md).
    pub fn to_traditional(&self, text: &str, variant: Variant) -> String {
        let normalized = dict::convert_string(&[&self.normalize], text);
        let first = [&self.st_phrases, &self.st_chars];
        let regional: Option<[&Dict; 2]> = match variant {
            Variant::Standard => None,
            Variant::Taiwan => Some([&self.tw_variant_phrases, &self.tw_variants]),
            Variant::HongKong => Some([&self.hk_variant_phrases, &self.hk_variants]),
        };
        let Some(regional) = regional else {
            return dict::convert_string(&first, &normalized);
        };
        let mut out = String::with_capacity(normalized.len());
        for segment in dict::segments(&self.st_phrases, &normalized) {
            let standard = dict::convert_string(&first, &normalized[segment]);
            out.push_str(&dict::convert_string(&regional, &standard));
        }
        out
    }
}

// Native only: the tests use the model and tables compiled into native builds.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The held-out documents of one file (tests/heldout/README.md), one paragraph a line.
    fn heldout(name: &str) -> Vec<&'static str> {
        let text = match name {
            "zh-Hans" => include_str!("../tests/heldout/pd199801.zh-Hans.txt"),
            "s2t" => include_str!("../tests/heldout/pd199801.s2t.txt"),
            "s2tw" => include_str!("../tests/heldout/pd199801.s2tw.txt"),
            "s2twp" => include_str!("../tests/heldout/pd199801.s2twp.txt"),
            "s2hk" => include_str!("../tests/heldout/pd199801.s2hk.txt"),
            _ => unreachable!(),
        };
        text.lines().filter(|l| !l.starts_with("# doc")).collect()
    }

    fn data() -> &'static ScriptData {
        ScriptData::builtin()
    }

    #[test]
    fn detects_the_script_of_every_held_out_document() {
        let whole = |name| heldout(name).join("\n");
        assert_eq!(detect(&whole("zh-Hans")), Script::Simplified);
        for copy in ["s2t", "s2tw", "s2twp", "s2hk"] {
            assert_eq!(detect(&whole(copy)), Script::Traditional, "{copy}");
        }
        // A simplified sentence quoting a traditional name stays simplified; text with no
        // telling character at all is simplified (nothing to convert).
        assert_eq!(
            detect("他在《臺灣日報》发表了这篇文章，说明了这个问题的来龙去脉。"),
            Script::Simplified
        );
        assert_eq!(detect("中国人民"), Script::Simplified);
        assert_eq!(detect("軟體"), Script::Traditional);
    }

    #[test]
    fn traditional_copies_convert_back_to_the_original() {
        let original = heldout("zh-Hans");
        // OpenCC's own t2s/hk2s give the original back exactly for these copies, and so must
        // this conversion. (s2tw/s2twp: see the next test.)
        for copy in ["s2t", "s2hk"] {
            for (line, traditional) in original.iter().zip(heldout(copy)) {
                assert_eq!(data().to_simplified(traditional).text, *line, "{copy}");
            }
        }
    }

    #[test]
    fn taiwan_characters_convert_back_as_opencc_tw2s_does() {
        // OpenCC's own tw2s gives the original back but for one paragraph, where the Taiwan
        // copy's 著 (融合著) is read as 著, not 着; this conversion does the same. (Taiwan
        // *words*, as in s2twp's copy, are a matter of whole tokens: tests/heldout.rs.)
        let original = heldout("zh-Hans");
        let differ: Vec<(String, String)> = original
            .iter()
            .zip(heldout("s2tw"))
            .map(|(line, traditional)| (line.to_string(), data().to_simplified(traditional).text))
            .filter(|(line, back)| line != back)
            .collect();
        assert_eq!(differ.len(), 1, "{differ:#?}");
        assert!(differ[0].1.contains("融合著"), "{differ:#?}");
    }

    #[test]
    fn terms_convert_to_traditional_as_opencc_converts_them_in_context() {
        // Each word of the original (cut by jieba), converted alone, against the same
        // characters of OpenCC's copy of the whole paragraph.
        let jieba = crate::dictionary::Dictionary::builtin().jieba();
        let original = heldout("zh-Hans");
        for (copy, variant) in [
            ("s2t", Variant::Standard),
            ("s2tw", Variant::Taiwan),
            ("s2hk", Variant::HongKong),
        ] {
            let (mut words, mut differ) = (0, Vec::new());
            for (line, traditional) in original.iter().zip(heldout(copy)) {
                let theirs: Vec<char> = traditional.chars().collect();
                for token in jieba.cut(line, true) {
                    let ours = data().to_traditional(token.word, variant);
                    let expected: String = theirs[token.start..token.end].iter().collect();
                    words += 1;
                    if ours != expected {
                        differ.push(format!("{} → {ours} (OpenCC {expected})", token.word));
                    }
                }
            }
            // Where they differ it is OpenCC's context at work (少了解 read as 少了 + 解, so
            // 了解 stays; 出发电 as 出发 + 电, so 发电 becomes 髮電): alone, 了解 is 瞭解.
            assert!(
                differ.len() * 1000 <= words,
                "{copy}: {} of {words}: {differ:?}",
                differ.len()
            );
        }
        assert_eq!(data().to_traditional("头发", Variant::Standard), "頭髮");
        assert_eq!(data().to_traditional("了解", Variant::Standard), "瞭解");
        assert_eq!(data().to_traditional("里面", Variant::Taiwan), "裡面");
    }

    #[test]
    fn offsets_map_back_where_lengths_change() {
        // U+F9D1 (a compatibility ideograph) is normalised to 六; 𠀀 (4 bytes) stays.
        let text = "第\u{F9D1}章，發展𠀀總書記。";
        let c = data().to_simplified(text);
        assert_eq!(c.text, "第六章，发展𠀀总书记。");
        let at = |s: &str| c.text.find(s).unwrap();
        let orig = |s: &str| text.find(s).unwrap();
        assert_eq!(c.original(at("章")), Some(orig("章")));
        assert_eq!(c.original(at("总书记")), Some(orig("總書記")));
        assert_eq!(c.original(c.text.len()), Some(text.len()));
        let same = data().to_simplified("發展總書記");
        assert_eq!(same.text, "发展总书记");
        assert!(same.keeps_offsets());
        // A stretch that changed length has no inner boundaries.
        let units = vec![Unit {
            out: (3, 12),
            inp: (3, 15),
        }];
        assert_eq!(map_back(&units, 3), Some(3));
        assert_eq!(map_back(&units, 6), None);
        assert_eq!(map_back(&units, 12), Some(15));
        assert_eq!(map_back(&units, 15), Some(18));
    }

    #[test]
    fn regional_words_and_variants() {
        let d = data();
        assert_eq!(d.variant("這裡的軟體，為什麼著急"), Variant::Taiwan);
        assert_eq!(d.variant("我們的溫度"), Variant::Standard);
        let whole = |name| heldout(name).join("\n");
        assert_eq!(d.variant(&whole("s2t")), Variant::Standard);
        assert_eq!(d.variant(&whole("s2tw")), Variant::Taiwan);
        assert_eq!(d.variant(&whole("s2twp")), Variant::Taiwan);
        assert_eq!(d.variant(&whole("s2hk")), Variant::HongKong);
        assert_eq!(d.regional_word("软体", Variant::Taiwan), Some("软件"));
        assert_eq!(d.regional_word("网路", Variant::Taiwan), Some("网络"));
        assert_eq!(d.regional_word("肯亚", Variant::Taiwan), Some("肯尼亚"));
        // Also mainland words (资讯 "news", 建立 "establish"): left alone.
        assert_eq!(d.regional_word("资讯", Variant::Taiwan), None);
        assert_eq!(d.regional_word("建立", Variant::Taiwan), None);
        assert_eq!(d.regional_word("软体", Variant::Standard), None);
    }
}
