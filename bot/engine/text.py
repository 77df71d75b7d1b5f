"""Plain-text composition of answers: the ``text`` of the JSON contract.

Every text here fits one Discord message (2000 characters): long comparisons
are laid out compactly and cut cleanly at a line, never mid-word. Richer
layouts (terminal tables, embeds) live in :mod:`bot.render`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from bot.knowledge import Aspect, Call, FaqEntry, Framework, KnowledgeBase, Point, Verdict
from bot.limits import MESSAGE_CONTENT

MAX_TEXT = MESSAGE_CONTENT
MORE = "…"


def fit(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` cut to ``limit`` characters at a line (or word) boundary."""
    if len(text) <= limit:
        return text
    room = limit - len(MORE) - 1
    cut = text.rfind("\n", 0, room)
    if cut < room // 2:
        cut = text.rfind(" ", 0, room)
    if cut <= 0:
        cut = room
    return text[:cut].rstrip() + "\n" + MORE


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, ellipsised."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + MORE


def names(kb: KnowledgeBase, framework_ids: Sequence[str]) -> list[str]:
    return [kb.frameworks[f].name if f in kb.frameworks else f for f in framework_ids]


def join_names(items: Sequence[str], last: str = "and") -> str:
    """ "A, B and C"; with ``last="vs"`` every name is joined by "vs"."""
    if len(items) <= 1:
        return "".join(items)
    if last == "vs":
        return " vs ".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def sources_line(sources: Sequence[str], limit: int = 3) -> str:
    return "Sources: " + " · ".join(sources[:limit]) if sources else ""


def faq_text(kb: KnowledgeBase, entry: FaqEntry, *, expanded: bool = False) -> str:
    parts = [entry.question, "", entry.answer]
    sources = sources_line(entry.sources, limit=len(entry.sources) if expanded else 2)
    if sources:
        parts += ["", sources]
    related = [title_of(kb, ref.kind, ref.id) for ref in entry.related if kb.resolve(ref) is not None]
    if related:
        parts.append("Related: " + "; ".join(related[:3]))
    return fit("\n".join(parts))


def title_of(kb: KnowledgeBase, kind: str, ident: str) -> str:
    """A human title for an entry reference (used for suggestions too)."""
    if kind == "faq" and ident in kb.faq:
        return kb.faq[ident].question
    if kind == "aspect" and ident in kb.aspects:
        return f"Comparison: {kb.aspects[ident].name}"
    if kind in ("framework", "pros") and ident in kb.frameworks:
        return f"Pros of {kb.frameworks[ident].name}"
    if kind == "cons" and ident in kb.frameworks:
        return f"Cons of {kb.frameworks[ident].name}"
    if kind == "verdict" and ident in kb.verdicts:
        return "Verdict: " + join_names(names(kb, kb.verdicts[ident].frameworks), "vs")
    if kind == "use-case" and ident in kb.use_cases:
        return kb.use_cases[ident].name
    return ident


def _aspect_block(kb: KnowledgeBase, aspect: Aspect, framework_ids: Sequence[str], expanded: bool) -> str:
    lines = [f"{aspect.name}: {aspect.description}", ""]
    for fw in framework_ids:
        cell = aspect.cells.get(fw)
        label = kb.frameworks[fw].name if fw in kb.frameworks else fw
        if cell is None:
            lines.append(f"{label}: (no entry yet)")
            continue
        versions = f" [{cell.versions}]" if cell.versions else ""
        lines.append(f"{label} ({cell.rating}/5): {cell.value}{versions}")
        if expanded and cell.note:
            lines.append(textwrap.indent(textwrap.fill(cell.note, 88), "  "))
        if expanded:
            lines.append(f"  Rating: {cell.rating_reason}")
    if expanded:
        sources = [s for fw in framework_ids if fw in aspect.cells for s in aspect.cells[fw].sources]
        lines += ["", sources_line(list(dict.fromkeys(sources)), limit=6)]
    return "\n".join(lines)


