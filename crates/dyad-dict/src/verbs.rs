//! Event patterns: a head word, the words around it, and the CAMEO code they give.
//!
//! A [`Pattern`] is read from one line (`042	<pay> visit	CAMEO.2.0.txt:6555`, syntax in
//! `data/FORMAT.md`). [`VerbIndex`] files patterns under their head's lemma key, so the coder
//! tries only the patterns of the words a sentence has. Patterns from `verbs/dyad.txt` come
//! first, then imported ones, each most specific first; imported patterns are not loaded
//! where they could never fire (a bare head, or a head dyad's own patterns cover); a pattern whose code is not in the code table is dropped with a
//! diagnostic, so no event can carry a code without a Goldstein value.

use std::sync::Arc;

use crate::{codes::is_code, fields, CodeTable, Diagnostic, FastMap, FastSet, Lemmatizer, Origin};

/// A lemma key of a pattern word. Tens of thousands of patterns share a few thousand words:
/// each key is made once and shared.
pub type Key = Arc<str>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// The head word's lemma key.
    Head(Key),
    /// Any of these lemma keys.
    Word(Vec<Key>),
    /// The source actor's slot.
    Source,
    /// The target actor's slot.
    Target,
    /// One token of any kind.
    Skip,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    /// `None` for `---`: the pattern blocks any event.
    pub code: Option<Arc<str>>,
    pub elems: Vec<Elem>,
    pub head: usize,
    /// The pattern as written, for explanations.
    pub text: String,
    pub origin: Origin,
    /// Lower is tried first: the file's rank, then the line.
    pub rank: u32,
    /// The number of elements other than skips, counted once at load.
    weight: u32,
    /// From `verbs/evaluative.txt`: words by which a statement's speaker condemns what it
    /// describes (`the arch-criminal`, `a farce`). The speaker is the source.
    pub speaker_act: bool,
    /// The keys of the elements that offer no alternative: every match holds them all.
    required: WordSketch,
}

impl Pattern {
    /// How specific the pattern is: the number of elements other than skips.
    pub fn weight(&self) -> usize {
        self.weight as usize
    }

    /// The words every match of the pattern holds (the keys of its one-word elements other
    /// than the head): a sentence whose [`WordSketch`] lacks them cannot match it.
    pub fn required(&self) -> WordSketch {
        self.required
    }
}

/// A 128-bit sketch of a set of words (a Bloom filter with one hash): each word sets one bit.
/// A word whose bit is unset is surely not in the set; a set bit proves nothing. The coder
/// sketches a sentence's keys and forms, so patterns needing a word it lacks are not tried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordSketch(u128);

impl WordSketch {
    /// Adds `word` to the sketch.
    pub fn add(&mut self, word: &str) {
        self.0 |= Self::bit(word);
    }

    /// Every word sketched in `other` may be in `self`.
    pub fn covers(self, other: WordSketch) -> bool {
        self.0 & other.0 == other.0
    }

    fn bit(word: &str) -> u128 {
        use std::hash::Hasher as _;
        let mut h = rustc_hash::FxHasher::default();
        h.write(word.as_bytes());
        1 << (h.finish() % 128)
    }
}

#[derive(Default)]
pub struct VerbIndex {
    pub patterns: Vec<Pattern>,
    by_head: FastMap<Key, Vec<u32>>,
}

impl VerbIndex {
    /// Patterns whose head has this lemma key, most specific first.
    pub fn for_head(&self, key: &str) -> impl Iterator<Item = &Pattern> {
        self.by_head.get(key).into_iter().flatten().map(|&i| &self.patterns[i as usize])
    }

    pub fn has_head(&self, key: &str) -> bool {
        self.by_head.contains_key(key)
    }
}

#[derive(Default)]
pub(crate) struct Builder {
    patterns: Vec<Pattern>,
    files: u32,
    /// Head keys of dyad's own patterns: for these, imported patterns are never tried.
    own_heads: FastSet<Key>,
}

/// How one file's lines are read into patterns.
struct FileKind {
    file: &'static str,
    /// dyad's own file: authoritative for its heads, tried before imported ones.
    own: bool,
    rank: u32,
    speaker_act: bool,
}

/// Imported files larger than this are read in two halves on two threads.
const SPLIT_BYTES: usize = 256 * 1024;

