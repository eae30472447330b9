//! Actor and agent entries and the phrase table that finds them in text.
//!
//! [`ActorIndex`] holds every [`ActorEntry`] (a state's name, adjective or capital; an IGO; an
//! institution; a person with a dated role; a generic agent title) and one hash table of all
//! their phrases in normalized form (`normalize_phrase`) and of the runs of first words that
//! begin them. Matching is on the normalized token string of a sentence, whole words at a
//! time, so every match starts and ends on token edges; the coder maps them to tokens and
//! checks case-sensitive phrases and dates. One phrase may name several entries (Putin as
//! president and as prime minister): [`ActorIndex::entries_of`] returns all of them.

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

/// No phrase: the key is only the beginning of longer ones.
const NO_PHRASE: u32 = u32::MAX;

/// What a key of [`ActorIndex`]'s table is: a phrase, the beginning of longer phrases (its
/// first words), or both.
#[derive(Clone, Copy, Debug)]
struct Slot {
    phrase: u32,
    longer: bool,
}

pub struct ActorIndex {
    pub entries: Vec<ActorEntry>,
    links: Vec<Vec<PhraseLink>>,
    phrases: Vec<String>,
    /// Every phrase and every run of its first words (`united`, `united states` for `united
    /// states army`), split at single spaces.
    table: FastMap<Box<[u8]>, Slot>,
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
    /// per token; empty tokens before the first word all start at 0.
    pub fn find_at(&self, normalized: &str, starts: &[usize]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let bytes = normalized.as_bytes();
        // Where token `t`'s word ends: before the next token's separator, or at the end.
        let end_of = |t: usize| starts.get(t + 1).map_or(bytes.len(), |&n| n.saturating_sub(1));
        for (i, &start) in starts.iter().enumerate() {
            // An empty token before the first word has no word of its own.
            if starts.get(i + 1) == Some(&start) {
                continue;
            }
            let mut last = i;
            loop {
                let end = end_of(last);
                let Some(slot) = bytes.get(start..end).and_then(|k| self.table.get(k)) else { break };
                // A match must not end on an empty token (the space before `end`).
                if slot.phrase != NO_PHRASE && end > start && bytes[end - 1] != b' ' {
                    out.push(PhraseMatch { start, end, phrase: slot.phrase, first: i as u32, last: last as u32 });
                }
                if !slot.longer || last + 1 == starts.len() {
                    break;
                }
                last += 1;
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

    /// Every entry whose phrases include `normalized` exactly.
    pub fn lookup(&self, normalized: &str) -> Vec<&ActorEntry> {
        self.table
            .get(normalized.as_bytes())
            .filter(|s| s.phrase != NO_PHRASE)
            .map(|s| self.links[s.phrase as usize].iter().map(|l| &self.entries[l.entry as usize]).collect())
            .unwrap_or_default()
    }
}

#[derive(Default)]
pub(crate) struct Builder {
    entries: Vec<ActorEntry>,
    table: FastMap<Box<[u8]>, Slot>,
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
            let id = match self.table.get(norm.as_bytes()) {
                Some(slot) if slot.phrase != NO_PHRASE => slot.phrase,
                _ => self.add_phrase(norm),
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

    /// A new phrase's id; the phrase and the runs of its first words go into the table.
    fn add_phrase(&mut self, norm: String) -> u32 {
        let id = self.phrases.len() as u32;
        for (at, _) in norm.match_indices(' ') {
            self.table.entry(norm.as_bytes()[..at].into()).or_insert(Slot { phrase: NO_PHRASE, longer: true }).longer = true;
        }
        self.table.entry(norm.as_bytes().into()).or_insert(Slot { phrase: NO_PHRASE, longer: false }).phrase = id;
        self.phrases.push(norm);
        self.links.push(Vec::new());
        id
    }

    pub(crate) fn build(self) -> ActorIndex {
        ActorIndex { entries: self.entries, links: self.links, phrases: self.phrases, table: self.table }
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
                    if j.is_char_boundary(a) && j.is_char_boundary(e) && starting(a) && ending(e) && !idx.lookup(&j[a..e]).is_empty() {
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
}
