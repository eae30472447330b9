#!/usr/bin/env python3
"""Compares the events the Spark job wrote with those of one `dyad code`
process, as multisets of canonical JSON (Spark may order partitions
differently). Reads the Spark side from its Parquet output (through pyspark)
and from its JSON Lines output, and the single-process side from a file.

    compare_events.py SINGLE.jsonl SPARK_PARQUET_DIR SPARK_JSONL_DIR

Prints `spark: N events, single process: N events, equal` or the
differences, and exits 1 on any difference."""

import collections
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dyad_spark import EVENT_SCHEMA, event_row  # noqa: E402

FIELDS = [f.name for f in EVENT_SCHEMA.fields]


def canonical(values):
    """An event (tuple in EVENT_SCHEMA order, converted like the job does) as
    canonical JSON: same field names, sorted keys, floats as floats."""
    return json.dumps(dict(zip(FIELDS, values)), sort_keys=True, ensure_ascii=False)


def read_jsonl(paths):
    events = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    events[canonical(event_row(line))] += 1
    return events


def read_parquet(path):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").appName("dyad-compare").getOrCreate()
    try:
        df = spark.read.parquet(path)
        schema_ok = [(f.name, f.dataType.simpleString()) for f in df.schema.fields] == [
            (f.name, f.dataType.simpleString()) for f in EVENT_SCHEMA.fields
        ]
        if not schema_ok:
            print("parquet schema differs:\n  got      %s\n  expected %s" % (df.schema.simpleString(), EVENT_SCHEMA.simpleString()))
        rows = collections.Counter(canonical(tuple(row)) for row in df.toLocalIterator())
    finally:
        spark.stop()
    return rows, schema_ok


def diff(name, got, want):
    if got == want:
        return True
    missing, extra = want - got, got - want
    print("%s: %d events missing, %d unexpected" % (name, sum(missing.values()), sum(extra.values())))
    for label, events in (("missing", missing), ("unexpected", extra)):
        for event in list(events)[:3]:
            print("  %s: %s" % (label, event))
    return False


def main():
    single_path, parquet_dir, jsonl_dir = sys.argv[1:4]
    single = read_jsonl([single_path])
    parquet, schema_ok = read_parquet(parquet_dir)
    jsonl = read_jsonl(sorted(glob.glob(os.path.join(jsonl_dir, "part-*"))))
    n_single, n_parquet, n_jsonl = (sum(c.values()) for c in (single, parquet, jsonl))
    ok = schema_ok and n_single > 0
    ok = diff("spark parquet", parquet, single) and ok
    ok = diff("spark jsonl", jsonl, single) and ok
    if n_parquet != n_jsonl:
        print("spark parquet has %d events, spark jsonl %d" % (n_parquet, n_jsonl))
        ok = False
    if n_single == 0:
        print("single process coded no events: nothing was compared")
    print("spark: %d events, single process: %d events, %s" % (n_parquet, n_single, "equal" if ok else "DIFFERENT"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
