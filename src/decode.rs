//! Bytes to text: byte-order marks, UTF-8, UTF-16 (with or without BOM),
//! GB18030/GBK, Big5 and whatever else `chardetng` recognises; binary files
//! are refused with a message that names them.

use crate::error::{Error, FileKind, Result};
use encoding_rs::{Encoding, BIG5, EUC_KR, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Text decoded from a file, with the encoding it was read as. Valid UTF-8 is the file's own
/// bytes, not a copy (a 100 MB file would otherwise be held three times while it is cleaned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The name a user knows: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "GBK", "Big5", ...
    pub encoding: &'static str,
}

/// Share of replacement characters above which a decoding is judged wrong.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;
/// Share of control bytes above which a file is judged binary.
const MAX_CONTROL_SHARE: f64 = 0.01;
/// How much of a file the binary and UTF-16 sniffers look at.
const SNIFF_BYTES: usize = 64 * 1024;

/// Decode the bytes of the file called `name`.
pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<Decoded<'a>> {
    if bytes.is_empty() {
        return Err(Error::Empty {
            name: name.to_string(),
        });
    }
    let decoded = if let Some((encoding, label, bom_len)) = bom(bytes) {
        decode_with(name, encoding, &bytes[bom_len..], label)?
    } else {
        if let Some(kind) = file_signature(bytes) {
            return Err(Error::NotText {
                name: name.to_string(),
                kind,
            });
        }
        // Checked once here: it is a pass over the whole file, and both steps below need it.
        let utf8 = std::str::from_utf8(bytes).ok();
        if let Some((encoding, label)) = utf16_without_bom(bytes, utf8.is_some()) {
            decode_with(name, encoding, bytes, label)?
        } else {
            if control_share(bytes) > MAX_CONTROL_SHARE {
                return Err(Error::Binary {
                    name: name.to_string(),
                });
            }
            detect_and_decode(name, bytes, utf8)?
        }
    };
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c.is_control())
    {
        return Err(Error::Blank {
            name: name.to_string(),
        });
    }
    Ok(decoded)
}

fn bom(bytes: &[u8]) -> Option<(&'static Encoding, &'static str, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, "UTF-8 (BOM)", 3)),
        [0xFF, 0xFE, ..] => Some((UTF_16LE, "UTF-16LE", 2)),
        [0xFE, 0xFF, ..] => Some((UTF_16BE, "UTF-16BE", 2)),
        _ => None,
    }
}

/// Common binary formats people rename or drop by mistake, by their magic numbers.
fn file_signature(bytes: &[u8]) -> Option<FileKind> {
    const SIGNATURES: &[(&[u8], FileKind)] = &[
        (b"\x89PNG\r\n\x1a\n", FileKind::Png),
        (b"\xFF\xD8\xFF", FileKind::Jpeg),
        (b"GIF87a", FileKind::Gif),
        (b"GIF89a", FileKind::Gif),
        (b"%PDF-", FileKind::Pdf),
        (b"PK\x03\x04", FileKind::ZipOrOffice),
        (b"PK\x05\x06", FileKind::Zip),
        (b"\x1F\x8B", FileKind::Gzip),
        (b"7z\xBC\xAF\x27\x1C", FileKind::SevenZip),
        (b"Rar!\x1A\x07", FileKind::Rar),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", FileKind::OldOffice),
        (b"\x7FELF", FileKind::Elf),
        (b"MZ", FileKind::Exe),
        (b"SQLite format 3\0", FileKind::Sqlite),
        (b"ID3", FileKind::Mp3),
        (b"\0asm", FileKind::Wasm),
    ];
    for &(magic, kind) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(FileKind::Webp);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some(FileKind::Mp4);
    }
    None
}

/// UTF-16 without a byte-order mark: valid UTF-8 is never taken for it; otherwise
/// the byte order whose code units are nearly all plausible text wins.
fn utf16_without_bom(bytes: &[u8], valid_utf8: bool) -> Option<(&'static Encoding, &'static str)> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    // ASCII in UTF-16 is valid UTF-8 too, but full of NULs, which real UTF-8 text never has.
    if sample.len() < 4 || bytes.len() % 2 != 0 || (!sample.contains(&0) && valid_utf8) {
        return None;
    }
    let units = sample.len() / 2;
    let score = |le: bool| {
        let plausible = sample
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .filter(|&u| plausible_utf16_unit(u))
            .count();
        plausible as f64 / units as f64
    };
    let (le, be) = (score(true), score(false));
    // Nearly every unit: Shift_JIS or GBK text read two bytes at a time looks like CJK too,
    // but its line breaks (0x0D0A) and ASCII do not. Shift_JIS without either is all
    // double-byte characters, which real UTF-16 almost never is.
    if shift_jis_double_bytes_only(sample) {
        return None;
    }
    if le >= 0.99 && le > be {
        Some((UTF_16LE, "UTF-16LE"))
    } else if be >= 0.99 && be > le {
        Some((UTF_16BE, "UTF-16BE"))
    } else {
        None
    }
}

