//! A document's metadata as the text and the file carry it: dates (in the forms Chinese pages
//! and file names print them), byline lines (来源/作者/发布时间 …), a file's modification day,
//! and the values a person types (a date, a group). A date that cannot be read is `None`,
//! never guessed: every date found is a real day of the calendar.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DateSource {
    /// A byline or header line of the text.
    Text,
    /// The file's name.
    FileName,
    /// The file's modification time (the last resort).
    FileTime,
    /// Set by a person.
    User,
}

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Years a document date may have: anything else is a number, not a date.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;

impl Date {
    /// The date, if it is one (1900-2099, a month of 12, a day its month has).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let real = YEARS.contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        real.then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first full date in `text` with where it is (byte range): 2020-11-26, 2024/5/1,
/// 2024.5.1, 2024_05_01, 2024年05月01日 (or 号), 二〇二四年五月一日. The year must not follow a
/// digit nor the day precede one, the separators must agree, and the date must be real.
pub fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    for i in 0..chars.len() {
        let previous = i.checked_sub(1).map(|j| chars[j].1);
        let c = chars[i].1;
        if c.is_ascii_digit() && !previous.is_some_and(|p| p.is_ascii_digit()) {
            if let Some((date, next)) = arabic_date(&chars, i) {
                return Some((date, chars[i].0..end_of(next)));
            }
        } else if chinese_digit(c).is_some() && previous.is_none_or(|p| chinese_digit(p).is_none())
        {
            if let Some((date, next)) = chinese_date(&chars, i) {
                return Some((date, chars[i].0..end_of(next)));
            }
        }
    }
    None
}

/// Digits from `i`: (value, how many, index after).
fn digits(chars: &[(usize, char)], i: usize, max: usize) -> Option<(u32, usize, usize)> {
    let mut value = 0u32;
    let mut n = 0;
    while let Some(&(_, c)) = chars.get(i + n) {
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            break;
        };
        if n == max {
            return None; // a longer number than a date part
        }
        value = value * 10 + d;
        n += 1;
    }
    (n > 0).then_some((value, n, i + n))
}

fn arabic_date(chars: &[(usize, char)], i: usize) -> Option<(Date, usize)> {
    let (year, 4, at) = digits(chars, i, 4)? else {
        return None;
    };
    let separator = chars.get(at)?.1;
    let (month_end, day_end): (&[char], &[char]) = match separator {
        '-' | '/' | '.' | '_' => (&[], &[]),
        '年' => (&['月'], &['日', '号']),
        _ => return None,
    };
    let (month, _, at) = digits(chars, at + 1, 2)?;
    let at = match month_end {
        [] => (chars.get(at)?.1 == separator).then_some(at + 1)?,
        ends => ends.contains(&chars.get(at)?.1).then_some(at + 1)?,
    };
    let (day, _, at) = digits(chars, at, 2)?;
    let at = match day_end {
        [] => at,
        ends => ends.contains(&chars.get(at)?.1).then_some(at + 1)?,
    };
    // 2024.5.1.3 is a version number, 2024-5-1-2 a code.
    let continues = chars.get(at).is_some_and(|&(_, c)| c == separator)
        && chars.get(at + 1).is_some_and(|&(_, c)| c.is_ascii_digit());
    if day_end.is_empty() && continues {
        return None;
    }
    Some((Date::new(year, month, day)?, at))
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            '○' | '零' | 'Ｏ' | 'O' => Some(0),
            _ => None,
        })
}

/// 二〇二四年五月一日: four digits for the year, 一..十二 for the month, 一..三十一 for the day.
fn chinese_date(chars: &[(usize, char)], i: usize) -> Option<(Date, usize)> {
    let mut year = 0;
    for k in 0..4 {
        year = year * 10 + chinese_digit(chars.get(i + k)?.1)?;
    }
    if chars.get(i + 4)?.1 != '年' {
        return None;
    }
    let (month, at) = chinese_number(chars, i + 5)?;
    if chars.get(at)?.1 != '月' {
        return None;
    }
    let (day, at) = chinese_number(chars, at + 1)?;
    if !matches!(chars.get(at)?.1, '日' | '号') {
        return None;
    }
    Some((Date::new(year, month, day)?, at + 1))
}

