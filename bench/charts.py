"""Chart rendering time and memory (run by hand: ``python -m bench.charts``).

Every request is distinct (no cache hits): each pair and triple of frameworks on
each aspect, and as a card on every aspect. Prints the first render (which pays
the matplotlib import), p50/p95/max of the rest, and the process RSS with the
engine loaded and charts in use.
"""

from __future__ import annotations

import itertools
import statistics
import time
from pathlib import Path

from bot.engine import Engine
from bot.knowledge import default_knowledge_dir
from bot.render.chart import ChartCache, chart_data, render_png


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    engine = Engine.from_directory(default_knowledge_dir())
    kb = engine.knowledge
    before = rss_mb()
    groups = [list(c) for n in (2, 3) for c in itertools.combinations(kb.frameworks, n)]
    requests = [(g, a) for g in groups for a in [*kb.aspects, None]]
    start = time.perf_counter()
    render_png(chart_data(kb, groups[0], None))
    first = (time.perf_counter() - start) * 1000
    bars: list[float] = []
    cards: list[float] = []
    cache = ChartCache()
    for frameworks, aspect in requests[1:]:
        data = chart_data(kb, frameworks, aspect)
        start = time.perf_counter()
        cache.put(data, render_png(data))
        (bars if aspect else cards).append((time.perf_counter() - start) * 1000)
    every = sorted(bars + cards)
    print(f"# Chart rendering ({len(requests)} distinct requests, uncached)\n")
    print("| chart | n | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, values in (("bars (one aspect)", bars), ("card (every aspect)", cards), ("all", every)):
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"| {name} | {len(values)} | {statistics.median(values):.0f} | {p95:.0f} | {max(values):.0f} |")
    print(f"\nFirst chart (imports matplotlib): {first:.0f} ms")
    after = rss_mb()
    print(f"RSS: {before:.0f} MB with the engine loaded, {after:.0f} MB after {len(requests)} charts")


if __name__ == "__main__":
    main()
