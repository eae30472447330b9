#!/usr/bin/env python3
"""Code documents with dyad on a Spark cluster and write the events as Parquet.

    spark-submit --master local[2] dyad_spark.py INPUT OUTPUT [--dyad PATH] [--jsonl DIR]
    python3 dyad_spark.py INPUT OUTPUT ...          (with `pip install pyspark`)

INPUT is a JSON Lines file, a directory of them, or a glob (anything
`SparkContext.textFile` reads, `.gz` included), one document a line in the
input format of SCHEMA.md (id, text, title, doc_date, url, publisher, lang).
Every partition is piped through one `dyad code --format jsonl -j 1 -` process
(`RDD.pipe`); its events become rows of the SCHEMA.md event record, written as
Parquet to OUTPUT and, with --jsonl DIR, also as JSON Lines.

See README.md beside this file for running it on YARN or Kubernetes.
"""

import argparse
import json
import os
import shlex
import shutil
import stat
import sys

from pyspark import SparkFiles, TaskContext
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The event record of SCHEMA.md, in its order. Nullable exactly where SCHEMA.md
# says "or null"; a row breaking that fails the job instead of writing bad data.
EVENT_SCHEMA = StructType(
    [
        StructField("doc_id", StringType(), False),
        StructField("event_id", StringType(), False),
        StructField("sentence_index", IntegerType(), False),
        StructField("sentence", StringType(), False),
        StructField("trigger", StringType(), False),
        StructField("span", ArrayType(IntegerType(), False), False),
        StructField("source", StringType(), False),
        StructField("source_country", StringType(), False),
        StructField("source_agent", StringType(), True),
        StructField("source_name", StringType(), True),
        StructField("target", StringType(), False),
        StructField("target_country", StringType(), False),
        StructField("target_agent", StringType(), True),
        StructField("target_name", StringType(), True),
        StructField("code", StringType(), False),
        StructField("root", StringType(), False),
        StructField("quad_class", IntegerType(), False),
        StructField("goldstein", DoubleType(), False),
        StructField("plover", StringType(), True),
        StructField("date", StringType(), False),
        StructField("date_source", StringType(), False),
        StructField("future", BooleanType(), False),
        StructField("location", StringType(), True),
        StructField("confidence", DoubleType(), False),
    ]
)


def _convert(value, data_type):
    """One JSON value to the Python value Spark expects for `data_type`."""
    if value is None:
        return None
    if isinstance(data_type, (IntegerType, LongType)):
        return int(value)
    if isinstance(data_type, DoubleType):
        return float(value)  # dyad writes -2.0, but 7 would be valid JSON too
    if isinstance(data_type, BooleanType):
        return bool(value)
    if isinstance(data_type, ArrayType):
        return [_convert(v, data_type.elementType) for v in value]
    return str(value)


_FIELDS = [(f.name, f.dataType) for f in EVENT_SCHEMA.fields]


def event_row(line):
    """A line of dyad's JSON Lines output to a tuple in EVENT_SCHEMA order.

    Fields dyad may add later (SCHEMA.md: "add fields freely") are dropped;
    a missing one becomes null (and fails the job if it may not be null)."""
    event = json.loads(line)
    return tuple(_convert(event.get(name), data_type) for name, data_type in _FIELDS)


def document_line(line, skip_invalid):
    """An input line re-serialised as one JSON document a line, or None.

    json.dumps escapes newlines inside strings, so each document stays one
    line on dyad's stdin whatever its text holds. Blank lines are skipped.
    A line that is not a JSON object with string `id` and `text` would make
    dyad exit 1 and so fail the task: it fails here with a clearer message,
    or is dropped (and named on the executor's stderr) with --skip-invalid."""
    if not line.strip():
        return None
    try:
        doc = json.loads(line)
        ok = isinstance(doc, dict) and isinstance(doc.get("id"), str) and isinstance(doc.get("text"), str)
    except ValueError:
        ok = False
    if not ok:
        message = "not a document in the input format (JSON object with string id and text): %.200r" % line
        if skip_invalid:
            print("dyad_spark: skipped " + message, file=sys.stderr)
            return None
        raise ValueError(message)
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def resolve_dyad(spark, dyad):
    """The path of the dyad binary as the executors will see it.

    - a path with a slash is used as given (an absolute path baked into the
      image, or a relative one, resolved in the executor's working directory);
    - a bare name shipped with `--files` (or SparkContext.addFile) is found
      through SparkFiles: executors fetch such files into their working
      directory, so it is `./NAME` there, except in local mode, where the
      driver's SparkFiles directory is the one the tasks see;
    - otherwise a bare name is looked up on PATH (the driver's PATH is passed
      to the dyad processes)."""
    if "/" in dyad:
        return dyad
    try:
        shipped = SparkFiles.get(dyad)
    except Exception:  # no SparkFiles directory yet
        shipped = None
    if shipped and os.path.isfile(shipped):
        if spark.sparkContext.master.startswith("local"):
            return shipped
        return "./" + dyad
    return dyad


