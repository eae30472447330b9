#!/usr/bin/env python3
"""Regenerate the reference-derived parts of dyad's actor and agent dictionaries.

Usage:  python3 tools/import_actors.py [--ref /work/shared/reference] [--data crates/dyad-dict/data]

Python 3 standard library only.  Reads (data only, no code is used from them):

  actors/CountryInfo.120116.txt              (CC BY-SA 3.0, (c) 2012 Philip A. Schrodt)
  petrarch2/dictionaries/Phoenix.agents.txt  (MIT, (c) 2014 Open Event Data Alliance)
  plover/PLOVER_agents.txt                   (MIT, (c) 2014 Open Event Data Alliance)

and rewrites, in the data directory:

  actors/countries.tsv  names / first nationality adjective / capitals of every state
  actors/people.tsv     <Leaders> (heads of state and government, ~1960-2009) and the
                        single-office foreign and defence ministers of <Government>
                        (CIA World Leaders, 2003-2011)
  agents.tsv            `WORD [~CODE]` agent lines for the agent codes dyad uses

Each of these files has two parts.  Everything above the marker line
`# ==== hand-written entries (origin dyad) ====` is generated here and is
overwritten; everything from the marker on is kept verbatim (entries written
by the project, origin `dyad`).  A derived person line is dropped when the
hand-written part has a line for the same country, first phrase and role
(the hand line then supersedes it, e.g. to close an open-ended term), and a
derived phrase is dropped when the hand part lists it for the same code.

Every generated line ends with its origin `FILE:LINE` (line numbers are
1-based, counted in the reference file as stored).
"""

import argparse
import calendar
import os
import re
import sys

MARKER = "# ==== hand-written entries (origin dyad) ===="

