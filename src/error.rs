//! One error type for everything a user can get wrong. Every error has a stable snake_case
//! code and flat params ([`Error::code`], [`Error::payload`]): the page renders its message
//! from them with the templates of `www/locales/*.json` (keys `error.<code>`, and
//! `fileKind.<code>` for the kind of a file that is not text). `Display` is the sentence the
//! command line prints: Chinese first, then English.

use serde::Serialize;
use std::fmt;

/// Why a file or a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file has no bytes at all.
    Empty { name: String },
    /// The file decodes to nothing but whitespace.
    Blank { name: String },
    /// The bytes are a kind of file we recognise, and it is not text.
    NotText { name: String, kind: FileKind },
    /// The bytes are not text, and of no kind we recognise.
    Binary { name: String },
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
    /// An options object that could not be read at all (the binding's deserialisation);
    /// `reason` is serde's.
    BadOptions { reason: String },
    /// The dictionary file (`wenxi.wxd`) is damaged or not one; `reason` says what is wrong.
    BadDictionary { reason: String },
    /// Another data file (`wenxi.wxs`, the script tables; `wenxi.wxp`, the part-of-speech
    /// model) is damaged or not one.
    BadDataFile { file: &'static str, reason: String },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable code: the page's locale key is `error.<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty",
            Error::Blank { .. } => "blank",
            Error::NotText { .. } => "not_text",
            Error::Binary { .. } => "binary",
            Error::UnknownEncoding { .. } => "unknown_encoding",
            Error::TooLarge { .. } => "too_large",
            Error::NoSuchDocument { .. } => "no_such_document",
            Error::BadUserWord { .. } => "bad_user_word",
            Error::BadOption { .. } => "bad_option",
            Error::BadOptions { .. } => "bad_options",
            Error::BadDictionary { .. } => "bad_dictionary",
            Error::BadDataFile { .. } => "bad_data_file",
        }
    }

    /// The code and params as they cross to JS.
    pub fn payload(&self) -> ErrorPayload {
        match self.clone() {
            Error::Empty { name } => ErrorPayload::Empty { name },
            Error::Blank { name } => ErrorPayload::Blank { name },
            Error::NotText { name, kind } => ErrorPayload::NotText { name, kind },
            Error::Binary { name } => ErrorPayload::Binary { name },
            Error::UnknownEncoding { name } => ErrorPayload::UnknownEncoding { name },
            Error::TooLarge { name, bytes, limit } => ErrorPayload::TooLarge {
                name,
                size: mb(bytes),
                limit: mb(limit),
                bytes,
                limit_bytes: limit,
            },
            Error::NoSuchDocument { id } => ErrorPayload::NoSuchDocument { id },
            Error::BadUserWord { word } => ErrorPayload::BadUserWord { word },
            Error::BadOption { option, value } => ErrorPayload::BadOption {
                option: option.to_string(),
                value,
            },
            Error::BadOptions { reason } => ErrorPayload::BadOptions { reason },
            Error::BadDictionary { reason } => ErrorPayload::BadDictionary { reason },
            Error::BadDataFile { file, reason } => ErrorPayload::BadDataFile {
                file: file.to_string(),
                reason,
            },
        }
    }
}

/// An error as the page receives it: `{code, params}`, params named as the locale templates
/// name their placeholders. Sizes come twice: in MB as the message shows them (`size`,
/// `limit`: "150", "2.5") and in bytes (`bytes`, `limitBytes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
pub enum ErrorPayload {
    Empty {
        name: String,
    },
    Blank {
        name: String,
    },
    NotText {
        name: String,
        kind: FileKind,
    },
    Binary {
        name: String,
    },
    UnknownEncoding {
        name: String,
    },
    TooLarge {
        name: String,
        size: String,
        limit: String,
        bytes: u64,
        #[serde(rename = "limitBytes")]
        limit_bytes: u64,
    },
    NoSuchDocument {
        id: u32,
    },
    BadUserWord {
        word: String,
    },
    BadOption {
        option: String,
        value: String,
    },
    BadOptions {
        reason: String,
    },
    BadDictionary {
        reason: String,
    },
    BadDataFile {
        file: String,
        reason: String,
    },
}

/// What a file that is not text looks like, by its magic number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// ZIP, which is also what .docx, .xlsx and .pptx are.
    ZipOrOffice,
    /// An empty ZIP archive.
    Zip,
    Gzip,
    #[serde(rename = "7z")]
    SevenZip,
    Rar,
    /// .doc, .xls, .ppt (OLE compound files).
    OldOffice,
    Elf,
    Exe,
    Sqlite,
    Mp3,
    Mp4,
    Wasm,
}

impl FileKind {
    /// Every kind, in the order of the locale files.
    pub const ALL: [FileKind; 17] = [
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
        FileKind::Pdf,
        FileKind::ZipOrOffice,
        FileKind::Zip,
        FileKind::Gzip,
        FileKind::SevenZip,
        FileKind::Rar,
        FileKind::OldOffice,
        FileKind::Elf,
        FileKind::Exe,
        FileKind::Sqlite,
        FileKind::Mp3,
        FileKind::Mp4,
        FileKind::Wasm,
    ];

