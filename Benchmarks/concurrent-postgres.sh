#!/usr/bin/env bash
# Concurrent writers on one PostgreSQL database, through the CLI, with the proof that nothing
# was lost:
#   Benchmarks/concurrent-postgres.sh ADMIN_URL [CORPUS]
# 1. Eight `tenderscore scores import` processes at once into one tender: the corpus's 2,000
#    bids and its scoresheets p-01 to p-08 (about 20,000 scores each).
# 2. Four tenders set up and scored at once (init, panel, 7 bids, 5 scoresheets each, every
#    tender a chain of commands beside the others): the sample tender under four ids, after
#    one such tender alone for comparison.
# Each acknowledged import's events (the range and head it printed) are read back with psql:
# all there, by that member, ending in that head; every tender's history must verify.
# ADMIN_URL is a postgresql:// URL whose role may create databases (the script drops and
# creates tenderscore_concurrent beside it); CORPUS defaults to /tmp/tenderscore-corpus (see
# Benchmarks/README.md). $BIN is the folder of the tenderscore binary (default .build/debug);
# the figures say which build they came from.
set -euo pipefail
cd "$(dirname "$0")/.."
ADMIN_URL="${1:?give a postgresql:// URL whose role may create databases}"
CORPUS="${2:-/tmp/tenderscore-corpus}"
BIN="${BIN:-.build/debug}"
TS="$BIN/tenderscore"
case "$BIN" in *release*) BUILD=release ;; *) BUILD=debug ;; esac
PG_URL="${ADMIN_URL%/*}/tenderscore_concurrent"
export PGOPTIONS="-c client_min_messages=warning"
psql -q "$ADMIN_URL" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS tenderscore_concurrent" -c "CREATE DATABASE tenderscore_concurrent"
export TENDERSCORE_STORE="$PG_URL"
unset TENDERSCORE_TENDER
WORK="$(mktemp -d /tmp/tenderscore-concurrent.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.1f}')"; }
sql() { psql -qAt "$PG_URL" -v ON_ERROR_STOP=1 -c "$1"; }
failed=0
echo "tenderscore: $TS ($BUILD build); PostgreSQL $(sql 'SHOW server_version'); $(nproc) cores"

# --- 1. Eight processes, one tender ---------------------------------------------------------
T=TND-BENCH-001
"$TS" init --tender "$T" --criteria "$CORPUS/criteria.xml" --as bench >/dev/null
"$TS" panel import --tender "$T" "$CORPUS/panel.xml" --as bench >/dev/null
start=$(now)
"$TS" submissions import --tender "$T" "$CORPUS/bids" --as bench >/dev/null
echo "set-up: $(ls "$CORPUS/bids" | wc -l) bids imported in $(since "$start") s"
members=(p-01 p-02 p-03 p-04 p-05 p-06 p-07 p-08)
start=$(now)
for m in "${members[@]}"; do
    ( set +e; TENDERSCORE_ACTOR="$m" "$TS" scores import --tender "$T" "$CORPUS/scoresheets/$m.csv" >"$WORK/$m.out" 2>"$WORK/$m.err"
      echo $? >"$WORK/$m.rc" ) &
