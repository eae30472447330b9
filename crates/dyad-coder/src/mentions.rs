//! Actor mentions in a sentence: dictionary phrases, composed titles, and coreference.
//!
//! [`find_mentions`] turns the sentence's tokens into [`Mention`]s. It first finds dictionary
//! phrases on token edges (longest first), then composes them: an adjective or name before a
//! title (`Russian Foreign Minister`), a title followed by `of COUNTRY` (`Minister of Defence
//! of Russia`), a possessive (`Russia's foreign ministry`). Pronouns and dyad phrases (`we`,
//! `our country`, `the two countries`, `both sides`, `he`) become mentions whose actor is
//! filled from the document context. A title whose country is still unknown borrows it from
//! a country that closes its coordination (`the Minister of A and the Minister of B of
//! Russia`). Mentions without any country are dropped: they cannot be coded.

use dyad_dict::{ActorEntry, ActorKind, Dictionary};

use crate::sentence::Sent;

/// An actor's code or name. Codes, roles and most names fit in its 24 bytes without an
/// allocation, so actors are cheap to copy into the document context and the roles.
pub type Text = compact_str::CompactString;

/// A dictionary entry's code or role as an actor's.
fn text(o: &Option<String>) -> Option<Text> {
    o.as_deref().map(Text::from)
}

/// What a mention stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub country: Text,
    pub agent: Option<Text>,
    pub name: Option<Text>,
    /// A person's role (`president`), for resolving `the President` later.
    pub role: Option<Text>,
    pub is_person: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Referent {
    One(Actor),
    /// `the two countries`, `both sides`: both parties of the dyad in play.
    Pair(Box<Actor>, Box<Actor>),
}

#[derive(Clone, Debug)]
pub struct Mention {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub referent: Referent,
    /// How it was found: dictionary entries or a coreference rule. Empty unless the
    /// [`Context`] asks to explain.
    pub how: Vec<String>,
    pub kind: MentionKind,
}

impl Mention {
    /// The one actor named, unless it is a title whose country is still unknown.
    pub fn actor_with_country(&self) -> Option<&Actor> {
        match &self.referent {
            Referent::One(a) if !a.country.is_empty() => Some(a),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Country,
    /// A capital standing for its state (`Moscow said`), or naming a place (`talks in Abuja`).
    Capital,
    Igo,
    Body,
    Person,
    /// A title with a country: `the Russian Foreign Minister`.
    Title,
    /// A pronoun or dyad phrase resolved from context.
    Coref,
}

/// Context from the document that mentions are resolved against.
pub struct Context<'a> {
    pub speaker: Option<&'a Actor>,
    pub pair: Option<(&'a Actor, &'a Actor)>,
    pub last_person: Option<&'a Actor>,
    pub recent_people: &'a [Actor],
    /// `yyyymmdd` of the document, to choose among dated roles.
    pub date: Option<u32>,
    /// Keep news agencies as actors (to find who speaks in a dateline), not for coding.
    pub keep_media: bool,
    /// Say how each mention was found (for `dyad explain`); costs time, so off when coding.
    pub explain: bool,
    /// The first state actor of the previous sentence, for `it` and `they`.
    pub last_subject: Option<&'a Actor>,
    /// The country coordinated with it (`Ecuador and Peru met`): `they` are both.
    pub last_subject_partner: Option<&'a Actor>,
    /// Names the document introduced with a title (`spokesperson Maria Zakharova`), as
    /// normalized token sequences, with the actor they name.
    pub learned: &'a [(Vec<String>, Actor)],
}

/// How a mention was found, written only when the context asks to explain: most mentions are
/// never explained, and an empty list costs no allocation.
fn how(explain: bool, what: impl FnOnce() -> String) -> Vec<String> {
    if explain {
        vec![what()]
    } else {
        Vec::new()
    }
}

/// A name the document introduces, to recognise when it comes again.
pub type Learned = (Vec<String>, Actor);

/// A raw dictionary hit before composition: tokens `[start, end)` and the entry they name.
#[derive(Clone, Copy, Debug)]
struct Hit<'d> {
    start: usize,
    end: usize,
    kind: ActorKind,
    entry: &'d ActorEntry,
}

/// Whether tokens `[ts, te)`, with their dots dropped and joined by single spaces, are
/// `cased` (the exact form an `=US`-style phrase asks for).
fn surface_is(s: &Sent, ts: usize, te: usize, cased: &str) -> bool {
    let mut want = cased.bytes();
    for i in ts..te {
        if i > ts && want.next() != Some(b' ') {
            return false;
        }
        // A dot is one byte in UTF-8, never part of another character.
        if !s.text_of(i).bytes().filter(|&b| b != b'.').all(|b| want.next() == Some(b)) {
            return false;
        }
    }
    want.next().is_none()
}

