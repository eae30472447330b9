//! `dyad bench`: how fast dyad codes, measured in one run, with its answer checked.
//!
//! It builds a corpus of diplomatic sentences from templates of our own and country names
//! from the bundled dictionaries (fixed seed, so every run codes the same text), or reads
//! `--corpus FILE` (JSON Lines documents), then times in one process: dictionary loading, a
//! bare pass (layout, sentence split, tokenize) and the full coder on one thread, the full
//! coder on `--jobs` threads, and reports sentences/s, MB/s, the full/bare ratio and peak
//! memory. For the generated corpus the number of events must equal what the templates
//! promise, so a fast wrong run fails.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dyad_coder::{Coder, DocInput};
use dyad_dict::{ActorKind, Dictionary};
use dyad_record::InputDocument;
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// Sentences to generate (ignored with --corpus).
    #[arg(long, default_value_t = 100_000)]
    pub sentences: usize,
    /// Code this JSON Lines corpus instead of a generated one.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Also write the generated corpus here as JSON Lines documents, each with the number of
    /// events its templates promise (`expected_events`), to code it with `dyad code` or another tool.
    #[arg(long, conflicts_with = "corpus")]
    pub write_corpus: Option<PathBuf>,
    /// Threads for the parallel run (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
}

/// A template: `{A}` and `{B}` are two different countries; the events it must give.
///
/// Two kinds, drawn alike: short wire and headline sentences (about 10 tokens), and full news
/// sentences with attribution, subordinate clauses, dates and numbers (about 25 tokens). The
/// mix averages about 20 tokens a sentence, near the 21 of English web text (UD English EWT,
/// by our tokenizer), so sentences/s reads as it would on real text. Each long template gives
/// its count for every ordered pair of the benchmark countries (checked when it was written).
const TEMPLATES: &[(&str, usize)] = &[
    ("{A} strongly condemned {B} on Monday.", 1),
    ("The foreign minister of {A} visited {B} last week.", 1),
    ("{A} and {B} held talks in Geneva on Tuesday.", 2),
    ("{A} imposed new sanctions on {B} over the border dispute.", 1),
    ("Officials said the weather in the capital was mild for the season.", 0),
    ("{A} praised {B} for its help after the floods.", 1),
    ("{A} accused {B} of violating the ceasefire agreement.", 1),
    ("{A} signed a trade agreement with {B} in March 2023.", 2),
    ("Prices of rice rose by five percent over the year, the report said.", 0),
    ("{A} expelled two diplomats of {B} on Friday.", 1),
    ("The foreign ministry of {A} said on Monday that it strongly condemned the decision by {B} to expand its military presence near the disputed islands.", 1),
    ("The foreign minister of {A} arrived in {B} on Tuesday for a three-day official visit, the first by a senior official since the dispute began last year.", 1),
    ("{A} imposed new sanctions on {B} on Friday, targeting banks and energy companies linked to the military, the finance ministry said.", 1),
    ("Heavy rain is expected to continue across the region for the rest of the week, forecasters said in a statement released late on Sunday.", 0),
    ("In a statement issued in the capital, the government of {A} praised {B} for the help it had provided after the devastating floods in the south.", 1),
    ("{A} recalled its ambassador from {B} for consultations after the two countries failed to settle a long-running dispute over fishing rights.", 1),
    ("The prime minister of {A} and the president of {B} signed a memorandum on energy cooperation in Moscow in March 2023.", 2),
    ("Prices of rice and wheat rose by about five percent over the past year, according to figures published by the national statistics office on Thursday.", 0),
    ("{A} expelled two diplomats of {B} on Friday, saying that they had engaged in activities incompatible with their status.", 1),
    ("{A} called on {B} to release the detained journalists immediately and to allow consular access to them, a spokesman said.", 1),
    ("{A} and {B} held a fresh round of talks in Vienna on Wednesday, but diplomats said that no breakthrough was expected before the end of the year.", 2),
    ("{A} accused {B} of violating the ceasefire agreement that both sides had signed in the spring, a government spokesman told reporters.", 1),
    ("The president of {A} thanked {B} for its support during a telephone conversation on Saturday, the presidential office said in a statement.", 1),
    ("{A} offered humanitarian aid to {B} after the earthquake, which killed at least 40 people and left thousands without shelter.", 1),
    ("The central bank left interest rates unchanged on Thursday, citing slower growth and the rising prices of food and fuel.", 0),
];