done
wait
wall=$(since "$start")
scores=0
for m in "${members[@]}"; do
    rc=$(cat "$WORK/$m.rc")
    range=$(grep -oE 'Events [0-9]+ to [0-9]+' "$WORK/$m.out" | awk '{print $2, $4}' || true)
    head=$(grep -oE 'is now [0-9a-f]{64}' "$WORK/$m.out" | awk '{print $3}' || true)
    expected=$(($(wc -l <"$CORPUS/scoresheets/$m.csv") - 1))
    if [ "$rc" != 0 ] || [ -z "$range" ]; then
        echo "  $m: exit $rc, not acknowledged: $(head -c 300 "$WORK/$m.err")"; failed=1; continue
    fi
    read -r first last <<<"$range"
    found=$(sql "SELECT count(*) || ' ' || bool_and(actor = '$m' AND kind = 'score.given') || ' ' ||
                 (SELECT hash FROM events WHERE tender_id = '$T' AND seq = $last)
                 FROM events WHERE tender_id = '$T' AND seq BETWEEN $first AND $last")
    read -r count own stored <<<"$found"
    scores=$((scores + count))
    if [ "$count" != "$expected" ] || [ "$count" != $((last - first + 1)) ] || [ "$own" != true ] || [ "$stored" != "$head" ]; then
        echo "  $m: acknowledged events $first-$last ($expected scores, head $head) but found $count, own=$own, head $stored"; failed=1
    fi
done
final=$(sql "SELECT hash FROM events WHERE tender_id = '$T' ORDER BY seq DESC LIMIT 1")
verify_start=$(now)
if "$TS" audit verify --tender "$T" --expect-head "$final" --as bench >"$WORK/verify.out" 2>&1; then verdict="verifies"; else verdict="DOES NOT VERIFY"; failed=1; fi
echo "8 processes importing at once into one tender: $wall s wall; $scores scores in 8 acknowledged imports, each present whole (its range, member and head); history $verdict ($(since "$verify_start") s): $(head -c 120 "$WORK/verify.out")"

# --- 2. Four tenders at once --------------------------------------------------------------
prepare() { # TENDER: the sample files with the tender's id
    local dir="$WORK/$1"
    mkdir -p "$dir/bids" "$dir/scoresheets"
    for f in Samples/panel.xml Samples/bids/*.xml Samples/scoresheets/p-amira.xml Samples/scoresheets/p-tom.xml \
        Samples/scoresheets/p-grace.xml Samples/scoresheets/p-dev.csv Samples/scoresheets/p-ruth.csv; do
        sed "s/TND-2026-014/$1/g" "$f" >"$dir/${f#Samples/}"
    done
}
chain() { # TENDER: set up and score one tender, command after command; exit status of the first failure
    local t="$1" dir="$WORK/$1"
    export TENDERSCORE_TENDER="$t" TENDERSCORE_ACTOR=bench
    "$TS" init --tender "$t" --criteria Criteria/coproduction-commissioning.xml >/dev/null &&
        "$TS" panel import "$dir/panel.xml" >/dev/null &&
        "$TS" submissions import "$dir/bids" >/dev/null &&
        for s in "$dir"/scoresheets/*; do "$TS" scores import "$s" >/dev/null || exit 1; done
}
prepare TND-2026-200
start=$(now)
( chain TND-2026-200 >"$WORK/TND-2026-200.log" 2>&1 ) || { echo "  the single tender failed: $(head -c 300 "$WORK/TND-2026-200.log")"; failed=1; }
echo "one tender set up and scored alone: $(since "$start") s wall"
tenders=(TND-2026-201 TND-2026-202 TND-2026-203 TND-2026-204)
for t in "${tenders[@]}"; do prepare "$t"; done
start=$(now)
for t in "${tenders[@]}"; do ( chain "$t" >"$WORK/$t.log" 2>&1; echo $? >"$WORK/$t.rc" ) & done
wait
wall=$(since "$start")
summary=""
verified=yes
for t in "${tenders[@]}"; do
    [ "$(cat "$WORK/$t.rc")" = 0 ] || { echo "  $t failed: $(head -c 300 "$WORK/$t.log")"; failed=1; }
    if ! "$TS" audit verify --tender "$t" --as bench >/dev/null 2>&1; then echo "  $t does not verify"; failed=1; verified=NO; fi
    # 1 set-up + 1 panel + 7 bids + 204 scores: any other tender's event would show here.
    counts=$(sql "SELECT (SELECT count(*) FROM events WHERE tender_id = '$t') || ' events, ' ||
        (SELECT count(*) FROM submissions WHERE tender_id = '$t') || ' bids, ' ||
        (SELECT count(*) FROM scores WHERE tender_id = '$t') || ' scores'")
    [ "$counts" = "213 events, 7 bids, 204 scores" ] || { echo "  $t holds $counts, not 213 events, 7 bids, 204 scores"; failed=1; }
    summary+="$t: $counts; "
done
echo "4 tenders set up and scored at once: $wall s wall; each verifies: $verified; $summary"
[ $failed = 0 ] && echo "every acknowledged write present, every history verifies" || { echo "FAILED"; exit 1; }
