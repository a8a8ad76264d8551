//! What the word cloud needs to colour its words by document group and by keyness: for each
//! word, the group of documents where it is relatively most frequent, and how distinctive it
//! is of the analysed selection (G², as [`crate::compare`] computes keyness) against a
//! reference — other documents, or jieba's dictionary frequencies as general Chinese when the
//! selection is the whole corpus.

use crate::compare::key_scores;
use crate::corpus::Merge;
use crate::filter::FilterOptions;
use serde::{Deserialize, Serialize};

/// Options of [`crate::Analyzer::colour_data`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ColourDataOptions {
    /// The analysed selection. `None` = every document.
    #[cfg_attr(test, ts(optional = nullable))]
    pub documents: Option<Vec<u32>>,
    /// The reference of keyness (the selection's documents taken out). `None` = the documents
    /// not selected, or jieba's dictionary when every document is selected.
    #[cfg_attr(test, ts(optional = nullable))]
    pub reference: Option<Vec<u32>>,
    /// As in [`crate::AnalysisOptions`].
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub filter: FilterOptions,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub merges: Vec<Merge>,
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub separate_pos: bool,
}

/// What the documents are grouped by: their groups (the first level of each, "2023/上海" is
/// "2023"), or, when no selected document has a group, their source (来源).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum GroupBy {
    Group,
    Source,
}

/// What keyness compares the selection with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum KeynessReference {
    /// The documents asked for as the reference.
    Documents,
    /// The documents not in the selection.
    Rest,
    /// jieba's dictionary frequencies (general Chinese).
    Dictionary,
}

/// One group of the selected documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ColourGroup {
    /// The group or the source; "" for the documents that have none.
    pub name: String,
    pub documents: u32,
    pub term_tokens: u64,
}

/// One word's data; `None` where there is none (a word not in the selection, a merged form).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TermColour {
    pub term: String,
    /// Index in [`ColourData::groups`] of the group where the word is relatively most frequent.
    pub group: Option<u32>,
    /// G² against the reference: positive when over-used in the selection.
    pub llr: Option<f64>,
    pub log_ratio: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ColourData {
    pub group_by: GroupBy,
    /// In order of size (term tokens), the largest first; ties by name.
    pub groups: Vec<ColourGroup>,
    pub reference: KeynessReference,
    pub target_tokens: u64,
    pub reference_tokens: u64,
    /// In the order asked for.
    pub terms: Vec<TermColour>,
}

/// The index of the group where a word is relatively most frequent, given its frequency and
/// the group's term tokens for each group; the first of equals; `None` when it occurs in none.
pub fn strongest_group(freqs: impl IntoIterator<Item = (u32, u64)>) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    for (i, (freq, tokens)) in freqs.into_iter().enumerate() {
        if freq == 0 || tokens == 0 {
            continue;
        }
        let share = f64::from(freq) / tokens as f64;
        if best.is_none_or(|(_, b)| share > b) {
            best = Some((i as u32, share));
        }
    }
    best.map(|(i, _)| i)
}

/// G² and log ratio of a word seen `freq` times in `target_tokens` against `reference_freq`
/// in `reference_tokens`; `None` when either side is empty.
pub fn term_keyness(
    freq: u32,
    target_tokens: u64,
    reference_freq: u64,
    reference_tokens: u64,
) -> Option<(f64, f64)> {
    (target_tokens > 0 && reference_tokens > 0).then(|| {
        key_scores(
            f64::from(freq),
            reference_freq as f64,
            target_tokens as f64,
            reference_tokens as f64,
        )
    })
}

/// The documents' group names by which they are coloured: each document's groups' first
/// levels (a document may be in several), or its source when no document has a group; "" for
/// a document with neither.
pub fn group_names<'a>(
    documents: impl IntoIterator<Item = (&'a [String], Option<&'a str>)> + Clone,
) -> (GroupBy, Vec<Vec<String>>) {
    let any_group = documents.clone().into_iter().any(|(g, _)| !g.is_empty());
    let names = documents
        .into_iter()
        .map(|(groups, source)| {
            if !any_group {
                return vec![source.unwrap_or("").to_string()];
            }
            if groups.is_empty() {
                return vec![String::new()];
            }
            let mut top: Vec<String> = groups
                .iter()
                .map(|g| g.split('/').next().unwrap_or("").to_string())
                .collect();
            top.dedup(); // groups are sorted, so a group's subgroups are neighbours
            top
        })
        .collect();
    let by = if any_group {
        GroupBy::Group
    } else {
        GroupBy::Source
    };
    (by, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_group_is_by_share_not_count() {
        // 10 of 1,000 (1 %) against 5 of 100 (5 %): the second.
        assert_eq!(strongest_group([(10, 1000), (5, 100)]), Some(1));
        assert_eq!(strongest_group([(5, 100), (5, 100)]), Some(0));
        assert_eq!(strongest_group([(0, 100), (0, 0)]), None);
        assert_eq!(strongest_group([]), None);
    }

    #[test]
    fn term_keyness_needs_both_sides() {
        assert_eq!(term_keyness(3, 0, 1, 10), None);
        assert_eq!(term_keyness(3, 10, 1, 0), None);
        let (llr, ratio) = term_keyness(30, 100, 10, 1000).unwrap();
        assert!(llr > 0.0 && ratio > 0.0);
    }

    #[test]
    fn groups_by_first_level_else_by_source() {
        let a = ["2023/上海".to_string(), "2023/北京".to_string()];
        let none: Vec<String> = Vec::new();
        let (by, names) = group_names([(&a[..], Some("新华社")), (&none[..], None)]);
        assert_eq!(by, GroupBy::Group);
        assert_eq!(names, vec![vec!["2023".to_string()], vec![String::new()]]);
        let (by, names) = group_names([(&none[..], Some("新华社")), (&none[..], None)]);
        assert_eq!(by, GroupBy::Source);
        assert_eq!(names, vec![vec!["新华社".to_string()], vec![String::new()]]);
    }
}