/// Dictionary phrases of the sentence on token edges, longest first, non-overlapping.
fn hits<'d>(s: &Sent, dict: &'d Dictionary, date: Option<u32>) -> Vec<Hit<'d>> {
    let mut cands = dict.actors.find_at(&s.joined, s.token_starts());
    if cands.is_empty() {
        return Vec::new();
    }
    // `find_at` gives the tokens of each match; only a match at byte 0 may start on an empty
    // token before the first word (all start there, and the first token does), where the
    // token is the one `token_starting_at` says.
    // They come by start, so those at byte 0 first.
    if cands[0].start == 0 {
        let first = s.token_starting_at(0);
        for m in cands.iter_mut().take_while(|m| m.start == 0) {
            m.first = first.map_or(m.first, |t| t as u32);
        }
    }
    cands.sort_by(|a, b| (b.last - b.first).cmp(&(a.last - a.first)).then(a.first.cmp(&b.first)));
    let mut out: Vec<Hit> = Vec::with_capacity(cands.len());
    for m in cands {
        let (ts, te, phrase) = (m.first as usize, m.last as usize + 1, m.phrase);
        // A few hits a sentence: overlap with those taken is a look at each.
        if out.iter().any(|h| h.start < te && ts < h.end) {
            continue;
        }
        let mut best: Option<(u32, &ActorEntry)> = None;
        for link in dict.actors.entries_of(phrase) {
            if link.cased.as_deref().is_some_and(|cased| !surface_is(s, ts, te, cased)) {
                continue;
            }
            let e = &dict.actors.entries[link.entry as usize];
            let dist = date.map(|d| e.distance(d)).unwrap_or(0);
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, e));
            }
        }
        let Some((_, e)) = best else { continue };
        // A single lower-case word that is also a pronoun or common word needs its case:
        // `us` is not the United States.
        if te - ts == 1 && e.kind != ActorKind::Agent && all_lowercase(s.text_of(ts)) {
            continue;
        }
        out.push(Hit { start: ts, end: te, kind: e.kind, entry: e });
    }
    if !out.is_sorted_by_key(|h| h.start) {
        out.sort_by_key(|h| h.start);
    }
    out
}