# ---------------------------------------------------------------------------
# states: the 193 UN members, the two UN observer states, Taiwan and Kosovo.
# CountryInfo code -> dyad code (CAMEO uses ISO alpha-3; CountryInfo's TMP is
# the pre-2002 ISO code of Timor-Leste).
STATES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE VAT PSE TWN KSV
""".split()
RECODE = {"TMP": "TLS"}

# CountryName values that are wrong or ambiguous as a phrase: the hand part
# gives the proper names instead.
SKIP_NAME = {
    "MDG",  # "MADAGASKAR" (typo)
    "COG",  # bare "CONGO" is ambiguous between COG and COD
    "SRB",  # "SERBIA AND MONTENEGRO" is the pre-2006 union
    "ZAF",  # "REPUBLIC OF SOUTH AFRICA": hand part
    "TZA", "RUS", "USA", "COD", "TLS", "PSE", "VAT", "KSV",
}
# first <Nationality> entry is not an adjective/demonym of the state
SKIP_ADJ = {"DMA", "DNK", "MNE", "COG", "DJI", "IRL", "KNA", "ESP", "FIN", "SWE",
            "ISL", "ATG", "SUR", "LIE", "LUX", "NZL", "SRB", "MMR", "SVK", "GNB",
            "WSM", "ARG"}
# capitals that are nicknames, English towns or obsolete/odd spellings
SKIP_CAPITAL = {"CITY OF LIGHT", "ETERNAL CITY", "NEW FLOWER", "FORBIDDEN CITY",
                "SALISBURY", "BIDA", "EL BEDA", "THULE", "TARABULUS AL-GHARB",
                "GRAN SANTIAGO", "KULUN", "URGA", "DIMASH", "ERIVAN", "JEREVAN",
                "PRAG", "TAIPEH", "BISKEK", "DUSANBE", "TASKENT", "TALLIN",
                "PHNUM PENH", "PNOM PENH", "KONAKRI", "ADIS ABEBA", "SERDICA",
                "CIUDAD TRUJILLO", "FORT-LAMY", "STALINABAD", "DYUSHAMBE",
                "USUMBURA", "LEOPOLDVILLE", "FRUNZE", "CHRISTIANIA",
                "HELSINGFORS", "KOWEIT", "VILNO", "WILNO", "VILNA", "BUCHARESTI",
                "USKUB", "SKOPLJE", "VALETTA", "NDJAMENA", "SANA"}
# capitals listed under the wrong state in CountryInfo
SKIP_CAPITAL_OF = {"MNE": {"BELGRADE", "BEOGRAD"}}
# states whose <Leaders>/<Government> blocks belong to another state in CountryInfo
# (the KSV block repeats Kiribati's leaders)
SKIP_LEADERS = {"KSV"}
# short names / adjectives / capitals that are also common English words:
# written with a leading "=" (case-sensitive match).
CASE_SENSITIVE = {"Chad", "Turkey", "Jordan", "Niger", "Guinea", "Chile", "Male",
                  "Polish", "Pole", "Poles", "Georgia", "Cuba", "Togo", "Mali",
                  "Oman", "Nice", "Victoria", "Swede", "Swedes", "Dane", "Danes",
                  "Finn", "Finns", "Turk", "Turks", "Lao", "Thai", "Scot",
                  "Kingston", "Santiago", "Washington", "Lima", "Sofia", "Riga"}

SMALL = {"and", "of", "the", "de", "da", "do", "dos", "das", "del", "della",
         "di", "du", "la", "le", "van", "von", "der", "den", "al", "el", "bin",
         "ibn", "bint", "y", "e", "ben", "ould", "ag", "wa"}


def tidy(raw):
    """CountryInfo token (WORD_WORD_) -> spaced, title-cased phrase."""
    s = raw.split("#")[0].strip().rstrip("_").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    out = []
    for i, w in enumerate(s.split(" ")):
        lw = w.lower()
        if i > 0 and lw in SMALL:
            out.append(lw)
            continue
        # capitalise each hyphen/apostrophe part: "PORT-AU-PRINCE", "N'DJAMENA"
        parts = re.split(r"([-'])", lw)
        word = "".join(p[:1].upper() + p[1:] if p not in "-'" else p for p in parts)
        # d'Ivoire, O'Neill keep the capital after the apostrophe; "'s" does not
        word = re.sub(r"'S\b", "'s", word)
        if re.fullmatch(r"([A-Za-z]\.)+", w):  # initials: D.C., U.S.A.
            word = w.upper()
        out.append(word)
    return " ".join(out)


def cs(phrase):
    return "=" + phrase if phrase in CASE_SENSITIVE else phrase


def plural(adj):
    """Plural of a demonym: Russian -> Russians, Israeli -> Israelis."""
    low = adj.lower()
    if adj in ("I-Kiribati", "Ni-Vanuatu", "Motswana", "Mosotho"):
        return None
    if low.endswith(("ese", "ish", "ch", "ss", "s", "x", "z")) or " " in adj and low.endswith(("ese", "ish")):
        return None
    if low.endswith(("an", "i", "er", "ot", "ite", "on", "ian", "ard", "e", "k", "n", "b")):
        return adj + "s"
    return None


def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.split("\n")


def split_file(path):
    """Return the hand-written tail (from MARKER on) of an existing file."""
    if not os.path.exists(path):
        return [MARKER]
    lines = open(path, encoding="utf-8").read().split("\n")
    if MARKER in lines:
        tail = lines[lines.index(MARKER):]
    else:
        tail = [MARKER] + [l for l in lines if l.strip() and not l.startswith("#")
                           and l.rstrip().endswith("\tdyad")]
    while tail and tail[-1] == "":
        tail.pop()
    return tail


def hand_entries(tail):
    return [l.split("\t") for l in tail if l and not l.startswith("#")]


# ---------------------------------------------------------------------------
def parse_countryinfo(path):
    """Yield per-country dicts with line-numbered fields."""
    lines = read_lines(path)
    countries = []
    cur = None
    section = None
    subrole = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if s == "<Country>":
            cur = {"code": None, "name": None, "nat": [], "cap": [], "leaders": [], "gov": []}
            countries.append(cur)
            continue
        if cur is None:
            continue
        m = re.match(r"<CountryCode>\s*([A-Z]+)\s*(#.*)?</CountryCode>", s) or \
            re.match(r"<CountryCode>([A-Z]+)", s)
        if m and cur["code"] is None:
            cur["code"] = m.group(1)
            continue
        m = re.match(r"<CountryName>(.*)</CountryName>", s)
        if m:
            cur["name"] = (m.group(1), n)
            continue
        m = re.match(r"<(/?)(Nationality|Capital|Leaders|Government)>", s)
        if m:
            section = None if m.group(1) else m.group(2)
            subrole = None
            continue
        if section in ("Nationality", "Capital"):
            if s and not s.startswith("#") and not s.startswith("<"):
                cur["nat" if section == "Nationality" else "cap"].append((s, n))
        elif section == "Leaders":
            if s.startswith("</"):
                subrole = None
            elif s.startswith("<"):
                subrole = s[1:].split(">")[0]
            elif s and not s.startswith("#") and subrole:
                cur["leaders"].append((subrole, s, n))
        elif section == "Government":
            if s and not s.startswith("#") and not s.startswith("<"):
                cur["gov"].append((s, n))
    return countries


def fix_date(d):
    """YYYYMMDD -> YYYY-MM-DD, clamping impossible days (20040931 -> 2004-09-30)."""
    d = d.strip()
    if not re.fullmatch(r"\d{8}", d):
        return None
    y, m, day = int(d[:4]), int(d[4:6]), int(d[6:])
    if y < 1800 or y > 2030:
        return None
    if m == 0:
        return "%04d" % y
    if m > 12:
        return None
    last = calendar.monthrange(y, m)[1]
    if day == 0:
        return "%04d-%02d" % (y, m)
    day = min(day, last)
    return "%04d-%02d-%02d" % (y, m, day)


def parse_span(text):
    """'19331108 - 19730717' | '>20011222' | '<20041231' -> (from, to)."""
    t = text.strip()
    m = re.fullmatch(r"(\d{8})\s*-\s*(\d{8})", t)
    if m:
        return fix_date(m.group(1)), fix_date(m.group(2))
    m = re.fullmatch(r">\s*(\d{8})", t)
    if m:
        return fix_date(m.group(1)), "-"
    m = re.fullmatch(r"<\s*(\d{8})", t)
    if m:
        return "-", fix_date(m.group(1))
    return None


def span_lo(d):
    """'-' | YYYY | YYYY-MM | YYYY-MM-DD -> comparable lower bound string."""
    if d == "-":
        return "0000-00-00"
    return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d


def span_hi(d):
    if d == "-":
        return "9999-99-99"
    return (d + "-12-31")[:10] if len(d) == 4 else (d + "-31")[:10] if len(d) == 7 else d


def singular(word):
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def leader_role(tag):
    """'Prime ministers' -> 'prime minister'; 'Kings/QUEENS' -> 'king'."""
    t = tag.split("#")[0].split("(")[0].strip().lower().replace("_", " ")
    t = t.split(",")[0].strip()
    head, sep, rest = t.partition(" of ")
    head = head.split("/")[0]
    head = " ".join("-".join(singular(x) for x in w.split("-")) for w in head.split())
    head = head.split(" and ")[0]
    role = head + (" of " + rest if sep else "")
    role = re.sub(r"\s+", " ", role).strip()
    return role


def leader_agent(role):
    if re.search(r"communist|central committee|league of communists|mprp|frelimo", role):
        return "PTY"
    if re.search(r"\brada\b", role):
        return "LEG"
    return "GOV"


NAME_SKIP = re.compile(r"^(FOREIGN|DEFEN[CS]E|ACTING|PRIME|PRESIDENT|MINISTER|GENERAL|"
                       r"COL\.|GEN\.|DR\.|SHEIKH_|SHAIKH_|PRINCE_|KING_|EMIR_)")


def person_name(raw):
    raw = raw.strip()
    alts = re.findall(r"\{([^}]*)\}", raw)
    if alts:
        names = alts
    else:
        names = [raw]
    out = []
    for nm in names:
        nm = nm.split("(")[0].replace("`", "'")
        p = tidy(nm)
        if not re.fullmatch(r"[A-Z][A-Za-z'.\- ]*[a-z.]", p or "") or len(p) < 5:
            continue
        if p not in out:
            out.append(p)
    return out


def gov_role(comment):
    c = comment.strip().strip('"').strip()
    if "&" in c or '"' in c or "Deputy" in c or "Vice" in c or "State to" in c:
        return None
    if re.fullmatch(r"Minister of (Foreign Affairs|Foreign Relations|External Affairs)"
                    r"( and (International |Regional |African |Nordic )?(Cooperation|Worship|"
                    r"Trade|International Trade|Integration|Francophone Affairs|"
                    r"International Cooperation))?", c):
        return ("foreign minister", "GOV")
    if re.fullmatch(r"Minister of (National )?Defen[cs]e( and (National Security|Veterans Affairs))?", c):
        return ("defence minister", "MIL")
    return None


def build_countries(ref, data):
    ci_path = os.path.join(ref, "actors", "CountryInfo.120116.txt")
    ci = "CountryInfo.120116.txt"
    countries = parse_countryinfo(ci_path)
    out_path = os.path.join(data, "actors", "countries.tsv")
    tail = split_file(out_path)
    hand = hand_entries(tail)
    hand_phr = {}
    for f in hand:
        if len(f) >= 7:
            for p in f[6].split("|"):
                hand_phr.setdefault(p.lstrip("=").lower(), set()).add(f[0])
    seen = set()
    body = []
    people = []
    for c in countries:
        code = RECODE.get(c["code"], c["code"])
        if code not in STATES or code in seen:
            continue
        seen.add(code)

        def emit(kind, phrases, line):
            keep = []
            for p in phrases:
                if code in hand_phr.get(p.lstrip("=").lower(), ()):
                    continue
                if p not in keep:
                    keep.append(p)
            if keep:
                body.append("\t".join([code, "-", "-", "-", kind, "-", "|".join(keep),
                                       "%s:%d" % (ci, line)]))

        if c["name"] and code not in SKIP_NAME:
            emit("name", [cs(tidy(c["name"][0]))], c["name"][1])
        if c["nat"] and code not in SKIP_ADJ:
            raw, n = c["nat"][0]
            adj = tidy(raw)
            forms = [cs(adj)]
            pl = plural(adj)
            if pl:
                forms.append(cs(pl))
            emit("adj", forms, n)
        caps = []
        first = None
        for raw, n in c["cap"]:
            p = tidy(raw)
            if not p or p.upper() in SKIP_CAPITAL or \
                    p.upper() in SKIP_CAPITAL_OF.get(code, ()):
                continue
            caps.append(cs(p))
            first = first or n
        if caps:
            emit("capital", caps, first)
        people.append((code, c))
    missing = [s for s in STATES if s not in seen]
    header = [
        "# countries.tsv: names, adjectives and capitals of every state.",
        "# country\tagent\tfrom\tto\tkind\trole\tphrases\torigin  (see FORMAT.md)",
        "# Generated part: tools/import_actors.py from CountryInfo.120116.txt",
        "# (CC BY-SA 3.0, (c) 2012 Philip A. Schrodt): <CountryName>, the first",
        "# <Nationality> entry (+ plural) and <Capital>.  Do not edit above the marker;",
        "# edit tools/import_actors.py or add hand lines below it.",
        "# States with no CountryInfo block (hand part only): %s" % (" ".join(missing) or "none"),
    ]
    write(out_path, header + body + [""] + tail)
    return people, len(body)


def build_people(ref, data, countries):
    ci = "CountryInfo.120116.txt"
    out_path = os.path.join(data, "actors", "people.tsv")
    tail = split_file(out_path)
    hand = hand_entries(tail)
    hand_keys = set()
    hand_terms = {}
    for f in hand:
        if len(f) >= 7:
            span = (span_lo(f[2]), span_hi(f[3]))
            for p in f[6].split("|"):
                hand_keys.add((f[0], p.lstrip("=").lower(), f[5]))
                hand_terms.setdefault((f[0], p.lstrip("=").lower()), []).append(span)

    def superseded(code, names, role, span=None):
        """A hand line with the same role, or an overlapping hand term, wins."""
        if any((code, n.lower(), role) in hand_keys for n in names):
            return True
        if span is None:
            return False
        lo, hi = span_lo(span[0]), span_hi(span[1])
        for n in names:
            for a, b in hand_terms.get((code, n.lower()), ()):
                if lo <= b and a <= hi:
                    return True
        return False
    body = []
    seen = set()
    for code, c in countries:
        if code in SKIP_LEADERS:
            continue
        for tag, line, n in c["leaders"]:
            m = re.match(r"(.+?)\s*\[([^\]]*)\]", line)
            if not m:
                continue
            raw = m.group(1).strip()
            if NAME_SKIP.match(raw) or len(raw) < 4:
                continue
            span = parse_span(m.group(2))
            if not span or None in span:
                continue
            role = leader_role(tag)
            names = person_name(raw)
            if not names:
                continue
            if superseded(code, names, role, span):
                continue
            key = (code, names[0], role, span)
            if key in seen:
                continue
            seen.add(key)
            body.append("\t".join([code, leader_agent(role), span[0], span[1], "person",
                                   role, "|".join(names), "%s:%d" % (ci, n)]))
        for line, n in c["gov"]:
            m = re.match(r"(\S+)\s+((?:\[[^\]]*\])+)\s*#\s*(.*)$", line)
            if not m:
                continue
            raw = m.group(1)
            if NAME_SKIP.match(raw):
                continue
            rr = gov_role(m.group(3))
            if not rr:
                continue
            role, agent = rr
            names = person_name(raw)
            if not names or superseded(code, names, role):
                continue
            for br in re.findall(r"\[([A-Z]{3})[A-Z]*\s+([^\]]*)\]", m.group(2)):
                if RECODE.get(br[0], br[0]) != code:
                    continue
                span = parse_span(br[1])
                if not span or None in span:
                    continue
                key = (code, names[0], role, span)
                if key in seen or superseded(code, names, role, span):
                    continue
                seen.add(key)
                body.append("\t".join([code, agent, span[0], span[1], "person", role,
                                       "|".join(names), "%s:%d" % (ci, n)]))
    header = [
        "# people.tsv: named persons with dated roles.",
        "# country\tagent\tfrom\tto\tkind\trole\tphrases\torigin  (see FORMAT.md)",
        "# Generated part: tools/import_actors.py from CountryInfo.120116.txt",
        "# (CC BY-SA 3.0, (c) 2012 Philip A. Schrodt): <Leaders> (rulers.org, ~1960-2009;",
        "# an open end '-' there means 'in office at the last update, ~2009-2011') and the",
        "# single-office foreign/defence ministers of <Government> (CIA World Leaders",
        "# 2003-2011; '-' as from = 'in office in Jan 2003').  Hand lines below the marker",
        "# supersede a derived line with the same country, first phrase and role.",
    ]
    write(out_path, header + body + [""] + tail)
    return len(body)


# ---------------------------------------------------------------------------
# agents
AGENT_CODES = {"GOV", "MIL", "LEG", "JUD", "PTY", "MED", "BUS", "CVL", "OPP", "REB",
               "COP", "SPY", "LAB", "EDU", "HLH", "REF", "AGR", "CRM", "UAF", "ELI",
               "HRI", "ENV", "DEV", "REL", "NGO", "IGO"}
# compound codes whose *second* part is the agent dyad reports
AGENT_REMAP = {"GOVMIL": "MIL", "MILGOV": "MIL", "CVLOPP": "OPP", "PTYOPP": "OPP",
               "GOVJRN": "MED", "JRN": "MED", "GOVMED": "GOV", "ELIOPP": "OPP"}
# exotic or ambiguous single words / phrases (also frequent non-agent words)
AGENT_DROP = {
    "boss", "monger", "oiler", "producer", "industry", "cabinetmaker", "bargainer",
    "landlord", "freighter", "jumbojet", "jumbo jet", "merchandiser", "manafacture",
    "enterpreneur", "exporter", "employer", "investor", "cargo ship", "cargo vessel",
    "containership", "container ship", "container vessel", "merchant ship",
    "merchant vessel", "oil tanker", "airway", "aerospace", "sodbuster", "granger",
    "cropper", "cultivator", "orchardist", "husbandman", "husbandwoman", "fisher",
    "producer", "savings and loan", "steelworker", "mills association", "agent",
    "body", "board", "council", "committee", "commission", "office", "bureau",
    "department", "agency", "administration official", "state", "states", "power",
    "powers", "regime", "force", "guard", "guards", "unit", "units", "post", "chief",
    "head", "leader", "member", "members", "official", "officials", "party",
    "parties", "people", "group", "groups", "side", "source", "sources", "team",
    "union", "unions", "worker", "workers", "youth", "youths", "man", "men",
    "woman", "women", "person", "persons", "figure", "figures", "crew", "crews",
    "camp", "camps", "cell", "cells", "front", "movement", "faction", "line",
    "lines", "hand", "hands", "ranks", "establishment", "machine", "machinery",
    "apparatus", "house", "hall", "palace", "seat", "court", "courts", "bench",
    "bar", "press", "paper", "papers", "wire", "station", "channel", "network",
    "organ", "organs", "public", "community", "communities", "society", "masses",
    "mass", "crowd", "crowds", "mob", "mobs", "elite", "elites", "class",
    "native", "natives", "local", "locals", "resident", "residents", "individual",
    "individuals", "soul", "souls", "civilian", "civilians", "citizen", "citizens",
    "national", "nationals", "population", "populace", "villager", "villagers",
    "trade", "market", "markets", "firm", "bank", "banks", "fund", "funds",
    "gunman", "gunmen", "attacker", "attackers", "raider", "raiders",
    "fighter", "fighters", "militant", "militants", "rebel", "rebels",
    "insurgent", "insurgents", "separatist", "separatists", "terrorist",
    "terrorists", "extremist", "extremists", "bomber", "bombers", "sniper",
    "snipers", "kidnapper", "kidnappers", "hijacker", "hijackers", "pirate",
    "pirates", "thug", "thugs", "criminal", "criminals", "gang", "gangs",
    # common words / adjectives / events / places rather than actors
    "capital", "capitals", "kingdom", "authority", "governance", "state-owned",
    "semi-official", "city", "town", "village", "province", "settlement", "neighborhood",
    "neighbourhood", "ordinary", "naturalized", "retired", "actor", "actors", "airliner",
    "jetliner", "ambulance", "paramedic", "telecom", "intelligence", "spy", "carrier",
    "naval", "echelon", "phalanx", "kfir", "katushya", "mig", "deputy", "prison",
    "chamber", "representative", "delegate", "diet", "assemblage", "promulgator",
    "lawgiver", "islamic", "jewish", "hebrew", "religion", "revolt", "uprising",
    "rebellion", "insurgency", "insurgence", "suspect", "waiter", "waitress", "barracks",
    "tanker", "supertanker", "vip", "doc", "tinginist", "branokker", "traffiker",
    "kindergarden", "filmaker", "brigaider", "gendermarie", "manafacture", "monarche",
    "secretariate", "opthamologist", "midwive", "sanatarium", "cyberdissident",
}
# words that are fine but whose plural the simple rule gets wrong
IRREG_PLURAL = {"child": "children", "man": "men", "woman": "women", "person": "people", "chief": "chiefs",
                "staff": "staff", "police": "police", "personnel": "personnel",
                "militia": "militias", "media": "media", "clergy": "clergy",
                "secretary-general": "secretaries-general",
                "attorney general": "attorneys general", "prosecutor general":
                "prosecutors general", "governor general": "governors general",
                "commander in chief": "commanders in chief",
                "chief of staff": "chiefs of staff", "minister of state": "ministers of state"}
MACROS = {"!PERSON!": ["man", "men", "woman", "women", "person"],
          "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}


def make_plural(p):
    if p in IRREG_PLURAL:
        return IRREG_PLURAL[p]
    m = re.match(r"(.+?)( of .+| in .+| for .+| to .+)$", p)
    if m:
        head = make_plural(m.group(1))
        return head + m.group(2) if head else None
    words = p.split(" ")
    last = words[-1]
    if last not in IRREG_PLURAL and last.endswith(
            ("s", "ed", "ic", "al", ".", "men", "ren", "ple", "ish", "ese", "ery", "ntry")):
        return None  # already plural, an adjective, an abbreviation or a mass noun
    if last in IRREG_PLURAL:
        pl = IRREG_PLURAL[last]
    elif last.endswith("man"):
        pl = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        pl = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        if last.endswith(("ies", "ers", "ists", "ants", "ents", "als", "ians", "ors")):
            return None  # already plural
        pl = last + "es"
    else:
        pl = last + "s"
    return " ".join(words[:-1] + [pl])


def norm_agent(code):
    code = code.strip("~").strip()
    if code in AGENT_REMAP:
        return AGENT_REMAP[code]
    for k, v in AGENT_REMAP.items():
        if code.startswith(k):
            return v
    prim = code[:3]
    return prim if prim in AGENT_CODES else None


def parse_agents(path, fname):
    out = []
    for n, line in enumerate(read_lines(path), 1):
        s = line.split("#")[0].strip()
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[(~[A-Z]+)\]", s)
        if not m:
            continue
        word = m.group(1).strip()
        word = re.sub(r"MINIST$", "!MINIST!", word)  # "ENERGY_MINIST" = the macro
        no_plural = m.group(2) is not None and m.group(2).replace(" ", "") == "{}"
        agent = norm_agent(m.group(3))
        if not agent:
            continue
        explicit = []
        if m.group(2):
            explicit = [x.strip().strip("_").replace("_", " ").lower()
                        for x in m.group(2)[1:-1].split(",") if x.strip()]
        forms = []
        mac = re.search(r"!(PERSON|MINIST)!", word)
        if mac:
            for rep in MACROS[mac.group(0)]:
                forms.append(word.replace(mac.group(0), rep))
        else:
            forms = [word]
        phrases = []
        for f in forms:
            p = f.strip("_").replace("_", " ").lower()
            p = re.sub(r"\s+", " ", p).strip()
            if not p or p in AGENT_DROP or not re.fullmatch(r"[a-z][a-z .'\-]*", p):
                continue
            if re.match(r"(a|an|the) ", p) or re.search(r" (to|of|for|and|the|a)$", p):
                continue
            phrases.append(p)
            if not mac and not explicit and not no_plural:
                pl = make_plural(p)
                if pl and pl not in AGENT_DROP:
                    phrases.append(pl)
        phrases += [e for e in explicit if e not in AGENT_DROP]
        uniq = []
        for p in phrases:
            if p not in uniq:
                uniq.append(p)
        if uniq:
            out.append((agent, uniq, "%s:%d" % (fname, n)))
    return out


def build_agents(ref, data):
    out_path = os.path.join(data, "agents.tsv")
    tail = split_file(out_path)
    hand = hand_entries(tail)
    hand_phr = {}
    for f in hand:
        if len(f) >= 2:
            for p in f[1].split("|"):
                hand_phr[p.lstrip("=").lower()] = f[0]
    seen = {}
    body = []
    sources = [
        (os.path.join(ref, "petrarch2", "dictionaries", "Phoenix.agents.txt"), "Phoenix.agents.txt"),
        (os.path.join(ref, "plover", "PLOVER_agents.txt"), "PLOVER_agents.txt"),
    ]
    for path, fname in sources:
        for agent, phrases, origin in parse_agents(path, fname):
            keep = [p for p in phrases if p.lower() not in hand_phr and p not in seen]
            if not keep:
                continue
            for p in keep:
                seen[p] = agent
            body.append("\t".join([agent, "|".join(keep), origin]))
    header = [
        "# agents.tsv: agents from titles and generic nouns.",
        "# agent\tphrases\torigin  (see FORMAT.md)",
        "# Generated part: tools/import_actors.py from Phoenix.agents.txt (PETRARCH2, MIT)",
        "# and PLOVER_agents.txt (NGEC, MIT): `WORD [~CODE]` lines for the agent codes",
        "# dyad uses, lower-cased, '_' -> ' ', !PERSON!/!MINIST! expanded, a regular",
        "# plural added.  A phrase is listed once: the hand part below the marker and",
        "# then Phoenix win over PLOVER.  Compound codes: GOVMIL/MILGOV -> MIL,",
        "# CVLOPP/PTYOPP/ELIOPP -> OPP, JRN -> MED, otherwise the first three letters.",
    ]
    write(out_path, header + body + [""] + tail)
    return len(body)


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref", default="/work/shared/reference")
    ap.add_argument("--data", default=os.path.join(here, "..", "crates", "dyad-dict", "data"))
    a = ap.parse_args()
    countries, nc = build_countries(a.ref, a.data)
    npeople = build_people(a.ref, a.data, countries)
    nag = build_agents(a.ref, a.data)
    print("countries.tsv: %d derived lines" % nc)
    print("people.tsv:    %d derived lines" % npeople)
    print("agents.tsv:    %d derived lines" % nag)


if __name__ == "__main__":
    sys.exit(main())