    /// The stable code: the page's locale key is `fileKind.<code>`.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Jpeg => "jpeg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Pdf => "pdf",
            FileKind::ZipOrOffice => "zip_or_office",
            FileKind::Zip => "zip",
            FileKind::Gzip => "gzip",
            FileKind::SevenZip => "7z",
            FileKind::Rar => "rar",
            FileKind::OldOffice => "old_office",
            FileKind::Elf => "elf",
            FileKind::Exe => "exe",
            FileKind::Sqlite => "sqlite",
            FileKind::Mp3 => "mp3",
            FileKind::Mp4 => "mp4",
            FileKind::Wasm => "wasm",
        }
    }

    /// What the file is, in Chinese and in English, as the messages say it.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            FileKind::Png => ("PNG 图片", "a PNG image"),
            FileKind::Jpeg => ("JPEG 图片", "a JPEG image"),
            FileKind::Gif => ("GIF 图片", "a GIF image"),
            FileKind::Webp => ("WebP 图片", "a WebP image"),
            FileKind::Pdf => ("PDF 文档", "a PDF document"),
            FileKind::ZipOrOffice => (
                "ZIP 压缩包或 Office 文档",
                "a ZIP archive or Office document",
            ),
            FileKind::Zip => ("ZIP 压缩包", "a ZIP archive"),
            FileKind::Gzip => ("GZIP 压缩包", "a GZIP archive"),
            FileKind::SevenZip => ("7z 压缩包", "a 7z archive"),
            FileKind::Rar => ("RAR 压缩包", "a RAR archive"),
            FileKind::OldOffice => ("旧版 Office 文档", "an old Office document"),
            FileKind::Elf => ("可执行程序", "a program"),
            FileKind::Exe => ("Windows 程序", "a Windows program"),
            FileKind::Sqlite => ("SQLite 数据库", "an SQLite database"),
            FileKind::Mp3 => ("MP3 音频", "an MP3 audio file"),
            FileKind::Mp4 => ("MP4 视频", "an MP4 video"),
            FileKind::Wasm => ("WebAssembly 模块", "a WebAssembly module"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty { name } => write!(f, "「{name}」是空文件。 / \"{name}\" is empty."),
            Error::Blank { name } => {
                write!(f, "「{name}」只有空白，没有文字。 / \"{name}\" contains only whitespace.")
            }
            Error::NotText { name, kind } => {
                let (zh, en) = kind.names();
                write!(
                    f,
                    "「{name}」不是文本文件（看起来是 {zh}）。 / \"{name}\" is not a text file (it looks like {en})."
                )
            }
            Error::Binary { name } => write!(
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
            Error::BadOptions { reason } => {
                write!(f, "选项无效：{reason} / Invalid options: {reason}")
            }
            Error::BadDictionary { reason } => write!(
                f,
                "词典文件（wenxi.wxd）已损坏或不是文析的词典（{reason}）。 / The dictionary file (wenxi.wxd) is damaged or not a Wenxi dictionary: {reason}."
            ),
            Error::BadDataFile { file, reason } => write!(
                f,
                "数据文件（{file}）已损坏或不是文析的数据（{reason}）。 / The data file ({file}) is damaged or not Wenxi's: {reason}."
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Megabytes as the messages show them: whole from 10 MB up, else one decimal.
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
            kind: FileKind::Png,
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

    #[test]
    fn too_large_gives_sizes_in_mb_and_in_bytes() {
        let e = Error::TooLarge {
            name: "big.txt".into(),
            bytes: 2_500_000,
            limit: 100_000_000,
        };
        assert_eq!(
            e.payload(),
            ErrorPayload::TooLarge {
                name: "big.txt".into(),
                size: "2.5".into(),
                limit: "100".into(),
                bytes: 2_500_000,
                limit_bytes: 100_000_000,
            }
        );
    }

    #[test]
    fn every_file_kind_is_listed_once() {
        for (i, kind) in FileKind::ALL.iter().enumerate() {
            // No wildcard: a new kind does not compile here until it has its place in ALL.
            let place = match kind {
                FileKind::Png => 0,
                FileKind::Jpeg => 1,
                FileKind::Gif => 2,
                FileKind::Webp => 3,
                FileKind::Pdf => 4,
                FileKind::ZipOrOffice => 5,
                FileKind::Zip => 6,
                FileKind::Gzip => 7,
                FileKind::SevenZip => 8,
                FileKind::Rar => 9,
                FileKind::OldOffice => 10,
                FileKind::Elf => 11,
                FileKind::Exe => 12,
                FileKind::Sqlite => 13,
                FileKind::Mp3 => 14,
                FileKind::Mp4 => 15,
                FileKind::Wasm => 16,
            };
            assert_eq!(place, i, "{kind:?}");
        }
    }
}
