//! The public data contract of `../shared/SCHEMA.md`: input documents and output events.
//!
//! [`InputDocument`] is one line of the JSON Lines input format; [`Event`] is one output
//! record. These are the only types in dyad that derive `Serialize`: every way events leave
//! the program (JSON Lines, CSV, later SQLite and Parquet) goes through [`Event`], so field
//! names and meanings cannot drift between outputs. This crate does no I/O and no coding.

use serde::{Deserialize, Serialize};

/// One input document (SCHEMA.md "Input documents"). Unknown fields are ignored.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct InputDocument {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub doc_date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
}

/// One coded event (SCHEMA.md "Output events"), in the contract's field order.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Event {
    pub doc_id: String,
    pub event_id: String,
    pub sentence_index: usize,
    pub sentence: String,
    pub trigger: String,
    pub span: [usize; 2],
    pub source: String,
    pub source_country: String,
    pub source_agent: Option<String>,
    pub source_name: Option<String>,
    pub target: String,
    pub target_country: String,
    pub target_agent: Option<String>,
    pub target_name: Option<String>,
    pub code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub date: String,
    pub date_source: String,
    pub future: bool,
    pub location: Option<String>,
    pub confidence: f32,
}

/// The output columns, in order: CSV headers and, later, the store's `events` view.
pub const EVENT_COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "sentence_index",
    "sentence",
    "trigger",
    "span",
    "source",
    "source_country",
    "source_agent",
    "source_name",
    "target",
    "target_country",
    "target_agent",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "date",
    "date_source",
    "future",
    "location",
    "confidence",
];

/// The columns a merged (story-level) event adds after [`EVENT_COLUMNS`].
pub const STORY_COLUMNS: &[&str] = &["mentions", "doc_ids"];

/// One act as reported by one or more documents: the store's merged event. `event` is the
/// representative mention (every [`EVENT_COLUMNS`] field); `mentions` counts the event
/// records merged into it and `doc_ids` lists their documents, sorted.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Story {
    #[serde(flatten)]
    pub event: Event,
    pub mentions: usize,
    pub doc_ids: Vec<String>,
}

/// Year and month (the month only when the date names one) of the first day of a SCHEMA.md
/// date: `2019-04/2019-06` -> (2019, 4), `2019` -> (2019, none). For typed exports.
pub fn year_month(date: &str) -> (Option<i32>, Option<i32>) {
    let first = date.split('/').next().unwrap_or("");
    let mut p = first.split('-');
    let y = p.next().and_then(|s| s.parse().ok());
    let m = p.next().and_then(|s| s.parse().ok());
    (y, m)
}

impl Event {
    /// The record as flat strings in [`EVENT_COLUMNS`] order (for CSV and tables).
    pub fn to_row(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.doc_id.clone(),
            self.event_id.clone(),
            self.sentence_index.to_string(),
            self.sentence.clone(),
            self.trigger.clone(),
            format!("{}-{}", self.span[0], self.span[1]),
            self.source.clone(),
            self.source_country.clone(),
            o(&self.source_agent),
            o(&self.source_name),
            self.target.clone(),
            self.target_country.clone(),
            o(&self.target_agent),
            o(&self.target_name),
            self.code.clone(),
            self.root.clone(),
            self.quad_class.to_string(),
            format!("{:.1}", self.goldstein),
            o(&self.plover),
            self.date.clone(),
            self.date_source.clone(),
            self.future.to_string(),
            o(&self.location),
            format!("{:.2}", self.confidence),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_field_names_follow_the_columns_list() {
        let e = Event {
            doc_id: "d".into(),
            event_id: "x".into(),
            sentence_index: 0,
            sentence: "s".into(),
            trigger: "t".into(),
            span: [0, 1],
            source: "PRKGOV".into(),
            source_country: "PRK".into(),
            source_agent: Some("GOV".into()),
            source_name: None,
            target: "RUS".into(),
            target_country: "RUS".into(),
            target_agent: None,
            target_name: None,
            code: "042".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: 1.9,
            plover: Some("CONSULT".into()),
            date: "2019-04".into(),
            date_source: "text".into(),
            future: false,
            location: None,
            confidence: 0.8,
        };
        let v = serde_json::to_value(&e).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        let mut want: Vec<&str> = EVENT_COLUMNS.to_vec();
        let mut got = keys.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want);
        assert_eq!(e.to_row().len(), EVENT_COLUMNS.len());
    }

    #[test]
    fn input_ignores_unknown_fields() {
        let d: InputDocument =
            serde_json::from_str(r#"{"id":"a","text":"b","events":[1,2],"doc_date":null}"#).unwrap();
        assert_eq!(d.id, "a");
        assert!(d.doc_date.is_none());
    }
}
