//! Story-level merging: one act reported by several documents becomes one story.
//!
//! **The rule.** An event joins an existing story when all of these hold:
//!
//! 1. same source country, target country, CAMEO root, and `future` flag (a planned visit is
//!    not the visit);
//! 2. its date interval overlaps the days that *every* mention of the story shares (the
//!    story's `date_start..date_end`, the intersection of its mentions' intervals), so all
//!    mentions of a story have at least one day in common and stories cannot chain across a
//!    month one overlapping report at a time;
//! 3. same location when both name one (compared without case);
//! 4. the story has no mention from the same document: the coder has already decided
//!    whether two events of one document are one act (restatements are merged there), so
//!    two events it kept apart stay apart;
//! 5. its date spans at most [`MAX_WIDTH_DAYS`] days (a quarter: a day, a month or a short
//!    range merge); vaguer dates (`2019`, long ranges) never merge, because they cannot tell
//!    two acts apart, and nothing joins the story of such a date.
//!
//! When several stories qualify, the oldest (lowest `story_id`) takes it; when none does, it
//! starts a new story. A story's representative mention (whose fields `merged_events` and
//! `dyad events` show) is its most precisely dated one, then the most confident, then the first
//! stored. Events are filed in batch order, and within a batch by date, document id and
//! sentence; [`crate::Store::rebuild_stories`] (run by `dyad recode`) refiles everything in date
//! order. When a document is replaced, its old events leave their stories, which are
//! recomputed from the mentions that remain, or deleted when none remain.
//!
//! It does not compare actors below the country level, nor event codes below the root: two
//! reports of one visit often differ there.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::dates;

/// Dates spanning more days than this (about a quarter) are never merged.
pub const MAX_WIDTH_DAYS: i64 = 92;

struct Fact {
    key: i64,
    doc_key: i64,
    source_country: String,
    target_country: String,
    root: String,
    future: bool,
    start: Option<String>,
    end: Option<String>,
    location: Option<String>,
    confidence: f64,
    quad_class: i64,
    goldstein: f64,
}

impl Fact {
    fn width(&self) -> i64 {
        match (&self.start, &self.end) {
            (Some(s), Some(e)) => dates::Interval { start: s.clone(), end: e.clone() }.width(),
            _ => i64::MAX,
        }
    }
}

