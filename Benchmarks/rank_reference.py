#!/usr/bin/env python3
"""Reference ranking for goal 4 of Benchmarks/README.md: the same arithmetic as TenderScore
(SPEC.md, "The arithmetic") computed with numpy from the corpus's CSV files, to compare speed.

    python3 Benchmarks/rank_reference.py /tmp/tenderscore-corpus

Reads reference/criteria.csv, reference/bids.csv and every scoresheets/*.csv; moderated score
= median of the panel's scores (the corpus's scores never diverge and there is no consensus);
weighted quality; thresholds; lowest-price price score; rank by total then quality, ties equal.
Prints the top five and the time taken inside Python (the process time is what hyperfine sees).
"""
import csv
import glob
import sys
import time

import numpy as np

start = time.perf_counter()
corpus = sys.argv[1] if len(sys.argv) > 1 else "/tmp/tenderscore-corpus"

criteria, weights, thresholds, price_weight = [], [], [], 0.0
with open(f"{corpus}/reference/criteria.csv", newline="") as f:
    for row in csv.DictReader(f):
        if row["criterion"] == "price":
            price_weight = float(row["weight"])
        else:
            criteria.append(row["criterion"])
            weights.append(float(row["weight"]))
            thresholds.append(float(row["threshold"]) if row["threshold"] else -np.inf)
criterion_index = {c: i for i, c in enumerate(criteria)}

bids, prices = [], []
with open(f"{corpus}/reference/bids.csv", newline="") as f:
    for row in csv.DictReader(f):
        bids.append(row["submission"])
        prices.append(float(row["price"]))
bid_index = {b: i for i, b in enumerate(bids)}
prices = np.array(prices)

rows_bid, rows_criterion, values = [], [], []
for sheet in sorted(glob.glob(f"{corpus}/scoresheets/*.csv")):
    with open(sheet, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for panelist, submission, criterion, score, _rationale in reader:
            rows_bid.append(bid_index[submission])
            rows_criterion.append(criterion_index[criterion])
            values.append(int(score))
rows_bid = np.array(rows_bid)
rows_criterion = np.array(rows_criterion)
values = np.array(values, dtype=np.float64)

# Median per item: sort by (item, value) and take the middle one (or the mean of the middle two).
n_bids, n_criteria = len(bids), len(criteria)
item = rows_bid * n_criteria + rows_criterion
order = np.lexsort((values, item))
item_sorted, values_sorted = item[order], values[order]
starts = np.searchsorted(item_sorted, np.arange(n_bids * n_criteria), side="left")
ends = np.searchsorted(item_sorted, np.arange(n_bids * n_criteria), side="right")
counts = ends - starts
low = values_sorted[np.minimum(starts + (counts - 1) // 2, len(values_sorted) - 1)]
high = values_sorted[np.minimum(starts + counts // 2, len(values_sorted) - 1)]
moderated = ((low + high) / 2).reshape(n_bids, n_criteria)

scale_min, scale_max = 0.0, 5.0
weighted = np.array(weights) * (moderated - scale_min) / (scale_max - scale_min)
quality = weighted.sum(axis=1)
fails = (moderated < np.array(thresholds)).any(axis=1)
ranked = ~fails
lowest = prices[ranked].min()
price_score = price_weight * lowest / prices
total = quality + price_score

idx = np.flatnonzero(ranked)
key_total, key_quality = np.round(total[idx], 9), np.round(quality[idx], 9)
order = np.lexsort((-key_quality, -key_total))
ranks = np.empty(len(idx), dtype=int)
position = 0
while position < len(order):
    same = position
    while same + 1 < len(order) and key_total[order[same + 1]] == key_total[order[position]] \
            and key_quality[order[same + 1]] == key_quality[order[position]]:
        same += 1
    ranks[order[position:same + 1]] = position + 1
    position = same + 1
elapsed = time.perf_counter() - start
for r in order[:5]:
    i = idx[r]
    print(f"{ranks[r]:>4} {bids[i]} quality {quality[i]:.2f} price {price_score[i]:.2f} total {total[i]:.2f}")
print(f"{len(idx)} ranked, {int(fails.sum())} failed a threshold; {len(values)} scores; {elapsed:.3f} s inside Python")