/// Whether every byte pair is one Shift_JIS double-byte character (lead 0x81-0x9F or
/// 0xE0-0xFC, trail 0x40-0x7E or 0x80-0xFC): Japanese with no ASCII at all, not even a line
/// break. Read as UTF-16BE, its kana and common kanji (leads 0x81-0x9F) are all CJK
/// ideographs. Real UTF-16 text is almost never this: in UTF-16BE the ideographs U+4E00-U+80FF
/// and the CJK punctuation have high bytes that are no Shift_JIS lead, and a quarter of all
/// low bytes are below 0x40; in UTF-16LE most low bytes are no lead.
fn shift_jis_double_bytes_only(sample: &[u8]) -> bool {
    sample.chunks_exact(2).all(|pair| {
        matches!(pair[0], 0x81..=0x9F | 0xE0..=0xFC) && matches!(pair[1], 0x40..=0x7E | 0x80..=0xFC)
    })
}

fn plausible_utf16_unit(unit: u16) -> bool {
    matches!(unit,
        0x09 | 0x0A | 0x0D
        | 0x20..=0x7E
        | 0xA0..=0x24F          // Latin
        | 0x2000..=0x2BFF       // punctuation, letterlike, ①, arrows, maths, boxes, shapes, ★
        | 0x3000..=0x303F       // CJK punctuation
        | 0x3040..=0x30FF       // kana
        | 0x3100..=0x33FF       // bopomofo, enclosed CJK, ㎡
        | 0x3400..=0x4DBF       // CJK extension A
        | 0x4E00..=0x9FFF       // CJK unified ideographs
        | 0xD800..=0xDFFF       // surrogates (extension B and beyond, emoji)
        | 0xFE30..=0xFE4F       // CJK compatibility forms
        | 0xFF00..=0xFFEF) // full-width forms
}

/// Share of bytes that are C0 controls other than tab, line feed, form feed,
/// carriage return and escape; NUL counts. Text has almost none.
fn control_share(bytes: &[u8]) -> f64 {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B))
        .count();
    controls as f64 / sample.len() as f64
}

fn detect_and_decode<'a>(
    name: &str,
    bytes: &'a [u8],
    utf8: Option<&'a str>,
) -> Result<Decoded<'a>> {
    if let Some(text) = utf8 {
        if let Some(text) = gbk_lookalike(text, bytes) {
            return Ok(Decoded {
                text: Cow::Owned(text),
                encoding: "GBK",
            });
        }
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "UTF-8",
        });
    }
    // Far more well-formed multi-byte characters than broken ones is UTF-8 with damage (a
    // stray byte, a file cut mid-character), never GBK or Big5, where well-formed UTF-8
    // sequences only happen by chance, about one pair in twelve. A little damage is replaced
    // and said; a lot is refused by `decode_with` rather than read as mojibake.
    let (well_formed, broken) = utf8_damage(bytes);
    if well_formed >= MIN_UTF8_EVIDENCE && well_formed >= 2 * broken {
        return decode_with(name, UTF_8, bytes, DAMAGED_UTF8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    // A Chinese file is far likelier here than a Western single-byte one: when the guess is
    // not a CJK encoding, prefer GBK or Big5 if either reads the bytes without an error.
    // Short texts are too little for the detector to tell GBK from EUC-KR or Shift_JIS (it
    // calls 你好 Korean), so there, too, GBK wins if it reads them cleanly.
    let chinese_guess = [GBK, GB18030, BIG5].contains(&guess);
    let other_cjk_guess = ["Shift_JIS", "EUC-JP", "EUC-KR"].contains(&guess.name());
    let short = bytes.iter().filter(|&&b| b >= 0x80).count() < SHORT_TEXT_HIGH_BYTES;
    // …except when the text itself says it is Japanese or Korean, which GBK cannot fake.
    if short {
        if let Some(decoded) = short_japanese_or_korean(bytes) {
            return Ok(decoded);
        }
    }
    if !chinese_guess && (!other_cjk_guess || short) {
        for candidate in [GBK, BIG5] {
            if let Some(text) = candidate.decode_without_bom_handling_and_without_replacement(bytes)
            {
                return Ok(Decoded {
                    text,
                    encoding: label(candidate),
                });
            }
        }
    }
    decode_with(name, guess, bytes, label(guess))
}

/// A short text that is Japanese or Korean by its own evidence, not the detector's guess.
/// Japanese: Shift_JIS reads it cleanly and a quarter of its characters are kana (lead bytes
/// 0x82/0x83, which in GBK are rare characters no Chinese text strings together). Korean:
/// EUC-KR reads it cleanly, it has at least eight characters, every one of them Hangul
/// (lead bytes 0xB0-0xC8: Chinese text of eight characters all from those rows of GB2312 is
/// rare), and words are set apart by spaces, as Korean is written and Chinese is not.
fn short_japanese_or_korean(bytes: &[u8]) -> Option<Decoded<'_>> {
    let share = |text: &str, of: fn(char) -> bool| {
        let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
        (non_ascii, text.chars().filter(|&c| of(c)).count())
    };
    if let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        let (non_ascii, kana) = share(&text, |c| matches!(c, '\u{3041}'..='\u{30FF}'));
        if non_ascii > 0 && kana * 4 >= non_ascii {
            return Some(Decoded {
                text,
                encoding: "Shift_JIS",
            });
        }
    }
    if let Some(text) = EUC_KR.decode_without_bom_handling_and_without_replacement(bytes) {
        let (non_ascii, hangul) = share(&text, |c| matches!(c, '\u{AC00}'..='\u{D7A3}'));
        let spaces = text.matches(' ').count();
        if hangul >= 8 && hangul == non_ascii && spaces * 8 >= hangul {
            return Some(Decoded {
                text,
                encoding: "EUC-KR",
            });
        }
    }
    None
}

