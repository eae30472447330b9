//! End-to-end tests of the `dyad` binary: each test writes its own documents to a temp dir,
//! runs the real executable (`CARGO_BIN_EXE_dyad`) and checks exit code, stdout and stderr.
//!
//! Fixtures are sentences written for these tests. The comparison with the reference scorer
//! (`shared/tools/score_events.py`) is skipped, with a note, when `../shared` or `python3` is
//! missing. `DYAD_BIG_TESTS=1` makes the long-line test use 50 MB instead of 5 MB.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The output fields of SCHEMA.md, in order.
const SCHEMA_FIELDS: [&str; 24] = [
    "doc_id",
    "event_id",
    "sentence_index",
    "sentence",
    "trigger",
    "span",
    "source",
    "source_country",
    "source_agent",
    "source_name",
    "target",
    "target_country",
    "target_agent",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "date",
    "date_source",
    "future",
    "location",
    "confidence",
];

const VISIT_TXT: &str = "Mongolian Minister Visits Pyongyang\n\
\n\
The Foreign Minister of Mongolia paid an official visit to the DPRK in March 2023. \
The two sides held talks on trade and culture.\n\
\n\
Pyongyang, May 2, 2023\n";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn events(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
    fn assert_no_panic(&self) {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
    }
}

fn dyad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.env_remove("RUST_BACKTRACE");
    c
}

fn run_with(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut c = dyad();
    c.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = c.spawn().expect("spawn dyad");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let out = child.wait_with_output().expect("wait for dyad");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, None)
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, content).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `(source_country, target_country, code)` of every event.
fn triples(events: &[Value]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| (e["source_country"].as_str().unwrap().into(), e["target_country"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
        .collect()
}

fn has(events: &[Value], src: &str, tgt: &str, code: &str) -> bool {
    triples(events).iter().any(|(s, t, c)| s == src && t == tgt && c == code)
}

/// Every event's span indexes `text` and covers exactly its trigger.
fn assert_spans(text: &str, events: &[Value]) {
    for e in events {
        let a = e["span"][0].as_u64().unwrap() as usize;
        let b = e["span"][1].as_u64().unwrap() as usize;
        assert_eq!(text.get(a..b), e["trigger"].as_str(), "span {a}..{b} of {e}");
    }
}

#[test]
fn code_txt_writes_schema_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "mongolia-visit.txt", VISIT_TXT);
    let r = run(&["code", s(&f)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let events = r.events();
    assert!(!events.is_empty());
    for e in &events {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = SCHEMA_FIELDS.to_vec();
        let mut got = keys.clone();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "fields of {e}");
        assert_eq!(e["doc_id"], "mongolia-visit");
        assert_eq!(e["root"].as_str().unwrap(), &e["code"].as_str().unwrap()[..2]);
    }
    let visit = events
        .iter()
        .find(|e| e["source_country"] == "MNG" && e["target_country"] == "PRK" && e["code"] == "042")
        .unwrap_or_else(|| panic!("no MNG -> PRK 042 in {:?}", triples(&events)));
    assert_eq!(visit["trigger"], "paid an official visit");
    assert_eq!(visit["date"], "2023-03");
    assert_eq!(visit["sentence_index"], 0);
    assert_eq!(visit["sentence"], "The Foreign Minister of Mongolia paid an official visit to the DPRK in March 2023.");
    // Byte offsets into the whole file, title line included.
    assert_eq!(visit["span"][0], VISIT_TXT.find("paid an official").unwrap());
    assert_spans(VISIT_TXT, &events);
}

#[test]
fn csv_header_and_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "visit.txt", VISIT_TXT);
    let r = run(&["code", "--format", "csv", s(&f)]);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let mut lines = r.stdout.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header, SCHEMA_FIELDS);
    let jsonl = run(&["code", s(&f)]);
    assert_eq!(lines.count(), jsonl.events().len(), "one CSV row per event");
    assert!(r.stdout.lines().nth(1).unwrap().starts_with("visit,"));

    let t = run(&["code", "--format", "table", s(&f)]);
    assert_eq!(t.code, Some(0), "stderr: {}", t.stderr);
    assert!(t.stdout.contains("042"), "{}", t.stdout);
    assert!(t.stdout.contains("MNG"), "{}", t.stdout);
    assert!(t.stdout.contains(&format!("{} events", jsonl.events().len())), "{}", t.stdout);
}

