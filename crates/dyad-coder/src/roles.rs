//! Who did it to whom: source and target of a trigger, from the mentions around it.
//!
//! The rules, in order:
//! 1. `$`/`+` slots of the pattern bind actors directly (`the visit to Russia by Kim`).
//! 2. A passive (`was received by X`) makes the `by` actor the source and the subject the target.
//! 3. Otherwise the source is the subject: the leftmost actor of the trigger's clause that is
//!    not the object of a preposition, skipping a leading prepositional phrase (`At the
//!    meeting in Moscow, the two sides ...`); coordinated actors form a group (`China and
//!    Russia`; `the Minister of A and the Deputy Minister of B of Russia` stays three titles).
//! 4. The target is the first actor after the trigger, in the same clause, of another country.
//! 5. With no object in the clause, the act is aimed at the other party of the dyad in play.
//! 6. A group of two countries with no target acts mutually (`the two countries cooperate`),
//!    and the codes of [`MUTUAL_CODES`] (meetings, talks, signing, joint exercises) give both
//!    directions.
//!
//! Around these: a gerund after `for`/`of` is the act of the party before it (`thanked Iraq
//! for hosting`); a subject after a fronted clause's comma wins; an earlier verb's object is
//! no subject; a name dyad does not know borrows no other actor (acting toward one party of
//! the dyad in play, it is the other). Evaluative patterns (`verbs/evaluative.txt`) go to
//! `speaker_act`: the speaker, or the person the sentence reports, criticises the party
//! nearest the word; an epithet names only the party next to it; a modal of obligation
//! with another party as subject is a demand on it.

use std::borrow::Cow;
use std::ops::Range;

use crate::mentions::{Actor, Mention, MentionKind, Referent};
use crate::sentence::Sent;
use crate::triggers::Trigger;

/// Acts that two parties do together: annotated in both directions.
pub const MUTUAL_CODES: &[&str] = &["040", "041", "044", "046", "057", "062", "0621", "0622", "0623"];

/// What an act becomes when the text announces or plans it: a promise to cooperate is
/// 030/031, to give aid 033, to yield 035; a planned use of force is a threat (13x). CAMEO
/// codes intentions, not acts that have not happened. A scheduled meeting or visit keeps its
/// 04x code (with `future: true`): it is an act on a calendar; one that an obligation sets
/// (`the two sides shall consult`) is a commitment to meet, 036.
pub fn intent_of(code: &str, obligation: bool) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" if obligation => "036",
        "05" => "030",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "15" | "16" | "17" => "130",
        "18" | "19" | "20" => "138",
        _ => return None,
    })
}

/// A coded dyad before dates and tables are added.
#[derive(Clone, Debug)]
pub struct Role {
    pub source: Actor,
    pub target: Actor,
    /// Which rule assigned the roles; most are fixed phrases, so a copy is made only for
    /// the few that name the code.
    pub how: Cow<'static, str>,
}

/// Why a trigger got no roles: most reasons are fixed phrases, and a dropped candidate should
/// cost no allocation.
pub type Why = Cow<'static, str>;

/// The first and last bytes and lengths of the words of a list: a word whose first byte and
/// length (counted up to 15), or last byte and length, no word of the list has is surely not
/// in it. Tested before a list's
/// `match`, it turns most words away with one table read instead of string comparisons
/// (the scans of a sentence's tokens for clause boundaries and verbs of saying).
pub(crate) struct Shapes {
    /// By a word's first byte, the lengths (bits, up to 15) of the list's words that begin
    /// with it.
    first: [u16; 256],
    /// The same by the last byte: a word that passes the first table (`that` for `told`) is
    /// mostly turned away by this one.
    last: [u16; 256],
}

impl Shapes {
    /// The shapes of `words` (none of them empty).
    pub(crate) const fn of(words: &[&str]) -> Shapes {
        Shapes { first: [0; 256], last: [0; 256] }.and(words)
    }

    /// These shapes and those of `words`.
    const fn and(self, words: &[&str]) -> Shapes {
        let (mut first, mut last) = (self.first, self.last);
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let n = if w.len() < 15 { w.len() } else { 15 };
            first[w[0] as usize] |= 1 << n;
            last[w[w.len() - 1] as usize] |= 1 << n;
            i += 1;
        }
        Shapes { first, last }
    }

    /// `w` has the first byte and the length of some word of the list, and the last byte and
    /// the length of some word of it.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let w = w.as_bytes();
        let Some(&b) = w.first() else { return false };
        let bit = 1 << w.len().min(15);
        // The last byte is read only for the few words the first lets through.
        self.first[usize::from(b)] & bit != 0 && self.last[usize::from(w[w.len() - 1])] & bit != 0
    }
}

// The word lists the classes were written from: each class must accept exactly its list (a
// test holds them to it), and the lists give the classes' [`Shapes`].
const LIGHT_VERBS: &[&str] = &[
    "began", "begin", "begins", "begun", "launched", "launch", "launches", "carried", "carry", "carries", "conducted",
    "conduct", "conducts", "staged", "stage", "stages", "ordered", "continued", "continue", "continues", "stepped",
    "started", "start", "starts", "resumed", "resume", "mounted", "intensified", "expanded", "announced", "imposed",
    "used", "use", "uses", "using", "fired", "deployed", "carrying", "carried", "carries", "delivered", "delivering",
    "delivers", "sent", "sending", "dispatched", "dispatching", "shipped", "shipping",
];
const CLAUSE_WORDS: &[&str] = &["while", "whereas", "but", "although", "though", "because", "unless", "if", "when", "after", "before", "since", "as"];
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "during", "after", "following", "amid", "under", "with", "despite", "between", "from", "for",
    "since", "before", "upon", "over", "by", "through", "to", "against", "of", "about", "toward", "towards", "into", "among",
    "without", "within", "like", "regarding", "concerning", "including", "than",
];
const AUX_WORDS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "keep", "keeps", "kept", "continue", "continues", "continued", "start", "started", "begin", "began", "stop", "stopped", "avoid", "consider", "considered", "including", "regarding"];
const BE_FORMS: &[&str] = &["was", "were", "been", "being", "be", "is", "are", "get", "got", "gets"];
const SAY_VERBS: &[&str] = &["said", "says", "told", "added", "stressed", "noted", "stated", "declared", "insisted", "claimed", "warned", "emphasized", "emphasised", "underlined", "remarked"];
const OFFICE_WORDS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "ministry", "minister", "government", "delegation", "ambassador",
    "representative", "mission", "embassy", "department", "office", "statement", "side",
];
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here",
    "officials", "sources", "reports", "media", "diplomats", "analysts", "observers", "critics", "experts", "both", "all",
    "some", "many", "most", "other", "others", "such", "one", "no", "each", "his", "her", "their", "its", "our", "my",
    "then", "later", "also", "however", "meanwhile", "moreover", "yet", "still", "now", "today", "earlier",
];

