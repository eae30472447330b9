//! Files for other tools: events as CSV, JSON Lines or Parquet, and the timeline chart as SVG.
//!
//! [`Exporter`] is the main type: created for a path and a [`Format`], fed events (or merged
//! stories) one at a time, and finished; rows stream to a temporary file beside the target,
//! which is renamed into place only when everything was written, so a failed export never
//! leaves half a file under the requested name. Columns are SCHEMA.md's ([`EVENT_COLUMNS`]),
//! then `year`/`month` in Parquet, then `mentions`/`doc_ids` for stories. Parquet goes
//! through arrow-rs ([`parquet`]); this crate keeps arrow out of every other crate.
//! [`read_parquet_events`] reads an export back (to check it round-trips). [`chart`] draws
//! the timeline SVG by hand. It does not read the store.

pub mod chart;
mod parquet_out;

pub use parquet_out::{read_events as read_parquet_events, schema as parquet_schema};

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use dyad_record::{Event, Story, EVENT_COLUMNS, STORY_COLUMNS};

/// An export error, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{path}: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
    #[error("{path}: parquet: {reason}")]
    Parquet { path: PathBuf, reason: String },
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
}

enum Sink {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Jsonl(BufWriter<File>),
    Parquet(Box<parquet_out::ParquetSink>),
}

/// Writes events or stories to one file.
pub struct Exporter {
    sink: Sink,
    path: PathBuf,
    tmp: PathBuf,
    stories: bool,
    rows: u64,
}

impl Exporter {
    /// Starts an export to `path`; `stories` adds the `mentions` and `doc_ids` columns.
    pub fn create(path: impl AsRef<Path>, format: Format, stories: bool) -> Result<Exporter> {
        let path = path.as_ref().to_path_buf();
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".dyad-partial");
        let tmp = path.with_file_name(name);
        let file = File::create(&tmp).map_err(|source| ExportError::Io { path: tmp.clone(), source })?;
        let sink = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(BufWriter::new(file));
                let mut header: Vec<&str> = EVENT_COLUMNS.to_vec();
                if stories {
                    header.extend(STORY_COLUMNS);
                }
                w.write_record(&header).map_err(|source| ExportError::Csv { path: path.clone(), source })?;
                Sink::Csv(Box::new(w))
            }
            Format::Jsonl => Sink::Jsonl(BufWriter::new(file)),
            Format::Parquet => Sink::Parquet(Box::new(parquet_out::ParquetSink::new(file, stories, &path)?)),
        };
        Ok(Exporter { sink, path, tmp, stories, rows: 0 })
    }

    /// Writes one event record (for an export of stories, as a story of one mention).
    pub fn write_event(&mut self, e: &Event) -> Result<()> {
        if self.stories {
            let s = Story { event: e.clone(), mentions: 1, doc_ids: vec![e.doc_id.clone()] };
            return self.write_story(&s);
        }
        self.write(e, None)
    }

    /// Writes one merged event.
    pub fn write_story(&mut self, s: &Story) -> Result<()> {
        if !self.stories {
            return self.write(&s.event, None);
        }
        self.write(&s.event, Some(s))
    }

    fn write(&mut self, e: &Event, story: Option<&Story>) -> Result<()> {
        let path = &self.path;
        match &mut self.sink {
            Sink::Csv(w) => {
                let mut row = e.to_row();
                if let Some(s) = story {
                    row.push(s.mentions.to_string());
                    row.push(s.doc_ids.join(";"));
                }
                w.write_record(&row).map_err(|source| ExportError::Csv { path: path.clone(), source })?;
            }
            Sink::Jsonl(w) => {
                let line = match story {
                    Some(s) => serde_json::to_vec(s),
                    None => serde_json::to_vec(e),
                }
                .map_err(|source| ExportError::Json { path: path.clone(), source })?;
                w.write_all(&line).and_then(|_| w.write_all(b"\n")).map_err(|source| ExportError::Io { path: path.clone(), source })?;
            }
            Sink::Parquet(p) => p.push(e, story, path)?,
        }
        self.rows += 1;
        Ok(())
    }

    /// Flushes, closes and moves the file into place; returns the number of rows.
    pub fn finish(self) -> Result<u64> {
        let path = self.path.clone();
        let io = |source| ExportError::Io { path: path.clone(), source };
        match self.sink {
            Sink::Csv(w) => {
                let mut inner = w.into_inner().map_err(|e| io(e.into_error()))?;
                inner.flush().map_err(io)?;
                inner.get_ref().sync_all().map_err(io)?;
            }
            Sink::Jsonl(mut w) => {
                w.flush().map_err(io)?;
                w.get_ref().sync_all().map_err(io)?;
            }
            Sink::Parquet(p) => p.finish(&path)?,
        }
        std::fs::rename(&self.tmp, &self.path).map_err(io)?;
        Ok(self.rows)
    }

    /// Removes the partial file (an export that failed half-way).
    pub fn abandon(self) {
        let tmp = self.tmp.clone();
        drop(self.sink);
        let _ = std::fs::remove_file(tmp);
    }
}
