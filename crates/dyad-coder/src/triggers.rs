//! Event triggers: where a verb pattern of the dictionary matches the sentence.
//!
//! Each token's lemma key and normal form are looked up once among the patterns' words, so
//! matching compares word ids, not strings ([`dyad_dict::WordId`]). For every token whose
//! lemma key heads some pattern, the patterns are tried most specific first and the first
//! that matches wins ([`Trigger`]). Elements after the head must follow
//! in order, each within [`GAP`] tokens of the previous one, without crossing a clause
//! boundary; elements before the head likewise, leftwards. `$` and `+` slots bind actor
//! mentions. A trigger whose head lies among a more specific trigger's words is dropped
//! (`paid an official visit` is one event, not a `pay` and a `visit`).

use std::cell::RefCell;

use dyad_dict::{Dictionary, Elem, Pattern, WordId};

use crate::mentions::Mention;
use crate::roles::Shapes;
use crate::sentence::Sent;

/// How many tokens may stand between two matched elements of a pattern.
pub const GAP: usize = 3;

#[derive(Clone, Debug)]
pub struct Trigger<'d> {
    pub head: usize,
    /// Tokens `[start, end)` the pattern matched.
    pub start: usize,
    pub end: usize,
    pub pattern: &'d Pattern,
    /// Mention indices bound by `$` and `+`.
    pub source_slot: Option<usize>,
    pub target_slot: Option<usize>,
    /// The head reads as a noun (`Russia's invasion`), not a verb.
    pub nominal: bool,
    /// The head has a noun's marks: a determiner before it or a noun suffix (`a breach`).
    pub noun: bool,
}

/// Patterns ranked from here on come from imported files, not `verbs/dyad.txt`.
const IMPORTED_RANK: u32 = 1_000_000;

/// A capitalised word that does not begin the sentence or a quotation. Most heads are lower
/// case: the first byte settles them.
fn proper_noun(s: &Sent, i: usize) -> bool {
    let text = s.text_of(i);
    let upper = match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(|c| c.is_uppercase()),
    };
    upper && i > 0 && !matches!(s.norms[i - 1].as_str(), "\"" | "“" | "-" | "—" | "(" | ":")
}

// The word lists are `match`es: each word is compared only with the words of its length, and
// without a call to `memcmp`.

// The words of [`aux`] and [`determiner`], for their [`Shapes`] (a test holds each class to
// its list).
const AUX: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "has", "have", "had", "is", "are",
    "was", "were", "be", "been", "being", "did", "does", "do", "'s", "'ve", "'d", "not", "n't",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those", "of", "my", "your", "such", "any",
    "every", "each", "no", "another", "mutual", "bilateral", "new", "further", "first", "second",
];

fn aux(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(AUX);
    SHAPES.may_hold(w) && matches!(
        w,
        "will" | "would" | "shall" | "should" | "can" | "could" | "may" | "might" | "must" | "to" | "has" | "have" | "had"
            | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "did" | "does" | "do" | "'s" | "'ve" | "'d" | "not"
            | "n't"
    )
}

fn determiner(w: &str) -> bool {
    const SHAPES: Shapes = Shapes::of(DETERMINERS);
    SHAPES.may_hold(w) && matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her" | "this" | "these" | "those" | "of" | "my" | "your"
            | "such" | "any" | "every" | "each" | "no" | "another" | "mutual" | "bilateral" | "new" | "further" | "first"
            | "second"
    )
}

/// `w` ends in a noun suffix with more than two letters before it: `-tion(s)`, `-sion(s)`,
/// `-ment(s)`, `-ness`, `-ship(s)`, `-ity`, `-ities`, `-ance`, `-ence`, `-ism`, `-ist(s)`,
/// `-ure(s)`. The last byte tells which suffixes to compare.
fn noun_suffix(w: &str) -> bool {
    let b = w.as_bytes();
    let ends = |x: &str| b.len() > x.len() + 2 && b.ends_with(x.as_bytes());
    match b.last() {
        _ if b.len() < 6 => false,
        Some(b'n') => ends("tion") || ends("sion"),
        Some(b's') => {
            ends("tions") || ends("sions") || ends("ments") || ends("ness") || ends("ships") || ends("ities") || ends("ists")
                || ends("ures")
        }
        Some(b't') => ends("ment") || ends("ist"),
        Some(b'p') => ends("ship"),
        Some(b'y') => ends("ity"),
        Some(b'e') => ends("ance") || ends("ence") || ends("ure"),
        Some(b'm') => ends("ism"),
        _ => false,
    }
}