/// Verbs whose object is an act of their subject (`began expulsions`, `carried out strikes`).
fn is_light_verb(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(LIGHT_VERBS);
    SHAPES.may_hold(w) && matches!(
        w,
        "began" | "begin" | "begins" | "begun" | "launched" | "launch" | "launches" | "carried" | "carry"
            | "carries" | "conducted" | "conduct" | "conducts" | "staged" | "stage" | "stages" | "ordered"
            | "continued" | "continue" | "continues" | "stepped" | "started" | "start" | "starts" | "resumed"
            | "resume" | "mounted" | "intensified" | "expanded" | "announced" | "imposed" | "used" | "use"
            | "uses" | "using" | "fired" | "deployed" | "carrying" | "delivered" | "delivering" | "delivers"
            | "sent" | "sending" | "dispatched" | "dispatching" | "shipped" | "shipping"
    )
}

/// How many tokens after the trigger its object may start.
const TARGET_WINDOW: usize = 10;

/// Words that open a clause of their own (`while`, `because`, `when`).
fn is_clause_word(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(CLAUSE_WORDS);
    SHAPES.may_hold(w) && matches!(
        w,
        "while" | "whereas" | "but" | "although" | "though" | "because" | "unless" | "if" | "when" | "after"
            | "before" | "since" | "as"
    )
}

/// Prepositions: the actor after one is no subject (`the talks between A and B`).
fn is_preposition(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(PREPOSITIONS);
    SHAPES.may_hold(w) && matches!(
        w,
        "in" | "at" | "on" | "during" | "after" | "following" | "amid" | "under" | "with" | "despite"
            | "between" | "from" | "for" | "since" | "before" | "upon" | "over" | "by" | "through" | "to"
            | "against" | "of" | "about" | "toward" | "towards" | "into" | "among" | "without" | "within"
            | "like" | "regarding" | "concerning" | "including" | "than"
    )
}

/// Auxiliaries and modals, verbs that take another verb (`keep`, `continue`, `begin`) and
/// participle prepositions (`including`): before an `-ing` word they make no noun of it.
fn is_aux_word(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(AUX_WORDS);
    SHAPES.may_hold(w) && matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has" | "have" | "had" | "will" | "would"
            | "shall" | "should" | "can" | "could" | "may" | "might" | "must" | "do" | "does" | "did" | "keep"
            | "keeps" | "kept" | "continue" | "continues" | "continued" | "start" | "started" | "begin"
            | "began" | "stop" | "stopped" | "avoid" | "consider" | "considered" | "including" | "regarding"
    )
}

/// Forms of `be` (and `get`) before a participle: a passive.
fn is_be_form(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(BE_FORMS);
    SHAPES.may_hold(w) && matches!(w, "was" | "were" | "been" | "being" | "be" | "is" | "are" | "get" | "got" | "gets")
}

fn is_boundary(s: &Sent, k: usize) -> bool {
    const SHAPES: Shapes = Shapes::of(&[",", ";", ":", "\"", "“", "”", "that"]).and(CLAUSE_WORDS);
    let w = s.norms[k].as_str();
    if !SHAPES.may_hold(w) {
        return false;
    }
    let comma_and = w == "," && matches!(s.norm_opt(k + 1), Some("and") | Some("but") | Some("while"));
    comma_and || matches!(w, ";" | ":" | "\"" | "“" | "”") || is_clause_word(w) || (w == "that" && k > 0 && !is_noun_like(s, k - 1))
}

/// `that` after a verb starts a clause; after a noun it starts a relative clause. A day or
/// month (`said on Thursday that ...`) is the verb's time, not a noun `that` describes.
fn is_noun_like(s: &Sent, k: usize) -> bool {
    let w = s.text_of(k);
    let capitalised = w.chars().next().is_some_and(|c| c.is_uppercase());
    (capitalised && !dyad_dates::is_month_or_weekday(&s.norms[k])) || s.norms[k].ends_with("tion") || s.norms[k].ends_with("ies")
}

fn left_boundary(s: &Sent, from: usize) -> usize {
    (0..from).rev().find(|&k| is_boundary(s, k)).map(|k| k + 1).unwrap_or(0)
}

fn right_boundary(s: &Sent, from: usize) -> usize {
    const WORDS: &[&str] = &[";", "while", "whereas", "but", "although", "though", "which", "who", "since", "because", "unless", "when", "if", "after", "before", ","];
    const SHAPES: Shapes = Shapes::of(WORDS);
    (from..s.tokens.len())
        .find(|&k| {
            let w = s.norms[k].as_str();
            SHAPES.may_hold(w) && matches!(w, ";" | "while" | "whereas" | "but" | "although" | "though" | "which" | "who" | "since" | "because" | "unless" | "when" | "if" | "after" | "before")
                || (w == "," && matches!(s.norm_opt(k + 1), Some("and") | Some("while") | Some("but")))
        })
        .unwrap_or(s.tokens.len())
}

pub(crate) fn preceded_by_preposition(s: &Sent, m: &Mention) -> bool {
    let mut k = m.start;
    while k > 0 {
        k -= 1;
        let w = s.norms[k].as_str();
        if matches!(w, "the" | "a" | "an" | "its" | "their" | "other") {
            continue;
        }
        return is_preposition(w);
    }
    false
}

fn country_of(r: &Referent) -> impl Iterator<Item = &Actor> {
    let (a, b) = match r {
        Referent::One(a) => (a, None),
        Referent::Pair(a, b) => (&**a, Some(&**b)),
    };
    std::iter::once(a).chain(b)
}

