//! Document-level clean-up: repeated events in a sentence, restatements, and locations.
//!
//! [`restatements`]: one act restated in several sentences of a document is kept once, from
//! its most informative mention (a date from the text beats an anniversary, which beats the
//! document date; then the earlier sentence). Only acts that happen once are merged (visits,
//! meetings, talks, signings, an envoy summoned or recalled: root 04 and codes 057, 114, 161),
//! keyed by source and target country and code; statements and criticism repeat for real and
//! are kept, and so do expulsions, which stories tell tit for tat.
//! [`location`]: the place of an act, from `in`/`at` + a proper name in the trigger's clause.

use dyad_record::Event;

use crate::sentence::Sent;

fn mergeable(code: &str) -> bool {
    code.starts_with("04") || matches!(code, "057" | "114" | "161")
}

/// How informative a mention's date is: a date the text gives (other than the document's
/// own day, as `today` gives), then an anniversary, then the document date.
fn rank(e: &Event, doc_date: Option<&str>) -> (u8, usize) {
    let src = match e.date_source.as_str() {
        "text" if Some(e.date.as_str()) != doc_date => 0,
        "anniversary" => 1,
        "text" => 2,
        _ => 3,
    };
    (src, e.sentence_index)
}

/// Within one sentence, one event per dyad and root: `developed relations by strengthening
/// cooperation` is one act of cooperation; in root 04 per code, since `visited and held
/// talks` is two acts. Distinct titles of a compound subject (`the
/// Minister of A and the Minister of B visited`) stay distinct. The events come in sentence
/// order, so an event's like can only be among the kept events of its sentence before it.
pub fn one_per_sentence(events: Vec<Event>) -> Vec<Event> {
    debug_assert!(events.windows(2).all(|w| w[0].sentence_index <= w[1].sentence_index));
    type Key<'e> = (&'e str, &'e str, &'e str, Option<&'e str>);
    fn key(e: &Event) -> Key<'_> {
        let title = e.source_name.as_deref().filter(|_| e.source_agent.is_some());
        // Contacts of different kinds are different acts (a visit, then talks), and so are
        // intents of different kinds (`agreed to restore relations and agreed to hold
        // talks`); other roots grade one act (cooperation, support), so the root decides.
        let kind = if e.root == "04" || e.root == "03" { e.code.as_str() } else { e.root.as_str() };
        (e.source_country.as_str(), e.target_country.as_str(), kind, title)
    }
    // The keys kept in the current sentence: a sentence has a few events.
    let mut seen: Vec<Key> = Vec::new();
    let mut sentence = None;
    let keep: Vec<bool> = events
        .iter()
        .map(|e| {
            if sentence != Some(e.sentence_index) {
                sentence = Some(e.sentence_index);
                seen.clear();
            }
            let k = key(e);
            let new = !seen.contains(&k);
            if new {
                seen.push(k);
            }
            new
        })
        .collect();
    drop(seen);
    keep_marked(events, &keep)
}

pub fn restatements(events: Vec<Event>, doc_date: Option<&str>) -> Vec<Event> {
    // Across sentences the same dyad and code is one act told again, whatever title names
    // the actor (`the President of Kenya`, `the Kenyan president`), unless both mentions
    // carry dates of their own that differ (a visit in June and another in September).
    // The best mention's sentence keeps all its events, so a compound subject stays whole.
    /// Source country, target country, code.
    type Key<'e> = (&'e str, &'e str, &'e str);
    fn key(e: &Event) -> Key<'_> {
        (e.source_country.as_str(), e.target_country.as_str(), e.code.as_str())
    }
    // The mergeable events sorted by key (stably: in document order within a key), so that
    // each key's mentions are side by side; a document has few, and sorting them costs less
    // than hashing their keys.
    let mut acts: Vec<usize> = (0..events.len()).filter(|&i| mergeable(&events[i].code)).collect();
    if acts.len() < 2 {
        return events;
    }
    acts.sort_by(|&a, &b| key(&events[a]).cmp(&key(&events[b])));
    let mut keep = vec![true; events.len()];
    for mentions in acts.chunk_by(|&a, &b| key(&events[a]) == key(&events[b])) {
        // The best mention: the first of the lowest rank.
        let Some(&b) = mentions.iter().min_by_key(|&&i| rank(&events[i], doc_date)) else { continue };
        let (brank, bsentence) = rank(&events[b], doc_date);
        let bdate = events[b].date.as_str();
        for &i in mentions {
            let e = &events[i];
            keep[i] = e.sentence_index == bsentence || (rank(e, doc_date).0 == 0 && brank == 0 && e.date != bdate);
        }
    }
    keep_marked(events, &keep)
}

