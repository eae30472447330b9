//! `dyad timeline [--db PATH] A B [--by month|quarter|year] [-o chart.svg]`: a dyad over time.
//!
//! Per period, both directions: event counts by quad class (verbal and material cooperation,
//! verbal and material conflict) and the Goldstein sum, as a table on stdout and, with `-o`,
//! an SVG chart (`dyad-export`'s `chart`). Merged events count by default (`--mentions` counts
//! every record); planned acts (`future`) are left out; an event counts in the period of its
//! first day. The chart fills periods without events with zeros so its time axis is even.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use dyad_export::chart::{timeline_svg, Chart, ChartPeriod};
use dyad_store::{Period, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Month,
    Quarter,
    Year,
}

#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
    /// First country (`PRK`).
    pub a: String,
    /// Second country (`RUS`).
    pub b: String,
    /// Period length.
    #[arg(long, value_enum, default_value = "month")]
    pub by: By,
    /// Write an SVG chart to this file.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Count every event record instead of merged events.
    #[arg(long)]
    pub mentions: bool,
    /// From the start of this date (`2019`, `2019-01`).
    #[arg(long)]
    pub from: Option<String>,
    /// Up to the end of this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Print SQLite's query plan of the timeline query instead.
    #[arg(long, hide = true)]
    pub explain: bool,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let ok = |c: &str| c.len() == 3 && c.chars().all(|x| x.is_ascii_alphabetic());
    if !ok(&a.a) || !ok(&a.b) {
        bail!("expected two three-letter country codes, like `dyad timeline PRK RUS`");
    }
    let (ca, cb) = (a.a.to_uppercase(), a.b.to_uppercase());
    let period = match a.by {
        By::Month => Period::Month,
        By::Quarter => Period::Quarter,
        By::Year => Period::Year,
    };
    let by = format!("{:?}", a.by).to_lowercase();
    let store = Store::open_read_only(&a.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.explain {
        for line in store.timeline_plan(period, !a.mentions)? {
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = store.timeline(&ca, &cb, period, !a.mentions, a.from.as_deref(), a.to.as_deref())?;

    // One entry per period, both directions.
    let mut periods: Vec<ChartPeriod> = Vec::new();
    for r in &rows {
        if periods.last().is_none_or(|p| p.label != r.period) {
            periods.push(ChartPeriod { label: r.period.clone(), ..Default::default() });
        }
        let p = periods.last_mut().expect("pushed above");
        if r.source == ca {
            p.ab = r.quad;
            p.gold_ab = r.goldstein;
        } else {
            p.ba = r.quad;
            p.gold_ba = r.goldstein;
        }
    }

    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    let ab = format!("{ca}\u{2192}{cb}");
    let ba = format!("{cb}\u{2192}{ca}");
    t.set_header(vec![
        by.clone(),
        format!("{ab} v.coop"),
        "m.coop".into(),
        "v.confl".into(),
        "m.confl".into(),
        "Goldstein".into(),
        format!("{ba} v.coop"),
        "m.coop".into(),
        "v.confl".into(),
        "m.confl".into(),
        "Goldstein".into(),
    ]);
    let mut totals = ([0u64; 4], [0u64; 4], 0.0f64, 0.0f64);
    for p in &periods {
        let mut row = vec![p.label.clone()];
        row.extend(p.ab.iter().map(|n| n.to_string()));
        row.push(format!("{:.1}", p.gold_ab));
        row.extend(p.ba.iter().map(|n| n.to_string()));
        row.push(format!("{:.1}", p.gold_ba));
        t.add_row(row);
        for q in 0..4 {
            totals.0[q] += p.ab[q];
            totals.1[q] += p.ba[q];
        }
        totals.2 += p.gold_ab;
        totals.3 += p.gold_ba;
    }
    let mut row = vec!["total".to_string()];
    row.extend(totals.0.iter().map(|n| n.to_string()));
    row.push(format!("{:.1}", totals.2));
    row.extend(totals.1.iter().map(|n| n.to_string()));
    row.push(format!("{:.1}", totals.3));
    t.add_row(row);
    writeln!(out, "{t}")?;
    let what = if a.mentions { "event records" } else { "merged events" };
    writeln!(out, "{} {by}s with {what} between {ca} and {cb} (planned acts left out)", periods.len())?;
    out.flush()?;

    if let Some(path) = &a.output {
        let filled: Vec<ChartPeriod> = match (periods.first(), periods.last()) {
            (Some(f), Some(l)) => period
                .range(&f.label, &l.label)
                .into_iter()
                .map(|label| periods.iter().find(|p| p.label == label).cloned().unwrap_or(ChartPeriod { label, ..Default::default() }))
                .collect(),
            _ => Vec::new(),
        };
        let c = store.counts()?;
        let note = format!(
            "{} per {by}, acts that happened; from {} ({} documents)",
            if a.mentions { "event records (every report counted)" } else { "merged events (an act reported by several documents counts once)" },
            a.db.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            c.documents
        );
        let svg = timeline_svg(&Chart { a: &ca, b: &cb, by: &by, note, periods: &filled });
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("dyad: chart written to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