#[test]
fn jsonl_bad_lines_are_named_and_the_rest_is_coded() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "docs.jsonl",
        "{\"id\":\"good\",\"text\":\"Japan condemned the Russian Federation.\",\"doc_date\":\"2024-02-10\"}\n\
         this line is not JSON\n\
         {\"id\":\"notext\",\"title\":\"No body here\"}\n",
    );
    let r = run(&["code", s(&f)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let events = r.events();
    assert!(has(&events, "JPN", "RUS", "111"), "{:?}", triples(&events));
    assert!(events.iter().all(|e| e["doc_id"] == "good"));
    assert_eq!(events[0]["date"], "2024-02-10");
    let line = |n: usize| r.stderr.lines().find(|l| l.contains(&format!("{}:{n}:", s(&f)))).map(str::to_string);
    let l2 = line(2).unwrap_or_else(|| panic!("line 2 not named:\n{}", r.stderr));
    assert!(l2.contains("not a document"), "{l2}");
    let l3 = line(3).unwrap_or_else(|| panic!("line 3 not named:\n{}", r.stderr));
    assert!(l3.contains("missing field `text`"), "{l3}");
    assert!(line(1).is_none(), "line 1 is good:\n{}", r.stderr);
}

#[test]
fn bad_files_are_named_good_ones_coded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", "Protest Over Detention\n\nChina protested to Canada over the detention of its citizens.\n");
    let broken_html = write(
        d,
        "broken.html",
        "<html><head><title>Statement on the launch</title>\
         <script>document.write('<p>Russia attacked Japan.</p>');</script></head>\
         <body></div><div class=\"main\"><p>Japan condemned the DPRK missile launch.<p>More <b>text <i>without end\n\
         <table><tr><td>a cell</div></span>",
    );
    let bad: Vec<(PathBuf, &str)> = vec![
        (write(d, "empty.txt", ""), "empty"),
        (write(d, "bin/x.txt", b"GIF89a\x00\x01\x02\x00binary\x00data"), "binary"),
        (write(d, "utf8/x.txt", b"Russia condemned \xff\xfe Japan.\n"), "UTF-8"),
        (write(d, "x.pdf", "%PDF-1.4 Russia condemned Japan."), "unsupported file type"),
        (d.join("missing.txt"), "no such file"),
    ];
    let mut args = vec!["code", s(&good)];
    for (p, _) in &bad {
        args.push(s(p));
    }
    args.push(s(&broken_html));
    let r = run(&args);
    r.assert_no_panic();
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let events = r.events();
    assert!(has(&events, "CHN", "CAN", "114"), "{:?}", triples(&events));
    assert!(has(&events, "JPN", "PRK", "111"), "{:?}", triples(&events));
    let docs: Vec<&str> = events.iter().map(|e| e["doc_id"].as_str().unwrap()).collect();
    assert!(docs.iter().all(|d| *d == "good" || *d == "broken"), "{docs:?}");
    assert!(docs.contains(&"good") && docs.contains(&"broken"), "{docs:?}");
    // The script's text is not page text.
    assert!(!has(&events, "RUS", "JPN", "190") && events.iter().all(|e| !e["sentence"].as_str().unwrap().contains("attacked")));
    for (p, reason) in &bad {
        let line = r.stderr.lines().find(|l| l.contains(s(p))).unwrap_or_else(|| panic!("{} not named:\n{}", p.display(), r.stderr));
        assert!(line.contains(reason), "{line}");
    }
    assert!(!r.stderr.contains("good.txt") && !r.stderr.contains("broken.html"), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{} input(s) could not be coded", bad.len())), "{}", r.stderr);
}

#[test]
fn directory_in_file_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    // Written out of order: the walk sorts.
    write(&d, "c-notes.md", "# Notes on Talks\n\nThe Chinese Premier met the Vietnamese President in Hanoi.\n");
    write(&d, "b-second.txt", "Second Item\n\nJapan condemned the DPRK missile launch.\n");
    write(&d, "a-first.txt", "First Item\n\nChina protested to Canada over the detention of its citizens.\n");
    write(&d, "z-logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR");
    let r = run(&["code", s(&d)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let mut order: Vec<String> = Vec::new();
    for e in r.events() {
        let id = e["doc_id"].as_str().unwrap().to_string();
        if order.last() != Some(&id) {
            order.push(id);
        }
    }
    assert_eq!(order, ["a-first", "b-second", "c-notes"]);

    // A directory with nothing to code is named, not passed over in silence.
    let empty = dir.path().join("nothing");
    write(&empty, "logo.png", b"\x89PNG");
    let r = run(&["code", s(&empty)]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains(s(&empty)) && r.stderr.contains("no .txt"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

fn doc_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "doc_date": "2024-01-15"}).to_string() + "\n"
}

#[test]
fn stdin_and_broken_pipe() {
    let input = doc_line("s1", "Japan condemned the Russian Federation.") + &doc_line("s2", "China protested to Canada.");
    let r = run_with(&["code", "-"], Some(input.as_bytes()));
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let events = r.events();
    assert!(has(&events, "JPN", "RUS", "111"), "{:?}", triples(&events));
    assert_eq!(events[0]["doc_id"], "s1");

    // `dyad code big.jsonl | head -1`: far more output than a pipe holds, and the reader leaves.
    let dir = tempfile::tempdir().unwrap();
    let big: String = (0..3000).map(|i| doc_line(&format!("d{i}"), "Japan condemned the Russian Federation. China praised Vietnam.")).collect();
    let f = write(dir.path(), "big.jsonl", big);
    let mut child = dyad().args(["code", s(&f)]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = String::new();
    {
        let mut out = BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut first).unwrap();
    } // the read end is closed here
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(serde_json::from_str::<Value>(&first).is_ok(), "{first}");
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn very_long_line_finishes() {
    let size = if std::env::var("DYAD_BIG_TESTS").is_ok_and(|v| v == "1") { 50_000_000 } else { 5_000_000 };
    let words = ["river", "stone", "paper", "window", "quiet", "morning", "bridge", "garden", "cloud", "the", "of"];
    let mut text = String::with_capacity(size + 64);
    let mut i = 0usize;
    let mut placed = false;
    while text.len() < size {
        if !placed && text.len() >= size / 3 {
            text.push_str("end. Russia condemned Japan. ");
            placed = true;
        }
        text.push_str(words[(i * 7 + i / 3) % words.len()]);
        text.push(' ');
        i += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "long.txt", &text);
    let started = std::time::Instant::now();
    let r = run(&["code", s(&f)]);
    eprintln!("{} bytes on one line coded in {:?}", text.len(), started.elapsed());
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let events = r.events();
    assert!(has(&events, "RUS", "JPN", "111"), "{:?}", triples(&events));
    assert_spans(&text, &events);
    for e in &events {
        assert!(e["sentence"].as_str().unwrap().len() <= 2000, "sentences are cut to at most 2,000 bytes");
    }
}

#[test]
fn explain_shows_origins() {
    let r = run(&["explain", "The Russian Foreign Minister met his Chinese counterpart in Beijing.", "--date", "2024-03-01"]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    for want in ["RUS", "CHN", ".tsv:", "dyad.txt:", "2024-03-01"] {
        assert!(r.stdout.contains(want), "no `{want}` in:\n{}", r.stdout);
    }
    let bad = run(&["explain", "Russia condemned Japan.", "--date", "2024-02-30"]);
    bad.assert_no_panic();
    assert_ne!(bad.code, Some(0));
    assert!(bad.stderr.contains("2024-02-30"), "{}", bad.stderr);
    assert!(bad.stdout.is_empty());
}

#[test]
fn explain_in_document_context() {
    // The second sentence's `The two sides` and its date need the first sentence and the
    // sign-off: in context they resolve; alone they cannot.
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "visit.txt", VISIT_TXT);
    let r = run(&["explain", "--in", s(&f), "The two sides held talks"]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    for want in ["document: visit", "date: 2023-05-02", "sentence 1: The two sides held talks", "MNG", "PRK", "046", "events kept after merging"] {
        assert!(r.stdout.contains(want), "no `{want}` in:\n{}", r.stdout);
    }
    let alone = run(&["explain", "The two sides held talks on trade and culture."]);
    assert!(alone.stdout.contains("events: 0"), "{}", alone.stdout);
    let missing = run(&["explain", "--in", s(&f), "no such words here"]);
    assert_ne!(missing.code, Some(0));
    assert!(missing.stderr.contains("no sentence"), "{}", missing.stderr);
}

const GOLD: &str = r#"{"id":"g1","doc_date":"2023-05-02","text":"The Foreign Minister of Mongolia paid an official visit to the DPRK in March 2023. The two sides held talks on trade.\n\nJapan condemned the missile test of the DPRK.","events":[{"source":"MNGGOV","target":"PRK","root":"04","date":"2023-03","sentence":"The Foreign Minister of Mongolia paid an official visit to the DPRK in March 2023."},{"source":"PRK","target":"MNG","root":"04","date":"2023-03","sentence":"The two sides held talks on trade."},{"source":"JPN","target":"PRK","root":"11","date":"2023-05","sentence":"Japan condemned the missile test of the DPRK."}]}
{"id":"g2","doc_date":"2024-03-11","text":"The Russian Foreign Minister met his Chinese counterpart in Beijing on Monday. Russian and Chinese warships held joint naval drills from June to August 2023.\n\nThe Ukrainian President thanked Poland for its support.","events":[{"source":"RUSGOV","target":"CHN","root":"04","date":"2024-03-04","sentence":"The Russian Foreign Minister met his Chinese counterpart in Beijing on Monday."},{"source":"RUS","target":"CHN","root":"06","date":"2023-06/2023-08","sentence":"Russian and Chinese warships held joint naval drills from June to August 2023."},{"source":"UKRGOV","target":"POL","root":"05","date":"2024-03","sentence":"The Ukrainian President thanked Poland for its support."}]}
{"id":"g3","text":"Seoul, 4 April 2024\n\nSouth Korea summoned the Japanese ambassador. Vietnam expressed hope for better ties with Cambodia.","events":[{"source":"KOR","target":"JPNGOV","root":"11","date":"2024-04-04","sentence":"South Korea summoned the Japanese ambassador."},{"source":"VNM","target":"KHM","root":"01","date":"2024-04","sentence":"Vietnam expressed hope for better ties with Cambodia."}]}
"#;

/// `CARGO_MANIFEST_DIR/../../../shared/tools/score_events.py` and a working `python3`, or why not.
fn reference_scorer() -> Result<PathBuf, String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/tools/score_events.py");
    if !p.is_file() {
        return Err(format!("{} not found", p.display()));
    }
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(p),
        _ => Err("python3 not available".into()),
    }
}

#[test]
fn eval_agrees_with_reference_scorer() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(dir.path(), "gold.jsonl", GOLD);
    let pred = dir.path().join("pred.jsonl");
    let r = run(&["eval", s(&gold), "--pred", s(&pred)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let pred_text = std::fs::read_to_string(&pred).unwrap();
    let n_pred = pred_text.lines().count();
    assert!(n_pred > 0);
    let counts = r.stdout.lines().next().unwrap();
    assert_eq!(counts, format!("documents 3  gold events 8  predicted {n_pred}"), "{}", r.stdout);
    // The events written with --pred are those `dyad code` prints.
    let coded = run(&["code", s(&gold)]);
    assert_eq!(coded.stdout, pred_text);

    match reference_scorer() {
        Err(why) => eprintln!("note: reference scorer comparison skipped: {why}"),
        Ok(script) => {
            for extra in [None, Some("--by-root")] {
                let mut ours = vec!["eval", s(&gold), "--pred", s(&pred)];
                let mut theirs = Command::new("python3");
                theirs.arg(&script).arg(&gold).arg(&pred);
                if let Some(flag) = extra {
                    ours.push(flag);
                    theirs.arg(flag);
                }
                let ours = run(&ours);
                let theirs = theirs.output().unwrap();
                assert!(theirs.status.success(), "{}", String::from_utf8_lossy(&theirs.stderr));
                assert_eq!(ours.stdout, String::from_utf8(theirs.stdout).unwrap(), "with {extra:?}");
                if extra.is_some() {
                    assert!(ours.stdout.starts_with("root "), "{}", ours.stdout);
                }
            }
        }
    }
}

#[test]
fn dict_dir_adds_actors() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("dict");
    write(
        &dict,
        "actors/extra.tsv",
        "# a fictional state for tests\nXXA\t-\t-\t-\tname\t-\tFreedonia\tdyad\nXXA\t-\t-\t-\tadj\t-\tFreedonian|Freedonians\tdyad\n",
    );
    let doc = write(dir.path(), "f.jsonl", doc_line("f", "Freedonia condemned the Russian Federation."));
    let r = run(&["code", "--dict", s(&dict), s(&doc)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let events = r.events();
    let e = events
        .iter()
        .find(|e| e["source_country"] == "XXA" && e["target_country"] == "RUS")
        .unwrap_or_else(|| panic!("{:?}", triples(&events)));
    assert_eq!(e["root"], "11");
    assert_eq!(e["code"], "111");
    // Without the extra file, Freedonia is nobody.
    let plain = run(&["code", s(&doc)]);
    assert!(!plain.stdout.contains("XXA"));

    let missing = dir.path().join("no-such-dict");
    let r = run(&["code", "--dict", s(&missing), s(&doc)]);
    r.assert_no_panic();
    assert_ne!(r.code, Some(0));
    assert_ne!(r.code, Some(1), "a bad --dict is a usage error, not a bad input");
    assert!(r.stderr.contains(s(&missing)), "{}", r.stderr);
    assert!(r.stderr.contains("not a directory"), "{}", r.stderr);
    assert!(!r.stderr.contains("not a directory: not a directory"), "cause printed twice: {}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn parallel_output_does_not_depend_on_jobs() {
    // More documents than one batch, with a bad line in the middle: the same bytes whatever
    // the thread count, and the bad line still named in its place.
    let dir = tempfile::tempdir().unwrap();
    let sentences = [
        "Japan condemned the Russian Federation on Monday.",
        "The Foreign Minister of Chile visited Peru last week and held talks with his counterpart.",
        "Egypt and Sudan signed a trade accord. The two countries will also hold talks next month.",
        "Poland summoned the Belarusian ambassador over the border incident.",
    ];
    let mut lines: String = (0..1200).map(|i| doc_line(&format!("p{i}"), sentences[i % sentences.len()])).collect();
    lines.push_str("not json\n");
    lines.push_str(&doc_line("last", "Kenya praised Uganda for its help."));
    let f = write(dir.path(), "many.jsonl", lines);
    let one = run(&["code", "-j", "1", s(&f)]);
    let two = run(&["code", "-j", "2", s(&f)]);
    one.assert_no_panic();
    assert_eq!(one.code, Some(1), "the bad line makes the run fail: {}", one.stderr);
    assert!(one.stderr.contains("many.jsonl:1201"), "{}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
    let events = one.events();
    assert!(events.len() > 1200, "{}", events.len());
    assert_eq!(events.last().unwrap()["doc_id"], "last");
}

#[test]
fn bench_checks_its_count_and_writes_its_corpus() {
    // The generated corpus, written out, promises per document what the bench checked in all;
    // coding it with `dyad code` gives that many events too.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("bench.jsonl");
    let r = run(&["bench", "--sentences", "300", "-j", "1", "--write-corpus", s(&corpus)]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let checked = r.stdout.lines().find_map(|l| l.strip_prefix("event count checked: ")).expect("count checked");
    let total: u64 = checked.split(" = ").next().unwrap().parse().unwrap();
    let docs: Vec<Value> = std::fs::read_to_string(&corpus).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 30);
    let promised: u64 = docs.iter().map(|d| d["expected_events"].as_u64().unwrap()).sum();
    assert_eq!(promised, total);
    let coded = run(&["code", "--format", "jsonl", s(&corpus)]);
    assert_eq!(coded.events().len() as u64, total);
    // Its sentences are news-length on average, not headlines only.
    assert!(r.stdout.contains("300 sentences"), "{}", r.stdout);
    let tokens: f64 = r.stdout.split(" tokens").next().unwrap().rsplit(' ').next().unwrap().parse().unwrap();
    assert!(tokens / 300.0 > 15.0, "{} tokens a sentence", tokens / 300.0);
    // --write-corpus writes the generated corpus only.
    let r = run(&["bench", "--corpus", s(&corpus), "--write-corpus", s(&dir.path().join("x.jsonl"))]);
    assert_eq!(r.code, Some(2), "a usage error");
    assert!(r.stderr.contains("--write-corpus"), "{}", r.stderr);
}

#[test]
fn a_document_the_coder_fails_on_is_named_and_the_rest_coded() {
    // The debug binary fails on the document DYAD_TEST_FAIL_DOC names, as a bug of the coder
    // would: `code` names it and codes the others; `ingest` stores the others and keeps what
    // the store held of the failed one.
    let dir = tempfile::tempdir().unwrap();
    let docs = [doc_line("good1", "Kenya praised Uganda for its help."), doc_line("bad", "Chile condemned Peru on Monday."), doc_line("good2", "Japan condemned the Russian Federation on Monday.")].concat();
    let f = write(dir.path(), "docs.jsonl", docs);
    let mut c = dyad();
    c.env("DYAD_TEST_FAIL_DOC", "bad").args(["code", "--format", "jsonl", s(&f)]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("document `bad`: the coder failed on it"), "{stderr}");
    let ids: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["doc_id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"good1".to_string()) && ids.contains(&"good2".to_string()), "{ids:?}");
    assert!(!ids.contains(&"bad".to_string()));

    let db = dir.path().join("store.db");
    let r = run(&["ingest", "--db", s(&db), s(&f)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let before = run(&["events", "--db", s(&db), "--mentions", "--format", "jsonl"]).events().len();
    assert_eq!(before, 3);
    // The text of `bad` changes, and coding it fails: its stored events stay.
    let changed = [doc_line("bad", "Chile condemned Peru on Tuesday."), doc_line("good3", "Poland summoned the Belarusian ambassador.")].concat();
    let g = write(dir.path(), "more.jsonl", changed);
    let mut c = dyad();
    c.env("DYAD_TEST_FAIL_DOC", "bad").args(["ingest", "--db", s(&db), s(&g)]);
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("document `bad`: the coder failed on it"), "{stderr}");
    let after = run(&["events", "--db", s(&db), "--mentions", "--format", "jsonl"]).events();
    assert!(after.iter().any(|e| e["doc_id"] == "bad"), "the stored events of `bad` are kept");
    assert!(after.iter().any(|e| e["doc_id"] == "good3"));
}
