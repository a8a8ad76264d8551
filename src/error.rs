//! One error type for everything a user can get wrong. Each message is the
//! sentence the page and the command line show: Chinese first, then English.

use std::fmt;

/// Why a file or a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file has no bytes at all.
    Empty { name: String },
    /// The file decodes to nothing but whitespace.
    Blank { name: String },
    /// The bytes are not text; `kind` names what they look like, if known (e.g. "PNG 图片 / a PNG image").
    NotText {
        name: String,
        kind: Option<&'static str>,
    },
    /// The bytes are text in no encoding we can read without losing much of it.
    UnknownEncoding { name: String },
    /// The file is larger than the limit a browser tab can safely hold.
    TooLarge {
        name: String,
        bytes: u64,
        limit: u64,
    },
    /// A document id that is not (or no longer) in the corpus.
    NoSuchDocument { id: u32 },
    /// A user word that cannot be a word (empty, whitespace, too long).
    BadUserWord { word: String },
    /// An option with a value outside what it accepts.
    BadOption { option: &'static str, value: String },
    /// The dictionary file (`wenxi.wxd`) is damaged or not one; `reason` says what is wrong.
    BadDictionary { reason: String },
    /// A word cloud's mask picture has no pixel dark or opaque enough at this threshold.
    EmptyMask { threshold: u8 },
    /// The word cloud could not draw glyphs (the browser refused its canvas); `reason` is why.
    Rasterizer { reason: String },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty { name } => write!(f, "「{name}」是空文件。 / \"{name}\" is empty."),
            Error::Blank { name } => {
                write!(f, "「{name}」只有空白，没有文字。 / \"{name}\" contains only whitespace.")
            }
            Error::NotText { name, kind: Some(kind) } => {
                let (zh, en) = kind.split_once(" / ").unwrap_or((kind, kind));
                write!(
                    f,
                    "「{name}」不是文本文件（看起来是 {zh}）。 / \"{name}\" is not a text file (it looks like {en})."
                )
            }
            Error::NotText { name, kind: None } => write!(
                f,
                "「{name}」不是文本文件（含有二进制数据）。 / \"{name}\" is not a text file (it contains binary data)."
            ),
            Error::UnknownEncoding { name } => write!(
                f,
                "无法识别「{name}」的编码（支持 UTF-8、UTF-16、GB18030/GBK、Big5）。 / Cannot tell the encoding of \"{name}\" (supported: UTF-8, UTF-16, GB18030/GBK, Big5)."
            ),
            Error::TooLarge { name, bytes, limit } => write!(
                f,
                "「{name}」太大（{} MB），上限为 {} MB。 / \"{name}\" is too large ({} MB); the limit is {} MB.",
                mb(*bytes),
                mb(*limit),
                mb(*bytes),
                mb(*limit)
            ),
            Error::NoSuchDocument { id } => {
                write!(f, "没有编号为 {id} 的文档。 / There is no document with id {id}.")
            }
            Error::BadUserWord { word } => write!(
                f,
                "「{word}」不能作为词（不能为空、含空白或超过 20 个字）。 / \"{word}\" cannot be a word (it must be non-empty, without spaces, at most 20 characters)."
            ),
            Error::BadOption { option, value } => {
                write!(f, "选项 {option} 的值「{value}」无效。 / Invalid value \"{value}\" for option {option}.")
            }
            Error::BadDictionary { reason } => write!(
                f,
                "词典文件（wenxi.wxd）已损坏或不是文析的词典（{reason}）。 / The dictionary file (wenxi.wxd) is damaged or not a Wenxi dictionary: {reason}."
            ),
            Error::EmptyMask { threshold } => write!(
                f,
                "图片中没有足够深或不透明的像素可作词云的形状（阈值 {threshold}）。 / The picture has no pixel dark or opaque enough to shape the cloud (threshold {threshold})."
            ),
            Error::Rasterizer { reason } => {
                write!(f, "无法绘制词云的字形（{reason}）。 / Cannot draw the cloud's glyphs: {reason}.")
            }
        }
    }
}

impl std::error::Error for Error {}

fn mb(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    if mb >= 10.0 {
        format!("{mb:.0}")
    } else {
        format!("{mb:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_in_both_languages() {
        let e = Error::NotText {
            name: "a.txt".into(),
            kind: Some("PNG 图片 / a PNG image"),
        };
        assert_eq!(
            e.to_string(),
            "「a.txt」不是文本文件（看起来是 PNG 图片）。 / \"a.txt\" is not a text file (it looks like a PNG image)."
        );
        let e = Error::TooLarge {
            name: "big.txt".into(),
            bytes: 150_000_000,
            limit: 100_000_000,
        };
        assert_eq!(
            e.to_string(),
            "「big.txt」太大（150 MB），上限为 100 MB。 / \"big.txt\" is too large (150 MB); the limit is 100 MB."
        );
    }
}
