//! Coding one document: layout, document context, and the sentence loop.
//!
//! [`code_document`] is the coder's entry point. It settles the document date (the `doc_date`
//! field, else the dateline or sign-off), the speaker (the issuer line, the agency in the
//! dateline, or the publisher), and then codes sentences in order while it tracks the
//! context that pronouns and dyad phrases resolve against. [`explain_sentence`] runs the same
//! steps on one sentence and prints each of them; [`explain_in_document`] prints them for
//! chosen sentences of a document, coded in their context.

use std::fmt::Write as _;

use bumpalo::Bump;
use dyad_dict::Dictionary;
use dyad_record::Event;
use dyad_text::{layout, BlockKind, LayoutOptions};

use crate::dates::DateContext;
use crate::mentions::{find_mentions, named_mentions, resolve_mentions, Actor, Context, Mention, MentionKind, Referent, Text};
use crate::roles::assign;
use crate::sentence::{Sent, SentBufs};
use crate::triggers::find_triggers;

/// A document to code.
#[derive(Clone, Debug, Default)]
pub struct DocInput<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub title: Option<&'a str>,
    pub doc_date: Option<&'a str>,
    pub publisher: Option<&'a str>,
    /// Plain files: the first line is the title.
    pub first_line_is_title: bool,
}

/// Something the coder could not code, or chose not to, with where and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub sentence_index: Option<usize>,
    pub message: String,
}

/// The result of coding a document.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    pub notes: Vec<Note>,
    pub doc_date: Option<String>,
    pub speaker: Option<String>,
}

/// Country mention counts, for the dyad in play. A document names a handful of countries:
/// a list is searched faster than a map is hashed, and each code is kept as a number too
/// ([`code_key`]) so that the searches and the order compare numbers, not strings.
#[derive(Default)]
struct Salience {
    counts: Vec<Count>,
    tick: usize,
}

struct Count {
    country: Text,
    /// [`code_key`] of `country`.
    key: Option<u64>,
    /// Weighted count.
    n: u32,
    /// The tick it was last counted at.
    tick: usize,
}

/// A country code as a number: its bytes big-endian and padded with zeros, so that numbers
/// are equal when codes are and order as they do. `None` for a code of more than eight bytes
/// or with a NUL byte, which is compared as a string.
fn code_key(c: &str) -> Option<u64> {
    let b = c.as_bytes();
    if b.len() > 8 || b.contains(&0) {
        return None;
    }
    let mut k = [0u8; 8];
    k[..b.len()].copy_from_slice(b);
    Some(u64::from_be_bytes(k))
}

impl Salience {
    fn add<'m>(&mut self, ms: impl IntoIterator<Item = &'m Mention>, weight: u32) {
        self.tick += 1;
        let tick = self.tick;
        for m in ms {
            if m.kind == MentionKind::Coref {
                continue;
            }
            if let Some(a) = m.actor_with_country() {
                match self.count_of(&a.country) {
                    Some(e) => (e.n, e.tick) = (e.n + weight, tick),
                    None => self.counts.push(Count { country: a.country.clone(), key: code_key(&a.country), n: weight, tick }),
                }
            }
        }
    }

    fn count_of(&mut self, country: &str) -> Option<&mut Count> {
        match code_key(country) {
            // A code with a key equals only the code with the same key.
            Some(k) => self.counts.iter_mut().find(|c| c.key == Some(k)),
            None => self.counts.iter_mut().find(|c| c.key.is_none() && c.country == country),
        }
    }

    /// The dyad in play: the two countries first in the order (most counted, then counted
    /// last, then by code). Every country counted is one the document named.
    fn pair(&self) -> Option<(Actor, Actor)> {
        // One pass, as every sentence asks.
        let rank = |x: &Count, y: &Count| {
            y.n.cmp(&x.n).then(y.tick.cmp(&x.tick)).then_with(|| match (x.key, y.key) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => x.country.as_str().cmp(y.country.as_str()),
            })
        };
        let mut first: Option<&Count> = None;
        let mut second: Option<&Count> = None;
        for c in &self.counts {
            if first.is_none_or(|f| rank(c, f).is_lt()) {
                second = first;
                first = Some(c);
            } else if second.is_none_or(|s| rank(c, s).is_lt()) {
                second = Some(c);
            }
        }
        Some((plain(&first?.country), plain(&second?.country)))
    }
}

fn plain(country: &str) -> Actor {
    Actor { country: country.into(), agent: None, name: None, role: None, is_person: false }
}

