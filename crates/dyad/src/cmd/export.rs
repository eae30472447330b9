//! `dyad export [--db PATH] --format csv|jsonl|parquet -o FILE`: stored events to a file.
//!
//! Every event record by default, with SCHEMA.md's columns (what `dyad code` prints), so the
//! file joins with anything else coded by dyad; `--merged` writes one row per story with
//! `mentions` and `doc_ids` added. The filters of `dyad events` apply. Writing is
//! `dyad-export`'s; the file appears under its name only once complete.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_export::{Exporter, Format};
use dyad_store::Store;

use super::events::Filters;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
    Parquet,
}

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// File format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// One row per merged event (story), with `mentions` and `doc_ids` columns.
    #[arg(long)]
    pub merged: bool,
    #[command(flatten)]
    pub filters: Filters,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let q = a.filters.query(None)?;
    let store = Store::open_read_only(&a.db)?;
    let format = match a.format {
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Parquet => Format::Parquet,
    };
    let mut ex = Exporter::create(&a.output, format, a.merged)?;
    let written = if a.merged {
        store.stories(&q, |s| -> Result<()> { Ok(ex.write_story(&s)?) })
    } else {
        store.events(&q, |e| -> Result<()> { Ok(ex.write_event(&e)?) })
    };
    if let Err(e) = written {
        ex.abandon();
        return Err(e);
    }
    let rows = ex.finish()?;
    eprintln!("dyad: wrote {rows} {} to {}", if a.merged { "merged events" } else { "events" }, a.output.display());
    Ok(ExitCode::SUCCESS)
}
