//! Reading documents from paths: plain text, Markdown, HTML, JSON Lines, directories, stdin.
//!
//! [`Inputs`] yields documents one at a time, so a large JSON Lines file or stdin is never
//! held in memory whole. A file that cannot be read or parsed yields an [`InputError`] naming
//! the file (and line) and the reason; the caller reports it and goes on.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use dyad_record::InputDocument;

/// A document and how it was read.
pub struct Doc {
    pub doc: InputDocument,
    /// Plain files: the first line is the title.
    pub first_line_is_title: bool,
}

#[derive(Debug)]
pub struct InputError {
    pub place: String,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

const TEXT_EXT: &[&str] = &["txt", "md", "markdown", "text"];
const HTML_EXT: &[&str] = &["html", "htm", "xhtml"];
const JSONL_EXT: &[&str] = &["jsonl", "ndjson", "json"];

fn ext(p: &Path) -> String {
    p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// The files named by `paths`, directories walked in name order; unusable paths as errors.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
        } else if p.is_dir() {
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let x = ext(e.path());
                        if TEXT_EXT.contains(&x.as_str()) || HTML_EXT.contains(&x.as_str()) || JSONL_EXT.contains(&x.as_str()) {
                            files.push(e.into_path());
                        }
                    }
                    Ok(_) => {}
                    // An unreadable subdirectory or entry is named, not skipped in silence.
                    Err(e) => {
                        let place = e.path().unwrap_or(p).display().to_string();
                        out.push(Err(InputError { place, reason: format!("cannot read: {}", e.io_error().map_or(e.to_string(), |io| io.to_string())) }));
                    }
                }
            }
            if files.is_empty() {
                out.push(Err(InputError {
                    place: p.display().to_string(),
                    reason: "directory holds no .txt, .md, .html or .jsonl files".into(),
                }));
            }
            files.sort();
            out.extend(files.into_iter().map(Ok));
        } else if !p.exists() {
            out.push(Err(InputError { place: p.display().to_string(), reason: "no such file or directory".into() }));
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

/// Documents of one path, lazily.
pub fn read(path: &Path) -> Box<dyn Iterator<Item = Result<Doc, InputError>>> {
    let place = path.display().to_string();
    let err = |reason: String| -> Box<dyn Iterator<Item = Result<Doc, InputError>>> {
        Box::new(std::iter::once(Err(InputError { place: place.clone(), reason })))
    };
    if path.as_os_str() == "-" {
        return Box::new(jsonl(Box::new(BufReader::new(std::io::stdin())), "<stdin>".to_string()));
    }
    let e = ext(path);
    if JSONL_EXT.contains(&e.as_str()) {
        return match File::open(path) {
            Ok(f) => Box::new(jsonl(Box::new(BufReader::new(f)), place)),
            Err(e) => err(format!("cannot open: {e}")),
        };
    }
    let is_html = HTML_EXT.contains(&e.as_str());
    if !is_html && !TEXT_EXT.contains(&e.as_str()) {
        return err(format!("unsupported file type `.{e}` (expected .txt, .md, .html or .jsonl)"));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return err(format!("cannot read: {e}")),
    };
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(reason) => return err(reason),
    };
    let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let doc = if is_html {
        let (title, body) = html_to_text(&text);
        Doc { doc: InputDocument { id, text: body, title, ..Default::default() }, first_line_is_title: false }
    } else {
        // The first line of a plain file is its title when it reads as a headline (no closing
        // punctuation); the text keeps it, so byte offsets still index the whole file.
        let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        let headline = !first.is_empty() && first.len() <= 300 && !first.ends_with(['.', '!', '?', ':', ';']);
        let title = headline.then(|| first.to_string());
        Doc { doc: InputDocument { id, text, title, ..Default::default() }, first_line_is_title: true }
    };
    if doc.doc.text.trim().is_empty() {
        return err("empty document: nothing to code".into());
    }
    Box::new(std::iter::once(Ok(doc)))
}

/// UTF-8 text, or why not: binary content and invalid UTF-8 are named as such.
/// Takes the bytes by value so a large file is not copied.
fn decode(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    let bom = usize::from(bytes.starts_with(b"\xef\xbb\xbf")) * 3;
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to() + bom))
}