/// `yyyymmdd` of a `YYYY-MM-DD` string.
fn ymd_number(d: &str) -> Option<u32> {
    let p: Vec<&str> = d.split('-').collect();
    let y: u32 = p.first()?.parse().ok()?;
    let m: u32 = p.get(1).map(|s| s.parse().ok()).unwrap_or(Some(6))?;
    let dd: u32 = p.get(2).map(|s| s.parse().ok()).unwrap_or(Some(15))?;
    Some(y * 10000 + m * 100 + dd)
}

/// The speaker's country from an issuer line: the last state named in it, skipping
/// `... for Russian Affairs` style portfolios and IGOs (`Representative of DPRK at UN`).
fn speaker_from_line(dict: &Dictionary, line: &str, date: Option<u32>) -> Option<Actor> {
    let arena = Bump::new();
    let s = Sent::new(line, &dict.lemmas, &arena);
    let ctx = Context { speaker: None, pair: None, last_person: None, recent_people: &[], date, keep_media: true, explain: false, learned: &[], last_subject: None, last_subject_partner: None };
    let ms = find_mentions(&s, dict, &ctx, None);
    ms.iter()
        .rev()
        .filter(|m| m.kind != MentionKind::Igo)
        .filter(|m| !matches!(s.norm_opt(m.end), Some("affairs")))
        .find_map(|m| match &m.referent {
            Referent::One(a) => Some(Actor { agent: a.agent.clone().or(Some("GOV".into())), ..a.clone() }),
            _ => None,
        })
}

/// The party a publisher line names first, outside parentheses (`EU statement at the OSCE
/// (via Norway's delegation site)` is the EU's); an organisation may speak here.
fn speaker_from_publisher(dict: &Dictionary, line: &str, date: Option<u32>) -> Option<Actor> {
    let mut outside = String::with_capacity(line.len());
    let mut depth = 0u32;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let arena = Bump::new();
    let s = Sent::new(&outside, &dict.lemmas, &arena);
    let ctx = Context { speaker: None, pair: None, last_person: None, recent_people: &[], date, keep_media: true, explain: false, learned: &[], last_subject: None, last_subject_partner: None };
    let ms = find_mentions(&s, dict, &ctx, None);
    ms.iter().find_map(|m| match &m.referent {
        Referent::One(a) if !a.country.is_empty() => Some(Actor { agent: a.agent.clone().or(Some("GOV".into())), ..a.clone() }),
        _ => None,
    })
}

struct DocState {
    speaker: Option<Actor>,
    learned: Vec<crate::mentions::Learned>,
    /// The first person named in the previous sentence: `He` at the start of the next one.
    last_subject_person: Option<Actor>,
    /// The previous sentence opened with a name dyad does not know (`Faisal urged`).
    last_subject_unknown: bool,
    /// The first state actor named in the previous sentence: `It`, `They`.
    last_subject: Option<Actor>,
    /// A second country coordinated with that subject (`Ecuador and Peru met`).
    last_subject_partner: Option<Actor>,
    salience: Salience,
    people: Vec<Actor>,
    date_num: Option<u32>,
}

impl DocState {
    fn remember(&mut self, ms: &[Mention]) {
        for m in ms {
            if let Some(a) = m.actor_with_country() {
                if a.is_person && m.kind == MentionKind::Person {
                    self.people.retain(|p| p.name != a.name);
                    self.people.push(a.clone());
                }
            }
        }
    }
}