/// 一 .. 三十一 (十, 十五, 二十, 二十三).
fn chinese_number(chars: &[(usize, char)], i: usize) -> Option<(u32, usize)> {
    let digit = |k: usize| {
        chars
            .get(k)
            .and_then(|&(_, c)| chinese_digit(c).filter(|&d| d > 0))
    };
    let ten = |k: usize| chars.get(k).is_some_and(|&(_, c)| c == '十');
    match (digit(i), ten(i)) {
        (_, true) => match digit(i + 1) {
            Some(units) => Some((10 + units, i + 2)),
            None => Some((10, i + 1)),
        },
        (Some(tens), false) if ten(i + 1) => match digit(i + 2) {
            Some(units) => Some((tens * 10 + units, i + 3)),
            None => Some((tens * 10, i + 2)),
        },
        (Some(units), false) => Some((units, i + 1)),
        (None, false) => None,
    }
}

/// The date in a file's name: the forms of [`find_date`], or eight digits that are a real date
/// and not part of a longer number (`20230501_report.txt`).
pub fn file_name_date(name: &str) -> Option<Date> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if let Some((date, _)) = find_date(name) {
        return Some(date);
    }
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 8 {
            let n = |a: usize, b: usize| name[a..b].parse::<u32>().ok();
            if let Some(date) = Date::new(
                n(start, start + 4)?,
                n(start + 4, start + 6)?,
                n(start + 6, start + 8)?,
            ) {
                return Some(date);
            }
        }
    }
    None
}

/// The local day of a modification time: `modified_ms` since 1970 UTC, `utc_offset_minutes`
/// east of UTC. None outside the years a document date may have.
pub fn file_time_date(modified_ms: f64, utc_offset_minutes: i32) -> Option<Date> {
    if !modified_ms.is_finite() {
        return None;
    }
    let minutes = (modified_ms / 60_000.0).floor() as i64 + i64::from(utc_offset_minutes);
    let days = minutes.div_euclid(24 * 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// A date a person typed: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (a real one), as stored.
pub fn user_date(text: &str) -> Option<String> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => Date::new(number(y, 4)?, 1, 1).map(|d| format!("{:04}", d.year)),
        [y, m] => Date::new(number(y, 4)?, number(m, 2)?, 1)
            .map(|d| format!("{:04}-{:02}", d.year, d.month)),
        [y, m, d] => Date::new(number(y, 4)?, number(m, 2)?, number(d, 2)?).map(|d| d.to_string()),
        _ => None,
    }
}

