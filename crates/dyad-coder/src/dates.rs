//! The event's date: which temporal expression governs a trigger, and what to fall back to.
//!
//! `dyad-dates` finds and resolves expressions; this module attaches one to each event. The
//! rule, in order: the nearest expression in the trigger's clause (before or after it); one
//! inside the trigger; the nearest before it in the sentence; the date carried by the
//! paragraph (narrative carries forward); for acts told in the past tense, the date carried by
//! the document; else the day the report is about (the first day it names within ten days
//! before the document date); else the document date (`date_source: "doc"`). A dateline's date is the
//! report's, never the act's; an anniversary dates only acts planned for it. Events the document dates are
//! remembered so that `the first anniversary of the visit` resolves to the visit's date.

use compact_str::CompactString;
use dyad_dates::{Context, DateValue, Finder, Finding, Kind, PartialDate, TimeExpr};

use crate::sentence::Sent;

/// How far after a trigger (in bytes) an expression in its clause may stand and still date it.
const AFTER_REACH: usize = 45;

/// An event's date with its provenance.
#[derive(Clone, Debug)]
pub struct Dated {
    pub value: String,
    pub source: &'static str,
    pub future: bool,
    /// How the date was chosen; empty unless the [`DateContext`] explains.
    pub explanation: String,
    /// The date [`DateContext::remember`] keeps for the event: the start of the value, as
    /// `value` reads back ([`read_back`]), so that it is not parsed from `value` again.
    start: Option<PartialDate>,
}

/// What the printed `p` reads back as (`PartialDate::from_str`): none for a year before 0
/// or past six digits, or a month or day that does not exist.
fn read_back(p: PartialDate) -> Option<PartialDate> {
    if !(0..=999_999).contains(&p.year) {
        return None;
    }
    match (p.month, p.day) {
        (None, _) => Some(PartialDate::y(p.year)),
        (Some(m), None) => PartialDate::ym(p.year, m.into()),
        (Some(m), Some(d)) => PartialDate::ymd(p.year, m.into(), d.into()),
    }
}

/// A date printed for an event, with the start [`DateContext::remember`] keeps.
#[derive(Clone, Debug)]
struct Printed {
    value: String,
    start: Option<PartialDate>,
}

impl Printed {
    fn of(v: &DateValue) -> Printed {
        Printed { value: v.to_text(), start: read_back(v.start()) }
    }
}

pub struct DateContext {
    doc_date: Option<PartialDate>,
    doc_str: Option<String>,
    known: Vec<(Vec<String>, DateValue)>,
    /// Events remembered since `known` was last brought up to date: the head's word, the
    /// nouns it also goes by, the date. Only an anniversary reads `known`, and few texts
    /// have one: the word lists are built when a sentence is scanned, not per event.
    pending: Vec<(CompactString, &'static [&'static str], PartialDate)>,
    /// Whether a sentence may yet be scanned against the known events: false once the
    /// anchor pass (which is given every sentence) found none whose expressions depend on
    /// them, and then nothing need be remembered.
    needs_known: bool,
    /// The date the narrative last gave a past act, as read and as printed, with its
    /// paragraph and the expression's words: carried within the paragraph, and to later acts
    /// told in the past.
    carry: Option<(usize, DateValue, Printed, String)>,
    /// The news peg, as printed: the first day the text names within ten days before the
    /// document date (`had talks on June 19` in a report of June 20). Acts the text does not
    /// date happened then, not on the day of the report.
    anchor: Option<(Printed, String)>,
    /// Each sentence's expressions from the anchor pass, so a sentence is scanned once, and
    /// whether they depend on the events known (an anniversary of an event the bundled table
    /// does not name).
    cache: Vec<Finding>,
    /// Its buffers serve every sentence of the document.
    finder: Finder,
    /// Explanations are wanted (`dyad explain`): expressions and dates say how they were read.
    explain: bool,
}

/// Whether `d` is a real `YYYY-MM-DD` day.
pub fn valid_day(d: &str) -> bool {
    d.len() == 10 && d.parse::<PartialDate>().ok().is_some_and(|p| p.day.is_some())
}

