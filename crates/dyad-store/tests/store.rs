//! The store on its own: schema contract, idempotent batches, replacement, the merge rule,
//! search, the timeline's index, and files that are not dyad stores.
//!
//! Events here are built by hand (the store does not code). The SCHEMA.md comparison reads
//! `../shared/SCHEMA.md` when it is beside the checkout and skips that half otherwise.

use std::path::{Path, PathBuf};

use dyad_record::{Event, InputDocument, EVENT_COLUMNS};
use dyad_store::{content_hash, EventQuery, Ingest, Period, Store, StoreError, WriteMode};

fn ev(doc: &str, i: usize, src: &str, tgt: &str, code: &str, date: &str, location: Option<&str>) -> Event {
    let root = code[..2].to_string();
    let quad = match root.as_str() {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" => 3,
        _ => 4,
    };
    Event {
        doc_id: doc.into(),
        event_id: format!("{doc}-{i}-{src}-{tgt}-{code}"),
        sentence_index: i,
        sentence: format!("Sentence {i} of {doc}."),
        trigger: "met".into(),
        span: [i * 10, i * 10 + 3],
        source: format!("{src}GOV"),
        source_country: src.into(),
        source_agent: Some("GOV".into()),
        source_name: None,
        target: tgt.into(),
        target_country: tgt.into(),
        target_agent: None,
        target_name: Some("Someone".into()),
        code: code.into(),
        root,
        quad_class: quad,
        goldstein: if quad <= 2 { 1.9 } else { -4.4 },
        plover: Some("CONSULT".into()),
        date: date.into(),
        date_source: "text".into(),
        future: false,
        location: location.map(String::from),
        confidence: 0.8,
    }
}

fn item(id: &str, text: &str, events: Vec<Event>) -> Ingest {
    let doc = InputDocument { id: id.into(), text: text.into(), title: Some(format!("Title of {id}")), ..Default::default() };
    let hash = content_hash(&doc, false);
    Ingest { doc, first_line_is_title: false, hash, coded_date: Some("2019-04-26".into()), events }
}

fn tmp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    (dir, p)
}

fn stories(s: &Store) -> Vec<dyad_record::Story> {
    let mut v = Vec::new();
    s.stories(&EventQuery::default(), |x| -> Result<(), StoreError> {
        v.push(x);
        Ok(())
    })
    .unwrap();
    v
}

#[test]
fn events_view_has_exactly_the_schema_columns() {
    let (_d, p) = tmp();
    let s = Store::open(&p).unwrap();
    let st = s.connection().prepare("SELECT * FROM events").unwrap();
    let cols: Vec<String> = st.column_names().map(|c| c.to_string()).collect();
    assert_eq!(cols, EVENT_COLUMNS, "events view vs dyad_record::EVENT_COLUMNS");

    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/SCHEMA.md");
    let Ok(text) = std::fs::read_to_string(&schema) else {
        eprintln!("note: {} not found; compared with EVENT_COLUMNS only", schema.display());
        return;
    };
    assert_eq!(cols, schema_fields(&text), "events view vs {}", schema.display());
}

/// The field names of SCHEMA.md's "Output events" table, in order (a row may name several).
fn schema_fields(md: &str) -> Vec<String> {
    let section = md.split("## Output events").nth(1).expect("an Output events section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut out = Vec::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let first = line.split('|').nth(1).unwrap_or("");
        if first.contains("---") || first.trim() == "field" {
            continue;
        }
        for (i, part) in first.split('`').enumerate() {
            if i % 2 == 1 {
                out.push(part.to_string());
            }
        }
    }
    out
}

#[test]
fn a_batch_twice_changes_nothing_and_a_changed_document_is_replaced() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    let batch = vec![
        item("a", "Text a.", vec![ev("a", 0, "PRK", "RUS", "042", "2019-04-25", None), ev("a", 1, "RUS", "PRK", "040", "2019-04", None)]),
        item("b", "Text b.", vec![ev("b", 0, "CHN", "JPN", "111", "2020-01-02", None)]),
    ];
    let r = s.write_batch(&batch, WriteMode::Ingest).unwrap();
    assert_eq!((r.added, r.replaced, r.unchanged, r.events), (2, 0, 0, 3));
    let before = s.counts().unwrap();
    let r = s.write_batch(&batch, WriteMode::Ingest).unwrap();
    assert_eq!((r.added, r.replaced, r.unchanged, r.events), (0, 0, 2, 0));
    assert_eq!(s.counts().unwrap(), before);
    assert_eq!(s.unchanged([("a", batch[0].hash.as_str()), ("b", "other")]).unwrap().len(), 1);

    let changed = item("a", "Text a, revised.", vec![ev("a", 0, "PRK", "RUS", "043", "2019-04-25", None)]);
    let r = s.write_batch(&[changed], WriteMode::Ingest).unwrap();
    assert_eq!((r.added, r.replaced), (0, 1));
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.events, c.stories), (2, 2, 2));
    let a = s.document_events("a").unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].code, "043");
}

