//! Event patterns: a head word, the words around it, and the CAMEO code they give.
//!
//! A [`Pattern`] is read from one line of tab-separated fields (`042`, `<pay> visit`,
//! `CAMEO.2.0.txt:6555`; syntax in `data/FORMAT.md`). Every distinct lemma key of the patterns' words (heads and the words
//! around them) gets a small number, a [`WordId`], so the coder looks each token up once and
//! then compares numbers, not strings. [`VerbIndex`] files patterns under their head's word,
//! so the coder tries only the patterns of the words a sentence has. Patterns from
//! `verbs/dyad.txt` come first, then imported ones, each most specific first; imported patterns are not loaded
//! where they could never fire (a bare head, or a head dyad's own patterns cover); a pattern whose code is not in the code table is dropped with a
//! diagnostic, so no event can carry a code without a Goldstein value.

use std::sync::Arc;

use crate::packed::WordMap;
use crate::{codes::is_code, fields, CodeTable, Diagnostic, FastMap, FastSet, Lemmatizer, Origin};

/// A lemma key of a pattern word. Tens of thousands of patterns share a few thousand words:
/// each key is made once and shared.
pub type Key = Arc<str>;

/// The number of a distinct lemma key of the patterns' words, given at load: two words have
/// the same id exactly when their keys are equal. See [`VerbIndex::word_id`].
pub type WordId = u32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// The head word's lemma key.
    Head(Key),
    /// Any of these words: the ids of their lemma keys, sorted, each once
    /// ([`VerbIndex::word`] gives a key back). Patterns that write the same words share them.
    Word(Arc<[WordId]>),
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
    /// From `verbs/evaluative.txt` or `verbs/epithets.txt`: words by which a statement's
    /// speaker condemns what it describes (`the arch-criminal`, `a farce`). The speaker is the
    /// source.
    pub speaker_act: bool,
    /// From `verbs/epithets.txt`: a word that names a party while condemning it (`traitor
    /// Yoon`, `its vassal forces`); the target is only the party next to it.
    pub epithet: bool,
    /// The ids of the first two elements that offer no alternative (the head's id where there
    /// are fewer): a sentence lacking either cannot match. See [`Pattern::probes`].
    probes: [WordId; 2],
    /// The alternatives of the word elements other than the probes', of at most `CHECKED`
    /// words each. See [`Pattern::checks`].
    checks: Box<[Arc<[WordId]>]>,
    /// The head word's id.
    head_id: WordId,
}

impl Pattern {
    /// How specific the pattern is: the number of elements other than skips.
    pub fn weight(&self) -> usize {
        self.weight as usize
    }

    /// Two words every match holds, to test first: the ids of the first two one-word elements
    /// other than the head, or the head's own id in their place where there are fewer (a
    /// sentence the pattern is tried on has its head).
    #[inline]
    pub fn probes(&self) -> [WordId; 2] {
        self.probes
    }

    /// Lists of words each of which a match holds one of, to test after the probes: the word
    /// elements other than the probes', in order, each of at most 16 alternatives (a list of a
    /// hundred synonyms costs more to test than to match).
    #[inline]
    pub fn checks(&self) -> &[Arc<[WordId]>] {
        &self.checks
    }
}

#[derive(Default)]
pub struct VerbIndex {
    /// Grouped by head word (in no particular order of heads), each head's patterns in the
    /// order they are tried.
    pub patterns: Vec<Pattern>,
    /// The id of every distinct lemma key of the patterns' words (every token is looked up,
    /// and a packed word hashes and compares faster than a string), with [`HEADS`] set for a
    /// word that heads patterns (so a token's one lookup also tells whether it is a head); and
    /// by id, the key.
    lookup: WordMap<u32>,
    words: Vec<Key>,
    /// A bit for each [`odd_bit`] of the keys that are not their own key (`releas`, the key of
    /// `release`, is keyed `relea`): only such a key can be a token's normal form where the
    /// form is not its own key. See [`VerbIndex::form_id`].
    odd: Box<[u64]>,
    /// By [`WordId`]: the range of `patterns` headed by that word (empty for a word that
    /// heads none).
    heads: Vec<(u32, u32)>,
}

/// The bit of a [`VerbIndex`] lookup value that marks a word heading patterns.
const HEADS: u32 = 1 << 31;

/// The bits of [`VerbIndex::odd`]: a few hundred of 4096 set (about 3% of other words pass).
const ODD_BITS: u32 = 12;

