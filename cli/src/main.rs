//! `wenxi`: the analysis core on the command line, for corpora that outgrow a
//! browser tab and for scripts. TSV by default, `--json` for machines. Refused
//! files get the same message as in the page, on stderr, and a non-zero exit.

mod structure;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use walkdir::WalkDir;
use wenxi::{
    AnalysisOptions, Analyzer, FileOrigin, KeywordWeight, KwicOptions, KwicSort, Measure, Merge,
    MetadataPatch, PreparedDocument, Unit,
};

#[derive(Parser)]
#[command(
    name = "wenxi",
    version,
    about = "Wenxi 文析: Chinese text analysis — segmentation, keywords, phrases, co-occurrence, keyword in context, trends, text reuse"
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
    /// Each document's metadata (title, date and where it came from, source, author, groups)
    /// and the lines set aside as page furniture.
    Documents {
        #[command(flatten)]
        common: Common,
        /// One line per line set aside (document, line, kind, rule, text) instead.
        #[arg(long)]
        set_aside: bool,
    },
    /// Relative frequency (per 10,000 words) of TERM… per document or per day, month, year
    /// or group: `wenxi trends 劳模 工匠 PATHS`. The trailing arguments that exist on disk are
    /// the PATHS, the ones before them the terms.
    Trends {
        /// Terms, then files or directories.
        #[arg(required = true, num_args = 2.., value_name = "TERM… PATHS")]
        args: Vec<String>,
        #[command(flatten)]
        options: Options,
        #[arg(long, value_enum, default_value_t = structure::ByArg::Doc)]
        by: structure::ByArg,
        /// Documents by date (undated ones after, by name) or by name.
        #[arg(long, value_enum, default_value_t = structure::OrderArg::Date)]
        order: structure::OrderArg,
        /// By group: the first N levels of each group ("2023/上海" at 1 is "2023").
        #[arg(long)]
        group_depth: Option<u32>,
    },
    /// Pairs of documents that share passages of at least --min-chars characters.
    Reuse {
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = wenxi::DEFAULT_MIN_CHARS)]
        min_chars: u32,
        /// One line per shared passage (with its text) instead of one per pair.
        #[arg(long)]
        passages: bool,
    },
    /// What sets the --target documents apart from the rest (or from the --reference ones):
    /// log-likelihood keyness with log-ratio effect size.
    Compare {
        /// A target document: a file or a directory (repeat --target for several).
        #[arg(long, required = true)]
        target: Vec<PathBuf>,
        /// Compare against this instead of the other documents (repeatable, as --target).
        #[arg(long)]
        reference: Vec<PathBuf>,
        /// The other documents (files or directories).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        options: Options,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
}

#[derive(Args)]
struct Common {
    /// Text files, or directories (their .txt files, recursively; links inside them are
    /// skipped unless --follow-links). A directory's files are in the group of their folder,
    /// the directory's own name first ("corpus/2023/上海"), as when the folder is dropped on
    /// the page.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    options: Options,
}