/// The document date from datelines, sign-offs and mirror lines of the text. Datelines and
/// mirror lines open a text and sign-offs close it, so only its first and last few
/// kilobytes are read: a huge document costs no more than a small one.
pub fn doc_date_from_text(text: &str) -> Option<String> {
    const HEAD: usize = 4096;
    const TAIL: usize = 1024;
    let read = |t: &str| dyad_dates::doc_date_from_text(t).filter(|(d, ..)| d.day.is_some()).map(|(d, ..)| d.to_string());
    if text.len() <= HEAD + TAIL {
        return read(text);
    }
    let cut = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let head = &text[..cut(HEAD)];
    let tail = &text[cut(text.len() - TAIL)..];
    read(tail).or_else(|| read(head))
}

/// What a word before a trigger says of the act being future or planned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FutureWord {
    /// It makes it so by itself (`will`, `plans`).
    Marks,
    /// It may, with the words around it ([`dyad_dates::is_future_marker_in`]).
    MayMark,
    /// It cannot.
    No,
}

/// One look at a word for [`is_future`]: the words that make an act future by themselves, the
/// other words the markers of `dyad_dates` begin with, and any other plain lower-case word
/// (which cannot mark); anything else is asked of [`dyad_dates::may_mark_future`].
fn future_word(w: &str) -> FutureWord {
    if may_be_future_word(w.as_bytes()) {
        if let Some(f) = listed_future_word(w) {
            return f;
        }
    }
    if w.bytes().all(|b| PLAIN[usize::from(b)]) {
        FutureWord::No
    } else if dyad_dates::may_mark_future(w) {
        FutureWord::MayMark
    } else {
        FutureWord::No
    }
}

/// The bytes of a plain word (lower-case ASCII letters and digits), one look each.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_lowercase() || (b as u8).is_ascii_digit();
        b += 1;
    }
    t
};

/// The words [`listed_future_word`] knows.
const FUTURE_WORDS: &[&str] = &[
    "will", "shall", "should", "must", "plan", "plans", "planned", "planning", "intend", "intends", "scheduled", "expected",
    "going", "'ll", "won't", "would", "upcoming", "forthcoming", "intended", "intending", "slated", "set", "due", "is", "are",
    "am", "was", "were", "agreed", "agree", "agrees", "to",
];

/// For each length up to 11 and first byte (`& 31`), the last bytes (`& 31`) of the
/// [`FUTURE_WORDS`]: most words are ruled out by one bit, before any is compared.
static FUTURE_ENDS: [[u32; 32]; 12] = {
    let mut ends = [[0u32; 32]; 12];
    let mut i = 0;
    while i < FUTURE_WORDS.len() {
        let w = FUTURE_WORDS[i].as_bytes();
        ends[w.len()][(w[0] & 31) as usize] |= 1 << (w[w.len() - 1] & 31);
        i += 1;
    }
    ends
};

/// Whether `w` may be one of the [`FUTURE_WORDS`]: its length and end bytes are those of one.
#[inline]
fn may_be_future_word(w: &[u8]) -> bool {
    match (FUTURE_ENDS.get(w.len()), w.first(), w.last()) {
        (Some(ends), Some(&first), Some(&last)) => ends[usize::from(first & 31)] & (1 << (last & 31)) != 0,
        _ => false,
    }
}

/// What a word of the [`FUTURE_WORDS`] says; none for any other word.
fn listed_future_word(w: &str) -> Option<FutureWord> {
    Some(match w {
        "will" | "shall" | "should" | "must" | "plan" | "plans" | "planned" | "planning" | "intend" | "intends" | "scheduled"
        | "expected" | "going" | "'ll" => FutureWord::Marks,
        "won't" | "would" | "upcoming" | "forthcoming" | "intended" | "intending" | "slated" | "set" | "due" | "is" | "are"
        | "am" | "was" | "were" | "agreed" | "agree" | "agrees" | "to" => FutureWord::MayMark,
        _ => return None,
    })
}

