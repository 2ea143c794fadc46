#!/usr/bin/env bash
# Goals 4 and 5 side by side, on stores made by Benchmarks/make-stores.sh.
#   Benchmarks/compare-rank-audit.sh [CORPUS]       default /tmp/tenderscore-corpus
set -euo pipefail
cd "$(dirname "$0")/.."
C="${1:-/tmp/tenderscore-corpus}"
BIN="$(swift build -c release --scratch-path .build-bench --show-bin-path)"
# Goal 4: numpy from CSV, then the benchmark that opens the store and ranks (Evaluation.ranking(.final)).
hyperfine --warmup 1 --runs 5 -n "numpy reference" "python3 Benchmarks/rank_reference.py $C"
TENDERSCORE_CORPUS="$C" TENDERSCORE_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark \
    --filter "Ranking.*" --no-progress
# Goal 5: sha256sum over exactly the bytes verify hashes, then verify itself.
python3 Benchmarks/audit_bytes.py "$C/audit.sqlite" /tmp/tenderscore-audit-bytes.bin
/usr/bin/time -f "sha256sum: %e s" sha256sum /tmp/tenderscore-audit-bytes.bin
/usr/bin/time -f "tenderscore audit verify: %e s, %M KiB max RSS" "$BIN/tenderscore" audit verify --store "$C/audit.sqlite"
rm -f /tmp/tenderscore-audit-bytes.bin
