//! The commands over a corpus's structure: `documents` (metadata, lines set aside), `trends`,
//! `reuse` and `compare`. Documents are named by their file name as given (the page's ids mean
//! nothing on the command line).

use clap::ValueEnum;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use wenxi::{
    AnalysisOptions, Analyzer, DocumentInfo, DocumentOrder, KeynessOptions, PassageOptions,
    ReuseOptions, TrendBy, TrendOptions,
};

#[derive(Clone, Copy, ValueEnum)]
pub enum ByArg {
    /// Each document (in date order, or --order name).
    Doc,
    Day,
    Month,
    Year,
    Group,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OrderArg {
    Date,
    Name,
}

/// `TERM… PATHS`: the trailing arguments that exist on disk are the paths.
pub fn split_terms(args: &[String]) -> (Vec<String>, Vec<PathBuf>) {
    let paths = args
        .iter()
        .rev()
        .take_while(|a| Path::new(a).exists())
        .count()
        .min(args.len().saturating_sub(1)); // at least one term
    let (terms, paths) = args.split_at(args.len() - paths);
    (terms.to_vec(), paths.iter().map(PathBuf::from).collect())
}

pub fn trend_options(by: ByArg, order: OrderArg, group_depth: Option<u32>) -> TrendOptions {
    TrendOptions {
        by: match by {
            ByArg::Doc => TrendBy::Document,
            ByArg::Day => TrendBy::Day,
            ByArg::Month => TrendBy::Month,
            ByArg::Year => TrendBy::Year,
            ByArg::Group => TrendBy::Group,
        },
        order: match order {
            OrderArg::Date => DocumentOrder::Date,
            OrderArg::Name => DocumentOrder::Name,
        },
        group_depth,
        ..TrendOptions::default()
    }
}

fn write_json(out: &mut impl Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

/// Names by id.
fn names(analyzer: &Analyzer) -> std::collections::HashMap<u32, String> {
    analyzer
        .documents()
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect()
}

fn or_dash(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("-")
}

/// A cell of TSV: tabs and line breaks would break the row.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn date_source(doc: &DocumentInfo) -> Value {
    serde_json::to_value(doc.date_source).unwrap_or(Value::Null)
}

pub fn documents(
    analyzer: &Analyzer,
    set_aside: bool,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let names = names(analyzer);
    let docs = analyzer.documents();
    if json {
        let mut list = Vec::new();
        for doc in &docs {
            let furniture = analyzer.furniture(doc.id).map_err(io::Error::other)?;
            let mut value = serde_json::to_value(doc).map_err(io::Error::other)?;
            value["duplicateOf"] = doc.duplicate_of.map_or(Value::Null, |id| json!(names[&id]));
            value["furniture"] = serde_json::to_value(furniture).map_err(io::Error::other)?;
            list.push(value);
        }
        return write_json(out, &Value::Array(list));
    }
    if set_aside {
        writeln!(out, "name\tline\tkind\trule\ttext")?;
        for doc in &docs {
            for f in analyzer.furniture(doc.id).map_err(io::Error::other)? {
                let kind = serde_json::to_value(f.kind).map_err(io::Error::other)?;
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    doc.name,
                    f.line,
                    kind.as_str().unwrap_or(""),
                    cell(&f.rule),
                    cell(&f.text)
                )?;
            }
        }
        return Ok(());
    }
    writeln!(
        out,
        "name\ttitle\tdate\tdate_source\tsource\tauthor\tgroups\tchars\ttokens\tset_aside_lines\tset_aside_chars\tduplicate_of"
    )?;
    for doc in &docs {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            doc.name,
            cell(&doc.title),
            or_dash(&doc.date),
            date_source(doc).as_str().unwrap_or("-"),
            cell(or_dash(&doc.source)),
            cell(or_dash(&doc.author)),
            if doc.groups.is_empty() {
                "-".to_string()
            } else {
                cell(&doc.groups.join(";"))
            },
            doc.chars,
            doc.tokens,
            doc.furniture_lines,
            doc.furniture_chars,
            doc.duplicate_of.map_or("-", |id| &names[&id])
        )?;
    }
    Ok(())
}

