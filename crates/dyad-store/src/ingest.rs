//! Writing coded documents: one transaction per batch, idempotent by content hash.
//!
//! [`Store::write_batch`] takes [`Ingest`] items (a document, its content hash and the events
//! the coder gave it) and, in one transaction: inserts new documents; skips a document whose
//! id is stored with the same hash ([`WriteMode::Ingest`]) or whose events are unchanged
//! ([`WriteMode::Recode`]); replaces the row and all events of a changed one; and files the new
//! events into stories ([`crate::stories`]). A batch is all or nothing, so a killed ingest
//! leaves whole documents with all their events. It does not code: callers bring events.

use std::collections::HashSet;

use dyad_record::{Event, InputDocument};
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::{dates, stories, Result, Store};

/// A coded document to store.
#[derive(Clone, Debug)]
pub struct Ingest {
    pub doc: InputDocument,
    pub first_line_is_title: bool,
    /// [`content_hash`] of `doc` and `first_line_is_title`.
    pub hash: String,
    /// The document date the coder settled on.
    pub coded_date: Option<String>,
    pub events: Vec<Event>,
}

/// What to do with a document already stored under the same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteMode {
    /// Skip it when its content hash is unchanged; replace it otherwise.
    Ingest,
    /// Replace its events when they differ from the stored ones (dictionaries changed).
    Recode,
}

/// What one batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub events: usize,
}

impl std::ops::AddAssign for BatchReport {
    fn add_assign(&mut self, o: BatchReport) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.events += o.events;
    }
}

/// A stored document, as read back for recoding.
#[derive(Clone, Debug)]
pub struct StoredDoc {
    pub doc: InputDocument,
    pub first_line_is_title: bool,
}

/// SHA-256 (hex) of everything that can change a document's events: its id, text, title,
/// date, publisher, url, language and whether its first line is its title.
pub fn content_hash(doc: &InputDocument, first_line_is_title: bool) -> String {
    let canonical = serde_json::json!([
        doc.id, doc.text, doc.title, doc.doc_date, doc.publisher, doc.url, doc.lang, first_line_is_title
    ]);
    let mut h = Sha256::new();
    h.update(canonical.to_string().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

const EVENT_SELECT: &str = "SELECT d.id, m.event_id, m.sentence_index, m.sentence, m.trigger, m.span_start, m.span_end, \
    m.source, m.source_country, m.source_agent, m.source_name, m.target, m.target_country, m.target_agent, m.target_name, \
    m.code, m.root, m.quad_class, m.goldstein, m.plover, m.date, m.date_source, m.future, m.location, m.confidence";

/// An [`Event`] from a row selected with [`EVENT_SELECT`]'s columns, starting at column 0.
pub(crate) fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<Event> {
    Ok(Event {
        doc_id: r.get(0)?,
        event_id: r.get(1)?,
        sentence_index: r.get::<_, i64>(2)? as usize,
        sentence: r.get(3)?,
        trigger: r.get(4)?,
        span: [r.get::<_, i64>(5)? as usize, r.get::<_, i64>(6)? as usize],
        source: r.get(7)?,
        source_country: r.get(8)?,
        source_agent: r.get(9)?,
        source_name: r.get(10)?,
        target: r.get(11)?,
        target_country: r.get(12)?,
        target_agent: r.get(13)?,
        target_name: r.get(14)?,
        code: r.get(15)?,
        root: r.get(16)?,
        quad_class: r.get::<_, i64>(17)? as u8,
        goldstein: r.get::<_, f64>(18)? as f32,
        plover: r.get(19)?,
        date: r.get(20)?,
        date_source: r.get(21)?,
        future: r.get::<_, i64>(22)? != 0,
        location: r.get(23)?,
        confidence: r.get::<_, f64>(24)? as f32,
    })
}

pub(crate) fn event_select() -> &'static str {
    EVENT_SELECT
}

impl Store {
    /// The ids among `docs` (id, content hash) stored with that same hash: nothing to code.
    pub fn unchanged<'a>(&self, docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare_cached("SELECT content_hash FROM documents WHERE id = ?1").map_err(|e| self.sql(e))?;
        let mut out = HashSet::new();
        for (id, hash) in docs {
            let stored: Option<String> = st.query_row([id], |r| r.get(0)).optional().map_err(|e| self.sql(e))?;
            if stored.as_deref() == Some(hash) {
                out.insert(id.to_string());
            }
        }
        Ok(out)
    }

    /// Stores a batch of coded documents in one transaction (see the module doc).
    pub fn write_batch(&mut self, items: &[Ingest], mode: WriteMode) -> Result<BatchReport> {
        let path = self.path.clone();
        let err = |source| crate::StoreError::Sql { path: path.clone(), source };
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        let report = write_in(&tx, items, mode).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(report)
    }

    /// Keys of every stored document, in storage order.
    pub fn document_keys(&self) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare("SELECT doc_key FROM documents ORDER BY doc_key").map_err(|e| self.sql(e))?;
        let keys = st.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(|e| self.sql(e))?;
        Ok(keys)
    }

    /// The documents with these keys, as they were ingested.
    pub fn load_documents(&self, keys: &[i64]) -> Result<Vec<StoredDoc>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, text, title, doc_date, url, publisher, lang, first_line_is_title FROM documents WHERE doc_key = ?1",
            )
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let d = st
                .query_row([k], |r| {
                    Ok(StoredDoc {
                        doc: InputDocument {
                            id: r.get(0)?,
                            text: r.get(1)?,
                            title: r.get(2)?,
                            doc_date: r.get(3)?,
                            url: r.get(4)?,
                            publisher: r.get(5)?,
                            lang: r.get(6)?,
                        },
                        first_line_is_title: r.get::<_, i64>(7)? != 0,
                    })
                })
                .optional()
                .map_err(|e| self.sql(e))?;
            out.extend(d);
        }
        Ok(out)
    }

    /// The stored events of one document, in coding order.
    pub fn document_events(&self, doc_id: &str) -> Result<Vec<Event>> {
        let sql = format!("{EVENT_SELECT} FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE d.id = ?1 ORDER BY m.event_key");
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
        let v = st.query_map([doc_id], event_from_row).and_then(|rows| rows.collect()).map_err(|e| self.sql(e))?;
        Ok(v)
    }

    /// Regroups every event into stories, in date order (see [`crate::stories`]).
    pub fn rebuild_stories(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |source| crate::StoreError::Sql { path: path.clone(), source };
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(err)?;
        tx.execute_batch("UPDATE event_mentions SET story_id = NULL; DELETE FROM stories;").map_err(err)?;
        stories::assign_after(&tx, -1).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(())
    }
}

