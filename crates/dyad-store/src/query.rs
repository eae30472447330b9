//! Reading the store: filtered events and stories, full-text search, dyad timelines.
//!
//! [`EventQuery`] is a validated filter (dyad, actor, date window, root, code, future);
//! [`Store::events`] streams raw event records and [`Store::stories`] merged ones to a callback,
//! so an export of millions of rows is never held in memory. [`Store::search`] runs an FTS5
//! query with snippets; [`Store::timeline`] counts a dyad's events per period by quad class,
//! both directions, through the covering indexes `stories_timeline` / `mentions_timeline`
//! ([`Store::timeline_plan`] shows SQLite's plan). It does not format anything.

use dyad_record::{Event, Story};
use rusqlite::types::Value;

use crate::ingest::{event_from_row, event_select};
use crate::{dates, Result, Store, StoreError};

/// Filters for [`Store::events`] and [`Store::stories`]; all given ones must hold.
#[derive(Clone, Debug, Default)]
pub struct EventQuery {
    /// Two countries: events between them, both directions unless `directed`.
    pub dyad: Option<(String, String)>,
    pub directed: bool,
    /// A country (`RUS`: source or target country) or a full actor code (`RUSGOV`).
    pub actor: Option<String>,
    /// Events whose date starts on or after the start of this date (`2019`, `2019-01`, ...).
    pub from: Option<String>,
    /// Events whose date starts on or before the end of this date.
    pub to: Option<String>,
    pub root: Option<String>,
    /// A CAMEO code, or a prefix of one (`04`, `042`).
    pub code: Option<String>,
    /// Only events the text announces or plans.
    pub future_only: bool,
    pub limit: Option<usize>,
}

impl EventQuery {
    /// The WHERE clause and its parameters; `k` is the alias whose `date_start` counts (the
    /// story's for stories), `m` the event record's.
    fn where_sql(&self, k: &str) -> Result<(String, Vec<Value>)> {
        let mut w: Vec<String> = vec!["1".into()];
        let mut p: Vec<Value> = Vec::new();
        let arg = |v: String, p: &mut Vec<Value>| {
            p.push(Value::Text(v));
            format!("?{}", p.len())
        };
        if let Some((a, b)) = &self.dyad {
            let (a, b) = (arg(a.to_uppercase(), &mut p), arg(b.to_uppercase(), &mut p));
            if self.directed {
                w.push(format!("(m.source_country = {a} AND m.target_country = {b})"));
            } else {
                w.push(format!(
                    "((m.source_country = {a} AND m.target_country = {b}) OR (m.source_country = {b} AND m.target_country = {a}))"
                ));
            }
        }
        if let Some(actor) = &self.actor {
            let x = arg(actor.to_uppercase(), &mut p);
            if actor.len() == 3 {
                w.push(format!("(m.source_country = {x} OR m.target_country = {x})"));
            } else {
                w.push(format!("(m.source = {x} OR m.target = {x})"));
            }
        }
        if let Some(from) = &self.from {
            let (start, _) = dates::bounds(from).ok_or_else(|| bad_date("--from", from))?;
            w.push(format!("{k}.date_start >= {}", arg(start, &mut p)));
        }
        if let Some(to) = &self.to {
            let (_, end) = dates::bounds(to).ok_or_else(|| bad_date("--to", to))?;
            w.push(format!("{k}.date_start <= {}", arg(end, &mut p)));
        }
        if let Some(root) = &self.root {
            w.push(format!("m.root = {}", arg(root.clone(), &mut p)));
        }
        if let Some(code) = &self.code {
            w.push(format!("m.code LIKE {} || '%'", arg(code.clone(), &mut p)));
        }
        if self.future_only {
            w.push("m.future = 1".into());
        }
        Ok((w.join(" AND "), p))
    }

    fn limit_sql(&self) -> String {
        self.limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default()
    }
}

