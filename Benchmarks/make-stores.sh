#!/usr/bin/env bash
# Builds the stores the benchmarks read, from a corpus written by tenderscore-corpus, through the
# CLI exactly as a commissioner would:
#   Benchmarks/make-stores.sh [CORPUS]        default /tmp/tenderscore-corpus
# $CORPUS/rank.sqlite  : the tender, its panel, every bid and every score (goal 4)
# $CORPUS/audit.sqlite : the same, then every score changed in each round under changes/ (goal 5)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-/tmp/tenderscore-corpus}"
BIN="${TENDERSCORE_BIN:-$(swift build -c release --scratch-path .build-release --show-bin-path)}"
TS="$BIN/tenderscore"
export TENDERSCORE_ACTOR="Benchmark Commissioner"
for store in rank audit; do
    rm -f "$CORPUS/$store.sqlite"*
done
S="$CORPUS/rank.sqlite"
"$TS" init --store "$S" --tender TND-BENCH-001 --criteria "$CORPUS/criteria.xml" >/dev/null
"$TS" panel import --store "$S" "$CORPUS/panel.xml" >/dev/null
echo "import of $(ls "$CORPUS/bids" | wc -l) bids:"
/usr/bin/time -f "  %e s wall, %M KiB max RSS" "$TS" submissions import --store "$S" "$CORPUS/bids" >/dev/null
for sheet in "$CORPUS"/scoresheets/*.csv; do
    "$TS" scores import --store "$S" "$sheet" >/dev/null
done
if [ -d "$CORPUS/changes" ]; then
    cp "$S" "$CORPUS/audit.sqlite"
    for round in "$CORPUS"/changes/round-*; do
        for sheet in "$round"/*.csv; do
            "$TS" scores import --store "$CORPUS/audit.sqlite" --reason "moderation round $(basename "$round")" "$sheet" >/dev/null
        done
    done
fi
ls -la "$CORPUS"/*.sqlite
