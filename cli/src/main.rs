//! `wenxi`: the analysis core on the command line, for corpora that outgrow a
//! browser tab and for scripts. TSV by default, `--json` for machines. Refused
//! files get the same message as in the page, on stderr, and a non-zero exit.

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use walkdir::WalkDir;
use wenxi::{
    AnalysisOptions, Analyzer, KeywordWeight, KwicOptions, KwicSort, Measure, Merge, Unit,
};

#[derive(Parser)]
#[command(
    name = "wenxi",
    version,
    about = "Wenxi 文析: Chinese text analysis — segmentation, keywords, phrases, co-occurrence, keyword in context"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// One token per line: the document's own text of it, part of speech, character offsets,
    /// and the word it is counted as where that differs (traditional, full-width).
    Segment(Common),
    /// Terms with frequency, document frequency, TF-IDF (bundled and corpus IDF) and TextRank.
    Keywords {
        #[command(flatten)]
        common: Common,
        /// Number of terms.
        #[arg(long, default_value_t = 50)]
        top: u32,
        /// Order by.
        #[arg(long, value_enum, default_value_t = By::Tfidf)]
        by: By,
    },
    /// Multi-word phrases discovered in the files.
    Phrases {
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = 3)]
        min_count: u32,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// The co-occurrence network of the top terms: its edges, with communities.
    Network {
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = 60)]
        nodes: u32,
        #[arg(long, default_value_t = 150)]
        edges: u32,
        #[arg(long, value_enum, default_value_t = MeasureArg::Npmi)]
        measure: MeasureArg,
        /// Count pairs per sentence, or within a window of terms.
        #[arg(long, value_enum, default_value_t = UnitArg::Sentence)]
        unit: UnitArg,
        #[arg(long, default_value_t = 5)]
        window: u32,
    },
    /// Every occurrence of TERM with its left and right context.
    Kwic {
        term: String,
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = 20)]
        width: u32,
        #[arg(long, value_enum, default_value_t = SortArg::Position)]
        sort: SortArg,
    },
}

#[derive(Args)]
struct Common {
    /// Text files, or directories (their .txt files, recursively; links inside them are
    /// skipped unless --follow-links).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A word jieba should keep whole (repeatable), e.g. --user-word 劳模精神.
    #[arg(long = "user-word")]
    user_words: Vec<String>,
    /// A word to leave out of the counts (repeatable).
    #[arg(long = "stop-word")]
    stop_words: Vec<String>,
    /// Print JSON instead of TSV.
    #[arg(long)]
    json: bool,
    /// Follow symbolic links inside directories (loops are reported and not entered).
    #[arg(long)]
    follow_links: bool,
    /// Count several forms as one term under a name (repeatable), e.g.
    /// --merge 劳模=劳动模范,劳模 (the name counts as a form even if not listed).
    #[arg(long = "merge", value_name = "NAME=FORM,FORM", value_parser = parse_merge)]
    merges: Vec<Merge>,
    /// Count a word with two parts of speech as two terms (by default: one).
    #[arg(long)]
    separate_pos: bool,
}

/// `NAME=FORM,FORM,...` (also `，` between forms).
fn parse_merge(arg: &str) -> Result<Merge, String> {
    let (name, forms) = arg
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=FORM,FORM, got {arg:?}"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("the merge {arg:?} has no name"));
    }
    Ok(Merge {
        name: name.to_string(),
        forms: forms
            .split([',', '，'])
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(String::from)
            .collect(),
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    Freq,
    Tfidf,
    TfidfCorpus,
    Textrank,
}

#[derive(Clone, Copy, ValueEnum)]
enum MeasureArg {
    Count,
    Jaccard,
    Dice,
    Npmi,
    Llr,
}

#[derive(Clone, Copy, ValueEnum)]
enum UnitArg {
    Sentence,
    Window,
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Position,
    Left,
    Right,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wenxi: {e}");
            ExitCode::from(2)
        }
    }
}

