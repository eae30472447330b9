//! Documents to paragraphs, sentences and tokens, every piece a byte span of the original text.
//!
//! [`layout`] reads a document's shape: the title line, mirror boilerplate (`Date: 20/06/2024 |
//! Source: ...`), headings, the issuer line (`Press Statement by NAME, TITLE, MINISTRY`), the
//! sign-off (`Pyongyang, April 23, Juche 109(2020)`) and the paragraphs whose sentences carry
//! events. [`split_sentences`] and [`tokenize`] cut text without copying it: every [`Span`]
//! indexes the text it was cut from, so an event's trigger maps back to its bytes.
//!
//! This crate knows nothing of actors, events or dates; it never fails on any input.

mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{normalize_token, tokenize, Token, TokenKind};

/// A half-open byte range `[start, end)` of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// What a block of the document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The first line, when it reads as a headline.
    Title,
    /// A short line without sentence punctuation inside the body (a sub-heading, a byline).
    Heading,
    /// Metadata lines of news mirrors and scrapers: `Date: 20/06/2024 | Source: ...`.
    Boilerplate,
    /// `Press Statement by NAME, TITLE, MINISTRY`: sets the speaker.
    Issuer,
    /// The closing `Place, Month Day, Year` line.
    Signoff,
    /// Running text whose sentences are coded.
    Paragraph,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// A sentence to code: its span and the paragraph it sits in.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph among the document's blocks of kind `Paragraph`.
    pub paragraph: usize,
}

/// The shape of a document.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    /// Sentences of `Paragraph` blocks, in order; `sentence_index` in output is the index here.
    pub sentences: Vec<Sentence>,
}

impl Layout {
    pub fn first(&self, kind: BlockKind) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == kind)
    }
}

/// Options for [`layout`].
#[derive(Clone, Copy, Debug, Default)]
pub struct LayoutOptions {
    /// True when the first line of the text is the title (plain files); false when the
    /// title came separately (JSON input), so the first line is body unless it is a heading.
    pub first_line_is_title: bool,
}

/// Reads the shape of `text`. Never fails: text with no recognisable structure is one
/// paragraph per line group.
pub fn layout(text: &str, opts: LayoutOptions) -> Layout {
    let lines = logical_lines(text);
    let mut blocks = Vec::with_capacity(lines.len());
    let last_nonempty = lines.len().saturating_sub(1);
    for (i, &span) in lines.iter().enumerate() {
        let line = span.of(text).trim();
        let kind = if i == 0 && opts.first_line_is_title && !ends_sentence(line) {
            BlockKind::Title
        } else if i == 0 && opts.first_line_is_title && is_issuer(line) {
            BlockKind::Title
        } else if i == last_nonempty && is_signoff(line) {
            BlockKind::Signoff
        } else if is_boilerplate(line) {
            BlockKind::Boilerplate
        } else if is_issuer(line) {
            BlockKind::Issuer
        } else if is_heading(line) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block { kind, span });
    }
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    for b in &blocks {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        for s in split_sentences(b.span.of(text)) {
            let span = Span::new(b.span.start + s.start, b.span.start + s.end);
            sentences.push(Sentence { span, paragraph });
        }
        paragraph += 1;
    }
    Layout { blocks, sentences }
}

/// Lines joined across hard wraps: a line break followed by a lower-case letter continues
/// the sentence; blank lines and other breaks end a block. Spans are trimmed.
fn logical_lines(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut prev_blank = true;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let s = start + lead;
        let e = s + trimmed.len();
        let continues = !prev_blank
            && trimmed.chars().next().is_some_and(|c| c.is_lowercase())
            && out.last().is_some_and(|l| !ends_sentence(l.of(text)));
        match out.last_mut() {
            Some(last) if continues => last.end = e,
            _ => out.push(Span::new(s, e)),
        }
        prev_blank = false;
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

fn is_boilerplate(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    (l.starts_with("date:") && l.contains('|'))
        || l.contains("read original version")
        || l.starts_with("source:")
        || l.starts_with("http://")
        || l.starts_with("https://")
        || (word_count(line) <= 8 && !ends_sentence(line) && digit_share(line) > 0.25)
}

fn digit_share(line: &str) -> f32 {
    let n = line.chars().filter(|c| !c.is_whitespace()).count().max(1);
    line.chars().filter(|c| c.is_ascii_digit()).count() as f32 / n as f32
}

/// `Press Statement by ...`, `Statement of the Spokesman for ...`, `Answer of ...`.
pub fn is_issuer(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let heads = ["press statement", "statement by", "statement of", "statement from", "answer of", "answers to", "commentary", "press release"];
    word_count(line) <= 40 && !ends_sentence(line) && heads.iter().any(|h| l.contains(h))
}

/// `Pyongyang, April 23, Juche 109(2020)` or `Moscow, 5 May 2024`: a place, then a date,
/// nothing else.
fn is_signoff(line: &str) -> bool {
    let l = line.trim_end_matches('.');
    let Some((place, rest)) = l.split_once(',') else { return false };
    let place_ok = !place.is_empty()
        && word_count(place) <= 3
        && place.chars().next().is_some_and(|c| c.is_uppercase());
    place_ok && word_count(rest) <= 6 && rest.chars().any(|c| c.is_ascii_digit())
}

fn is_heading(line: &str) -> bool {
    !ends_sentence(line) && word_count(line) <= 20
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, title: bool) -> Vec<(BlockKind, String)> {
        let l = layout(text, LayoutOptions { first_line_is_title: title });
        l.blocks.iter().map(|b| (b.kind, b.span.of(text).to_string())).collect()
    }

    #[test]
    fn statement_shape() {
        let t = "Press Statement by Ri Chol, Spokesman of the Foreign Ministry\n\nThe DPRK denounces the sanctions. We reject them.\n\nPyongyang, May 2, Juche 112(2023)";
        let k = kinds(t, true);
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        assert_eq!(k[2].0, BlockKind::Signoff);
        let l = layout(t, LayoutOptions { first_line_is_title: true });
        assert_eq!(l.sentences.len(), 2);
        assert_eq!(l.sentences[1].span.of(t), "We reject them.");
    }

    #[test]
    fn mirror_boilerplate_and_hard_wraps() {
        let t = "Date: 05/05/2024 | Source: Agency (En) | Read original version at source\n\nThe ministry denounces the\ndeclaration as illegal.\nA new paragraph starts here.";
        let k = kinds(t, false);
        assert_eq!(k[0].0, BlockKind::Boilerplate);
        assert_eq!(k[1].1, "The ministry denounces the\ndeclaration as illegal.");
        assert_eq!(k[2].1, "A new paragraph starts here.");
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in ["", "\n\n\n", "é\n\u{0}\n,", "a", "Ünïcödé, 12 \n x"] {
            let _ = layout(t, LayoutOptions { first_line_is_title: true });
        }
    }
}