fn jsonl(reader: Box<dyn BufRead>, place: String) -> impl Iterator<Item = Result<Doc, InputError>> {
    let mut lines = reader.split(b'\n').enumerate();
    std::iter::from_fn(move || loop {
        let (n, line) = lines.next()?;
        let at = format!("{place}:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => return Some(Err(InputError { place: at, reason: format!("cannot read: {e}") })),
        };
        let line = match decode(line) {
            Ok(l) => l,
            Err(reason) => return Some(Err(InputError { place: at, reason })),
        };
        if line.trim().is_empty() {
            continue;
        }
        return Some(match serde_json::from_str::<InputDocument>(&line) {
            Ok(doc) if doc.id.is_empty() => Err(InputError { place: at, reason: "document has an empty `id`".into() }),
            Ok(doc) => Ok(Doc { doc, first_line_is_title: false }),
            Err(e) => Err(InputError { place: at, reason: format!("not a document in the input format: {e}") }),
        });
    })
}

/// Title and body text of an HTML page: headings and paragraphs, each a paragraph of text.
/// Elements nested in one already taken (a `<p>` in a `<li>`) are not taken twice; script,
/// style and template text is never text of the page; broken markup is parsed as browsers do.
pub fn html_to_text(html: &str) -> (Option<String>, String) {
    let page = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let clean = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = sel("title, h1")
        .and_then(|s| page.select(&s).next().map(|e| clean(visible_text(e))))
        .filter(|t| !t.is_empty());
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = sel("p, h2, h3, h4, li, blockquote, pre") {
        for e in page.select(&s) {
            let nested = e.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| s.matches(&a));
            if nested || is_hidden(e) {
                continue;
            }
            let t = clean(visible_text(e));
            if !t.is_empty() {
                parts.push(t);
            }
        }
    }
    if parts.is_empty() {
        // No paragraph markup: all the body's text.
        if let Some(s) = sel("body") {
            for e in page.select(&s) {
                let t = clean(visible_text(e));
                if !t.is_empty() {
                    parts.push(t);
                }
            }
        }
    }
    (title, parts.join("\n\n"))
}

/// Elements whose text is not shown as text of the page.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head"];
/// Elements that start a new line of text: their text is kept apart from their neighbours'.
const BLOCK: &[&str] = &[
    "p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "header", "footer", "dd", "dt", "figcaption",
];

fn is_hidden(e: scraper::ElementRef) -> bool {
    e.ancestors().filter_map(|a| a.value().as_element().map(|el| el.name().to_string())).any(|n| HIDDEN.contains(&n.as_str()))
}

/// The text of `e` as shown: no script or style text, and a space between the texts of
/// different blocks (`<li>one</li><li>two</li>` is `one two`, not `onetwo`).
fn visible_text(e: scraper::ElementRef) -> String {
    let mut out = String::new();
    let mut last_block = None;
    for node in e.descendants() {
        let Some(text) = node.value().as_text() else { continue };
        let mut block = None;
        let mut hidden = false;
        for a in node.ancestors() {
            if let Some(el) = a.value().as_element() {
                if HIDDEN.contains(&el.name()) {
                    hidden = true;
                    break;
                }
                if block.is_none() && BLOCK.contains(&el.name()) {
                    block = Some(a.id());
                }
            }
            if a.id() == e.id() {
                break;
            }
        }
        if hidden {
            continue;
        }
        if block != last_block {
            out.push(' ');
            last_block = block;
        }
        out.push_str(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_skips_scripts_and_nested_duplicates() {
        let html = "<html><head><title>On the launch</title><script>x = '<p>Hidden text.</p>';</script></head>\
            <body></div><ul><li><p>Japan condemned the launch.</p></li></ul><blockquote><p>One.</p><p>Two.</p></blockquote>\
            <p>Text <script>var y = 1;</script>goes <b>on<p>Unclosed";
        let (title, body) = html_to_text(html);
        assert_eq!(title.as_deref(), Some("On the launch"));
        assert_eq!(body, "Japan condemned the launch.\n\nOne. Two.\n\nText goes on\n\nUnclosed");
    }

    #[test]
    fn html_without_paragraphs_uses_visible_body_text() {
        let (_, body) = html_to_text("<body><div>China praised Vietnam.</div><script>alert('Russia attacked Japan.')</script><div>Next.</div></body>");
        assert_eq!(body, "China praised Vietnam. Next.");
    }
}