impl DateContext {
    /// A context for a document of `doc_date`; with `explain`, expressions and event dates
    /// carry their explanations (else those are left empty).
    pub fn new(doc_date: Option<&str>, explain: bool) -> DateContext {
        let parsed = doc_date.and_then(|d| d.parse::<PartialDate>().ok());
        DateContext {
            doc_date: parsed,
            doc_str: parsed.map(|d| d.to_string()),
            known: Vec::new(),
            pending: Vec::new(),
            needs_known: true,
            carry: None,
            anchor: None,
            cache: Vec::new(),
            finder: Finder::default(),
            explain,
        }
    }

    /// Temporal expressions of a sentence.
    pub fn find(&mut self, text: &str, _paragraph: usize) -> Vec<TimeExpr> {
        self.find_noting_known(text).exprs
    }

    /// [`DateContext::find`], and whether what it found depends on the events known.
    fn find_noting_known(&mut self, text: &str) -> Finding {
        if !self.pending.is_empty() {
            self.bring_known_up_to_date();
        }
        let ctx = Context { doc_date: self.doc_date, known: &self.known };
        self.finder.find(text, &ctx, self.explain)
    }

    /// Moves the events remembered since into `known`, with the words they go by.
    #[cold]
    fn bring_known_up_to_date(&mut self) {
        for (head, also, p) in self.pending.drain(..) {
            let mut words = Vec::with_capacity(1 + also.len());
            words.push(head.into_string());
            words.extend(also.iter().map(|w| w.to_string()));
            self.known.push((words, DateValue::Point(p)));
        }
    }

    /// The expressions of the document's sentence `index`: from the anchor pass, unless an
    /// anniversary may now resolve through events dated since. (Only a sentence whose
    /// expressions depend on the known events can find others now; of those, as ever, the
    /// ones that spell `anniversary` in lower case are scanned again.)
    pub fn find_sentence(&mut self, index: usize, text: &str) -> Vec<TimeExpr> {
        match self.cache.get_mut(index) {
            Some(c) if !(c.reads_known && text.contains("anniversary")) => std::mem::take(&mut c.exprs),
            _ => self.find(text, 0),
        }
    }

