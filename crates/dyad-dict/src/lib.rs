//! dyad's dictionaries: actors, agents, event patterns and the CAMEO code table.
//!
//! The main type is [`Dictionary`], built from line-based text files (formats in
//! `data/FORMAT.md`, sources in `data/SOURCES.md`) that are compiled into the binary, and
//! optionally overridden from a directory (`--dict DIR`). Every entry remembers its
//! [`Origin`] (file and line) so that `dyad explain` can say why a word matched. Loading never
//! stops at a bad line: it is skipped and reported as a [`Diagnostic`].
//!
//! This crate matches phrases and looks up codes; it does not decide who did what to whom
//! (that is `dyad-coder`).

mod actors;
mod codes;
mod fasthash;
mod lemma;
mod packed;
mod verbs;

use std::fmt;
use std::path::Path;

pub use actors::{ActorEntry, ActorIndex, ActorKind, PhraseMatch};
pub use codes::{CodeInfo, CodeTable};
pub use fasthash::{FastMap, FastSet};
pub use lemma::{KeyParts, Lemmatizer};
pub use verbs::{Elem, Key, Pattern, VerbIndex, WordId};

/// Where an entry was read: `agents.tsv:12`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: &'static str,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A line that could not be read, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DictError {
    #[error("cannot read dictionary directory {path}: {source}")]
    Io { path: String, source: std::io::Error },
}

/// The files a dictionary is made of, by their names relative to `data/`.
pub const FILES: &[&str] = &[
    "actors/countries.tsv",
    "actors/igos.tsv",
    "actors/bodies.tsv",
    "actors/people.tsv",
    "agents.tsv",
    "verbs/irregular.tsv",
    "verbs/dyad.txt",
    "verbs/evaluative.txt",
    "verbs/epithets.txt",
    "verbs/cameo.txt",
    "cameo/codes.tsv",
];

const BUNDLED: &[(&str, &str)] = &[
    ("actors/countries.tsv", include_str!("../data/actors/countries.tsv")),
    ("actors/igos.tsv", include_str!("../data/actors/igos.tsv")),
    ("actors/bodies.tsv", include_str!("../data/actors/bodies.tsv")),
    ("actors/people.tsv", include_str!("../data/actors/people.tsv")),
    ("agents.tsv", include_str!("../data/agents.tsv")),
    ("verbs/irregular.tsv", include_str!("../data/verbs/irregular.tsv")),
    ("verbs/dyad.txt", include_str!("../data/verbs/dyad.txt")),
    ("verbs/evaluative.txt", include_str!("../data/verbs/evaluative.txt")),
    ("verbs/epithets.txt", include_str!("../data/verbs/epithets.txt")),
    ("verbs/cameo.txt", include_str!("../data/verbs/cameo.txt")),
    ("cameo/codes.tsv", include_str!("../data/cameo/codes.tsv")),
];

/// Everything the coder looks words up in.
pub struct Dictionary {
    pub actors: ActorIndex,
    pub verbs: VerbIndex,
    pub codes: CodeTable,
    pub lemmas: Lemmatizer,
    pub diagnostics: Vec<Diagnostic>,
}

/// One source file's name and text. Names are `'static` because origins outlive loading.
pub struct Source {
    pub name: &'static str,
    pub text: String,
}

impl Dictionary {
    /// The dictionaries compiled into the binary.
    pub fn bundled() -> Dictionary {
        let sources = BUNDLED.iter().map(|(n, t)| Source { name: n, text: (*t).to_string() }).collect::<Vec<_>>();
        Dictionary::from_sources(&sources)
    }

