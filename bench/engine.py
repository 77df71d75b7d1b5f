"""Accuracy and speed of the answer engine, on the shipped knowledge and at 10 000 entries.

Run by hand (not in CI): ``python -m bench.engine``. Prints, for the dev and
test halves of ``bench/data/questions.yaml``: in-scope top-1 accuracy,
out-of-scope rejection, per-tag accuracy and warm latency, next to a naive
baseline (rapidfuzz ``extractOne`` with ``WRatio`` over FAQ questions, its
cut-off tuned on the dev half); then engine load time; then the same on a
synthetic knowledge base with 10 000 extra FAQ entries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from bench.labelled import Item, load_items, matches, run_item
from bot import heap
from bot.engine import Answer, Context, Engine
from bot.engine.normalize import forget_memos
from bot.knowledge import FaqEntry, KnowledgeBase, default_knowledge_dir, load_knowledge
from bot.knowledge.model import Origin

Answerer = Callable[[Item], Answer]


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass(frozen=True)
class Score:
    """Accuracy over some labelled items: in scope, out of scope, and per tag (share, count)."""

    in_scope: float
    rejection: float
    n_in: int
    n_out: int
    tags: dict[str, tuple[float, int]]


def score(items: Sequence[Item], answer: Answerer) -> Score:
    right = [any(matches(answer(item), label) for label in item.accepted) for item in items]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for item, ok in zip(items, right, strict=True):
        for tag in item.tags:
            by_tag[tag].append(ok)
    in_scope = [ok for item, ok in zip(items, right, strict=True) if item.in_scope]
    out_scope = [ok for item, ok in zip(items, right, strict=True) if not item.in_scope]
    return Score(
        in_scope=sum(in_scope) / max(len(in_scope), 1),
        rejection=sum(out_scope) / max(len(out_scope), 1),
        n_in=len(in_scope),
        n_out=len(out_scope),
        tags={tag: (sum(v) / len(v), len(v)) for tag, v in sorted(by_tag.items())},
    )


BATCHES = {
    "batch-2": "second",
    "batch-3": "third",
    "batch-4": "fourth",
    "batch-5": "fifth",
    "batch-6": "sixth",
    "batch-7": "seventh",
    "batch-8": "eighth",
    "batch-9": "ninth",
    "batch-10": "tenth",
    "batch-11": "eleventh",
    "batch-12": "twelfth",
    "batch-13": "thirteenth",
    "batch-14": "fourteenth",
    "batch-15": "fifteenth",
    "batch-16": "sixteenth",
    "batch-17": "seventeenth",
    "batch-18": "eighteenth",
    "batch-19": "nineteenth",
}


def batch_of(item: Item) -> str:
    """Which batch of the labelled set an item came from (see questions.yaml)."""
    return next((name for tag, name in BATCHES.items() if tag in item.tags), "first")


def latency_ms(items: Sequence[Item], answer: Answerer, repeats: int) -> tuple[float, float]:
    for item in items:  # warm up caches (typo memo, allocator)
        answer(item)
    timings = []
    for _ in range(repeats):
        for item in items:
            start = time.perf_counter()
            answer(item)
            timings.append((time.perf_counter() - start) * 1000 / len(item.turns))
    return statistics.median(timings), percentile(timings, 99)


class WRatioBaseline:
    """The naive scan the engine must beat: best WRatio over FAQ questions, or decline."""

    def __init__(self, kb: KnowledgeBase, cutoff: float = 0.0):
        self.ids = list(kb.faq)
        self.questions = [kb.faq[i].question for i in self.ids]
        self.cutoff = cutoff

    def ask(self, text: str) -> Answer:
        found = process.extractOne(
            text,
            self.questions,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=self.cutoff,
        )
        if found is None:
            return Answer(text, "none", 0.0, "")
        return Answer(text, "faq", found[1] / 100, "", id=self.ids[found[2]])

    def __call__(self, item: Item) -> Answer:
        return self.ask(item.turns[-1])

    def tuned(self, dev: Sequence[Item]) -> WRatioBaseline:
        def both(cut: int) -> float:
            result = score(dev, WRatioBaseline.with_cutoff(self, cut))
            return result.in_scope + result.rejection

        return WRatioBaseline.with_cutoff(self, max(range(0, 101, 2), key=both))

    @staticmethod
    def with_cutoff(base: WRatioBaseline, cutoff: float) -> WRatioBaseline:
        clone = WRatioBaseline.__new__(WRatioBaseline)
        clone.ids, clone.questions, clone.cutoff = base.ids, base.questions, cutoff
        return clone


def synthetic(kb: KnowledgeBase, extra: int, seed: int = 7) -> KnowledgeBase:
    """``kb`` plus ``extra`` FAQ entries: pseudo-words mixed with the knowledge's own words."""
    rng = random.Random(seed)
    real = sorted({w for e in kb.faq.values() for w in e.question.lower().split() if w.isalpha()})
    syllables = ["ka", "ro", "mi", "tu", "zen", "vor", "lix", "pa", "qu", "del", "tra", "nos", "bel", "fir"]
    pseudo = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(8000)})

    def sentence(n: int) -> str:
        return " ".join(rng.choice(real) if rng.random() < 0.3 else rng.choice(pseudo) for _ in range(n))

    faq = dict(kb.faq)
    today = dt.date(2026, 11, 22)
    for index in range(extra):
        ident = f"synthetic-{index}"
        faq[ident] = FaqEntry(
            id=ident,
            question=sentence(rng.randint(5, 10)) + "?",
            alternates=tuple(sentence(rng.randint(3, 8)) for _ in range(3)),
            answer=sentence(40),
            frameworks=(),
            related=(),
            tags=tuple(rng.choice(pseudo) for _ in range(2)),
            sources=("https://example.org/synthetic",),
            reviewed=today,
            origin=Origin("synthetic.yaml", index + 1),
        )
    return replace(kb, faq=faq, version=f"{kb.version}+{extra}")


