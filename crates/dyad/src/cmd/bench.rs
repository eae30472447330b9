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
    /// Threads for the parallel run (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
}

/// A template: `{A}` and `{B}` are two different countries; the events it must give.
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

/// Documents of ten sentences each and the number of events they must give.
fn generate(dict: &Dictionary, sentences: usize) -> (Vec<InputDocument>, usize) {
    let names = names(dict);
    let mut rng = Lcg(20_240_601);
    let mut docs = Vec::with_capacity(sentences / 10 + 1);
    let mut expected = 0;
    let mut made = 0;
    while made < sentences {
        let mut paragraphs = Vec::new();
        // One act told twice in a document is one event (restatements merge): each template
        // takes a pair of countries at most once per document.
        let mut used = std::collections::HashSet::new();
        for _ in 0..10.min(sentences - made) {
            let (ti, a, b) = loop {
                let ti = rng.next(TEMPLATES.len());
                let a = rng.next(names.len());
                let b = (a + 1 + rng.next(names.len() - 1)) % names.len();
                if used.insert((ti, a.min(b), a.max(b))) {
                    break (ti, a, b);
                }
            };
            let (t, n) = TEMPLATES[ti];
            paragraphs.push(t.replace("{A}", &names[a]).replace("{B}", &names[b]));
            expected += n;
            made += 1;
        }
        docs.push(InputDocument {
            id: format!("bench-{}", docs.len()),
            text: paragraphs.join("\n\n"),
            doc_date: Some("2024-06-14".into()),
            ..Default::default()
        });
    }
    (docs, expected)
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
    let events: usize = docs.iter().map(|d| coder.code(&input(d)).events.len()).sum();
    let full = t.elapsed();

    // The full coder on all threads.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(a.jobs.unwrap_or(0)).build()?;
    let threads = pool.current_num_threads();
    let t = Instant::now();
    let par_events: usize = pool.install(|| docs.par_iter().map(|d| coder.code(&input(d)).events.len()).sum());
    let par = t.elapsed();

    // Written through a locked stdout, so `dyad bench | head` ends quietly.
    let mut out = std::io::stdout().lock();
    writeln!(out, "corpus: {} documents, {sentences} sentences, {tokens} tokens, {mb:.1} MB", docs.len())?;
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
    if let Some(e) = expected {
        if events != e {
            bail!("the generated corpus must give {e} events, the coder gave {events}: a fast wrong run");
        }
        writeln!(out, "event count checked: {events} = {e} expected")?;
    }
    Ok(ExitCode::SUCCESS)
}