/// The events whose mark is set, in order; the others are dropped in place, so events before
/// the first dropped one are not moved.
fn keep_marked(mut events: Vec<Event>, keep: &[bool]) -> Vec<Event> {
    let mut marks = keep.iter();
    events.retain(|_| marks.next().copied().unwrap_or(true));
    events
}

const PLACE_STOP: &[&str] = &["The", "President", "Comrade", "Chairman", "Minister"];

/// `in Vladivostok`, `at the Vostochny Spaceport`: the first place named after `in`/`at` in
/// the sentence, preferring one near the trigger.
pub fn location(s: &Sent, start: usize, end: usize) -> Option<String> {
    let n = s.tokens.len();
    let mut best: Option<(usize, String)> = None;
    for k in 0..n {
        if !matches!(s.norms[k].as_str(), "in" | "at") {
            continue;
        }
        let mut j = k + 1;
        if s.norm_opt(j) == Some("the") {
            j += 1;
        }
        let from = j;
        while j < n {
            let t = s.text_of(j);
            let cap = t.chars().next().is_some_and(|c| c.is_uppercase());
            // A capitalised word of the name, or `of` between two (`Republic of Korea`).
            let name_word = cap && !PLACE_STOP.contains(&t) && !t.chars().all(|c| c.is_uppercase());
            let joining_of = t == "of" && j > from && j + 1 < n && s.text_of(j + 1).chars().next().is_some_and(|c| c.is_uppercase());
            if !(name_word || joining_of) {
                break;
            }
            j += 1;
        }
        if j == from || months(s.text_of(from)) {
            continue;
        }
        let dist = if k >= end { k - end } else { start.saturating_sub(k) };
        let name = s.span_text(from, j).to_string();
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, name));
        }
    }
    best.map(|(_, n)| n)
}

fn months(w: &str) -> bool {
    matches!(
        w,
        "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December" | "Juche"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_dict::FastMap;

    /// [`restatements`] as it was first written, with a map of each key's best mention: the
    /// reference for the sorted keys that replaced it.
    fn restatements_by_map(events: Vec<Event>, doc_date: Option<&str>) -> Vec<Event> {
        type Key<'e> = (&'e str, &'e str, &'e str);
        fn key(e: &Event) -> Key<'_> {
            (e.source_country.as_str(), e.target_country.as_str(), e.code.as_str())
        }
        let mut best: FastMap<Key, ((u8, usize), &str)> = FastMap::default();
        for e in events.iter().filter(|e| mergeable(&e.code)) {
            let r = rank(e, doc_date);
            best.entry(key(e))
                .and_modify(|b| {
                    if r < b.0 {
                        *b = (r, e.date.as_str());
                    }
                })
                .or_insert((r, e.date.as_str()));
        }
        let keep: Vec<bool> = events
            .iter()
            .map(|e| {
                if !mergeable(&e.code) {
                    return true;
                }
                let Some(&((brank, bsentence), bdate)) = best.get(&key(e)) else { return true };
                let r = rank(e, doc_date);
                e.sentence_index == bsentence || (r.0 == 0 && brank == 0 && e.date != bdate)
            })
            .collect();
        drop(best);
        keep_marked(events, &keep)
    }

    fn event(sentence_index: usize, source: &str, target: &str, code: &str, date: &str, date_source: &str) -> Event {
        Event {
            doc_id: "d".into(),
            event_id: format!("{sentence_index}{source}{target}{code}{date}{date_source}"),
            sentence_index,
            sentence: String::new(),
            trigger: String::new(),
            span: [0, 0],
            source: source.into(),
            source_country: source.into(),
            source_agent: None,
            source_name: None,
            target: target.into(),
            target_country: target.into(),
            target_agent: None,
            target_name: None,
            code: code.into(),
            root: code[..2].into(),
            quad_class: 1,
            goldstein: 0.0,
            plover: None,
            date: date.into(),
            date_source: date_source.into(),
            future: false,
            location: None,
            confidence: 0.5,
        }
    }

    #[test]
    fn restatements_keep_what_the_map_kept() {
        let countries = ["RUS", "CHN", "USA"];
        let codes = ["040", "042", "057", "114", "161", "010", "112"];
        let dates = ["2024-05-01", "2024-06-02", "2024-07"];
        let sources = ["text", "anniversary", "document", "doc_date"];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..3000 {
            let n = next(14);
            let mut sentence = 0;
            let events: Vec<Event> = (0..n)
                .map(|_| {
                    sentence += next(3);
                    event(sentence, countries[next(3)], countries[next(3)], codes[next(codes.len())], dates[next(3)], sources[next(4)])
                })
                .collect();
            let doc_date = [None, Some("2024-05-01"), Some("2024-06-02")][round % 3];
            assert_eq!(restatements(events.clone(), doc_date), restatements_by_map(events.clone(), doc_date), "{events:#?}");
        }
    }
}
