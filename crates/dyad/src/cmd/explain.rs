//! `dyad explain "SENTENCE"`: every step of coding one sentence, with dictionary origins.

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
}

pub fn run(a: Args) -> Result<ExitCode> {
    if let Some(d) = &a.date {
        if !dyad_coder::dates::valid_day(d) {
            bail!("--date `{d}` is not a valid YYYY-MM-DD date");
        }
    }
    let coder = super::coder(a.dict.as_ref())?;
    let speaker = a.speaker.as_deref().map(|s| s.to_uppercase());
    let mut out = std::io::stdout().lock();
    out.write_all(coder.explain(&a.sentence, a.date.as_deref(), speaker.as_deref()).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
