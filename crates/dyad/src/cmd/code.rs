//! `dyad code PATH...`: code documents and print their events.

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
    /// Files (.txt, .md, .html: one document each; .jsonl: one document a line), directories, or - for JSON Lines on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Codes `doc` and returns its events, notes printed when `verbose`.
pub fn code_one(coder: &dyad_coder::Coder, d: &Doc, verbose: bool) -> dyad_coder::Coded {
    let doc = &d.doc;
    let coded = coder.code(&DocInput {
        id: &doc.id,
        text: &doc.text,
        title: doc.title.as_deref(),
        doc_date: doc.doc_date.as_deref(),
        publisher: doc.publisher.as_deref(),
        first_line_is_title: d.first_line_is_title,
    });
    if verbose {
        for n in &coded.notes {
            match n.sentence_index {
                Some(i) => eprintln!("dyad: {} sentence {i}: {}", doc.id, n.message),
                None => eprintln!("dyad: {}: {}", doc.id, n.message),
            }
        }
    }
    coded
}

pub fn run(a: Args) -> Result<ExitCode> {
    let coder = super::coder(a.dict.as_ref())?;
    let stdout = std::io::stdout();
    let mut w = Writer::new(a.format, std::io::BufWriter::new(stdout.lock()))?;
    let mut failed = 0usize;
    for path in input::expand(&a.paths) {
        let path = match path {
            Ok(p) => p,
            Err(e) => {
                eprintln!("dyad: {e}");
                failed += 1;
                continue;
            }
        };
        for doc in input::read(&path) {
            match doc {
                Ok(d) => {
                    for e in &code_one(&coder, &d, a.verbose).events {
                        w.write(e)?;
                    }
                }
                Err(e) => {
                    eprintln!("dyad: {e}");
                    failed += 1;
                }
            }
        }
    }
    w.finish()?;
    std::io::stderr().flush().ok();
    if failed > 0 {
        eprintln!("dyad: {failed} input(s) could not be coded");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