impl Builder {
    pub(crate) fn load(&mut self, file: &'static str, text: &str, lemmas: &Lemmatizer, diags: &mut Vec<Diagnostic>) {
        // dyad's own files (`verbs/dyad.txt`, `verbs/evaluative.txt`) are tried before
        // every imported file, and are authoritative for the heads they know.
        let own = file.ends_with("dyad.txt") || file.ends_with("evaluative.txt");
        let kind = FileKind { file, own, rank: if own { 0 } else { 1 + self.files }, speaker_act: file.ends_with("evaluative.txt") };
        self.files += 1;
        let own_heads = &self.own_heads;
        // An imported file's lines are independent of each other (only dyad's own heads, read
        // before, decide what is kept), so a large one is read in two halves at once.
        let parts = match split_lines(text) {
            Some((first, second, offset)) if !own && text.len() > SPLIT_BYTES => std::thread::scope(|scope| {
                let later = scope.spawn(|| read_lines(&kind, second, offset, own_heads, lemmas));
                let earlier = read_lines(&kind, first, 0, own_heads, lemmas);
                vec![earlier, later.join().unwrap_or_else(|e| std::panic::resume_unwind(e))]
            }),
            _ => vec![read_lines(&kind, text, 0, own_heads, lemmas)],
        };
        for (patterns, part_diags) in parts {
            if own {
                for p in &patterns {
                    if let Elem::Head(k) = &p.elems[p.head] {
                        self.own_heads.insert(k.clone());
                    }
                }
            }
            self.patterns.extend(patterns);
            diags.extend(part_diags);
        }
    }

    pub(crate) fn build(self, codes: &CodeTable, diags: &mut Vec<Diagnostic>) -> VerbIndex {
        let mut kept = Vec::with_capacity(self.patterns.len());
        for p in self.patterns {
            if let Some(c) = &p.code {
                if !codes.is_empty() && codes.get(c).is_none() {
                    diags.push(Diagnostic { origin: p.origin, message: format!("code {c} is not in the code table") });
                    continue;
                }
            }
            kept.push(p);
        }
        let patterns = kept;
        // dyad's own patterns before imported ones (they were written for this coder, the
        // imported ones for a parser), then the most specific, then file order.
        let class = |p: &Pattern| u32::from(p.rank >= 1_000_000);
        // Sort small keys, then move each pattern once.
        let mut order: Vec<(u32, std::cmp::Reverse<u32>, u32, u32)> =
            patterns.iter().enumerate().map(|(i, p)| (class(p), std::cmp::Reverse(p.weight), p.rank, i as u32)).collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Pattern>> = patterns.into_iter().map(Some).collect();
        let patterns: Vec<Pattern> = order.iter().filter_map(|o| slots[o.3 as usize].take()).collect();
        let mut by_head: FastMap<Key, Vec<u32>> = FastMap::default();
        for (i, p) in patterns.iter().enumerate() {
            if let Elem::Head(k) = &p.elems[p.head] {
                by_head.entry(k.clone()).or_default().push(i as u32);
            }
        }
        VerbIndex { patterns, by_head }
    }
}

/// `text` cut at the line break nearest its middle: both halves and the number of lines in
/// the first.
fn split_lines(text: &str) -> Option<(&str, &str, usize)> {
    let mid = text.len() / 2;
    let cut = mid + text.as_bytes()[mid..].iter().position(|&b| b == b'\n')? + 1;
    let (first, second) = text.split_at(cut);
    Some((first, second, first.bytes().filter(|&b| b == b'\n').count()))
}

/// The patterns of `text`, whose first line is line `offset + 1` of the file, and the
/// diagnostics of its bad lines.
fn read_lines(kind: &FileKind, text: &str, offset: usize, own_heads: &FastSet<Key>, lemmas: &Lemmatizer) -> (Vec<Pattern>, Vec<Diagnostic>) {
    let mut patterns = Vec::new();
    let mut diags = Vec::new();
    let mut keys = Keys { lemmas, memo: FastMap::default() };
    let mut codes: FastMap<&str, Arc<str>> = FastMap::default();
    for (n, line) in text.lines().enumerate() {
        let n = n + offset;
        let Some(mut f) = fields(line) else { continue };
        let origin = Origin { file: kind.file, line: n as u32 + 1 };
        let bad = |m: String| Diagnostic { origin, message: m };
        let (Some(code), Some(pat)) = (f.next(), f.next()) else {
            diags.push(bad("expected `code<TAB>pattern<TAB>origin`".into()));
            continue;
        };
        let code = match code {
            "---" => None,
            c if is_code(c) => Some(codes.entry(c).or_insert_with(|| c.into()).clone()),
            c => {
                diags.push(bad(format!("`{c}` is not a CAMEO code or ---")));
                continue;
            }
        };
        // An imported pattern is kept only where it can fire: with words of context (a bare
        // verb of a parser's dictionary fires on too much without the parse) and for a head
        // dyad's own patterns do not cover. Skipping the rest keeps loading fast.
        if !kind.own {
            let bare = pat.split_whitespace().nth(1).is_none();
            let head_word = pat.split_whitespace().find_map(|t| t.strip_prefix('<').and_then(|t| t.strip_suffix('>')));
            let covered = head_word.is_some_and(|w| own_heads.contains(keys.get(w)));
            if bare || covered {
                continue;
            }
        }
        match parse_pattern(pat, &mut keys) {
            Ok((elems, head)) => patterns.push(Pattern {
                code,
                required: elems.iter().fold(WordSketch::default(), |mut r, e| {
                    if let Elem::Word(keys) = e {
                        if let [k] = keys.as_slice() {
                            r.add(k);
                        }
                    }
                    r
                }),
                weight: elems.iter().filter(|e| !matches!(e, Elem::Skip)).count() as u32,
                elems,
                head,
                text: pat.to_string(),
                origin,
                rank: kind.rank * 1_000_000 + n as u32,
                speaker_act: kind.speaker_act,
            }),
            Err(m) => diags.push(bad(m)),
        }
    }
    (patterns, diags)
}

