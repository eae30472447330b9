//! Actor and agent entries and the phrase table that finds them in text.
//!
//! [`ActorIndex`] holds every [`ActorEntry`] (a state's name, adjective or capital; an IGO; an
//! institution; a person with a dated role; a generic agent title) and one hash table of all
//! their phrases in normalized form (`normalize_phrase`) and of the runs of first words that
//! begin them. Matching is on the normalized token string of a sentence, whole words at a
//! time, so every match starts and ends on token edges; the coder maps them to tokens and
//! checks case-sensitive phrases and dates. One phrase may name several entries (Putin as
//! president and as prime minister): [`ActorIndex::entries_of`] returns all of them.

use crate::packed::{packed, Packed, PackedMap};
use crate::{fields, normalize_phrase, Diagnostic, FastMap, Origin};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A state's name or short name.
    Name,
    /// A state's adjective or demonym.
    Adj,
    /// A capital used for the state.
    Capital,
    /// An institution of a state or an IGO organ.
    Body,
    /// A named person with a role.
    Person,
    /// An intergovernmental organisation.
    Igo,
    /// A generic title or noun that names an agent but no country (`foreign minister`).
    Agent,
    /// A region or bloc (`the West`, `Latin America`): matched so that it shadows shorter
    /// phrases inside it, never coded.
    Region,
}

#[derive(Clone, Debug)]
pub struct ActorEntry {
    pub country: Option<String>,
    pub agent: Option<String>,
    /// Role bounds as `yyyymmdd`, inclusive.
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// The entry's first (most formal) phrase.
    pub name: String,
    pub origin: Origin,
}

impl ActorEntry {
    /// Days between `date` (`yyyymmdd`) and the role's bounds; 0 when inside.
    pub fn distance(&self, date: u32) -> u32 {
        let days = |d: u32| (d / 10000) * 372 + ((d / 100) % 100) * 31 + d % 100;
        match (self.from, self.to) {
            (Some(f), _) if date < f => days(f) - days(date),
            (_, Some(t)) if date > t => days(date) - days(t),
            _ => 0,
        }
    }
}

/// One phrase's link to an entry.
#[derive(Clone, Debug)]
pub struct PhraseLink {
    pub entry: u32,
    /// For `=US`-style phrases: the exact token forms (dots dropped) that must appear.
    pub cased: Option<String>,
}

/// A phrase found in a normalized token string: bytes `[start, end)` of that string.
#[derive(Clone, Copy, Debug)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub phrase: u32,
    /// With [`ActorIndex::find_at`], the tokens (indices in its `starts`) whose words begin
    /// and end the match: of the empty tokens before the first word, which all start at 0,
    /// `first` is the word's own, not one of them.
    pub first: u32,
    pub last: u32,
}

/// No phrase: the node is only the beginning of longer ones.
const NO_PHRASE: u32 = u32::MAX;

/// What a node of [`ActorIndex`]'s word trie is: a phrase, the beginning of longer phrases
/// (its first words), both, or neither (a word that only ever comes later in a phrase).
#[derive(Clone, Copy, Debug)]
struct Slot {
    phrase: u32,
    longer: bool,
}

/// The flag of a word's value in [`ActorIndex::words`] that says a phrase is or begins with the
/// word alone, so the scan of a sentence learns it from the same look-up that numbers the word.
const BEGINS: u32 = 1 << 31;

/// No word of any phrase: every bit of a number, and no [`BEGINS`].
const NO_WORD: u32 = BEGINS - 1;

/// A word's number (its one-word node), without the [`BEGINS`] flag.
#[inline]
fn number(value: u32) -> u32 {
    value & !BEGINS
}

const NOTHING: Slot = Slot { phrase: NO_PHRASE, longer: false };

/// The key of the edge from `node` on `word` in [`ActorIndex::next`].
#[inline]
fn edge(node: u32, word: u32) -> Packed {
    // The high half is 0, so no key is `PackedMap`'s empty one.
    [u64::from(node) | u64::from(word) << 32, 0]
}