/// Returns whether every file was read.
fn run(cli: Cli) -> io::Result<bool> {
    let common = match &cli.command {
        Command::Segment(c) => c,
        Command::Keywords { common, .. }
        | Command::Phrases { common, .. }
        | Command::Network { common, .. }
        | Command::Kwic { common, .. } => common,
    };
    let mut analyzer = Analyzer::new();
    if let Err(e) = analyzer.set_user_words(&common.user_words) {
        eprintln!("{e}");
        return Ok(false);
    }
    analyzer.set_stop_words(&common.stop_words);
    let mut all_read = true;
    let paths = files(&common.paths, common.follow_links, &mut all_read);
    all_read &= add_files(&mut analyzer, &paths);
    if analyzer.documents().is_empty() {
        eprintln!("没有可分析的文本。 / No text to analyse.");
        return Ok(false);
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let json = common.json;
    let base = AnalysisOptions {
        merges: common.merges.clone(),
        separate_pos: common.separate_pos,
        ..AnalysisOptions::default()
    };
    let common_merges = common.merges.clone();
    match cli.command {
        Command::Segment(_) => {
            let mut docs = Vec::new();
            for doc in analyzer.documents() {
                let tokens = analyzer.segment(doc.id).map_err(io::Error::other)?;
                if json {
                    docs.push(serde_json::json!({ "name": doc.name, "encoding": doc.encoding, "tokens": tokens }));
                } else {
                    // The document's own text of each token, its tag, its place; and the word it
                    // is counted as where that differs (a traditional document's words are
                    // counted in simplified form, full-width numbers in half-width form).
                    for t in tokens.iter().filter(|t| !t.word.trim().is_empty()) {
                        let counted = if t.word == t.text { "" } else { &t.word };
                        writeln!(
                            out,
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            doc.name, t.text, t.tag, t.start, t.end, counted
                        )?;
                    }
                }
            }
            if json {
                write_json(&mut out, &docs)?;
            }
        }
        Command::Keywords { top, by, .. } => {
            let options = AnalysisOptions {
                top_terms: top,
                keyword_weight: match by {
                    By::Freq => KeywordWeight::Freq,
                    By::Tfidf => KeywordWeight::Tfidf,
                    By::TfidfCorpus => KeywordWeight::TfidfCorpus,
                    By::Textrank => KeywordWeight::Textrank,
                },
                ..base.clone()
            };
            let analysis = analyzer.analyze(&options).map_err(io::Error::other)?;
            if json {
                write_json(&mut out, &analysis.terms)?;
            } else {
                writeln!(
                    out,
                    "term\tpos\tfreq\tdoc_freq\ttfidf\ttfidf_corpus\ttextrank"
                )?;
                for t in &analysis.terms {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{:.6}\t{:.6}\t{:.6}",
                        t.term, t.pos, t.freq, t.doc_freq, t.tfidf, t.tfidf_corpus, t.textrank
                    )?;
                }
            }
        }
        Command::Phrases {
            min_count, limit, ..
        } => {
            let mut options = base.clone();
            options.phrases.min_count = min_count;
            options.phrases.limit = limit;
            let analysis = analyzer.analyze(&options).map_err(io::Error::other)?;
            if json {
                write_json(&mut out, &analysis.phrases)?;
            } else {
                writeln!(
                    out,
                    "phrase\tparts\tcount\tpmi\tllr\tleft_entropy\tright_entropy\tscore"
                )?;
                for p in &analysis.phrases {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
                        p.phrase,
                        p.parts.join(" "),
                        p.count,
                        p.pmi,
                        p.llr,
                        p.left_entropy,
                        p.right_entropy,
                        p.score
                    )?;
                }
            }
        }
        Command::Network {
            nodes,
            edges,
            measure,
            unit,
            window,
            ..
        } => {
            let mut options = base.clone();
            options.network.nodes = nodes;
            options.network.max_edges = edges;
            options.network.window = window;
            options.network.measure = match measure {
                MeasureArg::Count => Measure::Count,
                MeasureArg::Jaccard => Measure::Jaccard,
                MeasureArg::Dice => Measure::Dice,
                MeasureArg::Npmi => Measure::Npmi,
                MeasureArg::Llr => Measure::Llr,
            };
            options.network.unit = match unit {
                UnitArg::Sentence => Unit::Sentence,
                UnitArg::Window => Unit::Window,
            };
            let network = analyzer
                .analyze(&options)
                .map_err(io::Error::other)?
                .network;
            if json {
                write_json(&mut out, &network)?;
            } else {
                writeln!(
                    out,
                    "source\ttarget\tcount\tscore\tsource_community\ttarget_community"
                )?;
                for e in &network.edges {
                    let (s, t) = (
                        &network.nodes[e.source as usize],
                        &network.nodes[e.target as usize],
                    );
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{:.4}\t{}\t{}",
                        s.term, t.term, e.count, e.score, s.community, t.community
                    )?;
                }
            }
        }
        Command::Kwic {
            term, width, sort, ..
        } => {
            let options = KwicOptions {
                merges: common_merges.clone(),
                width,
                limit: u32::MAX,
                sort: match sort {
                    SortArg::Position => KwicSort::Position,
                    SortArg::Left => KwicSort::Left,
                    SortArg::Right => KwicSort::Right,
                },
                ..KwicOptions::default()
            };
            let kwic = analyzer.kwic(&term, &options).map_err(io::Error::other)?;
            if json {
                write_json(&mut out, &kwic)?;
            } else {
                for l in &kwic.lines {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}",
                        l.doc_name, l.offset, l.left, l.keyword, l.right
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(all_read)
}

/// Files read and segmented at once on every core (rayon; `RAYON_NUM_THREADS` caps it),
/// a batch at a time so that only a few files' bytes are held at once, and added in their
/// order: the same analysis as one after the other. Messages for the files that cannot be
/// read come in that order too. Returns whether every file was added.
fn add_files(analyzer: &mut Analyzer, paths: &[PathBuf]) -> bool {
    let batch = 2 * rayon::current_num_threads();
    let mut all_read = true;
    for paths in paths.chunks(batch) {
        let prepared: Vec<_> = paths
            .par_iter()
            .map(|path| {
                let name = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => analyzer
                        .prepare_document(&name, &bytes)
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(format!(
                        "无法读取「{name}」：{e} / Cannot read \"{name}\": {e}"
                    )),
                }
            })
            .collect();
        for result in prepared {
            match result {
                Ok(document) => {
                    analyzer.add_prepared(document);
                }
                Err(message) => {
                    eprintln!("{message}");
                    all_read = false;
                }
            }
        }
    }
    all_read
}

