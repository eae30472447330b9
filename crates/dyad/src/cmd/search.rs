//! `dyad search [--db PATH] QUERY`: full-text search over stored documents, with snippets.
//!
//! The query is FTS5 syntax (`Vladivostok`, `"joint exercise" NOT Japan`, `sanction*`), words
//! matched after Porter stemming; a query that is not valid syntax is searched as plain words.
//! Results come best first (BM25) with the matching words in `[` `]`. No SQL here.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use dyad_store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Table,
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// At most this many documents.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: SearchFormat,
    /// What to look for.
    pub query: String,
}

pub fn run(a: Args) -> Result<ExitCode> {
    if a.query.trim().is_empty() {
        anyhow::bail!("empty search: give some words to look for");
    }
    let store = Store::open_read_only(&a.db)?;
    let hits = store.search(&a.query, a.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match a.format {
        SearchFormat::Jsonl => {
            for h in &hits {
                let v = serde_json::json!({
                    "doc_id": h.doc_id, "title": h.title, "date": h.date, "snippet": h.snippet, "events": h.events,
                });
                writeln!(out, "{v}")?;
            }
        }
        SearchFormat::Table => {
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.set_header(["document", "date", "events", "title", "snippet"]);
            for h in &hits {
                t.add_row(vec![
                    h.doc_id.clone(),
                    h.date.clone().unwrap_or_default(),
                    h.events.to_string(),
                    h.title.clone().unwrap_or_default(),
                    h.snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                ]);
            }
            writeln!(out, "{t}")?;
            writeln!(out, "{} documents", hits.len())?;
        }
    }
    out.flush()?;
    Ok(if hits.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