/// Whether every character of `w` is lower case: an ASCII word in one pass over its bytes
/// (an ASCII character is lower case exactly when it is an ASCII lower-case letter), any
/// other by its characters.
fn all_lowercase(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().all(|b| b.is_ascii_lowercase())
    } else {
        w.chars().all(char::is_lowercase)
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// All mentions of the sentence, in order. Names introduced with a title are added to
/// `learn`, when given, for the sentences that follow.
pub fn find_mentions(s: &Sent, dict: &Dictionary, ctx: &Context, learn: Option<&mut Vec<Learned>>) -> Vec<Mention> {
    let named = named_mentions(s, dict, ctx, learn);
    resolve_mentions(s, ctx, named)
}

/// The actors the sentence names (dictionary phrases, composed titles, learned names), before
/// pronouns and dyad phrases are resolved: what does not depend on the dyad in play.
pub fn named_mentions(s: &Sent, dict: &Dictionary, ctx: &Context, learn: Option<&mut Vec<Learned>>) -> Vec<Mention> {
    let hs = hits(s, dict, ctx.date);
    // Titles extend over agent-only hits (`Vice-Premier of the Cabinet`) but stop at actors.
    let extend_title = |s: &Sent, end: usize| extend_title(s, end, &hs);
    let mut out: Vec<Mention> = Vec::with_capacity(hs.len());
    let mut i = 0;
    while i < hs.len() {
        let h = &hs[i];
        // A hit swallowed by the title before it (`Cabinet` in `Vice-Premier of the Cabinet`).
        if out.last().is_some_and(|m| h.start < m.end) {
            i += 1;
            continue;
        }
        let next = hs.get(i + 1);
        // Regions and media shadow what they contain but are no party to events: a news
        // agency reports, it does not act.
        if h.kind == ActorKind::Region || (h.entry.agent.as_deref() == Some("MED") && !ctx.keep_media) {
            i += 1;
            continue;
        }
        let how = |h: &Hit| format!("`{}` -> {} ({})", s.span_text(h.start, h.end), describe(h), h.entry.origin);
        // A country and a title after it make one titled actor: adjective or name + title
        // (`Russian Foreign Minister`, `DPRK Foreign Ministry`, named in full), or a possessive
        // (`Russia's foreign ministry`, named by the title).
        let adjacent = next.filter(|n| n.kind == ActorKind::Agent && n.start == h.end && matches!(h.kind, ActorKind::Adj | ActorKind::Name));
        let possessive = next.filter(|n| {
            n.kind == ActorKind::Agent && n.start == h.end + 1 && s.norm_opt(h.end) == Some("'s") && matches!(h.kind, ActorKind::Name | ActorKind::Capital)
        });
        if let Some((n, name_from)) = adjacent.map(|n| (n, h.start)).or(possessive.map(|n| (n, n.start))) {
            let end = extend_title(s, n.end);
            out.push(Mention {
                start: h.start,
                end,
                referent: Referent::One(Actor {
                    country: Text::from(h.entry.country.as_deref().unwrap_or_default()),
                    agent: text(&n.entry.agent),
                    name: Some(s.span_text(name_from, end).into()),
                    role: text(&n.entry.role),
                    is_person: false,
                }),
                how: if ctx.explain { vec![how(h), how(n)] } else { Vec::new() },
                kind: MentionKind::Title,
            });
            i += 2;
            continue;
        }
        match h.kind {
            ActorKind::Agent => {
                let end = extend_title(s, h.end);
                out.push(Mention {
                    start: h.start,
                    end,
                    referent: Referent::One(Actor {
                        country: Text::default(),
                        agent: text(&h.entry.agent),
                        name: Some(s.span_text(h.start, end).into()),
                        role: text(&h.entry.role),
                        is_person: false,
                    }),
                    how: self::how(ctx.explain, || how(h)),
                    kind: MentionKind::Title,
                });
            }
            _ => {
                let kind = match h.kind {
                    ActorKind::Person => MentionKind::Person,
                    ActorKind::Body => MentionKind::Body,
                    ActorKind::Igo => MentionKind::Igo,
                    ActorKind::Capital => MentionKind::Capital,
                    _ => MentionKind::Country,
                };
                let named = matches!(h.kind, ActorKind::Person | ActorKind::Body);
                out.push(Mention {
                    start: h.start,
                    end: h.end,
                    referent: Referent::One(Actor {
                        country: Text::from(h.entry.country.as_deref().unwrap_or_default()),
                        agent: text(&h.entry.agent).or_else(|| (h.kind == ActorKind::Person).then(|| Text::const_new("GOV"))),
                        name: named.then(|| s.span_text(h.start, h.end).into()),
                        role: text(&h.entry.role),
                        is_person: h.kind == ActorKind::Person,
                    }),
                    how: self::how(ctx.explain, || how(h)),
                    kind,
                });
            }
        }
        i += 1;
    }
    out.extend(learned_mentions(s, ctx, &out));
    sort_by_start(&mut out);
    attach_of_country(s, &mut out);
    let named = name_titles(s, &mut out, ctx.explain);
    if let Some(l) = learn {
        l.extend(named);
    }
    // A parenthesis is an aside (`Director General (South Asia and SAARC) X summoned`,
    // `the Democratic People's Republic of Korea (DPRK)`): what it names is no party. Without
    // an opening parenthesis every depth is 0. (A form `(` leaves its byte in the joined forms,
    // which are searched at once.)
    if !ctx.keep_media && has_byte(s.joined.as_bytes(), b'(') && s.norms.iter().any(|w| w == "(") {
        let mut depth = vec![0i32; s.tokens.len()];
        let mut d = 0;
        for (k, slot) in depth.iter_mut().enumerate() {
            match s.norms[k].as_str() {
                "(" => {
                    *slot = d + 1;
                    d += 1;
                }
                ")" => {
                    *slot = d;
                    d = (d - 1).max(0);
                }
                _ => *slot = d,
            }
        }
        out.retain(|m| depth.get(m.start).is_none_or(|&x| x == 0));
    }
    sort_by_start(&mut out);
    out
}

/// Whether `bytes` hold `x`: 16 bytes at a time, each block's test without a branch per byte
/// (the compiler makes it one vector comparison), as a sentence is a few such blocks; the
/// last block is the last 16 bytes, overlapping the one before.
fn has_byte(bytes: &[u8], x: u8) -> bool {
    let block = |c: &[u8]| c.iter().fold(false, |found, &b| found | (b == x));
    if bytes.len() < 16 {
        return block(bytes);
    }
    bytes.chunks_exact(16).any(block) || block(&bytes[bytes.len() - 16..])
}

/// Mentions in order of their starts, stably: they mostly are already, and then are left as
/// they are (which a stable sort would do too, at more cost).
fn sort_by_start(ms: &mut [Mention]) {
    if !ms.is_sorted_by_key(|m| m.start) {
        ms.sort_by_key(|m| m.start);
    }
}

/// `named` with pronouns and dyad phrases resolved against the context, titles without a
/// country resolved to people, and mentions that still have no country dropped.
pub fn resolve_mentions(s: &Sent, ctx: &Context, named: Vec<Mention>) -> Vec<Mention> {
    let mut out = named;
    out.extend(coref_mentions(s, ctx, &out));
    resolve_titles(s, ctx, &mut out);
    let uncoded = |m: &Mention| matches!(&m.referent, Referent::One(a) if a.country.is_empty());
    // Mostly every mention has its country, and none is moved.
    if out.iter().any(uncoded) {
        out.retain(|m| !uncoded(m));
    }
    sort_by_start(&mut out);
    out
}

/// Words that start with a capital but are no part of a person's name.
fn not_name(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "President" | "Minister" | "Mr" | "Mrs" | "Ms" | "Dr" | "Comrade" | "On" | "In" | "At" | "For" | "And" | "But"
            | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | "January" | "February" | "March"
            | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December" | "He" | "She" | "It"
            | "They" | "We" | "This" | "That" | "Foreign" | "Ministry" | "Affairs" | "General" | "Secretary" | "Prime" | "State"
    )
}

/// A capitalised word of letters and hyphens, not all capitals, that can be part of a name.
fn name_token(s: &Sent, k: usize) -> bool {
    let t = s.text_of(k);
    // Most tokens are ASCII: a lower-case or non-letter start settles it, and an ASCII word
    // is checked in one pass (not all capitals: a lower-case letter or a hyphen after the
    // first); a word with other characters takes the general test.
    if let [first, rest @ ..] = t.as_bytes() {
        if first.is_ascii() {
            if !first.is_ascii_uppercase() {
                return false;
            }
            let mut not_all_caps = false;
            let mut ascii = true;
            for &c in rest {
                if c.is_ascii_lowercase() || c == b'-' {
                    not_all_caps = true;
                } else if !c.is_ascii() {
                    ascii = false;
                    break;
                } else if !c.is_ascii_uppercase() {
                    return false;
                }
            }
            if ascii {
                return not_all_caps && !not_name(t);
            }
        }
    }
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphabetic() || c == '-')
        && t.chars().count() > 1
        && !t.chars().all(char::is_uppercase)
        && !not_name(t)
}

