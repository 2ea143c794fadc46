#!/usr/bin/env bash
# Runs the libFuzzer targets one at a time (fuzzing is CPU heavy; the machine has 2 cores).
#   Benchmarks/Fuzz/run.sh [SECONDS]        default 600 per target
# Crashing inputs land in /tmp/tenderscore-fuzz/<target>/artifacts; copy the ones that matter to
# Tests/TenderXMLTests/FuzzRegressions/ (a .xml or .csv name picks the reader) so the test suite
# replays them.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-600}"
SCRATCH=.build-fuzz
WORK=/tmp/tenderscore-fuzz
export TENDERSCORE_FUZZ=1
for target in FuzzDocumentLoader FuzzScoresheetCSV; do
    swift build -c release --scratch-path "$SCRATCH" --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
done
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
for target in FuzzDocumentLoader FuzzScoresheetCSV; do
    corpus="$WORK/$target/corpus"
    artifacts="$WORK/$target/artifacts/"
    mkdir -p "$corpus" "$artifacts"
    case "$target" in
        FuzzDocumentLoader) cp Samples/bids/*.xml Samples/panel.xml Samples/scoresheets/*.xml Criteria/*.xml "$corpus/" ;;
        FuzzScoresheetCSV) cp Samples/scoresheets/*.csv "$corpus/" ;;
    esac
    # Seeds from earlier crashes, so a fixed bug stays fixed.
    cp Tests/TenderXMLTests/FuzzRegressions/* "$corpus/" 2>/dev/null || true
    "$BIN/$target" "$corpus" -artifact_prefix="$artifacts" -max_total_time="$SECONDS_EACH" \
        -max_len=65536 -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 2>&1 | tee "$WORK/$target.log" | tail -40
done
