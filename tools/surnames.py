#!/usr/bin/env python3
"""Add surname-alone phrases to recent office holders in actors/people.tsv.

Usage:  python3 tools/surnames.py [--ref /work/shared/reference] [--data crates/dyad-dict/data] [--write]

News names a leader in full once, then by surname ("Erdogan said"). For each hand-written
person line (origin `dyad`) whose office ran into 2015 or later, this adds the last word of
the first phrase as a phrase of its own, unless that word:

  * is shorter than four letters, or not capitalised;
  * is an English word (it occurs in lower case in the UD English EWT treebank, read as
    data from ud-english-ewt/*.conllu: CC BY-SA 4.0);
  * is already a phrase of any actor (a country, capital, body or another person), a given
    name (the first word of some person's phrase), or the surname of another recent office
    holder of another country;
  * belongs to a naming order where the last word is no surname (East Asian names given
    family name first, Arabic `bin`/`al` names, Indonesian and Thai names).

Without --write it prints the changes; with --write it rewrites people.tsv in place.
Python 3 standard library only.
"""
import argparse
import glob
import os
import re
import sys
from collections import defaultdict

# Surnames that name someone or something better known (a city, an earlier leader of
# another country, a very common family name).
AMBIGUOUS = {"Austin", "Blair", "Wong", "Lee", "Khan", "Ali", "Singh", "Kumar", "Shah", "Rahman"}
PARTICLES = {"le", "la", "de", "di", "da", "du", "van", "von", "der", "dos", "del"}
FAMILY_FIRST = {"CHN", "PRK", "KOR", "TWN", "VNM", "KHM", "MMR", "THA", "IDN", "MNG", "LAO", "HKG", "SGP", "MAC"}


def english_words(ref):
    words = set()
    for path in glob.glob(os.path.join(ref, "ud-english-ewt", "*.conllu")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line or line[0] == "#" or line == "\n":
                    continue
                cols = line.split("\t")
                if len(cols) > 2 and cols[1].islower():
                    words.add(cols[1])
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", default="/work/shared/reference")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "crates", "dyad-dict", "data"))
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    english = english_words(a.ref)
    if not english:
        sys.exit("no UD English EWT .conllu files under " + a.ref)
    taken = set()
    given = set()
    for path in glob.glob(os.path.join(a.data, "actors", "*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 7:
                    for p in cols[6].split("|"):
                        taken.add(p.lstrip("=").lower())
                        if len(cols) > 4 and cols[4] == "person" and len(p.split()) > 1:
                            given.add(p.split()[0].lower())
    people = os.path.join(a.data, "actors", "people.tsv")
    with open(people, encoding="utf-8") as f:
        lines = f.readlines()
    candidates = {}
    owners = defaultdict(set)
    for n, line in enumerate(lines):
        cols = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(cols) < 8 or cols[4] != "person" or cols[7] != "dyad":
            continue
        if cols[3] != "-" and cols[3][:4] < "2015":
            continue
        phrases = cols[6].split("|")
        if any(len(p.split()) == 1 for p in phrases) or cols[0] in FAMILY_FIRST:
            continue
        words = [w for w in phrases[0].split() if w.rstrip(".").lower() not in ("jr", "sr", "ii", "iii")]
        if len(words) < 2 or any(w.lower() in ("bin", "ibn", "al", "bint") or w.lower().startswith("al-") for w in words):
            continue
        last = words[-1]
        # `Jean-Yves Le Drian`, `Luigi Di Maio`: a particle belongs to the surname.
        if len(words) >= 3 and words[-2].lower() in PARTICLES:
            last = words[-2] + " " + words[-1]
        if last.lower() in given or last in AMBIGUOUS:
            continue
        if len(last) < 4 or not re.fullmatch(r"[A-Z][\w'\- ]+", last) or last.lower() in english or last.lower() in taken:
            continue
        candidates[n] = last
        owners[last].add(cols[0])
    changed = 0
    for n, last in sorted(candidates.items()):
        if len(owners[last]) > 1:
            continue
        cols = lines[n].rstrip("\n").split("\t")
        cols[6] = cols[6] + "|" + last
        new = "\t".join(cols) + "\n"
        print(f"people.tsv:{n + 1}: + {last}  ({cols[0]} {cols[5]})")
        lines[n] = new
        changed += 1
    if a.write:
        with open(people, "w", encoding="utf-8") as f:
            f.writelines(lines)
    print(f"{changed} surname phrases {'added' if a.write else 'to add (use --write)'}", file=sys.stderr)


if __name__ == "__main__":
    main()