/// Lower-case particles inside names: `Alberto van Klaveren`, `Musaad bin Mohammed`.
fn particle(s: &Sent, k: usize) -> bool {
    matches!(s.norms[k].as_str(), "van" | "von" | "de" | "da" | "al" | "bin" | "el" | "der" | "le" | "la" | "di" | "du" | "ibn" | "dos" | "del")
}

/// Names the document taught earlier, on tokens no other mention covers.
fn learned_mentions(s: &Sent, ctx: &Context, found: &[Mention]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    if ctx.learned.is_empty() {
        return out;
    }
    let covered = |k: usize, out: &[Mention]| found.iter().chain(out.iter()).any(|m| m.start <= k && k < m.end);
    for k in 0..s.tokens.len() {
        if covered(k, &out) || !name_token(s, k) {
            continue;
        }
        let hit = ctx
            .learned
            .iter()
            .filter(|(name, _)| name.iter().enumerate().all(|(j, w)| s.norm_opt(k + j) == Some(w.as_str())))
            .max_by_key(|(name, _)| name.len());
        if let Some((name, actor)) = hit {
            out.push(Mention {
                start: k,
                end: k + name.len(),
                referent: Referent::One(actor.clone()),
                how: how(ctx.explain, || format!("`{}` -> {} (named earlier in the document)", name.join(" "), actor.name.clone().unwrap_or_default())),
                kind: MentionKind::Person,
            });
        }
    }
    out
}

/// A title with a country followed by a name (`Russian Foreign Ministry spokesperson Maria
/// Zakharova`), or a name followed by such a title in apposition (`Lynn Tracy, the US
/// ambassador`): the name is that titled person. Returns the names to remember.
fn name_titles(s: &Sent, ms: &mut Vec<Mention>, explain: bool) -> Vec<Learned> {
    let mut learned = Vec::new();
    let n = s.tokens.len();
    // Mentions keep their starts in this loop (only the titled one grows to the right).
    for i in 0..ms.len() {
        let is_title = ms[i].kind == MentionKind::Title && matches!(&ms[i].referent, Referent::One(a) if !a.country.is_empty());
        if !is_title {
            continue;
        }
        // TITLE Name Name
        let mut j = ms[i].end;
        while j < n && j < ms[i].end + 4 && !ms.iter().any(|m| m.start == j) && (name_token(s, j) || (j > ms[i].end && particle(s, j) && j + 1 < n && name_token(s, j + 1))) {
            j += 1;
        }
        if j - ms[i].end >= 2 {
            let name_from = ms[i].end;
            let name = s.span_text(name_from, j);
            if let Referent::One(a) = &mut ms[i].referent {
                a.name = Some(name.into());
                a.is_person = true;
                learned.push(((name_from..j).map(|k| s.norm(k)).collect(), a.clone()));
                learned.push((vec![s.norm(j - 1)], a.clone()));
            }
            ms[i].end = j;
            ms[i].kind = MentionKind::Person;
            if explain {
                ms[i].how.push(format!("`{name}` is the titled person"));
            }
        }
    }
    // Name Name , [the] TITLE: a name ends at least two tokens before a title with a
    // country, so no name starts at or after the last one's start less two (and none at all
    // without one, the common case); covered tokens are only looked at for capitalised words.
    let is_titled = |m: &Mention| m.kind == MentionKind::Title && matches!(&m.referent, Referent::One(a) if !a.country.is_empty());
    let scan_end = ms.iter().filter(|m| is_titled(m)).map(|m| m.start).max().map_or(0, |t| t.saturating_sub(2));
    let mut k = 0;
    while k < scan_end {
        if !name_token(s, k) || ms.iter().any(|m| m.start <= k && k < m.end) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < n
            && j < k + 4
            && (name_token(s, j) || (j > k && particle(s, j) && j + 1 < n && name_token(s, j + 1)))
            && !ms.iter().any(|m| m.start <= j && j < m.end)
        {
            j += 1;
        }
        let comma = s.norm_opt(j) == Some(",");
        let title = ms.iter().position(|m| m.start > j && m.start <= j + 4 && is_titled(m));
        if j - k >= 2 && comma {
            if let Some(t) = title {
                if let Referent::One(a) = &ms[t].referent {
                    let name = s.span_text(k, j);
                    let person = Actor { name: Some(name.into()), is_person: true, ..a.clone() };
                    learned.push(((k..j).map(|x| s.norm(x)).collect(), person.clone()));
                    learned.push((vec![s.norm(j - 1)], person.clone()));
                    ms.push(Mention {
                        start: k,
                        end: j,
                        referent: Referent::One(person),
                        how: how(explain, || format!("`{name}` is named by the title after it")),
                        kind: MentionKind::Person,
                    });
                }
            }
        }
        k = j.max(k + 1);
    }
    sort_by_start(ms);
    learned
}