fn bad_date(flag: &str, v: &str) -> StoreError {
    StoreError::BadQuery(format!("{flag} `{v}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
}

/// Timeline periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    fn sql(self, col: &str) -> String {
        match self {
            Period::Month => format!("substr({col}, 1, 7)"),
            Period::Year => format!("substr({col}, 1, 4)"),
            Period::Quarter => format!("substr({col}, 1, 4) || '-Q' || ((CAST(substr({col}, 6, 2) AS INTEGER) + 2) / 3)"),
        }
    }

    /// The label of the period a `YYYY-MM-DD` day falls in.
    pub fn label(self, day: &str) -> String {
        match self {
            Period::Month => day.get(..7).unwrap_or(day).to_string(),
            Period::Year => day.get(..4).unwrap_or(day).to_string(),
            Period::Quarter => {
                let m: u32 = day.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
                format!("{}-Q{}", day.get(..4).unwrap_or(day), m.div_ceil(3))
            }
        }
    }

    /// Every period label from `first` to `last` (labels of this period), in order.
    pub fn range(self, first: &str, last: &str) -> Vec<String> {
        let parse = |l: &str| -> Option<(i32, u32)> {
            let y: i32 = l.get(..4)?.parse().ok()?;
            let n: u32 = match self {
                Period::Month => l.get(5..7)?.parse().ok()?,
                Period::Quarter => l.get(6..7)?.parse().ok()?,
                Period::Year => 1,
            };
            Some((y, n))
        };
        let per_year = match self {
            Period::Month => 12,
            Period::Quarter => 4,
            Period::Year => 1,
        };
        let (Some(mut cur), Some(end)) = (parse(first), parse(last)) else { return vec![] };
        let mut out = Vec::new();
        while cur <= end {
            out.push(match self {
                Period::Month => format!("{:04}-{:02}", cur.0, cur.1),
                Period::Quarter => format!("{:04}-Q{}", cur.0, cur.1),
                Period::Year => format!("{:04}", cur.0),
            });
            cur = if cur.1 >= per_year { (cur.0 + 1, 1) } else { (cur.0, cur.1 + 1) };
        }
        out
    }
}

/// One period of one direction of a dyad.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineRow {
    pub period: String,
    pub source: String,
    pub target: String,
    /// Event counts by quad class 1..4 (index 0 is quad class 1).
    pub quad: [u64; 4],
    pub goldstein: f64,
}

/// A document that matched a search.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    /// Matching text with the matched words in `[` `]`.
    pub snippet: String,
    pub events: u64,
}

impl Store {
    /// Raw event records (one per document mention), in document and coding order.
    pub fn events<E: From<StoreError>>(&self, q: &EventQuery, mut f: impl FnMut(Event) -> Result<(), E>) -> Result<(), E> {
        let (w, p) = q.where_sql("m")?;
        let sql = format!(
            "{} FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key WHERE {w} ORDER BY m.date_start, d.id, m.event_key{}",
            event_select(),
            q.limit_sql()
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let mut rows = st.query(rusqlite::params_from_iter(p)).map_err(|e| self.sql(e))?;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            f(event_from_row(r).map_err(|e| self.sql(e))?)?;
        }
        Ok(())
    }

    /// Merged events: each story's representative record with its mention count and documents.
    pub fn stories<E: From<StoreError>>(&self, q: &EventQuery, mut f: impl FnMut(Story) -> Result<(), E>) -> Result<(), E> {
        let (w, p) = q.where_sql("s")?;
        let sql = format!(
            "{}, s.mentions, (SELECT json_group_array(id) FROM (SELECT DISTINCT d2.id AS id FROM event_mentions m2 \
               JOIN documents d2 ON d2.doc_key = m2.doc_key WHERE m2.story_id = s.story_id ORDER BY d2.id)) \
             FROM stories s JOIN event_mentions m ON m.event_key = s.rep_key JOIN documents d ON d.doc_key = m.doc_key \
             WHERE {w} ORDER BY s.date_start, d.id, m.event_key{}",
            event_select(),
            q.limit_sql()
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let mut rows = st.query(rusqlite::params_from_iter(p)).map_err(|e| self.sql(e))?;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let event = event_from_row(r).map_err(|e| self.sql(e))?;
            let mentions: i64 = r.get(25).map_err(|e| self.sql(e))?;
            let ids: String = r.get(26).map_err(|e| self.sql(e))?;
            let doc_ids = serde_json::from_str(&ids).unwrap_or_default();
            f(Story { event, mentions: mentions as usize, doc_ids })?;
        }
        Ok(())
    }

