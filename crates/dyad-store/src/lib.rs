//! The store: coded documents and their events in one SQLite file, with versioned
//! migrations, WAL, full-text search and story-level merging across documents.
//!
//! [`Store`] is the main type: [`Store::open`] creates or upgrades a store for writing,
//! [`Store::open_read_only`] opens one for queries and never writes. A file that is not a
//! dyad store (another program's SQLite database, a text file, a damaged file) is refused
//! with a [`StoreError`] naming it, before anything is written to it.
//!
//! The schema is in [`schema`] (tables `documents`, `event_mentions`, `stories`, the FTS5
//! index `documents_fts`, and the views `events` and `merged_events`); writes in [`ingest`];
//! the merge rule in [`stories`]; reads in [`query`]. This is the only crate that knows SQL.
//! It does not code text (the binary hands it coded events) and does not format output.

pub mod dates;
pub mod ingest;
mod open;
pub mod query;
pub mod schema;
pub mod stories;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use ingest::{content_hash, BatchReport, Ingest, StoredDoc, WriteMode};
pub use query::{EventQuery, Hit, Period, TimelineRow};

/// An error of the store, naming the database file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a SQLite database ({reason}); refusing to use it as a dyad store")]
    NotSqlite { path: PathBuf, reason: String },
    #[error("{path}: a SQLite database, but not a dyad store (application_id {app_id:#010x}); refusing to touch it")]
    Foreign { path: PathBuf, app_id: u32 },
    #[error("{path}: damaged dyad store: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: store schema version {found} is newer than this dyad knows ({known}); use a newer dyad")]
    TooNew { path: PathBuf, found: u32, known: u32 },
    #[error("{path}: no dyad store here (run `dyad ingest --db {path} ...` first)")]
    Missing { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Sql { path: PathBuf, source: rusqlite::Error },
    #[error("bad query: {0}")]
    BadQuery(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Document, event and story counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub stories: u64,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating it when the file is
    /// missing or empty and applying pending migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = open::open_write(&path)?;
        Ok(Store { conn, path })
    }

    /// Opens an existing store for queries only: nothing is ever written to the file.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = open::open_read(&path)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<u32> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.sql(e))
    }

    pub fn counts(&self) -> Result<Counts> {
        let q = |sql: &str| -> Result<u64> { self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as u64).map_err(|e| self.sql(e)) };
        Ok(Counts {
            documents: q("SELECT count(*) FROM documents")?,
            events: q("SELECT count(*) FROM event_mentions")?,
            stories: q("SELECT count(*) FROM stories")?,
        })
    }

    /// The underlying connection, for tests and tools that read the schema.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql { path: self.path.clone(), source }
    }
}
