//! Temporal expressions in English diplomatic text, resolved to dates given
//! the document date.
//!
//! [`find`] returns every expression in a text — absolute dates, Juche
//! years, relative expressions ("last year", "on Monday"), ranges,
//! durations and anniversaries — left to right and non-overlapping, each
//! with its byte span, value, the name of the rule that read it and a
//! one-line explanation ([`find_unexplained`] skips the explanation).
//! [`doc_date_from_text`] reads a document's own
//! issue date (datelines, sign-offs, mirror boilerplate), and
//! [`is_future_marker`] (or [`is_future_marker_in`], reading an iterator) tells the caller
//! when a clause is future so it can prefer [`TimeExpr::future_value`].
//!
//! Everything is a pure function of its inputs: no I/O, no clock (the
//! document date stands in for "now"), no dependencies. Nothing panics on
//! any input; malformed dates ("February 30", "Juche 0") simply yield no
//! expression. The crate does not decide which expression dates which
//! event: that is the coder's job.
//!
//! ```
//! use dyad_dates::{find, Context, PartialDate};
//!
//! let ctx = Context { doc_date: PartialDate::ymd(2020, 4, 23), known: &[] };
//! let text = "Exports rose between June and August of last year.";
//! let found = find(text, &ctx);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].value.to_string(), "2019-06/2019-08");
//! assert_eq!(found[0].rule, "month-range-of-relative-year");
//! assert_eq!(&text[found[0].start..found[0].end], "between June and August of last year");
//! ```

mod absolute;
mod anniversary;
mod calendar;
mod dateline;
mod future;
mod historic;
mod impossible;
mod juche;
mod ranges;
mod relative;
mod resolve;
mod scan;
mod token;

pub use calendar::{days_in_month, is_leap, DateValue, ParseDateError, PartialDate};
pub use dateline::doc_date_from_text;
pub use future::{is_future_marker, is_future_marker_in, may_mark_future};
pub use historic::historic_dates;
pub use impossible::{impossible, Impossible};
pub use juche::JUCHE_OFFSET;

/// Whether the lower-case word `w` is a month's or a weekday's full name (`may`, `thursday`),
/// by the date finder's own lexicon: the coder reads `said on Thursday that ...` as the time of
/// a report, not as a noun that `that` describes.
pub fn is_month_or_weekday(w: &str) -> bool {
    matches!(token::Lex::of(w), token::Lex::Month(_, false) | token::Lex::Weekday(_))
}

use scan::{Buffers, Cand, Scan};
use token::{key_order, word_key};

/// Broad family of an expression, for the coder's weighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Absolute,
    Juche,
    Relative,
    Range,
    Duration,
    Anniversary,
    Weekday,
}

/// One temporal expression found in a text.
#[derive(Clone, Debug)]
pub struct TimeExpr {
    /// Byte offsets into the text passed to [`find`]; `text[start..end]` is the expression.
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    pub kind: Kind,
    /// Name of the rule that read it, e.g. "month-range-of-relative-year".
    pub rule: &'static str,
    /// The value if the governing verb is future ("on Monday" -> next Monday).
    pub future_value: Option<DateValue>,
    /// One line: "between June and August of last year -> 2019-06/2019-08 (last year = doc year 2020 - 1)".
    pub explanation: String,
}

/// What expressions are resolved against.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The document's issue date, usually at day precision.
    pub doc_date: Option<PartialDate>,
    /// Events the document itself dated, for "the first anniversary of the
    /// historic visit": (keywords, date), e.g. (["visit"], 2019-04).
    pub known: &'a [(Vec<String>, DateValue)],
}

impl Context<'static> {
    /// A context with a doc date and no known events.
    pub fn new(doc_date: Option<PartialDate>) -> Self {
        Context {
            doc_date,
            known: &[],
        }
    }
}

/// All temporal expressions in `text`, left to right, non-overlapping (longest wins).
pub fn find(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    Finder::default().find(text, ctx, true).exprs
}