const COUNTRIES: &[&str] = &[
    "USA", "RUS", "CHN", "PRK", "KOR", "JPN", "IND", "PAK", "IRN", "ISR", "TUR", "GRC", "FRA", "DEU", "GBR", "ITA", "ESP",
    "POL", "UKR", "BLR", "BRA", "ARG", "MEX", "CAN", "AUS", "EGY", "SAU", "VNM", "IDN", "PHL",
];

/// The name the dictionary gives first for each benchmark country.
fn names(dict: &Dictionary) -> Vec<String> {
    COUNTRIES
        .iter()
        .filter_map(|c| {
            dict.actors
                .entries
                .iter()
                .find(|e| e.kind == ActorKind::Name && e.country.as_deref() == Some(*c))
                .map(|e| e.name.trim_start_matches('=').to_string())
        })
        .collect()
}

/// A small deterministic generator (64-bit LCG), so the corpus is the same in every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Documents of ten sentences each and the number of events each must give.
fn generate(dict: &Dictionary, sentences: usize) -> (Vec<InputDocument>, Vec<usize>) {
    let names = names(dict);
    let mut rng = Lcg(20_240_601);
    let mut docs = Vec::with_capacity(sentences / 10 + 1);
    let mut expected = Vec::with_capacity(docs.capacity());
    let mut made = 0;
    while made < sentences {
        let mut paragraphs = Vec::new();
        // One act told twice in a document is one event (restatements merge), and two
        // templates may tell the same act (`signed ... in March 2023`): a pair of countries
        // appears at most once per document.
        let mut used = std::collections::HashSet::new();
        let mut promised = 0;
        for _ in 0..10.min(sentences - made) {
            let (ti, a, b) = loop {
                let ti = rng.next(TEMPLATES.len());
                let a = rng.next(names.len());
                let b = (a + 1 + rng.next(names.len() - 1)) % names.len();
                if used.insert((a.min(b), a.max(b))) {
                    break (ti, a, b);
                }
            };
            let (t, n) = TEMPLATES[ti];
            paragraphs.push(t.replace("{A}", &names[a]).replace("{B}", &names[b]));
            promised += n;
            made += 1;
        }
        docs.push(InputDocument {
            id: format!("bench-{}", docs.len()),
            text: paragraphs.join("\n\n"),
            doc_date: Some("2024-06-14".into()),
            ..Default::default()
        });
        expected.push(promised);
    }
    (docs, expected)
}

/// The generated corpus as JSON Lines, each document with its promised event count.
fn write_corpus(path: &PathBuf, docs: &[InputDocument], expected: &[usize]) -> Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?);
    for (d, n) in docs.iter().zip(expected) {
        let mut v = serde_json::to_value(d)?;
        v["expected_events"] = (*n).into();
        serde_json::to_writer(&mut w, &v)?;
        w.write_all(b"\n")?;
    }
    w.flush().with_context(|| format!("cannot write {}", path.display()))
}

fn read_corpus(path: &PathBuf) -> Result<Vec<InputDocument>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).with_context(|| format!("{}:{}: not a document", path.display(), n + 1)))
        .collect()
}

fn input(d: &InputDocument) -> DocInput<'_> {
    DocInput {
        id: &d.id,
        text: &d.text,
        title: d.title.as_deref(),
        doc_date: d.doc_date.as_deref(),
        publisher: d.publisher.as_deref(),
        first_line_is_title: false,
    }
}

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

