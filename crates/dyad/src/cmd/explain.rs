//! `dyad explain "SENTENCE"`: every step of coding one sentence, with dictionary origins.
//! With `--in PATH`, the sentences of those documents that contain the words given are
//! explained in their document's context (speaker, dyad in play, people and dates before).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The sentence to code.
    pub sentence: String,
    /// The document date (YYYY-MM-DD) that relative dates resolve against.
    #[arg(long)]
    pub date: Option<String>,
    /// The speaker's country code, for `we`, `our country` (e.g. PRK).
    #[arg(long)]
    pub speaker: Option<String>,
    /// A directory of dictionary overrides.
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Explain, in their documents' context, the sentences of these inputs (files,
    /// directories, .jsonl) that contain SENTENCE's words.
    #[arg(long = "in", value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// With --in: only the document with this id.
    #[arg(long)]
    pub doc: Option<String>,
}

pub fn run(a: Args) -> Result<ExitCode> {
    if let Some(d) = &a.date {
        if !dyad_coder::dates::valid_day(d) {
            bail!("--date `{d}` is not a valid YYYY-MM-DD date");
        }
    }
    let coder = super::coder(a.dict.as_ref())?;
    if !a.inputs.is_empty() {
        return in_context(coder, &a);
    }
    let speaker = a.speaker.as_deref().map(|s| s.to_uppercase());
    let mut out = std::io::stdout().lock();
    out.write_all(coder.explain(&a.sentence, a.date.as_deref(), speaker.as_deref()).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--in PATH`: each matching sentence explained within its document.
fn in_context(coder: &dyad_coder::Coder, a: &Args) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut found = 0usize;
    let mut failed = 0usize;
    let docs = crate::input::expand(&a.inputs).into_iter().flat_map(|path| match path {
        Ok(p) => crate::input::read(&p),
        Err(e) => Box::new(std::iter::once(Err(e))),
    });
    for d in docs {
        let d = match d {
            Ok(d) => d,
            Err(e) => {
                eprintln!("dyad: {e}");
                failed += 1;
                continue;
            }
        };
        if a.doc.as_ref().is_some_and(|id| *id != d.doc.id) || !dyad_coder::contains_words(&d.doc.text, &a.sentence) {
            continue;
        }
        for (_, trace) in coder.explain_in(&super::code::doc_input(&d), &a.sentence) {
            found += 1;
            writeln!(out, "{trace}")?;
        }
    }
    out.flush()?;
    if found == 0 {
        eprintln!("dyad: no sentence of the inputs contains `{}`", a.sentence);
        return Ok(ExitCode::FAILURE);
    }
    Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
