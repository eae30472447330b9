//! `dyad recode [--db PATH]`: code every stored document again with the current dictionaries.
//!
//! A dictionary fix reaches old data this way: each document's events are replaced when they
//! changed (a batch per transaction), then every event is refiled into stories in date order.
//! Documents keep their text and ids; this module does not read input files.

use std::process::ExitCode;

use anyhow::Result;
use dyad_store::{content_hash, BatchReport, Store, WriteMode};

use super::ingest::{code_batch, Progress};
use crate::input::Doc;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: super::ingest::StoreCoding,
}

pub fn run(a: Args) -> Result<ExitCode> {
    if !a.store.db.exists() {
        anyhow::bail!("{}: no dyad store here (run `dyad ingest --db {} ...` first)", a.store.db.display(), a.store.db.display());
    }
    let coder = super::coder(a.store.dict.as_ref())?;
    let mut store = Store::open(&a.store.db)?;
    let keys = store.document_keys()?;
    let progress = Progress::new("recoded", Some(keys.len() as u64));
    let mut total = BatchReport::default();
    let mut failed = 0usize;
    for chunk in keys.chunks(a.store.batch as usize) {
        let docs: Vec<(Doc, String)> = store
            .load_documents(chunk)?
            .into_iter()
            .map(|s| {
                let h = content_hash(&s.doc, s.first_line_is_title);
                (Doc { doc: s.doc, first_line_is_title: s.first_line_is_title }, h)
            })
            .collect();
        let (items, errors) = code_batch(coder, docs);
        for e in &errors {
            progress.println(&format!("dyad: {e}; its stored events are kept"));
        }
        failed += errors.len();
        total += store.write_batch(&items, WriteMode::Recode)?;
        progress.inc(chunk.len() as u64, String::new());
    }
    store.rebuild_stories()?;
    progress.finish();
    let c = store.counts()?;
    eprintln!(
        "dyad: {}: recoded {} documents, {} with changed events, {} unchanged; the store holds {} events, {} stories",
        a.store.db.display(),
        keys.len(),
        total.replaced,
        total.unchanged,
        c.events,
        c.stories
    );
    if failed > 0 {
        eprintln!("dyad: {failed} document(s) could not be coded; their stored events are kept");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