pub fn trends(
    analyzer: &Analyzer,
    terms: &[String],
    options: &TrendOptions,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let trends = analyzer.trends(terms, options).map_err(io::Error::other)?;
    let names = names(analyzer);
    let doc_names = |ids: &[u32]| ids.iter().map(|id| names[id].clone()).collect::<Vec<_>>();
    if json {
        let mut value = serde_json::to_value(&trends).map_err(io::Error::other)?;
        for (i, bin) in trends.bins.iter().enumerate() {
            value["bins"][i]["documents"] = json!(doc_names(&bin.documents));
        }
        value["unbinned"] = json!(doc_names(&trends.unbinned));
        return write_json(out, &value);
    }
    writeln!(out, "bin\tlabel\tdocuments\twords\tterm\tcount\tper_10k")?;
    for (i, bin) in trends.bins.iter().enumerate() {
        let key = if options.by == TrendBy::Document {
            names[&bin.documents[0]].clone()
        } else {
            bin.key.clone()
        };
        for series in &trends.series {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{:.2}",
                cell(&key),
                cell(&bin.label),
                bin.documents.len(),
                bin.words,
                series.term,
                series.counts[i],
                series.per_ten_thousand[i]
            )?;
        }
    }
    for id in &trends.unbinned {
        writeln!(out, "-\t{}\t1\t-\t-\t-\t-", names[id])?;
    }
    Ok(())
}

pub fn reuse(
    analyzer: &Analyzer,
    min_chars: u32,
    passages: bool,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let options = ReuseOptions {
        min_chars,
        limit: u32::MAX,
        ..ReuseOptions::default()
    };
    let reuse = analyzer.reuse(&options).map_err(io::Error::other)?;
    let names = names(analyzer);
    let passages_of = |a: u32, b: u32| {
        analyzer
            .reuse_passages(a, b, &PassageOptions { min_chars })
            .map_err(io::Error::other)
    };
    let text_of = |id: u32, start: u32, end: u32| -> io::Result<String> {
        let text = analyzer.document_text(id).map_err(io::Error::other)?;
        Ok(text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect())
    };
    if json {
        let mut pairs = Vec::new();
        for pair in &reuse.pairs {
            let mut value = serde_json::to_value(pair).map_err(io::Error::other)?;
            value["a"] = json!(names[&pair.a]);
            value["b"] = json!(names[&pair.b]);
            let mut list = Vec::new();
            for p in passages_of(pair.a, pair.b)?.passages {
                let mut v = serde_json::to_value(&p).map_err(io::Error::other)?;
                v["text"] = json!(text_of(pair.a, p.a_start, p.a_end)?);
                list.push(v);
            }
            value["passageList"] = Value::Array(list);
            pairs.push(value);
        }
        let value = json!({
            "minChars": reuse.min_chars,
            "documents": reuse.documents,
            "totalPairs": reuse.total_pairs,
            "pairs": pairs,
        });
        return write_json(out, &value);
    }
    if passages {
        writeln!(out, "a\tb\tchars\ta_start\ta_end\tb_start\tb_end\ttext")?;
        for pair in &reuse.pairs {
            for p in passages_of(pair.a, pair.b)?.passages {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    names[&pair.a],
                    names[&pair.b],
                    p.chars,
                    p.a_start,
                    p.a_end,
                    p.b_start,
                    p.b_end,
                    cell(&text_of(pair.a, p.a_start, p.a_end)?)
                )?;
            }
        }
        return Ok(());
    }
    writeln!(
        out,
        "a\tb\tpassages\tshared_chars\ta_chars\tb_chars\ta_share\tb_share\tlongest\tduplicate"
    )?;
    for p in &reuse.pairs {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}",
            names[&p.a],
            names[&p.b],
            p.passages,
            p.shared_chars,
            p.a_chars,
            p.b_chars,
            p.a_share,
            p.b_share,
            p.longest,
            p.duplicate
        )?;
    }
    Ok(())
}

/// `base` gives the merges and whether parts of speech count apart.
pub fn compare(
    analyzer: &Analyzer,
    target: &[u32],
    reference: Option<Vec<u32>>,
    limit: u32,
    base: &AnalysisOptions,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let options = KeynessOptions {
        reference,
        limit,
        merges: base.merges.clone(),
        separate_pos: base.separate_pos,
        ..KeynessOptions::default()
    };
    let keyness = analyzer
        .keyness(target, &options)
        .map_err(io::Error::other)?;
    if json {
        let names = names(analyzer);
        let mut value = serde_json::to_value(&keyness).map_err(io::Error::other)?;
        value["target"] = json!(target.iter().map(|id| &names[id]).collect::<Vec<_>>());
        return write_json(out, &value);
    }
    writeln!(out, "term\ttarget_freq\treference_freq\tllr\tlog_ratio")?;
    for t in &keyness.terms {
        writeln!(
            out,
            "{}\t{}\t{}\t{:.4}\t{:.4}",
            t.term, t.target_freq, t.reference_freq, t.llr, t.log_ratio
        )?;
    }
    Ok(())
}