/// The coordinated group starting at mention `first`, up to token `limit`: the mentions
/// `first..end`.
fn group(s: &Sent, ms: &[Mention], first: usize, limit: usize) -> Range<usize> {
    let mut j = first + 1;
    while j < ms.len() && ms[j].end <= limit {
        let gap = ms[j - 1].end..ms[j].start;
        let joined = gap.clone().any(|k| matches!(s.norms[k].as_str(), "and" | "," | "with" | "together"));
        let clean = gap.clone().all(|k| {
            let w = s.norms[k].as_str();
            matches!(w, "and" | "," | "the" | "of" | "as" | "well" | "together" | "with" | "for" | "-" | "other" | "its" | "a" | "an")
                || s.text_of(k).chars().next().is_some_and(|c| c.is_uppercase())
                || is_apposition_word(w)
        });
        if !(clean && (joined || gap.is_empty() || ms[j].kind != MentionKind::Coref)) {
            break;
        }
        j += 1;
    }
    first..j
}

/// Lower-case words of an apposition (`general secretary of the ...`, `president of ...`) and
/// of the title before a name (`its Foreign Minister Sergei Lavrov`).
pub(crate) fn is_apposition_word(w: &str) -> bool {
    matches!(
        w,
        "general" | "secretary" | "president" | "chairman" | "premier" | "minister" | "member" | "vice" | "deputy" | "first"
            | "director" | "department" | "affairs" | "state" | "central" | "committee" | "commission" | "people" | "'s"
            | "foreign" | "prime" | "head" | "leader" | "spokesperson" | "spokesman" | "ambassador" | "representative"
            | "permanent" | "marshal" | "supreme" | "commander" | "chief" | "vice-chairman" | "vice-president" | "defence"
            | "defense" | "counterpart"
    )
}

