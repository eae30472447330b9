//! Table-driven tests for `find`: (text, doc date, expected values). The
//! expected string lists the values of all expressions found, joined by
//! "; ", or None when nothing may be found. Every sentence is written for
//! this file. Default doc date in most rows: 2020-04-23, a Thursday.

use dyad_dates::{
    doc_date_from_text, find, is_future_marker, Context, DateValue, Kind, PartialDate,
};

const D: &str = "2020-04-23";

fn known() -> Vec<(Vec<String>, DateValue)> {
    vec![
        (
            vec!["visit".to_string()],
            DateValue::Point(PartialDate::ym(2019, 4).unwrap()),
        ),
        (
            vec!["summit".to_string(), "singapore".to_string()],
            DateValue::Point(PartialDate::ymd(2018, 6, 12).unwrap()),
        ),
    ]
}

/// Runs `find` on `text` with `doc` ("" = no doc date) and compares the
/// values. Returns a failure message instead of panicking so that one run
/// reports every broken row.
fn check(text: &str, doc: &str, expected: Option<&str>) -> Result<(), String> {
    let doc_date = if doc.is_empty() {
        None
    } else {
        Some(doc.parse::<PartialDate>().map_err(|e| e.to_string())?)
    };
    let k = known();
    let ctx = Context {
        doc_date,
        known: &k,
    };
    let found = find(text, &ctx);
    for e in &found {
        if text.get(e.start..e.end).is_none() {
            return Err(format!(
                "{text:?}: span {}..{} is not a char-boundary slice",
                e.start, e.end
            ));
        }
        if e.explanation.contains('\n') {
            return Err(format!("{text:?}: explanation spans lines"));
        }
    }
    let got: Vec<String> = found.iter().map(|e| e.value.to_string()).collect();
    let got = if got.is_empty() {
        None
    } else {
        Some(got.join("; "))
    };
    if got.as_deref() == expected {
        Ok(())
    } else {
        let detail: Vec<String> = found
            .iter()
            .map(|e| format!("[{}] {}", e.rule, e.explanation))
            .collect();
        Err(format!(
            "{text:?} (doc {doc}): expected {expected:?}, got {got:?} {detail:?}"
        ))
    }
}