/// A word's bit in [`VerbIndex::odd`]: a hash of its length and its first and last two bytes,
/// cheaper to take than the word's lookup.
#[inline]
fn odd_bit(w: &[u8]) -> usize {
    let n = w.len();
    let (first, last, prev) = match n {
        0 => (0, 0, 0),
        1 => (w[0], w[0], 0),
        _ => (w[0], w[n - 1], w[n - 2]),
    };
    let x = (n as u32 & 0xff) | u32::from(first) << 8 | u32::from(last) << 16 | u32::from(prev) << 24;
    (x.wrapping_mul(0x9e37_79b1) >> (32 - ODD_BITS)) as usize
}

impl VerbIndex {
    /// The id of a lemma key or normal form if some pattern has it as a word (head or not).
    /// A word no pattern has gets none: it matches no pattern element.
    #[inline]
    pub fn word_id(&self, key: &str) -> Option<WordId> {
        self.lookup.get(key).map(|v| v & !HEADS)
    }

    /// [`VerbIndex::word_id`] of a token's lemma key, and whether the word heads patterns
    /// ([`VerbIndex::patterns_of`] is not empty), in one lookup.
    #[inline]
    pub fn key_id(&self, key: &str) -> Option<(WordId, bool)> {
        self.lookup.get(key).map(|v| (v & !HEADS, v & HEADS != 0))
    }

    /// [`VerbIndex::word_id`] of a token's normal form that is not its own lemma key (`the`,
    /// keyed `th`; `talks`, keyed `talk`). Such a form can only be a pattern word's key that is
    /// not its own key either (were `k` its own key, the form `k` would be too): a few hundred
    /// words, told from the rest by one bit, so most forms are not looked up.
    #[inline]
    pub fn form_id(&self, form: &str) -> Option<WordId> {
        let bit = odd_bit(form.as_bytes());
        if self.odd.get(bit / 64).is_none_or(|f| f & 1 << (bit % 64) == 0) {
            return None;
        }
        self.word_id(form)
    }

    /// How many words have ids: every [`WordId`] is below it.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The lemma key of the word numbered `id`.
    pub fn word(&self, id: WordId) -> Option<&Key> {
        self.words.get(id as usize)
    }

    /// Patterns headed by the word numbered `id`, most specific first (dyad's own, then
    /// imported ones); empty if the word heads none.
    #[inline]
    pub fn patterns_of(&self, id: WordId) -> &[Pattern] {
        match self.heads.get(id as usize) {
            Some(&(a, b)) => &self.patterns[a as usize..b as usize],
            None => &[],
        }
    }

    /// Patterns whose head has this lemma key, most specific first.
    pub fn for_head(&self, key: &str) -> impl Iterator<Item = &Pattern> {
        self.word_id(key).map(|id| self.patterns_of(id)).unwrap_or_default().iter()
    }

    pub fn has_head(&self, key: &str) -> bool {
        self.word_id(key).is_some_and(|id| !self.patterns_of(id).is_empty())
    }
}

#[derive(Default)]
pub(crate) struct Builder {
    patterns: Vec<Pattern>,
    files: u32,
    /// Head keys of dyad's own patterns: for these, imported patterns are never tried.
    own_heads: FastSet<Key>,
    /// The id of every distinct key of the loaded patterns' words, and by id, the key.
    ids: FastMap<Key, WordId>,
    words: Vec<Key>,
    /// The keys of `words` that are not their own key (see [`VerbIndex::form_id`]).
    odd: Vec<Key>,
}

/// How one file's lines are read into patterns.
struct FileKind {
    file: &'static str,
    /// dyad's own file: authoritative for its heads, tried before imported ones.
    own: bool,
    rank: u32,
    speaker_act: bool,
    epithet: bool,
}

/// The most alternatives of a word element that [`Pattern::checks`] lists.
const CHECKED: usize = 16;

/// Not yet numbered in the whole index.
const NO_ID: WordId = WordId::MAX;

/// Imported files larger than this are read in two halves on two threads.
const SPLIT_BYTES: usize = 256 * 1024;

