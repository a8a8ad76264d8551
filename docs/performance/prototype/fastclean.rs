//! A faster `clean` with the same output as wenxi::clean::clean (scratch prototype): lines that
//! need no normalising are copied as they are (one byte scan), straight into the output string;
//! only the others go through the char-by-char `normalise_line`.
#![allow(dead_code)]

/// Whether `line` is already what `normalise_line` would make of it.
#[inline]
fn is_clean_line(b: &[u8]) -> bool {
    if b.is_empty() || b[0] == b' ' || b[b.len() - 1] == b' ' {
        return b.is_empty();
    }
    let mut i = 0;
    let n = b.len();
    while i < n {
        let c = b[i];
        if c < 0x80 {
            if c < 0x20 || c == 0x7f || (c == b' ' && b[i + 1] == b' ') {
                return false;
            }
            i += 1;
            continue;
        }
        match c {
            0xC2 => return false, // U+0080..U+00BF: C1 controls, NBSP, soft hyphen (and some symbols: slow path)
            0xE2 => {
                // U+2002..U+200D, U+202F, U+205F, U+2060
                let (b1, b2) = (b[i + 1], b[i + 2]);
                if (b1 == 0x80 && ((0x82..=0x8D).contains(&b2) || b2 == 0xAF)) || (b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)) {
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
                let (b1, b2) = (b[i + 1], b[i + 2]);
                // U+FEFF, U+FF10..19, U+FF21..3A, U+FF41..5A
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

/// Characters normalise_line turns into a space or drops: at either end of a line they vanish.
#[inline]
fn vanishes_at_ends(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{00A0}' | '\t' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
        | '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}')
        || c.is_control()
}

pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Start of the last line in `out`.
    let mut last: Option<usize> = None;
    let mut scratch;
    for raw in text.split('\n') {
        // Leading and trailing spaces, invisible and control characters (CR, the ideographic
        // spaces that indent Chinese paragraphs) all vanish in normalise_line; trim them first.
        let bare = raw.trim_matches(vanishes_at_ends);
        let line: &str = if is_clean_line(bare.as_bytes()) {
            bare
        } else {
            scratch = crate::clean::normalise_line(raw);
            &scratch
        };
        if line.is_empty() {
            continue;
        }
        match last {
            Some(start) if crate::clean::is_wrapped(&out[start..], line) => {
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
            }
        }
    }
    out
}