const CASES: &[(&str, &str, Option<&str>)] = &[
    // ---- absolute dates ----
    ("The agreement was signed on June 19, 2024 in the capital.", D, Some("2024-06-19")),
    ("The treaty was signed on 19 June 2024.", D, Some("2024-06-19")),
    ("The ministers met on June 19 2024 for talks.", D, Some("2024-06-19")),
    ("The accord dates from June 19th, 2024.", D, Some("2024-06-19")),
    ("It was ratified on the 19th of June, 2024.", D, Some("2024-06-19")),
    ("The talks were held on Monday, June 22, 2020.", D, Some("2020-06-22")),
    ("They met on Tuesday, June 16.", D, Some("2020-06-16")),
    ("They met on Sunday, June 16.", D, Some("2019-06-16")),
    ("The envoy arrived on Oct. 19.", D, Some("2019-10-19")),
    ("The envoy arrived on October 19.", D, Some("2019-10-19")),
    ("The talks will open on October 19.", D, Some("2020-10-19")),
    ("The talks opened on April 20.", D, Some("2020-04-20")),
    ("Delegates gathered on 20 April.", D, Some("2020-04-20")),
    ("The fair took place on June 10.", D, Some("2020-06-10")),
    ("The fair took place on June 30.", D, Some("2019-06-30")),
    ("The decision of Sept. 5 was welcomed.", "2020-10-01", Some("2020-09-05")),
    ("The note of Dec 31 was rejected.", "2020-01-05", Some("2019-12-31")),
    ("The decision of Jan. 3 was criticised.", "2019-12-20", Some("2019-01-03")),
    ("The summit will be held on Jan. 3.", "2019-12-20", Some("2020-01-03")),
    ("Workers rallied on May 1.", "2020-05-10", Some("2020-05-01")),
    ("Figures released on 2024-06-19 show growth.", D, Some("2024-06-19")),
    ("Posted 20/06/2024 by the editor.", D, Some("2024-06-20")),
    ("Minutes of the meeting of 20.06.2024 were published.", D, Some("2024-06-20")),
    ("A US-style stamp read 06/20/2024 on the cover.", D, Some("2024-06-20")),
    ("The plant opened in 2019.", D, Some("2019")),
    ("In 2019, the two sides signed a protocol.", D, Some("2019")),
    ("The year 1999 was difficult.", D, Some("1999")),
    ("Relations have improved since 1992 steadily.", D, Some("1992")),
    ("It was first proposed in 1950.", D, Some("1950")),
    ("Some 2019 people attended the rally.", D, None),
    ("A total of 2019 delegates voted.", D, None),
    ("The number rose to 2150 units.", D, None),
    ("They first met in 1899.", D, None),
    ("The guard changed at 1930 hours.", D, None),
    ("The law was adopted in April 2019.", D, Some("2019-04")),
    ("The exhibition opened in June 2024.", D, Some("2024-06")),
    ("May 2019 saw record exports.", D, Some("2019-05")),
    ("The reform of September, 2018 was reversed.", D, Some("2018-09")),
    ("Inspections began in mid-June.", "2020-07-10", Some("2020-06")),
    ("Inspections began in mid June.", "2020-07-10", Some("2020-06")),
    ("The harvest ended in late June.", "2020-09-01", Some("2020-06")),
    ("Talks resumed in early June 2019.", D, Some("2019-06")),
    ("The project ends at the end of 2023.", D, Some("2023")),
    ("Work started at the beginning of 2021.", D, Some("2021")),
    ("Growth slowed in mid-2019.", D, Some("2019")),
    ("Prices fell in early 2018.", D, Some("2018")),
    ("The report was due by the end of June.", "2020-07-15", Some("2020-06")),
    ("The shipment left on the 3rd.", D, Some("2020-04-03")),
    ("The envoy left on the 28th.", D, Some("2020-03-28")),
    ("The envoy left on the 23rd, as planned.", D, Some("2020-04-23")),
    ("He lives on the 3rd floor.", D, None),
    ("The accord of June 19, 2024 is valid without a doc date.", "", Some("2024-06-19")),
    ("He arrived on Oct. 19 with no doc date.", "", None),
    // ---- months alone ----
    ("The delegation returned in April.", D, Some("2020-04")),
    ("The delegation returned in May.", D, Some("2019-05")),
    ("The delegation returned in December.", D, Some("2019-12")),
    ("In May, the ministers met again.", "2020-08-01", Some("2020-05")),
    ("Trade grew in March last year.", D, Some("2019-03")),
    ("Trade grew in March of this year.", D, Some("2020-03")),
    ("Exports peaked last April.", D, Some("2019-04")),
    ("Exports peaked last February.", D, Some("2020-02")),
    ("A congress is planned for next March.", D, Some("2021-03")),
    ("The forum is set for this June.", D, Some("2020-06")),
    ("Both sides may sign a new accord.", D, None),
    ("May the friendship last forever.", D, None),
    ("April showers were forecast.", D, None),
    ("The August assembly applauded.", D, None),
    ("The delegation returned in April without a date.", "", None),
    ("Talks continued during August.", D, Some("2019-08")),
    ("The exchanges, held since March, continue.", D, Some("2020-03")),
    // ---- Juche calendar ----
    ("Pyongyang, April 23, Juche 109(2020)", "", Some("2020-04-23")),
    ("The stamp was issued in Juche 109 (2020).", "", Some("2020")),
    ("The stamp was issued in Juche 109(2020).", "", Some("2020")),
    ("The plan runs until Juche 113.", "", Some("2024")),
    ("It was printed in April, Juche 108(2019).", "", Some("2019-04")),
    ("It was printed in April Juche 108.", "", Some("2019-04")),
    ("The monument was built in Juche 100.", "", Some("2011")),
    ("The book is dated Juche 108(2020).", "", Some("2020")),
    ("The letter is dated May 1, Juche 111 (2022).", "", Some("2022-05-01")),
    ("The Juche idea was discussed.", D, None),
    ("Juche is a doctrine.", D, None),
    ("A misprint read Juche 0.", D, None),
    ("A misprint read Juche 0(1911).", D, None),
    ("A misprint read Juche -5.", D, None),
    ("A misprint read Juche 99999.", D, None),
    // ---- deictic days ----
    ("The premier spoke today.", D, Some("2020-04-23")),
    ("The premier spoke yesterday.", D, Some("2020-04-22")),
    ("The premier will speak tomorrow.", D, Some("2020-04-24")),
    ("The premier spoke this morning.", D, Some("2020-04-23")),
    ("Shelling resumed last night.", D, Some("2020-04-22")),
    ("The day before, the envoy had arrived.", D, Some("2020-04-22")),
    ("The envoy had arrived the day before.", D, Some("2020-04-22")),
    ("The envoy arrived the day before the summit.", D, None),
    ("The envoy arrived the day before yesterday.", D, Some("2020-04-21")),
    ("Talks continue the day after tomorrow.", D, Some("2020-04-25")),
    ("The envoy had arrived the previous day.", D, Some("2020-04-22")),
    ("Talks ended yesterday.", "2020-03-01", Some("2020-02-29")),
    ("Talks ended yesterday.", "2021-01-01", Some("2020-12-31")),
    ("Talks resume tomorrow.", "2020-12-31", Some("2021-01-01")),
    ("The premier spoke today.", "", None),
    ("The premier spoke today.", "2020", None),
    ("The premier spoke yesterday.", "2020-04", None),
    // ---- weekdays ----
    ("The minister arrived on Monday.", D, Some("2020-04-20")),
    // The document's own weekday is the document's day: "on Thursday" in a Thursday story.
    ("The minister arrived on Thursday.", D, Some("2020-04-23")),
    ("The minister arrived last Thursday.", D, Some("2020-04-16")),
    ("The minister arrived on Friday.", D, Some("2020-04-17")),
    ("The minister arrived last Friday.", D, Some("2020-04-17")),
    ("The minister arrives next Monday.", D, Some("2020-04-27")),
    ("Sunday talks were brief.", D, Some("2020-04-19")),
    ("The minister arrived on Monday.", "", None),
    ("The minister arrived on monday.", D, None),
    // ---- relative weeks, months, years ----
    ("Trade rose last week.", D, Some("2020-04-13/2020-04-19")),
    ("Trade rose this week.", D, Some("2020-04-20/2020-04-26")),
    ("Trade will rise next week.", D, Some("2020-04-27/2020-05-03")),
    ("Trade rose earlier this week.", D, Some("2020-04-20/2020-04-26")),
    ("Trade rose last week.", "2021-01-03", Some("2020-12-21/2020-12-27")),
    ("Trade rose last month.", D, Some("2020-03")),
    ("Trade rose this month.", D, Some("2020-04")),
    ("Trade will rise next month.", D, Some("2020-05")),
    ("Trade rose last month.", "2020-01-15", Some("2019-12")),
    ("Trade will rise next month.", "2020-12-15", Some("2021-01")),
    ("Trade rose last year.", D, Some("2019")),
    ("Trade rose this year.", D, Some("2020")),
    ("Trade will rise next year.", D, Some("2021")),
    ("Trade rose last year.", "2020", Some("2019")),
    ("Trade rose last year.", "", None),
    ("Trade rose last month.", "2020", None),
    ("Trade rose in the previous year.", D, Some("2019")),
    ("Trade will grow in the coming year.", D, Some("2021")),
    ("Trade grew in the current year.", D, Some("2020")),
    ("Trade rose earlier this month.", D, Some("2020-04")),
    ("Trade rose earlier this year.", D, Some("2020")),
    ("Trade will rise later this year.", D, Some("2020")),
    ("Trade fell late last month.", D, Some("2020-03")),
    ("Trade fell early last year.", D, Some("2019")),
    ("Trade fell at the end of last year.", D, Some("2019")),
    ("The envoy left on the 3rd of last month.", D, Some("2020-03-03")),
    ("The envoy left on the 15th of this month.", D, Some("2020-04-15")),
    ("The envoy leaves on the 2nd of next month.", D, Some("2020-05-02")),
    ("The envoy left on the 31st of last month.", "2020-05-10", Some("2020-04")),
    // ---- counted back from the doc date ----
    ("The envoy left a week ago.", D, Some("2020-04-16")),
    ("The envoy left two days ago.", D, Some("2020-04-21")),
    ("The envoy left 3 days ago.", D, Some("2020-04-20")),
    ("The mine closed three years ago.", D, Some("2017")),
    ("The mine closed six months ago.", D, Some("2019-10")),
    ("The mine closed a decade ago.", D, Some("2010")),
    ("The mine closed twenty-five years ago.", D, Some("1995")),
    ("The mine closed three years ago.", "", None),
    ("The mine closed long ago.", D, None),
    // ---- recent / past periods ----
    ("Ties have deepened in recent years.", D, Some("2015/2020")),
    ("Ties have deepened in recent months.", D, Some("2019-10/2020-04")),
    ("Ties deepened over the past one year.", D, Some("2019-04/2020-04")),
    ("Ties deepened over the past year.", D, Some("2019-04/2020-04")),
    ("Ties deepened during the past one year.", D, Some("2019-04/2020-04")),
    ("Ties deepened over the past two years.", D, Some("2018-04/2020-04")),
    ("Ties deepened over the past decade.", D, Some("2010/2020")),
    ("Ties deepened over the past two decades.", D, Some("2000/2020")),
    ("Ties deepened over the past few years.", D, Some("2017-04/2020-04")),
    ("Ties deepened in the last three months.", D, Some("2020-01/2020-04")),
    ("Ties deepened in the past 10 days.", D, Some("2020-04-13/2020-04-23")),
    ("Ties deepened over the past week.", D, Some("2020-04-16/2020-04-23")),
    ("Ties deepened over the past decade.", "2020", Some("2010/2020")),
    ("Ties deepened over the past year.", "", None),
    ("Ties deepened in recent years.", "", None),
    // ---- ranges ----
    ("Exports rose between June and August of last year.", D, Some("2019-06/2019-08")),
    ("Exports rose from June to August last year.", D, Some("2019-06/2019-08")),
    ("Exports rose between June and August 2019.", D, Some("2019-06/2019-08")),
    ("Exports rose from May to July 2019.", D, Some("2019-05/2019-07")),
    ("Exports rose in June-August 2019.", D, Some("2019-06/2019-08")),
    ("Exports rose from November to February.", D, Some("2019-11/2020-02")),
    ("Exports rose between June and August.", D, Some("2019-06/2019-08")),
    ("The games ran from January 15 to 17, 2024.", D, Some("2024-01-15/2024-01-17")),
    ("The games ran from 15 to 17 January.", "2024-03-01", Some("2024-01-15/2024-01-17")),
    ("The games ran January 15-17.", "2024-02-10", Some("2024-01-15/2024-01-17")),
    ("The games ran 15-17 January 2024.", D, Some("2024-01-15/2024-01-17")),
    ("The games ran from January 30 to February 2, 2024.", D, Some("2024-01-30/2024-02-02")),
    ("The games ran from June 1 to June 5, 2021.", D, Some("2021-06-01/2021-06-05")),
    ("The games ran between June 1 and 3.", "2020-07-10", Some("2020-06-01/2020-06-03")),
    ("The games ran from 2018 to 2020.", D, Some("2018/2020")),
    ("The games ran between 2010 and 2015.", D, Some("2010/2015")),
    ("The games ran from June 2019 to March 2020.", D, Some("2019-06/2020-03")),
    ("The 2019-2020 season was short.", D, Some("2019/2020")),
    ("The 2019–2020 season was short.", D, Some("2019/2020")),
    ("Output rose in the first half of 2023.", D, Some("2023-01/2023-06")),
    ("Output rose in the second half of last year.", D, Some("2019-07/2019-12")),
    ("Output rose in the third quarter of 2022.", D, Some("2022-07/2022-09")),
    ("Output rose in the first quarter of this year.", D, Some("2020-01/2020-03")),
    ("Output rose in the last quarter of 2021.", D, Some("2021-10/2021-12")),
    ("Sanctions have applied since 2018.", D, Some("2018")),
    ("Sanctions have applied since June 2019.", D, Some("2019-06")),
    ("Sanctions have applied since last year.", D, Some("2019")),
    ("Sanctions have applied since September.", D, Some("2019-09")),
    ("Flights resume from September.", D, Some("2019-09")),
    ("Exports fell between June and August of last year, and rose again from September.", D, Some("2019-06/2019-08; 2019-09")),
    ("Sanctions have applied since March 3.", D, Some("2020-03-03")),
    // ---- anniversaries ----
    ("Rallies marked the 75th anniversary of the Korean Liberation.", D, Some("2020-08-15")),
    ("Rallies marked the 75th anniversary of the liberation of Korea.", D, Some("2020-08-15")),
    ("Koreans marked the seventy-fifth anniversary of national liberation.", D, Some("2020-08-15")),
    ("Algerians marked the 58th anniversary of national liberation.", D, None),
    ("Banquets marked the 72nd founding anniversary of the DPRK.", D, Some("2020-09-09")),
    ("Banquets marked the 75th anniversary of the founding of the Workers' Party of Korea.", D, Some("2020-10-10")),
    ("Banquets marked the 72nd anniversary of the founding of the Korean People's Army.", D, Some("2020-02-08")),
    ("Banquets marked the 88th anniversary of the Korean People's Revolutionary Army.", D, Some("2020-04-25")),
    ("Envoys hailed the 20th anniversary of the DPRK-Russia Joint Declaration.", D, Some("2020-07-19")),
    ("Envoys hailed the 60th anniversary of the DPRK-China Treaty of Friendship, Cooperation and Mutual Assistance.", D, Some("2021-07-11")),
    ("Envoys hailed the 72nd anniversary of the establishment of diplomatic relations between the DPRK and Russia.", D, Some("2020-10-12")),
    ("Envoys hailed the 71st anniversary of diplomatic relations between the DPRK and China.", D, Some("2020-10-06")),
    ("Veterans marked the 75th anniversary of Victory in the Great Patriotic War.", D, Some("2020-05-09")),
    ("Veterans marked the 67th anniversary of victory in the Fatherland Liberation War.", D, Some("2020-07-27")),
    ("Diplomats marked the 75th anniversary of the founding of the United Nations.", D, Some("2020-10-24")),
    ("Diplomats marked the 70th anniversary of the founding of the People's Republic of China.", D, Some("2019-10-01")),
    ("Diplomats marked the 100th anniversary of the October Revolution.", D, Some("2017-11-07")),
    ("Diplomats marked the 75th anniversary of the victory of the Chinese People's War of Resistance against Japanese Aggression.", D, Some("2020-09-03")),
    ("Diplomats marked the 60th anniversary of the Cuban Revolution.", D, Some("2019-01-01")),
    ("Diplomats marked the 45th anniversary of the founding of the Lao People's Democratic Republic.", D, Some("2020-12-02")),
    ("Diplomats marked the 65th anniversary of the Lao People's Revolutionary Party.", D, Some("2020-03-22")),
    ("Diplomats marked the 75th anniversary of the National Day of Vietnam.", D, Some("2020-09-02")),
    ("Citizens marked the 108th birth anniversary of President Kim Il Sung.", D, Some("2020-04-15")),
    ("Citizens marked the 74th anniversary of the Korean Children's Union.", D, Some("2020-06-06")),
    ("Both sides recalled the first anniversary of the historic visit.", D, Some("2020-04")),
    ("Both sides recalled the second anniversary of the Singapore summit.", D, Some("2020-06-12")),
    ("Staff celebrated the 10th anniversary of the opening of the bakery.", D, None),
    ("Aides noted the 25th anniversary of Kim Jong Un's speech.", D, None),
    ("The 10th anniversary of the DPRK's nuclear test was condemned.", D, None),
    ("The 75th anniversary of the UN was marked.", D, Some("2020-10-24")),
    ("Rallies on the 75th anniversary of the founding of the DPRK on Saturday.", D, Some("2023-09-09; 2020-04-18")),
    ("Staff celebrated the 70th anniversary.", D, None),
    ("Staff celebrated the 0th anniversary of the DPRK.", D, None),
    // ---- malformed or impossible ----
    ("The note is dated February 30.", D, None),
    ("The note is dated February 30, 2020.", D, None),
    ("The note is dated February 29, 2021.", D, None),
    ("The note is dated June 31.", D, None),
    ("The note is dated 32 June.", D, None),
    ("The note is dated 32 June 2024.", D, None),
    ("The note is dated 13/13/2020.", D, None),
    ("The note is dated 00/06/2024.", D, None),
    ("The note is dated 2024-13-01.", D, None),
    ("The note is dated 2024-02-30.", D, None),
    ("The note is dated 31.02.2024.", D, None),
    ("The 2020-2019 season never happened.", D, None),
    ("", D, None),
    ("???", D, None),
    ("from to between and", D, None),
    ("1st", D, None),
    ("in 99999999999999999999", D, None),
    ("Juche", D, None),
    ("the day before", "", None),
    // ---- non-ASCII surroundings ----
    ("Встреча состоялась on June 19, 2024 — 会谈", D, Some("2024-06-19")),
    ("«in April 2019» said the paper", D, Some("2019-04")),
    ("Pyongyang’s delegation arrived yesterday…", D, Some("2020-04-22")),
    ("Überraschend: last year’s Gipfeltreffen", D, Some("2019")),
    ("광복 the 75th anniversary of the Korean Liberation 75주년", D, Some("2020-08-15")),
    ("日本 2019年", D, None),
    ("Ñandú, June 19, 2024", D, Some("2024-06-19")),
    ("Les émigrés came in 2018.", D, Some("2018")),
    ("«Juche 109(2020)»", D, Some("2020")),
    ("第一 between June and August of last year 終", D, Some("2019-06/2019-08")),
];