/// [`find`] without the one-line explanations (`explanation` is left empty), for callers
/// that never show them: no rule formats its reasons, nor is any expression described.
pub fn find_unexplained(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    Finder::default().find(text, ctx, false).exprs
}

/// What [`Finder::find`] found in a text.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The expressions, as [`find`] returns them.
    pub exprs: Vec<TimeExpr>,
    /// Whether they depend on [`Context::known`]: an anniversary of something the bundled
    /// table does not name was read against the known events (even none). When false, the
    /// same text finds the same expressions whatever events are known.
    pub reads_known: bool,
}

/// Finds expressions in one text after another, keeping its working buffers (tokens, the
/// lowercased text, the rules' proposals) from one text to the next instead of allocating
/// them for each.
#[derive(Default)]
pub struct Finder {
    buffers: Buffers,
    cands: Vec<Cand>,
}

impl Finder {
    /// [`find`] (`explain`) or [`find_unexplained`], and whether the result depends on the
    /// known events.
    pub fn find(&mut self, text: &str, ctx: &Context, explain: bool) -> Finding {
        // Most sentences of a text name no time at all: a cheap look for the words every
        // rule needs saves scanning them.
        if !may_contain_date(text) {
            return Finding { exprs: Vec::new(), reads_known: false };
        }
        let scan = Scan::with_buffers(text, ctx, explain, std::mem::take(&mut self.buffers));
        self.cands.clear();
        candidates(&scan, true, &mut self.cands);
        let exprs = select(&scan, &mut self.cands, explain);
        let reads_known = scan.read_known.get();
        self.buffers = scan.into_buffers();
        Finding { exprs, reads_known }
    }
}

/// Every rule's proposals, token by token, added to `cands`. With `filtered`, a family is
/// asked only where its `may_start` says one of its rules can begin (most tokens begin
/// none); without, at every token (the tests check that both propose the same).
fn candidates(scan: &Scan, filtered: bool, cands: &mut Vec<Cand>) {
    // Rule families in order of specificity: on equal spans the first wins.
    // Filtered, only the tokens a rule may begin at, as the tokenizer noted them.
    let every: Vec<u32>;
    let at: &[u32] = if filtered {
        &scan.named
    } else {
        every = (0..scan.toks.len() as u32).collect();
        &every
    };
    for i in at.iter().map(|&i| i as usize) {
        let mut weekday = false;
        if filtered {
            if idle(scan, i) {
                continue;
            }
            weekday = scan.weekday(i);
        }
        // At a weekday only an absolute date ("Monday, June 22") or a relative one ("on
        // Monday") begins.
        if !weekday && (!filtered || juche::may_start(scan, i)) {
            juche::candidates(scan, i, cands);
        }
        if !weekday && (!filtered || anniversary::may_start(scan, i)) {
            anniversary::candidates(scan, i, cands);
        }
        if !weekday && (!filtered || ranges::may_start(scan, i)) {
            ranges::candidates(scan, i, cands);
        }
        if !filtered || absolute::may_start(scan, i) {
            absolute::candidates(scan, i, cands);
        }
        if !filtered || relative::may_start(scan, i) {
            relative::candidates(scan, i, cands);
        }
    }
}

/// An article no rule family begins at, told by the word after it: `the` before
/// punctuation or a word that names nothing (the families ask for a number, an ordinal, a
/// relative or part word, `day` or `close`), `a` before anything but a unit (`a week ago`).
fn idle(scan: &Scan, i: usize) -> bool {
    use token::{Cue, Lex, TK};
    match scan.cue(i) {
        Some(Cue::The) => scan.t(i + 1).is_none_or(|t| match t.kind {
            TK::Punct => true,
            TK::Word => t.lex == Lex::Other && !matches!(scan.w(i + 1), Some("day" | "close")),
            TK::Num | TK::Ord => false,
        }),
        Some(Cue::A) => scan.w(i + 1).is_none_or(|w| relative::unit_word(w).is_none()),
        _ => false,
    }
}

