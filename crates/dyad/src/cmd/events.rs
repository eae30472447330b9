//! `dyad events [--db PATH] [filters] [--format table|jsonl|csv]`: list stored events.
//!
//! Merged (story-level) events by default: one line per act, with how many event records
//! (`mentions`) and which documents report it; `--mentions` lists the raw records instead,
//! exactly as `dyad code` printed them. [`Filters`] is shared with `dyad export`. This module
//! does no SQL: it turns flags into a [`dyad_store::EventQuery`] and formats what comes back.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use dyad_record::{Story, EVENT_COLUMNS, STORY_COLUMNS};
use dyad_store::{EventQuery, Store};

use crate::output::{Format, Writer};

/// Which events: flags shared by `events` and `export`.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct Filters {
    /// Two countries, `PRK-RUS`: events between them in either direction (see --directed).
    #[arg(long)]
    pub dyad: Option<String>,
    /// With --dyad, only events from the first country to the second.
    #[arg(long)]
    pub directed: bool,
    /// A country (`RUS`, as source or target) or a full actor code (`RUSGOV`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Events dated from the start of this date on (`2019`, `2019-01`, `2019-01-15`).
    #[arg(long)]
    pub from: Option<String>,
    /// Events dated up to the end of this date.
    #[arg(long)]
    pub to: Option<String>,
    /// CAMEO root code (`04`).
    #[arg(long)]
    pub root: Option<String>,
    /// CAMEO event code or a prefix of one (`042`).
    #[arg(long)]
    pub code: Option<String>,
    /// Only events the text announces or plans.
    #[arg(long)]
    pub future: bool,
}

impl Filters {
    /// The validated query.
    pub fn query(&self, limit: Option<usize>) -> Result<EventQuery> {
        let code3 = |s: &str| s.len() >= 3 && s.chars().all(|c| c.is_ascii_alphanumeric());
        let dyad = match &self.dyad {
            Some(d) => match d.split_once(['-', '/', ':']) {
                Some((a, b)) if code3(a) && code3(b) => Some((a.to_uppercase(), b.to_uppercase())),
                _ => bail!("--dyad `{d}`: expected two country codes joined by `-`, like PRK-RUS"),
            },
            None => None,
        };
        if self.directed && dyad.is_none() {
            bail!("--directed needs --dyad");
        }
        if let Some(a) = &self.actor {
            if !code3(a) {
                bail!("--actor `{a}`: expected a country code (RUS) or an actor code (RUSGOV)");
            }
        }
        let digits = |s: &Option<String>, flag: &str, max: usize| -> Result<Option<String>> {
            match s {
                Some(v) if v.is_empty() || v.len() > max || !v.chars().all(|c| c.is_ascii_digit()) => {
                    bail!("{flag} `{v}`: expected a CAMEO code of digits")
                }
                Some(v) if flag == "--root" && v.len() == 1 => Ok(Some(format!("0{v}"))),
                other => Ok(other.clone()),
            }
        };
        let q = EventQuery {
            dyad,
            directed: self.directed,
            actor: self.actor.as_ref().map(|a| a.to_uppercase()),
            from: self.from.clone(),
            to: self.to.clone(),
            root: digits(&self.root, "--root", 2)?,
            code: digits(&self.code, "--code", 4)?,
            future_only: self.future,
            limit,
        };
        for (flag, v) in [("--from", &q.from), ("--to", &q.to)] {
            if let Some(v) = v {
                if dyad_store::dates::bounds(v).is_none() {
                    bail!("{flag} `{v}`: expected a date (YYYY, YYYY-MM or YYYY-MM-DD)");
                }
            }
        }
        Ok(q)
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// List every event record (one per document) instead of merged events.
    #[arg(long)]
    pub mentions: bool,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let q = a.filters.query(a.limit)?;
    let store = Store::open_read_only(&a.db)?;
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    if a.mentions {
        let mut w = Writer::new(a.format, out)?;
        store.events(&q, |e| w.write(&e))?;
        w.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut stories: Vec<Story> = Vec::new();
    let mut out = out;
    let cols: Vec<String> = EVENT_COLUMNS.iter().chain(STORY_COLUMNS).map(|c| c.to_string()).collect();
    if a.format == Format::Csv {
        csv_line(&mut out, cols)?;
    }
    store.stories(&q, |s| -> Result<()> {
        match a.format {
            Format::Table => stories.push(s),
            Format::Jsonl => {
                let mut line = serde_json::to_vec(&s)?;
                line.push(b'\n');
                out.write_all(&line)?;
            }
            Format::Csv => {
                let mut row = s.event.to_row();
                row.push(s.mentions.to_string());
                row.push(s.doc_ids.join(";"));
                csv_line(&mut out, row)?;
            }
        }
        Ok(())
    })?;
    if a.format == Format::Table {
        writeln!(out, "{}", story_table(&stories))?;
        let reports: usize = stories.iter().map(|s| s.mentions).sum();
        writeln!(out, "{} events ({} event records merged; --mentions lists them)", stories.len(), reports)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn csv_line(out: &mut impl Write, row: Vec<String>) -> Result<()> {
    let mut c = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    c.write_record(&row)?;
    let buf = c.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
    out.write_all(&buf)?;
    Ok(())
}

fn story_table(stories: &[Story]) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    t.set_header(["date", "source", "target", "code", "quad", "gold.", "location", "fut", "reports", "documents", "trigger"]);
    let actor = |code: &str, name: &Option<String>| match name {
        Some(n) => format!("{code} ({n})"),
        None => code.to_string(),
    };
    for s in stories {
        let e = &s.event;
        let docs = if s.doc_ids.len() > 2 {
            format!("{}, {} +{}", s.doc_ids[0], s.doc_ids[1], s.doc_ids.len() - 2)
        } else {
            s.doc_ids.join(", ")
        };
        t.add_row(vec![
            e.date.clone(),
            actor(&e.source, &e.source_name),
            actor(&e.target, &e.target_name),
            e.code.clone(),
            e.quad_class.to_string(),
            format!("{:.1}", e.goldstein),
            e.location.clone().unwrap_or_default(),
            if e.future { "yes".into() } else { String::new() },
            s.mentions.to_string(),
            docs,
            e.trigger.clone(),
        ]);
    }
    t
}