fn describe(h: &Hit) -> String {
    let kind = format!("{:?}", h.kind).to_lowercase();
    let mut parts = vec![kind];
    if let Some(c) = &h.entry.country {
        parts.push(c.clone());
    }
    if let Some(a) = &h.entry.agent {
        parts.push(a.clone());
    }
    if h.kind == ActorKind::Person || h.kind == ActorKind::Body {
        parts.push(format!("\"{}\"", h.entry.name));
    }
    parts.join(" ")
}

/// A title runs on over `of`/`for` + capitalised words: `Minister of Development of Far
/// East and Arctic`. It stops before a known actor (that is composed separately): a token
/// of a hit other than a title's (a sentence has a few hits, each looked at).
fn extend_title(s: &Sent, mut end: usize, hs: &[Hit]) -> usize {
    let in_hit = |j: usize| hs.iter().any(|h| h.kind != ActorKind::Agent && h.start <= j && j < h.end);
    loop {
        let w = s.norm_opt(end);
        if !matches!(w, Some("of") | Some("for")) {
            return end;
        }
        let mut j = end + 1;
        if s.norm_opt(j) == Some("the") {
            j += 1;
        }
        let mut any = false;
        while j < s.tokens.len() {
            let t = s.text_of(j);
            if in_hit(j) {
                break;
            }
            if is_cap(t) && t != "The" {
                any = true;
                j += 1;
            } else if t == "and" && s.tokens.get(j + 1).is_some_and(|_| is_cap(s.text_of(j + 1)) && s.text_of(j + 1) != "The") {
                j += 1;
            } else {
                break;
            }
        }
        if !any {
            return end;
        }
        end = j;
    }
}

/// `TITLE of [the] COUNTRY` (or `in`, `from`: `students in Seoul`, `militants from Syria`) and
/// coordinated titles closed by `of COUNTRY` take that country.
fn attach_of_country(s: &Sent, ms: &mut Vec<Mention>) {
    let n = ms.len();
    if !ms.iter().any(|m| m.kind == MentionKind::Title && matches!(&m.referent, Referent::One(a) if a.country.is_empty())) {
        return;
    }
    let mut remove = vec![false; n];
    for i in 0..n {
        let is_title_without_country = ms[i].kind == MentionKind::Title
            && matches!(&ms[i].referent, Referent::One(a) if a.country.is_empty());
        if !is_title_without_country {
            continue;
        }
        // `the American diplomatic mission in Russia`: a country adjective a word or two
        // before the title is its country; `in Russia` is where it is.
        let adjective = (0..i).rev().find(|&a| {
            ms[a].kind == MentionKind::Country
                && ms[a].end < ms[i].start
                && ms[i].start - ms[a].end <= 2
                // Adjectives between (`diplomatic`, `permanent`), no verb or determiner.
                && (ms[a].end..ms[i].start).all(|k| {
                    let w = s.text_of(k);
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                        && !matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "and" | "or" | "to" | "of" | "in" | "with" | "by")
                })
        });
        if let Some(a) = adjective.filter(|&a| !remove[a]) {
            if let Referent::One(adj) = &ms[a].referent {
                let country = adj.country.clone();
                ms[i].start = ms[a].start;
                let name = s.span_text(ms[i].start, ms[i].end);
                if let Referent::One(t) = &mut ms[i].referent {
                    t.country = country;
                    t.name = Some(name.into());
                }
                let extra = ms[a].how.clone();
                ms[i].how.extend(extra);
                remove[a] = true;
                continue;
            }
        }
        // Walk right through a coordination of titles until a country-bearing mention.
        let mut j = i + 1;
        let mut last_end = ms[i].end;
        let mut found = None;
        while j < n {
            let gap_ok = (last_end..ms[j].start).all(|k| {
                let w = &s.norms[k];
                matches!(w.as_str(), "," | "and" | "the" | "of" | "for" | "-" | "in") || is_cap(s.text_of(k))
            });
            if !gap_ok {
                break;
            }
            let has_country = matches!(&ms[j].referent, Referent::One(a) if !a.country.is_empty());
            if has_country && !matches!(ms[j].kind, MentionKind::Person) {
                // Only `of COUNTRY` or `COUNTRY's` closes a coordination; a bare neighbour does not.
                let prev = s.norm_opt(ms[j].start.wrapping_sub(1)).unwrap_or("");
                let prev2 = s.norm_opt(ms[j].start.wrapping_sub(2)).unwrap_or("");
                let link = |w: &str| matches!(w, "of" | "in" | "from");
                if link(prev) || (prev == "the" && link(prev2)) {
                    found = Some(j);
                }
                break;
            }
            last_end = ms[j].end;
            j += 1;
        }
        if let Some(j) = found {
            let country = match &ms[j].referent {
                Referent::One(a) => a.country.clone(),
                Referent::Pair(..) => continue,
            };
            for m in &mut ms[i..j] {
                if let Referent::One(a) = &mut m.referent {
                    if a.country.is_empty() {
                        a.country = country.clone();
                    }
                }
            }
            // `Minister of Foreign Affairs of the DPRK` with a single title: one mention.
            if j == i + 1 {
                let end = ms[j].end;
                ms[i].end = end;
                let name = s.span_text(ms[i].start, end);
                if let Referent::One(a) = &mut ms[i].referent {
                    a.name = Some(name.into());
                }
                let extra = ms[j].how.clone();
                ms[i].how.extend(extra);
                remove[j] = true;
            }
        }
    }
    let mut k = 0;
    ms.retain(|_| {
        k += 1;
        !remove[k - 1]
    });
}