/// Words without which no rule fires (besides digits): months, weekdays, calendar units,
/// deictic days, `ago`, `recent`, `past`, `anniversary`, `Juche`. Given in lower case; each
/// has 3 to 11 letters.
const CUES: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "tonight", "yesterday", "tomorrow", "day", "days", "week",
    "weeks", "weekend", "month", "months", "year", "years", "decade", "decades", "century", "ago",
    "recent", "recently", "past", "anniversary", "juche", "fortnight", "quarter", "morning",
    "afternoon", "evening", "night", "overnight", "previous",
];

/// The [`CUES`] as [`word_key`]s, sorted for a binary search.
static CUE_KEYS: [u64; CUES.len()] = {
    let mut raw = [0u64; CUES.len()];
    let mut i = 0;
    while i < CUES.len() {
        raw[i] = word_key(CUES[i].as_bytes());
        i += 1;
    }
    let order = key_order(&raw);
    let mut keys = [0u64; CUES.len()];
    let mut i = 0;
    while i < CUES.len() {
        keys[i] = raw[order[i]];
        i += 1;
    }
    keys
};

/// For each length, the first letters (bit `letter & 31`) and the last letters of the
/// [`CUES`] of that length: most words are ruled out by these two bits without a search.
static CUE_ENDS: [(u32, u32); 12] = {
    let mut ends = [(0u32, 0u32); 12];
    let mut i = 0;
    while i < CUES.len() {
        let w = CUES[i].as_bytes();
        ends[w.len()].0 |= 1 << (w[0] & 31);
        ends[w.len()].1 |= 1 << (w[w.len() - 1] & 31);
        i += 1;
    }
    ends
};

/// Whether `w`, a run of ASCII letters, is one of the [`CUES`] in any case.
#[inline]
fn is_cue(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    may_be_cue(w.len(), first, last) && CUE_KEYS.binary_search(&word_key(w)).is_ok()
}

/// Whether a run of `len` ASCII letters from `first` to `last` may be one of the [`CUES`]:
/// its length and its first and last letters are those of some cue.
#[inline]
fn may_be_cue(len: usize, first: u8, last: u8) -> bool {
    if !(3..=11).contains(&len) {
        return false;
    }
    let (firsts, lasts) = CUE_ENDS[len];
    firsts & (1 << (first & 31)) != 0 && lasts & (1 << (last & 31)) != 0
}

/// Up to 64 bytes, with zeros past their end; a bit for each ASCII letter; whether any
/// byte is a digit.
#[inline]
fn letters_and_digits(block: &[u8]) -> ([u8; 64], u64, bool) {
    let mut bytes = [0u8; 64];
    bytes[..block.len()].copy_from_slice(block);
    // A byte a flag, in a loop the compiler runs over many bytes at once; then eight flags
    // to a number, each to its own bit.
    let mut flags = [0u8; 64];
    let mut digits = 0u8;
    for k in 0..64 {
        let b = bytes[k];
        flags[k] = u8::from((b | 0x20).wrapping_sub(b'a') < 26);
        digits |= u8::from(b.wrapping_sub(b'0') < 10);
    }
    let mut letters = 0u64;
    for (k, chunk) in flags.chunks_exact(8).enumerate() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        // Byte j's flag lands at bit 56 + j, and no two partial products share a bit.
        letters |= (u64::from_le_bytes(eight).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    (bytes, letters, digits != 0)
}

/// Whether `text` may hold a temporal expression: a digit or one of the cue words (a run of
/// ASCII letters, in any case). Every sentence is asked, so it reads the text 64 bytes at a
/// time into a bit for each ASCII letter; only the words that runs of these bits make are
/// looked at, most of them by their length and first and last letters alone, and nothing is
/// allocated.
pub fn may_contain_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Where a run of letters that reaches the end of a block began.
    let mut open: Option<usize> = None;
    for (k, block) in bytes.chunks(64).enumerate() {
        let (block, mut letters, digit) = letters_and_digits(block);
        if digit {
            return true;
        }
        if let Some(from) = open {
            let run = (!letters).trailing_zeros() as usize;
            if run == 64 {
                continue;
            }
            if is_cue(&bytes[from..64 * k + run]) {
                return true;
            }
            open = None;
            letters &= !((1u64 << run) - 1);
        }
        // Where runs begin, but for runs of one or two letters that end in the block (no cue
        // is that short): a run that reaches the block's end may go on in the next.
        let long = letters & ((letters >> 1) | (1 << 63)) & ((letters >> 2) | (3 << 62));
        let mut starts = long & !(letters << 1);
        while starts != 0 {
            let at = starts.trailing_zeros() as usize;
            let run = (!(letters >> at)).trailing_zeros() as usize;
            let end = at + run;
            if end == 64 {
                open = Some(64 * k + at);
                break;
            }
            if may_be_cue(run, block[at], block[(end - 1) & 63]) && CUE_KEYS.binary_search(&word_key(&block[at..end])).is_ok() {
                return true;
            }
            starts &= starts - 1;
        }
    }
    open.is_some_and(|from| is_cue(&bytes[from..]))
}