/// Codes one sentence in its document context, adding its events to `events`. `trace`, when
/// given, receives the steps.
#[allow(clippy::too_many_arguments)]
fn code_sentence(
    dict: &Dictionary,
    st: &mut DocState,
    dates: &mut DateContext,
    doc_id: &str,
    index: usize,
    paragraph: usize,
    text: &str,
    offset: usize,
    events: &mut Vec<Event>,
    notes: &mut Vec<Note>,
    scratch: &mut Scratch,
    mut trace: Option<&mut String>,
) {
    // The arena holds the sentence's lower-cased forms; the previous sentence's are done with.
    scratch.arena.reset();
    let s = Sent::new_in(text, &dict.lemmas, &scratch.arena, &mut scratch.sent);
    // A sentence-initial `He` continues the previous sentence's subject; elsewhere a pronoun
    // takes the person named last.
    // So does the `he` of a sentence opened by a participle (`Expressing his pleasure ..., he
    // extended his support`).
    let starts_with_pronoun = text.split_whitespace().next().is_some_and(|w| matches!(w, "He" | "She") || (w.ends_with("ing") && w.len() > 5 && w.starts_with(char::is_uppercase)));
    // After a sentence opened by an unknown name, its `he` is that unknown person.
    let last_person = if st.last_subject_unknown {
        None
    } else if starts_with_pronoun {
        st.last_subject_person.clone().or(st.people.last().cloned())
    } else {
        st.people.last().cloned()
    };
    // The actors the sentence names, once; the countries among them count toward the dyad in
    // play, which pronouns and dyad phrases are then resolved against.
    let explain = trace.is_some();
    let mut learned = Vec::new();
    let mut pre = {
        let ctx = Context { speaker: st.speaker.as_ref(), pair: None, last_person: last_person.as_ref(), recent_people: &st.people, date: st.date_num, keep_media: false, explain, learned: &st.learned, last_subject: st.last_subject.as_ref(), last_subject_partner: st.last_subject_partner.as_ref() };
        named_mentions(&s, dict, &ctx, Some(&mut learned))
    };
    // The place of a dateline (`PYONGYANG, July 12 (Xinhua) --`) is where the report was
    // filed, no party to what the sentence tells.
    let dl = dateline_end(&s);
    // Kept in place: a sentence mostly drops none, and then no mention is moved.
    if dl > 0 {
        pre.retain(|m| m.start >= dl);
    }
    // `at the G20 meeting`, `the ASEAN summit`: a gathering of an organisation is a venue,
    // not a party.
    pre.retain(|m| {
        let venue = matches!(s.norm_opt(m.end), Some("summit" | "summits" | "meeting" | "meetings" | "conference" | "forum" | "session" | "ministerial"));
        // `the Charter of the United Nations`, `UN resolutions`: a document of the
        // organisation, not the organisation acting.
        let document = matches!(s.norm_opt(m.end), Some("charter" | "resolution" | "resolutions" | "convention" | "conventions"))
            || (m.start >= 2 && s.norms[m.start - 1] == "of" && matches!(s.norms[m.start - 2].as_str(), "charter" | "resolution" | "resolutions" | "convention"))
            || (m.start >= 3 && s.norms[m.start - 1] == "the" && s.norms[m.start - 2] == "of" && matches!(s.norms[m.start - 3].as_str(), "charter" | "resolution" | "resolutions" | "convention"));
        !(m.kind == MentionKind::Igo && (venue || document))
    });
    st.remember(&pre);
    // Places (`talks in Abuja`) are not parties: they do not make a country salient, nor the
    // sentence about it.
    let is_party = |m: &&Mention| !(m.kind == MentionKind::Capital && m.start > 0 && matches!(s.norms[m.start - 1].as_str(), "in" | "at"));
    st.salience.add(pre.iter().filter(is_party), 1);
    // Two countries coordinated in this very sentence (`Germany and Poland held talks ... and
    // the two countries agreed`) are the dyad in play; else the only two the sentence names;
    // else the two most salient.
    // Each named mention with the one named before it, without collecting them.
    let mut named = pre.iter().filter(|m| m.kind != MentionKind::Coref && m.actor_with_country().is_some());
    let mut before = named.next();
    let coordinated = named.find_map(|m| {
        let w = [before.replace(m)?, m];
        let (Referent::One(a), Referent::One(b)) = (&w[0].referent, &w[1].referent) else { return None };
        let joined = (w[0].end..w[1].start).all(|k| matches!(s.norms[k].as_str(), "and" | "-" | "the"));
        (joined && w[1].start > w[0].end && a.country != b.country).then(|| (plain(&a.country), plain(&b.country)))
    });
    // Coordinated countries are the dyad the story is about: they stay salient.
    if let Some((a, b)) = &coordinated {
        for c in [&a.country, &b.country] {
            if let Some(e) = st.salience.count_of(c) {
                e.n += 2;
            }
        }
    }
    // Else a sentence that names exactly two countries as parties (`Turkey accused Australia
    // ..., and warned ...`) is about them, whatever the document named before.
    let local = || {
        let mut countries = pre
            .iter()
            .filter(|m| m.kind != MentionKind::Coref && is_party(m))
            .filter_map(|m| m.actor_with_country())
            .map(|a| a.country.as_str());
        let first = countries.next()?;
        let second = countries.find(|c| *c != first)?;
        countries.all(|c| c == first || c == second).then(|| (plain(first), plain(second)))
    };
    let pair = coordinated.or_else(local).or_else(|| st.salience.pair());
    // In news, which has no speaker of its own, `we` and `our` in a sentence that reports
    // someone's words (`"our secretary summoned the ambassador," Marcos told reporters`)
    // are that someone's.
    let reporter = if st.speaker.is_none() { crate::roles::reporter(&s, &pre) } else { None };
    let ctx = Context {
        speaker: st.speaker.as_ref().or(reporter.as_ref()),
        pair: pair.as_ref().map(|(a, b)| (a, b)),
        last_person: last_person.as_ref(),
        recent_people: &st.people,
        date: st.date_num,
        keep_media: false,
        explain,
        learned: &st.learned,
        last_subject: st.last_subject.as_ref(),
        last_subject_partner: st.last_subject_partner.as_ref(),
    };
    let ms = resolve_mentions(&s, &ctx, pre);
    let triggers = find_triggers(&s, dict, &ms);
    let exprs = dates.find_sentence(index, text);
    // A date no calendar has (`February 30`) dates nothing: say so, the events fall back.
    // (`impossible` has a digit scan of its own, but most sentences have no digit and this
    // 16-byte check passes them sooner: 1.6M instructions fewer per 10,000 bench sentences.)
    let impossible = if has_digit(text) { dyad_dates::impossible(text) } else { Vec::new() };
    for bad in impossible {
        let what = text.get(bad.start..bad.end).unwrap_or("");
        let message = format!("`{what}` is not a date ({}): events fall back to another date", bad.reason);
        notes.push(Note { sentence_index: Some(index), message });
    }
    if let Some(t) = trace.as_deref_mut() {
        let toks: Vec<&str> = (0..s.tokens.len()).map(|i| s.text_of(i)).collect();
        let _ = writeln!(t, "tokens: {}", toks.join(" | "));
        let _ = writeln!(t, "actors:");
        for m in &ms {
            let what = match &m.referent {
                Referent::One(a) => format!("{}{}{}", a.country, a.agent.as_deref().unwrap_or(""), a.name.as_ref().map(|n| format!(" \"{n}\"")).unwrap_or_default()),
                Referent::Pair(a, b) => format!("{} + {}", a.country, b.country),
            };
            let _ = writeln!(t, "  [{}..{}] `{}` = {} ({:?})", m.start, m.end, s.span_text(m.start, m.end), what, m.kind);
            for h in &m.how {
                let _ = writeln!(t, "      via {h}");
            }
        }
        let _ = writeln!(t, "dates:");
        for e in &exprs {
            let _ = writeln!(t, "  {}", e.explanation);
        }
        let _ = writeln!(t, "triggers:");
    }
    for tr in &triggers {
        let pat = tr.pattern;
        let words = s.span_text(tr.start, tr.end);
        let Some(code) = pat.code.as_deref() else {
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "  `{words}` matched `{}` ({}) = --- : no event", pat.text, pat.origin);
            }
            continue;
        };
        if let Some(t) = trace.as_deref_mut() {
            let _ = writeln!(t, "  `{words}` matched `{}` ({}) -> {code}", pat.text, pat.origin);
        }
        // Negated acts did not happen.
        // So are acts refused or failed (`refused to give support`, `without consulting`).
        // `non-interference`, `non-aggression`: a principle, not an act.
        let non = tr.start >= 2 && s.norms[tr.start - 1] == "-" && s.norms[tr.start - 2] == "non" || s.norms[tr.start].starts_with("non-");
        let negated = non
            // (a negation that is the pattern's own word, `never <accept>`, is its meaning)
            || (tr.head.saturating_sub(3)..tr.head).any(|k| k < tr.start && matches!(s.norms[k].as_str(), "not" | "n't" | "never" | "no" | "cannot"))
            || (tr.start.saturating_sub(4)..tr.start).any(|k| {
                matches!(s.norms[k].as_str(), "refused" | "refuse" | "refuses" | "refusing" | "declined" | "declines" | "failed" | "fails" | "without")
            });
        if negated {
            let why = format!("`{words}`: negated, dropped");
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "    dropped: negated");
            }
            notes.push(Note { sentence_index: Some(index), message: why });
            continue;
        }
        // A purpose infinitive after an act (`held talks to resolve their differences`) is
        // the act's aim, not another act.
        let infinitive = tr.head > 0 && s.norms[tr.head - 1] == "to" && triggers.iter().any(|o| o.head < tr.head && o.pattern.code.is_some() && o.end <= tr.head);
        if infinitive {
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "    dropped: the purpose of an earlier act");
            }
            continue;
        }
        // `the 75th anniversary of the establishment of relations`: a past act commemorated,
        // not an act of this text.
        let commemorated = (tr.start.saturating_sub(4)..tr.start).any(|k| s.norms[k] == "anniversary");
        if commemorated {
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "    dropped: the act an anniversary commemorates");
            }
            continue;
        }
        // Acts in a condition (`if`, `in case`, `unless`) are hypothetical.
        let clause_start = (0..tr.head).rev().find(|&k| matches!(s.norms[k].as_str(), "," | ";" | ":")).map(|k| k + 1).unwrap_or(0);
        let conditional = (clause_start..tr.head).any(|k| {
            matches!(s.norms[k].as_str(), "if" | "unless" | "whether") || (s.norms[k] == "in" && s.norm_opt(k + 1) == Some("case"))
        });
        if conditional {
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(t, "    dropped: in a conditional clause");
            }
            continue;
        }
        let roles = match assign(&s, tr, &ms, st.speaker.as_ref(), pair.as_ref().map(|(a, b)| (a, b))) {
            Ok(r) => r,
            Err(why) => {
                if let Some(t) = trace.as_deref_mut() {
                    let _ = writeln!(t, "    dropped: {why}");
                }
                continue;
            }
        };
        let (bs, be) = s.byte_span(tr.start, tr.end);
        let mut dated = if pat.speaker_act {
            dates.doc_dated("the statement's own evaluation: the date of the statement")
        } else {
            dates.for_event(&s, &exprs, tr.start, tr.end, tr.head, paragraph)
        };
        let obligation = crate::dates::is_obligation(&s, tr.head);
        let code = match crate::roles::intent_of(code, obligation).filter(|_| dated.future && !pat.speaker_act) {
            Some(intent) => {
                if let Some(t) = trace.as_deref_mut() {
                    let _ = writeln!(t, "    announced or planned: {code} becomes the intent {intent}");
                }
                intent
            }
            None => code,
        };
        let Some(info) = dict.codes.get(code) else { continue };
        let mut location = crate::merge::location(&s, tr.start, tr.end);
        let last = roles.len().saturating_sub(1);
        for (k, r) in roles.into_iter().enumerate() {
            // The role is spent on its event: its actors' strings move into the record.
            let (source, target) = (code_of(&r.source), code_of(&r.target));
            let mut e = Event {
                doc_id: doc_id.to_string(),
                event_id: String::new(),
                sentence_index: index,
                sentence: text.to_string(),
                trigger: words.to_string(),
                span: [offset + bs, offset + be],
                source,
                source_country: r.source.country.into_string(),
                source_agent: r.source.agent.map(Text::into_string),
                source_name: r.source.name.map(Text::into_string),
                target,
                target_country: r.target.country.into_string(),
                target_agent: r.target.agent.map(Text::into_string),
                target_name: r.target.name.map(Text::into_string),
                code: code.to_string(),
                root: code.get(..2).unwrap_or(code).to_string(),
                quad_class: info.quad,
                goldstein: info.goldstein,
                plover: info.plover.clone(),
                // The last role's event takes the date (`remember` below needs no value).
                date: if k == last { std::mem::take(&mut dated.value) } else { dated.value.clone() },
                date_source: dated.source.to_string(),
                future: dated.future,
                // The last role's event takes the place, the others a copy.
                location: if k == last { location.take() } else { location.clone() },
                confidence: confidence(pat.weight(), &r.how, dated.source),
            };
            e.event_id = crate::event_id(&e);
            if let Some(t) = trace.as_deref_mut() {
                let _ = writeln!(
                    t,
                    "    event {} -> {} {} ({}) date {} [{}{}] by {}",
                    e.source, e.target, e.code, info.label, e.date, e.date_source,
                    if e.future { ", future" } else { "" },
                    r.how
                );
                let _ = writeln!(t, "      date: {}", dated.explanation);
            }
            events.push(e);
        }
        dates.remember(&s, tr.head, &dated);
    }
    st.remember(&ms);
    st.learned.extend(learned);
    // The subject the next sentence's `it` refers to: the first actor of this one.
    // The first actor not governed by a preposition (`in the war against the DPRK` is no
    // subject), else the first.
    let subject = ms.iter().find(|m| !crate::roles::preceded_by_preposition(&s, m)).or(ms.first());
    // A sentence opened by an `It` that found no referent keeps the subject it had.
    let unresolved_it = matches!(s.norm_opt(0), Some("it" | "they")) && !ms.iter().any(|m| m.start == 0);
    if let (Some(m), false) = (subject, unresolved_it) {
        let plain_of = |a: &Actor| Actor { name: None, role: None, is_person: false, agent: a.agent.clone(), country: a.country.clone() };
        match &m.referent {
            Referent::One(a) => {
                st.last_subject = Some(plain_of(a));
                // `Ecuador and Peru met`: the next mention, joined by `and`, of another country.
                let partner = ms.iter().find(|n| n.start > m.end && n.start <= m.end + 2 && (m.end..n.start).all(|k| matches!(s.norms[k].as_str(), "and" | "the")));
                st.last_subject_partner = partner.and_then(|n| n.actor_with_country()).filter(|b| b.country != a.country).map(plain_of);
            }
            Referent::Pair(a, b) => {
                st.last_subject = Some(plain_of(a));
                st.last_subject_partner = Some(plain_of(b));
            }
        }
    }
    if let Some(p) = ms.iter().find(|m| m.kind == MentionKind::Person || (m.kind == MentionKind::Coref && matches!(&m.referent, Referent::One(a) if a.is_person))) {
        if let Referent::One(a) = &p.referent {
            st.last_subject_person = Some(a.clone());
        }
    }
    // `Faisal urged ... . He also urged ...`: a sentence opened by a name dyad does not know
    // leaves the next sentence's `He` unknown too, rather than someone named earlier.
    let opener_unknown = s.norm_opt(1).is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()) && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")) || w == "said" || w == "told"))
        && crate::roles::unknown_name_before(&s, &ms, 1);
    let opener_unresolved = matches!(s.norm_opt(0), Some("he" | "she")) && !ms.iter().any(|m| m.start == 0);
    st.last_subject_unknown = opener_unknown || (opener_unresolved && st.last_subject_unknown);
    s.recycle(&mut scratch.sent);
}

