"""A reading: one interpretation of a question, before thresholds are applied."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.answer import Kind


@dataclass(frozen=True, slots=True)
class Reading:
    """One interpretation of a question before thresholds are applied."""

    kind: Kind
    confidence: float
    why: str
    id: str | None = None
    frameworks: tuple[str, ...] = ()
    aspect: str | None = None
    framework: str | None = None
    use_case: str | None = None
    expanded: bool = False
    declined: str | None = None
    """The declined topic (``declines`` in the knowledge) the question fits better, if any."""
