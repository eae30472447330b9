//! The coder's hot stages, one by one, on sentences of our own (divan).
//!
//! `cargo bench -p dyad-coder --bench stages`. Each bench checks its answer inside the timed
//! loop (tokens, mentions, triggers or events counted), so a stage that got fast by doing
//! nothing fails instead of looking good. `dyad bench` measures the whole pipeline.

use dyad_coder::mentions::{find_mentions, Context};
use dyad_coder::sentence::Sent;
use dyad_coder::triggers::find_triggers;
use dyad_coder::{Coder, DocInput};
use dyad_dict::Dictionary;

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "The Foreign Minister of Chile visited Peru last week and held talks with his counterpart in Lima.",
    "Japan strongly condemned the Russian Federation for the missile strike on Monday.",
    "Egypt and Sudan signed a trade accord, and the two countries agreed to hold talks next month.",
    "Officials said the weather in the capital was mild for the season.",
    "Poland summoned the Belarusian ambassador over the border incident on March 11, 2024.",
];

fn dict() -> &'static Dictionary {
    static D: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    D.get_or_init(Dictionary::bundled)
}

fn ctx() -> Context<'static> {
    Context {
        speaker: None,
        pair: None,
        last_person: None,
        recent_people: &[],
        date: Some(20240315),
        keep_media: false,
        explain: false,
        learned: &[],
        last_subject: None,
        last_subject_partner: None,
    }
}

#[divan::bench]
fn tokenize() {
    let n: usize = SENTENCES.iter().map(|s| dyad_text::tokenize(divan::black_box(s)).len()).sum();
    assert!(n > 70);
}

#[divan::bench]
fn prepare_sentence() {
    let d = dict();
    let arena = bumpalo::Bump::new();
    let n: usize = SENTENCES.iter().map(|s| Sent::new(divan::black_box(s), &d.lemmas, &arena).keys.len()).sum();
    assert!(n > 70);
}

#[divan::bench]
fn mentions() {
    let d = dict();
    let c = ctx();
    let arena = bumpalo::Bump::new();
    let sents: Vec<Sent> = SENTENCES.iter().map(|s| Sent::new(s, &d.lemmas, &arena)).collect();
    let n: usize = sents.iter().map(|s| find_mentions(divan::black_box(s), d, &c, None).len()).sum();
    assert!(n >= 9, "{n}");
}

#[divan::bench]
fn triggers() {
    let d = dict();
    let c = ctx();
    let arena = bumpalo::Bump::new();
    let prepared: Vec<_> = SENTENCES
        .iter()
        .map(|s| {
            let sent = Sent::new(s, &d.lemmas, &arena);
            let ms = find_mentions(&sent, d, &c, None);
            (sent, ms)
        })
        .collect();
    let n: usize = prepared.iter().map(|(s, ms)| find_triggers(divan::black_box(s), d, ms).len()).sum();
    assert!(n >= 6, "{n}");
}

#[divan::bench]
fn dates() {
    let ctx = dyad_dates::Context { doc_date: "2024-03-15".parse().ok(), known: &[] };
    let n: usize = SENTENCES.iter().map(|s| dyad_dates::find(divan::black_box(s), &ctx).len()).sum();
    assert!(n >= 3, "{n}");
}

#[divan::bench]
fn code_document(bencher: divan::Bencher) {
    let coder = Coder::new(Dictionary::bundled());
    let text = SENTENCES.join("\n\n");
    bencher.bench_local(|| {
        let coded = coder.code(&DocInput { id: "bench", text: divan::black_box(&text), doc_date: Some("2024-03-15"), ..Default::default() });
        assert!(coded.events.len() >= 8, "{}", coded.events.len());
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_dictionaries() {
    let d = Dictionary::bundled();
    assert!(d.verbs.patterns.len() > 1000);
}