impl Builder {
    pub(crate) fn load(&mut self, file: &'static str, text: &str, lemmas: &Lemmatizer, diags: &mut Vec<Diagnostic>) {
        // dyad's own files (`verbs/dyad.txt`, `verbs/evaluative.txt`, `verbs/epithets.txt`)
        // are tried before every imported file, and are authoritative for the heads they know.
        let epithet = file.ends_with("epithets.txt");
        let speaker_act = epithet || file.ends_with("evaluative.txt");
        let own = speaker_act || file.ends_with("dyad.txt");
        let kind = FileKind { file, own, rank: if own { 0 } else { 1 + self.files }, speaker_act, epithet };
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
        for (mut patterns, words, part_diags) in parts {
            // Each part numbered its words itself: number them in the whole index, in the
            // order they are first used (a word only looked up, whose pattern was not kept,
            // gets no id).
            let mut global: Vec<WordId> = vec![NO_ID; words.len()];
            let mut id_of = |local: WordId| {
                let g = &mut global[local as usize];
                if *g == NO_ID {
                    let key = &words[local as usize];
                    *g = match self.ids.get(key) {
                        Some(&id) => id,
                        None => {
                            if *lemmas.key_of(key) != **key {
                                self.odd.push(key.clone());
                            }
                            self.words.push(key.clone());
                            self.ids.insert(key.clone(), self.words.len() as WordId - 1);
                            self.words.len() as WordId - 1
                        }
                    };
                }
                *g
            };
            // Each list of words once (a list of a hundred aircraft recurs in many patterns),
            // by the address of the part's list, kept alive here so that none is reused: the
            // part's list and the renumbered one.
            type Renumbered = (Arc<[WordId]>, Arc<[WordId]>);
            let mut lists: FastMap<*const WordId, Renumbered> = FastMap::default();
            for p in &mut patterns {
                p.head_id = id_of(p.head_id);
                let mut probes = [p.head_id; 2];
                let mut probed = 0;
                let mut checks = Vec::new();
                for e in &mut p.elems {
                    if let Elem::Word(ids) = e {
                        let (_, global) = lists.entry(ids.as_ptr()).or_insert_with(|| {
                            let mut g: Vec<WordId> = ids.iter().map(|&id| id_of(id)).collect();
                            // `talks|talk|meeting`: `talks` and `talk` have one key.
                            g.sort_unstable();
                            g.dedup();
                            (ids.clone(), g.into())
                        });
                        *ids = global.clone();
                        match **ids {
                            [id] if probed < 2 => {
                                probes[probed] = id;
                                probed += 1;
                            }
                            _ if ids.len() <= CHECKED => checks.push(ids.clone()),
                            _ => {}
                        }
                    }
                }
                p.probes = probes;
                p.checks = checks.into();
            }
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
        // Grouped by head; for each head, dyad's own patterns before imported ones (they were
        // written for this coder, the imported ones for a parser), then the most specific,
        // then file order.
        let class = |p: &Pattern| u32::from(p.rank >= 1_000_000);
        // Sort small keys, then move each pattern once.
        let mut order: Vec<(u32, u32, std::cmp::Reverse<u32>, u32, u32)> =
            patterns.iter().enumerate().map(|(i, p)| (p.head_id, class(p), std::cmp::Reverse(p.weight), p.rank, i as u32)).collect();
        order.sort_unstable();
        let mut slots: Vec<Option<Pattern>> = patterns.into_iter().map(Some).collect();
        let patterns: Vec<Pattern> = order.iter().filter_map(|o| slots[o.4 as usize].take()).collect();
        let mut heads = vec![(0, 0); self.ids.len()];
        let mut start = 0;
        for (i, p) in patterns.iter().enumerate() {
            if patterns.get(i + 1).is_none_or(|q| q.head_id != p.head_id) {
                heads[p.head_id as usize] = (start, i as u32 + 1);
                start = i as u32 + 1;
            }
        }
        let lookup = WordMap::from_entries(self.ids.iter().map(|(k, &id)| {
            let (a, b) = heads[id as usize];
            (&**k, id | if a < b { HEADS } else { 0 })
        }));
        let mut odd = vec![0u64; 1 << (ODD_BITS - 6)];
        for k in &self.odd {
            let bit = odd_bit(k.as_bytes());
            odd[bit / 64] |= 1 << (bit % 64);
        }
        VerbIndex { patterns, words: self.words, lookup, heads, odd: odd.into() }
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

/// The patterns of `text`, whose first line is line `offset + 1` of the file, the keys their
/// word ids number (local to this text: [`Builder::load`] renumbers them), and the diagnostics
/// of its bad lines.
fn read_lines(kind: &FileKind, text: &str, offset: usize, own_heads: &FastSet<Key>, lemmas: &Lemmatizer) -> (Vec<Pattern>, Vec<Key>, Vec<Diagnostic>) {
    let mut patterns = Vec::new();
    let mut diags = Vec::new();
    let mut keys = Keys { lemmas, memo: FastMap::default(), words: Vec::new(), lists: FastMap::default() };
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
            let covered = head_word.is_some_and(|w| own_heads.contains(keys.get(w).0));
            if bare || covered {
                continue;
            }
        }
        match parse_pattern(pat, &mut keys) {
            Ok((elems, head, head_id)) => patterns.push(Pattern {
                code,
                // Set when the ids are renumbered.
                probes: [head_id; 2],
                checks: Box::default(),
                head_id,
                weight: elems.iter().filter(|e| !matches!(e, Elem::Skip)).count() as u32,
                elems,
                head,
                text: pat.to_string(),
                origin,
                rank: kind.rank * 1_000_000 + n as u32,
                speaker_act: kind.speaker_act,
                epithet: kind.epithet,
            }),
            Err(m) => diags.push(bad(m)),
        }
    }
    (patterns, keys.words, diags)
}

/// The lemma keys of one file's pattern words, each made once, and numbered in the order they
/// are made (two words with one key, `visit` and `visits`, get two numbers here).
struct Keys<'a> {
    lemmas: &'a Lemmatizer,
    memo: FastMap<&'a str, WordId>,
    words: Vec<Key>,
    /// The numbers of the words of each distinct alternative list (`visit|visits|tour`).
    lists: FastMap<&'a str, Arc<[WordId]>>,
}