def _matrix_block(kb: KnowledgeBase, framework_ids: Sequence[str]) -> str:
    labels = names(kb, framework_ids)
    aspect_width = max((len(a.name) for a in kb.aspects.values()), default=10)
    aspect_width = min(aspect_width, 28)
    usable = (MAX_TEXT - 260) // max(len(kb.aspects) + 2, 1)
    cell_width = max(12, min(40, (usable - aspect_width) // max(len(framework_ids), 1) - 3))
    header = " | ".join(
        [
            clip("Aspect", aspect_width).ljust(aspect_width),
            *(clip(n, cell_width).ljust(cell_width) for n in labels),
        ]
    )
    rows = [header.rstrip(), "-" * len(header.rstrip())]
    for aspect in kb.aspects.values():
        cells = []
        for fw in framework_ids:
            cell = aspect.cells.get(fw)
            cells.append(clip(f"{cell.rating}/5 {cell.value}" if cell else "-", cell_width).ljust(cell_width))
        rows.append(" | ".join([clip(aspect.name, aspect_width).ljust(aspect_width), *cells]).rstrip())
    return "\n".join(rows)


def compare_text(
    kb: KnowledgeBase, framework_ids: Sequence[str], aspect_id: str | None, *, expanded: bool = False
) -> str:
    title = join_names(names(kb, framework_ids), "vs")
    if aspect_id is not None and aspect_id in kb.aspects:
        body = _aspect_block(kb, kb.aspects[aspect_id], framework_ids, expanded)
        return fit(f"{title} — {kb.aspects[aspect_id].name}\n\n{body}")
    footer = "Ratings are editorial (1-5). Ask about one aspect for details, e.g. “… for deployment”."
    return fit(f"{title}\n\n{_matrix_block(kb, framework_ids)}\n\n{footer}")


def points_text(framework: Framework, kind: str, *, expanded: bool = False) -> str:
    points: Sequence[Point] = framework.pros if kind == "pros" else framework.cons
    heading = f"{'Pros' if kind == 'pros' else 'Cons'} of {framework.name}"
    lines = [heading, ""]
    for p in points:
        lines.append(f"• {p.point} — {p.detail}")
    if expanded:
        sources = [s for p in points for s in p.sources] or list(framework.sources)
        lines += ["", sources_line(list(dict.fromkeys(sources)), limit=5)]
    return fit("\n".join(lines))


def _call_lines(kb: KnowledgeBase, call: Call) -> list[str]:
    pick = kb.frameworks[call.recommendation].name if call.recommendation in kb.frameworks else "It depends"
    lines = [call.summary, f"Recommendation: {pick}"]
    lines += [f"• {c}" for c in call.conditions]
    return lines


def verdict_text(
    kb: KnowledgeBase,
    verdict: Verdict,
    framework_ids: Sequence[str],
    use_case: str | None,
    *,
    expanded: bool = False,
) -> str:
    title = join_names(names(kb, framework_ids), "vs")
    if use_case is not None and use_case in kb.use_cases:
        title += f" — for {kb.use_cases[use_case].name.lower()}"
    lines = [f"Verdict: {title}", "", *_call_lines(kb, verdict.call_for(use_case))]
    if expanded:
        for other, call in verdict.use_cases.items():
            if other != use_case and other in kb.use_cases:
                lines += ["", f"For {kb.use_cases[other].name.lower()}: {call.summary}"]
        lines += ["", sources_line(verdict.sources, limit=5)]
    return fit("\n".join(lines))


def acknowledgement_text(kb: KnowledgeBase) -> str:
    frameworks = join_names([fw.name for fw in kb.frameworks.values()], "or")
    return f"Glad to help! Ask me anything else about {frameworks}."


def decline_text(kb: KnowledgeBase, suggestion_titles: Sequence[str]) -> str:
    frameworks = join_names([fw.name for fw in kb.frameworks.values()], "and")
    lines = [
        f"Sorry, I can't answer that one. I know about {frameworks}: comparisons, pros and cons, "
        "verdicts and common questions."
    ]
    if suggestion_titles:
        lines += ["", "Closest things I know:"] + [f"• {clip(t, 150)}" for t in suggestion_titles]
    else:
        lines += ["", "Try e.g. “pytorch vs tensorflow for deployment” or “cons of jax”."]
    return fit("\n".join(lines))


def with_suggestions(text: str, suggestion_titles: Sequence[str]) -> str:
    if not suggestion_titles:
        return text
    tail = "\n\nDid you mean: " + "; ".join(clip(t, 120) for t in suggestion_titles)
    return fit(text, MAX_TEXT - len(tail)) + tail