const PAIR_PHRASES: &[&[&str]] = &[
    &["the", "two", "countries"],
    &["the", "two", "sides"],
    &["both", "sides"],
    &["both", "countries"],
    &["the", "two", "nations"],
    &["both", "nations"],
    &["the", "two", "states"],
    &["the", "two", "leaders"],
    &["the", "two", "presidents"],
    &["the", "two", "prime", "ministers"],
    &["the", "two", "premiers"],
    &["both", "leaders"],
    &["the", "two", "parties"],
    &["the", "two", "governments"],
    &["both", "governments"],
    &["the", "two", "heads", "of", "state"],
    &["the", "supreme", "leaders", "of", "the", "two", "countries"],
    &["the", "top", "leaders", "of", "the", "two", "countries"],
    &["the", "leaders", "of", "the", "two", "countries"],
    &["the", "peoples", "of", "the", "two", "countries"],
    &["the", "two", "peoples"],
    &["the", "two", "ministers"],
    &["the", "two", "foreign", "ministers"],
    &["the", "two", "delegations"],
    &["each", "other"],
    &["one", "another"],
];

const SPEAKER_PHRASES: &[&[&str]] = &[
    &["our", "country"],
    &["our", "state"],
    &["our", "republic"],
    &["our", "people"],
    &["our", "government"],
    &["our", "side"],
    &["our", "nation"],
    &["our", "army"],
    &["our", "party"],
    &["we"],
    &["us"],
    &["i"],
];

/// The first words of [`PAIR_PHRASES`]: most tokens open none, and need not be tried.
fn opens_pair_phrase(w: &str) -> bool {
    matches!(w, "the" | "both" | "each" | "one")
}

/// The second words of [`PAIR_PHRASES`]: after most openers (`the`) comes none of them. By
/// first letter, as in [`opens_coref`].
fn continues_pair_phrase(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else { return false };
    match first {
        b't' => matches!(w, "two" | "top"),
        b's' => matches!(w, "sides" | "supreme"),
        b'c' => w == "countries",
        b'n' => w == "nations",
        b'l' => w == "leaders",
        b'g' => w == "governments",
        b'p' => w == "peoples",
        b'o' => w == "other",
        b'a' => w == "another",
        _ => false,
    }
}

/// The first words of [`SPEAKER_PHRASES`].
fn opens_speaker_phrase(w: &str) -> bool {
    matches!(w, "our" | "we" | "us" | "i")
}

/// The words a pronoun or dyad phrase can start with: [`coref_mentions`] passes over any
/// other token. Those of [`opens_pair_phrase`] and [`opens_speaker_phrase`] and the pronouns
/// and nouns [`coref_mentions`] looks for, by first letter: most words are settled by it, the
/// rest by one or a few comparisons.
fn opens_coref(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else { return false };
    match first {
        b't' => matches!(w, "the" | "they" | "them" | "telegram"),
        b'b' => w == "both",
        b'e' => w == "each",
        b'o' => matches!(w, "one" | "our"),
        b'w' => w == "we",
        b'u' => w == "us",
        b'i' => matches!(w, "i" | "it"),
        b'm' => w == "message",
        b'l' => w == "letter",
        b'c' => w == "cable",
        b'h' => matches!(w, "he" | "him" | "his" | "her"),
        b's' => w == "she",
        _ => false,
    }
}

fn agent_of_phrase(words: &[&str]) -> Option<Text> {
    let last = *words.last()?;
    Some(
        match last {
            "people" | "peoples" | "nation" => "CVL",
            "army" => "MIL",
            "party" => "PTY",
            "leaders" | "governments" | "government" | "ministers" | "delegations" | "state" => "GOV",
            _ => return None,
        }
        .into(),
    )
}

fn matches_at(s: &Sent, at: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| s.norm_opt(at + k) == Some(*w))
}

