//! End-to-end tests of the store commands (`ingest`, `recode`, `events`, `search`, `export`,
//! `timeline`): each runs the real binary on files in a temp dir.
//!
//! Fixtures are sentences written for these tests, and generated documents built from them.
//! Tests on the shared corpora (`../shared/corpus`, resolved from this crate's manifest) skip
//! with a note when the corpora are not beside the checkout.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dyad_record::{Event, Story};

fn dyad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.env_remove("RUST_BACKTRACE");
    c
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = dyad().args(args).stdin(Stdio::null()).output().expect("dyad runs");
    let r = Run { code: out.status.code(), stdout: String::from_utf8_lossy(&out.stdout).into(), stderr: String::from_utf8_lossy(&out.stderr).into() };
    assert!(!r.stderr.contains("panicked"), "dyad panicked: {}", r.stderr);
    r
}

fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, Some(0), "dyad {args:?} failed:\n{}", r.stderr);
    r
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn lines<T: serde::de::DeserializeOwned>(out: &str) -> Vec<T> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a record ({e}): {l}"))).collect()
}

fn sorted(mut v: Vec<Event>) -> Vec<Event> {
    v.sort_by(|a, b| (&a.doc_id, a.sentence_index, &a.event_id).cmp(&(&b.doc_id, b.sentence_index, &b.event_id)));
    v
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus/dev/dev.gold.jsonl").is_file() {
        Some(p)
    } else {
        eprintln!("note: {} has no corpus/dev/dev.gold.jsonl; test skipped", p.display());
        None
    }
}

const KCNA: &str = "Foreign Ministers Meet\n\n\
The Foreign Minister of Mongolia held talks with the Chinese Foreign Minister in Ulaanbaatar on Wednesday. \
Russia condemned the missile launch by Japan on March 2, 2021.\n\n\
Ulaanbaatar, March 4, 2021\n";
const XINHUA: &str = "Talks in Ulaanbaatar\n\n\
Mongolian Foreign Minister met Chinese Foreign Minister Wang Yi in Ulaanbaatar on March 3, 2021. \
India praised Brazil for its support on March 4, 2021.\n\n\
Beijing, March 5, 2021\n";

