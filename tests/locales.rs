//! Every error the core can report has its templates in both locale files, and the templates
//! name only params the error carries: the page renders errors from these files by code
//! (`error.<code>`, `fileKind.<code>`), so a missing key or a misnamed placeholder would show
//! a user a broken message.

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use wenxi::{Error, FileKind};

/// One error of every variant (no wildcard: a new variant does not compile until it has one).
fn one_of_each() -> Vec<Error> {
    let samples = vec![
        Error::Empty {
            name: "a.txt".into(),
        },
        Error::Blank {
            name: "a.txt".into(),
        },
        Error::NotText {
            name: "a.txt".into(),
            kind: FileKind::Png,
        },
        Error::Binary {
            name: "a.txt".into(),
        },
        Error::UnknownEncoding {
            name: "a.txt".into(),
        },
        Error::TooLarge {
            name: "a.txt".into(),
            bytes: 150_000_000,
            limit: 100_000_000,
        },
        Error::NoSuchDocument { id: 7 },
        Error::BadUserWord {
            word: "劳模 精神".into(),
        },
        Error::BadOption {
            option: "width",
            value: "900".into(),
        },
        Error::BadOptions {
            reason: "unknown field `nope`".into(),
        },
        Error::BadDictionary {
            reason: "cut short".into(),
        },
        Error::BadDataFile {
            file: "wenxi.wxs",
            reason: "cut short".into(),
        },
    ];
    let mut seen = BTreeSet::new();
    for error in &samples {
        seen.insert(match error {
            Error::Empty { .. } => 0,
            Error::Blank { .. } => 1,
            Error::NotText { .. } => 2,
            Error::Binary { .. } => 3,
            Error::UnknownEncoding { .. } => 4,
            Error::TooLarge { .. } => 5,
            Error::NoSuchDocument { .. } => 6,
            Error::BadUserWord { .. } => 7,
            Error::BadOption { .. } => 8,
            Error::BadOptions { .. } => 9,
            Error::BadDictionary { .. } => 10,
            Error::BadDataFile { .. } => 11,
        });
    }
    assert_eq!(seen.len(), 12, "a sample of every variant");
    samples
}

fn locale(language: &str) -> Map<String, Value> {
    let path = format!("{}/www/locales/{language}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{path} is not a JSON object: {other:?}"),
    }
}

/// The `{name}` placeholders of a template.
fn placeholders(template: &str) -> BTreeSet<String> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

fn template<'a>(locale: &'a Map<String, Value>, language: &str, key: &str) -> &'a str {
    match locale.get(key) {
        Some(Value::String(template)) => template,
        other => panic!("www/locales/{language}.json has no string {key:?} ({other:?})"),
    }
}

#[test]
fn every_error_has_a_template_in_both_languages_using_only_its_params() {
    for language in ["zh", "en"] {
        let locale = locale(language);
        for error in one_of_each() {
            let payload = serde_json::to_value(error.payload()).unwrap();
            assert_eq!(payload["code"], error.code(), "{error:?}: the code JS gets");
            let params = payload["params"].as_object().expect("params are an object");
            for value in params.values() {
                assert!(
                    value.is_string() || value.is_number(),
                    "{error:?}: params are strings and numbers"
                );
            }
            let key = format!("error.{}", error.code());
            for name in placeholders(template(&locale, language, &key)) {
                assert!(
                    params.contains_key(&name),
                    "{language}.json {key} names {{{name}}}, which {} does not carry (it has {:?})",
                    error.code(),
                    params.keys().collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn every_file_kind_has_a_name_in_both_languages() {
    for language in ["zh", "en"] {
        let locale = locale(language);
        for kind in FileKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                kind.code(),
                "{kind:?}: the code JS gets"
            );
            let name = template(&locale, language, &format!("fileKind.{}", kind.code()));
            // The page's names are the message's: what the command line says, the page says.
            let (zh, en) = kind.names();
            assert_eq!(name, if language == "zh" { zh } else { en }, "{kind:?}");
        }
    }
}

#[test]
fn a_file_kind_param_is_a_file_kind_code() {
    let error = Error::NotText {
        name: "a.txt".into(),
        kind: FileKind::SevenZip,
    };
    let payload = serde_json::to_value(error.payload()).unwrap();
    assert_eq!(
        payload,
        serde_json::json!({"code": "not_text", "params": {"name": "a.txt", "kind": "7z"}})
    );
}