    /// The date of an event whose trigger covers tokens `[start, end)`.
    pub fn for_event(&mut self, s: &Sent, exprs: &[TimeExpr], start: usize, end: usize, head: usize, paragraph: usize) -> Dated {
        let (tb, te) = s.byte_span(start, end);
        // The clause matters only to the sentence's expressions (many sentences have none).
        let (clause_start, clause_end) = if exprs.is_empty() { (0, 0) } else { clause_bytes(s, start, end) };
        let future = is_future(s, head);
        let pick = |e: &TimeExpr| -> DateValue {
            match (&e.future_value, future) {
                (Some(f), true) => f.clone(),
                _ => e.value.clone(),
            }
        };
        // The dateline's date (`Pyongyang, June 20 (KCNA) --`) is the day of the report, not
        // of the act; an anniversary dates only what is planned for it.
        let usable = || exprs.iter().filter(|e| (e.kind != Kind::Anniversary || future) && !is_dateline(s.text, e));
        let dist = |e: &TimeExpr| if e.end <= tb { tb - e.end } else { e.start.saturating_sub(te) };
        let in_clause = usable()
            .filter(|e| e.start >= clause_start && e.end <= clause_end && !(e.start < te && tb < e.end))
            // Far after the trigger, an expression belongs to something the act is about.
            .filter(|e| e.end <= tb || e.start < te + AFTER_REACH || lowercase_words_between(s, te, e.start) <= 4)
            .min_by_key(|e| dist(e));
        let inside = || usable().find(|e| e.start < te && tb < e.end);
        let before_in_sentence = || usable().rev().find(|e| e.end <= tb);
        let chosen = in_clause
            .map(|e| (e, "the nearest expression in the trigger's clause"))
            .or_else(|| inside().map(|e| (e, "the expression inside the trigger")))
            .or_else(|| before_in_sentence().map(|e| (e, "the nearest expression before the trigger in the sentence")));
        if let Some((e, why)) = chosen {
            let v = pick(e);
            // Acts told together are often dated alike: the carried date's text serves again.
            let printed = match &self.carry {
                Some((_, carried, p, _)) if *carried == v => p.clone(),
                _ => Printed::of(&v),
            };
            let source = if e.kind == Kind::Anniversary { "anniversary" } else { "text" };
            let text = s.text.get(e.start..e.end).unwrap_or("");
            let explanation = explained(self.explain, || format!("`{text}` -> {v} ({}; rule {}: {})", why, e.rule, e.explanation));
            if !future {
                // The expression's words are kept for explanations only.
                let words = explained(self.explain, || text.to_string());
                if self.anchor.is_none() && self.is_peg(&v) {
                    self.anchor = Some((printed.clone(), words.clone()));
                }
                match &mut self.carry {
                    Some((p, carried, _, w)) if *carried == v => (*p, *w) = (paragraph, words),
                    _ => self.carry = Some((paragraph, v, printed.clone(), words)),
                }
            }
            return Dated { value: printed.value, source, future, explanation, start: printed.start };
        }
        // `Canada just canceled the mission`: an act told as recent is of the report's time,
        // not of a date the paragraph gave earlier.
        let recent = (head.saturating_sub(3)..head).any(|k| matches!(s.norms[k].as_str(), "just" | "recently" | "now" | "newly"));
        if !future && !recent {
            if let Some((p, _, v, t)) = &self.carry {
                if *p == paragraph {
                    return Dated { value: v.value.clone(), source: "text", future, explanation: explained(self.explain, || format!("carried from `{t}` earlier in the paragraph")), start: v.start };
                }
            }
            // In a report pegged to a day, undated past acts belong to that day, not to the
            // background the narrative last dated.
            let pegged = self.anchor.as_ref().is_some_and(|(v, _)| Some(&v.value) != self.doc_str.as_ref());
            if !pegged && is_past(s, start, end) {
                if let Some((_, _, v, t)) = &self.carry {
                    return Dated { value: v.value.clone(), source: "text", future, explanation: explained(self.explain, || format!("past tense: carried from `{t}` earlier in the document")), start: v.start };
                }
            }
        }
        if let Some((v, t)) = &self.anchor {
            return Dated { value: v.value.clone(), source: "text", future, explanation: explained(self.explain, || format!("the day the report is about, from `{t}`")), start: v.start };
        }
        match &self.doc_str {
            Some(d) => Dated { value: d.clone(), source: "doc", future, explanation: explained(self.explain, || "no expression governs it: the document date".into()), start: None },
            None => Dated { value: String::new(), source: "doc", future, explanation: explained(self.explain, || "no expression and no document date".into()), start: None },
        }
    }

    /// The document date, for acts of the statement itself (its speaker's evaluations).
    pub fn doc_dated(&self, why: &str) -> Dated {
        Dated { value: self.doc_str.clone().unwrap_or_default(), source: "doc", future: false, explanation: explained(self.explain, || why.to_string()), start: None }
    }

