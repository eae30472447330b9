//! Documents to paragraphs, sentences and tokens, every piece a byte span of the original text.
//!
//! [`layout`] reads a document's shape: the title line, mirror boilerplate (`Date: 20/06/2024 |
//! Source: ...`), headings, the issuer line (`Press Statement by NAME, TITLE, MINISTRY`), the
//! sign-off (`Pyongyang, April 23, Juche 109(2020)`) and the paragraphs whose sentences carry
//! events. [`split_sentences`] and [`tokenize`] cut text without copying it: every [`Span`]
//! indexes the text it was cut from, so an event's trigger maps back to its bytes.
//!
//! A sentence longer than [`MAX_SENTENCE`] bytes (a page with no punctuation, a scraped
//! blob) is cut into pieces at white space, so the coder's work per sentence stays bounded.
//!
//! This crate knows nothing of actors, events or dates; it never fails on any input.

mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{is_normal_form, normal_form, normalize_token, push_normal_form, tokenize, Token, TokenKind};

/// The longest sentence [`layout`] hands on, in bytes: longer ones are cut into pieces of at
/// most this many bytes, at the last white space before the limit (or at a char boundary
/// when there is none). Real sentences are far shorter; the cap keeps coding linear in the
/// length of the text whatever the input.
pub const MAX_SENTENCE: usize = 2000;

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
    /// The spanned text (empty if the span does not fit `text`). Every token's text is read
    /// through it, from every crate: it is inlined.
    #[inline]
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
        let kind = if line.len() > MAX_SENTENCE {
            // No title, heading, issuer or sign-off is this long: it is running text.
            BlockKind::Paragraph
        } else if i == 0 && opts.first_line_is_title && (!ends_sentence(line) || is_issuer(line)) {
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
            for span in cut_long(text, span) {
                sentences.push(Sentence { span, paragraph });
            }
        }
        paragraph += 1;
    }
    Layout { blocks, sentences }
}

