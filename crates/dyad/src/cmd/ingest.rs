//! `dyad ingest [--db PATH] PATH...`: code documents and store them with their events.
//!
//! Documents are read lazily, coded in parallel a batch at a time (500 by default), and each
//! batch is written in one transaction, so an interrupted ingest leaves whole documents and a
//! rerun picks up where it stopped. A document already stored with the same content hash is
//! not coded again; a changed one has its events replaced. A file that cannot be read is
//! named on stderr and the rest is stored (exit code 1). A progress line is drawn only when
//! stderr is a terminal. This module does not decide merging (that is `dyad-store`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use dyad_coder::Coder;
use dyad_store::{content_hash, BatchReport, Ingest, Store, WriteMode};
use rayon::prelude::*;

use crate::input::{self, Doc};

/// What `ingest` and `recode` share: where the store is, which dictionaries code, and how
/// many documents go in one transaction.
#[derive(clap::Args)]
pub struct StoreCoding {
    /// The store (`ingest` creates it when missing).
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// A directory whose dictionary files replace or add to the bundled ones.
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 500, hide = true, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreCoding,
    /// Files (.txt, .md, .html, .jsonl), directories, or - for JSON Lines on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// A progress line on a terminal, nothing elsewhere.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn new(what: &str, total: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = match total {
            Some(n) => indicatif::ProgressBar::new(n).with_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} documents ({per_sec}, {eta} left) {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(what.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress(Some(bar))
    }

    pub fn inc(&self, n: u64, msg: String) {
        if let Some(b) = &self.0 {
            b.inc(n);
            b.set_message(msg);
        }
    }

    pub fn println(&self, line: &str) {
        match &self.0 {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// Codes documents in parallel into store items; a document the coder failed on is left out
/// (what the store holds of it stays) and its error returned.
pub fn code_batch(coder: &Coder, docs: Vec<(Doc, String)>) -> (Vec<Ingest>, Vec<String>) {
    let coded: Vec<Result<Ingest, String>> = docs
        .into_par_iter()
        .map(|(d, hash)| {
            let coded = super::code::code_one(coder, &d, false)?;
            Ok(Ingest { doc: d.doc, first_line_is_title: d.first_line_is_title, hash, coded_date: coded.doc_date, events: coded.events })
        })
        .collect();
    let mut errors = Vec::new();
    let items = coded.into_iter().filter_map(|r| r.map_err(|e| errors.push(e)).ok()).collect();
    (items, errors)
}

fn flush(store: &mut Store, coder: &Coder, batch: &mut Vec<Doc>, total: &mut BatchReport, progress: &Progress, failed: &mut usize) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let docs: Vec<(Doc, String)> = batch.drain(..).map(|d| {
        let h = content_hash(&d.doc, d.first_line_is_title);
        (d, h)
    }).collect();
    let n = docs.len() as u64;
    let same = store.unchanged(docs.iter().map(|(d, h)| (d.doc.id.as_str(), h.as_str())))?;
    let (skip, todo): (Vec<_>, Vec<_>) = docs.into_iter().partition(|(d, _)| same.contains(&d.doc.id));
    let (items, errors) = code_batch(coder, todo);
    for e in &errors {
        progress.println(&format!("dyad: {e}"));
    }
    *failed += errors.len();
    let mut r = store.write_batch(&items, WriteMode::Ingest)?;
    r.unchanged += skip.len();
    *total += r;
    progress.inc(n, format!("{} events", total.events));
    Ok(())
}

pub fn run(a: Args) -> Result<ExitCode> {
    let coder = super::coder(a.store.dict.as_ref())?;
    let mut store = Store::open(&a.store.db)?;
    let progress = Progress::new("", None);
    let mut batch: Vec<Doc> = Vec::new();
    let mut total = BatchReport::default();
    let mut failed = 0usize;
    for path in input::expand(&a.paths) {
        let path = match path {
            Ok(p) => p,
            Err(e) => {
                progress.println(&format!("dyad: {e}"));
                failed += 1;
                continue;
            }
        };
        for doc in input::read(&path) {
            match doc {
                Ok(d) => {
                    batch.push(d);
                    if batch.len() as u64 >= a.store.batch {
                        flush(&mut store, coder, &mut batch, &mut total, &progress, &mut failed)?;
                    }
                }
                Err(e) => {
                    progress.println(&format!("dyad: {e}"));
                    failed += 1;
                }
            }
        }
    }
    flush(&mut store, coder, &mut batch, &mut total, &progress, &mut failed)?;
    progress.finish();
    let c = store.counts().with_context(|| format!("reading {}", a.store.db.display()))?;
    eprintln!(
        "dyad: {}: {} added, {} replaced, {} unchanged ({} events written); the store holds {} documents, {} events, {} stories",
        a.store.db.display(),
        total.added,
        total.replaced,
        total.unchanged,
        total.events,
        c.documents,
        c.events,
        c.stories
    );
    if failed > 0 {
        eprintln!("dyad: {failed} input(s) could not be read or coded; the rest was stored");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