#[test]
fn two_reports_of_one_meeting_are_one_event_with_both_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kcna-0303.txt"), KCNA).unwrap();
    std::fs::write(dir.path().join("xinhua-0303.txt"), XINHUA).unwrap();
    let db = dir.path().join("t.db");
    let r = ok(&["ingest", "--db", s(&db), s(dir.path())]);
    assert!(r.stderr.contains("2 added"), "{}", r.stderr);

    let merged: Vec<Story> = lines(&ok(&["events", "--db", s(&db), "--dyad", "MNG-CHN", "--format", "jsonl"]).stdout);
    assert_eq!(merged.len(), 2, "one story per direction: {merged:#?}");
    for st in &merged {
        assert_eq!(st.mentions, 2);
        assert_eq!(st.doc_ids, ["kcna-0303", "xinhua-0303"]);
        assert_eq!(st.event.root, "04");
    }
    let raw: Vec<Event> = lines(&ok(&["events", "--db", s(&db), "--dyad", "MNG-CHN", "--mentions", "--format", "jsonl"]).stdout);
    assert_eq!(raw.len(), 4);
    let directed: Vec<Story> = lines(&ok(&["events", "--db", s(&db), "--dyad", "MNG-CHN", "--directed", "--format", "jsonl"]).stdout);
    assert_eq!(directed.len(), 1);
    assert_eq!(directed[0].event.source_country, "MNG");

    // Filters.
    let n = |args: &[&str]| {
        let mut a = vec!["events", "--db", s(&db), "--mentions", "--format", "jsonl"];
        a.extend_from_slice(args);
        lines::<Event>(&ok(&a).stdout).len()
    };
    assert_eq!(n(&["--actor", "JPN"]), 1);
    assert_eq!(n(&["--root", "11"]), 1);
    assert_eq!(n(&["--code", "051"]), 1);
    assert_eq!(n(&["--from", "2021-03-04"]), 1);
    assert_eq!(n(&["--to", "2021-03-02"]), 1);
    assert_eq!(n(&["--from", "2022"]), 0);

    let table = ok(&["events", "--db", s(&db)]).stdout;
    assert!(table.contains("kcna-0303, xinhua-0303") && table.contains("events ("), "{table}");
    let csv = ok(&["events", "--db", s(&db), "--format", "csv"]).stdout;
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("doc_id,event_id,sentence_index") && header.ends_with(",confidence,mentions,doc_ids"), "{header}");

    let bad = run(&["events", "--db", s(&db), "--dyad", "MNG"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("--dyad `MNG`"), "{}", bad.stderr);
    let bad = run(&["events", "--db", s(&db), "--from", "spring"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("--from `spring`"), "{}", bad.stderr);
}

#[test]
fn ingest_is_idempotent_replaces_changed_documents_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), KCNA).unwrap();
    std::fs::write(docs.join("b.txt"), XINHUA).unwrap();
    std::fs::write(docs.join("broken.jsonl"), "{\"id\": \"ok-1\", \"text\": \"Vietnam praised Laos on May 5, 2022.\"}\nnot json\n").unwrap();
    let db = dir.path().join("t.db");
    let count = |what: &str| -> i64 {
        let c = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        c.query_row(&format!("SELECT count(*) FROM {what}"), [], |r| r.get(0)).unwrap()
    };

    let r = run(&["ingest", "--db", s(&db), s(&docs)]);
    assert_eq!(r.code, Some(1), "a bad line: exit 1, the rest stored");
    assert!(r.stderr.contains("broken.jsonl:2"), "{}", r.stderr);
    let first = (count("documents"), count("events"), count("stories"));
    assert_eq!(first.0, 3);

    let r = run(&["ingest", "--db", s(&db), s(&docs)]);
    assert!(r.stderr.contains("0 added, 0 replaced, 3 unchanged"), "{}", r.stderr);
    assert_eq!((count("documents"), count("events"), count("stories")), first);

    std::fs::write(docs.join("b.txt"), "Talks in Ulaanbaatar\n\nJapan praised Vietnam on June 1, 2021.\n").unwrap();
    let r = run(&["ingest", "--db", s(&db), s(&docs)]);
    assert!(r.stderr.contains("0 added, 1 replaced, 2 unchanged"), "{}", r.stderr);
    let b: Vec<Event> = lines(&ok(&["events", "--db", s(&db), "--mentions", "--format", "jsonl", "--actor", "VNM"]).stdout);
    assert!(b.iter().any(|e| e.doc_id == "b" && e.source_country == "JPN"), "{b:?}");
    let merged: Vec<Story> = lines(&ok(&["events", "--db", s(&db), "--dyad", "MNG-CHN", "--format", "jsonl"]).stdout);
    assert!(merged.iter().all(|x| x.doc_ids == ["a"]), "b no longer reports the meeting: {merged:?}");

    let r = ok(&["recode", "--db", s(&db)]);
    assert!(r.stderr.contains("recoded 3 documents, 0 with changed events, 3 unchanged"), "{}", r.stderr);
}

#[test]
fn search_export_and_timeline_on_own_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kcna-0303.txt"), KCNA).unwrap();
    std::fs::write(dir.path().join("xinhua-0303.txt"), XINHUA).unwrap();
    let db = dir.path().join("t.db");
    ok(&["ingest", "--db", s(&db), s(dir.path())]);

    let found = ok(&["search", "--db", s(&db), "Ulaanbaatar", "--format", "jsonl"]).stdout;
    let hits: Vec<serde_json::Value> = lines(&found);
    assert_eq!(hits.len(), 2);
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[Ulaanbaatar]"), "{found}");
    let none = run(&["search", "--db", s(&db), "Vladivostok"]);
    assert_eq!(none.code, Some(1), "no match: exit 1");

    let all: Vec<Event> = lines(&ok(&["events", "--db", s(&db), "--mentions", "--format", "jsonl"]).stdout);
    let stories: Vec<Story> = lines(&ok(&["events", "--db", s(&db), "--format", "jsonl"]).stdout);
    assert!(stories.len() < all.len(), "some events merged");
    for (format, file) in [("csv", "e.csv"), ("jsonl", "e.jsonl"), ("parquet", "e.parquet")] {
        let out = dir.path().join(file);
        let r = ok(&["export", "--db", s(&db), "--format", format, "-o", s(&out)]);
        assert!(r.stderr.contains(&format!("wrote {} events", all.len())), "{}", r.stderr);
    }
    let parquet = dyad_export::read_parquet_events(&dir.path().join("e.parquet")).unwrap();
    let jsonl: Vec<Event> = lines(&std::fs::read_to_string(dir.path().join("e.jsonl")).unwrap());
    assert_eq!(parquet, jsonl);
    let merged = dir.path().join("m.csv");
    let r = ok(&["export", "--db", s(&db), "--format", "csv", "--merged", "-o", s(&merged)]);
    assert!(r.stderr.contains(&format!("wrote {} merged events", stories.len())), "{}", r.stderr);

    let svg = dir.path().join("chart.svg");
    let t = ok(&["timeline", "--db", s(&db), "mng", "chn", "-o", s(&svg)]).stdout;
    assert!(t.contains("2021-03") && t.contains("MNG→CHN"), "{t}");
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<svg") && chart.contains("MNG and CHN") && chart.contains("2021-03"), "{chart}");
    let plan = ok(&["timeline", "--db", s(&db), "MNG", "CHN", "--explain"]).stdout;
    assert!(plan.contains("USING COVERING INDEX stories_timeline"), "{plan}");
}