/// Longest-first greedy choice of non-overlapping candidates (`cands` is left empty).
fn select(scan: &Scan, cands: &mut Vec<Cand>, explain: bool) -> Vec<TimeExpr> {
    let span = |c: &Cand| scan.span(c.a, c.b).filter(|(a, b)| a < b);
    // Most texts that name a time propose one reading of it, or none: nothing to choose
    // from, nor to sort.
    if cands.len() <= 1 {
        let mut out = Vec::with_capacity(cands.len());
        out.extend(cands.drain(..).filter_map(|c| span(&c).map(|(start, end)| expression(scan, start, end, c, explain))));
        return out;
    }
    let mut spanned: Vec<(usize, usize, Cand)> = cands
        .drain(..)
        .filter_map(|c| span(&c).map(|(a, b)| (a, b, c)))
        .collect();
    spanned.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
    let mut chosen: Vec<(usize, usize, Cand)> = Vec::new();
    for c in spanned {
        if chosen.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.0);
    chosen
        .into_iter()
        .map(|(start, end, c)| expression(scan, start, end, c, explain))
        .collect()
}

/// The expression a chosen candidate spanning bytes `start..end` makes.
fn expression(scan: &Scan, start: usize, end: usize, c: Cand, explain: bool) -> TimeExpr {
    let explanation = if explain {
        let surface: String = scan
            .text
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        format!("{} -> {} ({})", surface, c.value, c.why)
    } else {
        String::new()
    };
    TimeExpr {
        start,
        end,
        explanation,
        value: c.value,
        kind: c.kind,
        rule: c.rule,
        future_value: c.future,
    }
}

