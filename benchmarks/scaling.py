#!/usr/bin/env python3
"""Turn JMH's JSON results of StructuredScaling and BatchScaling into the scaling tables
of BENCHMARKS.md and a plot: structured decode and encode in MB/s of data over data sizes
from 100 B to 4 MiB, and batch decode in events/s over batches of 1 to 1,000 events, ours
and the reference SDK's. Python's standard library only: the plot is written as SVG.

    python3 benchmarks/scaling.py jmh-result.json benchmarks/results/scaling.svg
"""
import json
import math
import sys
from collections import defaultdict

OURS, REFERENCE = "CloudEventsSpring", "ReferenceSdk"
COLORS = {"ours": "#1f77b4", "reference SDK": "#d62728"}


def load(path):
    with open(path) as f:
        results = json.load(f)
    structured = defaultdict(dict)  # (operation, library) -> {data bytes: (MB/s, error)}
    batch = defaultdict(dict)  # library -> {events: (events/s, error)}
    for result in results:
        cls, method = result["benchmark"].rsplit(".", 2)[-2:]
        score, error = result["primaryMetric"]["score"], float(result["primaryMetric"]["scoreError"])
        if cls == "StructuredScaling":
            size = int(result["params"]["dataBytes"])
            operation = "decode" if method.startswith("decode") else "encode"
            library = "ours" if method.endswith(OURS) else "reference SDK"
            structured[(operation, library)][size] = (score * size / 1e6, error * size / 1e6)
        elif cls == "BatchScaling":
            events = int(result["params"]["events"])
            library = "ours" if method == "cloudEventsSpring" else "reference SDK"
            batch[library][events] = (score * events, error * events)
    return structured, batch


def tables(structured, batch):
    sizes = sorted({size for series in structured.values() for size in series})
    print("| data | decode ours MB/s | decode reference MB/s | ours / reference | encode ours MB/s "
          "| encode reference MB/s | ours / reference |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        cells = []
        for operation in ("decode", "encode"):
            ours = structured[(operation, "ours")].get(size)
            reference = structured[(operation, "reference SDK")].get(size)
            cells += [number(ours), number(reference), ratio(ours, reference)]
        print("| {} | {} |".format(bytes_label(size), " | ".join(cells)))
    print()
    print("| events per batch | ours events/s | reference events/s | ours / reference |")
    print("|---:|---:|---:|---:|")
    for events in sorted({n for series in batch.values() for n in series}):
        ours, reference = batch["ours"].get(events), batch["reference SDK"].get(events)
        print("| {:,} | {} | {} | {} |".format(events, number(ours), number(reference), ratio(ours, reference)))


def number(m):
    if not m:
        return ""
    return "{:,.0f}".format(m[0]) if m[0] >= 100 else "{:.1f}".format(m[0])


def ratio(a, b):
    return "{:.2f}x".format(a[0] / b[0]) if a and b else ""


def bytes_label(size):
    for unit, factor in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return "{} {}".format(size // factor, unit)
    return "{} B".format(size)


class Panel:
    """One log-log chart of series of (x, y) points."""

    WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 400, 300, 64, 16, 36, 48

    def __init__(self, title, x_label, y_label, series, x_format):
        self.title, self.x_label, self.y_label, self.series, self.x_format = title, x_label, y_label, series, x_format
        xs = [x for points in series.values() for x in points]
        ys = [y for points in series.values() for y, _ in points.values()]
        self.x_range = (math.log10(min(xs)), math.log10(max(xs)))
        self.y_range = (math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys))))

    def x(self, value):
        low, high = self.x_range
        span = (high - low) or 1
        return self.LEFT + (math.log10(value) - low) / span * (self.WIDTH - self.LEFT - self.RIGHT)

    def y(self, value):
        low, high = self.y_range
        span = (high - low) or 1
        return self.HEIGHT - self.BOTTOM - (math.log10(value) - low) / span * (self.HEIGHT - self.TOP - self.BOTTOM)

    def svg(self, left):
        out = ['<g transform="translate({},0)">'.format(left)]
        out.append('<text x="{}" y="20" text-anchor="middle" font-weight="bold">{}</text>'.format(
            self.WIDTH / 2, self.title))
        bottom, right = self.HEIGHT - self.BOTTOM, self.WIDTH - self.RIGHT
        for exponent in range(self.y_range[0], self.y_range[1] + 1):
            for mantissa in (1, 2, 5):
                value = mantissa * 10 ** exponent
                if not (10 ** self.y_range[0] <= value <= 10 ** self.y_range[1]):
                    continue
                y = self.y(value)
                out.append('<line x1="{}" y1="{y:.1f}" x2="{}" y2="{y:.1f}" stroke="#ddd"/>'.format(
                    self.LEFT, right, y=y))
                out.append('<text x="{}" y="{:.1f}" text-anchor="end" font-size="10">{}</text>'.format(
                    self.LEFT - 4, y + 3, compact(value)))
        for x_value in sorted({x for points in self.series.values() for x in points}):
            x = self.x(x_value)
            out.append('<line x1="{x:.1f}" y1="{}" x2="{x:.1f}" y2="{}" stroke="#eee"/>'.format(
                self.TOP, bottom, x=x))
            out.append('<text x="{:.1f}" y="{}" text-anchor="middle" font-size="10">{}</text>'.format(
                x, bottom + 14, self.x_format(x_value)))
        out.append('<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#444"/>'.format(
            self.LEFT, self.TOP, right - self.LEFT, bottom - self.TOP))
        out.append('<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>'.format(
            (self.LEFT + right) / 2, self.HEIGHT - 12, self.x_label))
        out.append('<text transform="translate(14,{}) rotate(-90)" text-anchor="middle" font-size="11">{}</text>'
                   .format((self.TOP + bottom) / 2, self.y_label))
        for index, (name, points) in enumerate(sorted(self.series.items(), key=lambda s: s[0] != "ours")):
            coordinates = " ".join("{:.1f},{:.1f}".format(self.x(x), self.y(y)) for x, (y, _) in sorted(points.items()))
            color = COLORS[name]
            out.append('<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>'.format(coordinates, color))
            for x, (y, _) in points.items():
                out.append('<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="{}"/>'.format(self.x(x), self.y(y), color))
            legend_y = self.TOP + 14 + 14 * index
            out.append('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"/>'.format(
                self.LEFT + 8, legend_y - 4, self.LEFT + 26, legend_y - 4, color))
            out.append('<text x="{}" y="{}" font-size="11">{}</text>'.format(self.LEFT + 30, legend_y, name))
        out.append("</g>")
        return out


def compact(value):
    for suffix, factor in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= factor:
            return "{:g}{}".format(value / factor, suffix)
    return "{:g}".format(value)


def plot(structured, batch, path):
    panels = []
    for operation in ("decode", "encode"):
        series = {library: structured[(operation, library)] for library in ("ours", "reference SDK")
                  if structured[(operation, library)]}
        if series:
            panels.append(Panel("Structured " + operation, "data per event", "MB/s of data", series, bytes_label))
    if batch:
        panels.append(Panel("Batch decode", "events per batch", "events/s", dict(batch), lambda n: "{:,}".format(n)))
    width = Panel.WIDTH * len(panels)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif">'.format(
        width, Panel.HEIGHT), '<rect width="100%" height="100%" fill="white"/>']
    for index, panel in enumerate(panels):
        out += panel.svg(index * Panel.WIDTH)
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main(path, image):
    structured, batch = load(path)
    tables(structured, batch)
    plot(structured, batch, image)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "scaling.svg")
