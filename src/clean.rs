//! Text cleaning before segmentation: line endings, invisible characters,
//! widths and spaces; lines that were hard-wrapped mid-sentence are rejoined;
//! and the cleaned text is split into sentences. The two steps of [`clean`] are also
//! separate ([`normalise_lines`], [`join_wrapped`]) so that the anatomy can sort the lines
//! before any is rejoined, and keep page furniture on lines of its own.

use std::ops::Range;

/// A wrapped line is at least this long; shorter lines are headings, bylines, menus.
const WRAPPED_LINE_MIN_CHARS: usize = 40;
/// The continuation of a wrapped line is either this long or ends a sentence.
const CONTINUATION_MIN_CHARS: usize = 20;

/// Clean `text`: normalise line endings, drop invisible and control characters, turn
/// full-width spaces and letters/digits into their ASCII forms, trim each line, collapse
/// runs of spaces, drop blank lines, and rejoin lines that were hard-wrapped mid-sentence.
/// The result has one paragraph per line.
///
/// Most lines need none of that but the trimming: they are checked with one pass over their
/// bytes and copied as they are; only the others go through `normalise_line` char by char.
pub fn clean(text: &str) -> String {
    join_wrapped(&normalise_lines(text), &[]).0
}

/// The first step of [`clean`]: every line normalised, blank lines dropped, none rejoined.
pub fn normalise_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut normalised;
    for raw in text.split('\n') {
        // Everything that normalise_line turns into a space or drops vanishes at the ends of a
        // line (CR, the ideographic spaces that indent Chinese paragraphs): trim it first.
        let bare = raw.trim_matches(vanishes_at_line_ends);
        let line: &str = if is_clean_line(bare.as_bytes()) {
            bare
        } else {
            normalised = normalise_line(raw);
            &normalised
        };
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// The second step of [`clean`]: `lines` (as [`normalise_lines`] makes them) with the lines
/// that were hard-wrapped mid-sentence rejoined, except that a line `apart[i]` says so of is
/// never joined to another. Also returns, for each line of `lines`, the line of the result it
/// is in.
pub fn join_wrapped(lines: &str, apart: &[bool]) -> (String, Vec<u32>) {
    join_wrapped_into(lines, apart, String::new())
}

/// [`join_wrapped`] into `out` (emptied first), so that the caller chooses where the text
/// goes: a large file's text can take the place its bytes had (`Corpus::add_owned_bytes`).
pub fn join_wrapped_into(lines: &str, apart: &[bool], mut out: String) -> (String, Vec<u32>) {
    out.clear();
    // The result is never longer than `lines`: a line break becomes nothing or a space.
    out.reserve_exact(lines.len());
    let mut line_map = Vec::new();
    // Where the last line in `out` starts.
    let mut last: Option<usize> = None;
    let mut out_lines = 0u32;
    let mut previous_apart = false;
    for (i, line) in lines.split('\n').enumerate() {
        if line.is_empty() {
            line_map.push(out_lines.saturating_sub(1));
            continue;
        }
        let this_apart = apart.get(i).copied().unwrap_or(false);
        let joins = !this_apart && !previous_apart;
        previous_apart = this_apart;
        match last {
            Some(start) if joins && is_wrapped(&out[start..], line) => {
                let needs_space = out.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line.starts_with(|c: char| c.is_ascii_alphanumeric());
                if needs_space {
                    out.push(' ');
                }
                out.push_str(line);
            }
            _ => {
                if last.is_some() {
                    out.push('\n');
                }
                last = Some(out.len());
                out.push_str(line);
                out_lines += 1;
            }
        }
        line_map.push(out_lines - 1);
    }
    (out, line_map)
}

/// Whether `normalise_line` would return `line` unchanged (then it needs no copy). Conservative:
/// any character in U+0080..U+00BF takes the slow path.
#[inline]
fn is_clean_line(b: &[u8]) -> bool {
    let Some((&first, &last)) = b.first().zip(b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // Controls, DEL, and a run of spaces (never at the end: `last` is not a space).
            if c < 0x20 || c == 0x7f || (c == b' ' && b[i + 1] == b' ') {
                return false;
            }
            i += 1;
            continue;
        }
        // `b` is UTF-8: a lead byte is followed by its continuation bytes.
        match c {
            0xC2 => return false, // U+0080..U+00BF: C1 controls, no-break space, soft hyphen
            0xE2 => {
                // U+2002..U+200D, U+202F, U+205F, U+2060
                let (b1, b2) = (b[i + 1], b[i + 2]);
                if (b1 == 0x80 && ((0x82..=0x8D).contains(&b2) || b2 == 0xAF))
                    || (b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0))
                {
                    return false;
                }
                i += 3;
            }
            0xE3 => {
                if b[i + 1] == 0x80 && b[i + 2] == 0x80 {
                    return false; // U+3000
                }
                i += 3;
            }
            0xEF => {
                // U+FEFF; full-width digits U+FF10..19 and letters U+FF21..3A, U+FF41..5A
                let (b1, b2) = (b[i + 1], b[i + 2]);
                if (b1 == 0xBB && b2 == 0xBF)
                    || (b1 == 0xBC && ((0x90..=0x99).contains(&b2) || (0xA1..=0xBA).contains(&b2)))
                    || (b1 == 0xBD && (0x81..=0x9A).contains(&b2))
                {
                    return false;
                }
                i += 3;
            }
            0xC3..=0xDF => i += 2,
            0xE0..=0xEF => i += 3,
            _ => i += 4,
        }
    }
    true
}

