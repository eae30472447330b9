#!/usr/bin/env python3
"""Validate dyad's actor and agent dictionaries against data/FORMAT.md.

Usage:  python3 tools/check_dicts.py [--data crates/dyad-dict/data] [--strict]

Checks (errors make the exit status 1; warnings do not unless --strict):
  * UTF-8, TAB-separated, field counts (actors/*.tsv: 8, agents.tsv: 3)
  * country: 3 upper-case letters or a listed IGO code; agent: a CAMEO agent code or '-'
  * from/to: '-', YYYY, YYYY-MM or YYYY-MM-DD that parse, and from <= to
  * kind valid for the file; role lower case for persons and '-' otherwise
  * phrases: non-empty, no blank or repeated items, '=' only before a capital letter
  * origin: 'dyad' or FILE:LINE naming a known reference file
  * no identical phrase->code line twice (same code, agent, kind, role, dates, phrase)
  * countries.tsv: no phrase under two different countries unless a comment line
    `# ambiguous: PHRASE` is present in the file
  * warnings: a phrase under two agent codes in agents.tsv, a phrase coded differently
    in two actor files, overlapping terms of one person in one country
Prints counts per file and kind, and the number of persons.
Python 3 standard library only.
"""

import argparse
import datetime
import os
import re
import sys
from collections import Counter, defaultdict

IGO_CODES = {
    "UNO", "EUR", "NAT", "ASE", "AFU", "SCO", "BRI", "GOS", "GOE", "G20", "SCE", "ARL",
    "OPC", "GCC", "CST", "IMF", "WBK", "WTO", "OAS", "CIS", "NON", "OIC", "ITP", "ICC",
    "ICJ", "WAS", "SAA", "SAD", "IAD", "AMN", "IRC", "GRP",
    # CAMEO international regions
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
}
AGENTS = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "PTY", "AGR",
    "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
    "REF", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "PKO", "SET",
    "REL",
}
KINDS = {
    "countries.tsv": {"name", "adj", "capital"},
    "igos.tsv": {"name", "region"},
    "bodies.tsv": {"body"},
    "people.tsv": {"person"},
}
ORIGIN_FILES = {"CountryInfo.120116.txt", "people_leaders.csv", "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt", "Phoenix.agents.txt", "PLOVER_agents.txt",
                "CAMEO.2.0.txt"}


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings.append("%s: %s" % (where, msg))


def parse_date(s, end=False):
    """Return (lo, hi) dates covered by s, or None if invalid; '-' -> open."""
    if s == "-":
        return (datetime.date.min, datetime.date.max)
    try:
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return (datetime.date(y, 1, 1), datetime.date(y, 12, 31))
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = map(int, s.split("-"))
            lo = datetime.date(y, m, 1)
            nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
            return (lo, nxt - datetime.timedelta(days=1))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            d = datetime.date.fromisoformat(s)
            return (d, d)
    except ValueError:
        return None
    return None


def check_phrases(field, where, rep):
    items = field.split("|")
    out = []
    seen = set()
    for p in items:
        if p == "" or p != p.strip():
            rep.err(where, "empty phrase or stray spaces in %r" % field)
            continue
        if "\t" in p:
            rep.err(where, "TAB inside phrase")
        if p.startswith("="):
            if len(p) < 2 or not p[1].isupper():
                rep.err(where, "'=' must precede a capitalised phrase: %r" % p)
        key = p.lstrip("=").lower()
        if key in seen:
            rep.err(where, "phrase repeated in one line: %r" % p)
        seen.add(key)
        out.append(p)
    return out


def check_origin(o, where, rep):
    if o == "dyad":
        return
    m = re.fullmatch(r"([A-Za-z0-9_.\-]+):(\d+)", o)
    if not m:
        rep.err(where, "bad origin %r" % o)
    elif m.group(1) not in ORIGIN_FILES:
        rep.err(where, "unknown origin file %r" % m.group(1))


def read(path, rep):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().split("\n")
    except UnicodeDecodeError as e:
        rep.err(path, "not UTF-8: %s" % e)
        return []