/// Pronouns and dyad phrases, resolved against the document context.
fn coref_mentions(s: &Sent, ctx: &Context, found: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    let covered = |k: usize| found.iter().any(|m| m.start <= k && k < m.end);
    let mut k = 0;
    while k < s.tokens.len() {
        // Most tokens open nothing: pass over them in one tight loop.
        let Some(skip) = s.norms.get(k..).and_then(|rest| rest.iter().position(|w| opens_coref(w))) else { break };
        k += skip;
        let w = s.norms[k].as_str();
        if covered(k) {
            k += 1;
            continue;
        }
        let mut matched = false;
        let pair_opener = opens_pair_phrase(w);
        if let Some((a, b)) = ctx.pair.filter(|_| pair_opener && s.norm_opt(k + 1).is_some_and(continues_pair_phrase)) {
            for p in PAIR_PHRASES {
                if matches_at(s, k, p) {
                    let agent = agent_of_phrase(p);
                    let with = |x: &Actor| Actor { agent: agent.clone().or(x.agent.clone()), name: None, role: None, is_person: false, country: x.country.clone() };
                    out.push(Mention {
                        start: k,
                        end: k + p.len(),
                        referent: Referent::Pair(Box::new(with(a)), Box::new(with(b))),
                        how: how(ctx.explain, || format!("`{}` -> the dyad in play {}-{}", p.join(" "), a.country, b.country)),
                        kind: MentionKind::Coref,
                    });
                    k += p.len();
                    matched = true;
                    break;
                }
            }
        }
        // A pair phrase's opener (`the`) opens nothing else.
        if matched {
            continue;
        }
        if pair_opener {
            k += 1;
            continue;
        }
        if let (Some(sp), true) = (ctx.speaker, opens_speaker_phrase(w)) {
            for p in SPEAKER_PHRASES {
                // `us` and `I` only as the pronoun: lower-case `us`, capital `I`.
                let surface = s.text_of(k);
                if p.len() == 1 && ((p[0] == "us" && surface != "us") || (p[0] == "i" && surface != "I")) {
                    continue;
                }
                if matches_at(s, k, p) {
                    let agent = agent_of_phrase(p).or(Some("GOV".into()));
                    out.push(Mention {
                        start: k,
                        end: k + p.len(),
                        referent: Referent::One(Actor { agent, name: None, role: None, is_person: false, country: sp.country.clone() }),
                        how: how(ctx.explain, || format!("`{}` -> the speaker {}", p.join(" "), sp.country)),
                        kind: MentionKind::Coref,
                    });
                    k += p.len();
                    matched = true;
                    break;
                }
            }
        }
        if matched {
            continue;
        }
        // `It conducted a drill`, `They rejected the offer`: the previous sentence's subject.
        // Not the `it` of `it is surprising that`, `it was reported`.
        if matches!(w, "it" | "they") {
            // `It has been reported` is expletive; `It has made a contribution` is not.
            // Only `it` is ever expletive: `They will meet` is a subject.
            let perfect = matches!(s.norm_opt(k + 1), Some("has" | "had" | "have"));
            let expletive = if w == "they" {
                false
            } else if perfect {
                s.norm_opt(k + 2) == Some("been")
            } else {
                matches!(
                    s.norm_opt(k + 1),
                    Some("is" | "was" | "seems" | "appears" | "remains" | "would" | "will" | "may" | "might" | "must" | "'s" | "are" | "were")
                )
            };
            // `the Japanese side clarified that it can never accept`: a subject named earlier
            // in this sentence comes first.
            let in_sentence = (k > 0 && w == "it")
                .then(|| {
                    found
                        .iter()
                        .filter(|m| m.end <= k && m.kind != MentionKind::Coref && !crate::roles::preceded_by_preposition(s, m))
                        .find_map(|m| m.actor_with_country())
                })
                .flatten();
            if let (false, Some(a)) = (expletive, in_sentence) {
                out.push(Mention { start: k, end: k + 1, referent: Referent::One(a.clone()), how: how(ctx.explain, || format!("`{w}` -> this sentence's subject {}", a.country)), kind: MentionKind::Coref });
                k += 1;
                continue;
            }
            if let (false, Some(a)) = (expletive, ctx.last_subject) {
                let partner = ctx.last_subject_partner.filter(|_| w == "they");
                let referent = match partner {
                    Some(b) => Referent::Pair(Box::new(a.clone()), Box::new(b.clone())),
                    None => Referent::One(a.clone()),
                };
                let how = how(ctx.explain, || match partner {
                    Some(b) => format!("`{w}` -> the previous sentence's subjects {} and {}", a.country, b.country),
                    None => format!("`{w}` -> the previous sentence's subject {}", a.country),
                });
                out.push(Mention { start: k, end: k + 1, referent, how, kind: MentionKind::Coref });
            }
            k += 1;
            continue;
        }
        // `If Iran strikes us, we will hit them`: `them` is the party named last before it in
        // the sentence, else the previous sentence's subject.
        if w == "them" {
            let named = found.iter().rev().find(|m| m.end <= k && m.kind != MentionKind::Coref && m.actor_with_country().is_some());
            let referent = named.map(|m| m.referent.clone()).or_else(|| ctx.last_subject.map(|a| Referent::One(a.clone())));
            if let Some(r) = referent {
                out.push(Mention { start: k, end: k + 1, referent: r, how: how(ctx.explain, || "`them` -> the party named last before it".into()), kind: MentionKind::Coref });
            }
            k += 1;
            continue;
        }
        // `The message expressed the conviction ...`: a message, letter or telegram speaks
        // for its sender, the previous sentence's subject.
        if matches!(w, "message" | "letter" | "telegram" | "cable")
            && k > 0
            && matches!(s.norms[k - 1].as_str(), "the" | "this" | "his" | "her")
            && !matches!(s.norm_opt(k + 1), Some("of" | "to" | "from" | "was" | "is" | "were"))
        {
            if let Some(a) = ctx.last_subject {
                out.push(Mention {
                    start: k - 1,
                    end: k + 1,
                    referent: Referent::One(a.clone()),
                    how: how(ctx.explain, || format!("`the {w}` -> its sender, the previous sentence's subject {}", a.country)),
                    kind: MentionKind::Coref,
                });
                k += 1;
                continue;
            }
        }
        if matches!(w, "he" | "she" | "him" | "his" | "her") {
            // `He said he told Modi that he asked ...`: the sentence's opening pronoun goes on;
            // else the nearest person named earlier in this sentence, else in the document.
            let opening = out.iter().find(|m| m.start == 0 && m.kind == MentionKind::Coref && matches!(s.norm_opt(0), Some("he" | "she")));
            let opening = opening.filter(|_| matches!(w, "he" | "she")).map(|m| &m.referent);
            let in_sentence = found.iter().rev().find(|m| m.end <= k && m.kind == MentionKind::Person).map(|m| &m.referent);
            let person = opening.or(in_sentence).and_then(|r| match r {
                Referent::One(a) => Some(a),
                _ => None,
            });
            if let Some(p) = person.or(ctx.last_person) {
                out.push(Mention {
                    start: k,
                    end: k + 1,
                    referent: Referent::One(p.clone()),
                    how: how(ctx.explain, || format!("`{w}` -> {}", p.name.clone().unwrap_or_default())),
                    kind: MentionKind::Coref,
                });
            }
        }
        k += 1;
    }
    out
}

