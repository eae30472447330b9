//! Store benchmark: ingest 100,000 synthetic documents (10 events each, so 1,000,000 events)
//! in batches of 500, then query a dyad timeline over them.
//!
//! Run with `cargo bench -p dyad-store --bench store` (release profile); `DYAD_BENCH_DOCS=N`
//! scales it down. Prints documents/s and events/s of ingest (store side: insert, FTS, story
//! filing; coding is not included), the timeline latency (median of 20 runs, merged and raw),
//! and SQLite's plan for the timeline query. Every timed step checks its answer: the counts
//! after ingest, and the timeline totals against a count made another way.

use std::time::{Duration, Instant};

use dyad_record::{Event, InputDocument};
use dyad_store::{content_hash, Ingest, Period, Store, WriteMode};

const COUNTRIES: [&str; 24] = [
    "PRK", "RUS", "CHN", "USA", "JPN", "KOR", "MNG", "VNM", "IND", "BRA", "FRA", "DEU", "GBR", "IRN", "SYR", "TUR", "UKR",
    "POL", "CUB", "LAO", "THA", "IDN", "PAK", "ZAF",
];
const CODES: [(&str, u8, f32); 10] = [
    ("010", 1, 0.0),
    ("036", 1, 4.0),
    ("040", 1, 1.0),
    ("042", 1, 1.9),
    ("057", 1, 8.0),
    ("061", 2, 6.4),
    ("111", 3, -2.0),
    ("130", 3, -4.4),
    ("163", 4, -8.0),
    ("190", 4, -10.0),
];

/// A small deterministic generator (xorshift), so every run builds the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn document(i: usize, rng: &mut Rng) -> Ingest {
    let id = format!("bench-{i:06}");
    let year = 2000 + rng.below(26);
    let month = 1 + rng.below(12);
    let doc_date = format!("{year}-{month:02}-{:02}", 1 + rng.below(28));
    let mut events = Vec::with_capacity(10);
    for k in 0..10 {
        // One event in eight is between PRK and RUS, the dyad the timeline asks about.
        let (a, b) = if rng.below(8) == 0 {
            if rng.below(2) == 0 { ("PRK", "RUS") } else { ("RUS", "PRK") }
        } else {
            let a = COUNTRIES[rng.below(COUNTRIES.len())];
            let mut b = COUNTRIES[rng.below(COUNTRIES.len())];
            if a == b {
                b = if a == "ZAF" { "PAK" } else { "ZAF" };
            }
            (a, b)
        };
        let (code, quad, goldstein) = CODES[rng.below(CODES.len())];
        let date = match rng.below(4) {
            0 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{:02}", 1 + rng.below(28)),
        };
        events.push(Event {
            doc_id: id.clone(),
            event_id: format!("{:016x}", rng.next()),
            sentence_index: k,
            sentence: format!("Sentence {k} of document {i}: {a} and {b} in the news."),
            trigger: "held talks".into(),
            span: [k * 40, k * 40 + 10],
            source: format!("{a}GOV"),
            source_country: a.into(),
            source_agent: Some("GOV".into()),
            source_name: None,
            target: b.into(),
            target_country: b.into(),
            target_agent: None,
            target_name: None,
            code: code.into(),
            root: code[..2].into(),
            quad_class: quad,
            goldstein,
            plover: None,
            date,
            date_source: "text".into(),
            future: rng.below(20) == 0,
            location: None,
            confidence: 0.8,
        });
    }
    let text = format!("Document {i}. Officials of several countries met on {doc_date} and held talks about trade, security and culture.");
    let doc = InputDocument { id, text, doc_date: Some(doc_date.clone()), ..Default::default() };
    let hash = content_hash(&doc, false);
    Ingest { doc, first_line_is_title: false, hash, coded_date: Some(doc_date), events }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass nothing we need.
    let docs: usize = std::env::var("DYAD_BENCH_DOCS").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path).expect("store");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    let mut generated = Duration::ZERO;
    let mut writing = Duration::ZERO;
    let mut prk_rus_past = 0u64;
    let mut i = 0;
    while i < docs {
        let t = Instant::now();
        let batch: Vec<Ingest> = (i..(i + 500).min(docs)).map(|k| document(k, &mut rng)).collect();
        generated += t.elapsed();
        prk_rus_past += batch
            .iter()
            .flat_map(|d| &d.events)
            .filter(|e| !e.future && matches!((e.source_country.as_str(), e.target_country.as_str()), ("PRK", "RUS") | ("RUS", "PRK")))
            .count() as u64;
        let t = Instant::now();
        let r = store.write_batch(&batch, WriteMode::Ingest).expect("batch");
        writing += t.elapsed();
        assert_eq!(r.added, batch.len());
        i += batch.len();
    }
    let c = store.counts().expect("counts");
    assert_eq!(c.documents as usize, docs);
    assert_eq!(c.events as usize, docs * 10);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("ingest: {docs} documents, {} events, {} stories in {:.1} s (+{:.1} s generating)", c.events, c.stories, writing.as_secs_f64(), generated.as_secs_f64());
    println!("ingest: {:.0} documents/s, {:.0} events/s; store file {:.0} MB", docs as f64 / writing.as_secs_f64(), c.events as f64 / writing.as_secs_f64(), size as f64 / 1e6);

    let merged_past: u64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM stories WHERE future = 0 AND date_start IS NOT NULL AND \
             ((source_country = 'PRK' AND target_country = 'RUS') OR (source_country = 'RUS' AND target_country = 'PRK'))",
            [],
            |r| r.get::<_, i64>(0),
        )
        .expect("count") as u64;
    for (merged, want) in [(true, merged_past), (false, prk_rus_past)] {
        let mut times = Vec::new();
        let mut periods = 0;
        for _ in 0..20 {
            let t = Instant::now();
            let rows = store.timeline("PRK", "RUS", Period::Month, merged, None, None).expect("timeline");
            let total: u64 = rows.iter().map(|r| r.quad.iter().sum::<u64>()).sum();
            times.push(t.elapsed());
            assert_eq!(total, want, "timeline total");
            periods = rows.len();
        }
        println!(
            "timeline PRK RUS by month ({}): {want} events over {periods} period rows, median {:.2} ms of 20 runs",
            if merged { "merged" } else { "raw records" },
            median(times).as_secs_f64() * 1e3
        );
    }
    for merged in [true, false] {
        println!("EXPLAIN QUERY PLAN ({}):", if merged { "merged" } else { "raw records" });
        for line in store.timeline_plan(Period::Month, merged).expect("plan") {
            println!("  {line}");
        }
    }
}