/// The phrase index is a trie of words: every word of every phrase has a number (`words`), a
/// one-word run's node is its word's number, and a longer run's node is found from the node of
/// the run without its last word and that word's number (`next`). A token is thus looked up
/// once, as a packed number, and a run is extended by one integer look-up per word, where a
/// table of joined phrase strings had to hash the run's bytes again for every length.
pub struct ActorIndex {
    pub entries: Vec<ActorEntry>,
    links: Vec<Vec<PhraseLink>>,
    phrases: Vec<String>,
    /// Every word of a phrase of at most 15 bytes (what lies between single spaces: `st  kitts`
    /// has `st`, the empty word and `kitts`), packed, and its number, which is also its
    /// one-word node, with [`BEGINS`] when that node is a phrase or begins longer ones.
    words: PackedMap<u32>,
    /// The longer words and their numbers, flagged the same way.
    long_words: FastMap<Box<[u8]>, u32>,
    /// Each node's slot: the phrase it is, whether longer phrases begin with it.
    nodes: Vec<Slot>,
    /// The node of a run of words from its node without the last word and that word.
    next: PackedMap<u32>,
}


impl ActorIndex {
    /// Every occurrence of a phrase in a normalized token string (tokens' normal forms joined
    /// by single spaces) that starts at a token and ends at the end of a non-empty one,
    /// overlapping ones included, by start and then end.
    ///
    /// A phrase is normalized the same way, so an occurrence on token edges is a run of whole
    /// words of the string; each word that begins a phrase is extended a word at a time while
    /// what it covers begins some phrase. Normal forms hold no spaces, but may be empty (a
    /// lone `.`): an empty token leaves two spaces in a row, and a phrase can hold them too
    /// (`St. Kitts`: `st  kitts`), so words here are what lies between single spaces.
    pub fn find(&self, normalized: &str) -> Vec<PhraseMatch> {
        let starts: Vec<usize> =
            std::iter::once(0).chain(normalized.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i + 1)).collect();
        self.find_at(normalized, &starts)
    }

    /// [`find`](Self::find) when the caller knows where each token starts in `normalized`
    /// (the string is not scanned for spaces). `starts` are offsets in increasing order, one
    /// per token; empty tokens before the first word all start at 0. A token's word (from its
    /// start to the space before the next token) holds no space.
    pub fn find_at(&self, normalized: &str, starts: &[usize]) -> Vec<PhraseMatch> {
        // Most sentences name an actor or two, a few name more: room for them at once.
        let mut out = Vec::with_capacity(8);
        let bytes = normalized.as_bytes();
        let n = starts.len();
        // Where token `t`'s word ends: before the next token's separator, or at the end.
        let end_of = |t: usize| starts.get(t + 1).map_or(bytes.len(), |&e| e.saturating_sub(1));
        // First every token's word is looked up once: its number, for the runs that reach it,
        // and (the same look-up's flag) a bit if a phrase begins with it. Then only those
        // tokens are visited. A sentence's numbers and bits fit on the stack.
        const STACK: usize = 64;
        let (mut ids_stack, mut bits_stack) = ([NO_WORD; STACK], [0u64; STACK / 64]);
        let (mut ids_heap, mut bits_heap) = (Vec::new(), Vec::new());
        let (ids, bits): (&mut [u32], &mut [u64]) = if n <= STACK {
            (&mut ids_stack[..n], &mut bits_stack[..n.div_ceil(64)])
        } else {
            ids_heap.resize(n, NO_WORD);
            bits_heap.resize(n.div_ceil(64), 0);
            (&mut ids_heap, &mut bits_heap)
        };
        for (t, (id, &a)) in ids.iter_mut().zip(starts).enumerate() {
            let next = starts.get(t + 1).copied();
            let value = self.word_in(bytes, a, next.map_or(bytes.len(), |e| e.saturating_sub(1)));
            *id = number(value);
            // An empty token before the first word (all start at 0) has no word of its own.
            if value & BEGINS != 0 && next != Some(a) {
                bits[t / 64] |= 1 << (t % 64);
            }
        }
        for (k, &word) in bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let i = k * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let start = starts[i];
                let mut node = ids[i];
                let mut last = i;
                loop {
                    let slot = self.nodes[node as usize];
                    if slot.phrase != NO_PHRASE {
                        // A match must not end on an empty token.
                        let end = end_of(last);
                        if end > starts[last] {
                            out.push(PhraseMatch { start, end, phrase: slot.phrase, first: i as u32, last: last as u32 });
                        }
                    }
                    if !slot.longer || last + 1 == n {
                        break;
                    }
                    last += 1;
                    let w = ids[last];
                    let Some(next) = (w != NO_WORD).then(|| self.next.get(edge(node, w))).flatten() else { break };
                    node = next;
                }
            }
        }
        out
    }

    pub fn entries_of(&self, phrase: u32) -> &[PhraseLink] {
        &self.links[phrase as usize]
    }

    pub fn phrase(&self, phrase: u32) -> &str {
        &self.phrases[phrase as usize]
    }

    /// The value of the word `bytes[a..e]` (its number, flagged with [`BEGINS`]), or
    /// [`NO_WORD`] if it is no word of any phrase.
    #[inline(always)]
    fn word_in(&self, bytes: &[u8], a: usize, e: usize) -> u32 {
        /// The low `len` bytes of a `u64`, by `len`.
        const MASKS: [u64; 9] = {
            let mut m = [0u64; 9];
            let mut len = 1;
            while len <= 8 {
                m[len] = u64::MAX >> (8 * (8 - len));
                len += 1;
            }
            m
        };
        let len = e.wrapping_sub(a);
        // Most words have at most 8 bytes and 8 bytes follow their start: one read, masked,
        // is their packed number (`packed`: the bytes from the low end, the length on top);
        // a word of 9 to 15 bytes followed by enough bytes takes two.
        if len <= 8 {
            if let Some(chunk) = bytes.get(a..a + 8) {
                let lo = u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & MASKS[len];
                return self.words.get([lo, (len as u64) << 56]).unwrap_or(NO_WORD);
            }
        } else if len <= 15 {
            if let Some(chunk) = bytes.get(a..a + 16) {
                let lo = u64::from_le_bytes(chunk[..8].try_into().expect("8 bytes"));
                let hi = u64::from_le_bytes(chunk[8..].try_into().expect("8 bytes")) & MASKS[len - 8];
                return self.words.get([lo, hi | (len as u64) << 56]).unwrap_or(NO_WORD);
            }
        }
        bytes.get(a..e).and_then(|w| self.word(w)).unwrap_or(NO_WORD)
    }

    /// The value of a phrase's word: its number, flagged with [`BEGINS`].
    #[inline]
    fn word(&self, w: &[u8]) -> Option<u32> {
        match packed(w) {
            Some(p) => self.words.get(p),
            None => self.long_word(w),
        }
    }

    /// The number of a word of more than 15 bytes (rare), out of the short words' way.
    #[cold]
    #[inline(never)]
    fn long_word(&self, w: &[u8]) -> Option<u32> {
        self.long_words.get(w).copied()
    }

    /// The node of a run of words, if some phrase begins with it.
    fn node_of<'w>(&self, mut words: impl Iterator<Item = &'w str>) -> Option<u32> {
        let mut node = number(self.word(words.next()?.as_bytes())?);
        for w in words {
            node = self.next.get(edge(node, number(self.word(w.as_bytes())?)))?;
        }
        Some(node)
    }

    /// Every entry whose phrases include `normalized` exactly.
    pub fn lookup(&self, normalized: &str) -> Vec<&ActorEntry> {
        self.node_of(normalized.split(' '))
            .map(|n| self.nodes[n as usize])
            .filter(|s| s.phrase != NO_PHRASE)
            .map(|s| self.links[s.phrase as usize].iter().map(|l| &self.entries[l.entry as usize]).collect())
            .unwrap_or_default()
    }
}