/// The label of UTF-8 text in which some broken bytes were replaced by U+FFFD.
const DAMAGED_UTF8: &str = "UTF-8（有损坏 / damaged）";
/// Well-formed multi-byte characters needed before damaged bytes are read as UTF-8.
const MIN_UTF8_EVIDENCE: usize = 8;
/// Below this many non-ASCII bytes (about 120 Chinese characters) the detector's verdict
/// between the East Asian double-byte encodings is a guess.
const SHORT_TEXT_HIGH_BYTES: usize = 240;

/// In bytes that are not valid UTF-8: how many well-formed multi-byte characters and how many
/// broken sequences they have.
fn utf8_damage(bytes: &[u8]) -> (usize, usize) {
    let mut rest = bytes;
    let (mut well_formed, mut broken) = (0, 0);
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => return (well_formed + multibyte_chars(text.as_bytes()), broken),
            Err(error) => {
                let valid = error.valid_up_to();
                well_formed += multibyte_chars(&rest[..valid]);
                broken += 1;
                match error.error_len() {
                    Some(len) => rest = &rest[valid + len..],
                    // Cut off in the middle of the last character.
                    None => return (well_formed, broken),
                }
            }
        }
    }
}

/// Multi-byte characters in valid UTF-8: their lead bytes.
fn multibyte_chars(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xC0).count()
}

/// GBK text whose bytes happen to be valid UTF-8: ASCII with a few Chinese words, where each
/// two-byte GBK character reads as a two-byte UTF-8 letter (芯片 as `оƬ`). Real text in
/// UTF-8 never mixes scripts inside a word, so a word that jumps between Latin, Greek,
/// Cyrillic and others (letters side by side; punctuation such as « » does not count), in
/// text that GBK reads cleanly as Chinese, is GBK.
fn gbk_lookalike(text: &str, bytes: &[u8]) -> Option<String> {
    if bytes.is_ascii() || text.chars().any(|c| c.len_utf8() > 2) {
        return None;
    }
    let mut previous: Option<Script> = None;
    let mut mixed = false;
    for c in text.chars() {
        let script = (!c.is_ascii() && c.is_alphabetic()).then(|| script(c));
        if let (Some(a), Some(b)) = (previous, script) {
            mixed |= a != b || a == Script::Other;
        }
        previous = script;
    }
    if !mixed {
        return None;
    }
    let gbk = GBK.decode_without_bom_handling_and_without_replacement(bytes)?;
    let chinese = gbk
        .chars()
        .filter(|c| !c.is_ascii())
        .all(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'));
    chinese.then(|| gbk.into_owned())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    /// IPA, modifiers, combining marks, Armenian, Syriac, Thaana, NKo: no word of real text
    /// strings two of these together without a letter of its own script.
    Other,
}

fn script(c: char) -> Script {
    match c {
        '\u{80}'..='\u{24F}' => Script::Latin,
        '\u{370}'..='\u{3FF}' => Script::Greek,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => Script::Arabic,
        _ => Script::Other,
    }
}

fn decode_with<'a>(
    name: &str,
    encoding: &'static Encoding,
    bytes: &'a [u8],
    label: &'static str,
) -> Result<Decoded<'a>> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    let replacements = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count().max(1);
    if replacements as f64 / chars as f64 > MAX_REPLACEMENT_SHARE {
        return Err(Error::UnknownEncoding {
            name: name.to_string(),
        });
    }
    Ok(Decoded {
        text,
        encoding: label,
    })
}