    /// Sets the news peg from the document's sentences before any is coded, so that acts told
    /// before the peg's sentence get it too. It is given every sentence that
    /// [`DateContext::find_sentence`] will be asked for: events are remembered for later
    /// anniversaries only if one of these may need them.
    pub fn find_anchor<'t>(&mut self, sentences: impl Iterator<Item = &'t str>) {
        let mut cache = Vec::with_capacity(sentences.size_hint().0);
        for text in sentences {
            let found = self.find_noting_known(text);
            if self.anchor.is_none() {
                if let Some(e) = found.exprs.iter().find(|e| !is_dateline(text, e) && e.kind != Kind::Anniversary && self.is_peg(&e.value)) {
                    self.anchor = Some((Printed::of(&e.value), explained(self.explain, || text.get(e.start..e.end).unwrap_or("").to_string())));
                }
            }
            cache.push(found);
        }
        self.needs_known = cache.iter().any(|f| f.reads_known);
        self.cache = cache;
    }

    /// A day within ten days before the document date, or a span of days ending then
    /// (`talks from March 6 to 10` in a report of March 10).
    fn is_peg(&self, v: &DateValue) -> bool {
        let last = match v {
            DateValue::Point(p) => *p,
            DateValue::Range { start, end: Some(e) } if start.day.is_some() => *e,
            DateValue::Range { .. } => return false,
        };
        let Some(doc) = self.doc_date else { return false };
        match (last.day.is_some(), last.day_number(), doc.day_number()) {
            (true, Some(a), Some(b)) => (0..=10).contains(&(b - a)),
            _ => false,
        }
    }

    /// Remembers a dated event by its head word, for later anniversaries.
    pub fn remember(&mut self, s: &Sent, head: usize, d: &Dated) {
        // A range is remembered by its start, as its printed value reads back.
        let (true, false, Some(p)) = (self.needs_known, d.source == "doc", d.start) else {
            return;
        };
        // A visit is also a trip; talks a meeting: the nouns a later anniversary may use.
        let also: &'static [&'static str] = match s.keys[head].as_str() {
            "visit" | "pay" => &["visit", "trip"],
            "meet" | "talk" | "hold" | "have" => &["meeting", "talks", "summit"],
            "sign" => &["signing", "treaty", "agreement"],
            _ => &[],
        };
        self.pending.push((CompactString::from(s.norm_opt(head).unwrap_or_default()), also, p));
    }
}

/// `f()` when explanations are wanted, else an empty string (building them costs time).
fn explained(explain: bool, f: impl FnOnce() -> String) -> String {
    if explain {
        f()
    } else {
        String::new()
    }
}

/// A dateline: a date in the first words of the sentence followed by `(AGENCY)` or a dash.
fn is_dateline(text: &str, e: &TimeExpr) -> bool {
    let early = e.start < 48;
    let marked = || {
        let rest = text.get(e.end..).unwrap_or("").trim_start();
        rest.starts_with('(') || rest.starts_with("--") || rest.starts_with('-') || rest.starts_with('–') || rest.starts_with('—')
    };
    early && marked() || (e.start < 8 && text.get(..e.start).is_some_and(|p| p.trim().eq_ignore_ascii_case("date")))
}

/// Byte bounds of the trigger's clause: commas before `and`, semicolons, relative pronouns
/// and sentence edges.
/// Lower-case words between two byte offsets: names (`Indian Prime Minister Narendra Modi`)
/// do not put an expression out of a trigger's reach, other words do.
fn lowercase_words_between(s: &Sent, from: usize, to: usize) -> usize {
    s.tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .filter(|t| t.span.of(s.text).chars().next().is_some_and(|c| c.is_lowercase()))
        .count()
}

fn clause_bytes(s: &Sent, start: usize, end: usize) -> (usize, usize) {
    let n = s.tokens.len();
    // One byte tells most tokens from a cut.
    let is_cut = |k: usize| match s.norms[k].as_bytes() {
        b";" => true,
        b"," => matches!(s.norm_opt(k + 1), Some("and" | "while" | "but" | "who" | "which" | "where")),
        _ => false,
    };
    let a = (0..start).rev().find(|&k| is_cut(k)).map(|k| s.tokens[k].span.end).unwrap_or(0);
    let b = (end..n).find(|&k| is_cut(k)).map(|k| s.tokens[k].span.start).unwrap_or(s.text.len());
    (a, b)
}

/// The words before a trigger's head that a modal can govern: back to a semicolon or a comma
/// that does not join coordinated verbs (`should strengthen X, and deepen Y`). Returns where
/// they begin; they end before `head`.
fn modal_start(s: &Sent, head: usize) -> usize {
    let cut = |k: usize| match s.norms[k].as_str() {
        ";" | ":" => true,
        // `shall aspire to ..., maintain ... and strengthen`: a comma before a bare verb of
        // the same list keeps the modal.
        "," => !matches!(s.norm_opt(k + 1), Some("and" | "or")) && !bare_verb_after(s, k + 1),
        _ => false,
    };
    (head.saturating_sub(24)..head).rev().find(|&k| cut(k)).map(|k| k + 1).unwrap_or(head.saturating_sub(24))
}