/// The lemma keys of one file's pattern words, each made once.
struct Keys<'a> {
    lemmas: &'a Lemmatizer,
    memo: FastMap<&'a str, Key>,
}

impl<'a> Keys<'a> {
    /// The lemma key of a pattern word. Most are plain lower-case ASCII and need no tokenizing.
    fn get(&mut self, w: &'a str) -> &Key {
        let lemmas = self.lemmas;
        self.memo.entry(w).or_insert_with(|| {
            if w.bytes().all(|b| b.is_ascii_lowercase()) {
                lemmas.key_of(w).into()
            } else {
                lemmas.key(&crate::normalize_phrase(w).replace(' ', "")).into()
            }
        })
    }
}

fn parse_pattern<'a>(pat: &'a str, keys: &mut Keys<'a>) -> Result<(Vec<Elem>, usize), String> {
    let mut elems = Vec::new();
    let mut head = None;
    for tok in pat.split_whitespace() {
        let e = if let Some(w) = tok.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            if head.is_some() {
                return Err(format!("pattern `{pat}` has two heads"));
            }
            // `<extend>|<renew>` is no head: one verb a line.
            if w.is_empty() || w.contains(['<', '>', '|']) {
                return Err(format!("pattern `{pat}`: the head `{tok}` must be one word (write one line per verb)"));
            }
            head = Some(elems.len());
            Elem::Head(keys.get(w).clone())
        } else {
            match tok {
                "$" => Elem::Source,
                "+" => Elem::Target,
                "^" => Elem::Skip,
                _ => Elem::Word(tok.split('|').filter(|w| !w.is_empty()).map(|w| keys.get(w).clone()).collect()),
            }
        };
        elems.push(e);
    }
    match head {
        Some(h) => Ok((elems, h)),
        None => Err(format!("pattern `{pat}` has no <head>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_order() {
        let l = Lemmatizer::new();
        let mut b = Builder::default();
        let mut d = Vec::new();
        // Imported first, so dyad's heads are not known yet: only the bare head is left out.
        b.load("verbs/cameo.txt", "042\t<visit>\tx\n046\t<visit> for talks\tx\n", &l, &mut d);
        b.load("verbs/dyad.txt", "042\t<visit> to + by $\tdyad\n---\tpilgrims <visit>\tdyad\nbad\t<x>\tdyad\n020\tno head\tdyad\n163\t<extend>|<renew> sanctions\tdyad\n", &l, &mut d);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d[2].message.contains("must be one word"), "{d:?}");
        let idx = b.build(&CodeTable::default(), &mut d);
        let got: Vec<&str> = idx.for_head(&l.key("visited")).map(|p| p.text.as_str()).collect();
        assert_eq!(got, vec!["<visit> to + by $", "pilgrims <visit>", "<visit> for talks"]);
    }

    #[test]
    fn a_large_file_read_in_halves_keeps_its_line_numbers() {
        let l = Lemmatizer::new();
        let lines: Vec<String> = (0..20_000).map(|i| if i == 15_000 { "bad\t<x> y\tx".into() } else { format!("042\t<visit{i}> to\tx") }).collect();
        let text = lines.join("\n");
        assert!(text.len() > SPLIT_BYTES);
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load("verbs/cameo.txt", &text, &l, &mut d);
        let shown: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, vec!["verbs/cameo.txt:15001: `bad` is not a CAMEO code or ---"]);
        assert_eq!(b.patterns.len(), 19_999);
        assert!(b.patterns.iter().all(|p| lines[p.origin.line as usize - 1].split('\t').nth(1) == Some(p.text.as_str())));
        assert!(b.patterns.windows(2).all(|w| w[0].origin.line < w[1].origin.line && w[0].rank < w[1].rank));
    }

    #[test]
    fn imported_patterns_for_covered_heads_are_not_loaded() {
        let l = Lemmatizer::new();
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load("verbs/dyad.txt", "042\t<visit>\tdyad\n", &l, &mut d);
        b.load("verbs/cameo.txt", "046\t<visit> for talks\tx\n111\t<slam> policy\tx\n", &l, &mut d);
        let idx = b.build(&CodeTable::default(), &mut d);
        let visit: Vec<&str> = idx.for_head(&l.key("visit")).map(|p| p.text.as_str()).collect();
        assert_eq!(visit, vec!["<visit>"]);
        assert!(idx.has_head(&l.key("slams")));
    }
}
