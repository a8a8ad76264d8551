//! Trends (Voyant's Trends): the relative frequency of terms per document in date order, or
//! binned by day, month, year or group; and dispersion (AntConc's Plot): where in each document
//! a term occurs. Both count what the documents' views count, and never re-segment.

use crate::concordance::TermMatch;
use crate::corpus::{DocView, Vocabulary};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Most terms one trends request takes.
pub const MAX_TERMS: usize = 50;

/// What a trend's points are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum TrendBy {
    Document,
    Day,
    Month,
    Year,
    Group,
}

/// How documents are ordered when each is its own point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DocumentOrder {
    /// Dated documents by date, then the undated ones by name (so: by name when none is dated).
    Date,
    Name,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TrendOptions {
    /// Document ids to include; `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub by: TrendBy,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub order: DocumentOrder,
    /// By group: cut groups to their first N levels ("2023/上海" at 1 is "2023"). `None` = whole.
    #[cfg_attr(test, ts(optional = nullable))]
    pub group_depth: Option<u32>,
}

impl Default for TrendOptions {
    fn default() -> Self {
        TrendOptions {
            documents: None,
            by: TrendBy::Document,
            order: DocumentOrder::Date,
            group_depth: None,
        }
    }
}

/// One point of every series: a document, a day, a month, a year or a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrendBin {
    /// The document's id, "2024-05-01", "2024-05", "2024", or the group.
    pub key: String,
    /// The document's title, else the key.
    pub label: String,
    /// The documents in the bin (their contexts are what a click on the point shows).
    pub documents: Vec<u32>,
    /// Counted words in the bin: tokens that are neither whitespace nor punctuation.
    pub words: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrendSeries {
    pub term: String,
    /// Occurrences in each bin.
    pub counts: Vec<u32>,
    /// Occurrences per 10,000 words of each bin.
    pub per_ten_thousand: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    pub by: TrendBy,
    pub terms: Vec<String>,
    pub bins: Vec<TrendBin>,
    /// One per term, aligned with `bins`.
    pub series: Vec<TrendSeries>,
    /// Selected documents in no bin: undated (or dated more coarsely than the bins), no group.
    pub unbinned: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct DispersionOptions {
    /// Document ids to include; `None` = all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub order: DocumentOrder,
}

impl Default for DispersionOptions {
    fn default() -> Self {
        DispersionOptions {
            documents: None,
            order: DocumentOrder::Date,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DispersionDocument {
    pub id: u32,
    pub name: String,
    pub title: String,
    /// Length of the cleaned text in characters.
    pub chars: u32,
    /// Character offset of each counted occurrence in the cleaned text.
    pub offsets: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Dispersion {
    pub term: String,
    pub total: u32,
    /// Every selected document, hits or not.
    pub documents: Vec<DispersionDocument>,
}

/// Counted words of a document: tokens that are neither whitespace nor punctuation.
fn words(view: &DocView, vocab: &Vocabulary) -> u64 {
    view.counts()
        .iter()
        .filter(|&&(w, _)| {
            let kind = vocab.kind(w);
            !kind.space && !kind.punctuation
        })
        .map(|&(_, n)| u64::from(n))
        .sum()
}

/// Indices of `views` in `order`.
fn ordered(views: &[DocView], order: DocumentOrder) -> Vec<usize> {
    let doc = |i: u32| views[i as usize].doc;
    let sorted = crate::order::order(views.len(), &|x, y| {
        let by_name = (&doc(x).name, doc(x).id) < (&doc(y).name, doc(y).id);
        match order {
            DocumentOrder::Name => by_name,
            DocumentOrder::Date => match (&doc(x).meta.date, &doc(y).meta.date) {
                (Some(a), Some(b)) if a != b => a < b,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                _ => by_name,
            },
        }
    });
    sorted.into_iter().map(|i| i as usize).collect()
}

/// The terms as asked: trimmed, empty ones and repeats dropped.
fn clean_terms(terms: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for term in terms.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !out.iter().any(|t| t == term) {
            out.push(term.to_string());
        }
    }
    if out.len() > MAX_TERMS {
        return Err(Error::BadOption {
            option: "terms",
            value: out.len().to_string(),
        });
    }
    Ok(out)
}

/// The relative frequency of `terms` in `views`, per document or per bin.
pub fn trends(
    views: &[DocView],
    vocab: &Vocabulary,
    terms: &[String],
    options: &TrendOptions,
) -> Result<Trends> {
    let terms = clean_terms(terms)?;
    // (key, label, indices of views), in order.
    let mut bins: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut unbinned = Vec::new();
    match options.by {
        TrendBy::Document => {
            for i in ordered(views, options.order) {
                let doc = views[i].doc;
                let label = if doc.title.is_empty() {
                    doc.name.clone()
                } else {
                    doc.title.clone()
                };
                bins.push((doc.id.to_string(), label, vec![i]));
            }
        }
        by => {
            let mut keyed: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
            for i in ordered(views, DocumentOrder::Date) {
                let doc = views[i].doc;
                let keys: Vec<String> = match by {
                    TrendBy::Group => {
                        let mut keys: Vec<String> = doc
                            .meta
                            .groups
                            .iter()
                            .map(|g| match options.group_depth {
                                Some(depth) => g
                                    .split('/')
                                    .take(depth.max(1) as usize)
                                    .collect::<Vec<_>>()
                                    .join("/"),
                                None => g.clone(),
                            })
                            .collect();
                        keys.sort();
                        keys.dedup();
                        keys
                    }
                    _ => {
                        let len = match by {
                            TrendBy::Day => 10,
                            TrendBy::Month => 7,
                            _ => 4,
                        };
                        doc.meta
                            .date
                            .as_deref()
                            .filter(|d| d.len() >= len)
                            .map(|d| vec![d[..len].to_string()])
                            .unwrap_or_default()
                    }
                };
                if keys.is_empty() {
                    unbinned.push(doc.id);
                }
                for key in keys {
                    keyed.entry(key).or_default().push(i);
                }
            }
            let mut keys: Vec<String> = keyed.keys().cloned().collect();
            keys.sort();
            bins = keys
                .into_iter()
                .map(|key| {
                    let members = keyed.remove(&key).unwrap_or_default();
                    (key.clone(), key, members)
                })
                .collect();
        }
    }
    let doc_words: Vec<u64> = views.iter().map(|v| words(v, vocab)).collect();
    let series = terms
        .iter()
        .map(|term| {
            let how = TermMatch::of(views, vocab, term, &[]);
            let per_doc: Vec<u32> = views.iter().map(|v| how.count(v, vocab)).collect();
            let counts: Vec<u32> = bins
                .iter()
                .map(|(_, _, members)| members.iter().map(|&i| per_doc[i]).sum())
                .collect();
            let per_ten_thousand = bins
                .iter()
                .zip(&counts)
                .map(|((_, _, members), &count)| {
                    let words: u64 = members.iter().map(|&i| doc_words[i]).sum();
                    if words == 0 {
                        0.0
                    } else {
                        f64::from(count) * 10_000.0 / words as f64
                    }
                })
                .collect();
            TrendSeries {
                term: term.clone(),
                counts,
                per_ten_thousand,
            }
        })
        .collect();
    Ok(Trends {
        by: options.by,
        terms,
        bins: bins
            .into_iter()
            .map(|(key, label, members)| TrendBin {
                key,
                label,
                words: members.iter().map(|&i| doc_words[i]).sum(),
                documents: members.iter().map(|&i| views[i].doc.id).collect(),
            })
            .collect(),
        series,
        unbinned,
    })
}

/// Where `term` occurs in each document of `views`.
pub fn dispersion(
    views: &[DocView],
    vocab: &Vocabulary,
    term: &str,
    options: &DispersionOptions,
) -> Dispersion {
    let term = term.trim();
    let how = TermMatch::of(views, vocab, term, &[]);
    let documents: Vec<DispersionDocument> = ordered(views, options.order)
        .into_iter()
        .map(|i| {
            let view = &views[i];
            let text = &view.doc.text;
            let (mut byte, mut chars) = (0usize, 0u32);
            let offsets = how
                .occurrences(view, vocab)
                .into_iter()
                .map(|r| r.start)
                .map(|at| {
                    chars += text[byte..at].chars().count() as u32;
                    byte = at;
                    chars
                })
                .collect();
            DispersionDocument {
                id: view.doc.id,
                name: view.doc.name.clone(),
                title: view.doc.title.clone(),
                chars: view.doc.chars,
                offsets,
            }
        })
        .collect();
    Dispersion {
        term: term.to_string(),
        total: documents.iter().map(|d| d.offsets.len() as u32).sum(),
        documents,
    }
}