/// Positive evidence that token `i` is a verb: a past form, an auxiliary or `to` before it,
/// or an `-s` form right after its subject.
fn looks_verbal(s: &Sent, dict: &Dictionary, mentions: &[Mention], i: usize) -> bool {
    let w = s.norms[i].as_str();
    let mut p = i;
    while p > 0 {
        p -= 1;
        let pw = s.norms[p].as_str();
        // Adverbs, and the degree words that grade them (`most strongly denounces`).
        if pw.ends_with("ly")
            || matches!(pw, "also" | "further" | "jointly" | "again" | "then" | "not" | "never" | "already" | "once")
            || (matches!(pw, "most" | "more" | "very" | "so") && s.norms[p + 1].ends_with("ly"))
        {
            continue;
        }
        // `Kosovo's demand`: a possessive, not `is`/`has`.
        if pw == "'s" && p > 0 && (mentions.iter().any(|m| m.end == p) || s.text_of(p - 1).starts_with(char::is_uppercase)) {
            return false;
        }
        if aux(pw) || pw == "by" && w.ends_with("ing") {
            return true;
        }
        if determiner(pw) && !(matches!(pw, "first" | "further" | "second") && w.ends_with("ed")) {
            return false;
        }
        // `denounces and categorically rejects`: a verb coordinated with a verb of the same
        // inflection.
        if matches!(pw, "and" | "or") && p > 0 {
            let mut q = p - 1;
            while q > 0 && s.norms[q].ends_with("ly") {
                q -= 1;
            }
            let other = s.norms[q].as_str();
            let same = (w.ends_with("ed") && other.ends_with("ed")) || (w.ends_with('s') && other.ends_with('s') && !other.ends_with("ss"));
            if same && q > 0 && (aux(&s.norms[q - 1]) || mentions.iter().any(|m| m.end == q) || s.norms[q - 1].ends_with("ly")) {
                return true;
            }
        }
        break;
    }
    // The cheap evidence first: a past form, an irregular verb's form.
    if (w.ends_with("ed") && i > 0) || dict.lemmas.is_irregular_form(w) {
        return true;
    }
    // The word before the head, past adverbs and quotation marks (`it “strongly condemns”`).
    let q = s.back_over(i, |w| w.ends_with("ly") || matches!(w, "\"" | "“" | "”" | "also" | "further" | "again" | "still" | "most"));
    let after_subject = q > 0
        && (mentions.iter().any(|m| m.end == q) || matches!(s.norms[q - 1].as_str(), "he" | "she" | "it" | "they" | "we" | "who" | "which" | "that"));
    if after_subject && (w.ends_with('s') || w.ends_with("ed")) {
        return true;
    }
    // `We warn`, `They reject`: a base form right after a plural or first-person pronoun.
    if q > 0 && matches!(s.norms[q - 1].as_str(), "we" | "they" | "i" | "you") {
        return true;
    }
    // An `-s` form followed by an object's determiner (`the Ministry denounces the
    // declaration`): a plural noun is rarely followed by one.
    let object_next = w.ends_with('s')
        && !w.ends_with("ss")
        && (s.norm_opt(i + 1).is_some_and(|n| matches!(n, "the" | "a" | "an" | "its" | "their" | "any" | "all" | "this" | "these" | "those"))
            || mentions.iter().any(|m| m.start == i + 1));
    if object_next && i > 0 {
        return true;
    }
    // `Vietnam and Laos cooperate`: a base form after a coordinated subject.
    mentions.iter().find(|m| m.end == q).is_some_and(|m| {
        m.start >= 2 && s.norms[m.start - 1] == "and" && mentions.iter().any(|o| o.end == m.start - 1)
    })
}

/// An event noun attached to an actor: possessed (`Russia's invasion`), modified (`Russian
/// shelling`, `the DPRK-U.S. talks`), or followed by a preposition and an actor (`sanctions on
/// Iran`, `talks with Japan`).
fn nominal_with_party(s: &Sent, mentions: &[Mention], i: usize) -> bool {
    // An actor ends right before the noun, or one word before it (`Russia 's invasion`,
    // `Russian military operation`).
    let before = mentions.iter().any(|m| {
        m.end == i || (m.end + 1 == i && s.norms[m.end].chars().all(|c| c.is_alphabetic() || c == '\''))
    });
    if before {
        return true;
    }
    let prep = s.norm_opt(i + 1).is_some_and(|w| {
        matches!(w, "on" | "with" | "against" | "by" | "between" | "of" | "to" | "from" | "toward" | "towards")
    });
    let mut j = i + 2;
    while j < s.tokens.len() && slot_filler(&s.norms[j]) {
        j += 1;
    }
    prep && mentions.iter().any(|m| m.start == j)
}

