#!/usr/bin/env bash
# Goal 2 and 3 side by side: xmllint (Debian's libxml2-utils) parsing the same files, then
# `tenderscore validate` and `submissions import`; then the bulk file, streamed, with its RSS.
#   Benchmarks/compare-ingest.sh [CORPUS] [BULK]
# defaults /tmp/tenderscore-corpus and /tmp/tenderscore-bulk (write them with tenderscore-corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
C="${1:-/tmp/tenderscore-corpus}"
B="${2:-/tmp/tenderscore-bulk}"
BIN="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
TS="$BIN/tenderscore"
XSD=Sources/TenderXML/Resources/Schemas/submission.xsd
WORK=$(mktemp -d /tmp/tenderscore-ingest.XXXXXX)
hyperfine --warmup 1 --runs 5 --export-markdown "$WORK/ingest.md" \
    -n "xmllint --noout" "xmllint --noout $C/bids/*.xml" \
    -n "xmllint --noout --schema" "xmllint --noout --schema $XSD $C/bids/*.xml 2>/dev/null" \
    -n "tenderscore validate" "$TS validate $C/criteria.xml $C/panel.xml $C/bids >/dev/null"
hyperfine --runs 3 --export-markdown "$WORK/import.md" \
    --prepare "rm -f $WORK/s.sqlite*; $TS init --store $WORK/s.sqlite --tender TND-BENCH-001 --criteria $C/criteria.xml --as bench >/dev/null" \
    -n "tenderscore submissions import" "$TS submissions import --store $WORK/s.sqlite --as bench $C/bids >/dev/null"
echo "bulk file: $(stat -c %s "$B/bulk.xml") bytes"
/usr/bin/time -f "xmllint --stream --noout: %e s, %M KiB max RSS" xmllint --stream --noout "$B/bulk.xml"
/usr/bin/time -f "tenderscore validate (streamed): %e s, %M KiB max RSS" "$TS" validate "$B/criteria.xml" "$B/bulk.xml" >/dev/null
rm -f "$WORK"/b.sqlite*
"$TS" init --store "$WORK/b.sqlite" --tender TND-BENCH-001 --criteria "$B/criteria.xml" --as bench >/dev/null
/usr/bin/time -f "tenderscore submissions import (streamed): %e s, %M KiB max RSS" \
    "$TS" submissions import --store "$WORK/b.sqlite" --as bench "$B/bulk.xml" >/dev/null
rm -rf "$WORK"