def timed(build: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and slowest of ``runs`` builds in ms, each cold: the text memos are emptied
    first, as in a fresh process (a bot's later reloads find them warm)."""
    timings = []
    for _ in range(runs):
        forget_memos()
        start = time.perf_counter()
        build()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings)


FIRST_LOAD = """
import sys, time
from pathlib import Path
from bot.engine import Engine
start = time.perf_counter()
Engine.from_directory(Path(sys.argv[1]))
print((time.perf_counter() - start) * 1000)
"""


def first_loads(knowledge: Path, runs: int) -> tuple[float, float]:
    """Median and slowest of ``runs`` first loads, each in a fresh Python process (imports
    not counted): what a starting bot or ``versus ask`` pays, once-per-process data included."""
    timings = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_LOAD, str(knowledge)], capture_output=True, text=True, check=True
        )
        timings.append(float(done.stdout))
    return statistics.median(timings), max(timings)


def context_drift(engine: Engine, items: Sequence[Item]) -> tuple[int, int, int]:
    """Single questions asked in a row, each with the answer before it as context:
    (how many, how many answered differently than alone, how many of those now wrongly).

    A question that stands on its own should ignore the context; each change is a
    follow-up rule firing where it should not, or where it helps.
    """
    singles = [item for item in items if len(item.turns) == 1]
    changed = wrong = 0
    context: Context | None = None
    for item in singles:
        alone = engine.ask(item.turns[0])
        after = engine.ask(item.turns[0], context) if context is not None else alone
        if after.key != alone.key:
            changed += 1
            wrong += any(matches(alone, label) for label in item.accepted) and not any(
                matches(after, label) for label in item.accepted
            )
        context = Context(alone, 0.0) if alone.answered else context
    return len(singles), changed, wrong


