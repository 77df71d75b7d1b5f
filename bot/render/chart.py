"""Charts of the matrix's editorial ratings: bars for an aspect, a card for all of them.

The data a chart is drawn from (:class:`ChartData`) is built without any
plotting library, so tests can check it; :func:`render_png` imports matplotlib
(Agg backend) only when the first chart is drawn. Colours are the Okabe–Ito
palette (safe for colour-blind readers) on an opaque light card, which reads
the same in Discord's dark and light themes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.knowledge import KnowledgeBase

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
"""Okabe–Ito: distinguishable with every common form of colour blindness."""
BACKGROUND = "#F7F7F9"
INK = "#1F2328"
MUTED = "#57606A"
CAPTION = "Editorial ratings from the Versus knowledge base (1 = weak, 5 = strong), not benchmarks."
WIDTH_PX, DPI = 800, 100
"""Discord previews images up to about 400–550 px wide; 800 px stays crisp when scaled down."""


@dataclass(frozen=True, slots=True)
class ChartData:
    """What a chart shows: frameworks (columns/colours), aspects (groups/rows), ratings."""

    title: str
    frameworks: tuple[str, ...]
    framework_names: tuple[str, ...]
    aspects: tuple[str, ...]
    aspect_names: tuple[str, ...]
    ratings: tuple[tuple[int | None, ...], ...]
    """ratings[aspect][framework]; None where the matrix has no cell."""
    version: str

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        """Cache key: the same request on the same knowledge draws the same picture."""
        return self.frameworks, self.aspects, self.version


def chart_data(kb: KnowledgeBase, frameworks: Sequence[str], aspect: str | None = None) -> ChartData:
    """The ratings for ``frameworks`` on one aspect, or on every aspect of the matrix."""
    unknown = [f for f in frameworks if f not in kb.frameworks]
    if unknown or len(frameworks) < 1:
        raise ValueError(f"unknown framework(s): {', '.join(unknown) or 'none given'}")
    if aspect is not None and aspect not in kb.aspects:
        raise ValueError(f"unknown aspect: {aspect}")
    aspects = [kb.aspects[aspect]] if aspect is not None else list(kb.aspects.values())
    names = tuple(kb.frameworks[f].name for f in frameworks)
    ratings = tuple(tuple(a.cells[f].rating if f in a.cells else None for f in frameworks) for a in aspects)
    title = " vs ".join(names) + (f" — {aspects[0].name}" if aspect is not None else "")
    return ChartData(
        title=title,
        frameworks=tuple(frameworks),
        framework_names=names,
        aspects=tuple(a.id for a in aspects),
        aspect_names=tuple(a.name for a in aspects),
        ratings=ratings,
        version=kb.version,
    )


def render_png(data: ChartData) -> bytes:
    """Draw ``data``: grouped bars for one or two aspects, a rating card for more."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure = _bars(plt, data) if len(data.aspects) <= 2 else _card(plt, data)
    try:
        buffer = io.BytesIO()
        # Light compression: a few KB more, tens of milliseconds less.
        figure.savefig(buffer, format="png", dpi=DPI, facecolor=BACKGROUND, pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _style(axes: Any) -> None:
    axes.set_facecolor(BACKGROUND)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(MUTED)
    axes.tick_params(colors=INK, labelsize=12)


def _bars(plt: Any, data: ChartData) -> Any:
    count = len(data.frameworks)
    figure, axes = plt.subplots(figsize=(WIDTH_PX / DPI, 4.2), dpi=DPI)
    figure.patch.set_facecolor(BACKGROUND)
    _style(axes)
    width = 0.8 / count
    for index, name in enumerate(data.framework_names):
        xs = [group + (index - (count - 1) / 2) * width for group in range(len(data.aspects))]
        values = [row[index] or 0 for row in data.ratings]
        bars = axes.bar(xs, values, width * 0.92, label=name, color=PALETTE[index % len(PALETTE)])
        for bar, value in zip(bars, values, strict=True):
            axes.text(
                bar.get_x() + bar.get_width() / 2,
                value + 0.08,
                str(value),
                ha="center",
                color=INK,
                fontsize=12,
            )
    axes.set_xticks(range(len(data.aspects)), data.aspect_names)
    axes.set_ylim(0, 5.6)
    axes.set_yticks(range(6))
    axes.set_ylabel("rating (1–5)", color=INK, fontsize=11)
    axes.legend(
        loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(count, 4), frameon=False, fontsize=12
    )
    axes.set_title(data.title, color=INK, fontsize=14, loc="left", pad=12)
    figure.text(0.01, 0.02, CAPTION, color=MUTED, fontsize=10)
    # Fixed margins: tight_layout would draw the whole figure once more just to measure it.
    figure.subplots_adjust(left=0.08, right=0.98, top=0.88, bottom=0.27)
    return figure


def _card(plt: Any, data: ChartData) -> Any:
    """A grid of ratings (aspects × frameworks) as rows of dots: legible at phone width.

    Dots are drawn with one scatter call per framework and fill (not one text per
    cell), which keeps a ten-row card well under the rendering budget.
    """
    rows, columns = len(data.aspects), len(data.frameworks)
    figure, axes = plt.subplots(figsize=(WIDTH_PX / DPI, 0.5 * rows + 1.5), dpi=DPI)
    figure.patch.set_facecolor(BACKGROUND)
    axes.set_facecolor(BACKGROUND)
    label_width = 3.4
    axes.set_xlim(-label_width, columns)
    axes.set_ylim(rows, -1)
    axes.axis("off")
    for row in range(0, rows, 2):
        axes.add_patch(
            plt.Rectangle((-label_width, row), columns + label_width, 1, color="#ECEDF1", zorder=0)
        )
    for row, aspect in enumerate(data.aspect_names):
        axes.text(-label_width + 0.1, row + 0.5, aspect, va="center", fontsize=12, color=INK)
    dot_offsets = [(-2 + k) * 0.16 for k in range(5)]
    for column, name in enumerate(data.framework_names):
        colour = PALETTE[column % len(PALETTE)]
        axes.text(
            column + 0.5, -0.5, name, ha="center", va="center", fontsize=13, weight="bold", color=colour
        )
        filled: list[tuple[float, float]] = []
        hollow: list[tuple[float, float]] = []
        for row, ratings in enumerate(data.ratings):
            rating = ratings[column] or 0
            for k, offset in enumerate(dot_offsets):
                (filled if k < rating else hollow).append((column + 0.5 + offset, row + 0.5))
        if filled:
            axes.scatter(*zip(*filled, strict=True), s=70, color=colour, zorder=2)
        if hollow:
            axes.scatter(
                *zip(*hollow, strict=True),
                s=70,
                facecolors="none",
                edgecolors=colour,
                linewidths=1.2,
                zorder=2,
            )
    axes.set_title(data.title, color=INK, fontsize=14, loc="left")
    figure.text(0.01, 0.015, CAPTION, color=MUTED, fontsize=10)
    figure.subplots_adjust(left=0.01, right=0.99, top=0.93, bottom=0.05)
    return figure


class ChartCache:
    """Rendered charts by (frameworks, aspects, knowledge version), least recently used out."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._pngs: dict[tuple[tuple[str, ...], tuple[str, ...], str], bytes] = {}

    def get(self, data: ChartData) -> bytes | None:
        png = self._pngs.pop(data.key, None)
        if png is not None:
            self._pngs[data.key] = png  # most recent last
        return png

    def put(self, data: ChartData, png: bytes) -> None:
        self._pngs[data.key] = png
        while len(self._pngs) > self.size:
            del self._pngs[next(iter(self._pngs))]

    def __len__(self) -> int:
        return len(self._pngs)
