//! Anniversaries: "the 75th anniversary of the Korean Liberation", "the 72nd
//! founding anniversary of the DPRK", "the first anniversary of the historic
//! visit".
//!
//! Entry point: [`candidates`]. The words after "anniversary of" (plus any
//! modifiers before "anniversary", like "founding") form a window; an event
//! matches when every content word of one of its phrases occurs in the
//! window and the first of them is among the window's first few words (so
//! "the 10th anniversary of Kim's leadership of the DPRK" does not read as
//! the DPRK's founding). The bundled table is tried first, then the events
//! the document dated itself (`Context::known`). The value is the event date
//! plus N years. An unknown event yields nothing. This module does not
//! guess events from outside the table and the context.

use crate::historic::historic_dates;
use crate::scan::{Cand, Scan, Why};
use crate::token::Cue;
use crate::{DateValue, Kind};

const STOPWORDS: &[&str] = &[
    "the", "of", "and", "a", "an", "s", "between", "in", "to", "for", "on", "with", "its", "his",
    "her", "their", "our",
];
/// A comma followed by one of these ends the event name.
const CLAUSE_STARTS: &[&str] = &[
    "which", "who", "when", "and", "as", "while", "where", "but", "that", "the",
];
const MAX_WINDOW: usize = 25;
/// How deep into the window the first matched word may sit.
const MAX_FIRST_POS: usize = 3;
/// Phrases that only hold in a Korean text: (phrase, word the text must contain).
const GATED: &[(&str, &str)] = &[("national liberation", "korea")];

struct WinWord {
    word: String,
    tok: usize,
    pos: usize,
}

fn content_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Words that may follow a one-word event name ("the DPRK", "the UN")
/// without making it a modifier of something else ("the DPRK's nuclear test").
const AFTER_NAME: &[&str] = &[
    "on", "in", "at", "and", "which", "that", "was", "were", "is", "are", "with", "this", "last",
    "by", "for", "the", "as", "when", "will", "has", "have", "had", "to", "from", "of", "were",
    "would", "a",
];

/// A one-word name must end its noun phrase.
fn ends_phrase(s: &Scan, tok: usize) -> bool {
    match s.t(tok + 1) {
        None => true,
        Some(_) if s.w(tok + 1).is_some() => s.w_in(tok + 1, AFTER_NAME),
        Some(_) => !matches!(s.p(tok + 1), Some('\'' | '’' | '-' | '–' | '—')),
    }
}

/// (number of words, position of first matched word, last token matched).
fn match_phrase(words: &[String], win: &[WinWord]) -> Option<(usize, usize, usize)> {
    if words.is_empty() {
        return None;
    }
    let mut first = usize::MAX;
    let mut last = 0;
    for w in words {
        let hit = win.iter().find(|x| &x.word == w)?;
        first = first.min(hit.pos);
        last = last.max(hit.tok);
    }
    (first <= MAX_FIRST_POS).then_some((words.len(), first, last))
}

/// Whether [`candidates`] may propose anything at `i`: only at an ordinal, or "the" before one.
pub(crate) fn may_start(s: &Scan, i: usize) -> bool {
    let j = if s.cue(i) == Some(Cue::The) { i + 1 } else { i };
    s.ordinal_at(j).is_some()
}

pub(crate) fn candidates(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let j = if s.is_w(i, "the") { i + 1 } else { i };
    let Some((n, k)) = s.ordinal_at(j) else {
        return;
    };
    // Up to four modifier words before "anniversary" ("founding", "Korean Liberation").
    let mut win: Vec<WinWord> = Vec::new();
    let mut m = k;
    while !s.is_w(m, "anniversary") {
        if m >= k + 6 {
            return;
        }
        match s.w(m) {
            Some(w) => win.push(WinWord {
                word: w.to_string(),
                tok: m,
                pos: 0,
            }),
            None if matches!(s.p(m), Some('\'' | '’' | '-' | '–')) => {}
            None => return,
        }
        m += 1;
    }
    let had_mods = !win.is_empty();
    let mut x = m + 1;
    if s.is_w(x, "of") {
        x += 1;
    } else if !had_mods {
        return;
    } else {
        x = usize::MAX; // no "of": the modifiers alone name the event
    }
    let mut pos = 0;
    let mut t = x;
    while x != usize::MAX && s.same_sentence(t, m) && pos < MAX_WINDOW {
        if s.is_p(t, ',') && s.w_in(t + 1, CLAUSE_STARTS) {
            break;
        }
        if matches!(s.p(t), Some(';' | '(' | ')')) || s.is_w(t, "anniversary") {
            break;
        }
        if let Some(w) = s.w(t) {
            // "Kim Jong Un" is a person, not the UN.
            let name_part = w == "un" && t > 0 && s.is_w(t - 1, "jong");
            if !STOPWORDS.contains(&w) && !name_part {
                win.push(WinWord {
                    word: w.to_string(),
                    tok: t,
                    pos,
                });
                pos += 1;
            }
        }
        t += 1;
    }
    for w in win.iter_mut() {
        if w.tok < m {
            w.pos = 0;
        }
    }
    let lower_text = s.text.to_lowercase();
    // Best table entry: most words, then earliest start, then table order.
    let mut best: Option<(usize, usize, usize, DateValue, Why)> = None;
    let mut rule = "anniversary-of-historic-event";
    for (phrases, date) in historic_dates() {
        for ph in phrases.iter() {
            if GATED
                .iter()
                .any(|(g, need)| g == ph && !lower_text.contains(need))
            {
                continue;
            }
            let words = content_words(ph);
            if let Some((len, first, last)) = match_phrase(&words, &win) {
                if len == 1 && !ends_phrase(s, last) {
                    continue;
                }
                let better = match &best {
                    None => true,
                    Some((bl, bf, ..)) => len > *bl || (len == *bl && first < *bf),
                };
                if better {
                    best = Some((
                        len,
                        first,
                        last,
                        DateValue::Point(*date),
                        s.why(|| format!("\"{}\" = {} (bundled table)", ph, date)),
                    ));
                }
            }
        }
    }
    if best.is_none() {
        // What is found here depends on the events known (none may be known yet).
        s.read_known.set(true);
        // Each of an event's words is a phrase of its own (a signing is named by `signing`,
        // `treaty` or `agreement`), not all of them at once.
        for (kws, val) in s.ctx.known {
            for kw in kws {
                let words = content_words(kw);
                if let Some((len, first, last)) = match_phrase(&words, &win) {
                    let beats = match &best {
                        None => true,
                        Some((bl, ..)) => len > *bl,
                    };
                    if beats {
                        rule = "anniversary-of-known-event";
                        best = Some((
                            len,
                            first,
                            last,
                            val.clone(),
                            s.why(|| format!("\"{}\" = {} (dated in the document)", kw, val)),
                        ));
                    }
                }
            }
        }
    }
    let Some((_, _, last, base, what)) = best else {
        return;
    };
    let Some(value) = base.shift_years(n as i32) else {
        return;
    };
    let why = s.why(|| format!("{} + {} years", what, n));
    out.push(Cand {
        a: i,
        b: last.max(m),
        value,
        kind: Kind::Anniversary,
        rule,
        future: None,
        why,
    });
}