/// A contact noun that parties of two countries named before it attend (`Greek and Turkish
/// leaders struck an upbeat tone at a rare meeting`): their meeting.
fn shared_venue(s: &Sent, mentions: &[Mention], i: usize, p: &Pattern) -> bool {
    if !p.code.as_deref().is_some_and(|c| c.starts_with("04")) {
        return false;
    }
    // `the two sides shall operate the channel of bilateral negotiations`: a contact that
    // `bilateral` or `joint` marks as theirs.
    let shared = i > 0 && matches!(s.norms[i - 1].as_str(), "bilateral" | "joint" | "mutual");
    let at = (i.saturating_sub(4)..i).rev().find(|&k| matches!(s.norms[k].as_str(), "at" | "during")).or_else(|| shared.then(|| i - 1));
    let Some(at) = at else { return false };
    if !(at + 1..i).all(|k| s.norms[k].chars().all(|c| c.is_alphabetic()) && !mentions.iter().any(|m| m.start <= k && k < m.end)) {
        return false;
    }
    if shared && mentions.iter().any(|m| m.end <= at && matches!(m.referent, crate::mentions::Referent::Pair(..))) {
        return true;
    }
    let mut countries: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.end <= at) {
        if let Some(a) = m.actor_with_country() {
            if !countries.contains(&a.country.as_str()) {
                countries.push(&a.country);
            }
        }
    }
    countries.len() >= 2
}

/// Token `i` reads as a noun: a determiner before it or a noun suffix.
fn looks_nominal(s: &Sent, i: usize) -> bool {
    let w = s.norms[i].as_str();
    // `first suspended`, `further expanded`: an ordinal or degree word before a past form is
    // an adverb, not a determiner.
    let adverbial = |d: &str| matches!(d, "first" | "second" | "further" | "new" | "mutual" | "bilateral") && w.ends_with("ed");
    let det = i > 0 && determiner(&s.norms[i - 1]) && !adverbial(&s.norms[i - 1]);
    det || noun_suffix(w)
}

fn hard_stop(w: &str) -> bool {
    matches!(w, "." | ";" | ":" | "!" | "?")
}

/// Tokens a slot may skip before its actor: determiners and a few modifiers.
pub(crate) fn slot_filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all" | "both" | "other" | "fellow" | "comrade"
            | "respected" | "mr" | "mrs" | "ms" | "dr" | "dear" | "esteemed"
    )
}

/// The id of a token's word that no pattern has.
const NO_WORD: WordId = WordId::MAX;

struct Matcher<'a, 's> {
    s: &'a Sent<'s>,
    mentions: &'a [Mention],
    /// By token: the ids of its lemma key and of its normal form, or [`NO_WORD`].
    ids: &'a [[WordId; 2]],
}

impl Matcher<'_, '_> {
    /// Token `j`'s key or form is one of the words `ids` (sorted pattern words, never
    /// [`NO_WORD`]).
    fn word_at(&self, j: usize, ids: &[WordId]) -> bool {
        let [key, norm] = self.ids[j];
        if key == NO_WORD && norm == NO_WORD {
            false
        } else if ids.len() <= 8 {
            ids.iter().any(|&id| id == key || id == norm)
        } else {
            // Lists of synonyms run to a hundred words.
            ids.binary_search(&key).is_ok() || (norm != key && ids.binary_search(&norm).is_ok())
        }
    }

    /// Position after matching `elems` rightwards from `pos`; slots bound into `slots`.
    fn right(&self, elems: &[Elem], mut pos: usize, last: &mut usize, slots: &mut [Option<usize>; 2]) -> bool {
        let n = self.s.tokens.len();
        let mut extra = 0;
        for e in elems {
            match e {
                Elem::Skip => extra += 1,
                Elem::Word(keys) => {
                    let mut found = None;
                    let mut j = pos;
                    while j < n && j <= pos + GAP + extra {
                        if self.word_at(j, keys) {
                            found = Some(j);
                            break;
                        }
                        let w = self.s.norms[j].as_str();
                        if hard_stop(w) || w == "," {
                            break;
                        }
                        // `long-standing` is one word to the gap, not three.
                        if w == "-" {
                            extra += 2;
                        }
                        j += 1;
                    }
                    let Some(j) = found else { return false };
                    *last = j;
                    pos = j + 1;
                    extra = 0;
                }
                Elem::Source | Elem::Target => {
                    // Determiners, and the title before a name (`of its Foreign Minister
                    // Sergei Lavrov`).
                    let mut j = pos;
                    while j < n
                        && !self.mentions.iter().any(|m| m.start == j)
                        && (slot_filler(&self.s.norms[j]) || crate::roles::is_apposition_word(&self.s.norms[j]))
                        && j < pos + 5
                    {
                        j += 1;
                    }
                    let Some(mi) = self.mentions.iter().position(|m| m.start == j) else { return false };
                    slots[usize::from(matches!(e, Elem::Target))] = Some(mi);
                    *last = self.mentions[mi].end - 1;
                    pos = self.mentions[mi].end;
                    extra = 0;
                }
                Elem::Head(_) => return false,
            }
        }
        true
    }

