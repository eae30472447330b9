//! The store's schema and its migrations.
//!
//! [`MIGRATIONS`] lists the SQL of each schema version; version N is `MIGRATIONS[N - 1]`
//! and `PRAGMA user_version` records the last one applied. Each migration runs in its own
//! transaction, so a store is always at one whole version. Migrations are only ever
//! appended: an old file is brought up to date by running the ones it lacks.
//!
//! Tables (version 1):
//!
//! - `documents`: one row per document id: `content_hash` (SHA-256 of the input fields,
//!   [`crate::content_hash`]), `title`, `doc_date` (as given), `coded_date` (the date the coder
//!   settled on), `publisher`, `url`, `lang`, `first_line_is_title`, `text`, `ingested_at`.
//! - `event_mentions`: one row per coded event (what `dyad code` prints), every SCHEMA.md field
//!   (`span` as `span_start`, `span_end`), the document (`doc_key`) and sentence
//!   (`sentence_index`) it comes from, the story it belongs to (`story_id`), and its date as an
//!   interval of days (`date_start`, `date_end`, see [`crate::dates`]).
//! - `stories`: one row per act: its dyad (`source_country`, `target_country`), `root`,
//!   `future`, the days all its mentions share (`date_start`, `date_end`), `location`, the
//!   representative mention (`rep_key`) and its `quad_class` and `goldstein`, and the number of
//!   `mentions` (see [`crate::stories`] for the rule).
//! - `documents_fts`: FTS5 over `title` and `text` (external content, kept by triggers).
//!
//! Views: `events` has exactly SCHEMA.md's columns, one row per event record (as `dyad code`
//! prints them; `span` is a JSON array, `future` 0 or 1); `merged_events` has SCHEMA.md's columns
//! of each story's representative mention followed by `mentions`, `doc_ids` (a JSON array),
//! `story_id`, `date_start`, `date_end`.

/// `"dyad"` in ASCII, stored in the file header (`PRAGMA application_id`) so a dyad store can
/// be told from any other SQLite file without running SQL on it.
pub const APPLICATION_ID: u32 = 0x6479_6164;

/// The schema version this build writes and reads.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// The SQL of each version, in order.
pub const MIGRATIONS: &[&str] = &[V1];

const V1: &str = r#"
PRAGMA application_id = 1685676388;

CREATE TABLE documents (
    doc_key             INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    content_hash        TEXT NOT NULL,
    title               TEXT,
    doc_date            TEXT,
    coded_date          TEXT,
    publisher           TEXT,
    url                 TEXT,
    lang                TEXT,
    first_line_is_title INTEGER NOT NULL DEFAULT 0,
    text                TEXT NOT NULL,
    ingested_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE stories (
    story_id       INTEGER PRIMARY KEY,
    source_country TEXT NOT NULL,
    target_country TEXT NOT NULL,
    root           TEXT NOT NULL,
    future         INTEGER NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    location       TEXT,
    rep_key        INTEGER NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    mentions       INTEGER NOT NULL
);
CREATE INDEX stories_bucket ON stories(source_country, target_country, root, future, date_start);
CREATE INDEX stories_timeline ON stories(source_country, target_country, date_start, future, quad_class, goldstein);

CREATE TABLE event_mentions (
    event_key      INTEGER PRIMARY KEY,
    doc_key        INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    story_id       INTEGER,
    event_id       TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    trigger        TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    source         TEXT NOT NULL,
    source_country TEXT NOT NULL,
    source_agent   TEXT,
    source_name    TEXT,
    target         TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_agent   TEXT,
    target_name    TEXT,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    date           TEXT NOT NULL,
    date_source    TEXT NOT NULL,
    future         INTEGER NOT NULL,
    location       TEXT,
    confidence     REAL NOT NULL,
    date_start     TEXT,
    date_end       TEXT
);
CREATE INDEX mentions_doc ON event_mentions(doc_key);
CREATE INDEX mentions_story ON event_mentions(story_id, doc_key);
CREATE INDEX mentions_timeline ON event_mentions(source_country, target_country, date_start, future, quad_class, goldstein);
CREATE INDEX mentions_target ON event_mentions(target_country, date_start);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'doc_key',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_key, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_key, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_key, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_key, new.title, new.text);
END;

CREATE VIEW events AS
SELECT d.id AS doc_id, m.event_id, m.sentence_index, m.sentence, m.trigger,
       json_array(m.span_start, m.span_end) AS span,
       m.source, m.source_country, m.source_agent, m.source_name,
       m.target, m.target_country, m.target_agent, m.target_name,
       m.code, m.root, m.quad_class, m.goldstein, m.plover,
       m.date, m.date_source, m.future, m.location, m.confidence
FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key;

CREATE VIEW merged_events AS
SELECT d.id AS doc_id, m.event_id, m.sentence_index, m.sentence, m.trigger,
       json_array(m.span_start, m.span_end) AS span,
       m.source, m.source_country, m.source_agent, m.source_name,
       m.target, m.target_country, m.target_agent, m.target_name,
       m.code, m.root, m.quad_class, m.goldstein, m.plover,
       m.date, m.date_source, m.future, m.location, m.confidence,
       s.mentions,
       (SELECT json_group_array(id) FROM (
            SELECT DISTINCT d2.id AS id FROM event_mentions m2 JOIN documents d2 ON d2.doc_key = m2.doc_key
            WHERE m2.story_id = s.story_id ORDER BY d2.id)) AS doc_ids,
       s.story_id, s.date_start, s.date_end
FROM stories s
JOIN event_mentions m ON m.event_key = s.rep_key
JOIN documents d ON d.doc_key = m.doc_key;
"#;
