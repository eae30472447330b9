//! Writing events: JSON Lines, CSV (SCHEMA.md columns) and a table for people.
//!
//! JSON Lines and CSV are written as events arrive, so output streams; the table collects
//! events and prints them at the end.

use std::io::Write;

use anyhow::Result;
use dyad_record::{Event, EVENT_COLUMNS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Table,
}

pub struct Writer<W: Write> {
    format: Format,
    out: W,
    table: Vec<Event>,
}

impl<W: Write> Writer<W> {
    pub fn new(format: Format, out: W) -> Result<Self> {
        let mut w = Writer { format, out, table: Vec::new() };
        if format == Format::Csv {
            w.csv_row(EVENT_COLUMNS.iter().map(|c| c.to_string()).collect())?;
        }
        Ok(w)
    }

    /// One CSV record, quoted as needed, written at once so output streams.
    fn csv_row(&mut self, row: Vec<String>) -> Result<()> {
        let mut c = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        c.write_record(&row)?;
        let buf = c.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
        self.out.write_all(&buf)?;
        Ok(())
    }

    pub fn write(&mut self, e: &Event) -> Result<()> {
        match self.format {
            Format::Jsonl => {
                // Serialized first, so a closed stdout surfaces as the `io::Error` it is
                // (`main` treats a broken pipe as success), not inside a `serde_json::Error`.
                let mut line = serde_json::to_vec(e)?;
                line.push(b'\n');
                self.out.write_all(&line)?;
            }
            Format::Csv => self.csv_row(e.to_row())?,
            Format::Table => self.table.push(e.clone()),
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        if self.format == Format::Table {
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
            t.set_header(["doc", "sent", "source", "target", "code", "quad", "gold.", "date", "src", "fut", "trigger"]);
            for e in &self.table {
                let src = match &e.source_name {
                    Some(n) => format!("{} ({n})", e.source),
                    None => e.source.clone(),
                };
                let tgt = match &e.target_name {
                    Some(n) => format!("{} ({n})", e.target),
                    None => e.target.clone(),
                };
                t.add_row(vec![
                    e.doc_id.clone(),
                    e.sentence_index.to_string(),
                    src,
                    tgt,
                    e.code.clone(),
                    e.quad_class.to_string(),
                    format!("{:.1}", e.goldstein),
                    e.date.clone(),
                    e.date_source.clone(),
                    if e.future { "yes".into() } else { String::new() },
                    e.trigger.clone(),
                ]);
            }
            writeln!(self.out, "{t}")?;
            writeln!(self.out, "{} events", self.table.len())?;
        }
        self.out.flush()?;
        Ok(())
    }
}