impl<'a> Keys<'a> {
    /// The lemma key of a pattern word and its number. Most are plain lower-case ASCII and
    /// need no tokenizing.
    fn get(&mut self, w: &'a str) -> (&Key, WordId) {
        let (lemmas, words) = (self.lemmas, &mut self.words);
        let id = *self.memo.entry(w).or_insert_with(|| {
            words.push(if w.bytes().all(|b| b.is_ascii_lowercase()) {
                lemmas.key_of(w).into()
            } else {
                lemmas.key(&crate::normalize_phrase(w).replace(' ', "")).into()
            });
            (words.len() - 1) as WordId
        });
        (&self.words[id as usize], id)
    }

    /// The numbers of the words `a|b|c`, made once per distinct list.
    fn list(&mut self, tok: &'a str) -> Arc<[WordId]> {
        if let Some(ids) = self.lists.get(tok) {
            return ids.clone();
        }
        let ids: Arc<[WordId]> = tok.split('|').filter(|w| !w.is_empty()).map(|w| self.get(w).1).collect();
        self.lists.insert(tok, ids.clone());
        ids
    }
}

/// The elements of a pattern, the index of its head and the head word's number.
fn parse_pattern<'a>(pat: &'a str, keys: &mut Keys<'a>) -> Result<(Vec<Elem>, usize, WordId), String> {
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
            let (key, id) = keys.get(w);
            head = Some((elems.len(), id));
            Elem::Head(key.clone())
        } else {
            match tok {
                "$" => Elem::Source,
                "+" => Elem::Target,
                "^" => Elem::Skip,
                _ => Elem::Word(keys.list(tok)),
            }
        };
        elems.push(e);
    }
    match head {
        Some((h, id)) => Ok((elems, h, id)),
        None => Err(format!("pattern `{pat}` has no <head>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern word's id by its key, as the index numbered them (`words[id]` is the key).
    fn ids_of(idx: &VerbIndex) -> FastMap<&str, WordId> {
        idx.words.iter().enumerate().map(|(id, k)| (&**k, id as WordId)).collect()
    }

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
    fn evaluative_and_epithet_files_mark_their_patterns() {
        let l = Lemmatizer::new();
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load("verbs/dyad.txt", "042\t<visit>\tdyad\n", &l, &mut d);
        b.load("verbs/evaluative.txt", "111\t<farce>\tdyad\n", &l, &mut d);
        b.load("verbs/epithets.txt", "111\t<stooge>\tdyad\n", &l, &mut d);
        assert!(d.is_empty(), "{d:?}");
        let idx = b.build(&CodeTable::default(), &mut d);
        let marks = |w: &str| idx.for_head(&l.key(w)).map(|p| (p.speaker_act, p.epithet)).collect::<Vec<_>>();
        assert_eq!(marks("visit"), vec![(false, false)]);
        assert_eq!(marks("farce"), vec![(true, false)]);
        assert_eq!(marks("stooges"), vec![(true, true)]);
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

    /// What the ids must give, checked against plain string lookups: one id per distinct key
    /// of every pattern word, `has_head` and `for_head` as a map from head keys would answer.
    fn check_ids(idx: &VerbIndex, lemmas: &Lemmatizer, non_words: &[&str]) {
        let mut key_of_id: FastMap<WordId, Key> = FastMap::default();
        let mut heads: FastMap<Key, Vec<*const Pattern>> = FastMap::default();
        let mut keys = Keys { lemmas, memo: FastMap::default(), words: Vec::new(), lists: FastMap::default() };
        for p in &idx.patterns {
            let Elem::Head(h) = &p.elems[p.head] else { panic!("{}: no head at {}", p.text, p.head) };
            assert_eq!(idx.word_id(h), Some(p.head_id), "{}", p.text);
            assert_eq!(idx.word(p.head_id), Some(h), "{}", p.text);
            // Each element's words, as written.
            for (e, tok) in p.elems.iter().zip(p.text.split_whitespace()) {
                if let Elem::Word(ids) = e {
                    let mut written: Vec<Key> = tok.split('|').filter(|w| !w.is_empty()).map(|w| keys.get(w).0.clone()).collect();
                    written.sort();
                    written.dedup();
                    let mut got: Vec<Key> = ids.iter().filter_map(|&id| idx.word(id).cloned()).collect();
                    got.sort();
                    assert_eq!(got, written, "{}", p.text);
                }
            }
            heads.entry(h.clone()).or_default().push(p);
            let mut probes = vec![];
            for e in &p.elems {
                if let Elem::Word(ids) = e {
                    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{}: {ids:?}", p.text);
                    for &id in ids.iter() {
                        let k = idx.word(id).unwrap_or_else(|| panic!("{}: no word {id}", p.text));
                        assert_eq!(idx.word_id(k), Some(id), "{} {k}", p.text);
                        key_of_id.insert(id, k.clone());
                    }
                    if let [id] = **ids {
                        probes.push(id);
                    }
                }
            }
            // The checks are the other word elements, the long lists left out.
            let words: Vec<&Arc<[WordId]>> = p.elems.iter().filter_map(|e| if let Elem::Word(ids) = e { Some(ids) } else { None }).collect();
            let probe_elems: Vec<usize> = (0..words.len()).filter(|&i| words[i].len() == 1).take(2).collect();
            let checks: Vec<&Arc<[WordId]>> =
                (0..words.len()).filter(|i| !probe_elems.contains(i) && words[*i].len() <= CHECKED).map(|i| words[i]).collect();
            assert_eq!(p.checks().iter().collect::<Vec<_>>(), checks, "{}", p.text);
            probes.extend([p.head_id; 2]);
            assert_eq!(p.probes(), [probes[0], probes[1]], "{}", p.text);
            assert_eq!(key_of_id.entry(p.head_id).or_insert_with(|| h.clone()), h, "id {} for two keys", p.head_id);
        }
        for (k, &id) in &ids_of(idx) {
            assert_eq!(key_of_id.get(&id).map(|h| &**h), Some(*k), "{k}: an id no pattern word has");
        }
        assert_eq!(idx.words.len(), ids_of(idx).len(), "two ids for one key");
        assert_eq!(idx.word(idx.words.len() as WordId), None);
        for (h, ps) in &heads {
            assert!(idx.has_head(h), "{h}");
            let got: Vec<*const Pattern> = idx.for_head(h).map(|p| p as *const Pattern).collect();
            assert_eq!(&got, ps, "{h}");
            // Tried in order: dyad's own first, then the most specific, then file order.
            let order: Vec<(bool, std::cmp::Reverse<usize>, u32)> =
                idx.for_head(h).map(|p| (p.rank >= 1_000_000, std::cmp::Reverse(p.weight()), p.rank)).collect();
            assert!(order.windows(2).all(|w| w[0] <= w[1]), "{h}: {order:?}");
        }
        for k in key_of_id.values() {
            assert_eq!(idx.has_head(k), heads.contains_key(k), "{k}");
        }
        for (k, &id) in &ids_of(idx) {
            assert_eq!(idx.word_id(k), Some(id), "{k}");
        }
        for w in non_words {
            assert_eq!(idx.word_id(w), None, "{w}");
            assert!(!idx.has_head(w), "{w}");
            assert_eq!(idx.for_head(w).count(), 0, "{w}");
        }
        assert!(idx.patterns_of(WordId::MAX).is_empty());
    }

    #[test]
    fn every_pattern_word_and_no_other_has_an_id() {
        let l = Lemmatizer::new();
        let mut b = Builder::default();
        let mut d = Vec::new();
        b.load("verbs/dyad.txt", "042\t<visit> to + by $\tdyad\n---\tpilgrims <visit>\tdyad\n046\t<hold> talks|talk|meeting with +\tdyad\n", &l, &mut d);
        // In two halves, each numbering its own words: `talks` and `ruin` are in both.
        let lines: Vec<String> = (0..12_000).map(|i| format!("0{}\t<ruin{}> talks ^ ruin\tx", 40 + i % 20, i % 3000)).collect();
        let text = lines.join("\n") + "\n111\t<slam>\tx\n---\t<visit> ghost\tx\n";
        assert!(text.len() > SPLIT_BYTES);
        b.load("verbs/cameo.txt", &text, &l, &mut d);
        assert!(d.is_empty(), "{d:?}");
        let idx = b.build(&CodeTable::default(), &mut d);
        // `talks` and `talk` have one key, so one id; `visits` is looked up by its key.
        assert_eq!(idx.word_id(&l.key("talks")), idx.word_id(&l.key("talk")));
        assert!(idx.word_id(&l.key("talks")).is_some());
        assert_ne!(idx.word_id(&l.key("talks")), idx.word_id(&l.key("meeting")));
        assert!(idx.has_head(&l.key("visits")) && idx.has_head(&l.key("ruin2999")));
        // Words only of patterns not loaded (a bare imported head, an imported pattern for a
        // head of dyad's own) and words of no pattern have none.
        check_ids(&idx, &l, &["slam", "ghost", "zzz", "", "visit to", "ruin3000"]);
        // Words that are not heads: no patterns.
        for w in ["to", "by", "pilgrims", "talks", "ruin"] {
            assert!(idx.word_id(&l.key(w)).is_some(), "{w}");
            assert!(!idx.has_head(&l.key(w)), "{w}");
        }
    }

    #[test]
    fn word_ids_are_those_of_the_string_map() {
        // The packed-word table against the map of every key (which the table was made from):
        // every pattern word and key, every irregular form, their prefixes and extensions, and
        // random strings.
        let d = crate::Dictionary::bundled();
        let ids = ids_of(&d.verbs);
        let mut words: Vec<String> = ids.keys().map(|k| k.to_string()).collect();
        for text in [include_str!("../data/verbs/cameo.txt"), include_str!("../data/verbs/dyad.txt"), include_str!("../data/verbs/irregular.tsv")] {
            for line in text.lines() {
                words.extend(line.split(|c: char| c.is_whitespace() || "<>|^$+".contains(c)).filter(|w| !w.is_empty()).map(str::to_lowercase));
            }
        }
        let n = words.len();
        for i in 0..n {
            let w = words[i].clone();
            words.extend((0..w.len()).filter(|&k| w.is_char_boundary(k)).map(|k| w[..k].to_string()));
            words.extend(["s", "\0", "e", "y", "é", "xxxxxxxxxxxxxxx"].map(|x| format!("{w}{x}")));
            words.push(d.lemmas.key(&w));
        }
        let alphabet: Vec<char> = "aeinost\0é-'1 ".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            words.push((0..seed % 18).map(|k| alphabet[((seed >> (k * 3)) % alphabet.len() as u64) as usize]).collect());
        }
        assert!(words.len() > 300_000, "{}", words.len());
        let (mut found, mut odd_forms) = (0, 0);
        for w in &words {
            let id = ids.get(w.as_str()).copied();
            assert_eq!(d.verbs.word_id(w), id, "{w:?}");
            found += usize::from(id.is_some());
            // One lookup tells a key's id and whether it heads patterns.
            assert_eq!(d.verbs.key_id(w), id.map(|id| (id, !d.verbs.patterns_of(id).is_empty())), "{w:?}");
            // A form that is not its own key is found by `form_id` exactly when it is a word.
            if d.lemmas.key(w) != *w {
                assert_eq!(d.verbs.form_id(w), id, "{w:?}");
                odd_forms += usize::from(id.is_some());
            }
        }
        assert!(found > 10_000, "{found}");
        assert!(odd_forms > 50, "{odd_forms}");
    }

    #[test]
    fn the_bundled_patterns_have_ids() {
        let d = crate::Dictionary::bundled();
        assert!(d.verbs.patterns.len() > 1000);
        check_ids(&d.verbs, &d.lemmas, &["zzzq", "", "xqj kz", "internationalizationz", "visit\0", "\0visit"]);
        assert!(ids_of(&d.verbs).keys().any(|k| k.len() > 15), "the long words are looked up too");
    }
}
