//! `dyad eval GOLD.jsonl`: code the gold documents and score them like `score_events.py`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::input;
use crate::score;

#[derive(clap::Args)]
pub struct Args {
    /// A gold corpus: documents in the input format with their `events`.
    pub gold: PathBuf,
    /// Also print true and false positives and false negatives per CAMEO root.
    #[arg(long)]
    pub by_root: bool,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Write the predicted events (JSON Lines) here too.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// A directory of dictionary overrides.
    #[arg(long)]
    pub dict: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let coder = super::coder(a.dict.as_ref())?;
    let text = std::fs::read_to_string(&a.gold).with_context(|| format!("cannot read {}", a.gold.display()))?;
    let gold = score::load_gold(&text).with_context(|| format!("in {}", a.gold.display()))?;
    let mut predicted = Vec::new();
    for doc in input::read(&a.gold) {
        let d = doc.map_err(|e| anyhow::anyhow!("{e}"))?;
        // A document the coder fails on would score as missed events: the run fails instead.
        predicted.extend(super::code::code_one(coder, &d, false).map_err(anyhow::Error::msg)?.events);
    }
    if let Some(p) = &a.pred {
        let mut out = String::new();
        for e in &predicted {
            out.push_str(&serde_json::to_string(e)?);
            out.push('\n');
        }
        std::fs::write(p, out).with_context(|| format!("cannot write {}", p.display()))?;
    }
    let preds: Vec<score::Pred> = predicted.iter().map(score::Pred::from_event).collect();
    let r = score::score(&gold, &preds);
    let text = if a.json { format!("{}\n", r.to_json()) } else { r.report(a.by_root) };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