fn write_in(tx: &Transaction, items: &[Ingest], mode: WriteMode) -> rusqlite::Result<BatchReport> {
    let mut report = BatchReport::default();
    let before: i64 = tx.query_row("SELECT coalesce(max(event_key), 0) FROM event_mentions", [], |r| r.get(0))?;
    for it in items {
        let d = &it.doc;
        let existing: Option<(i64, String)> = tx
            .prepare_cached("SELECT doc_key, content_hash FROM documents WHERE id = ?1")?
            .query_row([&d.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let key = match existing {
            Some((_, hash)) if mode == WriteMode::Ingest && hash == it.hash => {
                report.unchanged += 1;
                continue;
            }
            Some((key, _)) if mode == WriteMode::Recode && stored_events(tx, key)? == it.events => {
                report.unchanged += 1;
                continue;
            }
            Some((key, _)) => {
                tx.prepare_cached(
                    "UPDATE documents SET content_hash = ?2, title = ?3, doc_date = ?4, coded_date = ?5, publisher = ?6, \
                     url = ?7, lang = ?8, first_line_is_title = ?9, text = ?10, \
                     ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE doc_key = ?1",
                )?
                .execute(params![key, it.hash, d.title, d.doc_date, it.coded_date, d.publisher, d.url, d.lang, it.first_line_is_title, d.text])?;
                detach_document(tx, key)?;
                report.replaced += 1;
                key
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO documents (id, content_hash, title, doc_date, coded_date, publisher, url, lang, first_line_is_title, text) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(params![d.id, it.hash, d.title, d.doc_date, it.coded_date, d.publisher, d.url, d.lang, it.first_line_is_title, d.text])?;
                report.added += 1;
                tx.last_insert_rowid()
            }
        };
        for e in &it.events {
            insert_event(tx, key, e)?;
        }
        report.events += it.events.len();
    }
    stories::assign_after(tx, before)?;
    Ok(report)
}

fn stored_events(tx: &Transaction, doc_key: i64) -> rusqlite::Result<Vec<Event>> {
    let sql = format!("{EVENT_SELECT} FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE m.doc_key = ?1 ORDER BY m.event_key");
    let mut st = tx.prepare_cached(&sql)?;
    let v = st.query_map([doc_key], event_from_row)?.collect();
    v
}

/// Deletes a document's events and refreshes the stories they were in.
fn detach_document(tx: &Transaction, doc_key: i64) -> rusqlite::Result<()> {
    let ids: Vec<i64> = tx
        .prepare_cached("SELECT DISTINCT story_id FROM event_mentions WHERE doc_key = ?1 AND story_id IS NOT NULL")?
        .query_map([doc_key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached("DELETE FROM event_mentions WHERE doc_key = ?1")?.execute([doc_key])?;
    for id in ids {
        stories::refresh(tx, id)?;
    }
    Ok(())
}

fn insert_event(tx: &Transaction, doc_key: i64, e: &Event) -> rusqlite::Result<()> {
    let iv = dates::interval(&e.date);
    tx.prepare_cached(
        "INSERT INTO event_mentions (doc_key, event_id, sentence_index, sentence, trigger, span_start, span_end, \
         source, source_country, source_agent, source_name, target, target_country, target_agent, target_name, \
         code, root, quad_class, goldstein, plover, date, date_source, future, location, confidence, date_start, date_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?
    .execute(params![
        doc_key,
        e.event_id,
        e.sentence_index as i64,
        e.sentence,
        e.trigger,
        e.span[0] as i64,
        e.span[1] as i64,
        e.source,
        e.source_country,
        e.source_agent,
        e.source_name,
        e.target,
        e.target_country,
        e.target_agent,
        e.target_name,
        e.code,
        e.root,
        i64::from(e.quad_class),
        wide(e.goldstein),
        e.plover,
        e.date,
        e.date_source,
        e.future,
        e.location,
        wide(e.confidence),
        iv.as_ref().map(|i| i.start.as_str()),
        iv.as_ref().map(|i| i.end.as_str()),
    ])?;
    Ok(())
}

/// The f64 whose shortest decimal form is the f32's (`1.9f32` -> `1.9`, not `1.8999999761`),
/// so SQLite clients see the values `dyad code` prints; it converts back to the same f32.
pub(crate) fn wide(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}
