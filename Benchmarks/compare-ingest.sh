#!/usr/bin/env bash
# Issue 17's ingest ratio side by side (hyperfine, whole processes, medians): `tenderscore
# validate` of the corpus's bids, with the framework and panel so every bid is also checked
# against the tender, against `xmllint --noout --nonet` (Debian's libxml2-utils) parsing the same
# files; then the 200 MB bulk file, streamed, with the peak RSS of validate and import.
# (`submissions import` against `validate` of the same bids is in compare-rank-audit.sh.)
#   Benchmarks/compare-ingest.sh [CORPUS] [BULK] [RUNS]
# defaults /tmp/tenderscore-corpus, /tmp/tenderscore-bulk (write them with tenderscore-corpus), 10.
set -euo pipefail
cd "$(dirname "$0")/.."
C="${1:-/tmp/tenderscore-corpus}"
B="${2:-/tmp/tenderscore-bulk}"
RUNS="${3:-10}"
BIN="${TENDERSCORE_BIN:-$(swift build -c release --scratch-path .build-release --show-bin-path)}"
TS="$BIN/tenderscore"
XSD=Sources/TenderXML/Resources/Schemas/submission.xsd
WORK=$(mktemp -d /tmp/tenderscore-ingest.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "== validate of $(ls "$C"/bids/*.xml | wc -l) bids ($(du -sb "$C/bids" | cut -f1) bytes) against xmllint"
# The three alternate run by run (one hyperfine per run), so that a burst of load from other
# work on the machine falls on all of them rather than on one.
for run in $(seq "$RUNS"); do
    hyperfine --runs 1 --warmup "$([ "$run" = 1 ] && echo 1 || echo 0)" --style none --export-json "$WORK/run-$run.json" \
        -n "xmllint --noout --nonet" "xmllint --noout --nonet $C/bids/*.xml" \
        -n "xmllint --noout --nonet --schema submission.xsd" "xmllint --noout --nonet --schema $XSD $C/bids/*.xml 2>/dev/null" \
        -n "tenderscore validate" "$TS validate $C/criteria.xml $C/panel.xml $C/bids >/dev/null" >/dev/null
done
python3 - "$WORK" "$RUNS" <<'EOF'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
results = {}
for run in range(1, runs + 1):
    for result in json.load(open(f"{work}/run-{run}.json"))["results"]:
        entry = results.setdefault(result["command"], {"wall": [], "cpu": []})
        entry["wall"] += result["times"]
        entry["cpu"] += [result["user"] + result["system"]]
median = {name: (statistics.median(e["wall"]), statistics.median(e["cpu"])) for name, e in results.items()}
for name, (wall, cpu) in median.items():
    print(f"  {name:48} median {wall * 1000:7.1f} ms wall, {cpu * 1000:7.1f} ms user+sys ({runs} runs)")
ts, xl = median["tenderscore validate"], median["xmllint --noout --nonet"]
print(f"  validate / xmllint --noout --nonet: {ts[0] / xl[0]:.2f} x wall-clock (goal <= 1.5 x, stretch 1.1 x), "
      f"{ts[1] / xl[1]:.2f} x CPU time")
EOF

echo "== the bulk file, streamed: $(stat -c %s "$B/bulk.xml") bytes (goal: under 64 MB RSS)"
/usr/bin/time -f "  xmllint --stream --noout: %e s, %M KiB max RSS" xmllint --stream --noout --nonet "$B/bulk.xml"
/usr/bin/time -f "  tenderscore validate (streamed): %e s, %M KiB max RSS" "$TS" validate "$B/criteria.xml" "$B/bulk.xml" >/dev/null
"$TS" init --store "$WORK/b.sqlite" --tender TND-BENCH-001 --criteria "$B/criteria.xml" --as bench >/dev/null
/usr/bin/time -f "  tenderscore submissions import (streamed): %e s, %M KiB max RSS" \
    "$TS" submissions import --store "$WORK/b.sqlite" --as bench "$B/bulk.xml" >/dev/null