#[derive(Args)]
struct Options {
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
    /// Count the lines set aside as page furniture too.
    #[arg(long)]
    with_furniture: bool,
    /// 重复段落只计一次: count every passage of at least 50 characters that documents share
    /// once (in the first document that has it).
    #[arg(long)]
    count_once: bool,
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

/// Where the time goes, said on stderr when `WENXI_TIMINGS` is set (for benches/cli.mjs and
/// anyone asking why a run is slow; never on stdout, so never in the golden output).
#[derive(Default)]
struct Timings {
    /// Building the segmenter (jieba's dictionary), on one thread.
    engine: std::time::Duration,
    /// Reading and segmenting, on every core.
    prepare: std::time::Duration,
    /// Adding the segmented files to the corpus, in order, on one thread.
    add: std::time::Duration,
}

/// Returns whether every file was read.
fn run(cli: Cli) -> io::Result<bool> {
    let started = std::time::Instant::now();
    let mut timings = Timings::default();
    let (options, paths, targets, references): (&Options, Vec<PathBuf>, &[PathBuf], &[PathBuf]) =
        match &cli.command {
            Command::Segment(c) => (&c.options, c.paths.clone(), &[], &[]),
            Command::Keywords { common, .. }
            | Command::Phrases { common, .. }
            | Command::Network { common, .. }
            | Command::Kwic { common, .. }
            | Command::Documents { common, .. }
            | Command::Reuse { common, .. } => (&common.options, common.paths.clone(), &[], &[]),
            Command::Trends { args, options, .. } => {
                let (_, paths) = structure::split_terms(args);
                (options, paths, &[], &[])
            }
            Command::Compare {
                target,
                reference,
                paths,
                options,
                ..
            } => (
                options,
                paths.clone(),
                target.as_slice(),
                reference.as_slice(),
            ),
        };
    if matches!(cli.command, Command::Trends { .. }) && paths.is_empty() {
        eprintln!(
            "最后的参数须是文件或目录。 / The last arguments must be files or directories (after the terms)."
        );
        return Ok(false);
    }
    let mut analyzer = Analyzer::new();
    timings.engine = started.elapsed();
    if let Err(e) = analyzer.set_user_words(&options.user_words) {
        eprintln!("{e}");
        return Ok(false);
    }
    analyzer.set_stop_words(&options.stop_words);
    let mut all_read = true;
    // Every file once: a --target file that is also among PATHS is one document.
    let mut seen: HashMap<PathBuf, u32> = HashMap::new();
    let mut load = |paths: &[PathBuf], analyzer: &mut Analyzer, all_read: &mut bool| {
        let files = files(paths, options.follow_links, all_read);
        add_files(analyzer, files, &mut seen, all_read, &mut timings)
    };
    let target_ids = load(targets, &mut analyzer, &mut all_read);
    let reference_ids = load(references, &mut analyzer, &mut all_read);
    load(&paths, &mut analyzer, &mut all_read);
    if analyzer.documents().is_empty() {
        eprintln!("没有可分析的文本。 / No text to analyse.");
        return Ok(false);
    }
    if options.with_furniture {
        let on = MetadataPatch {
            count_furniture: Some(true),
            ..MetadataPatch::default()
        };
        analyzer
            .update_documents(None, &on)
            .map_err(io::Error::other)?;
    }
    if options.count_once {
        analyzer
            .set_count_once(true, wenxi::DEFAULT_MIN_CHARS)
            .map_err(io::Error::other)?;
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let json = options.json;
    let base = AnalysisOptions {
        merges: options.merges.clone(),
        separate_pos: options.separate_pos,
        ..AnalysisOptions::default()
    };
    let common_merges = options.merges.clone();
    let loaded = std::time::Instant::now();
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
                    // The CLI's analyzer has jieba's IDF table built in; empty if it had not.
                    let tfidf = t.tfidf.map_or(String::new(), |v| format!("{v:.6}"));
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{:.6}\t{:.6}",
                        t.term, t.pos, t.freq, t.doc_freq, tfidf, t.tfidf_corpus, t.textrank
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
        Command::Documents { set_aside, .. } => {
            structure::documents(&analyzer, set_aside, json, &mut out)?;
        }
        Command::Trends {
            args,
            by,
            order,
            group_depth,
            ..
        } => {
            let (terms, _) = structure::split_terms(&args);
            let options = structure::trend_options(by, order, group_depth);
            structure::trends(&analyzer, &terms, &options, json, &mut out)?;
        }
        Command::Reuse {
            min_chars,
            passages,
            ..
        } => structure::reuse(&analyzer, min_chars, passages, json, &mut out)?,
        Command::Compare { limit, .. } => {
            let reference = (!reference_ids.is_empty()).then_some(reference_ids);
            structure::compare(
                &analyzer,
                &target_ids,
                reference,
                limit,
                &base,
                json,
                &mut out,
            )?;
        }
    }
    out.flush()?;
    if std::env::var_os("WENXI_TIMINGS").is_some() {
        let s = |d: std::time::Duration| d.as_secs_f64();
        eprintln!(
            "timings: {:.3} s in all on {} threads: engine {:.3} s; files read and segmented {:.3} s, added {:.3} s; analysis and output {:.3} s",
            s(started.elapsed()),
            rayon::current_num_threads(),
            s(timings.engine),
            s(timings.prepare),
            s(timings.add),
            s(loaded.elapsed()),
        );
    }
    Ok(all_read)
}

/// Files read and segmented at once on every core (rayon; `RAYON_NUM_THREADS` caps it), each
/// thread taking the next file as it finishes one (no batches, so no core waits for the
/// slowest file of a batch), then added in their order: the same analysis as one after the
/// other. A file's bytes are dropped once it is segmented, so only one file's bytes per thread
/// are held at once; what is segmented is what the corpus keeps anyway. Messages for the files
/// that cannot be read come in that order too. A file already in `seen` (by its canonical
/// path) is not read again. Returns the documents' ids, in the files' order.
fn add_files(
    analyzer: &mut Analyzer,
    files: Vec<(PathBuf, FileOrigin)>,
    seen: &mut HashMap<PathBuf, u32>,
    all_read: &mut bool,
    timings: &mut Timings,
) -> Vec<u32> {
    let keyed: Vec<(PathBuf, PathBuf, FileOrigin)> = files
        .into_iter()
        .map(|(path, origin)| {
            let key = path.canonicalize().unwrap_or_else(|_| path.clone());
            (key, path, origin)
        })
        .collect();
    // Each new file once (the first time it is named).
    let mut fresh: Vec<&(PathBuf, PathBuf, FileOrigin)> = Vec::new();
    let mut named: std::collections::HashSet<&PathBuf> = std::collections::HashSet::new();
    for file in &keyed {
        if !seen.contains_key(&file.0) && named.insert(&file.0) {
            fresh.push(file);
        }
    }
    let prepare_started = std::time::Instant::now();
    let prepared: Vec<Result<PreparedDocument, String>> = fresh
        .par_iter()
        // One file a task: rayon would otherwise hand a thread a run of them at once.
        .with_max_len(1)
        .map(|(_, path, origin)| {
            let name = path.display().to_string();
            match std::fs::read(path) {
                Ok(bytes) => analyzer
                    .prepare_file(&name, &bytes, origin)
                    .map_err(|e| e.to_string()),
                Err(e) => Err(format!(
                    "无法读取「{name}」：{e} / Cannot read \"{name}\": {e}"
                )),
            }
        })
        .collect();
    timings.prepare += prepare_started.elapsed();
    let add_started = std::time::Instant::now();
    let mut prepared: HashMap<&PathBuf, _> = fresh.iter().map(|f| &f.0).zip(prepared).collect();
    let mut ids = Vec::new();
    for (key, _, _) in &keyed {
        if let Some(&id) = seen.get(key) {
            ids.push(id);
            continue;
        }
        // None: named twice, and it could not be read the first time (said once).
        let Some(result) = prepared.remove(key) else {
            continue;
        };
        match result {
            Ok(document) => {
                let info = analyzer.add_prepared(document);
                seen.insert(key.clone(), info.id);
                ids.push(info.id);
            }
            Err(message) => {
                eprintln!("{message}");
                *all_read = false;
            }
        }
    }
    timings.add += add_started.elapsed();
    ids
}

fn write_json<T: Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

/// Files named, and the .txt files under directories named (hidden ones skipped), in a stable
/// order (by name, depth first), each with its origin: the path the page would have for it (the directory's
/// name, then the path inside it) and its modification time. Symbolic links inside directories
/// are skipped, with a note, unless `follow_links`; then a link back to a directory it is in is
/// reported and not entered, so that no file is read twice through a loop.
fn files(paths: &[PathBuf], follow_links: bool, all_read: &mut bool) -> Vec<(PathBuf, FileOrigin)> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, follow_links, &mut found, all_read);
            // The directory's own name: "seeds" for seeds/, its real name for "." or "..".
            let root = path
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default();
            for file in found {
                let inside = file.strip_prefix(path).unwrap_or(&file);
                let relative: Vec<String> = std::iter::once(root.clone())
                    .chain(
                        inside
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
                    )
                    .filter(|c| !c.is_empty())
                    .collect();
                let origin = origin_of(&file, Some(relative.join("/")));
                out.push((file, origin));
            }
        } else {
            let origin = origin_of(path, None);
            out.push((path.clone(), origin));
        }
    }
    out
}

/// A file's origin: `path` (None: no folder, no group) and its modification time (UTC).
fn origin_of(file: &Path, path: Option<String>) -> FileOrigin {
    let modified = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_millis() as f64);
    FileOrigin {
        path,
        modified,
        utc_offset_minutes: 0,
    }
}

fn walk(dir: &Path, follow_links: bool, out: &mut Vec<PathBuf>, all_read: &mut bool) {
    // Hidden files and folders (.git, .DS_Store) are skipped, as when a folder is dropped.
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    for entry in WalkDir::new(dir)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e))
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