#[test]
fn table() {
    assert!(CASES.len() >= 180, "only {} cases", CASES.len());
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(t, d, e)| check(t, d, *e).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

fn ctx(doc: &str) -> Context<'static> {
    Context::new(doc.parse().ok())
}

#[test]
fn spans_are_the_expressions() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Exports rose between June and August of last year.",
            &["between June and August of last year"],
        ),
        (
            "On Monday, the envoy met him; in April 2019 they had met.",
            &["Monday", "April 2019"],
        ),
        (
            "Пхеньян: the 75th anniversary of the Korean Liberation was marked yesterday.",
            &["the 75th anniversary of the Korean Liberation", "yesterday"],
        ),
        (
            "Signed on 20/06/2024 and Juche 113.",
            &["20/06/2024", "Juche 113"],
        ),
        ("He arrived on Oct. 19.", &["Oct. 19"]),
        (
            "Trade rose in mid-June and since 2018.",
            &["mid-June", "since 2018"],
        ),
        (
            "The 2019–2020 season, «three years ago».",
            &["2019–2020", "three years ago"],
        ),
    ];
    let c = ctx(D);
    for (text, want) in cases {
        let got: Vec<&str> = find(text, &c)
            .iter()
            .map(|e| &text[e.start..e.end])
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn rules_kinds_and_explanations() {
    let c = ctx(D);
    let e = &find("Exports rose between June and August of last year.", &c)[0];
    assert_eq!(e.rule, "month-range-of-relative-year");
    assert_eq!(e.kind, Kind::Range);
    assert_eq!(
        e.explanation,
        "between June and August of last year -> 2019-06/2019-08 (last year = doc year 2020 - 1)"
    );
    let e = &find(
        "Rallies marked the 75th anniversary of the Korean Liberation.",
        &c,
    )[0];
    assert_eq!(e.kind, Kind::Anniversary);
    let e = &find("Pyongyang, April 23, Juche 109(2020)", &c)[0];
    assert_eq!((e.kind, e.rule), (Kind::Juche, "juche-date"));
    let e = &find("The book is dated Juche 108(2020).", &c)[0];
    assert!(e.explanation.contains("trusted"), "{}", e.explanation);
    let e = &find("They met on Monday.", &c)[0];
    assert_eq!(e.kind, Kind::Weekday);
    let e = &find("Ties deepened over the past one year.", &c)[0];
    assert_eq!(e.kind, Kind::Duration);
    for e in find(
        "On Monday, in April, from September, on the 28th, on June 30.",
        &c,
    ) {
        assert!(!e.rule.is_empty());
        assert!(e.explanation.contains(" -> "), "{}", e.explanation);
    }
}

#[test]
fn future_values() {
    let c = ctx(D);
    let fv = |text: &str| -> Vec<(String, Option<String>)> {
        find(text, &c)
            .iter()
            .map(|e| {
                (
                    e.value.to_string(),
                    e.future_value.as_ref().map(|v| v.to_string()),
                )
            })
            .collect()
    };
    assert_eq!(
        fv("They will meet on Monday."),
        vec![("2020-04-20".into(), Some("2020-04-27".into()))]
    );
    assert_eq!(
        fv("They met on Thursday."),
        vec![("2020-04-23".into(), Some("2020-04-23".into()))]
    );
    assert_eq!(
        fv("The forum opens in March."),
        vec![("2020-03".into(), Some("2021-03".into()))]
    );
    assert_eq!(
        fv("The forum opened in April."),
        vec![("2020-04".into(), Some("2020-04".into()))]
    );
    assert_eq!(
        fv("Flights resume from September."),
        vec![("2019-09".into(), Some("2020-09".into()))]
    );
    assert_eq!(
        fv("The envoy left on the 28th."),
        vec![("2020-03-28".into(), Some("2020-04-28".into()))]
    );
    // An explicit year leaves nothing to choose.
    assert_eq!(
        fv("They met on June 19, 2024."),
        vec![("2024-06-19".into(), None)]
    );
    // The coder's helper agrees with the sentence.
    assert!(is_future_marker(&["they", "will", "meet", "on", "monday"]));
    assert!(!is_future_marker(&["they", "met", "on", "monday"]));
}

#[test]
fn open_range_shape() {
    let c = ctx(D);
    let e = &find("Sanctions have applied since 2018.", &c)[0];
    assert_eq!(
        e.value,
        DateValue::Range {
            start: PartialDate::y(2018),
            end: None
        }
    );
    assert_eq!(e.kind, Kind::Range);
}

#[test]
fn never_panics_on_any_prefix_or_suffix() {
    let text = "Пхеньян, 19 июня (KCNA) -- On Monday, Juche 109(2020), 20/06/2024 and the 75th anniversary of the Korean Liberation 광복 between June and August of last year, from September; 2019–2020 … “May” 31.02.2024 Oct. 1st the day before";
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let k = known();
    for doc in [
        None,
        Some(PartialDate::y(2020)),
        PartialDate::ym(2020, 1),
        PartialDate::ymd(2020, 4, 23),
        PartialDate::ymd(2020, 2, 29),
    ] {
        let c = Context {
            doc_date: doc,
            known: &k,
        };
        for &a in &bounds {
            let piece = &text[a..];
            for e in find(piece, &c) {
                assert!(piece.get(e.start..e.end).is_some());
            }
            let piece = &text[..a];
            for e in find(piece, &c) {
                assert!(piece.get(e.start..e.end).is_some());
            }
            let _ = doc_date_from_text(piece);
        }
    }
}

// ---- doc_date_from_text ----

fn dd(text: &str) -> Option<(String, String, &'static str)> {
    doc_date_from_text(text).map(|(p, a, b, rule)| (p.to_string(), text[a..b].to_string(), rule))
}

#[test]
fn doc_date_mirror_line() {
    let text = "Date: 20/06/2024 | Source: a state news agency\nThe two sides held talks.";
    assert_eq!(
        dd(text),
        Some(("2024-06-20".into(), "20/06/2024".into(), "mirror-date-line"))
    );
    let text = "Title line\nDate: 2023-11-02 | Source: wire\nBody.";
    assert_eq!(
        dd(text),
        Some(("2023-11-02".into(), "2023-11-02".into(), "mirror-date-line"))
    );
}

#[test]
fn doc_date_dateline_with_year() {
    let text = "MOSCOW, June 19, 2024 (Reuters) - The ministers met for three hours.";
    assert_eq!(
        dd(text),
        Some(("2024-06-19".into(), "June 19, 2024".into(), "dateline"))
    );
}

#[test]
fn doc_date_sign_off_with_juche() {
    let text = "Pyongyang, June 20 (KCNA) -- A delegation left here today.\nIt will visit three cities.\nPyongyang, June 20, Juche 109(2020)";
    assert_eq!(
        dd(text),
        Some((
            "2020-06-20".into(),
            "June 20, Juche 109(2020)".into(),
            "sign-off-juche"
        ))
    );
    let text = "A statement was issued.\n\nPyongyang, April 23, Juche 109(2020)\n";
    assert_eq!(
        dd(text),
        Some((
            "2020-04-23".into(),
            "April 23, Juche 109(2020)".into(),
            "sign-off-juche"
        ))
    );
    let text = "A statement was issued.\nPyongyang, April 23, 2020.";
    assert_eq!(
        dd(text),
        Some(("2020-04-23".into(), "April 23, 2020".into(), "sign-off"))
    );
}

#[test]
fn doc_date_yearless_dateline_borrows_year() {
    let text = "MOSCOW, June 19 (Reuters) - The ministers said trade in 2024 would grow, after a dip in 2023.";
    assert_eq!(
        dd(text),
        Some((
            "2024-06-19".into(),
            "June 19".into(),
            "dateline-year-from-text"
        ))
    );
    let text = "Pyongyang, June 20 (KCNA) -- The talks were held on June 18, 2020 in a friendly atmosphere.";
    assert_eq!(
        dd(text),
        Some((
            "2020-06-20".into(),
            "June 20".into(),
            "dateline-year-from-text"
        ))
    );
}

#[test]
fn doc_date_iso_at_top() {
    let text = "2024-06-20\nHeadline here\nBody text mentions 1950.";
    assert_eq!(
        dd(text),
        Some(("2024-06-20".into(), "2024-06-20".into(), "iso-top"))
    );
}

#[test]
fn doc_date_none() {
    assert_eq!(
        dd("Pyongyang, June 20 (KCNA) -- No year is given anywhere here."),
        None
    );
    assert_eq!(dd("Just a paragraph with no dates at all."), None);
    assert_eq!(dd(""), None);
    assert_eq!(dd("Пхеньян, 20 июня — 会谈"), None);
    assert_eq!(dd("Date: 31/02/2024 | Source: x"), None);
}

#[test]
fn an_anniversary_of_an_event_dated_in_the_document_needs_one_of_its_words() {
    // An event is known by several words (a signing also by `treaty`, `agreement`): any one
    // of them names it, as any one of the bundled table's phrases names a historic event.
    let k = vec![(
        ["signed", "signing", "treaty", "agreement"].map(String::from).to_vec(),
        DateValue::Point(PartialDate::ym(2001, 4).unwrap()),
    )];
    let ctx = Context { doc_date: PartialDate::ymd(2020, 3, 1), known: &k };
    let value = |text: &str| find(text, &ctx).iter().map(|e| e.value.to_string()).collect::<Vec<_>>();
    assert_eq!(value("They will mark the 20th anniversary of the signing of the treaty."), ["2021-04"]);
    assert_eq!(value("They will mark the 20th anniversary of the treaty."), ["2021-04"]);
    assert_eq!(value("They will mark the 20th anniversary of the bakery."), Vec::<String>::new());
}

#[test]
fn months_and_weekdays_are_named_in_full() {
    for w in ["thursday", "sunday", "may", "march", "december"] {
        assert!(dyad_dates::is_month_or_weekday(w), "{w}");
    }
    for w in ["sept", "dec", "thu", "parliament", "Thursday", ""] {
        assert!(!dyad_dates::is_month_or_weekday(w), "{w}");
    }
}
