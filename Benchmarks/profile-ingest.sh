#!/usr/bin/env bash
# Where validate's time goes, in instructions (callgrind counts them the same however loaded
# the machine is): TenderModel, TenderXML and TenderWorkflow's DocumentSet and ImportChecks
# compiled alone (swiftc -O -wmo per module, as a release build does) into .build-ingest-bench/,
# linked with Benchmarks/IngestBench/main.swift, run under callgrind on the first N bids of the
# corpus with its framework and panel, beside xmllint --noout --nonet on the same bids.
#   Benchmarks/profile-ingest.sh [CORPUS] [N]        default /tmp/tenderscore-corpus, 200
# Needs valgrind. Leaves the profiles in .build-ingest-bench/ for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
C="${1:-/tmp/tenderscore-corpus}"
N="${2:-200}"
ROOT="$(pwd)"
OUT="$ROOT/.build-ingest-bench"
mkdir -p "$OUT"
# Outside SwiftPM there is no generated Bundle.module: point it at the schemas in the tree.
cat > "$OUT/BundleModule.swift" <<SWIFT
import Foundation
extension Foundation.Bundle {
    static let module: Bundle = Bundle(path: "$ROOT/Sources/TenderXML/Resources") ?? .main
}
SWIFT
FLAGS=(-O -wmo -parse-as-library -swift-version 6 -package-name tenderscore -I "$OUT" -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2)
swiftc "${FLAGS[@]}" -module-name TenderModel -emit-module -emit-module-path "$OUT/TenderModel.swiftmodule" \
    Sources/TenderModel/*.swift -c -o "$OUT/TenderModel.o"
swiftc "${FLAGS[@]}" -module-name TenderXML -emit-module -emit-module-path "$OUT/TenderXML.swiftmodule" \
    $(find Sources/TenderXML -name '*.swift') "$OUT/BundleModule.swift" -c -o "$OUT/TenderXML.o"
swiftc -O -wmo -swift-version 6 -package-name tenderscore -module-name IngestBench -I "$OUT" -I Sources/CLibXML2 \
    -Xcc -I/usr/include/libxml2 Benchmarks/IngestBench/main.swift Sources/TenderWorkflow/Checks/DocumentSet.swift \
    Sources/TenderWorkflow/Checks/ImportChecks.swift "$OUT/TenderModel.o" "$OUT/TenderXML.o" -lxml2 -o "$OUT/ingest-bench"
BIDS="$OUT/bids-$N"
rm -rf "$BIDS" && mkdir -p "$BIDS"
ALL=("$C"/bids/*.xml)
for bid in "${ALL[@]:0:$N}"; do ln -s "$bid" "$BIDS/"; done
"$OUT/ingest-bench" "$C/criteria.xml" "$C/panel.xml" "$BIDS" | tail -n 1
valgrind --tool=callgrind --callgrind-out-file="$OUT/ingest.callgrind" "$OUT/ingest-bench" \
    "$C/criteria.xml" "$C/panel.xml" "$BIDS" 2>&1 >/dev/null | grep "refs"
valgrind --tool=callgrind --callgrind-out-file="$OUT/xmllint.callgrind" xmllint --noout --nonet "$BIDS"/*.xml 2>&1 | grep "refs"
echo "== self cost, top 25 (callgrind_annotate $OUT/ingest.callgrind)"
callgrind_annotate --inclusive=no "$OUT/ingest.callgrind" | grep -E '^ *[0-9,]+ ' | sed -n '2,26p' | cut -c1-160