def report(
    title: str, kb: KnowledgeBase, items: Sequence[Item], repeats: int, cutoff: float | None = None
) -> float:
    """Print the tables for one knowledge base; return the baseline's cut-off."""
    engine = Engine(kb)
    heap.settle()  # as the bot does once its engine is built (see bot/heap.py)
    dev = [i for i in items if i.split == "dev"]
    test = [i for i in items if i.split == "test"]
    print(f"\n## {title}: {len(kb.faq)} FAQ entries\n")
    systems: list[tuple[str, Answerer]] = [("engine", lambda item: run_item(engine, item))]
    naive = WRatioBaseline(kb)
    naive = naive.tuned(dev) if cutoff is None else WRatioBaseline.with_cutoff(naive, cutoff)
    systems.append((f"WRatio baseline, cut-off {naive.cutoff:.0f}", naive))
    systems.append(("WRatio baseline, no cut-off", WRatioBaseline.with_cutoff(naive, 0)))
    print("| system | half | in-scope top-1 | out-of-scope rejection | p50 ms | p99 ms |")
    print("|---|---|---|---|---|---|")
    tag_rows: dict[str, dict[str, tuple[float, int]]] = {}
    for name, system in systems:
        for half_name, half in (("dev", dev), ("test", test)):
            result = score(half, system)
            p50, p99 = latency_ms(half, system, repeats)
            print(
                f"| {name} | {half_name} | {result.in_scope:.1%} ({result.n_in}) "
                f"| {result.rejection:.1%} ({result.n_out}) | {p50:.3f} | {p99:.3f} |"
            )
            if name == "engine":
                tag_rows[half_name] = result.tags
    print("\nEngine by batch (later batches were written by other hands; see questions.yaml):\n")
    print("| half | batch | in-scope top-1 | out-of-scope rejection |")
    print("|---|---|---|---|")
    for half_name, half in (("dev", dev), ("test", test)):
        for batch in ("first", *BATCHES.values()):
            chosen = [i for i in half if batch_of(i) == batch]
            if not chosen:
                continue
            result = score(chosen, systems[0][1])
            print(
                f"| {half_name} | {batch} | {result.in_scope:.1%} ({result.n_in}) "
                f"| {result.rejection:.1%} ({result.n_out}) |"
            )
    print("\nStandalone questions asked in a row, each after the answer before it:\n")
    for half_name, half in (("dev", dev), ("test", test)):
        n, changed, wrong = context_drift(engine, half)
        print(f"- {half_name}: {changed} of {n} answered differently than alone, {wrong} of them wrongly")
    print("\nEngine accuracy per tag (dev | test):\n")
    print("| tag | dev | test |")
    print("|---|---|---|")
    for tag in sorted(set(tag_rows["dev"]) | set(tag_rows["test"])):
        cells = []
        for side in ("dev", "test"):
            acc, n = tag_rows[side].get(tag, (float("nan"), 0))
            cells.append(f"{acc:.0%} ({n})" if n else "-")
        print(f"| {tag} | {cells[0]} | {cells[1]} |")
    return naive.cutoff


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--knowledge", type=Path, default=default_knowledge_dir())
    parser.add_argument("--repeats", type=int, default=5, help="latency passes over the question set")
    parser.add_argument("--synthetic", type=int, default=10_000, help="extra FAQ entries for the scaling run")
    args = parser.parse_args()

    items = load_items()
    load_median, load_max = timed(lambda: Engine.from_directory(args.knowledge), runs=5)
    first_median, first_max = first_loads(args.knowledge, runs=3)
    result = load_knowledge(args.knowledge, lint=False)
    assert result.knowledge is not None
    kb = result.knowledge
    print(f"# Versus engine benchmark ({len(items)} labelled questions)")
    print(
        f"\nEngine load (read + check YAML, build indexes): median {load_median:.0f} ms, "
        f"max {load_max:.0f} ms (five loads in one process); first load in a fresh process: "
        f"median {first_median:.0f} ms, max {first_max:.0f} ms (three processes)"
    )
    cutoff = report("Shipped knowledge", kb, items, args.repeats)

    big = synthetic(kb, args.synthetic)
    index_median, index_max = timed(lambda: Engine(big), runs=3)
    print(f"\nIndex build at {len(big.faq)} entries: median {index_median:.0f} ms, max {index_max:.0f} ms")
    print("(the baseline keeps the cut-off tuned on the shipped knowledge)")
    report(f"Synthetic +{args.synthetic}", big, items, max(1, args.repeats // 2), cutoff=cutoff)


if __name__ == "__main__":
    main()