def check_actor_file(path, name, rep, stats, phrase_codes, people):
    lines = read(path, rep)
    allowed_amb = set()
    for l in lines:
        m = re.match(r"#\s*ambiguous:\s*(.+)$", l)
        if m:
            allowed_amb.update(x.strip().lower() for x in m.group(1).split("|"))
    seen = set()
    by_phrase = defaultdict(set)
    n = 0
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = "%s:%d" % (name, i)
        f = line.split("\t")
        if len(f) != 8:
            rep.err(where, "expected 8 fields, got %d" % len(f))
            continue
        n += 1
        country, agent, dfrom, dto, kind, role, phrases, origin = f
        if not (re.fullmatch(r"[A-Z]{3}", country) or country in IGO_CODES):
            rep.err(where, "bad country code %r" % country)
        if name == "igos.tsv" and country not in IGO_CODES:
            rep.err(where, "IGO code %r not in the checker's list" % country)
        if name != "igos.tsv" and name != "people.tsv" and country in IGO_CODES and \
                not re.fullmatch(r"[A-Z]{3}", country):
            rep.err(where, "IGO code in a state file")
        if agent != "-" and agent not in AGENTS:
            rep.err(where, "bad agent %r" % agent)
        a = parse_date(dfrom)
        b = parse_date(dto)
        if a is None:
            rep.err(where, "bad from date %r" % dfrom)
        if b is None:
            rep.err(where, "bad to date %r" % dto)
        if a and b and a[0] > b[1]:
            rep.err(where, "from %s after to %s" % (dfrom, dto))
        if kind not in KINDS[name]:
            rep.err(where, "kind %r not allowed in %s" % (kind, name))
        if kind == "person":
            if role == "-" or role != role.lower() or not role.strip():
                rep.err(where, "person needs a lower-case role, got %r" % role)
        elif role != "-":
            rep.err(where, "role must be '-' for kind %s" % kind)
        check_origin(origin, where, rep)
        ps = check_phrases(phrases, where, rep)
        stats[(name, kind)] += 1
        for p in ps:
            key = (country, agent, kind, role, dfrom, dto, p.lstrip("=").lower())
            if key in seen:
                rep.err(where, "duplicate phrase->code line: %r -> %s" % (p, country))
            seen.add(key)
            by_phrase[p.lstrip("=").lower()].add(country)
            phrase_codes[p.lstrip("=").lower()].add((name, country, kind))
        if kind == "person" and ps and a and b:
            people[(country, ps[0].lstrip("=").lower())].append((a[0], b[1], where, role))
    if name == "countries.tsv":
        for p, codes in sorted(by_phrase.items()):
            if len(codes) > 1 and p not in allowed_amb:
                rep.err(name, "phrase %r under several countries: %s" % (p, " ".join(sorted(codes))))
    return n


def check_agents(path, rep, stats):
    lines = read(path, rep)
    seen = {}
    n = 0
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = "agents.tsv:%d" % i
        f = line.split("\t")
        if len(f) != 3:
            rep.err(where, "expected 3 fields, got %d" % len(f))
            continue
        n += 1
        agent, phrases, origin = f
        if agent not in AGENTS:
            rep.err(where, "bad agent %r" % agent)
        check_origin(origin, where, rep)
        for p in check_phrases(phrases, where, rep):
            k = p.lstrip("=").lower()
            if k in seen:
                if seen[k][0] == agent:
                    rep.err(where, "duplicate phrase %r (also %s)" % (p, seen[k][1]))
                else:
                    rep.warn(where, "phrase %r is %s here but %s at %s" % (p, agent, seen[k][0], seen[k][1]))
            else:
                seen[k] = (agent, where)
            stats[("agents.tsv", agent)] += 1
    return n, len(seen)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "crates", "dyad-dict", "data"))
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--max", type=int, default=40, help="messages to print per class")
    a = ap.parse_args()
    rep = Report()
    stats = Counter()
    phrase_codes = defaultdict(set)
    people = defaultdict(list)
    counts = {}
    for name in ("countries.tsv", "igos.tsv", "bodies.tsv", "people.tsv"):
        path = os.path.join(a.data, "actors", name)
        if not os.path.exists(path):
            rep.err(name, "missing")
            continue
        counts[name] = check_actor_file(path, name, rep, stats, phrase_codes, people)
    ag_path = os.path.join(a.data, "agents.tsv")
    if os.path.exists(ag_path):
        counts["agents.tsv"], n_agent_phrases = check_agents(ag_path, rep, stats)
    else:
        rep.err("agents.tsv", "missing")
        n_agent_phrases = 0

    # cross-file: same phrase, different codes in two actor files (people excluded)
    for p, s in sorted(phrase_codes.items()):
        files = {(f, c) for f, c, k in s if f != "people.tsv"}
        codes = {c for f, c in files}
        if len(codes) > 1 and len({f for f, c in files}) > 1:
            rep.warn("cross-file", "phrase %r: %s" % (p, ", ".join("%s %s" % x for x in sorted(files))))
    # overlapping terms of one person in one country
    for (c, p), terms in people.items():
        terms.sort()
        for x, y in zip(terms, terms[1:]):
            if y[0] < x[1] and not (x[0] == datetime.date.min and y[0] == datetime.date.min):
                rep.warn(y[2], "%s %r: term overlaps %s (%s / %s)" % (c, p, x[2], x[3], y[3]))

    print("== counts ==")
    for name, n in counts.items():
        print("%-14s %5d entries" % (name, n))
    for (f, k), v in sorted(stats.items()):
        print("  %-14s %-8s %5d" % (f, k, v))
    persons = len(people)
    lo, hi = datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)
    recent = sum(1 for t in people.values() if any(a0 <= hi and b0 >= lo for a0, b0, _, _ in t))
    hand_recent = 0
    print("persons (country + first phrase): %d; with a term in 2010-2025: %d" % (persons, recent))
    print("distinct agent phrases: %d" % n_agent_phrases)
    for label, msgs in (("errors", rep.errors), ("warnings", rep.warnings)):
        print("== %s: %d ==" % (label, len(msgs)))
        for m in msgs[:a.max]:
            print("  " + m)
        if len(msgs) > a.max:
            print("  ... %d more" % (len(msgs) - a.max))
    bad = rep.errors or (a.strict and rep.warnings)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
