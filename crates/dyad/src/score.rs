//! The reference scorer's figures, computed as `shared/tools/score_events.py` computes them.
//!
//! Event level: a predicted event matches the first unmatched gold event of its document with
//! the same (source country, target country, root) whose sentence overlaps (one contains the
//! other after white space is folded, or token Jaccard >= 0.5). Dyad level: sets of distinct
//! keys per document. Dates are scored on matched events at the gold date's precision.
//! Figures are rounded and printed as Python prints them, so the two outputs are identical.

use std::collections::{BTreeMap, HashMap, HashSet};

use anyhow::{bail, Result};
use dyad_record::Event;
use serde_json::Value;

pub struct GoldEvent {
    key: (String, String, String),
    sentence: String,
    date: Option<String>,
}

pub struct GoldDoc {
    id: String,
    events: Vec<GoldEvent>,
}

pub struct Pred {
    doc_id: String,
    key: (String, String, String),
    sentence: String,
    date: Option<String>,
}

fn first3(s: &str) -> String {
    s.chars().take(3).collect()
}

fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl Pred {
    pub fn from_event(e: &Event) -> Pred {
        Pred {
            doc_id: e.doc_id.clone(),
            key: (first3(&e.source_country), first3(&e.target_country), e.root.chars().take(2).collect()),
            sentence: e.sentence.clone(),
            date: (!e.date.is_empty()).then(|| e.date.clone()),
        }
    }
}

pub fn load_gold(text: &str) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => bail!("line {}: not JSON: {e}", n + 1),
        };
        let id = str_of(&v["id"]);
        let mut events = Vec::new();
        for g in v["events"].as_array().into_iter().flatten() {
            let side = |k: &str| first3(&str_of(&g[k]).to_uppercase());
            events.push(GoldEvent {
                key: (side("source"), side("target"), str_of(&g["root"])),
                sentence: str_of(&g["sentence"]),
                date: g["date"].as_str().map(str::to_string),
            });
        }
        docs.push(GoldDoc { id, events });
    }
    Ok(docs)
}

fn tokens(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.insert(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.insert(cur);
    }
    out
}