/// A group as stored: its "/"-separated parts trimmed, empty parts dropped. None when nothing
/// is left.
pub fn normalise_group(group: &str) -> Option<String> {
    let parts: Vec<&str> = group
        .split(['/', '\\'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The group of a file from its path: its folders ("新闻/2023/上海/a.txt" -> "新闻/2023/上海").
pub fn path_group(path: &str) -> Option<String> {
    let (folders, _file) = path
        .trim_start_matches(['/', '\\'])
        .rsplit_once(['/', '\\'])?;
    normalise_group(folders)
}

/// What a byline line says: "2020-11-26 08:27:11 来源:中工网-工人日报", "作者：张三 来源：新华社",
/// "发布时间：2024年5月1日". A line is a byline only when every part of it is a field of a byline
/// (a date, a time, a label with its value, a print or font-size control) and it holds a date,
/// a source or an author.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub date: Option<Date>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// Whether the line has no field but the date (a date alone on its line).
    pub date_only: bool,
}

/// Longest line read as a byline, in characters.
const BYLINE_MAX_CHARS: usize = 100;

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Source,
    Author,
    Date,
    /// Read and dropped: editors, counters, font size.
    Other,
}

/// Labels of byline fields, longest first where one is the start of another.
const LABELS: &[(&str, Field)] = &[
    ("稿件来源", Field::Source),
    ("文章来源", Field::Source),
    ("信息来源", Field::Source),
    ("新闻来源", Field::Source),
    ("消息来源", Field::Source),
    ("来源", Field::Source),
    ("出处", Field::Source),
    ("转自", Field::Source),
    ("作者", Field::Author),
    ("撰文", Field::Author),
    ("记者", Field::Author),
    ("文", Field::Author),
    ("发布时间", Field::Date),
    ("发布日期", Field::Date),
    ("发表时间", Field::Date),
    ("发表日期", Field::Date),
    ("更新时间", Field::Date),
    ("更新日期", Field::Date),
    ("发文日期", Field::Date),
    ("成文日期", Field::Date),
    ("时间", Field::Date),
    ("日期", Field::Date),
    ("责任编辑", Field::Other),
    ("值班编辑", Field::Other),
    ("编辑", Field::Other),
    ("责编", Field::Other),
    ("审核", Field::Other),
    ("校对", Field::Other),
    ("浏览次数", Field::Other),
    ("点击次数", Field::Other),
    ("阅读次数", Field::Other),
    ("浏览量", Field::Other),
    ("阅读量", Field::Other),
    ("点击量", Field::Other),
    ("点击数", Field::Other),
    ("浏览", Field::Other),
    ("阅读", Field::Other),
    ("点击", Field::Other),
    ("字号", Field::Other),
];

/// Words a byline line may carry besides its fields: font-size and print controls.
const CONTROLS: &[&str] = &[
    "大",
    "中",
    "小",
    "字号",
    "打印",
    "关闭",
    "打印本页",
    "关闭窗口",
    "收藏",
    "纠错",
    "分享",
    "分享到",
    "t",
    "T",
    "|",
    "｜",
    "/",
    "·",
    "-",
    "—",
];

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// Where the label of a field starts in `s` (at a field's start: followed by a colon, or by
/// "/" or "｜" for 文), if any.
fn label_at(s: &str) -> Option<(Field, usize)> {
    LABELS.iter().find_map(|&(label, field)| {
        let rest = s.strip_prefix(label)?;
        let next = rest.chars().next()?;
        let marks = is_colon(next) || (label == "文" && matches!(next, '/' | '／' | '|' | '｜'));
        marks.then(|| (field, label.len() + next.len_utf8()))
    })
}

/// The byline fields of `line`, if it is one.
pub fn byline(line: &str) -> Option<Byline> {
    // Every byline has a date (a digit, or 年 when in Chinese numerals) or a label's colon or
    // slash: most lines have none, and are no byline.
    let marked = line
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b':' || b == b'/' || b == b'|')
        || line.contains(['：', '年', '／', '｜']);
    if !marked || line.chars().count() > BYLINE_MAX_CHARS {
        return None;
    }
    let mut found = Byline::default();
    let mut fields = 0;
    let mut previous_names = false; // the last field named people: bare names may follow
    for chunk in line.split(' ').filter(|c| !c.is_empty()) {
        let bare =
            chunk.trim_matches(|c| matches!(c, '【' | '】' | '[' | ']' | '(' | ')' | '（' | '）'));
        let mut rest = bare;
        if rest.is_empty() || CONTROLS.contains(&rest) {
            continue;
        }
        if let Some(date) = date_at_start(rest) {
            found.date.get_or_insert(date.0);
            rest = &rest[date.1..];
            if rest.is_empty() {
                continue;
            }
        }
        if is_time(rest) {
            continue;
        }
        if previous_names && label_at(rest).is_none() && is_name_like(rest) {
            continue;
        }
        let mut consumed_any = false;
        while let Some((field, skip)) = label_at(rest) {
            consumed_any = true;
            fields += 1;
            rest = &rest[skip..];
            // The value runs to the next label.
            let end = rest
                .char_indices()
                .find(|&(i, _)| i > 0 && label_at(&rest[i..]).is_some())
                .map_or(rest.len(), |(i, _)| i);
            let value = rest[..end].trim_matches(|c: char| c.is_whitespace() || is_colon(c));
            // A source or an author is a name: short, no sentence in it ("记者：您认为……？"
            // is an interview's question, not a byline).
            let names = matches!(field, Field::Source | Field::Author);
            if names && !is_name_value(value) {
                return None;
            }
            match field {
                Field::Source if !value.is_empty() => {
                    found.source.get_or_insert_with(|| value.to_string());
                }
                Field::Author if !value.is_empty() => {
                    found.author.get_or_insert_with(|| value.to_string());
                }
                Field::Date => {
                    if let Some((date, _)) = find_date(value) {
                        found.date.get_or_insert(date);
                    }
                }
                _ => {}
            }
            previous_names = matches!(field, Field::Author | Field::Other);
            rest = &rest[end..];
        }
        if !consumed_any || !rest.is_empty() {
            // A date followed by something else, or a word of a sentence.
            return None;
        }
    }
    if found.date.is_none() && found.source.is_none() && found.author.is_none() {
        return None;
    }
    found.date_only = fields == 0;
    Some(found)
}

