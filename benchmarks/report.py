#!/usr/bin/env python3
"""Turn JMH's JSON results (-rf json -rff FILE, with -prof gc) into the tables of
BENCHMARKS.md: for each benchmark and size, ops/s and bytes allocated per operation of
ours, the reference SDK and the Jackson token loop, and the ratios.

    python3 benchmarks/report.py jmh-result.json
"""
import json
import sys
from collections import defaultdict

OURS, REFERENCE, FLOOR = "cloudEventsSpring", "referenceSdk", "jacksonTokenLoop"


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = defaultdict(dict)
    for result in results:
        cls, method = result["benchmark"].rsplit(".", 2)[-2:]
        size = result.get("params", {}).get("size", "100 x SMALL")
        gc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {})
        rows[(cls, size)][method] = (
            result["primaryMetric"]["score"],
            result["primaryMetric"]["scoreError"],
            gc.get("score"),
        )
    order = {"SMALL": 0, "MEDIUM": 1, "LARGE": 2}
    print("| benchmark | size | ours ops/s | reference ops/s | ours / reference | floor ops/s "
          "| ours / floor | ours B/op | reference B/op |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for (cls, size), methods in sorted(rows.items(), key=lambda r: (r[0][0], order.get(r[0][1], 9))):
        ours, reference, floor = methods.get(OURS), methods.get(REFERENCE), methods.get(FLOOR)
        print("| {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            cls, size, ops(ours), ops(reference), ratio(ours, reference), ops(floor),
            ratio(ours, floor), alloc(ours), alloc(reference)))
    extra = [(cls, size, method, m) for (cls, size), methods in rows.items() for method, m in methods.items()
             if method not in (OURS, REFERENCE, FLOOR)]
    if extra:
        print()
        print("| benchmark | size | method | ops/s | B/op | ours / this |")
        print("|---|---|---|---:|---:|---:|")
        for cls, size, method, m in sorted(extra, key=lambda r: (r[0], order.get(r[1], 9), r[2])):
            print("| {} | {} | {} | {} | {} | {} |".format(
                cls, size, method, ops(m), alloc(m), ratio(rows[(cls, size)].get(OURS), m)))


def ops(m):
    return "{:,.0f} ± {:.0f}%".format(m[0], 100 * m[1] / m[0]) if m and m[1] == m[1] else (
        "{:,.0f}".format(m[0]) if m else "")


def ratio(a, b):
    return "{:.2f}x".format(a[0] / b[0]) if a and b else ""


def alloc(m):
    return "{:,.0f}".format(m[2]) if m and m[2] is not None else ""


if __name__ == "__main__":
    main(sys.argv[1])