#[test]
fn stored_events_read_back_equal() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    let mut e = ev("a", 3, "PRK", "RUS", "042", "2019-04-24/2019-04-26", Some("Vladivostok"));
    e.goldstein = 1.9;
    e.confidence = 0.75;
    e.future = true;
    e.source_name = Some("Kim Jong Un".into());
    e.sentence = "Kim Jong Un arrived in Vladivostok — by train.".into();
    s.write_batch(&[item("a", "x", vec![e.clone()])], WriteMode::Ingest).unwrap();
    assert_eq!(s.document_events("a").unwrap(), vec![e]);
    let (g, span): (f64, String) =
        s.connection().query_row("SELECT goldstein, span FROM events", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((g, span.as_str()), (1.9, "[30,33]"), "SQLite clients see the printed values");
}

#[test]
fn the_same_act_in_two_documents_is_one_story() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    s.write_batch(
        &[
            item("kcna", "k", vec![ev("kcna", 0, "PRK", "RUS", "042", "2019-04-25", Some("Vladivostok"))]),
            // Same act: same dyad and root, month-precision date overlapping the day, no place.
            item("tass", "t", vec![ev("tass", 2, "PRK", "RUS", "043", "2019-04", None)]),
            // Same dyad and day, but another place: another act.
            item("yonhap", "y", vec![ev("yonhap", 0, "PRK", "RUS", "042", "2019-04-25", Some("Moscow"))]),
            // The other direction, a planned act, a vague date, a later day: all apart.
            item(
                "other",
                "o",
                vec![
                    ev("other", 0, "RUS", "PRK", "042", "2019-04-25", None),
                    ev("other", 1, "PRK", "RUS", "030", "2019-04-25", None),
                    ev("other", 2, "PRK", "RUS", "042", "2019", None),
                    ev("other", 3, "PRK", "RUS", "042", "2019-05-02", None),
                ],
            ),
        ],
        WriteMode::Ingest,
    )
    .unwrap();
    let all = stories(&s);
    let merged: Vec<_> = all.iter().filter(|x| x.mentions > 1).collect();
    assert_eq!(merged.len(), 1, "{all:#?}");
    let dump: Vec<(String, String, String, String)> = s.connection().prepare("SELECT doc_id, code, date, source_country FROM merged_events").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(|x| x.unwrap()).collect();
    assert_eq!(merged[0].doc_ids, ["kcna", "tass"], "{dump:?} {merged:?}");
    assert_eq!(merged[0].event.doc_id, "kcna", "the day-precise mention represents the story");
    assert_eq!(s.counts().unwrap().stories, 6);

    // Two events of one document that the coder kept apart stay apart.
    s.write_batch(
        &[item("twice", "w", vec![ev("twice", 0, "CHN", "VNM", "040", "2020-01-02", None), ev("twice", 4, "CHN", "VNM", "042", "2020-01", None)])],
        WriteMode::Ingest,
    )
    .unwrap();
    assert_eq!(s.counts().unwrap().stories, 8);

    // Replacing a document takes its mentions out of the story.
    s.write_batch(&[item("tass", "t2", vec![])], WriteMode::Ingest).unwrap();
    let merged = stories(&s).into_iter().filter(|x| x.mentions > 1).count();
    assert_eq!(merged, 0);
    let (start, end): (String, String) = s
        .connection()
        .query_row("SELECT date_start, date_end FROM stories WHERE location = 'Vladivostok'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((start.as_str(), end.as_str()), ("2019-04-25", "2019-04-25"));
}

#[test]
fn rebuilding_stories_in_date_order_is_stable() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    let docs: Vec<Ingest> = (0..30)
        .map(|i| {
            let day = format!("2021-03-{:02}", 1 + i % 7);
            item(&format!("d{i:02}"), &format!("text {i}"), vec![ev(&format!("d{i:02}"), 0, "MNG", "CHN", "040", &day, None)])
        })
        .collect();
    for chunk in docs.chunks(7) {
        s.write_batch(chunk, WriteMode::Ingest).unwrap();
    }
    let c = s.counts().unwrap();
    assert_eq!(c.stories, 7, "one story per day");
    s.rebuild_stories().unwrap();
    let again = s.counts().unwrap();
    assert_eq!(again, c);
    let sizes: Vec<usize> = stories(&s).iter().map(|x| x.mentions).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 30);
}

