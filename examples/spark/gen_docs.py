#!/usr/bin/env python3
"""Writes N synthetic diplomatic documents as JSON Lines (fixed seed: the same
bytes every run). Used by test_spark.sh; the sentences are made up here from
templates, not taken from any corpus."""

import json
import random
import sys

COUNTRIES = [
    "Japan", "Russia", "China", "France", "Brazil", "India", "Germany", "Canada",
    "Mexico", "Egypt", "Turkey", "Kenya", "Norway", "Spain", "Italy", "Iran",
    "Argentina", "Indonesia", "Nigeria", "Poland", "Vietnam", "Chile", "Peru",
    "South Africa", "Australia", "Pakistan", "Ukraine", "Sweden", "Greece", "Israel",
]
CITIES = ["Geneva", "Paris", "Vienna", "Beijing", "Moscow", "Tokyo", "New Delhi", "Brasilia", "Cairo", "Oslo", "Madrid", "Ankara"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

TEMPLATES = [
    "{A} condemned {B} on {day}.",
    "{A} and {B} held talks in {city}.",
    "{A} and {B} signed an agreement in {city} on {d} {month} {year}.",
    "{A} accused {B} of violating the ceasefire.",
    "{A} will visit {B} next week.",
    "The foreign minister of {A} met his counterpart from {B} in {city} on {day}.",
    "{A} imposed sanctions on {B}.",
    "{A} praised {B} for its role in the peace process.",
    "{A} expelled diplomats from {B} on {day}.",
    "{A} criticized {B} over the border dispute.",
    "{A} offered humanitarian aid to {B}.",
    "{A} threatened {B} with military action.",
    "{A} called on {B} to release the detained journalists.",
    "{A} rejected the proposal made by {B}.",
    "{A} welcomed the decision of {B} to reopen its embassy.",
    "{A} and {B} agreed to expand trade in {month} {year}.",
    "{A} plans to host {B} for a summit in {city} next month.",
    "{A} warned {B} against further escalation.",
    "Troops from {A} attacked positions held by {B}.",
    "{A} denied the allegations made by {B}.",
    "Weather in {city} was mild on {day}.",  # no event
]


def sentence(rng):
    a, b = rng.sample(COUNTRIES, 2)
    return rng.choice(TEMPLATES).format(
        A=a, B=b, city=rng.choice(CITIES), day=rng.choice(DAYS),
        d=rng.randint(1, 28), month=rng.choice(MONTHS), year=rng.randint(2015, 2024),
    )


def document(rng, i):
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(1, 3))))
    doc = {
        "id": "synth-%05d" % i,
        "text": "\n\n".join(paragraphs),  # newlines inside the text: one JSON line all the same
        "title": sentence(rng) if rng.random() < 0.5 else None,
        "doc_date": "%04d-%02d-%02d" % (rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.8 else None,
        "url": "https://example.org/news/%d" % i if rng.random() < 0.3 else None,
        "publisher": rng.choice(["Synthetic Wire", "Test Gazette", None]),
        "lang": "en",
    }
    return doc


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(20240505)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(document(rng, i), ensure_ascii=False) + "\n")
        if i % 997 == 500:
            out.write("\n")  # a blank line now and then: both sides must skip it


if __name__ == "__main__":
    main()
