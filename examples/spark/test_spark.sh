#!/usr/bin/env bash
# End-to-end test of dyad_spark.py: codes a few thousand synthetic documents
# with Spark in local[2] mode and with one `dyad code` process, and checks that
# both give the same events.
#
#   bash examples/spark/test_spark.sh [PATH/TO/dyad]     (default: target/release/dyad)
#
# Installs pyspark from PyPI into a venv under $DYAD_SPARK_CACHE
# (default ~/.cache/dyad-spark) when python3 cannot import it; reruns reuse it.
# Last line: `1 passed, 0 failed` or `0 passed, 1 failed`.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${DYAD_SPARK_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/dyad-spark}"
DOCS="${DYAD_SPARK_DOCS:-3000}"

fail() {
    echo "test_spark: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

DYAD="${1:-$ROOT/target/release/dyad}"
case "$DYAD" in /*) ;; *) DYAD="$PWD/$DYAD" ;; esac
[ -x "$DYAD" ] || fail "no dyad binary at $DYAD (build it: cargo build --release, or pass its path)"

# (a) Java and pyspark
if ! java -version >/dev/null 2>&1; then
    echo "test_spark: java not found; trying apt-get install -y openjdk-17-jre-headless" >&2
    if command -v apt-get >/dev/null 2>&1; then
        { apt-get install -y -q openjdk-17-jre-headless || { apt-get update -q && apt-get install -y -q openjdk-17-jre-headless; }; } >&2
    fi
    java -version >/dev/null 2>&1 || fail "Spark needs Java 17 or newer: install a JRE (e.g. openjdk-17-jre-headless) and put java on PATH"
fi
echo "test_spark: $(java -version 2>&1 | head -n 1)"

PYTHON=python3
if ! python3 -c 'import pyspark' >/dev/null 2>&1; then
    PYTHON="$CACHE/venv/bin/python"
    if ! "$PYTHON" -c 'import pyspark' >/dev/null 2>&1; then
        echo "test_spark: installing pyspark into $CACHE/venv (about 450 MB, once)"
        start=$(date +%s)
        mkdir -p "$CACHE" || fail "cannot create $CACHE"
        rm -rf "$CACHE/venv"
        python3 -m venv "$CACHE/venv" || fail "python3 -m venv failed (on Debian: apt-get install python3-venv)"
        "$CACHE/venv/bin/pip" install -q --disable-pip-version-check pyspark >&2 || fail "pip install pyspark failed"
        "$PYTHON" -c 'import pyspark' || fail "pyspark installed but cannot be imported"
        echo "test_spark: pyspark installed in $(( $(date +%s) - start )) s"
    fi
fi
echo "test_spark: pyspark $("$PYTHON" -c 'import pyspark; print(pyspark.__version__)')"
# Spark's Python workers must use the same interpreter as the driver.
export PYSPARK_PYTHON="$PYTHON" PYSPARK_DRIVER_PYTHON="$PYTHON" PYTHONDONTWRITEBYTECODE=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dyad-spark-test.XXXXXX")" || fail "mktemp failed"
trap 'rm -rf "$WORK"' EXIT

# (b) synthetic documents, (c) Spark, (d) one process, (e) comparison
"$PYTHON" "$HERE/gen_docs.py" "$DOCS" > "$WORK/docs.jsonl" || fail "generating documents failed"
echo "test_spark: $(grep -c . "$WORK/docs.jsonl") documents"

start=$(date +%s)
"$PYTHON" "$HERE/dyad_spark.py" --master 'local[2]' --dyad "$DYAD" --partitions 4 \
    "$WORK/docs.jsonl" "$WORK/events.parquet" --jsonl "$WORK/events.jsonl" \
    > "$WORK/spark.log" 2>&1 || { tail -n 40 "$WORK/spark.log" >&2; fail "the Spark job failed"; }
echo "test_spark: Spark job took $(( $(date +%s) - start )) s"

"$DYAD" code --format jsonl - < "$WORK/docs.jsonl" > "$WORK/single.jsonl" || fail "dyad code failed"

"$PYTHON" "$HERE/compare_events.py" "$WORK/single.jsonl" "$WORK/events.parquet" "$WORK/events.jsonl" \
    2> "$WORK/compare.log" || { tail -n 20 "$WORK/compare.log" >&2; fail "Spark and single-process events differ"; }

echo "1 passed, 0 failed"
