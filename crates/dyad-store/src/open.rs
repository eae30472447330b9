//! Opening a store: telling a dyad store from anything else before touching it, creating
//! it, migrating it, and setting the connection's pragmas.
//!
//! The file header is read with plain file I/O first: a file that does not start with
//! SQLite's magic string, or whose `application_id` is not dyad's, is refused without SQLite
//! ever opening it, so it cannot be modified (no journal, no WAL, no header rewrite). A dyad
//! store is then opened with writes disabled and sanity-checked; only [`open_write`] then
//! enables writing.
//! It does not repair damaged files.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::schema::{APPLICATION_ID, LATEST, MIGRATIONS};
use crate::{Result, StoreError};

enum FileState {
    /// No file, or an empty one (which SQLite treats as an empty database).
    New,
    /// A file whose header says it is a dyad store.
    Dyad,
}

fn check_file(path: &Path) -> Result<FileState> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::New),
        Err(source) => return Err(StoreError::Io { path: path.to_path_buf(), source }),
    };
    if meta.is_dir() {
        return Err(StoreError::NotSqlite { path: path.to_path_buf(), reason: "it is a directory".into() });
    }
    if meta.len() == 0 {
        return Ok(FileState::New);
    }
    let mut header = Vec::with_capacity(100);
    File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(StoreError::NotSqlite { path: path.to_path_buf(), reason: "no SQLite header".into() });
    }
    let be = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let app_id = be(68);
    if app_id != APPLICATION_ID {
        return Err(StoreError::Foreign { path: path.to_path_buf(), app_id });
    }
    // A file shorter than the size its header records has lost pages. The header's size is
    // only valid when its change counter matches (offset 92 vs 24), and pages may still sit in
    // the WAL, so the check applies only to a file with no WAL beside it.
    let page_size = match u32::from(u16::from_be_bytes([header[16], header[17]])) {
        1 => 65_536,
        n => n,
    };
    let pages = be(28);
    let wal = wal_path(path);
    let wal_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
    if be(92) == be(24) && wal_empty && u64::from(pages) * u64::from(page_size) > meta.len() {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: format!("truncated: the header records {} bytes, the file has {}", u64::from(pages) * u64::from(page_size), meta.len()),
        });
    }
    Ok(FileState::Dyad)
}

fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    s.into()
}

fn sql_err(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |source| {
        let corrupt = matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase)
        );
        if corrupt {
            StoreError::Corrupt { path: path.to_path_buf(), reason: source.to_string() }
        } else {
            StoreError::Sql { path: path.to_path_buf(), source }
        }
    }
}

/// Reads the schema catalogue and the version; damage in the first pages shows here.
fn sanity(conn: &Connection, path: &Path) -> Result<u32> {
    let err = sql_err(path);
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).map_err(&err)?;
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(&err)?;
    if version > LATEST {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, known: LATEST });
    }
    Ok(version)
}

fn pragmas(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql_err(path))?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;")
        .map_err(sql_err(path))
}

/// Opens an existing dyad store with writes disabled (`query_only`). The connection is opened
/// read-write when the file allows it, only so that closing it can remove the `-wal` and `-shm`
/// files SQLite creates beside a WAL database (a read-only connection leaves them behind);
/// `query_only` makes every write statement fail. A file that cannot be written is opened
/// read-only.
fn open_existing(path: &Path) -> Result<Connection> {
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = match Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_WRITE) {
        Ok(c) => c,
        Err(_) => Connection::open_with_flags(path, base | OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql_err(path))?,
    };
    conn.pragma_update(None, "query_only", true).map_err(sql_err(path))?;
    Ok(conn)
}

pub(crate) fn open_read(path: &Path) -> Result<Connection> {
    match check_file(path)? {
        FileState::New => return Err(StoreError::Missing { path: path.to_path_buf() }),
        FileState::Dyad => {}
    }
    let conn = open_existing(path)?;
    let version = sanity(&conn, path)?;
    if version < LATEST {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: format!("schema version {version}, this dyad reads {LATEST}: run `dyad recode --db` on it to upgrade"),
        });
    }
    pragmas(&conn, path)?;
    Ok(conn)
}

pub(crate) fn open_write(path: &Path) -> Result<Connection> {
    let state = check_file(path)?;
    let mut conn = match state {
        FileState::Dyad => {
            // Checked with writes disabled first, so a damaged store is refused untouched.
            let conn = open_existing(path)?;
            sanity(&conn, path)?;
            conn.pragma_update(None, "query_only", false).map_err(sql_err(path))?;
            conn
        }
        FileState::New => Connection::open(path).map_err(sql_err(path))?,
    };
    pragmas(&conn, path)?;
    let err = sql_err(path);
    let version = sanity(&conn, path)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive).map_err(&err)?;
        tx.execute_batch(sql).map_err(&err)?;
        tx.pragma_update(None, "user_version", i as u32 + 1).map_err(&err)?;
        tx.commit().map_err(&err)?;
    }
    // WAL only once the first version is committed in rollback mode, so the header (and its
    // application_id) is in the main file from the start, never only in the WAL.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(&err)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Corrupt { path: path.to_path_buf(), reason: format!("cannot use WAL journal mode (got {mode})") });
    }
    Ok(conn)
}
