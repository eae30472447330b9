//! Bundled table of historic dates that diplomatic texts count anniversaries
//! from.
//!
//! Main item: [`historic_dates`] — (keyword phrases, date). A phrase matches
//! when all of its content words occur near the start of the "anniversary
//! of ..." phrase (see `anniversary.rs`); more specific phrases (more words)
//! beat shorter ones, so "victory in the Great Fatherland Liberation War"
//! wins over "liberation". Each entry's comment names the fact. This module
//! does not decide anything on its own and is not exhaustive.

use crate::PartialDate;

const fn d(year: i32, month: u8, day: u8) -> PartialDate {
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

static HISTORIC: &[(&[&str], PartialDate)] = &[
    // Diplomatic relations first: their phrases also contain country names
    // that would otherwise look like founding anniversaries.
    // DPRK–USSR (now Russia) diplomatic relations established 12 October 1948.
    (
        &[
            "diplomatic relations dprk russia",
            "diplomatic relations korea russia",
            "diplomatic relations korea russian",
            "diplomatic relations dprk russian",
            "diplomatic relations dprk soviet",
            "diplomatic relations korea soviet",
            "diplomatic ties dprk russia",
            "diplomatic ties korea russia",
        ],
        d(1948, 10, 12),
    ),
    // DPRK–PRC diplomatic relations established 6 October 1949.
    (
        &[
            "diplomatic relations dprk china",
            "diplomatic relations korea china",
            "diplomatic relations dprk chinese",
            "diplomatic ties dprk china",
            "diplomatic ties korea china",
        ],
        d(1949, 10, 6),
    ),
    // DPRK–Cuba diplomatic relations established 29 August 1960.
    (
        &[
            "diplomatic relations dprk cuba",
            "diplomatic relations korea cuba",
        ],
        d(1960, 8, 29),
    ),
    // DPRK–Vietnam diplomatic relations established 31 January 1950.
    (
        &[
            "diplomatic relations dprk vietnam",
            "diplomatic relations korea vietnam",
            "diplomatic relations korea viet nam",
        ],
        d(1950, 1, 31),
    ),
    // DPRK–Laos diplomatic relations established 24 June 1974.
    (
        &[
            "diplomatic relations dprk laos",
            "diplomatic relations korea laos",
            "diplomatic relations korea lao",
        ],
        d(1974, 6, 24),
    ),
    // DPRK–Syria diplomatic relations established 25 July 1966.
    (
        &[
            "diplomatic relations dprk syria",
            "diplomatic relations korea syria",
            "diplomatic relations korea syrian",
        ],
        d(1966, 7, 25),
    ),
    // Liberation of Korea from Japanese colonial rule, 15 August 1945.
    (
        &[
            "korean liberation",
            "liberation korea",
            "national liberation",
            "august 15 liberation",
        ],
        d(1945, 8, 15),
    ),
    // Founding of the DPRK, 9 September 1948.
    (
        &[
            "dprk",
            "founding dprk",
            "democratic people republic korea",
            "founding republic",
            "foundation republic",
            "founding democratic people republic korea",
        ],
        d(1948, 9, 9),
    ),
    // Founding of the Workers' Party of Korea, 10 October 1945.
    (
        &[
            "workers party korea",
            "wpk",
            "founding party",
            "foundation party",
        ],
        d(1945, 10, 10),
    ),
    // Founding of the Korean People's Army, 8 February 1948.
    (
        &["korean people army", "kpa", "founding army"],
        d(1948, 2, 8),
    ),
    // Founding of the Korean People's Revolutionary Army (anti-Japanese guerrillas), 25 April 1932.
    (
        &[
            "korean people revolutionary army",
            "kpra",
            "anti japanese people guerrilla army",
        ],
        d(1932, 4, 25),
    ),
    // DPRK–Russia Joint Declaration signed in Pyongyang, 19 July 2000.
    (
        &[
            "dprk russia joint declaration",
            "korea russia joint declaration",
            "dprk russian joint declaration",
            "korea russian joint declaration",
        ],
        d(2000, 7, 19),
    ),
    // DPRK–China Treaty of Friendship, Cooperation and Mutual Assistance, 11 July 1961.
    (
        &[
            "dprk china treaty",
            "korea china treaty",
            "treaty friendship china",
            "treaty friendship chinese",
            "treaty friendship cooperation mutual assistance china",
        ],
        d(1961, 7, 11),
    ),
    // USSR–DPRK Treaty of Friendship, Cooperation and Mutual Assistance, 6 July 1961.
    (
        &[
            "dprk soviet treaty",
            "korea soviet treaty",
            "treaty friendship soviet",
            "treaty friendship ussr",
        ],
        d(1961, 7, 6),
    ),
    // DPRK–Russia Treaty of Friendship, Good-Neighbourliness and Cooperation, 9 February 2000.
    (
        &[
            "dprk russia treaty friendship",
            "korea russia treaty friendship",
            "treaty friendship good neighbourliness",
            "treaty friendship good neighborliness",
        ],
        d(2000, 2, 9),
    ),
    // DPRK–Russia Treaty on Comprehensive Strategic Partnership, 19 June 2024.
    (
        &["treaty comprehensive strategic partnership"],
        d(2024, 6, 19),
    ),
    // Soviet Victory Day in the Great Patriotic War, 9 May 1945.
    (
        &[
            "victory day",
            "great patriotic war",
            "victory great patriotic war",
            "victory soviet people great patriotic war",
        ],
        d(1945, 5, 9),
    ),
    // Outbreak of the Great Patriotic War (German invasion of the USSR), 22 June 1941.
    (
        &[
            "outbreak great patriotic war",
            "start great patriotic war",
            "beginning great patriotic war",
        ],
        d(1941, 6, 22),
    ),
    // Korean War armistice, 27 July 1953 ("Victory Day" of the Fatherland Liberation War in the DPRK).
    (
        &[
            "korean war armistice",
            "armistice korean war",
            "armistice agreement",
            "fatherland liberation war",
            "victory fatherland liberation war",
            "great fatherland liberation war",
            "victory great fatherland liberation war",
        ],
        d(1953, 7, 27),
    ),
    // Outbreak of the Korean War, 25 June 1950.
    (
        &[
            "outbreak korean war",
            "start korean war",
            "beginning korean war",
        ],
        d(1950, 6, 25),
    ),
    // Chinese People's Volunteers enter the Korean front, 25 October 1950.
    (
        &[
            "chinese people volunteers",
            "entry chinese people volunteers korean front",
        ],
        d(1950, 10, 25),
    ),
    // Founding of the United Nations (Charter in force), 24 October 1945.
    (
        &["united nations", "un", "u n", "founding united nations"],
        d(1945, 10, 24),
    ),
    // Founding of the People's Republic of China, 1 October 1949.
    (
        &[
            "people republic china",
            "prc",
            "new china",
            "founding people republic china",
            "founding new china",
        ],
        d(1949, 10, 1),
    ),
    // Founding of the Communist Party of China, 1 July 1921.
    (
        &["communist party china", "cpc", "chinese communist party"],
        d(1921, 7, 1),
    ),
    // Founding of the Chinese People's Liberation Army, 1 August 1927.
    (&["chinese people liberation army", "pla"], d(1927, 8, 1)),
    // Great October Socialist Revolution, 7 November 1917 (New Style).
    (
        &["october revolution", "great october socialist revolution"],
        d(1917, 11, 7),
    ),
    // Victory over Japan as commemorated by China, 3 September 1945.
    (
        &[
            "victory japan",
            "victory chinese people war resistance japanese aggression",
            "war resistance japanese aggression",
            "world anti fascist war",
        ],
        d(1945, 9, 3),
    ),
    // Triumph of the Cuban Revolution, 1 January 1959.
    (
        &[
            "cuban revolution",
            "triumph revolution cuba",
            "revolution cuba",
        ],
        d(1959, 1, 1),
    ),
    // Founding of the Lao People's Democratic Republic, 2 December 1975.
    (
        &[
            "lao people democratic republic",
            "lao pdr",
            "national day lao",
            "national day laos",
        ],
        d(1975, 12, 2),
    ),
    // Founding of the Lao People's Revolutionary Party, 22 March 1955.
    (&["lao people revolutionary party", "lprp"], d(1955, 3, 22)),
    // Vietnam National Day: declaration of independence, 2 September 1945.
    (
        &[
            "national day vietnam",
            "vietnam national day",
            "democratic republic vietnam",
            "independence vietnam",
            "national day viet nam",
        ],
        d(1945, 9, 2),
    ),
    // Vietnam's August Revolution, 19 August 1945.
    (&["august revolution"], d(1945, 8, 19)),
    // Founding of the Communist Party of Vietnam, 3 February 1930.
    (&["communist party vietnam"], d(1930, 2, 3)),
    // Syria's Evacuation Day (last French troops leave), 17 April 1946.
    (
        &[
            "evacuation day",
            "evacuation syria",
            "independence day syria",
        ],
        d(1946, 4, 17),
    ),
    // Syria's Corrective Movement led by Hafez al-Assad, 16 November 1970.
    (&["corrective movement"], d(1970, 11, 16)),
    // Syria's October Liberation War (Yom Kippur War) began 6 October 1973.
    (
        &["october liberation war", "tishreen liberation war"],
        d(1973, 10, 6),
    ),
    // Iran's Islamic Revolution victory, 11 February 1979.
    (&["islamic revolution"], d(1979, 2, 11)),
    // Mongolian People's Revolution, 11 July 1921.
    (
        &["mongolian people revolution", "people revolution mongolia"],
        d(1921, 7, 11),
    ),
    // Russia Day: Declaration of State Sovereignty of the RSFSR, 12 June 1990.
    (
        &["russia day", "declaration state sovereignty russia"],
        d(1990, 6, 12),
    ),
    // Belarus Independence Day: liberation of Minsk, 3 July 1944.
    (
        &[
            "liberation belarus",
            "independence day belarus",
            "liberation minsk",
        ],
        d(1944, 7, 3),
    ),
    // Birth of Kim Il Sung, 15 April 1912 (Juche 1).
    (
        &["birth kim il sung", "birthday kim il sung", "day sun"],
        d(1912, 4, 15),
    ),
    // Birth of Kim Jong Il, 16 February 1942.
    (
        &[
            "birth kim jong il",
            "birthday kim jong il",
            "day shining star",
        ],
        d(1942, 2, 16),
    ),
    // Birth of Kim Jong Suk, 24 December 1917.
    (
        &["birth kim jong suk", "birthday kim jong suk"],
        d(1917, 12, 24),
    ),
    // Adoption of the DPRK Socialist Constitution, 27 December 1972.
    (&["socialist constitution"], d(1972, 12, 27)),
    // Founding of the Korean Children's Union, 6 June 1946.
    (&["korean children union"], d(1946, 6, 6)),
    // Founding of the youth league (Democratic Youth League of North Korea), 17 January 1946.
    (
        &[
            "socialist patriotic youth league",
            "kimilsungist kimjongilist youth league",
            "youth league korea",
        ],
        d(1946, 1, 17),
    ),
    // Battle of Pochonbo, 4 June 1937.
    (&["battle pochonbo", "pochonbo battle"], d(1937, 6, 4)),
];

/// Bundled table of historic dates for anniversaries: (name keywords, date).
pub fn historic_dates() -> &'static [(&'static [&'static str], PartialDate)] {
    HISTORIC
}