/// What a document's sentences are prepared in, one after another, so that preparing one
/// allocates nothing once the first few have been: the arena of lower-cased forms and the
/// buffers of [`Sent`].
#[derive(Default)]
struct Scratch {
    arena: Bump,
    sent: SentBufs,
}

/// The most scratch memory a thread keeps between documents.
const SCRATCH_KEPT: usize = 1 << 20;

thread_local! {
    /// Each thread's [`Scratch`], lent to one document after another: a batch of short
    /// documents then allocates it once, not once a document.
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// `text` has an ASCII digit. Sixteen bytes are tested at a time, without a branch per byte:
/// most sentences have none, and are read to the end.
fn has_digit(text: &str) -> bool {
    let mut chunks = text.as_bytes().chunks_exact(16);
    for c in &mut chunks {
        if c.iter().fold(0u8, |a, &b| a | u8::from(b.wrapping_sub(b'0') < 10)) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// An actor's full code: its country and agent codes, `RUSGOV`.
fn code_of(a: &Actor) -> String {
    let agent = a.agent.as_deref().unwrap_or("");
    let mut code = String::with_capacity(a.country.len() + agent.len());
    code.push_str(&a.country);
    code.push_str(agent);
    code
}

fn confidence(weight: usize, how: &str, date_source: &str) -> f32 {
    let mut c: f32 = 0.5 + 0.08 * (weight.min(4) as f32);
    if how.starts_with("pattern slots") || how.starts_with("passive") {
        c += 0.05;
    }
    if date_source == "text" {
        c += 0.05;
    }
    c.min(0.95)
}

/// Codes a document. Never fails: problems become notes.
pub fn code_document(dict: &Dictionary, doc: &DocInput) -> Coded {
    code_document_traced(dict, doc, None).0
}

/// How the sentences of a document that contain `needle` are coded, each in its document's
/// context (speaker, dyad in play, people and dates named before it): sentence index and
/// explanation.
pub fn explain_in_document(dict: &Dictionary, doc: &DocInput, needle: &str) -> Vec<(usize, String)> {
    code_document_traced(dict, doc, Some(needle)).1
}

fn code_document_traced(dict: &Dictionary, doc: &DocInput, needle: Option<&str>) -> (Coded, Vec<(usize, String)>) {
    let mut traces = Vec::new();
    let text = doc.text;
    let lay = layout(text, LayoutOptions { first_line_is_title: doc.first_line_is_title });
    let mut notes = Vec::new();

    // The document date: the field, else the text.
    let mut doc_date = None;
    if let Some(d) = doc.doc_date.map(str::trim).filter(|d| !d.is_empty()) {
        if crate::dates::valid_day(d) {
            doc_date = Some(d.to_string());
        } else {
            notes.push(Note { sentence_index: None, message: format!("doc_date `{d}` is not a valid YYYY-MM-DD date; looking in the text") });
        }
    }
    if doc_date.is_none() {
        doc_date = crate::dates::doc_date_from_text(text);
        if doc_date.is_none() {
            notes.push(Note { sentence_index: None, message: "no document date in the input or the text: events carry no date".into() });
        }
    }
    let date_num = doc_date.as_deref().and_then(ymd_number);

    let mut st = DocState { speaker: None, learned: Vec::new(), last_subject_person: None, last_subject_unknown: false, last_subject: None, last_subject_partner: None, salience: Salience::default(), people: Vec::new(), date_num };
    // The speaker: an issuer line (or a title that is one), the dateline's agency, the publisher.
    let title = doc.title.map(str::to_string).or_else(|| lay.first(BlockKind::Title).map(|b| b.span.of(text).to_string()));
    let issuer = lay
        .first(BlockKind::Issuer)
        .map(|b| b.span.of(text).to_string())
        .or_else(|| title.clone().filter(|t| dyad_text::is_issuer(t)));
    st.speaker = issuer.as_deref().and_then(|l| speaker_from_line(dict, l, date_num));
    if st.speaker.is_none() {
        if let Some(first) = lay.sentences.first() {
            let line = first.span.of(text);
            if let Some(open) = line.find('(') {
                if let Some(close) = line[open..].find(')') {
                    if open < 40 {
                        st.speaker = speaker_from_line(dict, &line[open + 1..open + close], date_num);
                    }
                }
            }
        }
    }
    if st.speaker.is_none() {
        // A ministry or government as publisher speaks; a news outlet (Al Jazeera, Reuters)
        // only reports.
        st.speaker = doc.publisher.and_then(|p| speaker_from_publisher(dict, p, date_num)).filter(|a| a.agent.as_deref() != Some("MED"));
    }
    // The title and headings name the dyad the document is about.
    let arena = Bump::new();
    for t in title.iter() {
        let s = Sent::new(t, &dict.lemmas, &arena);
        let ctx = Context { speaker: st.speaker.as_ref(), pair: None, last_person: None, recent_people: &[], date: date_num, keep_media: false, explain: false, learned: &[], last_subject: None, last_subject_partner: None };
        let ms = find_mentions(&s, dict, &ctx, None);
        st.remember(&ms);
        st.salience.add(&ms, 2);
    }

    let mut dates = DateContext::new(doc_date.as_deref(), needle.is_some());
    dates.find_anchor(lay.sentences.iter().map(|s| s.span.of(text)));
    // Room for an event a sentence, so that the events (large records) are seldom moved to a
    // larger vector.
    let mut events = Vec::with_capacity(lay.sentences.len());
    let mut scratch = SCRATCH.take();
    for (i, sen) in lay.sentences.iter().enumerate() {
        let t = sen.span.of(text);
        // An interviewer's question asks rather than reports.
        if (t.starts_with("Question:") || t.starts_with("Q:")) && t.trim_end().ends_with('?') {
            continue;
        }
        if needle.is_some_and(|n| contains_words(t, n)) {
            let mut trace = String::new();
            let _ = writeln!(trace, "document: {}  date: {}  speaker: {}", doc.id, doc_date.as_deref().unwrap_or("none"), st.speaker.as_ref().map(|a| a.country.as_str()).unwrap_or("none"));
            let _ = writeln!(trace, "sentence {i}: {t}");
            let before = notes.len();
            let found = events.len();
            code_sentence(dict, &mut st, &mut dates, doc.id, i, sen.paragraph, t, sen.span.start, &mut events, &mut notes, &mut scratch, Some(&mut trace));
            for n in &notes[before..] {
                let _ = writeln!(trace, "note: {}", n.message);
            }
            let _ = writeln!(trace, "events before document-level merging: {}", events.len() - found);
            traces.push((i, trace));
        } else {
            code_sentence(dict, &mut st, &mut dates, doc.id, i, sen.paragraph, t, sen.span.start, &mut events, &mut notes, &mut scratch, None);
        }
    }
    // A very long sentence leaves large buffers: those are freed, not kept for the thread's
    // next documents, so memory stays that of ordinary sentences.
    if scratch.arena.allocated_bytes() + scratch.sent.capacity_bytes() <= SCRATCH_KEPT {
        SCRATCH.set(scratch);
    }
    let events = crate::merge::restatements(crate::merge::one_per_sentence(events), doc_date.as_deref());
    if needle.is_some() {
        // What survived the merging of repeated and restated acts.
        for (i, trace) in traces.iter_mut() {
            let kept: Vec<&Event> = events.iter().filter(|e| e.sentence_index == *i).collect();
            let _ = writeln!(trace, "events kept after merging: {}", kept.len());
            for e in kept {
                let _ = writeln!(trace, "  {} -> {}  {}  date {} ({})  trigger `{}`", e.source, e.target, e.code, e.date, e.date_source, e.trigger);
            }
        }
    }
    (Coded { events, notes, doc_date, speaker: st.speaker.map(|s| s.country.into_string()) }, traces)
}

/// How one sentence is coded, step by step, for `dyad explain`.
pub fn explain_sentence(dict: &Dictionary, sentence: &str, date: Option<&str>, speaker: Option<&str>) -> String {
    let mut out = String::new();
    let date_num = date.and_then(ymd_number);
    let mut st = DocState { speaker: speaker.map(plain), learned: Vec::new(), last_subject_person: None, last_subject_unknown: false, last_subject: None, last_subject_partner: None, salience: Salience::default(), people: Vec::new(), date_num };
    if let Some(sp) = speaker {
        let _ = writeln!(out, "speaker: {sp} (we, our country, our people)");
    }
    let _ = writeln!(out, "document date: {}", date.unwrap_or("none"));
    let mut dates = DateContext::new(date, true);
    let mut notes = Vec::new();
    let mut events = Vec::new();
    code_sentence(dict, &mut st, &mut dates, "explain", 0, 0, sentence, 0, &mut events, &mut notes, &mut Scratch::default(), Some(&mut out));
    for n in notes {
        let _ = writeln!(out, "note: {}", n.message);
    }
    let _ = writeln!(out, "events: {}", events.len());
    for e in &events {
        let _ = writeln!(
            out,
            "  {} -> {}  {} {} (root {}, quad {}, goldstein {}, plover {})  date {} ({})  trigger `{}`",
            e.source, e.target, e.code, dict.codes.get(&e.code).map(|c| c.label.as_str()).unwrap_or(""),
            e.root, e.quad_class, e.goldstein, e.plover.as_deref().unwrap_or("-"), e.date, e.date_source, e.trigger
        );
    }
    out
}

/// The token after a dateline that opens the sentence (`MOSCOW, June 19 (Reuters) -`,
/// `JAKARTA:`), or 0.
fn dateline_end(s: &Sent) -> usize {
    let n = s.tokens.len().min(18);
    let dash = |k: usize| matches!(s.norms[k].as_str(), "-" | "--" | "—" | "–");
    // `)` first: the cheaper test, and the rarer.
    if let Some(k) = (1..n).find(|&k| s.norms[k - 1] == ")" && dash(k)) {
        let mut e = k;
        while e < s.tokens.len() && dash(e) {
            e += 1;
        }
        return e;
    }
    let first = s.text_of(0);
    if n > 2 && s.norms[1] == ":" && first.len() > 2 && first.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        return 2;
    }
    0
}

/// Whether `hay` contains `needle`, white space of any kind and length matching any other.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    let squash = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
    squash(hay).contains(&squash(needle))
}

#[cfg(test)]
mod tests {
    use super::{code_key, has_digit};

    #[test]
    fn code_keys_compare_as_codes_do() {
        let codes = ["", "A", "US", "USA", "USB", "UK", "IGOUNO", "IGOUNOKN", "ZZZZZZZZ", "IGOUNOKNX", "a\0b"];
        for a in codes {
            for b in codes {
                if let (Some(x), Some(y)) = (code_key(a), code_key(b)) {
                    assert_eq!(x.cmp(&y), a.cmp(b), "{a} {b}");
                }
            }
        }
        assert_eq!(code_key("IGOUNOKNX"), None);
        assert_eq!(code_key("a\0b"), None);
    }

    #[test]
    fn has_digit_agrees_with_a_byte_scan() {
        let texts = ["", "7", "no digits in this rather long line of text here", "a line long enough for one chunk, then 4", "9 first", "Ministers met on 3 June", "“quoted” — and Ünïcode 0"];
        for t in texts {
            assert_eq!(has_digit(t), t.bytes().any(|b| b.is_ascii_digit()), "{t}");
        }
    }
}