#[derive(Default)]
pub(crate) struct Builder {
    entries: Vec<ActorEntry>,
    /// Each phrase's number, so a phrase named twice is one phrase.
    ids: FastMap<String, u32>,
    phrases: Vec<String>,
    links: Vec<Vec<PhraseLink>>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as `yyyymmdd`, filling missing parts from `fill`.
fn parse_bound(s: &str, upper: bool) -> Result<Option<u32>, ()> {
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| ());
    let y = num(parts[0])?;
    let m = if parts.len() > 1 { num(parts[1])? } else if upper { 12 } else { 1 };
    let d = if parts.len() > 2 { num(parts[2])? } else if upper { 31 } else { 1 };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || parts.len() > 3 || !(1000..=2999).contains(&y) {
        return Err(());
    }
    Ok(Some(y * 10000 + m * 100 + d))
}

fn is_actor_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl Builder {
    fn add_phrases(&mut self, entry: u32, phrases: &str) {
        for p in phrases.split('|') {
            let p = p.trim();
            let (cased, p) = match p.strip_prefix('=') {
                Some(rest) => (true, rest),
                None => (false, p),
            };
            let norm = normalize_phrase(p);
            if norm.is_empty() {
                continue;
            }
            let cased = cased.then(|| {
                dyad_text::tokenize(p).iter().map(|t| t.span.of(p).replace('.', "")).collect::<Vec<_>>().join(" ")
            });
            let id = match self.ids.get(&norm) {
                Some(&id) => id,
                None => self.add_phrase(norm),
            };
            self.links[id as usize].push(PhraseLink { entry, cased });
        }
    }

    pub(crate) fn load_actors(&mut self, file: &'static str, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, line) in text.lines().enumerate() {
            let Some(f) = fields(line).map(Iterator::collect::<Vec<_>>) else { continue };
            let origin = Origin { file, line: n as u32 + 1 };
            let bad = |m: &str| Diagnostic { origin, message: m.to_string() };
            let [country, agent, from, to, kind, role, phrases, ..] = f.as_slice() else {
                diags.push(bad("expected 8 TAB-separated fields: country agent from to kind role phrases origin"));
                continue;
            };
            if !is_actor_code(country) {
                diags.push(bad(&format!("`{country}` is not an actor code")));
                continue;
            }
            let kind = match *kind {
                "name" if file.ends_with("igos.tsv") => ActorKind::Igo,
                "name" => ActorKind::Name,
                "adj" => ActorKind::Adj,
                "capital" => ActorKind::Capital,
                "body" => ActorKind::Body,
                "person" => ActorKind::Person,
                "igo" => ActorKind::Igo,
                "region" => ActorKind::Region,
                k => {
                    diags.push(bad(&format!("unknown kind `{k}`")));
                    continue;
                }
            };
            let (Ok(from), Ok(to)) = (parse_bound(from, false), parse_bound(to, true)) else {
                diags.push(bad("dates must be YYYY, YYYY-MM or YYYY-MM-DD"));
                continue;
            };
            let opt = |s: &str| (!s.is_empty() && s != "-").then(|| s.to_string());
            let name = phrases.split('|').next().unwrap_or("").trim().trim_start_matches('=').to_string();
            let id = self.entries.len() as u32;
            self.entries.push(ActorEntry {
                country: Some(country.to_string()),
                agent: opt(agent),
                from,
                to,
                kind,
                role: opt(role),
                name,
                origin,
            });
            self.add_phrases(id, phrases);
        }
    }

    pub(crate) fn load_agents(&mut self, file: &'static str, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, line) in text.lines().enumerate() {
            let Some(f) = fields(line).map(Iterator::collect::<Vec<_>>) else { continue };
            let origin = Origin { file, line: n as u32 + 1 };
            let [agent, phrases, ..] = f.as_slice() else {
                diags.push(Diagnostic { origin, message: "expected `agent<TAB>phrases<TAB>origin`".into() });
                continue;
            };
            if !is_actor_code(agent) {
                diags.push(Diagnostic { origin, message: format!("`{agent}` is not an agent code") });
                continue;
            }
            let id = self.entries.len() as u32;
            let name = phrases.split('|').next().unwrap_or("").trim().to_string();
            self.entries.push(ActorEntry {
                country: None,
                agent: Some(agent.to_string()),
                from: None,
                to: None,
                kind: ActorKind::Agent,
                role: Some(name.to_lowercase()),
                name,
                origin,
            });
            self.add_phrases(id, phrases);
        }
    }

    /// A new phrase's id.
    fn add_phrase(&mut self, norm: String) -> u32 {
        let id = self.phrases.len() as u32;
        self.ids.insert(norm.clone(), id);
        self.phrases.push(norm);
        self.links.push(Vec::new());
        id
    }

    /// The index, with the word trie of every phrase: words numbered in the order they first
    /// appear, then each phrase's run of nodes marked `longer` up to its last, which is the
    /// phrase.
    pub(crate) fn build(self) -> ActorIndex {
        let mut numbers: FastMap<&str, u32> = FastMap::default();
        let mut words: Vec<&str> = Vec::new();
        for p in &self.phrases {
            for w in p.split(' ') {
                numbers.entry(w).or_insert_with(|| {
                    words.push(w);
                    words.len() as u32 - 1
                });
            }
        }
        let mut nodes = vec![NOTHING; words.len()];
        let mut next: FastMap<(u32, u32), u32> = FastMap::default();
        for (id, p) in self.phrases.iter().enumerate() {
            let mut ws = p.split(' ').map(|w| numbers[w]);
            let mut node = ws.next().expect("split yields a word");
            for w in ws {
                nodes[node as usize].longer = true;
                node = *next.entry((node, w)).or_insert_with(|| {
                    nodes.push(NOTHING);
                    nodes.len() as u32 - 1
                });
            }
            nodes[node as usize].phrase = id as u32;
        }
        // A word's value: its number, flagged when its one-word node is or begins a phrase.
        let value = |n: usize| {
            let slot = nodes[n];
            n as u32 | if slot.phrase != NO_PHRASE || slot.longer { BEGINS } else { 0 }
        };
        assert!(nodes.len() < NO_WORD as usize, "word and node numbers leave room for the flag");
        let short = words.iter().enumerate().filter_map(|(n, w)| packed(w.as_bytes()).map(|p| (p, value(n))));
        let long_words = words.iter().enumerate().filter(|(_, w)| w.len() > 15).map(|(n, w)| (w.as_bytes().into(), value(n))).collect();
        let edges: Vec<(Packed, u32)> = next.iter().map(|(&(node, w), &to)| (edge(node, w), to)).collect();
        ActorIndex {
            words: PackedMap::from_entries(short.collect::<Vec<_>>().into_iter()),
            long_words,
            nodes,
            next: PackedMap::from_entries(edges.into_iter()),
            entries: self.entries,
            links: self.links,
            phrases: self.phrases,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(parse_bound("2012-05-07", false), Ok(Some(20120507)));
        assert_eq!(parse_bound("2012", true), Ok(Some(20121231)));
        assert_eq!(parse_bound("-", true), Ok(None));
        assert!(parse_bound("2012-13", true).is_err());
        assert!(parse_bound("abc", true).is_err());
    }

    #[test]
    fn phrases_are_found_and_linked() {
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load_actors(
            "actors/t.tsv",
            "RUS\tGOV\t2000-05-07\t2008-05-07\tperson\tpresident\tVladimir Putin|Putin\tdyad\nRUS\tGOV\t2008-05-08\t2012-05-06\tperson\tprime minister\tVladimir Putin|Putin\tdyad\nUSA\t-\t-\t-\tname\t-\tUnited States|=US|U.S.\tdyad\n",
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        let idx = b.build();
        let ms = idx.find(&joined("Putin met US officials"));
        let putin = ms.iter().find(|m| idx.phrase(m.phrase) == "putin").unwrap();
        assert_eq!(idx.entries_of(putin.phrase).len(), 2);
        let us = ms.iter().find(|m| idx.phrase(m.phrase) == "us").unwrap();
        assert_eq!(idx.entries_of(us.phrase)[0].cased.as_deref(), Some("US"));
        let pm = &idx.entries[1];
        assert_eq!(pm.distance(20100101), 0);
        assert!(pm.distance(20200101) > 0);
    }

    /// A sentence's normal forms joined as the coder joins them (`Sent::joined`), with each
    /// token's start in that string and the length of its form.
    fn joined_with_starts(text: &str) -> (String, Vec<usize>, Vec<usize>) {
        let mut joined = String::new();
        let (mut starts, mut lens) = (Vec::new(), Vec::new());
        for t in dyad_text::tokenize(text) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            starts.push(joined.len());
            let form = dyad_text::normal_form(t.span.of(text));
            lens.push(form.len());
            joined.push_str(&form);
        }
        (joined, starts, lens)
    }

    fn joined(text: &str) -> String {
        joined_with_starts(text).0
    }

    /// The phrases found in `text` as `(matched text, phrase)`, in order.
    fn found(idx: &ActorIndex, text: &str) -> Vec<(String, String)> {
        let j = joined(text);
        idx.find(&j).iter().map(|m| (j[m.start..m.end].to_string(), idx.phrase(m.phrase).to_string())).collect()
    }

    #[test]
    fn phrases_match_whole_tokens_only() {
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load_actors(
            "actors/t.tsv",
            "FRD\t-\t-\t-\tname\t-\tFreedonia|Fr.|Grand Duchy of Freedonia|F.D.\tdyad\n\
             FRD\tMIL\t-\t-\tbody\t-\tFreedonian Navy|Freedonian Navy Reserve|Navy Reserve\tdyad\n\
             SYL\t-\t-\t-\tname\t-\tSylvania|St. Sylvania|O'Sylvania\tdyad\n\
             SYL\t-\t-\t-\tcapital\t-\tPort Sylvan\tdyad\n",
            &mut d,
        );
        b.load_agents("agents.tsv", "GOV\tminister|minister of war|war\tdyad\n", &mut d);
        assert!(d.is_empty(), "{d:?}");
        let idx = b.build();
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        // Overlapping phrases are all found, by start then end; the coder keeps the longest.
        assert_eq!(
            found(&idx, "The Freedonian Navy Reserve sailed."),
            pairs(&[("freedonian navy", "freedonian navy"), ("freedonian navy reserve", "freedonian navy reserve"), ("navy reserve", "navy reserve")])
        );
        // Dots: an acronym is one token (`F.D.` -> `fd`); `St.` and `Fr.` leave an empty
        // token, so two spaces inside a phrase; a phrase ends at its last word (`Fr.` is `fr`).
        assert_eq!(found(&idx, "F.D. forces"), pairs(&[("fd", "fd")]));
        assert_eq!(found(&idx, "in St. Sylvania"), pairs(&[("st  sylvania", "st  sylvania"), ("sylvania", "sylvania")]));
        assert_eq!(found(&idx, "Fr. said"), pairs(&[("fr", "fr")]));
        assert_eq!(idx.lookup("fr").len(), 1);
        // An apostrophe is a token of its own before a long word, a clitic before a short one.
        assert_eq!(found(&idx, "O'Sylvania's minister"), pairs(&[("o ' sylvania", "o ' sylvania"), ("sylvania", "sylvania"), ("minister", "minister")]));
        // No match inside a token or across part of one: `Sylvanian`, `Port Sylvania`, `warfare`.
        assert_eq!(found(&idx, "Sylvanian ports; Port Sylvania warfare"), pairs(&[("sylvania", "sylvania")]));
        assert_eq!(found(&idx, "the minister of war in Port Sylvan"), pairs(&[
            ("minister", "minister"),
            ("minister of war", "minister of war"),
            ("war", "war"),
            ("port sylvan", "port sylvan"),
        ]));
        // A sentence that opens with dots (empty forms, no separators before the first word).
        assert_eq!(found(&idx, "... Grand Duchy of Freedonia"), pairs(&[("grand duchy of freedonia", "grand duchy of freedonia"), ("freedonia", "freedonia")]));
        assert!(idx.find("").is_empty());
        assert_eq!(idx.lookup("st  sylvania").len(), 1);
        assert!(idx.lookup("st").is_empty());

        // The same as every substring that is a phrase and sits on token edges.
        for text in ["Freedonia and St. Sylvania: the Minister of War of Freedonia, F.D. and Fr. minister.", ". . Navy Reserve ...", "war war", "", ".", "Fr. . Sylvania"] {
            let (j, starts, lens) = joined_with_starts(text);
            // The coder's test of token edges (`Sent::token_starting_at`, `token_ending_at`).
            let starting = |pos: usize| starts.binary_search(&pos).is_ok();
            let ending = |pos: usize| {
                let i = starts.binary_search(&pos).unwrap_or_else(|i| i);
                i.checked_sub(1).is_some_and(|t| starts[t] + lens[t] == pos)
            };
            let mut naive = Vec::new();
            for a in 0..=j.len() {
                for e in a + 1..=j.len() {
                    // The oracle is the list of phrases itself, not the index's trie.
                    if j.is_char_boundary(a) && j.is_char_boundary(e) && starting(a) && ending(e) && idx.phrases.iter().any(|p| *p == j[a..e]) {
                        assert!(!idx.lookup(&j[a..e]).is_empty(), "{text}");
                        naive.push((a, e));
                    }
                }
            }
            let fast: Vec<(usize, usize)> = idx.find(&j).iter().map(|m| (m.start, m.end)).collect();
            assert_eq!(fast, naive, "{text}");
            let at = idx.find_at(&j, &starts);
            assert_eq!(at.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(), naive, "{text}");
            // The tokens are those starting at `start` (the word's own among empty ones at 0)
            // and ending at `end`.
            for m in &at {
                let (first, last) = (m.first as usize, m.last as usize);
                assert!(starts[first] == m.start && lens[first] > 0 && starts[last] + lens[last] == m.end, "{text}");
                assert!(first <= last && starts[last] < m.end, "{text}");
            }
        }
    }

    /// A token's word read straight from the sentence (`word_in`: one or two 8-byte reads,
    /// masked) has the number that packing it (`packed`) gives, for every length and
    /// wherever it sits, long words and the end of the string included.
    #[test]
    fn words_read_in_place_are_numbered_as_packed() {
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load_agents(
            "agents.tsv",
            "GOV\ta|ab|abc|abcd|abcde|abcdef|abcdefg|abcdefgh|abcdefghi|abcdefghijklmno|abcdefghijklmnop|abcdefghijklmnopqrstu|x abcdefgh|Élysée Palace\tdyad\n",
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        let idx = b.build();
        let words = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopqrstu", "abcdefgha", "b", "élysée", "palace", "x", "zz"];
        for w in words {
            for before in ["", "q ", "qqqqqqqqqqqqqqqqq "] {
                for after in ["", " ", " z", " zzzzzzzzzzzzzzzzzzzz"] {
                    let text = format!("{before}{w}{after}");
                    let (a, e) = (before.len(), before.len() + w.len());
                    let want = idx.word(w.as_bytes()).unwrap_or(NO_WORD);
                    assert_eq!(idx.word_in(text.as_bytes(), a, e), want, "{text:?}");
                }
            }
        }
        assert_ne!(idx.word(b"abcdefgh").unwrap_or(NO_WORD), NO_WORD);
        assert_ne!(idx.word("élysée".as_bytes()).unwrap_or(NO_WORD), NO_WORD);
        assert_eq!(idx.word(b"abcdefgha"), None);
        // An end before the start (never from a sentence) is no word.
        assert_eq!(idx.word_in(b"abc def", 4, 3), NO_WORD);
    }
}
