//! Data-driven coder tests: each case in `tests/data/sentences.txt` is a small document of
//! our own and the events (source country, target country, code, optionally date) it must
//! give. `DYAD_BLESS=1` prints what the coder gives for every failing case, to review.

use dyad_coder::{Coder, DocInput};
use dyad_dict::Dictionary;

struct Case {
    name: String,
    text: String,
    date: Option<String>,
    publisher: Option<String>,
    expected: Vec<String>,
    line: usize,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/sentences.txt");
    let mut out: Vec<Case> = Vec::new();
    let mut name = String::new();
    for (n, line) in data.lines().enumerate() {
        if let Some(h) = line.strip_prefix("## ") {
            name = h.to_string();
            continue;
        }
        if let Some(t) = line.strip_prefix("> ") {
            let starts_case = out.last().is_none_or(|c| c.name != name || !c.expected.is_empty());
            if starts_case {
                out.push(Case { name: name.clone(), text: String::new(), date: None, publisher: None, expected: Vec::new(), line: n + 1 });
            }
            let c = out.last_mut().expect("a case");
            if !c.text.is_empty() {
                c.text.push_str("\n\n");
            }
            c.text.push_str(t);
        } else if let Some(o) = line.strip_prefix("@ ") {
            let c = out.last_mut().expect("options follow a case");
            for kv in o.split_whitespace() {
                match kv.split_once('=') {
                    Some(("date", v)) => c.date = Some(v.to_string()),
                    Some(("publisher", v)) => c.publisher = Some(v.replace('_', " ")),
                    _ => panic!("sentences.txt:{}: unknown option {kv}", n + 1),
                }
            }
        } else if let Some(e) = line.strip_prefix("= ") {
            out.last_mut().expect("events follow a case").expected.push(e.trim().to_string());
        }
    }
    out
}

/// `SRC TGT CODE`, plus the date when the expectation gives one.
fn render(events: &[dyad_record::Event], with_date: &[bool]) -> Vec<String> {
    let mut v: Vec<String> = events.iter().map(|e| format!("{} {} {}", e.source_country, e.target_country, e.code)).collect();
    if with_date.iter().any(|&d| d) {
        v = events.iter().map(|e| format!("{} {} {} {}", e.source_country, e.target_country, e.code, e.date)).collect();
    }
    v.sort();
    v
}

#[test]
fn coder_cases() {
    let coder = Coder::new(Dictionary::bundled());
    let bless = std::env::var_os("DYAD_BLESS").is_some();
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() >= 40, "the case file has {} cases", all.len());
    for c in &all {
        let coded = coder.code(&DocInput {
            id: "case",
            text: &c.text,
            title: None,
            doc_date: c.date.as_deref(),
            publisher: c.publisher.as_deref(),
            first_line_is_title: false,
        });
        let dated: Vec<bool> = c.expected.iter().map(|e| e.split_whitespace().count() == 4).collect();
        // Dates are compared only when every expectation of the case gives one.
        let use_dates = !dated.is_empty() && dated.iter().all(|&d| d);
        let mut want = c.expected.clone();
        if !use_dates {
            want = want.iter().map(|e| e.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).collect();
        }
        want.sort();
        // An expectation with a two-digit code checks the root only.
        let roots: Vec<usize> = want.iter().enumerate().filter(|(_, w)| w.split_whitespace().nth(2).is_some_and(|c| c.len() == 2)).map(|(i, _)| i).collect();
        let mut got = render(&coded.events, &[use_dates]);
        if !roots.is_empty() {
            got = got.iter().map(|g| {
                let f: Vec<&str> = g.split_whitespace().collect();
                let root_here = want.iter().any(|w| {
                    let wf: Vec<&str> = w.split_whitespace().collect();
                    wf.len() >= 3 && wf[2].len() == 2 && wf[0] == f[0] && wf[1] == f[1] && f[2].starts_with(wf[2])
                });
                if root_here { format!("{} {} {}", f[0], f[1], &f[2][..2]) } else { g.clone() }
            }).collect();
            got.sort();
        }
        if got != want {
            failures.push(format!("sentences.txt:{} ({})\n  want {:?}\n  got  {:?}", c.line, c.name, want, got));
            if bless {
                eprintln!("{}\n{}", c.text, coder.explain(c.text.rsplit("\n\n").next().unwrap_or(""), c.date.as_deref(), None));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn impossible_dates_fall_back_with_a_note() {
    let coder = Coder::new(Dictionary::bundled());
    let coded = coder.code(&DocInput {
        id: "bad-date",
        text: "Norway and Sweden held talks on February 30 in Oslo.",
        title: None,
        doc_date: Some("2024-03-05"),
        publisher: None,
        first_line_is_title: false,
    });
    assert!(!coded.events.is_empty());
    assert!(coded.events.iter().all(|e| e.date == "2024-03-05" && e.date_source == "doc"), "{:?}", coded.events);
    assert!(coded.notes.iter().any(|n| n.message.contains("`February 30` is not a date")), "{:?}", coded.notes);
    let explained = coder.explain("Talks were held on Juche 0 between them.", Some("2024-03-05"), None);
    assert!(explained.contains("`Juche 0` is not a date"), "{explained}");
}
