//! Exports read back: Parquet through the `parquet` crate's reader, CSV and JSON Lines
//! through their parsers, with the SCHEMA.md columns in order. Events are built by hand.

use dyad_export::{parquet_schema, read_parquet_events, Exporter, Format};
use dyad_record::{Event, Story, EVENT_COLUMNS, STORY_COLUMNS};

fn events(n: usize) -> Vec<Event> {
    (0..n)
        .map(|i| Event {
            doc_id: format!("doc-{}", i / 3),
            event_id: format!("{i:016x}"),
            sentence_index: i % 7,
            sentence: format!("Sentence {i}, with \"quotes\", commas and ünïcode."),
            trigger: "held talks".into(),
            span: [i, i + 10],
            source: "PRKGOV".into(),
            source_country: "PRK".into(),
            source_agent: (i % 2 == 0).then(|| "GOV".into()),
            source_name: (i % 3 == 0).then(|| "Kim Jong Un".into()),
            target: "RUS".into(),
            target_country: "RUS".into(),
            target_agent: None,
            target_name: None,
            code: "042".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: 1.9,
            plover: (i % 5 != 0).then(|| "CONSULT".into()),
            date: ["2019-04-25", "2019-04", "2019", "2019-04-24/2019-04-26"][i % 4].into(),
            date_source: "text".into(),
            future: i % 4 == 1,
            location: (i % 2 == 1).then(|| "Vladivostok".into()),
            confidence: 0.75,
        })
        .collect()
}

#[test]
fn parquet_reads_back_the_same_rows_in_several_row_groups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    // More than one record batch of 65,536 rows.
    let evs = events(70_000);
    let mut ex = Exporter::create(&path, Format::Parquet, false).unwrap();
    for e in &evs {
        ex.write_event(e).unwrap();
    }
    assert_eq!(ex.finish().unwrap(), evs.len() as u64);
    let back = read_parquet_events(&path).unwrap();
    assert_eq!(back.len(), evs.len());
    assert!(back == evs, "rows differ");
    assert!(!dir.path().join("events.parquet.dyad-partial").exists());
}

#[test]
fn parquet_columns_are_the_schema_columns_then_year_month_then_story_columns() {
    let names = |stories| parquet_schema(stories).fields().iter().map(|f| f.name().clone()).collect::<Vec<_>>();
    let mut want: Vec<String> = EVENT_COLUMNS.iter().map(|c| c.to_string()).collect();
    want.extend(["year".to_string(), "month".to_string()]);
    assert_eq!(names(false), want);
    want.extend(STORY_COLUMNS.iter().map(|c| c.to_string()));
    assert_eq!(names(true), want);
}

#[test]
fn parquet_has_typed_year_and_month() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.parquet");
    let mut ex = Exporter::create(&path, Format::Parquet, true).unwrap();
    for e in events(4) {
        ex.write_story(&Story { event: e.clone(), mentions: 2, doc_ids: vec![e.doc_id.clone(), "other".into()] }).unwrap();
    }
    ex.finish().unwrap();
    let r = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let rows: Vec<String> = r.get_row_iter(None).unwrap().map(|row| row.unwrap().to_string()).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].contains("year: 2019, month: 4"), "{}", rows[0]);
    assert!(rows[2].contains("year: 2019, month: null"), "{}", rows[2]);
    assert!(rows[0].contains("mentions: 2") && rows[0].contains("doc_ids: [\"doc-0\", \"other\"]"), "{}", rows[0]);
    assert!(rows[0].contains("goldstein: 1.9,"), "{}", rows[0]);
}

#[test]
fn csv_and_jsonl_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let evs = events(10);
    let csv_path = dir.path().join("e.csv");
    let mut ex = Exporter::create(&csv_path, Format::Csv, false).unwrap();
    evs.iter().for_each(|e| ex.write_event(e).unwrap());
    ex.finish().unwrap();
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), EVENT_COLUMNS);
    let rows: Vec<Vec<String>> = r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(rows, evs.iter().map(|e| e.to_row()).collect::<Vec<_>>());

    let jl = dir.path().join("e.jsonl");
    let mut ex = Exporter::create(&jl, Format::Jsonl, false).unwrap();
    evs.iter().for_each(|e| ex.write_event(e).unwrap());
    ex.finish().unwrap();
    let back: Vec<Event> = std::fs::read_to_string(&jl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(back, evs);
}

#[test]
fn an_abandoned_export_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("half.parquet");
    let mut ex = Exporter::create(&path, Format::Parquet, false).unwrap();
    ex.write_event(&events(1)[0]).unwrap();
    ex.abandon();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unwritable_target_names_the_file() {
    let e = Exporter::create("/nonexistent-dir/x.csv", Format::Csv, false).err().expect("fails");
    assert!(e.to_string().contains("/nonexistent-dir/x.csv"), "{e}");
}
