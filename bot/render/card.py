"""Answers as neutral cards (title, description, fields, footer), cut to Discord's limits.

The Discord front end only maps a :class:`Card` onto an embed; every size
limit is enforced here, in :func:`fit`. Long comparisons become several pages.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, replace

import bot.limits as limits
from bot.engine import Answer
from bot.engine.text import join_names, names, title_of
from bot.knowledge import Aspect, KnowledgeBase

ASPECTS_PER_PAGE = 5
FOOTER_WHEN_CROWDED = 300
DESCRIPTION_KEPT = 1000
"""Characters of description kept before fields are dropped from a crowded card."""
ELLIPSIS = "…"

COLOURS = {
    "faq": 0x3B82F6,
    "compare": 0x8B5CF6,
    "pros": 0x10B981,
    "cons": 0xF59E0B,
    "verdict": 0xEC4899,
    "none": 0x6B7280,
}


@dataclass(frozen=True, slots=True)
class CardField:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    description: str = ""
    fields: tuple[CardField, ...] = ()
    footer: str = ""
    colour: int = COLOURS["none"]
    page: int = 1
    pages: int = 1

    @property
    def size(self) -> int:
        """Characters Discord counts towards the 6000 per message."""
        return (
            len(self.title)
            + len(self.description)
            + len(self.footer)
            + sum(len(f.name) + len(f.value) for f in self.fields)
        )


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a line or word, never mid-word if avoidable."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut_at = max(text.rfind("\n", 0, room), text.rfind(" ", 0, room))
    if cut_at < room // 2:
        cut_at = room
    return text[:cut_at].rstrip() + ELLIPSIS


def fit(card: Card) -> Card:
    """The one place Discord's embed limits are enforced."""
    fields = tuple(
        CardField(
            cut(f.name, limits.EMBED_FIELD_NAME) or "\u200b",
            cut(f.value, limits.EMBED_FIELD_VALUE) or "\u200b",
            f.inline,
        )
        for f in card.fields[: limits.EMBED_FIELDS]
    )
    fitted = replace(
        card,
        title=cut(card.title, limits.EMBED_TITLE),
        description=cut(card.description, limits.EMBED_DESCRIPTION),
        fields=fields,
        footer=cut(card.footer, limits.EMBED_FOOTER),
    )
    if fitted.size <= limits.EMBEDS_TOTAL:
        return fitted
    # Over the 6000 per message: a shorter footer first, then the description down to
    # what the fields leave (keeping at least a screenful), then trailing fields.
    fitted = replace(fitted, footer=cut(fitted.footer, FOOTER_WHEN_CROWDED))
    while fitted.fields and fitted.size - len(fitted.description) > limits.EMBEDS_TOTAL - DESCRIPTION_KEPT:
        fitted = replace(fitted, fields=fitted.fields[:-1])
    room = limits.EMBEDS_TOTAL - (fitted.size - len(fitted.description))
    return replace(fitted, description=cut(fitted.description, max(room, 0)))


def link(url: str) -> str:
    """A markdown link labelled with the site's name."""
    host = urllib.parse.urlsplit(url).netloc.removeprefix("www.")
    return f"[{host or url}]({url})"


def source_links(urls: Sequence[str], limit: int = 4) -> str:
    return " · ".join(link(u) for u in list(dict.fromkeys(urls))[:limit])


def footer_for(answer: Answer, matched: str | None) -> str:
    confidence = f"confidence {answer.confidence:.0%}"
    return f"Matched: {matched} · {confidence}" if matched else confidence


def cards_for(answer: Answer, kb: KnowledgeBase) -> list[Card]:
    """The pages of cards for an answer (one page for all but long comparisons)."""
    if answer.kind == "faq" and answer.id in kb.faq:
        return [fit(_faq(answer, kb))]
    if answer.kind == "compare":
        return [fit(card) for card in _compare(answer, kb)]
    if answer.kind in ("pros", "cons") and answer.framework in kb.frameworks:
        return [fit(_points(answer, kb))]
    if answer.kind == "verdict":
        return [fit(_verdict(answer, kb))]
    return [fit(_decline(answer))]


def _faq(answer: Answer, kb: KnowledgeBase) -> Card:
    entry = kb.faq[answer.id or ""]
    description = entry.answer
    if entry.sources:
        description += "\n\n**Sources:** " + source_links(
            entry.sources, limit=len(entry.sources) if answer.expanded else 3
        )
    return Card(entry.question, description, footer=footer_for(answer, entry.question), colour=COLOURS["faq"])


