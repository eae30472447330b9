//! `dyad code PATH...`: code documents and print their events.
//!
//! Documents are read lazily and coded in batches across `--jobs` threads (rayon); each batch
//! is written in input order before the next is read, so the output bytes do not depend on
//! the thread count and memory stays bounded by the batch, whatever the input's size.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_coder::DocInput;

use crate::input::{self, Doc};
use crate::output::{Format, Writer};

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// A directory whose dictionary files replace or add to the bundled ones (see dyad-dict's data/FORMAT.md).
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Also print the coder's notes (dropped candidates, missing dates) on stderr.
    #[arg(long)]
    pub verbose: bool,
    /// Threads that code documents in parallel (default: all cores). Output order does not depend on it.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Files (.txt, .md, .html: one document each; .jsonl: one document a line), directories, or - for JSON Lines on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// What the coder reads of a document read from a path.
pub fn doc_input(d: &Doc) -> DocInput<'_> {
    let doc = &d.doc;
    DocInput {
        id: &doc.id,
        text: &doc.text,
        title: doc.title.as_deref(),
        doc_date: doc.doc_date.as_deref(),
        publisher: doc.publisher.as_deref(),
        first_line_is_title: d.first_line_is_title,
    }
}

/// Codes `doc` and returns its events, notes printed when `verbose`. A panic of the coder (a
/// bug of ours) fails this document only, with a message naming it, so a long batch goes on
/// with the rest.
pub fn code_one(coder: &dyad_coder::Coder, d: &Doc, verbose: bool) -> Result<dyad_coder::Coded, String> {
    let id = &d.doc.id;
    let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // Debug builds only: the tests make the coder fail on a document of their choice.
        if cfg!(debug_assertions) && std::env::var_os("DYAD_TEST_FAIL_DOC").is_some_and(|v| v == id.as_str()) {
            panic!("failure asked for by DYAD_TEST_FAIL_DOC");
        }
        coder.code(&doc_input(d))
    }))
    .map_err(|p| {
        let why = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
        format!("document `{id}`: the coder failed on it ({why}); this is a bug of dyad's, please report it with the document")
    })?;
    if verbose {
        print_notes(id, &coded);
    }
    Ok(coded)
}

fn print_notes(id: &str, coded: &dyad_coder::Coded) {
    for n in &coded.notes {
        match n.sentence_index {
            Some(i) => eprintln!("dyad: {id} sentence {i}: {}", n.message),
            None => eprintln!("dyad: {id}: {}", n.message),
        }
    }
}

/// How many documents are read before a batch is coded: enough to keep every thread busy,
/// few enough that a stream of any length runs in bounded memory.
const BATCH: usize = 512;

pub fn run(a: Args) -> Result<ExitCode> {
    use rayon::prelude::*;
    let coder = super::coder(a.dict.as_ref())?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(a.jobs.unwrap_or(0)).build()?;
    let stdout = std::io::stdout();
    let mut w = Writer::new(a.format, std::io::BufWriter::new(stdout.lock()))?;
    let mut failed = 0usize;
    let inputs = input::expand(&a.paths).into_iter().flat_map(|path| match path {
        Ok(p) => input::read(&p),
        Err(e) => Box::new(std::iter::once(Err(e))),
    });
    let mut batch: Vec<Result<Doc, input::InputError>> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Result<Doc, input::InputError>>, w: &mut Writer<_>| -> Result<()> {
        let coded: Vec<Option<Result<dyad_coder::Coded, String>>> =
            pool.install(|| batch.par_iter().map(|d| d.as_ref().ok().map(|d| code_one(coder, d, false))).collect());
        for (item, coded) in batch.drain(..).zip(coded) {
            match (item, coded) {
                (Ok(d), Some(Ok(c))) => {
                    if a.verbose {
                        print_notes(&d.doc.id, &c);
                    }
                    for e in &c.events {
                        w.write(e)?;
                    }
                }
                (Err(e), _) => {
                    eprintln!("dyad: {e}");
                    failed += 1;
                }
                (Ok(_), Some(Err(e))) => {
                    eprintln!("dyad: {e}");
                    failed += 1;
                }
                (Ok(_), None) => {}
            }
        }
        Ok(())
    };
    for item in inputs {
        batch.push(item);
        if batch.len() == BATCH {
            flush(&mut batch, &mut w)?;
        }
    }
    flush(&mut batch, &mut w)?;
    w.finish()?;
    std::io::stderr().flush().ok();
    if failed > 0 {
        eprintln!("dyad: {failed} input(s) could not be coded");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