#[test]
fn search_finds_words_with_snippets_and_survives_bad_syntax() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    s.write_batch(
        &[
            item("v", "The two leaders met in Vladivostok on the Russky Island campus.", vec![]),
            item("m", "Talks were held in Moscow about railway links.", vec![]),
        ],
        WriteMode::Ingest,
    )
    .unwrap();
    let hits = s.search("vladivostok", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc_id, "v");
    assert!(hits[0].snippet.contains("[Vladivostok]"), "{}", hits[0].snippet);
    assert_eq!(s.search("railways", 10).unwrap().len(), 1, "stemmed");
    assert!(s.search("U.S.-DPRK (talks", 10).is_ok(), "not FTS syntax: searched as words");
}

#[test]
fn timeline_counts_both_directions_through_the_covering_index() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    s.write_batch(
        &[item(
            "a",
            "a",
            vec![
                ev("a", 0, "PRK", "RUS", "042", "2019-04-25", None),
                ev("a", 1, "RUS", "PRK", "042", "2019-04-25", None),
                ev("a", 2, "PRK", "RUS", "112", "2019-06-01", None),
                ev("a", 3, "PRK", "RUS", "042", "2019-07", None),
            ],
        )],
        WriteMode::Ingest,
    )
    .unwrap();
    let t = s.timeline("prk", "rus", Period::Month, true, None, None).unwrap();
    let got: Vec<(String, String, [u64; 4])> = t.iter().map(|r| (r.period.clone(), r.source.clone(), r.quad)).collect();
    assert_eq!(
        got,
        vec![
            ("2019-04".into(), "PRK".into(), [1, 0, 0, 0]),
            ("2019-04".into(), "RUS".into(), [1, 0, 0, 0]),
            ("2019-06".into(), "PRK".into(), [0, 0, 1, 0]),
            ("2019-07".into(), "PRK".into(), [1, 0, 0, 0]),
        ]
    );
    let q = s.timeline("PRK", "RUS", Period::Quarter, false, Some("2019-05"), Some("2019-06")).unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].period.as_str(), q[0].quad), ("2019-Q2", [0, 0, 1, 0]));
    assert!((q[0].goldstein - -4.4).abs() < 1e-6);
    for merged in [true, false] {
        let plan = s.timeline_plan(Period::Month, merged).unwrap().join("\n");
        let index = if merged { "stories_timeline" } else { "mentions_timeline" };
        assert!(plan.contains(&format!("USING COVERING INDEX {index}")), "{plan}");
        assert!(!plan.contains("SCAN"), "{plan}");
    }
    assert_eq!(Period::Month.range("2019-11", "2020-02"), ["2019-11", "2019-12", "2020-01", "2020-02"]);
    assert_eq!(Period::Quarter.range("2019-Q4", "2020-Q1"), ["2019-Q4", "2020-Q1"]);
}

#[test]
fn queries_filter_by_dyad_actor_dates_and_codes() {
    let (_d, p) = tmp();
    let mut s = Store::open(&p).unwrap();
    s.write_batch(
        &[item(
            "a",
            "a",
            vec![
                ev("a", 0, "PRK", "RUS", "042", "2019-04-25", None),
                ev("a", 1, "RUS", "PRK", "057", "2024-06-19", None),
                ev("a", 2, "CHN", "RUS", "042", "2019-04-25", None),
                ev("a", 3, "PRK", "RUS", "112", "2018-12-31", None),
            ],
        )],
        WriteMode::Ingest,
    )
    .unwrap();
    let count = |q: EventQuery| {
        let mut n = 0;
        s.events(&q, |_| -> Result<(), StoreError> {
            n += 1;
            Ok(())
        })
        .unwrap();
        n
    };
    let dyad = || Some(("PRK".to_string(), "RUS".to_string()));
    assert_eq!(count(EventQuery { dyad: dyad(), ..Default::default() }), 3);
    assert_eq!(count(EventQuery { dyad: dyad(), directed: true, ..Default::default() }), 2);
    assert_eq!(count(EventQuery { dyad: dyad(), from: Some("2019".into()), ..Default::default() }), 2);
    assert_eq!(count(EventQuery { dyad: dyad(), from: Some("2019-01".into()), to: Some("2020-12".into()), ..Default::default() }), 1);
    assert_eq!(count(EventQuery { actor: Some("RUS".into()), root: Some("04".into()), ..Default::default() }), 2);
    assert_eq!(count(EventQuery { actor: Some("RUSGOV".into()), ..Default::default() }), 1);
    assert_eq!(count(EventQuery { code: Some("05".into()), ..Default::default() }), 1);
    assert_eq!(count(EventQuery { limit: Some(2), ..Default::default() }), 2);
    assert!(matches!(s.events(&EventQuery { from: Some("spring".into()), ..Default::default() }, |_| -> Result<(), StoreError> { Ok(()) }), Err(StoreError::BadQuery(_))));
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

fn siblings_absent(p: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut s = p.as_os_str().to_owned();
        s.push(suffix);
        assert!(!Path::new(&s).exists(), "{} was created", Path::new(&s).display());
    }
}