def _cell_lines(
    aspect: Aspect, framework_ids: Sequence[str], kb: KnowledgeBase, *, notes: bool
) -> list[CardField]:
    fields = []
    for fw in framework_ids:
        cell = aspect.cells.get(fw)
        label = kb.frameworks[fw].name if fw in kb.frameworks else fw
        if cell is None:
            fields.append(CardField(label, "no entry yet", inline=not notes))
            continue
        lines = [cell.value]
        if cell.versions:
            lines.append(f"*{cell.versions}*")
        if notes and cell.note:
            lines.append(cell.note)
        if notes:
            lines.append(f"Rating {cell.rating}/5: {cell.rating_reason}")
            if cell.sources:
                lines.append(source_links(cell.sources, limit=2))
        fields.append(
            CardField(
                f"{label} · {'★' * cell.rating}{'☆' * (5 - cell.rating)}", "\n".join(lines), inline=not notes
            )
        )
    return fields


def _compare(answer: Answer, kb: KnowledgeBase) -> list[Card]:
    frameworks = list(answer.frameworks)
    title = join_names(names(kb, frameworks), "vs")
    footer = footer_for(answer, None) + " · ratings are editorial (1-5)"
    if answer.aspect is not None and answer.aspect in kb.aspects:
        aspect = kb.aspects[answer.aspect]
        fields = _cell_lines(aspect, frameworks, kb, notes=True)
        return [
            Card(f"{title} — {aspect.name}", aspect.description, tuple(fields), footer, COLOURS["compare"])
        ]
    aspects = list(kb.aspects.values())
    pages = [aspects[i : i + ASPECTS_PER_PAGE] for i in range(0, len(aspects), ASPECTS_PER_PAGE)] or [[]]
    cards = []
    for number, group in enumerate(pages, start=1):
        fields = []
        for aspect in group:
            lines = []
            for fw in frameworks:
                cell = aspect.cells.get(fw)
                label = kb.frameworks[fw].name if fw in kb.frameworks else fw
                lines.append(f"**{label}** {cell.rating}/5 · {cell.value}" if cell else f"**{label}** —")
            fields.append(CardField(aspect.name, "\n".join(lines)))
        description = "Pick an aspect for the details, e.g. `/compare … aspect:deployment`."
        cards.append(
            Card(title, description, tuple(fields), footer, COLOURS["compare"], page=number, pages=len(pages))
        )
    return cards


def _points(answer: Answer, kb: KnowledgeBase) -> Card:
    framework = kb.frameworks[answer.framework or ""]
    points = framework.pros if answer.kind == "pros" else framework.cons
    heading = "Pros" if answer.kind == "pros" else "Cons"
    fields = tuple(CardField(p.point, p.detail) for p in points)
    sources = [s for p in points for s in p.sources] or list(framework.sources)
    description = f"{framework.summary}\n\n**Sources:** {source_links(sources)}" if answer.expanded else ""
    return Card(
        f"{heading} of {framework.name}", description, fields, footer_for(answer, None), COLOURS[answer.kind]
    )


def _verdict(answer: Answer, kb: KnowledgeBase) -> Card:
    verdict = kb.verdict_for(answer.frameworks) or kb.verdict_for(kb.frameworks)
    title = "Verdict: " + join_names(names(kb, answer.frameworks), "vs")
    if verdict is None:
        return Card(title, "No verdict written for these frameworks yet.", colour=COLOURS["verdict"])
    use_case = kb.use_cases.get(answer.use_case or "")
    if use_case is not None:
        title += f" — for {use_case.name.lower()}"
    call = verdict.call_for(answer.use_case)
    pick = kb.frameworks[call.recommendation].name if call.recommendation in kb.frameworks else "It depends"
    fields = [CardField("Recommendation", pick, inline=True)]
    if call.conditions:
        fields.append(CardField("What flips it", "\n".join(f"• {c}" for c in call.conditions)))
    if answer.expanded:
        for other, other_call in verdict.use_cases.items():
            if other != answer.use_case and other in kb.use_cases:
                fields.append(CardField(f"For {kb.use_cases[other].name.lower()}", other_call.summary))
    description = call.summary + (
        f"\n\n**Sources:** {source_links(verdict.sources)}" if verdict.sources else ""
    )
    return Card(title, description, tuple(fields), footer_for(answer, None), COLOURS["verdict"])


def _decline(answer: Answer) -> Card:
    if answer.acknowledgement:  # "thanks!"
        return Card("Glad to help!", answer.text, footer="", colour=COLOURS["none"])
    lines = ["I can't answer that one from what I know. I cover PyTorch, TensorFlow, JAX and Keras."]
    if answer.suggestions:
        lines.append("\nThe closest things I know are below.")
    else:
        lines.append("\nTry `/compare`, `/pros`, `/cons`, `/verdict` or `/faq`.")
    return Card(
        "Not sure about that one", "\n".join(lines), footer=footer_for(answer, None), colour=COLOURS["none"]
    )


def suggestion_labels(answer: Answer, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(custom-id payload ``kind:id``, label) for each suggestion."""
    return [(f"{s.kind}:{s.id}", title_of(kb, s.kind, s.id)) for s in answer.suggestions]