/// `span` of `text` in pieces of at most [`MAX_SENTENCE`] bytes, each cut at the last white
/// space before the limit (else at the last char boundary), trimmed of white space.
fn cut_long(text: &str, span: Span) -> Vec<Span> {
    if span.end - span.start <= MAX_SENTENCE {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = span.start;
    loop {
        let rest = &text[start..span.end];
        start += rest.len() - rest.trim_start().len();
        if span.end - start <= MAX_SENTENCE {
            if start < span.end {
                out.push(Span::new(start, span.end));
            }
            return out;
        }
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = if text[limit..].starts_with(char::is_whitespace) {
            limit
        } else {
            match text[start..limit].rfind(char::is_whitespace) {
                Some(i) if i > 0 => start + i,
                _ => limit,
            }
        };
        let piece = text[start..cut].trim_end();
        out.push(Span::new(start, start + piece.len()));
        start = cut;
    }
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

/// Whether `line` has at most `n` words; stops reading at the word after the `n`th.
fn at_most_words(line: &str, n: usize) -> bool {
    line.split_whitespace().nth(n).is_none()
}

fn is_boilerplate(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    (l.starts_with("date:") && l.contains('|'))
        || l.contains("read original version")
        || l.starts_with("source:")
        || l.starts_with("http://")
        || l.starts_with("https://")
        // A sentence's end is seen at a glance, its words only by reading it.
        || (!ends_sentence(line) && at_most_words(line, 8) && digit_share(line) > 0.25)
        // `No comments:`, `Share this:`: a blog's widget label.
        || (line.trim_end().ends_with(':') && at_most_words(line, 3))
}

fn digit_share(line: &str) -> f32 {
    let n = line.chars().filter(|c| !c.is_whitespace()).count().max(1);
    line.chars().filter(|c| c.is_ascii_digit()).count() as f32 / n as f32
}

/// `Press Statement by ...`, `Statement of the Spokesman for ...`, `Answer of ...`.
pub fn is_issuer(line: &str) -> bool {
    let heads = ["press statement", "statement by", "statement of", "statement from", "answer of", "answers to", "commentary", "press release"];
    !ends_sentence(line) && at_most_words(line, 40) && {
        let l = line.to_ascii_lowercase();
        heads.iter().any(|h| l.contains(h))
    }
}

/// `Pyongyang, April 23, Juche 109(2020)` or `Moscow, 5 May 2024`: a place, then a date,
/// nothing else.
fn is_signoff(line: &str) -> bool {
    let l = line.trim_end_matches('.');
    let Some((place, rest)) = l.split_once(',') else { return false };
    let place_ok = !place.is_empty()
        && at_most_words(place, 3)
        && place.chars().next().is_some_and(|c| c.is_uppercase());
    place_ok && at_most_words(rest, 6) && rest.chars().any(|c| c.is_ascii_digit())
}

/// A short line with no end punctuation, and no sentence ending inside it: `I take this
/// chance to advise the EU. If the EU wants` is a paragraph cut short, not a heading.
fn is_heading(line: &str) -> bool {
    !ends_sentence(line) && at_most_words(line, 20) && crate::sentences::split_sentences(line).len() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_labels_are_boilerplate() {
        let k = kinds("Talks went well.\n\nNo comments:\n\nShare this:", false);
        assert_eq!(k[1].0, BlockKind::Boilerplate);
        assert_eq!(k[2].0, BlockKind::Boilerplate);
    }

    #[test]
    fn a_paragraph_cut_short_is_no_heading() {
        let k = kinds("Talks went well.\n\nWe urge Chile to act. If Chile wants peace it", false);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        let h = kinds("Talks went well.\n\nRelations With Chile\n\nMore text here.", false);
        assert_eq!(h[1].0, BlockKind::Heading);
    }

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
    fn long_sentences_are_cut_at_white_space_with_exact_spans() {
        // One 'sentence' of 10,000+ bytes: words, a run of spaces, a 2,500-byte word with no
        // white space at all, multi-byte letters (2 and 4 bytes), and a short sentence after.
        let mut body = String::new();
        for i in 0..900 {
            body.push_str(["river ", "stone  ", "garden\t", "été ", "ünï "][i % 5]);
        }
        body.push_str(&"x".repeat(2500));
        body.push(' ');
        body.push_str(&"ö".repeat(1500));
        body.push_str(&"\u{1F600}".repeat(700));
        body.push_str(" tail words end. Then a short one.");
        let t = format!("Title\n\n{body}");
        let l = layout(&t, LayoutOptions { first_line_is_title: true });
        assert!(l.sentences.len() > 5, "{} pieces", l.sentences.len());
        for s in &l.sentences {
            let piece = s.span.of(&t);
            assert!(!piece.is_empty());
            assert!(piece.len() <= MAX_SENTENCE, "piece of {} bytes", piece.len());
            assert_eq!(piece, piece.trim(), "pieces are trimmed");
            assert_eq!(&t[s.span.start..s.span.end], piece, "spans index the text");
        }
        // Pieces follow each other and, white space aside, cover the text exactly.
        let joined: String = l.sentences.iter().map(|s| s.span.of(&t)).collect::<Vec<_>>().concat();
        let squeezed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined.chars().filter(|c| !c.is_whitespace()).collect::<String>(), squeezed);
        for w in l.sentences.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        // Where there is white space before the limit, the cut falls on it: no word is split.
        assert!(l.sentences[0].span.of(&t).ends_with(|c: char| c.is_alphabetic()));
        assert!(t[l.sentences[0].span.end..].starts_with(char::is_whitespace));
        // The 2,500-byte word has no white space: cut at the limit.
        assert!(l.sentences.iter().any(|s| s.span.of(&t) == "x".repeat(MAX_SENTENCE)));
        // The sentence after the long one is untouched.
        assert_eq!(l.sentences.last().unwrap().span.of(&t), "Then a short one.");
        // A short sentence is never cut.
        let short = "Russia condemned Japan.";
        assert_eq!(cut_long(short, Span::new(0, short.len())), vec![Span::new(0, short.len())]);
    }

    #[test]
    fn a_long_first_line_is_running_text_not_a_title() {
        let t = format!("{}end. Russia condemned Japan. {}", "word ".repeat(500), "more ".repeat(500));
        let l = layout(&t, LayoutOptions { first_line_is_title: true });
        assert_eq!(l.blocks[0].kind, BlockKind::Paragraph);
        assert!(l.sentences.iter().any(|s| s.span.of(&t).starts_with("Russia condemned Japan.")));
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in ["", "\n\n\n", "é\n\u{0}\n,", "a", "Ünïcödé, 12 \n x"] {
            let _ = layout(t, LayoutOptions { first_line_is_title: true });
        }
    }
}