/// Files every event with `event_key > after` into a story, in date order.
pub(crate) fn assign_after(tx: &Transaction, after: i64) -> rusqlite::Result<()> {
    let facts: Vec<Fact> = tx
        .prepare(
            "SELECT m.event_key, m.doc_key, m.source_country, m.target_country, m.root, m.future, m.date_start, m.date_end, \
             m.location, m.confidence, m.quad_class, m.goldstein \
             FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_key > ?1 \
             ORDER BY m.date_start IS NULL, m.date_start, m.date_end, d.id, m.sentence_index, m.event_key",
        )?
        .query_map([after], |r| {
            Ok(Fact {
                key: r.get(0)?,
                doc_key: r.get(1)?,
                source_country: r.get(2)?,
                target_country: r.get(3)?,
                root: r.get(4)?,
                future: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                location: r.get(8)?,
                confidence: r.get(9)?,
                quad_class: r.get(10)?,
                goldstein: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for f in &facts {
        file(tx, f)?;
    }
    Ok(())
}

fn file(tx: &Transaction, f: &Fact) -> rusqlite::Result<()> {
    let width = f.width();
    if let (Some(start), Some(end)) = (&f.start, &f.end) {
        if width <= MAX_WIDTH_DAYS {
            let earliest = dates::day_number(start).map_or_else(|| start.clone(), |d| dates::from_day_number(d - MAX_WIDTH_DAYS));
            let found = tx
                .prepare_cached(
                    "SELECT s.story_id, s.date_start, s.date_end, s.location, r.date_start, r.date_end, r.confidence, r.event_key \
                     FROM stories s JOIN event_mentions r ON r.event_key = s.rep_key \
                     WHERE s.source_country = ?1 AND s.target_country = ?2 AND s.root = ?3 AND s.future = ?4 \
                       AND s.date_start >= ?5 AND s.date_start <= ?6 AND s.date_end >= ?7 \
                       AND julianday(s.date_end) - julianday(s.date_start) <= ?10 \
                       AND (s.location IS NULL OR ?8 IS NULL OR s.location = ?8 COLLATE NOCASE) \
                       AND NOT EXISTS (SELECT 1 FROM event_mentions x WHERE x.story_id = s.story_id AND x.doc_key = ?9) \
                     ORDER BY s.story_id LIMIT 1",
                )?
                .query_row(params![f.source_country, f.target_country, f.root, f.future, earliest, end, start, f.location, f.doc_key, MAX_WIDTH_DAYS], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        dates::Interval { start: r.get(4)?, end: r.get(5)? }.width(),
                        r.get::<_, f64>(6)?,
                        r.get::<_, i64>(7)?,
                    ))
                })
                .optional()?;
            if let Some((id, s_start, s_end, s_loc, rep_width, rep_conf, rep_key)) = found {
                let new_start = s_start.max(start.clone());
                let new_end = s_end.min(end.clone());
                let location = s_loc.or_else(|| f.location.clone());
                let takes_rep = (width, -f.confidence, f.key) < (rep_width, -rep_conf, rep_key);
                if takes_rep {
                    tx.prepare_cached(
                        "UPDATE stories SET date_start = ?2, date_end = ?3, location = ?4, mentions = mentions + 1, \
                         rep_key = ?5, quad_class = ?6, goldstein = ?7 WHERE story_id = ?1",
                    )?
                    .execute(params![id, new_start, new_end, location, f.key, f.quad_class, f.goldstein])?;
                } else {
                    tx.prepare_cached(
                        "UPDATE stories SET date_start = ?2, date_end = ?3, location = ?4, mentions = mentions + 1 WHERE story_id = ?1",
                    )?
                    .execute(params![id, new_start, new_end, location])?;
                }
                tx.prepare_cached("UPDATE event_mentions SET story_id = ?2 WHERE event_key = ?1")?.execute([f.key, id])?;
                return Ok(());
            }
        }
    }
    tx.prepare_cached(
        "INSERT INTO stories (source_country, target_country, root, future, date_start, date_end, location, rep_key, quad_class, goldstein, mentions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1)",
    )?
    .execute(params![f.source_country, f.target_country, f.root, f.future, f.start, f.end, f.location, f.key, f.quad_class, f.goldstein])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE event_mentions SET story_id = ?2 WHERE event_key = ?1")?.execute([f.key, id])?;
    Ok(())
}

/// A story member: event key, date interval, location, confidence, quad class, Goldstein.
type Member = (i64, Option<String>, Option<String>, Option<String>, f64, i64, f64);

/// Recomputes a story from the mentions it still has, or deletes it when it has none.
pub(crate) fn refresh(tx: &Transaction, story_id: i64) -> rusqlite::Result<()> {
    let members: Vec<Member> = tx
        .prepare_cached(
            "SELECT event_key, date_start, date_end, location, confidence, quad_class, goldstein \
             FROM event_mentions WHERE story_id = ?1 ORDER BY event_key",
        )?
        .query_map([story_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if members.is_empty() {
        tx.prepare_cached("DELETE FROM stories WHERE story_id = ?1")?.execute([story_id])?;
        return Ok(());
    }
    let start = members.iter().filter_map(|m| m.1.clone()).max();
    let end = members.iter().filter_map(|m| m.2.clone()).min();
    let location = members.iter().find_map(|m| m.3.clone());
    let width = |m: &Member| match (&m.1, &m.2) {
        (Some(s), Some(e)) => dates::Interval { start: s.clone(), end: e.clone() }.width(),
        _ => i64::MAX,
    };
    let rep = members
        .iter()
        .min_by(|a, b| (width(a), -a.4, a.0).partial_cmp(&(width(b), -b.4, b.0)).unwrap_or(std::cmp::Ordering::Equal))
        .unwrap_or(&members[0]);
    tx.prepare_cached(
        "UPDATE stories SET date_start = ?2, date_end = ?3, location = ?4, mentions = ?5, rep_key = ?6, quad_class = ?7, goldstein = ?8 \
         WHERE story_id = ?1",
    )?
    .execute(params![story_id, start, end, location, members.len() as i64, rep.0, rep.5, rep.6])?;
    Ok(())
}