fn label(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "gb18030" => "GB18030",
        "UTF-16LE" | "UTF-16BE" | "UTF-8" | "GBK" | "Big5" => encoding.name(),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    const SAMPLE: &str = "大力弘扬劳模精神、劳动精神、工匠精神，团结带领广大职工群众在全面建设社会主义现代化国家新征程上创造新的时代辉煌。";

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(
            decode("a", SAMPLE.as_bytes()).unwrap(),
            Decoded {
                text: SAMPLE.into(),
                encoding: "UTF-8"
            }
        );
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode("a", &with_bom).unwrap().encoding, "UTF-8 (BOM)");
        assert_eq!(decode("a", &with_bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn reads_gbk_and_big5() {
        let gbk_bytes = encode(GBK, SAMPLE);
        let gbk = decode("a", &gbk_bytes).unwrap();
        assert_eq!((gbk.text.as_ref(), gbk.encoding), (SAMPLE, "GBK"));
        let traditional = "大力弘揚勞模精神、勞動精神、工匠精神，團結帶領廣大職工群眾在全面建設社會主義現代化國家新征程上創造新的時代輝煌。";
        let big5_bytes = encode(BIG5, traditional);
        let big5 = decode("a", &big5_bytes).unwrap();
        assert_eq!((big5.text.as_ref(), big5.encoding), (traditional, "Big5"));
    }

    #[test]
    fn reads_utf16_with_and_without_bom() {
        for le in [true, false] {
            let bare = utf16(SAMPLE, le);
            let expected = if le { "UTF-16LE" } else { "UTF-16BE" };
            assert_eq!(
                decode("a", &bare).unwrap(),
                Decoded {
                    text: SAMPLE.into(),
                    encoding: expected
                }
            );
            let mut with_bom = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            with_bom.extend(utf16(SAMPLE, le));
            assert_eq!(decode("a", &with_bom).unwrap().text, SAMPLE);
            let ascii = utf16("plain ASCII text in UTF-16, no BOM\n", le);
            assert_eq!(decode("a", &ascii).unwrap().encoding, expected);
        }
    }

    #[test]
    fn refuses_binary_empty_and_blank_files() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(
            decode("photo.txt", png).unwrap_err().to_string(),
            "「photo.txt」不是文本文件（看起来是 PNG 图片）。 / \"photo.txt\" is not a text file (it looks like a PNG image)."
        );
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(
            decode("x.bin", &noise).unwrap_err(),
            Error::Binary {
                name: "x.bin".into()
            }
        );
        assert_eq!(
            decode("e.txt", b"").unwrap_err(),
            Error::Empty {
                name: "e.txt".into()
            }
        );
        assert_eq!(
            decode("w.txt", " \n\t\u{3000}\n".as_bytes()).unwrap_err(),
            Error::Blank {
                name: "w.txt".into()
            }
        );
    }

    #[test]
    fn damaged_utf8_is_utf8_with_replacements_or_refused() {
        let utf8 = SAMPLE.repeat(20).into_bytes();
        let mut stray = utf8.clone();
        stray.insert(600, 0xE9);
        let decoded = decode("a", &stray).unwrap();
        assert_eq!(decoded.encoding, DAMAGED_UTF8);
        assert_eq!(decoded.text.replace('\u{FFFD}', ""), SAMPLE.repeat(20));

        let truncated = &utf8[..utf8.len() - 1];
        let decoded = decode("a", truncated).unwrap();
        assert_eq!(decoded.encoding, DAMAGED_UTF8);
        assert!(decoded.text.ends_with('\u{FFFD}'));

        // One high byte in 40: too much damage to read, and never as windows-1252.
        let noisy: Vec<u8> = utf8
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                if i >= 10 && i % 40 == 10 {
                    0xFF - (i % 7) as u8
                } else {
                    b
                }
            })
            .collect();
        assert_eq!(
            decode("n", &noisy).unwrap_err(),
            Error::UnknownEncoding { name: "n".into() }
        );
    }

    #[test]
    fn gbk_is_not_taken_for_utf8_or_korean() {
        for text in [
            "Hello World 你好 OK",
            "你好",
            "新闻 news",
            "AI chip design: GPU, TPU and NPU 芯片 for LLM training in 2024",
        ] {
            let decoded_bytes = encode(GBK, text);
            let decoded = decode("a", &decoded_bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, "GBK"));
        }
        // A whole GBK article never looks like damaged UTF-8.
        let long = SAMPLE.repeat(50);
        assert_eq!(decode("a", &encode(GBK, &long)).unwrap().encoding, "GBK");
    }

    #[test]
    fn utf8_letters_of_one_script_stay_utf8() {
        for text in [
            "café résumé naïve déjà vu",
            "«Привет, мир!» Как дела? Всё хорошо.",
            "Καλημέρα κόσμε, τι κάνεις;",
            "Straße, Ærø, Łódź, İstanbul",
        ] {
            assert_eq!(
                decode("a", text.as_bytes()).unwrap().encoding,
                "UTF-8",
                "{text}"
            );
        }
    }

    #[test]
    fn long_japanese_and_korean_legacy_files_keep_the_detected_encoding() {
        let japanese = "日本語のテキストです。東京は晴れています。これは長い文章のサンプルで、ひらがなとカタカナと漢字が混ざっています。\r\n".repeat(4);
        let decoded_bytes = encode(encoding_rs::SHIFT_JIS, &japanese);
        let decoded = decode("a", &decoded_bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (japanese.as_str(), "Shift_JIS")
        );
        let korean =
            "안녕하세요 세계. 이것은 한국어 텍스트입니다. 오늘은 날씨가 좋습니다.\n".repeat(8);
        let decoded_bytes = encode(encoding_rs::EUC_KR, &korean);
        let decoded = decode("a", &decoded_bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (korean.as_str(), "EUC-KR")
        );
    }

    #[test]
    fn short_japanese_and_korean_files_are_read_as_such_short_chinese_stays_gbk() {
        for (text, encoding, name) in [
            ("こんにちは、世界。", encoding_rs::SHIFT_JIS, "Shift_JIS"),
            ("東京は晴れです。", encoding_rs::SHIFT_JIS, "Shift_JIS"),
            ("メモ：明日の会議", encoding_rs::SHIFT_JIS, "Shift_JIS"),
            (
                "안녕하세요 오늘은 날씨가 좋습니다",
                encoding_rs::EUC_KR,
                "EUC-KR",
            ),
        ] {
            let decoded_bytes = encode(encoding, text);
            let decoded = decode("a", &decoded_bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, name));
        }
        // Short Chinese, with and without spaces, stays Chinese.
        for text in [
            "你好，世界。",
            "劳模精神 工匠精神 劳动精神",
            "今天天气很好，我们去公园散步吧。",
            "会议 通知 时间 地点",
            "工会 职工 劳动 模范 精神 发展 建设 创新",
        ] {
            let decoded_bytes = encode(GBK, text);
            let decoded = decode("a", &decoded_bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, "GBK"));
            let decoded_bytes = encode(BIG5, text);
            let decoded = decode("a", &decoded_bytes).unwrap();
            assert_ne!(decoded.encoding, "Shift_JIS", "{text} in Big5");
            assert_ne!(decoded.encoding, "EUC-KR", "{text} in Big5");
        }
    }

    #[test]
    fn shift_jis_without_ascii_is_not_taken_for_utf16() {
        // No ASCII, not even a line break: every byte pair is a plausible UTF-16BE ideograph
        // (lead bytes 0x81-0x9F), which once made this read as UTF-16BE.
        let japanese = "日本語のテキストです。東京は晴れています。これは長い文章のサンプルで、ひらがなとカタカナと漢字が混ざっています。".repeat(4);
        let bytes = encode(encoding_rs::SHIFT_JIS, &japanese);
        assert!(!japanese.chars().any(|c| c.is_ascii()));
        let decoded = decode("a", &bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (japanese.as_str(), "Shift_JIS")
        );
        // UTF-16BE text of the ideographs that Shift_JIS lead bytes look like is still UTF-16BE.
        let ideographs: String = (0x8140u32..0x9FFC)
            .step_by(7)
            .filter_map(char::from_u32)
            .collect();
        let decoded_bytes = utf16(&ideographs, false);
        let decoded = decode("a", &decoded_bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (ideographs.as_str(), "UTF-16BE")
        );
    }

    #[test]
    fn a_stray_nul_in_long_text_is_not_binary() {
        let mut bytes = SAMPLE.repeat(20).into_bytes();
        bytes.insert(300, 0);
        assert_eq!(decode("a", &bytes).unwrap().encoding, "UTF-8");
    }
}
