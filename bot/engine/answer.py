"""What the engine returns: an answer, its suggestions, and conversation context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["faq", "compare", "pros", "cons", "verdict", "none"]
KINDS: tuple[Kind, ...] = ("faq", "compare", "pros", "cons", "verdict", "none")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Confidence cut-offs: answer at or above ``answer``; below ``suggest``, decline.

    In between the answer comes with "did you mean" suggestions.
    """

    answer: float = 0.6
    suggest: float = 0.41

    def __post_init__(self) -> None:
        if not 0.0 <= self.suggest <= self.answer <= 1.0:
            raise ValueError(f"need 0 <= suggest <= answer <= 1, got {self.suggest}, {self.answer}")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Another entry the member may have meant."""

    kind: Kind
    id: str
    title: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "title": self.title}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ranked reading of a question, with the reason it scored as it did."""

    kind: Kind
    id: str | None
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A resolved question. ``to_dict`` is the public JSON contract (PRODUCT.md)."""

    query: str
    kind: Kind
    confidence: float
    text: str
    id: str | None = None
    frameworks: tuple[str, ...] = ()
    aspect: str | None = None
    framework: str | None = None
    use_case: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    expanded: bool = False
    """True when the member asked for more (why? sources?) about the last answer."""
    declined_topic: str | None = None
    """For a decline: the declined topic (``declines`` in the knowledge) the question fits."""
    acknowledgement: bool = False
    """For a decline: the message only acknowledged the last answer ("thanks!")."""
    candidates: tuple[Candidate, ...] = field(default=(), compare=False)
    """The ranking behind the answer, for ``/kb test`` and debugging."""

    @property
    def answered(self) -> bool:
        return self.kind != "none"

    @property
    def key(self) -> str:
        """What was answered, as one comparable string (stored with the question).

        ``faq:pytorch-mobile``, ``compare:pytorch,tensorflow@mobile-edge``,
        ``cons:jax``, ``verdict:jax,pytorch@research``, ``none``; framework sets
        are sorted so the same answer always has the same key.
        """
        if self.kind == "faq":
            return f"faq:{self.id}"
        if self.kind in ("pros", "cons"):
            return f"{self.kind}:{self.framework}"
        if self.kind in ("compare", "verdict"):
            detail = self.aspect if self.kind == "compare" else self.use_case
            return f"{self.kind}:{','.join(sorted(self.frameworks))}@{detail or 'all'}"
        return "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "kind": self.kind,
            "id": self.id,
            "frameworks": list(self.frameworks),
            "aspect": self.aspect,
            "framework": self.framework,
            "use_case": self.use_case,
            "confidence": round(self.confidence, 3),
            "suggestions": [s.to_dict() for s in self.suggestions],
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Context:
    """The previous turn of a conversation: what was answered, and when.

    ``at`` is a monotonic or wall-clock time in seconds; the engine only ever
    compares it with the ``now`` it is given.
    """

    answer: Answer
    at: float
