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

    def answers_like(self, other: Reading) -> bool:
        """Whether ``other`` answers alike (the same kind, of the same frameworks and aspect)."""
        return (
            self.kind == other.kind
            and self.framework == other.framework
            and set(self.frameworks) == set(other.frameworks)
            and self.aspect == other.aspect
        )