fn overlaps(a: &str, b: &str) -> bool {
    let an = a.split_whitespace().collect::<Vec<_>>().join(" ");
    let bn = b.split_whitespace().collect::<Vec<_>>().join(" ");
    if !an.is_empty() && !bn.is_empty() && (bn.contains(&an) || an.contains(&bn)) {
        return true;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let inter = ta.intersection(&tb).count();
    let union = ta.union(&tb).count();
    inter as f64 / union as f64 >= 0.5
}

fn date_ok(pred: Option<&str>, gold: Option<&str>) -> bool {
    let (Some(p), Some(g)) = (pred.filter(|p| !p.is_empty()), gold.filter(|g| !g.is_empty())) else { return false };
    let split = |s: &str| -> (String, String) {
        let (a, b) = s.split_once('/').unwrap_or((s, ""));
        (a.to_string(), if b.is_empty() { a.to_string() } else { b.to_string() })
    };
    let (p0, p1) = split(p);
    let (g0, g1) = split(g);
    let prefix = |x: &str, n: usize| x.chars().take(n).collect::<String>();
    prefix(&p0, g0.chars().count()) == g0 && prefix(&p1, g1.chars().count()) == g1
}

#[derive(Default, Debug)]
pub struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

pub struct Report {
    documents: usize,
    event: Counts,
    dyad: Counts,
    dates_ok: usize,
    dates_n: usize,
    by_root: BTreeMap<String, Counts>,
}

pub fn score(gold: &[GoldDoc], pred: &[Pred]) -> Report {
    let mut by_doc: HashMap<&str, Vec<&Pred>> = HashMap::new();
    for p in pred {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let mut r = Report { documents: gold.len(), event: Counts::default(), dyad: Counts::default(), dates_ok: 0, dates_n: 0, by_root: BTreeMap::new() };
    for d in gold {
        let preds = by_doc.get(d.id.as_str()).cloned().unwrap_or_default();
        let mut used = vec![false; d.events.len()];
        for p in &preds {
            let hit = d.events.iter().enumerate().position(|(i, g)| !used[i] && g.key == p.key && overlaps(&p.sentence, &g.sentence));
            let root = r.by_root.entry(p.key.2.clone()).or_default();
            match hit {
                None => {
                    r.event.fp += 1;
                    root.fp += 1;
                }
                Some(i) => {
                    used[i] = true;
                    r.event.tp += 1;
                    root.tp += 1;
                    r.dates_n += 1;
                    r.dates_ok += usize::from(date_ok(p.date.as_deref(), d.events[i].date.as_deref()));
                }
            }
        }
        for (i, g) in d.events.iter().enumerate() {
            if !used[i] {
                r.event.fn_ += 1;
                r.by_root.entry(g.key.2.clone()).or_default().fn_ += 1;
            }
        }
        let gk: HashSet<&(String, String, String)> = d.events.iter().map(|g| &g.key).collect();
        let pk: HashSet<&(String, String, String)> = preds.iter().map(|p| &p.key).collect();
        r.dyad.tp += gk.intersection(&pk).count();
        r.dyad.fp += pk.difference(&gk).count();
        r.dyad.fn_ += gk.difference(&pk).count();
    }
    r
}

/// Python's `round(x, 3)` printed with `str()`: `0.5`, `1.0`, `0.667`.
fn py(x: f64) -> String {
    let rounded: f64 = format!("{x:.3}").parse().unwrap_or(x);
    let s = format!("{rounded}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

fn prf(c: &Counts) -> (f64, f64, f64) {
    let p = if c.tp + c.fp > 0 { c.tp as f64 / (c.tp + c.fp) as f64 } else { 0.0 };
    let r = if c.tp + c.fn_ > 0 { c.tp as f64 / (c.tp + c.fn_) as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    // The reference rounds p and r before it prints them, but computes F1 from the unrounded values.
    (p, r, f)
}

impl Report {
    fn date_accuracy(&self) -> f64 {
        if self.dates_n > 0 {
            self.dates_ok as f64 / self.dates_n as f64
        } else {
            0.0
        }
    }

    pub fn report(&self, by_root: bool) -> String {
        let mut out = String::new();
        if by_root {
            for (root, c) in &self.by_root {
                out.push_str(&format!("root {root}: tp {} fp {} fn {}\n", c.tp, c.fp, c.fn_));
            }
        }
        let (ep, er, ef) = prf(&self.event);
        let (kp, kr, kf) = prf(&self.dyad);
        out.push_str(&format!(
            "documents {}  gold events {}  predicted {}\n",
            self.documents,
            self.event.tp + self.event.fn_,
            self.event.tp + self.event.fp
        ));
        out.push_str(&format!("event level: P {} R {} F1 {}\n", py(ep), py(er), py(ef)));
        out.push_str(&format!("dyad level:  P {} R {} F1 {}\n", py(kp), py(kr), py(kf)));
        out.push_str(&format!("date accuracy on matched events: {}\n", py(self.date_accuracy())));
        out
    }

    pub fn to_json(&self) -> String {
        let (ep, er, ef) = prf(&self.event);
        let (kp, kr, kf) = prf(&self.dyad);
        let r3 = |x: f64| -> f64 { format!("{x:.3}").parse().unwrap_or(x) };
        let by_root: serde_json::Map<String, Value> = self
            .by_root
            .iter()
            .map(|(k, c)| {
                let mut m = serde_json::Map::new();
                for (name, v) in [("tp", c.tp), ("fp", c.fp), ("fn", c.fn_)] {
                    if v > 0 {
                        m.insert(name.into(), v.into());
                    }
                }
                (k.clone(), Value::Object(m))
            })
            .collect();
        serde_json::json!({
            "documents": self.documents,
            "gold_events": self.event.tp + self.event.fn_,
            "predicted_events": self.event.tp + self.event.fp,
            "event": {"precision": r3(ep), "recall": r3(er), "f1": r3(ef), "tp": self.event.tp, "fp": self.event.fp, "fn": self.event.fn_},
            "dyad": {"precision": r3(kp), "recall": r3(kr), "f1": r3(kf)},
            "date_accuracy": r3(self.date_accuracy()),
            "by_root": by_root,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_number_printing() {
        assert_eq!(py(0.5), "0.5");
        assert_eq!(py(1.0), "1.0");
        assert_eq!(py(0.0), "0.0");
        assert_eq!(py(2.0 / 3.0), "0.667");
        assert_eq!(py(0.1 + 0.2), "0.3");
    }

    #[test]
    fn dates_at_gold_precision() {
        assert!(date_ok(Some("2019-04-25"), Some("2019-04")));
        assert!(date_ok(Some("2019-06/2019-08"), Some("2019-06/2019-08")));
        assert!(date_ok(Some("2019-09"), Some("2019-09")));
        assert!(!date_ok(Some("2019"), Some("2019-04")));
        assert!(!date_ok(None, Some("2019")));
    }

    #[test]
    fn sentence_overlap() {
        assert!(overlaps("A  b c", "x A b c y"));
        assert!(overlaps("one two three four", "one two three five"));
        assert!(!overlaps("one two", "three four"));
    }
}