    /// Matching `elems` leftwards (given in text order) ending before `pos`.
    fn left(&self, elems: &[Elem], pos: usize, first: &mut usize, slots: &mut [Option<usize>; 2]) -> bool {
        // `pos` is the index of the head; elements lie before it.
        let mut limit = pos; // exclusive upper bound for the next element (going left)
        let mut extra = 0;
        for e in elems.iter().rev() {
            match e {
                Elem::Skip => extra += 1,
                Elem::Word(keys) => {
                    let mut found = None;
                    let mut j = limit;
                    while j > 0 && limit - j <= GAP + extra {
                        j -= 1;
                        if self.word_at(j, keys) {
                            found = Some(j);
                            break;
                        }
                        let w = self.s.norms[j].as_str();
                        if hard_stop(w) || w == "," {
                            break;
                        }
                        if w == "-" {
                            extra += 2;
                        }
                    }
                    let Some(j) = found else { return false };
                    *first = j;
                    limit = j;
                    extra = 0;
                }
                Elem::Source | Elem::Target => {
                    let Some(mi) = self.mentions.iter().position(|m| m.end <= limit && limit - m.end <= 1 + extra) else {
                        return false;
                    };
                    slots[usize::from(matches!(e, Elem::Target))] = Some(mi);
                    *first = self.mentions[mi].start;
                    limit = self.mentions[mi].start;
                    extra = 0;
                }
                Elem::Head(_) => return false,
            }
        }
        true
    }

    fn try_pattern(&self, p: &Pattern, head: usize) -> Option<(usize, usize, [Option<usize>; 2])> {
        let mut slots = [None, None];
        let mut first = head;
        let mut last = head;
        if !self.left(&p.elems[..p.head], head, &mut first, &mut slots) {
            return None;
        }
        if !self.right(&p.elems[p.head + 1..], head + 1, &mut last, &mut slots) {
            return None;
        }
        Some((first, last + 1, slots))
    }
}

/// Buffers of [`find_triggers`], kept by each thread from one sentence to the next so that a
/// sentence allocates nothing but its triggers.
#[derive(Default)]
struct Scratch {
    /// By token: the ids of its lemma key and of its normal form, or [`NO_WORD`].
    ids: Vec<[WordId; 2]>,
    /// The tokens whose key heads some pattern.
    heads: Vec<usize>,
    /// By [`WordId`]: the number of the last sentence that has the word. A sentence's words
    /// are those stamped with its number, so no sentence has to clear the marks of the last.
    stamps: Vec<u32>,
    /// The number of the current sentence (never 0, the stamp of a word no sentence had).
    sentence: u32,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The words (keys and forms) a sentence has, exactly: see [`Scratch::stamps`].
struct SentenceWords<'a> {
    stamps: &'a [u32],
    sentence: u32,
}

impl SentenceWords<'_> {
    #[inline]
    fn has(&self, id: WordId) -> bool {
        self.stamps.get(id as usize) == Some(&self.sentence)
    }

    /// The sentence has the two words [`Pattern::probes`] names (a first, cheap look).
    #[inline]
    fn has_probes(&self, p: &Pattern) -> bool {
        let [a, b] = p.probes();
        self.has(a) && self.has(b)
    }

    /// Every word element of `p` has a word of the sentence among its alternatives (else `p`
    /// cannot match), the sentence having its probes ([`Pattern::checks`]: elements of more
    /// than 16 alternatives are not looked at, as a list of a hundred synonyms costs more to
    /// probe than to match).
    #[inline]
    fn may_match(&self, p: &Pattern) -> bool {
        p.checks().iter().all(|ids| ids.iter().any(|&id| self.has(id)))
    }
}

/// Triggers of the sentence, in order of their heads. `---` patterns are returned too (their
/// `pattern.code` is `None`) so that explanations can show what blocked an event.
pub fn find_triggers<'d>(s: &Sent, dict: &'d Dictionary, mentions: &[Mention]) -> Vec<Trigger<'d>> {
    SCRATCH.with_borrow_mut(|scratch| find_with(s, dict, mentions, scratch))
}