#[test]
fn a_foreign_or_damaged_db_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, KCNA).unwrap();

    let text = dir.path().join("thesis.db");
    std::fs::write(&text, "Chapter 1. Relations between states.\n").unwrap();
    let foreign = dir.path().join("birds.sqlite");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('heron');").unwrap();
    let damaged = dir.path().join("damaged.db");
    ok(&["ingest", "--db", s(&damaged), s(&doc)]);
    let mut b = std::fs::read(&damaged).unwrap();
    b[100..2100].fill(0x5a);
    std::fs::write(&damaged, &b).unwrap();

    for (db, says) in [(&text, "not a SQLite database"), (&foreign, "not a dyad store"), (&damaged, "damaged dyad store")] {
        let before = std::fs::read(db).unwrap();
        for args in [
            vec!["ingest", "--db", s(db), s(&doc)],
            vec!["recode", "--db", s(db)],
            vec!["events", "--db", s(db)],
            vec!["search", "--db", s(db), "talks"],
            vec!["timeline", "--db", s(db), "MNG", "CHN"],
            vec!["export", "--db", s(db), "--format", "csv", "-o", s(&dir.path().join("out.csv"))],
        ] {
            let r = run(&args);
            assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
            assert!(r.stderr.contains(says) && r.stderr.contains(s(db)), "{args:?}: {}", r.stderr);
        }
        assert_eq!(std::fs::read(db).unwrap(), before, "{} was modified", db.display());
        for suffix in ["-wal", "-shm", "-journal"] {
            assert!(!Path::new(&format!("{}{suffix}", s(db))).exists(), "{}{suffix} created", db.display());
        }
    }
    assert!(!dir.path().join("out.csv").exists());
    let missing = run(&["events", "--db", s(&dir.path().join("none.db"))]);
    assert_eq!(missing.code, Some(2));
    assert!(missing.stderr.contains("no dyad store here"), "{}", missing.stderr);
    assert!(!dir.path().join("none.db").exists());
}