pub fn run(a: Args) -> Result<ExitCode> {
    // Dictionary load: the best of three, as a cold first run also pays page faults.
    let mut load = Duration::MAX;
    let mut dict = None;
    for _ in 0..3 {
        drop(dict.take());
        let t = Instant::now();
        let d = Dictionary::bundled();
        load = load.min(t.elapsed());
        dict = Some(d);
    }
    let coder = Coder::new(dict.expect("loaded"));
    let (docs, expected) = match &a.corpus {
        Some(p) => (read_corpus(p)?, None),
        None => {
            let (d, e) = generate(&coder.dict, a.sentences);
            (d, Some(e))
        }
    };
    if let (Some(path), Some(expected)) = (&a.write_corpus, &expected) {
        write_corpus(path, &docs, expected)?;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;

    // Bare pass: what any tool must do to see the sentences.
    let t = Instant::now();
    let mut sentences = 0usize;
    let mut tokens = 0usize;
    for d in &docs {
        let lay = dyad_text::layout(&d.text, dyad_text::LayoutOptions::default());
        for s in &lay.sentences {
            tokens += dyad_text::tokenize(s.span.of(&d.text)).len();
        }
        sentences += lay.sentences.len();
    }
    let bare = t.elapsed();

    // The full coder on one thread, its answer checked.
    let t = Instant::now();
    let per_doc: Vec<usize> = docs.iter().map(|d| coder.code(&input(d)).events.len()).collect();
    let full = t.elapsed();
    let events: usize = per_doc.iter().sum();

    // The full coder on all threads.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(a.jobs.unwrap_or(0)).build()?;
    let threads = pool.current_num_threads();
    let t = Instant::now();
    let par_events: usize = pool.install(|| docs.par_iter().map(|d| coder.code(&input(d)).events.len()).sum());
    let par = t.elapsed();

    // Written through a locked stdout, so `dyad bench | head` ends quietly.
    let mut out = std::io::stdout().lock();
    // Tokens a sentence: sentences/s means little without it (news has about 20).
    let per = tokens as f64 / sentences.max(1) as f64;
    writeln!(out, "corpus: {} documents, {sentences} sentences, {tokens} tokens ({per:.1} a sentence), {mb:.1} MB", docs.len())?;
    writeln!(out, "dictionary load: {:.1} ms (best of 3)", load.as_secs_f64() * 1e3)?;
    writeln!(
        out,
        "bare pass (layout, split, tokenize), 1 thread: {:>10.0} sentences/s  {:>7.1} MB/s",
        rate(sentences, bare),
        mb / bare.as_secs_f64().max(1e-9)
    )?;
    writeln!(
        out,
        "full coder, 1 thread:                          {:>10.0} sentences/s  {:>7.1} MB/s",
        rate(sentences, full),
        mb / full.as_secs_f64().max(1e-9)
    )?;
    writeln!(
        out,
        "full coder, {threads} threads:                         {:>10.0} sentences/s  {:>7.1} MB/s",
        rate(sentences, par),
        mb / par.as_secs_f64().max(1e-9)
    )?;
    writeln!(out, "full / bare time ratio: {:.1}x", full.as_secs_f64() / bare.as_secs_f64().max(1e-9))?;
    if let Some(p) = peak_mb() {
        writeln!(out, "peak memory: {p:.0} MB")?;
    }
    writeln!(out, "events: {events}")?;
    if par_events != events {
        bail!("the parallel run gave {par_events} events, the single-thread run {events}");
    }
    if let Some(expected) = expected {
        let e: usize = expected.iter().sum();
        if events != e {
            // Name the documents, so the wrong run can be looked into (`--write-corpus`).
            let wrong: Vec<String> = docs
                .iter()
                .zip(per_doc.iter().zip(&expected))
                .filter(|(_, (got, want))| got != want)
                .take(5)
                .map(|(d, (got, want))| format!("{} gave {got}, must give {want}", d.id))
                .collect();
            bail!("the generated corpus must give {e} events, the coder gave {events}: a fast wrong run ({})", wrong.join("; "));
        }
        writeln!(out, "event count checked: {events} = {e} expected")?;
    }
    Ok(ExitCode::SUCCESS)
}