/// Longest source or author value, in characters.
const NAME_VALUE_MAX_CHARS: usize = 24;

fn is_name_value(value: &str) -> bool {
    value.chars().count() <= NAME_VALUE_MAX_CHARS
        && !value.chars().any(|c| {
            matches!(
                c,
                '，' | ',' | '。' | '！' | '!' | '？' | '?' | '；' | ';' | '“' | '”' | '"'
            )
        })
}

/// A date at the very start of `s`, with its length in bytes.
fn date_at_start(s: &str) -> Option<(Date, usize)> {
    find_date(s)
        .filter(|(_, range)| range.start == 0)
        .map(|(d, r)| (d, r.end))
}

/// 08:27, 08:27:11, 8时27分.
fn is_time(s: &str) -> bool {
    let parts: Vec<&str> = s.split([':', '：']).collect();
    let numeric = |p: &&str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    ((2..=3).contains(&parts.len()) && parts.iter().all(numeric))
        || (s.ends_with('分')
            && s.contains('时')
            && s.chars().filter(|c| c.is_ascii_digit()).count() >= 2)
}

/// A bare name after an author or editor field: at most 4 ideographs (names are not checked
/// against the surname list here; the label already said these are people).
fn is_name_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_ideograph)
}

pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2EBEF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_date(text).map(|(d, _)| d.to_string())
    }

    #[test]
    fn reads_the_dates_chinese_pages_print() {
        assert_eq!(
            date("2020-11-26 08:27:11  来源:中工网").as_deref(),
            Some("2020-11-26")
        );
        assert_eq!(
            date("发布时间：2024年05月01日").as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(date("2024年5月1日 星期三").as_deref(), Some("2024-05-01"));
        assert_eq!(date("2024年5月1号").as_deref(), Some("2024-05-01"));
        assert_eq!(date("2024/5/1").as_deref(), Some("2024-05-01"));
        assert_eq!(date("日期 2024.05.01").as_deref(), Some("2024-05-01"));
        assert_eq!(date("二〇二四年五月一日").as_deref(), Some("2024-05-01"));
        assert_eq!(
            date("二○二三年十二月三十一日").as_deref(),
            Some("2023-12-31")
        );
        assert_eq!(
            date("二〇二〇年十一月二十六日").as_deref(),
            Some("2020-11-26")
        );
    }

    #[test]
    fn never_guesses_a_date() {
        for text in [
            "2023-02-30",  // no such day
            "2023-13-01",  // no such month
            "2023年5月",   // no day
            "5月1日",      // no year
            "12023-05-01", // a longer number
            "2023-05-011", // a longer number
            "2023-05/01",  // separators disagree
            "1.2.3",       // a version
            "2024.5.1.3",  // a version
            "3000-01-01",  // not a document's year
            "二〇二四年十三月一日",
            "有幸参加过2015年和2020年的大会",
        ] {
            assert_eq!(date(text), None, "{text}");
        }
    }

    #[test]
    fn reads_dates_in_file_names() {
        let d = |name: &str| file_name_date(name).map(|d| d.to_string());
        assert_eq!(d("2023-05-01_人民日报.txt").as_deref(), Some("2023-05-01"));
        assert_eq!(d("news/20230501.txt").as_deref(), Some("2023-05-01"));
        assert_eq!(d("a_20230501_b.txt").as_deref(), Some("2023-05-01"));
        assert_eq!(d("2023年5月1日讲话.txt").as_deref(), Some("2023-05-01"));
        assert_eq!(d("2023_05_01.txt").as_deref(), Some("2023-05-01"));
        assert_eq!(d("000_4416c66cbc1a965c.txt"), None);
        assert_eq!(d("20231301.txt"), None);
        assert_eq!(d("123456789.txt"), None);
        assert_eq!(d("2023-05-01/a.txt"), None, "only the file's own name");
    }

    #[test]
    fn a_file_time_is_the_local_day() {
        // 2024-05-01T23:30:00Z
        let ms = 1_714_606_200_000.0;
        assert_eq!(file_time_date(ms, 0).unwrap().to_string(), "2024-05-01");
        assert_eq!(
            file_time_date(ms, 8 * 60).unwrap().to_string(),
            "2024-05-02"
        );
        assert_eq!(file_time_date(0.0, 0).unwrap().to_string(), "1970-01-01");
        assert_eq!(
            file_time_date(951_782_400_000.0, 0).unwrap().to_string(),
            "2000-02-29"
        );
        assert_eq!(file_time_date(f64::NAN, 0), None);
    }

    #[test]
    fn user_dates_and_groups() {
        assert_eq!(user_date("2024-05-01").as_deref(), Some("2024-05-01"));
        assert_eq!(user_date(" 2024-05 ").as_deref(), Some("2024-05"));
        assert_eq!(user_date("2024").as_deref(), Some("2024"));
        assert_eq!(user_date("2024-5-1"), None);
        assert_eq!(user_date("2024-02-30"), None);
        assert_eq!(user_date("yesterday"), None);
        assert_eq!(
            normalise_group(" 2023 / 上海/").as_deref(),
            Some("2023/上海")
        );
        assert_eq!(normalise_group(" / "), None);
        assert_eq!(
            path_group("新闻/2023/上海/a.txt").as_deref(),
            Some("新闻/2023/上海")
        );
        assert_eq!(path_group("a.txt"), None);
    }

    #[test]
    fn reads_bylines() {
        let b = byline("2020-11-26 08:27:11 来源:中工网-工人日报").unwrap();
        assert_eq!(b.date.unwrap().to_string(), "2020-11-26");
        assert_eq!(b.source.as_deref(), Some("中工网-工人日报"));
        assert!(!b.date_only);
        let b = byline("发布时间：2024年5月1日 来源：新华社 作者：张三 李四 【字号 大 中 小】")
            .unwrap();
        assert_eq!(b.date.unwrap().to_string(), "2024-05-01");
        assert_eq!(b.source.as_deref(), Some("新华社"));
        assert_eq!(b.author.as_deref(), Some("张三"));
        let b = byline("来源：人民网作者：王五").unwrap();
        assert_eq!(
            (b.source.as_deref(), b.author.as_deref()),
            (Some("人民网"), Some("王五"))
        );
        let b = byline("2024年05月01日").unwrap();
        assert!(b.date_only);
        assert_eq!(byline("文/张三").unwrap().author.as_deref(), Some("张三"));
    }

    #[test]
    fn sentences_are_not_bylines() {
        for line in [
            "来源于群众，服务于群众。",
            "4月28日上午，习近平总书记出席大会。",
            "2020年11月24日，全国劳动模范和先进工作者表彰大会隆重召开。",
            "编辑:迟语洋",
            "作者系全总劳动和经济工作部部长",
            "时间就是生命",
            "大力弘扬劳模精神",
            "记者：资金来源是否有保证？",
            "记者：据了解，1997年全国乡镇企业的亏损面达15％。您认为原因是什么？",
            "来源：这是一个很长很长很长很长很长很长很长很长很长很长很长的说法",
        ] {
            assert_eq!(byline(line), None, "{line}");
        }
    }
}