/// Generated documents: our own sentence patterns over countries, days and places.
fn synthetic(n: usize) -> String {
    const C: [(&str, &str); 8] = [
        ("Mongolia", "Mongolian"),
        ("China", "Chinese"),
        ("Russia", "Russian"),
        ("Japan", "Japanese"),
        ("Vietnam", "Vietnamese"),
        ("India", "Indian"),
        ("Brazil", "Brazilian"),
        ("Laos", "Lao"),
    ];
    const M: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let mut out = String::new();
    for i in 0..n {
        let (a, _) = C[i % 8];
        let (b, badj) = C[(i / 8 + 1 + i % 7) % 8];
        let (b, badj) = if b == a { (C[(i + 3) % 8].0, C[(i + 3) % 8].1) } else { (b, badj) };
        let (y, m, d) = (2015 + i % 10, M[(i / 10) % 12], 1 + i % 27);
        let text = format!(
            "The Foreign Minister of {a} held talks with the {badj} Foreign Minister on {m} {d}, {y}. \
             {a} condemned the missile launch by {b} on {m} {d}, {y}. \
             {b} praised {a} for its support. Document number {i} ends here."
        );
        let line = serde_json::json!({"id": format!("gen-{i:05}"), "text": text, "doc_date": format!("{y}-{:02}-28", 1 + (i / 10) % 12)});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn an_ingest_killed_part_way_leaves_whole_documents_and_a_rerun_completes_it() {
    const N: usize = 4000;
    const BATCH: usize = 50;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, synthetic(N)).unwrap();
    let db = dir.path().join("k.db");

    let mut child = dyad()
        .args(["ingest", "--db", s(&db), "--batch", &BATCH.to_string(), s(&input)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let docs = |db: &Path| -> Option<i64> {
        let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
        c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)).ok()
    };
    let start = Instant::now();
    loop {
        if docs(&db).unwrap_or(0) > 0 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "no commit seen");
        assert!(child.try_wait().unwrap().is_none(), "ingest ended before a commit was seen");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed, not finished");

    let store = dyad_store::Store::open_read_only(&db).expect("the store opens after SIGKILL");
    let stored = store.counts().unwrap().documents as usize;
    assert!(stored > 0 && stored < N, "killed part-way: {stored} of {N}");
    assert_eq!(stored % BATCH, 0, "whole batches only: {stored}");

    let mut by_doc: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    for e in lines::<Event>(&ok(&["code", s(&input)]).stdout) {
        by_doc.entry(e.doc_id.clone()).or_default().push(e);
    }
    let mut keys = store.document_keys().unwrap();
    keys.truncate(stored);
    for d in store.load_documents(&keys).unwrap() {
        let want = by_doc.get(&d.doc.id).cloned().unwrap_or_default();
        assert_eq!(store.document_events(&d.doc.id).unwrap(), want, "document {} is whole", d.doc.id);
    }
    drop(store);

    let r = ok(&["ingest", "--db", s(&db), s(&input)]);
    assert!(r.stderr.contains(&format!("{} added, 0 replaced, {stored} unchanged", N - stored)), "{}", r.stderr);
    let store = dyad_store::Store::open_read_only(&db).unwrap();
    let c = store.counts().unwrap();
    assert_eq!(c.documents as usize, N);
    assert_eq!(c.events as usize, by_doc.values().map(Vec::len).sum::<usize>());
}

#[test]
fn dev_corpus_twice_same_counts_same_events_as_code_and_parquet_reads_back() {
    let Some(shared) = shared() else { return };
    let dev = shared.join("corpus/dev/dev.gold.jsonl");
    let seed = shared.join("corpus/seed");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dev.db");
    let counts = || -> (u64, u64, u64) {
        let c = dyad_store::Store::open_read_only(&db).unwrap().counts().unwrap();
        (c.documents, c.events, c.stories)
    };

    ok(&["ingest", "--db", s(&db), s(&dev), s(&seed)]);
    let first = counts();
    let r = ok(&["ingest", "--db", s(&db), s(&dev), s(&seed)]);
    assert!(r.stderr.contains("0 added, 0 replaced"), "{}", r.stderr);
    assert_eq!(counts(), first);
    let r = ok(&["recode", "--db", s(&db)]);
    assert!(r.stderr.contains("0 with changed events"), "{}", r.stderr);
    assert_eq!(counts(), first, "recoding with the same dictionaries changes nothing");

    let coded = sorted(lines(&ok(&["code", s(&dev), s(&seed)]).stdout));
    let stored = sorted(lines(&ok(&["events", "--db", s(&db), "--mentions", "--format", "jsonl"]).stdout));
    assert_eq!(stored.len() as u64, first.1);
    assert!(stored == coded, "the store returns exactly what `dyad code` printed");

    let pq = dir.path().join("dev.parquet");
    ok(&["export", "--db", s(&db), "--format", "parquet", "-o", s(&pq)]);
    let back = sorted(dyad_export::read_parquet_events(&pq).unwrap());
    assert!(back == coded, "the Parquet export reads back with the same rows");

    let svg = dir.path().join("prk-rus.svg");
    let t = ok(&["timeline", "--db", s(&db), "PRK", "RUS", "-o", s(&svg)]).stdout;
    assert!(t.contains("PRK→RUS") && t.contains("total"), "{t}");
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.contains("<rect") && chart.contains("Goldstein sum"), "a chart with bars");
    if let Ok(mut f) = std::fs::File::create(std::env::temp_dir().join("dyad-prk-rus-dev.svg")) {
        let _ = f.write_all(chart.as_bytes());
    }
}