/// A lower-case word that reads as a verb of a list (`maintain`, `intensify`): no determiner,
/// pronoun, preposition or clause word, no participle.
fn bare_verb_after(s: &Sent, k: usize) -> bool {
    let Some(w) = s.norm_opt(k) else { return false };
    let lower = s.text_of(k).chars().all(|c| c.is_ascii_lowercase());
    lower
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !matches!(
            w,
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "which" | "who" | "whose" | "it" | "they" | "he" | "she"
                | "we" | "its" | "their" | "his" | "her" | "our" | "in" | "on" | "at" | "for" | "with" | "by" | "to" | "of" | "from"
                | "as" | "while" | "when" | "if" | "but" | "so" | "since" | "after" | "before" | "both" | "all" | "some" | "such"
                | "not" | "also" | "there" | "where" | "although" | "though" | "because" | "unless" | "until" | "whereas" | "and" | "or"
        )
}

/// A future or planned act: a future marker before the trigger's head in its clause.
fn is_future(s: &Sent, head: usize) -> bool {
    let from = modal_start(s, head);
    future_in(|| (from..head).map(|k| s.norms[k].as_str()))
}

/// Whether the words `window` gives make an act future: a future word, or a marker in
/// context. Most clauses hold no word that may mark them: one look at each word settles
/// those without reading them again in context.
fn future_in<'a, I: Iterator<Item = &'a str>>(window: impl Fn() -> I) -> bool {
    let mut may_mark = false;
    for w in window() {
        match future_word(w) {
            FutureWord::Marks => return true,
            FutureWord::MayMark => may_mark = true,
            FutureWord::No => {}
        }
    }
    may_mark && dyad_dates::is_future_marker_in(window())
}

/// An obligation or a norm (`the two sides shall consult`, `should meet`): a commitment, not
/// a scheduled act.
pub fn is_obligation(s: &Sent, head: usize) -> bool {
    let modal = |k: usize| matches!(s.norms[k].as_str(), "shall" | "should" | "must");
    // The words a modal can govern lie within the 24 before the head: most have no modal
    // at all, and need not be bounded.
    (head.saturating_sub(24)..head).any(modal) && (modal_start(s, head)..head).any(modal)
}

