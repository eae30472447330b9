//! Actor and agent entries and the phrase automaton that finds them in text.
//!
//! [`ActorIndex`] holds every [`ActorEntry`] (a state's name, adjective or capital; an IGO; an
//! institution; a person with a dated role; a generic agent title) and one Aho-Corasick
//! automaton over all their phrases in normalized form (`normalize_phrase`). Matching is on
//! the normalized token string of a sentence; the coder checks token edges, case-sensitive
//! phrases and dates. One phrase may name several entries (Putin as president and as prime
//! minister): [`ActorIndex::entries_of`] returns all of them.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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

#[derive(Clone, Copy, Debug)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub phrase: u32,
}

pub struct ActorIndex {
    pub entries: Vec<ActorEntry>,
    links: Vec<Vec<PhraseLink>>,
    phrases: Vec<String>,
    automaton: Option<AhoCorasick>,
}

impl ActorIndex {
    /// Leftmost-longest matches of phrases in a normalized token string. Matches may start
    /// or end inside a token: the caller checks edges.
    pub fn find(&self, normalized: &str) -> Vec<PhraseMatch> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        ac.find_overlapping_iter_guard(normalized)
    }

    pub fn entries_of(&self, phrase: u32) -> &[PhraseLink] {
        &self.links[phrase as usize]
    }

    pub fn phrase(&self, phrase: u32) -> &str {
        &self.phrases[phrase as usize]
    }

    /// Every entry whose phrases include `normalized` exactly.
    pub fn lookup(&self, normalized: &str) -> Vec<&ActorEntry> {
        self.phrases
            .iter()
            .position(|p| p == normalized)
            .map(|i| self.links[i].iter().map(|l| &self.entries[l.entry as usize]).collect())
            .unwrap_or_default()
    }
}

trait FindAll {
    fn find_overlapping_iter_guard(&self, text: &str) -> Vec<PhraseMatch>;
}

impl FindAll for AhoCorasick {
    /// All matches, overlapping, so the caller can choose the longest one that sits on token
    /// edges (a leftmost-longest automaton would hide "us" behind a non-edge "usa...").
    fn find_overlapping_iter_guard(&self, text: &str) -> Vec<PhraseMatch> {
        self.find_overlapping_iter(text)
            .map(|m| PhraseMatch { start: m.start(), end: m.end(), phrase: m.pattern().as_u32() })
            .collect()
    }
}

#[derive(Default)]
pub(crate) struct Builder {
    entries: Vec<ActorEntry>,
    by_phrase: FastMap<String, u32>,
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
            let id = *self.by_phrase.entry(norm.clone()).or_insert_with(|| {
                self.phrases.push(norm);
                self.links.push(Vec::new());
                (self.phrases.len() - 1) as u32
            });
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

    pub(crate) fn build(self) -> ActorIndex {
        let automaton = (!self.phrases.is_empty())
            .then(|| AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&self.phrases).ok())
            .flatten();
        ActorIndex { entries: self.entries, links: self.links, phrases: self.phrases, automaton }
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
        let ms = idx.find("putin met us officials");
        let putin = ms.iter().find(|m| idx.phrase(m.phrase) == "putin").unwrap();
        assert_eq!(idx.entries_of(putin.phrase).len(), 2);
        let us = ms.iter().find(|m| idx.phrase(m.phrase) == "us").unwrap();
        assert_eq!(idx.entries_of(us.phrase)[0].cased.as_deref(), Some("US"));
        let pm = &idx.entries[1];
        assert_eq!(pm.distance(20100101), 0);
        assert!(pm.distance(20200101) > 0);
    }
}
