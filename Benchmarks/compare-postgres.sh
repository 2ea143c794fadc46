#!/usr/bin/env bash
# The same tender on SQLite and on PostgreSQL: import, rank and `audit verify`, through the CLI.
#   Benchmarks/compare-postgres.sh ADMIN_URL [CORPUS]
# ADMIN_URL is a postgresql:// URL whose role may create databases (the script drops and creates
# the database tenderscore_bench on that server); CORPUS defaults to /tmp/tenderscore-corpus,
# written by tenderscore-corpus (see Benchmarks/README.md). $BIN overrides the folder of the
# tenderscore binary (default: the release build in .build-bench). hyperfine is used for rank
# and verify when it is installed, /usr/bin/time otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ADMIN_URL="${1:?give a postgresql:// URL whose role may create databases}"
CORPUS="${2:-/tmp/tenderscore-corpus}"
BIN="${BIN:-$(swift build -c release --scratch-path .build-bench --show-bin-path)}"
TS="$BIN/tenderscore"
export TENDERSCORE_ACTOR="Benchmark Commissioner"
unset TENDERSCORE_STORE TENDERSCORE_TENDER

# The benchmark database beside the one ADMIN_URL names; its password is never printed.
PG_URL="${ADMIN_URL%/*}/tenderscore_bench"
PGOPTIONS="-c client_min_messages=warning" psql -q "$ADMIN_URL" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS tenderscore_bench" -c "CREATE DATABASE tenderscore_bench"
SQLITE="$CORPUS/compare.sqlite"
rm -f "$SQLITE"*

timed() { # LABEL COMMAND...
    local label="$1"; shift
    /usr/bin/time -f "  $label: %e s wall, %M KiB max RSS" "$@" >/dev/null
}

for kind in sqlite postgresql; do
    if [ "$kind" = sqlite ]; then S="$SQLITE"; else S="$PG_URL"; fi
    echo "== $kind"
    "$TS" init --store "$S" --tender TND-BENCH-001 --criteria "$CORPUS/criteria.xml" >/dev/null
    "$TS" panel import --store "$S" "$CORPUS/panel.xml" >/dev/null
    timed "import of $(ls "$CORPUS/bids" | wc -l) bids" "$TS" submissions import --store "$S" "$CORPUS/bids"
    start=$(date +%s.%N)
    for sheet in "$CORPUS"/scoresheets/*.csv; do
        "$TS" scores import --store "$S" "$sheet" >/dev/null
    done
    echo "  import of $(ls "$CORPUS"/scoresheets/*.csv | wc -l) scoresheets: $(python3 -c "print(round($(date +%s.%N) - $start, 2))") s wall"
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 1 --runs 5 -N -n "$kind rank" "$TS rank --store $S --format csv" \
            -n "$kind audit verify" "$TS audit verify --store $S" 2>&1 | sed "s|$S|STORE|g; s|:[^:@/]*@|:***@|g"
    else
        timed "rank" "$TS" rank --store "$S" --format csv
        timed "audit verify" "$TS" audit verify --store "$S"
    fi
    "$TS" audit verify --store "$S" | sed 's/^/  /'
done
