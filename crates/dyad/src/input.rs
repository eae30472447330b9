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
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| {
                    let e = ext(f);
                    TEXT_EXT.contains(&e.as_str()) || HTML_EXT.contains(&e.as_str()) || JSONL_EXT.contains(&e.as_str())
                })
                .collect();
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
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(reason) => return err(reason),
    };
    let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let doc = if is_html {
        let (title, body) = html_to_text(&text);
        Doc { doc: InputDocument { id, text: body, title, ..Default::default() }, first_line_is_title: false }
    } else {
        Doc { doc: InputDocument { id, text, ..Default::default() }, first_line_is_title: true }
    };
    if doc.doc.text.trim().is_empty() {
        return err("empty document: nothing to code".into());
    }
    Box::new(std::iter::once(Ok(doc)))
}

/// UTF-8 text, or why not: binary content and invalid UTF-8 are named as such.
fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
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
        let line = match decode(&line) {
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
pub fn html_to_text(html: &str) -> (Option<String>, String) {
    let page = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let clean = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = sel("title, h1")
        .and_then(|s| page.select(&s).next().map(|e| clean(e.text().collect())))
        .filter(|t| !t.is_empty());
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = sel("p, h2, h3, h4, li, blockquote, pre") {
        for e in page.select(&s) {
            let t = clean(e.text().collect());
            if !t.is_empty() {
                parts.push(t);
            }
        }
    }
    if parts.is_empty() {
        // No paragraph markup: all the body's text.
        if let Some(s) = sel("body") {
            for e in page.select(&s) {
                let t = clean(e.text().collect::<Vec<_>>().join("\n"));
                if !t.is_empty() {
                    parts.push(t);
                }
            }
        }
    }
    (title, parts.join("\n\n"))
}
