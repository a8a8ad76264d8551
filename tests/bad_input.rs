//! Every kind of bad input gets the exact message a user reads, and leaves the
//! corpus as it was.

// Native only: they need the dictionary compiled into native builds (`Analyzer::new`).
#![cfg(not(target_arch = "wasm32"))]

use wenxi::{Analyzer, Error};

fn with_one_document() -> Analyzer {
    let mut analyzer = Analyzer::new();
    analyzer
        .add_text(
            "good.txt",
            "大力弘扬劳模精神、劳动精神、工匠精神。",
            &mut |_| {},
        )
        .unwrap();
    analyzer
}

fn refused(name: &str, bytes: &[u8]) -> String {
    let mut analyzer = with_one_document();
    let before = analyzer.documents();
    let err = analyzer.add_document(name, bytes, &mut |_| {}).unwrap_err();
    assert_eq!(analyzer.documents(), before, "{name}: the corpus changed");
    err.to_string()
}

#[test]
fn binary_files_are_refused_by_name() {
    assert_eq!(
        refused("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "「photo.txt」不是文本文件（看起来是 PNG 图片）。 / \"photo.txt\" is not a text file (it looks like a PNG image)."
    );
    assert_eq!(
        refused("report.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
        "「report.txt」不是文本文件（看起来是 PDF 文档）。 / \"report.txt\" is not a text file (it looks like a PDF document)."
    );
    assert_eq!(
        refused("archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0"),
        "「archive.txt」不是文本文件（看起来是 ZIP 压缩包或 Office 文档）。 / \"archive.txt\" is not a text file (it looks like a ZIP archive or Office document)."
    );
    let controls: Vec<u8> = (0..2000u32).map(|i| (i % 9) as u8).collect();
    assert_eq!(
        refused("data.txt", &controls),
        "「data.txt」不是文本文件（含有二进制数据）。 / \"data.txt\" is not a text file (it contains binary data)."
    );
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert_eq!(
        refused("empty.txt", b""),
        "「empty.txt」是空文件。 / \"empty.txt\" is empty."
    );
    assert_eq!(
        refused("blank.txt", " \r\n\t\u{3000}\n".as_bytes()),
        "「blank.txt」只有空白，没有文字。 / \"blank.txt\" contains only whitespace."
    );
}

#[test]
fn too_large_files_are_refused_up_front() {
    let mut analyzer = with_one_document();
    let big = vec![b'a'; wenxi::MAX_DOCUMENT_BYTES as usize + 1];
    let err = analyzer
        .add_document("big.txt", &big, &mut |_| {})
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "「big.txt」太大（100 MB），上限为 100 MB。 / \"big.txt\" is too large (100 MB); the limit is 100 MB."
    );
    assert_eq!(analyzer.documents().len(), 1);
}

#[test]
fn bad_user_words_and_unknown_documents_are_refused() {
    let mut analyzer = with_one_document();
    let before = analyzer.documents();
    let err = analyzer
        .set_user_words(&["劳模精神".into(), "".into()])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "「」不能作为词（不能为空、含空白或超过 20 个字）。 / \"\" cannot be a word (it must be non-empty, without spaces, at most 20 characters)."
    );
    assert!(
        analyzer.user_words().is_empty(),
        "a refused list must not half-apply"
    );
    assert_eq!(analyzer.documents(), before);
    assert_eq!(
        analyzer.segment(99).unwrap_err(),
        Error::NoSuchDocument { id: 99 }
    );
    assert_eq!(
        analyzer.segment(99).unwrap_err().to_string(),
        "没有编号为 99 的文档。 / There is no document with id 99."
    );
}

#[test]
fn other_encodings_are_read_and_named() {
    let mut analyzer = Analyzer::new();
    let text = "工会组织要团结引导广大职工听党话、跟党走，大力弘扬劳模精神。";
    let gbk = encoding_rs::GBK.encode(text).0;
    let info = analyzer.add_document("gbk.txt", &gbk, &mut |_| {}).unwrap();
    assert_eq!(info.encoding, "GBK");
    let analysis = analyzer.analyze(&Default::default()).unwrap();
    assert!(analysis.terms.iter().any(|t| t.term == "劳模"));
}
