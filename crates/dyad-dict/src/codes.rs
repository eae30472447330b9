//! The CAMEO code table: label, Goldstein value, quad class and PLOVER type of every code.
//!
//! One table, named in `data/SOURCES.md` (GDELT's `CAMEO.goldsteinscale.txt`, with `1213` from
//! andybega/icews), so every event carries values from the same source. A code missing from
//! the table falls back to its nearest listed parent (`0871` -> `087` -> `08`).

use crate::{fields, Diagnostic, FastMap, Origin};

#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    pub label: String,
    pub goldstein: f32,
    pub quad: u8,
    pub plover: Option<String>,
}

#[derive(Default)]
pub struct CodeTable {
    codes: FastMap<String, CodeInfo>,
}

impl CodeTable {
    pub(crate) fn load(&mut self, file: &'static str, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, line) in text.lines().enumerate() {
            let Some(f) = fields(line).map(Iterator::collect::<Vec<_>>) else { continue };
            let origin = Origin { file, line: n as u32 + 1 };
            let parsed = match f.as_slice() {
                [code, label, g, q, p, ..] => g.parse::<f32>().ok().zip(q.parse::<u8>().ok()).map(|(g, q)| CodeInfo {
                    code: code.to_string(),
                    label: label.to_string(),
                    goldstein: g,
                    quad: q,
                    plover: (!p.is_empty() && *p != "-").then(|| p.to_string()),
                }),
                _ => None,
            };
            match parsed {
                Some(c) if is_code(&c.code) && (1..=4).contains(&c.quad) => {
                    self.codes.insert(c.code.clone(), c);
                }
                _ => diags.push(Diagnostic {
                    origin,
                    message: "expected `code<TAB>label<TAB>goldstein<TAB>quad<TAB>plover`".into(),
                }),
            }
        }
    }

    /// The entry for `code` or its nearest listed parent.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        let mut c = code;
        while c.len() >= 2 {
            if let Some(i) = self.codes.get(c) {
                return Some(i);
            }
            c = &c[..c.len() - 1];
        }
        None
    }

    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Two to four ASCII digits.
pub fn is_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}