/// `the President`, `the prime minister`: a definite title without a country refers to the
/// most recent person of the document with that role.
fn resolve_titles(s: &Sent, ctx: &Context, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        let Referent::One(a) = &mut m.referent else { continue };
        if !a.country.is_empty() || m.kind != MentionKind::Title {
            continue;
        }
        let head = s.text_of(m.start);
        let after_the = m.start > 0 && s.norm(m.start - 1) == "the";
        // `The President said`, `the prime minister wrote`: a definite title; a bare `ministers`
        // names nobody in particular.
        if !(after_the || (m.start == 0 && is_cap(head))) {
            continue;
        }
        let title = s.span_text(m.start, m.end).to_lowercase();
        let found = ctx.recent_people.iter().rev().find(|p| {
            p.role.as_deref().is_some_and(|r| r.contains(&title) || title.contains(r))
        });
        if let Some(p) = found {
            *a = p.clone();
            if ctx.explain {
                m.how.push(format!("title `{title}` -> {}", p.name.clone().unwrap_or_default()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_tokens() {
        let lemmas = dyad_dict::Lemmatizer::new();
        let text = "Maria Zakharova-Ivanova of the MFA , O'Neil Élodie ÉTAT Ö X- A-B Al-Sayed X2 The Ms x Éa";
        let arena = bumpalo::Bump::new();
        let s = Sent::new(text, &lemmas, &arena);
        let general = |t: &str| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().all(|c| c.is_alphabetic() || c == '-')
                && t.chars().count() > 1
                && !t.chars().all(char::is_uppercase)
                && !not_name(t)
        };
        for k in 0..s.tokens.len() {
            assert_eq!(name_token(&s, k), general(s.text_of(k)), "{}", s.text_of(k));
        }
        let names: Vec<&str> = (0..s.tokens.len()).filter(|&k| name_token(&s, k)).map(|k| s.text_of(k)).collect();
        assert_eq!(names, ["Maria", "Zakharova", "Ivanova", "Neil", "Élodie", "Al", "Sayed", "Éa"]);
    }

    /// `has_byte` answers as `contains`, for every length around its 16-byte blocks and the
    /// byte anywhere.
    #[test]
    fn byte_found_as_contains() {
        for n in 0..50 {
            let plain = vec![b'a'; n];
            assert!(!has_byte(&plain, b'('), "{n}");
            for at in 0..n {
                let mut v = plain.clone();
                v[at] = b'(';
                assert_eq!(has_byte(&v, b'('), v.contains(&b'('), "{n} {at}");
            }
        }
    }

    /// `all_lowercase` answers as the test it replaced, every character's `is_lowercase`.
    #[test]
    fn lowercase_words() {
        for w in ["", "us", "Us", "US", "u.s", "élysée", "Élysée", "ß", "straße", "x1", "'s", "-", "abc", "abC", "ǅ", "ﬁ", "ǈa"] {
            assert_eq!(all_lowercase(w), w.chars().all(|c| c.is_lowercase()), "{w}");
        }
    }

    #[test]
    fn phrase_openers_cover_every_phrase() {
        assert!(PAIR_PHRASES.iter().all(|p| opens_pair_phrase(p[0]) && continues_pair_phrase(p[1])));
        assert!(SPEAKER_PHRASES.iter().all(|p| opens_speaker_phrase(p[0])));
        // `opens_coref` holds every opener of a phrase and every word `coref_mentions` tests.
        let words = ["it", "they", "them", "message", "letter", "telegram", "cable", "he", "she", "him", "his", "her"];
        let openers: Vec<&str> = PAIR_PHRASES.iter().chain(SPEAKER_PHRASES).map(|p| p[0]).chain(words).collect();
        for w in &openers {
            assert!(opens_coref(w), "{w}");
        }
        for w in ["", "t", "th", "then", "there", "bot", "we'", "ours", "ii", "hers", "cables", "of", "in", "said", "The", "It"] {
            assert!(!opens_coref(w), "{w}");
        }
        // Each opener of a pair phrase opens only pair phrases (`coref_mentions` goes on after
        // one that opens none here).
        let speaker = |w: &str| SPEAKER_PHRASES.iter().any(|p| p[0] == w);
        assert!(openers.iter().all(|w| !(opens_pair_phrase(w) && (speaker(w) || words.contains(w)))));
        for w in ["", "tw", "twos", "side", "others", "Two", "united", "talks"] {
            assert!(!continues_pair_phrase(w), "{w}");
        }
    }
}