/// A few actors, kept in place: a group names one or two, rarely more than four, and making
/// the list of its actors should allocate nothing.
#[derive(Clone, Debug)]
enum Actors<'a> {
    Empty,
    /// The first `n` (the rest repeat the first).
    Few(usize, [&'a Actor; 4]),
    Many(Vec<&'a Actor>),
}

impl<'a> Actors<'a> {
    fn push(&mut self, a: &'a Actor) {
        match self {
            Actors::Empty => *self = Actors::Few(1, [a; 4]),
            Actors::Few(n, few) if *n < few.len() => {
                few[*n] = a;
                *n += 1;
            }
            Actors::Few(_, few) => {
                let mut v = few.to_vec();
                v.push(a);
                *self = Actors::Many(v);
            }
            Actors::Many(v) => v.push(a),
        }
    }
}

impl<'a> std::ops::Deref for Actors<'a> {
    type Target = [&'a Actor];

    fn deref(&self) -> &[&'a Actor] {
        match self {
            Actors::Empty => &[],
            Actors::Few(n, few) => &few[..*n],
            Actors::Many(v) => v,
        }
    }
}

impl<'s, 'a> IntoIterator for &'s Actors<'a> {
    type Item = &'s &'a Actor;
    type IntoIter = std::slice::Iter<'s, &'a Actor>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The actors of a group: same-country members collapse into the first, unless the group is
/// a coordination of distinct titles (each is its own actor).
fn actors_of(ms: &[Mention], g: Range<usize>) -> Actors<'_> {
    let title = |i: usize| match &ms[i].referent {
        Referent::One(a) if ms[i].kind == MentionKind::Title => Some(a),
        _ => None,
    };
    // `the Minister of A and the Minister of B of Russia` is a compound of actors; `Kim Jong
    // Un, general secretary of ... and president of ...` is one person with appositions.
    let compound = !g.is_empty() && ms[g.start].kind == MentionKind::Title && g.clone().filter_map(title).nth(1).is_some();
    let mut out = Actors::Empty;
    for i in g.clone() {
        // In a compound of titles, the country that closes it (`... of Russia`) is no actor of its own.
        if compound && matches!(ms[i].kind, MentionKind::Country | MentionKind::Capital) {
            if let Referent::One(a) = &ms[i].referent {
                if g.clone().filter_map(title).any(|t| t.country == a.country) {
                    continue;
                }
            }
        }
        let distinct_title = compound && ms[i].kind == MentionKind::Title;
        for a in country_of(&ms[i].referent) {
            let dup = out.iter().any(|o| o.country == a.country && (!distinct_title || o.name == a.name));
            if !dup {
                out.push(a);
            }
        }
    }
    out
}

/// A statement condemning what it describes (`The US is the arch-criminal`): the speaker is
/// the source, the other party nearest the evaluative word the target (else the other party
/// of the dyad in play). Only statements have a speaker; news has none.
fn speaker_act(s: &Sent, t: &Trigger, ms: &[Mention], speaker: Option<&Actor>, pair: Option<(&Actor, &Actor)>) -> Result<Vec<Role>, Why> {
    // Who says it: the person or party the sentence reports (`..., he said`), else the
    // statement's speaker.
    let reporter = reporter_of(s, ms);
    // `..., he said` of a person dyad does not know, in a story about two parties: the words
    // of the side the evaluation is not about.
    let unknown = if reporter.is_none() && speaker.is_none() { unknown_reporter_side(s, t, ms, pair) } else { None };
    let Some(sp) = reporter.or(speaker).or(unknown.as_ref()) else { return Err("an evaluation, and the text has no speaker".into()) };
    // An epithet (`traitor Yoon`, `the puppets`: `verbs/epithets.txt`) names the party it
    // stands next to, or none.
    if t.pattern.epithet {
        let next = ms.iter().find(|m| m.start == t.end || (m.start == t.end + 1 && s.norms[t.end] == ","));
        // `the U.S. and its vassal forces`, `the Yoon group of traitors`: a few joining words
        // may stand between.
        let prev = ms.iter().rev().find(|m| {
            m.end <= t.start
                && t.start - m.end <= 3
                && ((m.end..t.start).all(|k| matches!(s.norms[k].as_str(), "the" | "and" | "its" | "their" | "group" | "clique" | "of"))
                    || (t.start - m.end == 2 && s.norms[m.end] == "," && s.norms[m.end + 1] == "the"))
        });
        let Some(a) = next.or(prev).and_then(|m| m.actor_with_country()) else { return Err("an epithet next to no party".into()) };
        if a.country == sp.country {
            return Err("an epithet of the speaker's own side".into());
        }
        return Ok(vec![Role { source: sp.clone(), target: a.clone(), how: "the speaker's epithet for the party next to it".into() }]);
    }
    let code = t.pattern.code.as_deref().unwrap_or("");
    if code.starts_with("10") {
        return speaker_demand(s, t, ms, sp);
    }
    // The party nearest the evaluative word, one before it first (`the US is the criminal`).
    let dist = |m: &Mention| if m.end <= t.head { (0, t.head - m.end) } else { (1, m.start - t.head) };
    let named = ms
        .iter()
        .filter(|m| m.kind != MentionKind::Coref)
        .filter_map(|m| match &m.referent {
            Referent::One(a) if a.country != sp.country => Some((dist(m), a)),
            _ => None,
        })
        .min_by_key(|(d, _)| (d.1 > 12, d.0, d.1))
        .map(|(_, a)| a.clone());
    let other = pair.and_then(|(a, b)| if a.country == sp.country { Some(b.clone()) } else if b.country == sp.country { Some(a.clone()) } else { None });
    let Some(target) = named.or(other) else { return Err("an evaluation of no other party".into()) };
    Ok(vec![Role { source: sp.clone(), target, how: "the speaker's evaluation of the party it describes".into() }])
}

/// Verbs that report speech.
fn is_say_verb(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(SAY_VERBS);
    SHAPES.may_hold(w) && matches!(
        w,
        "said" | "says" | "told" | "added" | "stressed" | "noted" | "stated" | "declared" | "insisted"
            | "claimed" | "warned" | "emphasized" | "emphasised" | "underlined" | "remarked"
    )
}

/// The party a sentence reports the words of: the actor right before a verb of saying (`he
/// said`, `the Foreign Ministry stressed`), or right after it (`said Lavrov`).
pub(crate) fn reporter(s: &Sent, ms: &[Mention]) -> Option<Actor> {
    reporter_of(s, ms).cloned()
}

/// The first verb of saying (one normal form per token).
fn say_verb_at(s: &Sent) -> Option<usize> {
    s.norms.iter().position(|w| is_say_verb(w))
}

/// [`reporter`], lent from the mentions.
fn reporter_of<'m>(s: &Sent, ms: &'m [Mention]) -> Option<&'m Actor> {
    let k = say_verb_at(s)?;
    // `Liberman, the Israeli defense minister, said`: an apposition's comma may stand between.
    let before = ms.iter().rposition(|m| {
        m.end == k || (m.end + 1 == k && (s.norms[m.end].ends_with("ly") || matches!(s.norms[m.end].as_str(), "had" | "has" | "also" | ",")))
    });
    let after = ms.iter().position(|m| m.start == k + 1);
    let m = before.or(after)?;
    ms[m].actor_with_country()
}

/// The other side of the dyad in play from the party an evaluation names, when the sentence
/// reports the words of someone dyad does not know (`..., he said`, `Faisal said`).
fn unknown_reporter_side(s: &Sent, t: &Trigger, ms: &[Mention], pair: Option<(&Actor, &Actor)>) -> Option<Actor> {
    let (x, y) = pair?;
    let k = say_verb_at(s)?;
    let covered = |j: usize| ms.iter().any(|m| m.start <= j && j < m.end);
    let before = k > 0 && !covered(k - 1) && (matches!(s.norms[k - 1].as_str(), "he" | "she") || unknown_name_before(s, ms, k));
    if !before {
        return None;
    }
    let dist = |m: &Mention| if m.end <= t.head { t.head - m.end } else { m.start - t.head };
    let named = ms.iter().filter(|m| m.kind != MentionKind::Coref).filter_map(|m| m.actor_with_country().map(|a| (dist(m), a))).min_by_key(|(d, _)| *d)?.1;
    let other = if named.country == x.country { y } else if named.country == y.country { x } else { return None };
    Some(Actor { agent: None, name: None, role: None, is_person: false, country: other.country.clone() })
}

/// `The US should stop ...`: a modal of obligation with another party as its subject, right
/// before it, is the speaker's demand on that party.
fn speaker_demand(s: &Sent, t: &Trigger, ms: &[Mention], sp: &Actor) -> Result<Vec<Role>, Why> {
    // A modal is one word or two adjacent ones (`has to`, not `has turned its back to`).
    if (t.start..t.end).filter(|&k| s.norms[k] != "-").count() > 2 {
        return Err("not a modal: its words stand apart".into());
    }
    let k = s.back_over(t.start, verb_modifier);
    // The party heads the subject phrase (`the US and other Western countries`, `the Japanese
    // authorities`): a few plain words may follow it before the modal.
    let subject = ms
        .iter()
        .rposition(|m| {
            m.end <= k
                && k - m.end <= 4
                && (m.end..k).all(|j| s.norms[j].chars().all(|c| c.is_alphabetic() || c == '-') && !is_boundary(s, j) && !is_be_form(s.norms[j].as_str()))
        })
        .ok_or(Cow::Borrowed("no party right before the modal"))?;
    // `the US and other Western countries should`: the whole coordinated subject.
    let mut first = subject;
    while first > 0 && group(s, ms, first - 1, k).contains(&subject) {
        first -= 1;
    }
    let g = group(s, ms, first, k);
    let targets: Vec<&Actor> = actors_of(ms, g).iter().copied().filter(|a| !a.country.is_empty()).collect();
    if targets.iter().any(|a| a.country == sp.country) {
        return Err("the speaker's own side as subject: an intent, not a demand".into());
    }
    let roles: Vec<Role> = targets
        .into_iter()
        .map(|a| Role { source: sp.clone(), target: a.clone(), how: "the speaker's demand on the subject of the modal".into() })
        .collect();
    if roles.is_empty() {
        return Err("no party right before the modal".into());
    }
    Ok(roles)
}

/// What may stand between a subject and its verb: adverbs (`strongly`, `most`), auxiliaries
/// and modals (`has`, `will`, `would be`), negation.
fn verb_modifier(w: &str) -> bool {
    w.ends_with("ly")
        || is_aux_word(w)
        || matches!(w, "also" | "again" | "then" | "now" | "further" | "not" | "never" | "most" | "more" | "very" | "so")
}

/// Offices and bodies named with no country (`the Foreign Ministry`, `the spokesperson`): in
/// a statement they are the speaker's, and capitalised they are no unknown person's name.
fn is_office_word(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(OFFICE_WORDS);
    SHAPES.may_hold(w) && matches!(
        w,
        "spokesperson" | "spokesman" | "spokeswoman" | "ministry" | "minister" | "government" | "delegation"
            | "ambassador" | "representative" | "mission" | "embassy" | "department" | "office" | "statement"
            | "side"
    )
}

/// Words that open sentences in capitals and are no names.
fn is_not_name(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(NOT_NAMES);
    SHAPES.may_hold(w) && matches!(
        w,
        "the" | "a" | "an" | "it" | "he" | "she" | "they" | "we" | "i" | "you" | "this" | "that" | "these"
            | "those" | "there" | "here" | "officials" | "sources" | "reports" | "media" | "diplomats"
            | "analysts" | "observers" | "critics" | "experts" | "both" | "all" | "some" | "many" | "most"
            | "other" | "others" | "such" | "one" | "no" | "each" | "his" | "her" | "their" | "its" | "our"
            | "my" | "then" | "later" | "also" | "however" | "meanwhile" | "moreover" | "yet" | "still" | "now"
            | "today" | "earlier"
    )
}

/// The subject right before `at` (past adverbs and auxiliaries) is a capitalised name that is
/// no actor: a person the dictionaries do not know (`Faisal urged`, `Stepanyan said`).
pub(crate) fn unknown_name_before(s: &Sent, ms: &[Mention], at: usize) -> bool {
    let Some(j) = s.back_over(at, verb_modifier).checked_sub(1) else { return false };
    let text = s.text_of(j);
    let capital = text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
        && !text.chars().all(char::is_uppercase);
    if !capital {
        return false;
    }
    // An opening `He` that no person could be found for stands for an unknown name too.
    let pronoun = j == 0 && matches!(s.norms[0].as_str(), "he" | "she");
    let w = s.norms[j].as_str();
    let function_word = is_not_name(w) || is_preposition(w) || is_clause_word(w);
    let plain = !is_office_word(w) && (j > 0 || pronoun || (!function_word && !w.ends_with('s')));
    plain && !ms.iter().any(|m| m.start <= j && j < m.end)
}

/// `talks in Abuja`: a capital after `in`/`at` is where an act happens, not a party to it,
/// except for the arrivals and visits that go there (`arrived in Lima`).
fn is_place(s: &Sent, m: &Mention, code: &str) -> bool {
    let after_in = m.start > 0 && matches!(s.norms[m.start - 1].as_str(), "in" | "at");
    // `actions taken within the OSCE`, `cooperation at the UN`: an organisation as the forum.
    let k = s.back_over(m.start, |w| w == "the");
    let in_forum = k > 0 && matches!(s.norms[k - 1].as_str(), "in" | "at" | "within" | "inside");
    (m.kind == MentionKind::Capital && after_in && code != "042") || (m.kind == MentionKind::Igo && in_forum)
}

/// Source and target pairs for a trigger, or a reason why there are none.
pub fn assign(s: &Sent, t: &Trigger, ms: &[Mention], speaker: Option<&Actor>, pair: Option<(&Actor, &Actor)>) -> Result<Vec<Role>, Why> {
    let code = t.pattern.code.as_deref().unwrap_or("");
    if t.pattern.speaker_act {
        return speaker_act(s, t, ms, speaker, pair);
    }
    let mutual_code = MUTUAL_CODES.contains(&code);
    let lb = left_boundary(s, t.start);
    let rb = right_boundary(s, t.end);

    let be_before = (t.head.saturating_sub(3)..t.head).any(|k| is_be_form(s.norms[k].as_str()))
        && (s.norms[t.head].ends_with("ed") || !s.norms[t.head].ends_with("ing"));
    let passive = t.source_slot.is_none() && be_before;
    // `X was summoned to the foreign ministry`: a source slot after a passive head; the
    // grammatical subject is the target.
    let passive_slot = be_before && t.source_slot.is_some_and(|i| ms[i].start > t.head) && t.target_slot.is_none();
    let by_actor = passive
        .then(|| (t.end..rb).find(|&k| s.norms[k] == "by"))
        .flatten()
        .and_then(|k| ms.iter().position(|m| m.start > k && m.start <= k + 3));

    // The subject group.
    // `Expressing his pleasure over what the Cuban people did, he extended his support`: after
    // a fronted phrase, the party between the comma and the verb is the subject.
    // Where the words that may stand between a subject and its verb begin.
    let before_verb = s.back_over(t.start, verb_modifier);
    let after_comma = ms.iter().position(|m| m.end == before_verb && m.start > 0 && s.norms[m.start - 1] == ",");
    let subject = |from: usize| -> Option<Range<usize>> {
        if let Some(i) = after_comma.filter(|&i| ms[i].start >= from) {
            return Some(group(s, ms, i, t.start));
        }
        // `summoned Ahluwalia and condemned`: the object of an earlier verb is no subject.
        // (`accused China of using water cannon`: the accused is the gerund's subject.)
        let object = |i: usize| {
            let gerund_next = matches!(s.norm_opt(ms[i].end), Some("of" | "for")) && s.norm_opt(ms[i].end + 1).is_some_and(|w| w.ends_with("ing"));
            let p = s.back_over(ms[i].start, |w| matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her"));
            !gerund_next && p > 0 && {
                let w = s.norms[p - 1].as_str();
                w.ends_with("ed") && w.len() > 3 && s.text_of(p - 1).chars().all(|c| c.is_ascii_lowercase()) && !is_be_form(w)
            }
        };
        let mut cands = (0..ms.len()).filter(|&i| ms[i].start >= from && ms[i].end <= t.start && !object(i));
        // The object of a preposition (`the talks between A and B ended`) is no subject.
        let first_cand = cands.next()?;
        let first = if preceded_by_preposition(s, &ms[first_cand]) {
            cands.find(|&i| !preceded_by_preposition(s, &ms[i])).unwrap_or(first_cand)
        } else {
            first_cand
        };
        Some(group(s, ms, first, t.start))
    };
    let mut start = lb;
    // `When he got off the train, the guard of honor received him`: after a fronted
    // subordinate clause, the main clause starts at its comma.
    let subordinate = lb > 0 && matches!(s.norms[lb - 1].as_str(), "when" | "after" | "before" | "since" | "as" | "if" | "while" | "although" | "though" | "because" | "once" | "unless");
    if s.norms.get(lb).is_some_and(|w| is_preposition(w.as_str())) || subordinate {
        if let Some(comma) = (lb..t.start).find(|&k| s.norms[k] == ",") {
            if ms.iter().any(|m| m.start > comma && m.end <= t.start) {
                start = comma + 1;
            }
        }
    }
    // `the panel of experts assisting the committee`: a participle after a plain noun is that
    // noun's act, and the noun is no actor.
    if t.head == t.start && s.norms[t.head].ends_with("ing") && t.source_slot.is_none() && t.head > 0 {
        let p = t.head - 1;
        let w = s.norms[p].as_str();
        let plain_noun = w.chars().all(|c| c.is_ascii_lowercase())
            && s.text_of(p).chars().all(|c| c.is_ascii_lowercase())
            && !w.ends_with("ly")
            && !is_aux_word(w)
            && !is_preposition(w)
            && !is_clause_word(w)
            && !matches!(w, "and" | "or" | "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "also" | "not" | "that" | "who" | "which" | "while" | "further" | "jointly" | "again" | "then" | "still" | "thus" | "hence" | "even");
        // `a rare meeting`: a determiner and an adjective make the `-ing` word a noun.
        let noun_phrase = p > 0 && matches!(s.norms[p - 1].as_str(), "a" | "an" | "the" | "this" | "its" | "their") && !w.ends_with('s');
        if plain_noun && !noun_phrase && !ms.iter().any(|m| m.end == t.head) {
            return Err(format!("a participle of `{w}`, which is no actor").into());
        }
    }
    // `thanked Iraq and Oman for hosting the talks`: a gerund after `for` is the act of the
    // party thanked (or praised, or blamed) right before it; with no object of its own, it is
    // done for the main clause's subject.
    // The gerund is the trigger's head, or a verb of doing that governs it (`of blocking and
    // using water cannon`).
    let gerund = if t.head == t.start && s.norms[t.head].ends_with("ing") {
        Some(t.start)
    } else {
        (t.start.saturating_sub(3)..t.start).find(|&k| s.norms[k].ends_with("ing") && is_light_verb(s.norms[k].as_str()))
    };
    let gerund_owner = gerund
        .filter(|_| t.source_slot.is_none())
        .and_then(|g| {
            let mut f = s.back_over(g, |w| w.ends_with("ly"));
            // `of blocking and using`: coordinated gerunds share the owner.
            if f >= 2 && s.norms[f - 1] == "and" && s.norms[f - 2].ends_with("ing") {
                f -= 2;
            }
            let f = f.checked_sub(1).filter(|&f| matches!(s.norms[f].as_str(), "for" | "of"))?;
            // The party right before `for`/`of`, a noun of its own at most between (`Chinese
            // coastguard vessels of`), no new noun phrase (`Peru the inadmissibility of`).
            let last = ms.iter().rposition(|m| {
                m.end <= f && f - m.end <= 2 && (m.end..f).all(|k| !matches!(s.norms[k].as_str(), "the" | "a" | "an" | "this" | "that" | "its" | "their"))
            })?;
            let first = (0..=last)
                .rev()
                .take_while(|&c| ms[c].start + 14 >= f)
                .filter(|&c| group(s, ms, c, f).contains(&last))
                .last()?;
            Some(group(s, ms, first, f))
        });
    // `the inadmissibility of calling on its staff`: a gerund after a plain noun and `of`
    // names an act in the abstract; nobody does it here.
    if gerund_owner.is_none() && t.source_slot.is_none() {
        if let Some(g) = gerund.filter(|&g| g == t.start && g >= 2) {
            let abstract_of = s.norms[g - 1] == "of" && {
                let n = s.norms[g - 2].as_str();
                n.chars().all(|c| c.is_ascii_lowercase()) && !ms.iter().any(|m| m.end == g - 1) && (n.ends_with("ity") || n.ends_with("ness") || n.ends_with("tion") || n.ends_with("ance") || n.ends_with("ence") || n.ends_with("ism"))
            };
            if abstract_of {
                return Err("a gerund after an abstract noun and `of` names no act".into());
            }
        }
    }
    // An event noun's own actor stands right before it (`Russia's invasion`, `Russian
    // shelling`): that is its source, not the sentence's subject.
    let owner = (t.nominal && t.source_slot.is_none() && t.target_slot.is_none())
        .then(|| {
            ms.iter().position(|m| {
                m.end == t.start
                    || (m.end + 1 == t.start && matches!(s.norms[m.end].as_str(), "'s" | "military" | "armed" | "naval"))
                    // `Moscow's military operation`: the owner ran into the trigger's words.
                    || (m.start < t.start && m.end > t.start && m.end <= t.head)
            })
        })
        .flatten();
    // A material act told as a noun with no actor of its own (`condemned the missile test of
    // the DPRK`) is not the sentence subject's act: it is coded only with `by X`.
    // So is a violation or a threat with no author of its own (`a breach of sovereignty`,
    // `the pretext for more threats`): the subject only names it.
    let material = matches!(code.get(..2), Some("06" | "07" | "08" | "14" | "15" | "16" | "17" | "18" | "19" | "20"))
        || (matches!(code.get(..2), Some("12" | "13")) && t.noun);
    // `The US began a new round of expulsions`: an event noun that a verb of doing governs is
    // that verb's subject's act.
    let governed = || (t.start.saturating_sub(5)..t.start).any(|k| is_light_verb(s.norms[k].as_str()));
    let by_agent = (t.nominal && owner.is_none() && gerund_owner.is_none() && material && t.source_slot.is_none() && t.target_slot.is_none() && !governed())
        .then(|| {
            (t.end..rb).find(|&k| s.norms[k] == "by").and_then(|k| ms.iter().position(|m| m.start > k && m.start <= k + 3))
        });
    let owner = match by_agent {
        Some(Some(b)) => Some(b),
        Some(None) => return Err("an event noun with no actor of its own".into()),
        None => owner,
    };
    // `Putin welcomed Pezeshkian, who was visiting the Kremlin`: in a relative clause the
    // subject is the antecedent right before `who`/`which`.
    let relative = (t.start.saturating_sub(6)..t.start)
        .rev()
        .find(|&k| matches!(s.norms[k].as_str(), "who" | "which"))
        .filter(|&k| (k + 1..t.start).all(|j| !matches!(s.norms[j].as_str(), "," | ";")))
        .and_then(|k| {
            let before = if k > 0 && s.norms[k - 1] == "," { k - 1 } else { k };
            ms.iter().position(|m| m.end == before)
        });
    // `Faisal urged the Indian side ...`: a name dyad does not know is the subject; no actor
    // further back in the sentence stands in for it.
    let mut unknown_subject = false;
    let subj: Option<Range<usize>> = match (t.source_slot, owner, relative) {
        (Some(i), _, _) => Some(i..i + 1),
        (None, _, _) if gerund_owner.is_some() => gerund_owner.clone(),
        (None, Some(o), _) => Some(o..o + 1),
        (None, None, Some(r)) => Some(r..r + 1),
        (None, None, None) => subject(start).or_else(|| {
            unknown_subject = !t.nominal && unknown_name_before(s, ms, t.start);
            if unknown_subject {
                None
            } else {
                subject(0)
            }
        }),
    };
    // With no actor before it, a verbal act in a statement is the speaker's own:
    // `We condemn ...` is resolved by coreference; `Strongly condemning the sanctions, ...`
    // and headline-style clauses fall back here.
    let mut ms_ext: Vec<Mention>;
    let mut ms = ms;
    let mut subj = subj;
    let verbal_root = matches!(code.get(..2), Some("01" | "02" | "03" | "05" | "09" | "10" | "11" | "12" | "13"));
    // Not when a subject of another kind stands before the verb (`the international
    // community has demanded`).
    let noun_subject = || {
        let k = before_verb;
        k > 0 && {
            let w = s.norms[k - 1].as_str();
            s.text_of(k - 1).chars().all(|c| c.is_ascii_lowercase())
                && !is_preposition(w)
                && !is_clause_word(w)
                && !matches!(w, "and" | "or" | "but" | "that" | "which" | "who" | "to" | "we" | "i" | "it" | "they" | "he" | "she" | "us" | "then" | "thus" | "hence")
                // `The spokesperson also warned`: an office of no named country is the speaker's.
                && !is_office_word(w)
        }
    };
    if subj.is_none() && verbal_root && t.target_slot.is_none() && !be_before && !unknown_subject && !noun_subject() {
        if let Some(sp) = speaker {
            let m = Mention {
                start: t.start,
                end: t.start,
                referent: Referent::One(sp.clone()),
                how: Vec::new(),
                kind: MentionKind::Coref,
            };
            ms_ext = Vec::with_capacity(ms.len() + 1);
            ms_ext.extend_from_slice(ms);
            ms_ext.push(m);
            ms_ext.sort_by_key(|m| (m.start, m.end));
            ms = &ms_ext[..];
            subj = ms.iter().position(|m| m.kind == MentionKind::Coref && m.start == t.start && m.end == t.start).map(|i| i..i + 1);
        }
    }
    let subj = subj;

    // The source group, its target's first mention, and the group's actors when they were
    // needed already.
    let (src_group, tgt_first, src_actors): (Option<Range<usize>>, Option<usize>, Option<Actors>) = match (by_actor, t.target_slot) {
        (Some(b), _) => (Some(group(s, ms, b, rb)), subj.as_ref().map(|g| g.start), None),
        (None, None) if passive_slot => (subj.clone(), subject(start).or_else(|| subject(0)).map(|g| g.start), None),
        (None, Some(ti)) => (subj, Some(ti), None),
        (None, None) => {
            let src_actors = subj.clone().map(|g| actors_of(ms, g));
            let src: &[&Actor] = src_actors.as_deref().unwrap_or_default();
            let of_source = |a: &Actor| src.iter().any(|b| b.country == a.country);
            // The object stands close after the trigger; a group of several countries acting
            // together takes an object only right after the trigger, else it acts mutually.
            let several = src.iter().any(|a| a.country != src[0].country);
            let window = if several { 3 } else { TARGET_WINDOW };
            // `mark the anniversary of the visit to Russia`: the parties of the act commemorated
            // are not the commemoration's; only `with` brings in a partner.
            let commemoration = (t.start..t.end).any(|k| s.norms[k] == "anniversary");
            let tgt = (0..ms.len()).find(|&i| {
                // An actor among the trigger's own words counts (`released three Lithuanian
                // prisoners`).
                ms[i].start > t.head
                    && (!commemoration || (ms[i].start > 0 && s.norms[ms[i].start - 1] == "with"))
                    && t.source_slot != Some(i)
                    && !is_place(s, &ms[i], code)
                    && ms[i].start <= t.end + window
                    && ms[i].end <= rb
                    && !subj.as_ref().is_some_and(|g| g.contains(&i))
                    && country_of(&ms[i].referent).any(|a| !of_source(a))
            });
            // The gerund's act with no object of its own is done for the main subject.
            let tgt = tgt.or_else(|| {
                gerund_owner.as_ref()?;
                let main = subject(start).or_else(|| subject(0))?;
                let m = main.start;
                (ms[m].end <= t.start && country_of(&ms[m].referent).any(|a| !of_source(a))).then_some(m)
            });
            (subj, tgt, src_actors)
        }
    };
    // `was rejected by the public`: the agent is named and is no actor.
    if passive && by_actor.is_none() && s.norm_opt(t.end) == Some("by") && t.target_slot.is_none() {
        return Err("a passive whose agent is no actor".into());
    }
    let Some(src_group) = src_group else {
        // An unknown person acting toward one party of the dyad in play belongs to the other.
        let target = tgt_first.and_then(|i| ms[i].actor_with_country());
        let other = match (target, pair) {
            (Some(b), Some((x, y))) if b.country == x.country => Some(y),
            (Some(b), Some((x, y))) if b.country == y.country => Some(x),
            _ => None,
        };
        if let (true, Some(a), Some(b)) = (unknown_subject, other, target) {
            let a = Actor { agent: None, name: None, role: None, is_person: false, country: a.country.clone() };
            let mut out = vec![Role { source: a.clone(), target: b.clone(), how: "an unknown subject: the other party of the dyad in play".into() }];
            if mutual_code {
                out.push(Role { source: b.clone(), target: a, how: ["an unknown subject; ", code, " is mutual"].concat().into() });
            }
            return Ok(out);
        }
        return Err(if unknown_subject { "the subject is a name dyad does not know".into() } else { "no source actor in the clause".into() });
    };
    let sources = src_actors.unwrap_or_else(|| actors_of(ms, src_group));
    let rule = if by_actor.is_some() {
        "passive: source after `by`"
    } else if t.source_slot.is_some() || t.target_slot.is_some() {
        "pattern slots"
    } else {
        "subject before, object after"
    };

    // Made with room for the roles each case may keep.
    let mut out: Vec<Role>;
    // A role of two countries; its `how` is written only for a role kept.
    macro_rules! push {
        ($a:expr, $b:expr, $how:expr) => {{
            let (a, b): (&Actor, &Actor) = ($a, $b);
            if a.country != b.country {
                out.push(Role { source: a.clone(), target: b.clone(), how: $how });
            }
        }};
    }
    match tgt_first {
        Some(ti) => {
            let limit = if by_actor.is_some() { t.start } else { rb };
            let tg = if by_actor.is_some() { ti..ti + 1 } else { group(s, ms, ti, limit) };
            let targets = actors_of(ms, tg);
            // `cooperate with`, `formed relations with`: cooperation with someone is mutual.
            // (back over determiners and the capitalised words of a name)
            let mut k = ms[ti].start;
            while k > 0 && (crate::triggers::slot_filler(&s.norms[k - 1]) || s.text_of(k - 1).starts_with(char::is_uppercase)) {
                k -= 1;
            }
            // The trigger's own `with` (`cooperate closely with`), not a noun's (`praised the
            // talks with`).
            let with = k > 0 && s.norms[k - 1] == "with" && k - 1 <= t.end + 1;
            let mutual = mutual_code || (with && matches!(code.get(..2), Some("05" | "06")));
            out = Vec::with_capacity(sources.len() * targets.len() * if mutual { 2 } else { 1 });
            for a in &sources {
                for b in &targets {
                    push!(a, b, rule.into());
                    if mutual {
                        push!(b, a, [rule, "; ", code, " is mutual"].concat().into());
                    }
                }
            }
            // A joint exercise joins every pair of its participants (`drills with the US and
            // Japan`: the US and Japan drill together too).
            if code.starts_with("062") {
                for (i, a) in targets.iter().enumerate() {
                    for b in &targets[i + 1..] {
                        push!(a, b, [rule, "; fellow participants of a joint exercise"].concat().into());
                        push!(b, a, [rule, "; fellow participants of a joint exercise"].concat().into());
                    }
                }
            }
        }
        None => {
            out = Vec::new();
            // A group of several countries acting together, with no object: each toward the other.
            let countries: Vec<&Actor> = {
                let mut v: Vec<&Actor> = Vec::new();
                for &a in &sources {
                    if !v.iter().any(|b| b.country == a.country) {
                        v.push(a);
                    }
                }
                v
            };
            if countries.len() < 2 {
                // An act with no named object in a document about two parties is aimed at the
                // other party: `Manila condemned the actions` in a story on the Philippines and
                // China; `the Ministry rejects the declaration` in a statement on NATO.
                // A symbolic act of one side alone (`we mark the anniversary`) is no act toward
                // the other: only a joint one is.
                let verbal = matches!(code.get(..2), Some("01" | "02" | "03" | "05" | "09" | "10" | "11" | "12" | "13" | "16" | "17")) && code != "017";
                let other = match (countries.first(), pair.filter(|_| verbal)) {
                    (Some(a), Some((x, y))) if a.country == x.country => Some(y),
                    (Some(a), Some((x, y))) if a.country == y.country => Some(x),
                    _ => None,
                };
                // A third party's call with no object (`the UN chief called for restraint`) is
                // addressed to both parties of the dyad in play.
                let appeal = matches!(code.get(..2), Some("02" | "10"));
                if let (None, Some(a), Some((x, y)), true) = (other, countries.first(), pair, appeal) {
                    if a.country != x.country && a.country != y.country {
                        for b in [x, y] {
                            let b = Actor { agent: None, name: None, role: None, is_person: false, country: b.country.clone() };
                            push!(a, &b, "no object: a third party's call on both parties of the dyad in play".into());
                        }
                        return if out.is_empty() { Err("source and target are the same country".into()) } else { Ok(out) };
                    }
                }
                let Some(other) = other else { return Err("no target actor of another country in the clause".into()) };
                let b = Actor { agent: None, name: None, role: None, is_person: false, country: other.country.clone() };
                for a in &countries {
                    push!(a, &b, "no object: the other party of the dyad in play".into());
                    if mutual_code {
                        push!(&b, a, ["no object: the other party of the dyad in play; ", code, " is mutual"].concat().into());
                    }
                }
                return if out.is_empty() { Err("source and target are the same country".into()) } else { Ok(out) };
            }
            for a in &countries {
                for b in &countries {
                    push!(a, b, "joint subject acts mutually".into());
                }
            }
        }
    }
    if out.is_empty() {
        return Err("source and target are the same country".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_listed_in_place_are_those_of_a_vec() {
        let all: Vec<Actor> =
            (0..9).map(|i| Actor { country: format!("C{i}").into(), agent: None, name: None, role: None, is_person: false }).collect();
        for n in 0..all.len() {
            let mut few = Actors::Empty;
            let mut v: Vec<&Actor> = Vec::new();
            for a in &all[..n] {
                few.push(a);
                v.push(a);
                let listed: Vec<&Actor> = (&few).into_iter().copied().collect();
                assert!(few.len() == v.len() && listed.iter().zip(&v).all(|(x, y)| std::ptr::eq(*x, *y)), "{n}");
            }
        }
    }

    #[test]
    fn word_classes_accept_exactly_their_lists() {
        type Class = (&'static [&'static str], fn(&str) -> bool);
        let classes: [Class; 8] = [
            (LIGHT_VERBS, is_light_verb),
            (CLAUSE_WORDS, is_clause_word),
            (PREPOSITIONS, is_preposition),
            (AUX_WORDS, is_aux_word),
            (BE_FORMS, is_be_form),
            (SAY_VERBS, is_say_verb),
            (OFFICE_WORDS, is_office_word),
            (NOT_NAMES, is_not_name),
        ];
        // Every word of every list, some near misses, and words of no list.
        let mut words: Vec<String> = classes.iter().flat_map(|(l, _)| l.iter().map(|w| w.to_string())).collect();
        for w in words.clone() {
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
            words.push(w.to_uppercase());
        }
        words.extend(["", "and", "said,", "ministers", "launching", "x", "walked"].map(String::from));
        for (list, class) in classes {
            for w in &words {
                assert_eq!(class(w), list.contains(&w.as_str()), "{w:?}");
            }
        }
    }
}