/// Tests' random texts: a fixed-seed 64-bit LCG, `next(m)` a number below `m`.
#[cfg(test)]
pub(crate) fn test_rng(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences that between them fire every rule of `find`, in upper and lower case.
    const EVERY_RULE: &[&str] = &[
        "The accord was signed on June 19, 2024 in Oslo, ratified on the 19th of June, 2024.",
        "Filed 2024-06-19, stamped 20/06/2024, copied 20.06.2024 and mailed 06/20/2024.",
        "The envoy arrived on Oct. 19 and left on 21 October, then met on Monday, June 22.",
        "They met on June 19 last year and again on the 3rd of last month.",
        "Exports fell in June 2019, rose in 2018 and stalled in March, as in March of last year.",
        "It began last April, grew in mid-June, peaked in early 2019 and late March 2018.",
        "Output rose earlier this year, at the end of last month and the beginning of next week.",
        "They will meet on the 3rd and talk.",
        "The Juche 109(2020) plan, April, Juche 108(2019) and April 23, Juche 109(2020).",
        "They marked the 70th anniversary of the establishment of diplomatic relations between the DPRK and China.",
        "It was the first anniversary of the visit, or the second founding anniversary.",
        "Trade fell between June and August of last year, from June to August 2019 and from June to August.",
        "The fair ran from January 15 to 17, 2024, from 15 to 17 January and the 15th-17th of May.",
        "Rates held from 2018 to 2020, in 2019-2020, since 2018, since last year and from September.",
        "Prices rose since June 2019, since May 5, from June of last year and in the first half of 2023.",
        "Aid has flowed from June 2019 on.",
        "Sales dropped in the third quarter of last year and the last quarter of 2019.",
        "He spoke today, tonight, yesterday, tomorrow, this morning and last night.",
        "They met the day before yesterday, will meet the day after tomorrow, and talked the day before.",
        "She had left the previous day, on Monday, last Monday, and comes next Friday or this coming Tuesday.",
        "Talks resumed last week, this month, next year, the previous year and the coming month.",
        "It ended two days ago, a week ago, an hour ago, twenty-five years ago and three decades ago.",
        "In recent years, recent months, recent weeks and recent days it grew.",
        "Over the past year, the last two months, the past decade, past three weeks and the past few days.",
        "THE TALKS ON MONDAY, JUNE 22, 2020 ENDED. The 3rd of May came. Early June was dry.",
        "The day before, the talks began. The first half of 2023 was calm. A week ago they met.",
    ];

    /// The rules of `find`; every one must fire on [`EVERY_RULE`].
    const RULES: &[&str] = &[
        "ago", "anniversary-of-historic-event", "anniversary-of-known-event", "bare-month",
        "day-after-tomorrow", "day-before", "day-before-yesterday", "day-month", "day-month-year",
        "day-of-relative-month", "day-of-this-month", "day-range", "deictic-day", "dmy-dot",
        "dmy-slash", "explicit-range", "from-month", "half-of-year", "iso-date", "juche-date",
        "juche-month", "juche-year", "last-weekday", "mdy-slash", "month-day",
        "month-day-of-relative-year", "month-day-year", "month-of-relative-year", "month-range",
        "month-range-of-relative-year", "month-range-of-year", "month-year", "next-weekday",
        "part-of-month", "part-of-relative-month", "part-of-relative-week", "part-of-relative-year",
        "part-of-year", "past-period", "previous-day", "quarter-of-year", "recent-period",
        "relative-month", "relative-month-name", "relative-week", "relative-year", "since-point",
        "from-point", "weekday", "weekday-month-day", "year", "year-span",
    ];

    /// What `find` reports, as text.
    fn shown(found: &[TimeExpr]) -> Vec<String> {
        found
            .iter()
            .map(|e| {
                format!(
                    "{}..{} {} {} {:?} {}",
                    e.start, e.end, e.rule, e.value, e.future_value, e.explanation
                )
            })
            .collect()
    }

    #[test]
    fn asking_rule_families_only_where_they_may_start_changes_nothing() {
        let known = vec![(
            vec!["visit".to_string()],
            DateValue::Point(PartialDate::ym(2019, 4).unwrap()),
        )];
        let mut fired = std::collections::BTreeSet::new();
        for doc in [PartialDate::ymd(2020, 4, 23), PartialDate::ymd(2024, 6, 14)] {
            let ctx = Context { doc_date: doc, known: &known };
            for text in EVERY_RULE {
                for t in [text.to_string(), text.to_lowercase(), text.to_uppercase()] {
                    let scan = Scan::new(&t, &ctx, true);
                    let (mut all, mut filtered) = (Vec::new(), Vec::new());
                    candidates(&scan, false, &mut all);
                    candidates(&scan, true, &mut filtered);
                    let all = select(&scan, &mut all, true);
                    let filtered = select(&scan, &mut filtered, true);
                    assert_eq!(shown(&filtered), shown(&all), "{t}");
                    assert_eq!(shown(&find(&t, &ctx)), shown(&all), "{t}");
                    fired.extend(all.iter().map(|e| e.rule));
                }
            }
        }
        let missing: Vec<&&str> = RULES.iter().filter(|r| !fired.contains(*r)).collect();
        assert!(missing.is_empty(), "no sentence fires {missing:?}");
    }

    #[test]
    fn rule_families_asked_only_where_they_may_start_propose_what_all_propose() {
        let mut proposed = 0;
        for doc_date in [PartialDate::ymd(2020, 4, 23), None] {
            let ctx = Context { doc_date, known: &[] };
            for t in relative::tests::rule_word_texts(20_000) {
                let scan = Scan::new(&t, &ctx, false);
                let (mut all, mut filtered) = (Vec::new(), Vec::new());
                candidates(&scan, false, &mut all);
                candidates(&scan, true, &mut filtered);
                assert_eq!(relative::tests::shown(&filtered), relative::tests::shown(&all), "{t:?}");
                proposed += all.len();
            }
        }
        assert!(proposed > 20_000, "{proposed}");
    }

    #[test]
    fn a_finder_kept_from_text_to_text_finds_what_a_new_one_finds() {
        let known = vec![(vec!["visit".to_string()], DateValue::Point(PartialDate::ym(2019, 4).unwrap()))];
        let ctx = Context { doc_date: PartialDate::ymd(2020, 4, 23), known: &known };
        let mut finder = Finder::default();
        // Long texts and short ones in turn, so that every buffer holds more than the next
        // text needs.
        for round in 0..3 {
            for (k, text) in EVERY_RULE.iter().enumerate() {
                let t = if (k + round) % 2 == 0 { text.repeat(3) } else { text.to_string() };
                for explain in [true, false] {
                    let kept = finder.find(&t, &ctx, explain).exprs;
                    let new = if explain { find(&t, &ctx) } else { find_unexplained(&t, &ctx) };
                    assert_eq!(shown(&kept), shown(&new), "{t}");
                }
            }
        }
    }

    #[test]
    fn what_the_known_events_may_change_is_marked() {
        let known = vec![(vec!["visit".to_string()], DateValue::Point(PartialDate::ym(2019, 4).unwrap()))];
        let doc = PartialDate::ymd(2020, 4, 23);
        let (none, some) = (Context { doc_date: doc, known: &[] }, Context { doc_date: doc, known: &known });
        let mut finder = Finder::default();
        for text in EVERY_RULE.iter().copied().chain([
            "They marked the first anniversary of the visit.",
            "It was the second anniversary of the historic trip by the leader.",
            "The FIRST ANNIVERSARY OF THE VISIT came.",
            "The first anniversary of the liberation of Korea, on June 19.",
        ]) {
            let before = finder.find(text, &none, false);
            let after = finder.find(text, &some, false);
            if !before.reads_known {
                assert_eq!(shown(&before.exprs), shown(&after.exprs), "{text}");
            }
            assert_eq!(before.reads_known, after.reads_known, "{text}");
        }
        assert!(finder.find("They marked the first anniversary of the visit.", &none, false).reads_known);
        assert_eq!(finder.find("They marked the first anniversary of the visit.", &some, false).exprs.len(), 1);
        assert!(!finder.find("They met on June 19, 2024 and on Monday.", &some, false).reads_known);
    }

    /// The word-by-word look [`may_contain_date`] packs into numbers.
    fn may_contain_date_plainly(text: &str) -> bool {
        text.bytes().any(|b| b.is_ascii_digit())
            || text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| CUES.contains(&w.to_ascii_lowercase().as_str()))
    }

    #[test]
    fn cue_words_are_found_in_any_case_and_nothing_else() {
        for w in CUES {
            assert!((3..=11).contains(&w.len()), "{w}");
            for t in [w.to_string(), w.to_uppercase(), format!("In {w}, yes"), format!("é{w}é")] {
                assert!(may_contain_date(&t), "{t}");
            }
            for t in [&w[1..], &w[..w.len() - 1], &format!("{w}s")[..], &format!("x{w}")[..]] {
                assert_eq!(may_contain_date(t), may_contain_date_plainly(t), "{t}");
            }
        }
        for t in EVERY_RULE.iter().copied().chain([
            "Russia condemned Japan.",
            "Officials said the weather in the capital was mild for the season.",
            "The mayor's daily weekday meetings were friendly; MONDAYS are not cues.",
            "Ünïcödé Äpril février juche\u{a0}Mayor",
            "abcdefghijklmnopqrstuvwxyz yearyearyear yesterdays",
        ]) {
            assert_eq!(may_contain_date(t), may_contain_date_plainly(t), "{t}");
        }
    }

    /// Strings of cue words, near misses, digits, punctuation and other scripts, glued or
    /// spaced at random: words straddle the 64-byte blocks [`may_contain_date`] reads.
    fn random_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "year", "YEAR", "Years", "yea", "yearx", "may", "Mayor", "ago", "agony", "day", "days", "today", "decades",
            "morning", "anniversary", "Juche", "fortnight", "the", "a", "an", "of", "condemned", "extraordinarily",
            "abcdefghijklmnopqrstuvwxyz", "é", "ü", "—", "\u{a0}", "日本", "Ärger", " ", " ", " ", "  ", "\n", ",", ".", "-",
            "'", "@", "[", "`", "{", "/", ":", "0", "9", "2024", "x", "Q", "Z",
        ];
        let mut next = test_rng(0x9e37_79b9_7f4a_7c15u64);
        (0..n)
            .map(|_| {
                let pieces = next(60);
                let mut t = String::new();
                for _ in 0..pieces {
                    // Digits are rare, so that most texts are read to their end.
                    let p = PIECES[next(PIECES.len())];
                    if p.bytes().any(|b| b.is_ascii_digit()) && next(8) != 0 {
                        continue;
                    }
                    t.push_str(p);
                }
                t
            })
            .collect()
    }

    #[test]
    fn may_contain_date_agrees_with_the_plain_look_on_random_texts() {
        let (mut yes, mut no) = (0, 0);
        for t in random_texts(20_000) {
            let expected = may_contain_date_plainly(&t);
            assert_eq!(may_contain_date(&t), expected, "{t:?}");
            if expected { yes += 1 } else { no += 1 }
            // Every cut of the text, so that runs end at every place in a block.
            if t.len() < 140 {
                for k in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                    assert_eq!(may_contain_date(&t[k..]), may_contain_date_plainly(&t[k..]), "{:?}", &t[k..]);
                    assert_eq!(may_contain_date(&t[..k]), may_contain_date_plainly(&t[..k]), "{:?}", &t[..k]);
                }
            }
        }
        assert!(yes > 1000 && no > 1000, "{yes} {no}");
        for n in [63, 64, 65, 127, 128, 129] {
            for w in ["year", "Yesterday"] {
                for pad in [n - w.len(), n] {
                    let t = format!("{}{w}", "x-".repeat(pad / 2) + &"-".repeat(pad % 2));
                    assert_eq!(may_contain_date(&t), may_contain_date_plainly(&t), "{t}");
                    let t = format!("{}{w} x", "é".repeat(pad / 2) + &"-".repeat(pad % 2));
                    assert_eq!(may_contain_date(&t), may_contain_date_plainly(&t), "{t}");
                }
            }
        }
    }

    #[test]
    fn a_digit_or_a_cue_word_may_hold_a_date() {
        assert!(may_contain_date("G20"));
        assert!(may_contain_date("They met LAST WEEK."));
        assert!(may_contain_date("on Monday"));
        assert!(may_contain_date("the anniversary"));
        assert!(!may_contain_date("Russia condemned Japan."));
        assert!(!may_contain_date("Mayor Weekly"));
        assert!(!may_contain_date("extraordinarily-long-wordings é"));
        assert!(!may_contain_date(""));
    }
}