    /// Documents matching an FTS5 query, best first. A query that is not valid FTS5 syntax
    /// (`U.S.-DPRK`) is searched as plain words.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        match self.search_raw(query, limit) {
            Ok(h) => Ok(h),
            Err(StoreError::Sql { .. }) => {
                let quoted: Vec<String> =
                    query.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
                if quoted.is_empty() {
                    return Err(StoreError::BadQuery("empty search".into()));
                }
                self.search_raw(&quoted.join(" "), limit)
            }
            Err(e) => Err(e),
        }
    }

    fn search_raw(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, coalesce(d.coded_date, d.doc_date), \
                        snippet(documents_fts, 1, '[', ']', '…', 16), \
                        (SELECT count(*) FROM event_mentions m WHERE m.doc_key = d.doc_key) \
                 FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid \
                 WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .map_err(|e| self.sql(e))?;
        let hits = st
            .query_map(rusqlite::params![query, limit as i64], |r| {
                Ok(Hit { doc_id: r.get(0)?, title: r.get(1)?, date: r.get(2)?, snippet: r.get(3)?, events: r.get::<_, i64>(4)? as u64 })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql(e))?;
        Ok(hits)
    }

    fn timeline_sql(by: Period, merged: bool) -> String {
        let table = if merged { "stories" } else { "event_mentions" };
        let period = by.sql("date_start");
        let one = |a: &str, b: &str| {
            format!(
                "SELECT {period} AS period, source_country, target_country, quad_class, count(*), total(goldstein) \
                 FROM {table} WHERE source_country = {a} AND target_country = {b} AND date_start >= ?3 AND date_start <= ?4 \
                 AND future = 0 GROUP BY period, quad_class"
            )
        };
        format!("{} UNION ALL {} ORDER BY period", one("?1", "?2"), one("?2", "?1"))
    }

    /// Events between `a` and `b` (country codes) per period, both directions, acts that
    /// happened only (`future` ones are left out), dated by their first day. `merged`
    /// counts stories, else every event record.
    pub fn timeline(&self, a: &str, b: &str, by: Period, merged: bool, from: Option<&str>, to: Option<&str>) -> Result<Vec<TimelineRow>> {
        let lo = match from {
            Some(f) => dates::bounds(f).ok_or_else(|| bad_date("--from", f))?.0,
            None => "0000-00-00".into(),
        };
        let hi = match to {
            Some(t) => dates::bounds(t).ok_or_else(|| bad_date("--to", t))?.1,
            None => "9999-99-99".into(),
        };
        let (a, b) = (a.to_uppercase(), b.to_uppercase());
        let mut st = self.conn.prepare(&Self::timeline_sql(by, merged)).map_err(|e| self.sql(e))?;
        let mut rows = st.query(rusqlite::params![a, b, lo, hi]).map_err(|e| self.sql(e))?;
        let mut out: Vec<TimelineRow> = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |r: &rusqlite::Row| -> rusqlite::Result<(String, String, String, i64, i64, f64)> {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            };
            let (period, s, t, quad, n, g) = get(r).map_err(|e| self.sql(e))?;
            let row = match out.iter_mut().find(|x| x.period == period && x.source == s) {
                Some(x) => x,
                None => {
                    out.push(TimelineRow { period, source: s, target: t, ..Default::default() });
                    out.last_mut().expect("just pushed")
                }
            };
            if (1..=4).contains(&quad) {
                row.quad[quad as usize - 1] += n as u64;
            }
            row.goldstein += g;
        }
        out.sort_by(|x, y| x.period.cmp(&y.period).then((x.source != a).cmp(&(y.source != a))));
        Ok(out)
    }

    /// SQLite's `EXPLAIN QUERY PLAN` of the timeline query, one line per step.
    pub fn timeline_plan(&self, by: Period, merged: bool) -> Result<Vec<String>> {
        let sql = format!("EXPLAIN QUERY PLAN {}", Self::timeline_sql(by, merged));
        let mut st = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let lines = st
            .query_map(rusqlite::params!["PRK", "RUS", "0000", "9999"], |r| r.get::<_, String>(3))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.sql(e))?;
        Ok(lines)
    }
}