#[test]
fn foreign_and_damaged_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "These are my notes, not a database.\n".repeat(20)).unwrap();
    for open in [Store::open, Store::open_read_only] {
        let e = open(&text).err().expect("refused");
        assert!(matches!(e, StoreError::NotSqlite { .. }), "{e}");
        assert!(e.to_string().contains("notes.db") && e.to_string().contains("not a SQLite database"), "{e}");
    }
    assert_eq!(bytes(&text), "These are my notes, not a database.\n".repeat(20).as_bytes());
    siblings_absent(&text);

    let foreign = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('heron');").unwrap();
    }
    let before = bytes(&foreign);
    let e = Store::open(&foreign).err().expect("refused");
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    assert!(e.to_string().contains("not a dyad store"), "{e}");
    assert_eq!(bytes(&foreign), before);
    siblings_absent(&foreign);

    // A dyad store whose schema pages were overwritten.
    let damaged = dir.path().join("damaged.db");
    {
        let mut s = Store::open(&damaged).unwrap();
        s.write_batch(&[item("a", "text", vec![ev("a", 0, "PRK", "RUS", "042", "2019-04-25", None)])], WriteMode::Ingest).unwrap();
    }
    let mut b = bytes(&damaged);
    for x in b.iter_mut().skip(100).take(3000) {
        *x = 0xA5;
    }
    std::fs::write(&damaged, &b).unwrap();
    for open in [Store::open, Store::open_read_only] {
        let e = open(&damaged).err().expect("refused");
        assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
        assert!(e.to_string().contains("damaged.db"), "{e}");
    }
    assert_eq!(bytes(&damaged), b);

    // A truncated one.
    let cut = dir.path().join("cut.db");
    {
        let mut s = Store::open(&cut).unwrap();
        let docs: Vec<Ingest> = (0..200).map(|i| item(&format!("d{i}"), &"word ".repeat(200), vec![])).collect();
        s.write_batch(&docs, WriteMode::Ingest).unwrap();
    }
    let full = bytes(&cut);
    std::fs::write(&cut, &full[..full.len() / 2]).unwrap();
    let e = Store::open(&cut).err().expect("refused");
    assert!(matches!(e, StoreError::Corrupt { .. }) && e.to_string().contains("truncated"), "{e}");
    assert_eq!(bytes(&cut).len(), full.len() / 2);

    // Read-only opening of a missing store creates nothing.
    let missing = dir.path().join("missing.db");
    assert!(matches!(Store::open_read_only(&missing), Err(StoreError::Missing { .. })));
    assert!(!missing.exists());
}

#[test]
fn a_new_store_is_at_the_latest_version_in_wal_mode() {
    let (_d, p) = tmp();
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), dyad_store::schema::LATEST);
    let mode: String = s.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(s);
    // Reopening applies nothing and keeps the file usable.
    let s = Store::open(&p).unwrap();
    assert_eq!(s.counts().unwrap().documents, 0);
}

/// A store written by the first schema version, kept in `tests/data`, opens with every later
/// build. Regenerate (only when adding a version) with `DYAD_FREEZE_STORE=1`.
#[test]
fn frozen_version_1_store_still_opens() {
    let frozen = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/store-v1.db");
    if std::env::var_os("DYAD_FREEZE_STORE").is_some() {
        let _ = std::fs::remove_file(&frozen);
        let mut s = Store::open(&frozen).unwrap();
        s.write_batch(
            &[
                item("kcna", "The leaders met in Vladivostok.", vec![ev("kcna", 0, "PRK", "RUS", "042", "2019-04-25", Some("Vladivostok"))]),
                item("tass", "A visit took place.", vec![ev("tass", 0, "PRK", "RUS", "043", "2019-04", None)]),
            ],
            WriteMode::Ingest,
        )
        .unwrap();
        s.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.db");
    std::fs::copy(&frozen, &copy).unwrap();
    let s = Store::open_read_only(&copy).unwrap();
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.events, c.stories), (2, 2, 1));
    assert_eq!(s.search("Vladivostok", 5).unwrap().len(), 1);
    drop(s);
    let mut s = Store::open(&copy).unwrap();
    assert_eq!(s.schema_version().unwrap(), dyad_store::schema::LATEST);
    s.rebuild_stories().unwrap();
    assert_eq!(s.counts().unwrap().stories, 1);
}