/// Told in the past tense: a past form of the head or a past auxiliary before it; the
/// present perfect (`has been handed`) tells of now, not of the narrative's past.
fn is_past(s: &Sent, start: usize, end: usize) -> bool {
    let head_past = (start..end).any(|k| {
        let n = s.norms[k].as_str();
        n.ends_with("ed") || (s.keys[k] != n && !n.ends_with('s') && !n.ends_with("ing") && s.keys[k].len() > 2 && !n.starts_with(s.keys[k].as_str()))
    });
    let aux = (start.saturating_sub(3)..start).any(|k| matches!(s.norms[k].as_str(), "had" | "was" | "were"));
    let present_aux = (start.saturating_sub(3)..end).any(|k| matches!(s.norms[k].as_str(), "has" | "have" | "is" | "are"));
    (head_past || aux) && !present_aux
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_remembered_for_an_anniversary_only_when_a_sentence_may_need_them() {
        let dict = dyad_dict::Dictionary::bundled();
        let arena = bumpalo::Bump::new();
        let dated = "Kim visited Hanoi on June 3, 2023.";
        // The words a remembered visit goes by: the head's, and `visit` and `trip`.
        let later = "They will mark the first anniversary of the visited visit trip.";
        let plain = "They will meet again on Monday.";
        for (sentences, needs) in [([dated, later], true), ([dated, plain], false)] {
            let mut ctx = DateContext::new(Some("2024-05-30"), false);
            ctx.find_anchor(sentences.iter().copied());
            assert_eq!(ctx.needs_known, needs);
            let first = ctx.find_sentence(0, dated);
            let s = Sent::new(dated, &dict.lemmas, &arena);
            let d = ctx.for_event(&s, &first, 1, 2, 1, 0);
            assert_eq!(d.value, "2023-06-03");
            ctx.remember(&s, 1, &d);
            assert_eq!(ctx.pending.len(), usize::from(needs));
            let found = ctx.find_sentence(1, sentences[1]);
            // What a scan against every event remembered finds.
            let known = vec![(vec!["visited".to_string(), "visit".to_string(), "trip".to_string()], DateValue::Point(PartialDate::ymd(2023, 6, 3).unwrap()))];
            let all = dyad_dates::find_unexplained(sentences[1], &Context { doc_date: PartialDate::ymd(2024, 5, 30), known: &known });
            let shown = |e: &[TimeExpr]| e.iter().map(|e| format!("{} {} {}", e.start, e.rule, e.value)).collect::<Vec<_>>();
            assert_eq!(shown(&found), shown(&all));
            assert_eq!(found.iter().any(|e| e.rule == "anniversary-of-known-event"), needs);
        }
    }

    #[test]
    fn every_future_word_is_listed_and_passes_the_look_at_its_ends() {
        for w in FUTURE_WORDS {
            assert!(may_be_future_word(w.as_bytes()), "{w}");
            assert!(listed_future_word(w).is_some(), "{w}");
        }
        for w in ["the", "and", "said", "strongly", "wills", "sets", "tO", "", "'", "abcdefghijklm"] {
            assert!(listed_future_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn one_look_at_the_words_tells_a_future_act_as_reading_them_in_context_did() {
        // What `is_future` asked first: the words that mark by themselves, then the markers
        // of `dyad_dates` in context.
        let plainly = |words: &[&str]| {
            let marks = |w: &&str| {
                matches!(
                    *w,
                    "will" | "shall" | "should" | "must" | "plan" | "plans" | "planned" | "planning" | "intend" | "intends"
                        | "scheduled" | "expected" | "going" | "'ll"
                )
            };
            words.iter().any(marks) || dyad_dates::is_future_marker(words)
        };
        const WORDS: &[&str] = &[
            "will", "Will", "shall", "should", "must", "won't", "won’t", "'ll", "we'll", "they’ll", "would", "upcoming",
            "forthcoming", "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending", "expected",
            "scheduled", "slated", "going", "set", "due", "is", "are", "am", "was", "were", "agreed", "agree", "agrees", "to",
            "To", "to.", "be", "held", "convened", "signed", "hold", "meet", "visit", "sign", "of", "the", "a", "political",
            "people's", "work", "said", "met", "talks", "2024", ",", ".", "--", "'", "\"to", "été", "«will»", "",
        ];
        let mut next = crate::test_rng(0x9e37_79b9_7f4a_7c15u64);
        let mut future = 0;
        for _ in 0..200_000 {
            let words: Vec<&str> = (0..next(7)).map(|_| WORDS[next(WORDS.len())]).collect();
            let expected = plainly(&words);
            assert_eq!(future_in(|| words.iter().copied()), expected, "{words:?}");
            future += usize::from(expected);
        }
        assert!(future > 10_000 && future < 190_000, "{future}");
    }

    #[test]
    fn a_date_reads_back_as_its_printed_text_parses() {
        let years = [i32::MIN, -10_000, -1, 0, 1, 12, 999, 1000, 2024, 9999, 10_000, 999_999, 1_000_000, i32::MAX];
        let parts = [None, Some(0), Some(1), Some(2), Some(12), Some(13), Some(28), Some(29), Some(30), Some(31), Some(32), Some(99), Some(100), Some(255)];
        for year in years {
            for month in parts {
                for day in parts {
                    let p = PartialDate { year, month, day };
                    let parsed = p.to_string().parse::<PartialDate>().ok();
                    assert_eq!(read_back(p), parsed, "{p:?}");
                    let values = [DateValue::Point(p), DateValue::Range { start: p, end: None }, DateValue::Range { start: p, end: Some(PartialDate::y(2024)) }];
                    for v in values {
                        let text = v.to_text();
                        let start = text.split('/').next().unwrap_or("");
                        assert_eq!(Printed::of(&v).start, start.parse::<PartialDate>().ok(), "{v:?}");
                    }
                }
            }
        }
    }
}
