//! `dyad`: diplomatic statements and news in, dated and sourced CAMEO events out.
//!
//! `main` parses the command line, runs one subcommand (one file each under `cmd/`), and maps
//! the outcome to an exit code: 0 when everything was coded, 1 when some input could not be
//! read (the rest was still coded), 2 for usage errors. A closed stdout (`dyad code | head`)
//! ends the run quietly with 0.

mod cmd;
mod input;
mod output;
mod score;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The coder makes many small, short-lived allocations per sentence; mimalloc serves them
/// in a fraction of the system allocator's time. Its v2 line returns freed pages to the OS
/// after 10 ms, which keeps peak memory near the system allocator's (v3 holds them for a
/// second: twice the peak in `dyad bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Code diplomatic statements and news into dated, sourced CAMEO events")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents and print their events.
    Code(cmd::code::Args),
    /// Show how one sentence is coded, step by step.
    Explain(cmd::explain::Args),
    /// Code a gold corpus and score it as shared/tools/score_events.py does.
    Eval(cmd::eval::Args),
    /// Measure coding speed and memory in one run, with the event count checked.
    Bench(cmd::bench::Args),
    /// Code documents and keep them with their events in a store (SQLite).
    Ingest(cmd::ingest::Args),
    /// Code every stored document again with the current dictionaries.
    Recode(cmd::recode::Args),
    /// List stored events: merged across documents, or every record with --mentions.
    Events(cmd::events::Args),
    /// Full-text search over stored documents.
    Search(cmd::search::Args),
    /// Write stored events to CSV, JSON Lines or Parquet.
    Export(cmd::export::Args),
    /// Events between two countries per period, as a table and an SVG chart.
    Timeline(cmd::timeline::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Recode(a) => cmd::recode::run(a),
        Command::Events(a) => cmd::events::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Timeline(a) => cmd::timeline::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: {}", message(&e));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes joined with `: `, a cause left out when the message before it
/// already ends with it (errors that print their source: `...: not a directory: not a directory`).
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let m = cause.to_string();
        if !out.is_empty() {
            if out.ends_with(&m) {
                continue;
            }
            out.push_str(": ");
        }
        out.push_str(&m);
    }
    out
}
