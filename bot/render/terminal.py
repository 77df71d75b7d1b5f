"""Answers for a terminal: the engine's text, with comparisons as full tables.

The engine's ``text`` is cut to fit a chat message; a terminal has room, so a
comparison across every aspect is drawn here as an aligned table whose cells
wrap to the terminal's width instead of being clipped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from bot.engine import Answer
from bot.engine.text import join_names, names
from bot.knowledge import KnowledgeBase

MIN_CELL = 8
"""Narrowest a column gets; below that a table would be unreadable anyway."""


def wrap_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """An aligned text table whose cells wrap so the whole fits ``width`` columns."""
    columns = len(header)
    gutter = 3 * (columns - 1)
    natural = [max(len(str(row[c])) for row in (header, *rows)) for c in range(columns)]
    first = min(natural[0], max(MIN_CELL, width // 4))
    rest = max(MIN_CELL, (width - first - gutter) // max(columns - 1, 1))
    widths = [first, *(min(n, rest) for n in natural[1:])]
    lines = []
    for index, row in enumerate((header, *rows)):
        wrapped = [textwrap.wrap(str(cell), w) or [""] for cell, w in zip(row, widths, strict=True)]
        for line_no in range(max(len(w) for w in wrapped)):
            parts = [(w[line_no] if line_no < len(w) else "").ljust(widths[c]) for c, w in enumerate(wrapped)]
            lines.append(" | ".join(parts).rstrip())
        if index == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def render_terminal(answer: Answer, kb: KnowledgeBase, width: int = 100) -> str:
    """Text to print for ``answer`` in a terminal ``width`` columns wide."""
    if answer.kind == "compare" and answer.aspect is None and answer.frameworks:
        return _matrix(answer, kb, width)
    return answer.text


def _matrix(answer: Answer, kb: KnowledgeBase, width: int) -> str:
    labels = names(kb, answer.frameworks)
    rows = []
    for aspect in kb.aspects.values():
        cells = []
        for fw in answer.frameworks:
            cell = aspect.cells.get(fw)
            cells.append(f"{cell.rating}/5 {cell.value}" if cell else "-")
        rows.append([aspect.name, *cells])
    table = wrap_table(["Aspect", *labels], rows, width)
    title = join_names(labels, "vs")
    footer = "Ratings are editorial (1-5). Ask about one aspect for details, e.g. “… for deployment”."
    tail = ""
    if answer.suggestions:
        tail = "\n\nDid you mean: " + "; ".join(s.title for s in answer.suggestions)
    return f"{title}\n\n{table}\n\n{footer}{tail}"