fn find_with<'d>(s: &Sent, dict: &'d Dictionary, mentions: &[Mention], scratch: &mut Scratch) -> Vec<Trigger<'d>> {
    let verbs = &dict.verbs;
    let Scratch { ids, heads, stamps, sentence } = scratch;
    // A new number for this sentence; when the numbers run out, every mark is cleared.
    *sentence = sentence.wrapping_add(1);
    if *sentence == 0 {
        stamps.iter_mut().for_each(|x| *x = 0);
        *sentence = 1;
    }
    if stamps.len() < verbs.word_count() {
        stamps.resize(verbs.word_count(), 0);
    }
    let sentence = *sentence;
    // Each token's key and form looked up once among the pattern words (most keys are their
    // form, the same slice of the text; a form that is not is looked up only if it may be a
    // pattern word), its words marked as the sentence's, and the tokens whose key heads
    // patterns kept: the loop below visits only them.
    ids.clear();
    heads.clear();
    for (i, (key, norm)) in s.keys.iter().zip(&s.norms).enumerate() {
        let (id, head) = verbs.key_id(key).unwrap_or((NO_WORD, false));
        let same = key.len() == norm.len() && (key.as_ptr() == norm.as_ptr() || key == norm);
        let form = if same { id } else { verbs.form_id(norm).unwrap_or(NO_WORD) };
        // `NO_WORD` is no index: it marks nothing.
        if let Some(x) = stamps.get_mut(id as usize) {
            *x = sentence;
        }
        if let Some(x) = stamps.get_mut(form as usize) {
            *x = sentence;
        }
        if head {
            heads.push(i);
        }
        ids.push([id, form]);
    }
    if heads.is_empty() {
        return Vec::new();
    }
    let words = SentenceWords { stamps, sentence };
    let ids = &ids[..];
    let m = Matcher { s, mentions, ids };
    let mut out: Vec<Trigger<'d>> = Vec::new();
    'heads: for &head in heads.iter() {
        let patterns = verbs.patterns_of(ids[head][0]);
        let Some(first) = patterns.first() else { continue };
        let curated_head = first.rank < IMPORTED_RANK;
        // How the head reads (verbal, nominal), once some pattern matches: most heads have
        // none, and need not be looked at.
        let mut reads: Option<(bool, bool)> = None;
        // A head only imported patterns have must read as a verb (below): most do not (`the
        // dispute`, `a peace accord`), and such a head has many patterns, so it is settled
        // before they are tried. The order of the tests changes nothing (each alone drops the
        // head).
        if !curated_head {
            if looks_nominal(s, head)
                || mentions.iter().any(|mm| mm.start <= head && head < mm.end)
                || proper_noun(s, head)
                || !looks_verbal(s, dict, mentions, head)
            {
                continue;
            }
            reads = Some((true, false));
        }
        // The first pattern that matches sets the bar; among patterns as specific and from the
        // same class, the tightest match (fewest skipped tokens) wins. The tests that pass a
        // pattern over are independent of each other, so the cheap ones and those of the
        // pattern alone come first, and the head is read only for a pattern that matches.
        let mut best: Option<(Trigger<'d>, usize)> = None;
        for p in patterns {
            // A pattern needing a word the sentence lacks does nothing. Passing it over before
            // the tests that end the loop changes nothing: each of them, once true, is true of
            // every later pattern too (they come by class, then by weight).
            if !words.has_probes(p) {
                continue;
            }
            let imported = p.rank >= IMPORTED_RANK;
            // dyad's own patterns are authoritative for the heads they know.
            if curated_head && imported {
                break;
            }
            if let Some((b, _)) = &best {
                if p.weight() < b.pattern.weight() || imported != (b.pattern.rank >= IMPORTED_RANK) {
                    break;
                }
            }
            // Imported patterns were written for parsed verbs: an imported head must come with
            // words of its context (and read as a verb, below).
            if imported && p.weight() == 1 {
                continue;
            }
            if !words.may_match(p) {
                continue;
            }
            let Some((start, end, slots)) = m.try_pattern(p, head) else { continue };
            let (verbal, nominal) = match reads {
                Some(r) => r,
                None => {
                    // A token inside an actor phrase (`Defence` in `Minister of Defence`) is not
                    // a verb, nor is a capitalised word inside the sentence (`March`,
                    // `Liberation`, `Declaration`).
                    if mentions.iter().any(|mm| mm.start <= head && head < mm.end) || proper_noun(s, head) {
                        continue 'heads;
                    }
                    let r = (looks_verbal(s, dict, mentions, head), looks_nominal(s, head));
                    // A head only imported patterns have (they come last) must look like a verb.
                    if !curated_head && (r.1 || !r.0) {
                        continue 'heads;
                    }
                    reads = Some(r);
                    r
                }
            };
            // An imported head must look like a verb here, not like a noun.
            if imported && (nominal || !verbal) {
                continue;
            }
            // A bare head of dyad's own is a verb (`condemned`) or an event noun used with a
            // party of its own (`Russia's invasion`, `sanctions on Iran`, `talks with Japan`).
            if p.weight() == 1 && !verbal && !p.speaker_act && !nominal_with_party(s, mentions, head) && !shared_venue(s, mentions, head, p) {
                continue;
            }
            let loose = (end - start).saturating_sub(p.weight());
            if best.as_ref().is_none_or(|(_, l)| loose < *l) {
                best = Some((Trigger { head, start, end, pattern: p, source_slot: slots[0], target_slot: slots[1], nominal: nominal || !verbal, noun: nominal }, loose));
            }
        }
        if let Some((t, _)) = best {
            if out.capacity() == 0 {
                // Room for a trigger at each head left, made at once.
                out = Vec::with_capacity(heads.len());
            }
            out.push(t);
        }
    }
    // A trigger whose head is a word of another, more specific trigger is part of it
    // (`paid an official visit` is one act, not a `pay` and a `visit`).
    if out.len() < 2 {
        return out;
    }
    let part_of_another = |t: &Trigger| {
        out.iter().any(|o| {
            let overlap = o.head != t.head && o.start <= t.head && t.head < o.end;
            let (ow, tw) = (o.pattern.weight(), t.pattern.weight());
            overlap && (ow > tw || (ow == tw && o.head < t.head))
        })
    };
    // Which to keep, decided on the whole list before any is dropped: in the bits of a number
    // (a sentence has a few triggers), else in a list.
    if out.len() <= 64 {
        let keep = out.iter().enumerate().fold(0u64, |k, (i, t)| k | u64::from(!part_of_another(t)) << i);
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            keep >> (i - 1) & 1 == 1
        });
        out
    } else {
        let keep: Vec<bool> = out.iter().map(|t| !part_of_another(t)).collect();
        out.into_iter().zip(keep).filter_map(|(t, k)| k.then_some(t)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::{find_mentions, Context};

    // The matcher as it was before the sentence's words were known exactly by id and before
    // heads were looked at lazily (less its 128-bit sketch of the sentence's words, which only
    // skipped patterns that could not match): the oracle the new one must agree with on every
    // sentence.
    fn old_looks_verbal(s: &Sent, dict: &Dictionary, mentions: &[Mention], i: usize) -> bool {
        let w = s.norms[i].as_str();
        let mut p = i;
        while p > 0 {
            p -= 1;
            let pw = s.norms[p].as_str();
            // Adverbs, and the degree words that grade them (`most strongly denounces`).
            if pw.ends_with("ly")
                || matches!(pw, "also" | "further" | "jointly" | "again" | "then" | "not" | "never" | "already" | "once")
                || (matches!(pw, "most" | "more" | "very" | "so") && s.norms[p + 1].ends_with("ly"))
            {
                continue;
            }
            // `Kosovo's demand`: a possessive, not `is`/`has`.
            if pw == "'s" && p > 0 && (mentions.iter().any(|m| m.end == p) || s.text_of(p - 1).starts_with(char::is_uppercase)) {
                return false;
            }
            if aux(pw) || pw == "by" && w.ends_with("ing") {
                return true;
            }
            if determiner(pw) && !(matches!(pw, "first" | "further" | "second") && w.ends_with("ed")) {
                return false;
            }
            // `denounces and categorically rejects`: a verb coordinated with a verb of the same
            // inflection.
            if matches!(pw, "and" | "or") && p > 0 {
                let mut q = p - 1;
                while q > 0 && s.norms[q].ends_with("ly") {
                    q -= 1;
                }
                let other = s.norms[q].as_str();
                let same = (w.ends_with("ed") && other.ends_with("ed")) || (w.ends_with('s') && other.ends_with('s') && !other.ends_with("ss"));
                if same && q > 0 && (aux(&s.norms[q - 1]) || mentions.iter().any(|m| m.end == q) || s.norms[q - 1].ends_with("ly")) {
                    return true;
                }
            }
            break;
        }
        // The word before the head, past adverbs and quotation marks (`it “strongly condemns”`).
        let q = s.back_over(i, |w| w.ends_with("ly") || matches!(w, "\"" | "“" | "”" | "also" | "further" | "again" | "still" | "most"));
        let after_subject = q > 0
            && (mentions.iter().any(|m| m.end == q) || matches!(s.norms[q - 1].as_str(), "he" | "she" | "it" | "they" | "we" | "who" | "which" | "that"));
        // An `-s` form followed by an object's determiner (`the Ministry denounces the
        // declaration`): a plural noun is rarely followed by one.
        let object_next = w.ends_with('s')
            && !w.ends_with("ss")
            && (s.norm_opt(i + 1).is_some_and(|n| matches!(n, "the" | "a" | "an" | "its" | "their" | "any" | "all" | "this" | "these" | "those"))
                || mentions.iter().any(|m| m.start == i + 1));
        // `We warn`, `They reject`: a base form right after a plural or first-person pronoun.
        let after_plural_pronoun = q > 0 && matches!(s.norms[q - 1].as_str(), "we" | "they" | "i" | "you");
        // `Vietnam and Laos cooperate`: a base form after a coordinated subject.
        let after_coordination = mentions.iter().find(|m| m.end == q).is_some_and(|m| {
            m.start >= 2 && s.norms[m.start - 1] == "and" && mentions.iter().any(|o| o.end == m.start - 1)
        });
        (w.ends_with("ed") && i > 0)
            || after_plural_pronoun
            || after_coordination
            || dict.lemmas.is_irregular_form(w)
            || (after_subject && w.ends_with('s'))
            || (after_subject && w.ends_with("ed"))
            || (object_next && i > 0)
    }

    fn old_find_triggers<'d>(s: &Sent, dict: &'d Dictionary, mentions: &[Mention]) -> Vec<Trigger<'d>> {
        let verbs = &dict.verbs;
        // Each token's key looked up once among the pattern words: a sentence without a head
        // has no trigger, and its forms need no looking up.
        // The heads and their patterns are kept: the loop below visits only them.
        let mut ids: Vec<[WordId; 2]> = Vec::with_capacity(s.keys.len());
        let mut heads: Vec<(usize, &'d [Pattern])> = Vec::new();
        for (i, k) in s.keys.iter().enumerate() {
            let id = verbs.word_id(k).unwrap_or(NO_WORD);
            let patterns = verbs.patterns_of(id);
            if !patterns.is_empty() {
                heads.push((i, patterns));
            }
            ids.push([id; 2]);
        }
        if heads.is_empty() {
            return Vec::new();
        }
        // The ids of forms that are not their key (most keys are their form).
        for ((id, key), norm) in ids.iter_mut().zip(&s.keys).zip(&s.norms) {
            let same = key.len() == norm.len() && (key.as_ptr() == norm.as_ptr() || key == norm);
            if !same {
                id[1] = verbs.word_id(norm).unwrap_or(NO_WORD);
            }
        }
        let m = Matcher { s, mentions, ids: &ids };
        let mut out: Vec<Trigger<'d>> = Vec::new();
        for (head, patterns) in heads {
            let Some(first) = patterns.first() else { continue };
            // A token inside an actor phrase (`Defence` in `Minister of Defence`) is not a verb,
            // nor is a capitalised word inside the sentence (`March`, `Liberation`, `Declaration`).
            if mentions.iter().any(|mm| mm.start <= head && head < mm.end) || proper_noun(s, head) {
                continue;
            }
            let verbal = old_looks_verbal(s, dict, mentions, head);
            let nominal = looks_nominal(s, head);
            let curated_head = first.rank < IMPORTED_RANK;
            // A head only imported patterns have (they come last) must look like a verb (below).
            if !curated_head && (nominal || !verbal) {
                continue;
            }
            // The first pattern that matches sets the bar; among patterns as specific and from the
            // same class, the tightest match (fewest skipped tokens) wins.
            let mut best: Option<(Trigger<'d>, usize)> = None;
            for p in patterns {
                // dyad's own patterns are authoritative for the heads they know.
                if curated_head && p.rank >= IMPORTED_RANK {
                    break;
                }
                if let Some((b, _)) = &best {
                    if p.weight() < b.pattern.weight() || (p.rank >= IMPORTED_RANK) != (b.pattern.rank >= IMPORTED_RANK) {
                        break;
                    }
                }
                // Imported patterns were written for parsed verbs: an imported head must look like
                // a verb here, not like a noun, and must come with words of its context.
                if p.rank >= IMPORTED_RANK && (nominal || !verbal || p.weight() == 1) {
                    continue;
                }
                // A bare head of dyad's own is a verb (`condemned`) or an event noun used with a
                // party of its own (`Russia's invasion`, `sanctions on Iran`, `talks with Japan`).
                if p.weight() == 1 && !verbal && !p.speaker_act && !nominal_with_party(s, mentions, head) && !shared_venue(s, mentions, head, p) {
                    continue;
                }
                if let Some((start, end, slots)) = m.try_pattern(p, head) {
                    let loose = (end - start).saturating_sub(p.weight());
                    if best.as_ref().is_none_or(|(_, l)| loose < *l) {
                        best = Some((Trigger { head, start, end, pattern: p, source_slot: slots[0], target_slot: slots[1], nominal: nominal || !verbal, noun: nominal }, loose));
                    }
                }
            }
            if let Some((t, _)) = best {
                out.push(t);
            }
        }
        // A trigger whose head is a word of another, more specific trigger is part of it
        // (`paid an official visit` is one act, not a `pay` and a `visit`).
        if out.len() < 2 {
            return out;
        }
        let keep: Vec<bool> = out
            .iter()
            .map(|t| {
                !out.iter().any(|o| {
                    let overlap = o.head != t.head && o.start <= t.head && t.head < o.end;
                    let (ow, tw) = (o.pattern.weight(), t.pattern.weight());
                    overlap && (ow > tw || (ow == tw && o.head < t.head))
                })
            })
            .collect();
        out.into_iter().zip(keep).filter_map(|(t, k)| k.then_some(t)).collect()
    }

    /// Our own test sentences (the `>` lines of `tests/data/sentences.txt`), each also with
    /// one of its words left out and lower-cased, and sentences made of templates.
    fn sentences() -> Vec<String> {
        let mut out = Vec::new();
        for line in include_str!("../tests/data/sentences.txt").lines() {
            let Some(text) = line.strip_prefix('>') else { continue };
            let text = text.trim();
            out.push(text.to_string());
            out.push(text.to_lowercase());
            let words: Vec<&str> = text.split(' ').collect();
            for k in 0..words.len().min(16) {
                let mut w = words.clone();
                w.remove(k);
                out.push(w.join(" "));
            }
        }
        let templates = [
            "{A} strongly condemned {B} on Monday.",
            "The foreign minister of {A} paid an official visit to {B} last week.",
            "{A} and {B} held talks in Geneva on Tuesday, the ministry said.",
            "{A} imposed new sanctions on {B} over the border dispute.",
            "{A} accused {B} of violating the ceasefire agreement.",
            "{A} signed a trade agreement with {B} in March 2023.",
            "{A} expelled two diplomats of {B} on Friday.",
            "{A}'s invasion of {B} was condemned by the council.",
            "We reject the sanctions on {B}, {A} said.",
            "{A} was received by {B} at the airport.",
            "Talks with {B} on the sidelines of the summit were held by {A}.",
        ];
        let countries = ["Russia", "China", "Japan", "Iran", "the United States", "North Korea", "France", "Ukraine"];
        for t in templates {
            for (i, a) in countries.iter().enumerate() {
                let b = countries[(i + 3) % countries.len()];
                out.push(t.replace("{A}", a).replace("{B}", b));
            }
        }
        out
    }

    #[test]
    fn triggers_are_those_of_the_old_matcher() {
        let dict = Dictionary::bundled();
        let ctx = Context {
            speaker: None,
            pair: None,
            last_person: None,
            recent_people: &[],
            date: None,
            keep_media: false,
            explain: false,
            last_subject: None,
            last_subject_partner: None,
            learned: &[],
        };
        let shown = |ts: &[Trigger]| -> Vec<String> {
            ts.iter()
                .map(|t| format!("{} {}..{} {:p} {:?} {:?} {} {}", t.head, t.start, t.end, t.pattern, t.source_slot, t.target_slot, t.nominal, t.noun))
                .collect()
        };
        let texts = sentences();
        assert!(texts.len() > 2000, "{}", texts.len());
        let mut found = 0;
        for text in &texts {
            let arena = bumpalo::Bump::new();
            let s = Sent::new(text, &dict.lemmas, &arena);
            let ms = find_mentions(&s, &dict, &ctx, None);
            let new = find_triggers(&s, &dict, &ms);
            assert_eq!(shown(&new), shown(&old_find_triggers(&s, &dict, &ms)), "{text}");
            found += new.len();
        }
        assert!(found > 1000, "{found}");
    }

    /// The noun suffixes as first written: every suffix compared.
    fn old_noun_suffix(w: &str) -> bool {
        let ends = |x: &str| w.len() > x.len() + 2 && w.ends_with(x);
        ends("tion") || ends("tions") || ends("sion") || ends("sions") || ends("ment") || ends("ments") || ends("ness")
            || ends("ship") || ends("ships") || ends("ity") || ends("ities") || ends("ance") || ends("ence") || ends("ism")
            || ends("ist") || ends("ists") || ends("ure") || ends("ures")
    }

    /// A capitalised word inside the sentence as first written.
    fn old_proper_noun(s: &Sent, i: usize) -> bool {
        let first = i == 0 || matches!(s.norms[i - 1].as_str(), "\"" | "“" | "-" | "—" | "(" | ":");
        !first && s.text_of(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    #[test]
    fn noun_suffixes_and_proper_nouns_as_first_written() {
        let dict = Dictionary::bundled();
        let mut words = 0;
        for text in sentences().iter().chain(&["Élysée “Déclaration” (Ärger) ｆｕｌｌ: Mention - Évian".to_string()]) {
            let arena = bumpalo::Bump::new();
            let s = Sent::new(text, &dict.lemmas, &arena);
            for i in 0..s.tokens.len() {
                assert_eq!(proper_noun(&s, i), old_proper_noun(&s, i), "{text}: {i}");
                let w = s.norms[i].as_str();
                // Each form and its tails, so that every suffix is met at every length.
                for k in (0..w.len()).filter(|&k| w.is_char_boundary(k)) {
                    assert_eq!(noun_suffix(&w[k..]), old_noun_suffix(&w[k..]), "{w}");
                    words += 1;
                }
            }
        }
        for w in ["nation", "tion", "xtion", "xxtion", "xxxtion", "ities", "xities", "xxities", "city", "ity", "xxity", "xxxity", "ures", "xxxures", "ism", "xxxism", "é", "éééé", "ééééé"] {
            assert_eq!(noun_suffix(w), old_noun_suffix(w), "{w}");
        }
        assert!(words > 100_000, "{words}");
    }

    #[test]
    fn word_classes_accept_exactly_their_lists() {
        let mut words: Vec<String> = AUX.iter().chain(DETERMINERS).map(|w| w.to_string()).collect();
        for w in words.clone() {
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
            words.push(w.to_uppercase());
        }
        words.extend(["", "and", "x", "walked", "“", "ha", "whe"].map(String::from));
        for w in &words {
            assert_eq!(aux(w), AUX.contains(&w.as_str()), "{w:?}");
            assert_eq!(determiner(w), DETERMINERS.contains(&w.as_str()), "{w:?}");
        }
    }
}
