#!/usr/bin/env python3
"""Turn JMH's JSON results (-rf json -rff FILE, with -prof gc) into the tables of
BENCHMARKS.md: for each benchmark, size and number of distinct events, ops/s and bytes
allocated per operation of ours, the reference SDK and the Jackson token loop, and the
ratios; then the other methods, and the targets of the honest inputs (1,024 distinct
events) met or not. The scaling benchmarks are scaling.py's.

    python3 benchmarks/report.py jmh-result.json
    python3 benchmarks/report.py --allocation jmh-result.json   # bytes per operation only

Bytes allocated per operation do not depend on the load of the machine; operations per
second do.
"""
import json
import sys
from collections import defaultdict

OURS, REFERENCE, FLOOR = "cloudEventsSpring", "referenceSdk", "jacksonTokenLoop"
TREE_ONLY = "referenceSdkTreeOnly"
SCALING = ("StructuredScaling", "BatchScaling")
ORDER = {"SMALL": 0, "MEDIUM": 1, "LARGE": 2}
HONEST = "1024"


def load(path):
    with open(path) as f:
        results = json.load(f)
    rows = defaultdict(dict)
    for result in results:
        cls, method = result["benchmark"].rsplit(".", 2)[-2:]
        if cls in SCALING:
            continue
        params = result.get("params", {})
        if "mode" in params:
            # the Kafka benchmarks: one row per content mode
            cls = "{} ({})".format(cls, params["mode"].lower())
        size = params.get("size", "100 x SMALL")
        gc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {})
        rows[(cls, size, params.get("distinct", "1"))][method] = (
            result["primaryMetric"]["score"],
            float(result["primaryMetric"]["scoreError"]),
            gc.get("score"),
        )
    return rows


def key(row):
    cls, size, distinct = row
    return cls, ORDER.get(size, 9), int(distinct)


def allocation(path):
    rows = load(path)
    print("| benchmark | size | distinct events | compared with | ours B/op | its B/op | its / ours |")
    print("|---|---|---:|---|---:|---:|---:|")
    for row in sorted(rows, key=key):
        cls, size, distinct = row
        methods = rows[row]
        for method in sorted(m for m in methods if m not in (OURS, FLOOR)):
            ours, reference = methods.get(OURS), methods[method]
            print("| {} | {} | {} | {} | {} | {} | {} |".format(
                cls, size, "{:,}".format(int(distinct)), method, alloc(ours), alloc(reference),
                "{:.1f}x".format(reference[2] / ours[2]) if ours and ours[2] and reference[2] else ""))


def main(path):
    rows = load(path)
    print("| benchmark | size | distinct events | ours ops/s | reference ops/s | ours / reference | floor ops/s "
          "| ours / floor | ours B/op | reference B/op |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in sorted(rows, key=key):
        cls, size, distinct = row
        methods = rows[row]
        ours, reference, floor = methods.get(OURS), methods.get(REFERENCE), methods.get(FLOOR)
        print("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            cls, size, "{:,}".format(int(distinct)), ops(ours), ops(reference), ratio(ours, reference), ops(floor),
            ratio(ours, floor), alloc(ours), alloc(reference)))
    extra = [(row, method, m) for row, methods in rows.items() for method, m in methods.items()
             if method not in (OURS, REFERENCE, FLOOR)]
    if extra:
        print()
        print("| benchmark | size | distinct events | method | ops/s | B/op | ours / this | this / reference |")
        print("|---|---|---:|---|---:|---:|---:|---:|")
        for row, method, m in sorted(extra, key=lambda e: (key(e[0]), e[1])):
            cls, size, distinct = row
            print("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
                cls, size, "{:,}".format(int(distinct)), method, ops(m), alloc(m), ratio(rows[row].get(OURS), m),
                ratio(m, rows[row].get(REFERENCE))))
    print()
    targets(rows)


def targets(rows):
    """The targets of the issue on the honest inputs, each ratio in bold where it misses."""
    print("| target (1,024 distinct events) | goal | SMALL | MEDIUM | LARGE | batch |")
    print("|---|---|---:|---:|---:|---:|")

    def line(name, goal_text, cls, numerator, denominator, goal, allocation=False):
        cells = []
        for size in ("SMALL", "MEDIUM", "LARGE", "100 x SMALL"):
            a, b = (rows.get((cls, size, HONEST), {}).get(m) for m in (numerator, denominator))
            if not (a and b) or (allocation and not (a[2] and b[2])):
                cells.append("")
                continue
            value = a[2] / b[2] if allocation else a[0] / b[0]
            text = "{:.2f}x".format(value)
            missed = value <= goal(size) if allocation else value < goal(size)
            cells.append("**" + text + "**" if missed else text)
        print("| {} | {} | {} |".format(name, goal_text, " | ".join(cells)))

    for name, cls, goal in (("structured decode", "StructuredDecode", 2), ("structured encode", "StructuredEncode", 2),
                            ("binary decode", "BinaryDecode", 2), ("binary encode", "BinaryEncode", 2),
                            ("batch decode", "BatchDecode", 3)):
        line(name + " / reference SDK", "≥ {}x".format(goal), cls, OURS, REFERENCE, lambda size, g=goal: g)
        if cls == "StructuredDecode":
            line(name + " / reference SDK tree only", "≥ 2x", cls, OURS, TREE_ONLY, lambda size: 2)
    line("structured decode / token loop", "≥ 0.6x SMALL, ≥ 0.75x MEDIUM, LARGE", "StructuredDecode", OURS, FLOOR,
         lambda size: 0.6 if size == "SMALL" else 0.75)
    for cls in ("StructuredDecode", "StructuredEncode", "BinaryDecode", "BinaryEncode", "BatchDecode"):
        line(cls + ": reference B/op / ours B/op", "> 1x", cls, REFERENCE, OURS, lambda size: 1, allocation=True)


def ops(m):
    return "{:,.0f} ± {:.0f}%".format(m[0], 100 * m[1] / m[0]) if m and m[1] == m[1] else (
        "{:,.0f}".format(m[0]) if m else "")


def ratio(a, b):
    return "{:.2f}x".format(a[0] / b[0]) if a and b else ""


def alloc(m):
    return "{:,.0f}".format(m[2]) if m and m[2] is not None else ""


if __name__ == "__main__":
    if sys.argv[1] == "--allocation":
        allocation(sys.argv[2])
    else:
        main(sys.argv[1])