    /// The bundled dictionaries with any of [`FILES`] found in `dir` replacing their
    /// bundled namesake, and any other `*.tsv` under `dir/actors` or `*.txt` under
    /// `dir/verbs` added.
    pub fn with_overrides(dir: &Path) -> Result<Dictionary, DictError> {
        let io = |e: std::io::Error| DictError::Io { path: dir.display().to_string(), source: e };
        if !dir.is_dir() {
            return Err(io(std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory")));
        }
        let mut sources: Vec<Source> = Vec::new();
        for (name, text) in BUNDLED {
            let p = dir.join(name);
            let text = if p.is_file() { std::fs::read_to_string(&p).map_err(io)? } else { (*text).to_string() };
            sources.push(Source { name, text });
        }
        for (sub, ext) in [("actors", "tsv"), ("verbs", "txt")] {
            let Ok(rd) = std::fs::read_dir(dir.join(sub)) else { continue };
            let mut extra: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            extra.sort();
            for p in extra {
                let rel = format!("{sub}/{}", p.file_name().map(|f| f.to_string_lossy()).unwrap_or_default());
                if p.extension().is_some_and(|e| e == ext) && !FILES.contains(&rel.as_str()) {
                    let text = std::fs::read_to_string(&p).map_err(io)?;
                    // Origins carry 'static names; a user file is loaded once per run.
                    sources.push(Source { name: Box::leak(rel.into_boxed_str()), text });
                }
            }
        }
        Ok(Dictionary::from_sources(&sources))
    }

    /// Builds a dictionary from named texts; files are recognised by their path prefix.
    pub fn from_sources(sources: &[Source]) -> Dictionary {
        let mut diagnostics = Vec::new();
        let mut lemmas = Lemmatizer::new();
        let mut codes = CodeTable::default();
        for s in sources {
            if s.name.ends_with("irregular.tsv") {
                lemmas.load_irregular(s.name, &s.text, &mut diagnostics);
            } else if s.name.starts_with("cameo/") {
                codes.load(s.name, &s.text, &mut diagnostics);
            }
        }
        // Actors and verb patterns are independent: built on two threads, the dictionaries
        // load in about the time of the larger half.
        let (actors, (verbs, verb_diags), actor_diags) = std::thread::scope(|scope| {
            let verbs = scope.spawn(|| {
                let mut diags = Vec::new();
                let mut b = verbs::Builder::default();
                for s in sources.iter().filter(|s| s.name.starts_with("verbs/") && s.name.ends_with(".txt")) {
                    b.load(s.name, &s.text, &lemmas, &mut diags);
                }
                let index = b.build(&codes, &mut diags);
                (index, diags)
            });
            let mut diags = Vec::new();
            let mut b = actors::Builder::default();
            for s in sources {
                if s.name.starts_with("actors/") {
                    b.load_actors(s.name, &s.text, &mut diags);
                } else if s.name == "agents.tsv" || s.name.ends_with("/agents.tsv") {
                    b.load_agents(s.name, &s.text, &mut diags);
                }
            }
            let actors = b.build();
            let verbs = verbs.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (actors, verbs, diags)
        });
        // Diagnostics in file order: actors and agents, then verbs.
        diagnostics.extend(actor_diags);
        diagnostics.extend(verb_diags);
        Dictionary { actors, verbs, codes, lemmas, diagnostics }
    }
}

/// The TAB-separated fields of a line, trimmed, or None for comments and blank lines.
pub(crate) fn fields(line: &str) -> Option<impl Iterator<Item = &str>> {
    let t = line.trim_end_matches(['\r', '\n']);
    if t.trim().is_empty() || t.trim_start().starts_with('#') {
        return None;
    }
    Some(t.split('\t').map(str::trim))
}

/// The normalized token sequence of a phrase, joined by single spaces: `U.S. Army` -> `us army`.
pub fn normalize_phrase(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    // Most phrases are plain words: their tokens are the words, their forms lower case.
    if phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        for w in phrase.split(' ').filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.make_ascii_lowercase();
        return out;
    }
    for t in dyad_text::tokenize(phrase) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&dyad_text::normal_form(t.span.of(phrase)));
    }
    // An abbreviation's final dot (`Gen.`, `Capt.`) is a token of its own whose form is empty:
    // a phrase ends at its last word, as a match must.
    let words = out.trim_end_matches(' ').len();
    out.truncate(words);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_loads_without_diagnostics() {
        let d = Dictionary::bundled();
        let shown: Vec<String> = d.diagnostics.iter().take(10).map(|d| d.to_string()).collect();
        assert!(d.diagnostics.is_empty(), "{}", shown.join("\n"));
    }

    #[test]
    fn phrases_normalize_like_their_tokens() {
        assert_eq!(normalize_phrase("  Vladimir   Putin "), "vladimir putin");
        assert_eq!(normalize_phrase("U.S. Army"), "us army");
        assert_eq!(normalize_phrase("People’s Republic"), "people 's republic");
        assert_eq!(normalize_phrase("G20"), "g20");
        assert_eq!(normalize_phrase("Brig. Gen."), "brig  gen");
    }

    #[test]
    fn bad_lines_are_diagnosed_with_file_and_line() {
        let src = vec![
            Source { name: "actors/test.tsv", text: "# c\nRUS\t-\t-\t-\tname\t-\tRussia\tdyad\nbroken line\n".into() },
            Source { name: "verbs/test.txt", text: "042\t<visit>\tdyad\n999x\tfoo\tdyad\n".into() },
        ];
        let d = Dictionary::from_sources(&src);
        let msgs: Vec<String> = d.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(msgs.iter().any(|m| m.starts_with("actors/test.tsv:3:")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.starts_with("verbs/test.txt:2:")), "{msgs:?}");
    }
}