fn write_json<T: Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

/// Files named, and the .txt files under directories named, in a stable order (by name,
/// depth first). Symbolic links inside directories are skipped, with a note, unless
/// `follow_links`; then a link back to a directory it is in is reported and not entered, so
/// that no file is read twice through a loop.
fn files(paths: &[PathBuf], follow_links: bool, all_read: &mut bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, follow_links, &mut out, all_read);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn walk(dir: &Path, follow_links: bool, out: &mut Vec<PathBuf>, all_read: &mut bool) {
    for entry in WalkDir::new(dir)
        .follow_links(follow_links)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(dir);
                let path = at.display().to_string();
                let reason = e.io_error().map_or(e.to_string(), |io| io.to_string());
                if let Some(ancestor) = e.loop_ancestor() {
                    let ancestor = ancestor.display();
                    eprintln!(
                        "跳过「{path}」：它链接回上级目录「{ancestor}」，会形成循环。 / Skipped \"{path}\": it links back to \"{ancestor}\", a loop."
                    );
                } else if at.is_symlink() {
                    // A broken link: a failure only if it names a file that would be read.
                    if is_text_file(at) {
                        eprintln!(
                            "无法读取「{path}」：{reason} / Cannot read \"{path}\": {reason}"
                        );
                        *all_read = false;
                    }
                } else {
                    eprintln!(
                        "无法读取目录「{path}」：{reason} / Cannot read directory \"{path}\": {reason}"
                    );
                    *all_read = false;
                }
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() && !follow_links {
            // Only the links that would have been read are worth a word.
            if path.is_dir() || (path.is_file() && is_text_file(path)) {
                let path = path.display();
                eprintln!(
                    "跳过符号链接「{path}」（--follow-links 会跟随它）。 / Skipped the symbolic link \"{path}\" (--follow-links follows it)."
                );
            }
        } else if entry.file_type().is_file() && is_text_file(path) {
            out.push(entry.into_path());
        }
    }
}

fn is_text_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}