/// Characters `normalise_line` turns into a space or drops: at either end of a line they vanish.
fn vanishes_at_line_ends(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}'
            | '\u{00A0}'
            | '\t'
            | '\u{2002}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{FEFF}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'
            | '\u{00AD}'
    ) || c.is_control()
}

fn normalise_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        let c = match c {
            '\u{3000}' | '\u{00A0}' | '\t' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                ' '
            }
            // Full-width ASCII letters and digits; full-width punctuation stays, it is Chinese usage.
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}' => continue,
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Whether the break between `previous` and `next` is a hard wrap inside a sentence,
/// as in the seeds' `……二是"意义重` / (blank line) / `大"。……`.
fn is_wrapped(previous: &str, next: &str) -> bool {
    let Some(last) = previous.chars().last() else {
        return false;
    };
    if is_sentence_end(last)
        || is_closing(last)
        || previous.chars().count() < WRAPPED_LINE_MIN_CHARS
    {
        return false;
    }
    let next_ends_sentence = next
        .chars()
        .last()
        .is_some_and(|c| is_sentence_end(c) || is_closing(c));
    next_ends_sentence || next.chars().count() >= CONTINUATION_MIN_CHARS
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '．' | '.' | ':' | '：'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〕' | '"' | '\''
    )
}

/// Byte ranges of the sentences of a cleaned text: a sentence ends at a line break,
/// at `。！？!?；;…` (with any closing quotes or brackets after it), or at a `.`
/// followed by a space or the end of the line. Ranges never include the line break.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => {
                push_trimmed(text, start..i, &mut out);
                start = i + 1;
                continue;
            }
            '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if next == c
                        || matches!(next, '。' | '！' | '？' | '!' | '?' | '…')
                        || is_closing(next)
                    {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                end
            }
            '.' | '．'
                if chars
                    .peek()
                    .is_none_or(|&(_, next)| next == ' ' || next == '\n') =>
            {
                i + c.len_utf8()
            }
            _ => continue,
        };
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + leading;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    /// The plain version `clean` must always agree with: every line through `normalise_line`.
    fn clean_reference(text: &str) -> String {
        let mut lines: Vec<String> = Vec::new();
        for raw in text.split('\n') {
            let line = normalise_line(raw);
            if line.is_empty() {
                continue;
            }
            match lines.last_mut() {
                Some(previous) if is_wrapped(previous, &line) => {
                    let needs_space = previous.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && line.starts_with(|c: char| c.is_ascii_alphanumeric());
                    if needs_space {
                        previous.push(' ');
                    }
                    previous.push_str(&line);
                }
                _ => lines.push(line),
            }
        }
        lines.join("\n")
    }

    // proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn fast_path_agrees_with_the_reference(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just('\n'), Just('\r'), Just('\t'), Just('\u{3000}'),
                    Just('\u{00A0}'), Just('\u{00AD}'), Just('\u{0085}'), Just('©'),
                    Just('\u{2001}'), Just('\u{2002}'), Just('\u{200B}'), Just('\u{200E}'),
                    Just('\u{202F}'), Just('\u{205F}'), Just('\u{2060}'), Just('\u{FEFF}'),
                    Just('\u{FF10}'), Just('\u{FF21}'), Just('\u{FF41}'), Just('\u{FF5B}'),
                    Just('\u{FF0C}'), Just('。'), Just('”'), Just('a'), Just('1'), Just('\u{7f}'),
                    Just('\u{1}'), Just('工'), Just('会'), Just('😀'), any::<char>(),
                ],
                0..120,
            )
        ) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(clean(&text), clean_reference(&text));
        }
    }

    #[test]
    fn lines_kept_apart_are_never_joined() {
        let text = format!(
            "{}\n{}\n{}",
            "工".repeat(45),
            "会".repeat(25),
            "职".repeat(25)
        );
        let lines = normalise_lines(&text);
        assert_eq!(join_wrapped(&lines, &[]).0, clean(&text));
        assert_eq!(join_wrapped(&lines, &[]).1, [0, 0, 0]);
        let (joined, map) = join_wrapped(&lines, &[false, true, false]);
        assert_eq!(joined, text);
        assert_eq!(map, [0, 1, 2]);
        let (joined, map) = join_wrapped(&lines, &[false, false, true]);
        assert_eq!(
            joined,
            format!(
                "{}{}\n{}",
                "工".repeat(45),
                "会".repeat(25),
                "职".repeat(25)
            )
        );
        assert_eq!(map, [0, 0, 1]);
    }

    #[test]
    fn long_lines_rejoin_the_same_way_on_both_paths() {
        let wrapped = format!("{}\n\n{}", "工".repeat(45), "会".repeat(25));
        assert_eq!(clean(&wrapped), clean_reference(&wrapped));
        assert_eq!(clean(&wrapped), "工".repeat(45) + &"会".repeat(25));
        let ascii = format!("{}a\r\n\u{3000}b{}", "工".repeat(45), "会".repeat(25));
        assert_eq!(clean(&ascii), clean_reference(&ascii));
    }

    #[test]
    fn rejoins_a_sentence_wrapped_across_a_blank_line() {
        let text = "我有三个突出的感受。一是“感情深厚”。习近平总书记讲话高瞻远瞩,掷地有声,提供了行动指南。二是“意义重\r\n\r\n大”。习近平总书记对劳模精神、劳动精神、工匠精神的内涵进行了系统阐释。";
        assert_eq!(
            clean(text),
            "我有三个突出的感受。一是“感情深厚”。习近平总书记讲话高瞻远瞩,掷地有声,提供了行动指南。二是“意义重大”。习近平总书记对劳模精神、劳动精神、工匠精神的内涵进行了系统阐释。"
        );
    }

    #[test]
    fn keeps_headings_and_bylines_on_their_own_lines() {
        let text =
            "\n\n大力弘扬劳模精神劳动精神工匠精神\n\n全国总工会组织部 付子豪\n\n习近平总书记指出。";
        assert_eq!(
            clean(text),
            "大力弘扬劳模精神劳动精神工匠精神\n全国总工会组织部 付子豪\n习近平总书记指出。"
        );
    }

    #[test]
    fn normalises_spaces_widths_and_invisible_characters() {
        assert_eq!(
            clean("\u{feff}  有幸\u{3000}\u{3000}在２０２０年\u{200b}聆听ＡＢｃ  讲话 \t"),
            "有幸 在2020年聆听ABc 讲话"
        );
    }

    #[test]
    fn splits_sentences_on_chinese_and_western_punctuation() {
        let text = "他说：“好！”我们走吧。Really? Yes. 3.14 是数……对；\n下一段";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "他说：“好！”",
                "我们走吧。",
                "Really?",
                "Yes.",
                "3.14 是数……",
                "对；",
                "下一段"
            ]
        );
    }
}