def make_executable(path):
    """Returns a mapPartitions function that, before the partition's dyad
    process starts, sets the execute bit on `path` when it lacks it (files
    shipped with --files may arrive without it on YARN)."""

    def prepare(iterator):
        # A plain function, not a generator: it runs when RDD.pipe's own
        # partition function is set up, so before the process is spawned.
        if "/" in path and os.path.isfile(path) and not os.access(path, os.X_OK):
            try:
                mode = os.stat(path).st_mode
                os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            except OSError as err:
                print("dyad_spark: cannot make %s executable: %s" % (path, err), file=sys.stderr)
        return iterator

    return prepare


# Errors raised while RDD.pipe feeds a partition to dyad, by task attempt.
_FEED_ERRORS = {}


def guard_feed(iterator):
    """Wraps the documents that RDD.pipe writes to dyad's stdin.

    RDD.pipe consumes its input in a writer thread: an exception there (an
    invalid document, an unreadable input split) kills the thread without
    closing dyad's stdin, and the task hangs for ever. Here the error ends
    the input instead (dyad sees end of file and exits) and is kept, for
    raise_feed_error to raise in the task's own thread after dyad's output."""
    context = TaskContext.get()
    key = context.taskAttemptId() if context else None  # read here, in the task's thread

    def feed():
        try:
            for item in iterator:
                yield item
        except BaseException as err:  # noqa: B036 - re-raised by raise_feed_error
            _FEED_ERRORS[key] = err

    return feed()


def raise_feed_error(iterator):
    """Passes dyad's output through, then raises the error guard_feed kept."""
    context = TaskContext.get()
    key = context.taskAttemptId() if context else None
    for item in iterator:
        yield item
    err = _FEED_ERRORS.pop(key, None)
    if err is not None:
        raise err


def code_documents(spark, input_path, dyad="dyad", partitions=None, skip_invalid=False, extra_args=()):
    """A DataFrame of the events of the documents under `input_path`."""
    sc = spark.sparkContext
    lines = sc.textFile(input_path, minPartitions=partitions) if partitions else sc.textFile(input_path)
    if partitions and lines.getNumPartitions() > partitions:
        lines = lines.coalesce(partitions)  # no shuffle: input order is kept
    docs = lines.map(lambda line: document_line(line, skip_invalid)).filter(lambda doc: doc is not None)

    binary = resolve_dyad(spark, dyad)
    found = os.path.isfile(binary) if "/" in binary else shutil.which(binary, path=os.environ.get("PATH", os.defpath))
    if sc.master.startswith("local") and not found:
        # The tasks run on this machine: fail now rather than in every task.
        raise SystemExit(
            "dyad_spark: no executable dyad at %r: pass --dyad /path/to/dyad, put dyad on PATH, "
            "or ship it with --files /path/to/dyad" % binary
        )
    # RDD.pipe runs no shell: it splits this string with shlex, so quote each
    # argument. One process per partition, one thread each: Spark already
    # runs a task per core, and -j 1 keeps each process to ~80 MB.
    command = shlex.join([binary, "code", "--format", "jsonl", "-j", "1", *extra_args, "-"])
    # RDD.pipe starts the process with only the variables given here.
    env = {"PATH": os.environ.get("PATH", os.defpath)}
    for name in ("RUST_BACKTRACE", "LANG", "LC_ALL"):
        if name in os.environ:
            env[name] = os.environ[name]
    # An empty partition starts a dyad that reads an empty stdin, writes
    # nothing and exits 0; checkCode fails the task if dyad exits non-zero.
    events = (
        docs.mapPartitions(guard_feed)
        .mapPartitions(make_executable(binary))
        .pipe(command, env=env, checkCode=True)
        .mapPartitions(raise_feed_error)
    )
    rows = events.filter(lambda line: line.strip() != "").map(event_row)
    return spark.createDataFrame(rows, EVENT_SCHEMA)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file(s) of documents: a file, directory or glob")
    parser.add_argument("output", help="directory to write the events to as Parquet")
    parser.add_argument(
        "--dyad",
        default="dyad",
        help="the dyad binary: a path, or a bare name shipped with --files or found on PATH (default: dyad)",
    )
    parser.add_argument("--jsonl", metavar="DIR", help="also write the events as JSON Lines to DIR")
    parser.add_argument("--partitions", type=int, help="about this many partitions (= dyad processes) to code in")
    parser.add_argument("--dict", metavar="DIR", help="passed to dyad as --dict (must exist on every executor)")
    parser.add_argument("--skip-invalid", action="store_true", help="drop input lines that are not documents instead of failing")
    parser.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite", "append", "ignore"], help="Spark save mode")
    parser.add_argument("--master", help="Spark master when run with python3 (spark-submit sets it)")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("dyad")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        extra = ["--dict", args.dict] if args.dict else []
        events = code_documents(spark, args.input, args.dyad, args.partitions, args.skip_invalid, extra)
        if args.jsonl:
            # Cache so that dyad runs once for both outputs.
            events = events.cache()
        events.write.mode(args.mode).parquet(args.output)
        if args.jsonl:
            # Keep null fields, as dyad does, so every line has every field.
            events.write.mode(args.mode).option("ignoreNullFields", "false").json(args.jsonl)
            events.unpersist()
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
