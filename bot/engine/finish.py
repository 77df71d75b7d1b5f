"""The last step: a reading and the ranked entries in, an :class:`Answer` out.

The confidence is compared with the thresholds: at or above ``answer``, the
answer alone; between ``suggest`` and ``answer``, the answer with "did you
mean" suggestions; below ``suggest`` (or no reading at all), a polite decline
that offers the closest entries.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import text as compose
from bot.engine.answer import Answer, Candidate, Suggestion, Thresholds
from bot.engine.rank import Ranked
from bot.engine.reading import Reading
from bot.knowledge import KnowledgeBase

SUGGESTION_FLOOR = 0.2
"""FAQ entries scoring below this are not worth suggesting at all."""
MAX_SUGGESTIONS = 3


class Finisher:
    """Turns readings into answers for one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase, all_frameworks: Sequence[str]) -> None:
        self.knowledge = knowledge
        self.all_frameworks = tuple(all_frameworks)

    def finish(self, query: str, reading: Reading, ranked: Sequence[Ranked], limits: Thresholds) -> Answer:
        """The answer to ``query`` that ``reading`` gives under ``limits``; ``ranked`` are
        the entries to suggest from, best first."""
        candidates = tuple(Candidate("faq", r.entry.id, r.score, ", ".join(r.matched)) for r in ranked)
        candidates = (
            Candidate(reading.kind, reading.id or reading.framework, reading.confidence, reading.why),
            *candidates,
        )
        if reading.kind == "none" or reading.confidence < limits.suggest:
            closest = self._suggestions(ranked, exclude=None)
            text = compose.decline_text(self.knowledge, [s.title for s in closest])
            return Answer(
                query,
                "none",
                reading.confidence,
                text,
                suggestions=closest,
                declined_topic=reading.declined,
                candidates=candidates,
            )
        suggestions: tuple[Suggestion, ...] = ()
        if reading.confidence < limits.answer:
            suggestions = self._suggestions(ranked, exclude=reading.id if reading.kind == "faq" else None)
        body = self._compose(reading)
        text = compose.with_suggestions(body, [s.title for s in suggestions])
        return Answer(
            query=query,
            kind=reading.kind,
            confidence=reading.confidence,
            text=text,
            id=reading.id if reading.kind == "faq" else None,
            frameworks=reading.frameworks if reading.kind in ("compare", "verdict") else (),
            aspect=reading.aspect if reading.kind == "compare" else None,
            framework=reading.framework if reading.kind in ("pros", "cons") else None,
            use_case=reading.use_case if reading.kind == "verdict" else None,
            suggestions=suggestions,
            expanded=reading.expanded,
            candidates=candidates,
        )

    @staticmethod
    def _suggestions(ranked: Sequence[Ranked], exclude: str | None) -> tuple[Suggestion, ...]:
        picked = [r for r in ranked if r.entry.id != exclude and r.score >= SUGGESTION_FLOOR]
        return tuple(Suggestion("faq", r.entry.id, r.entry.question) for r in picked[:MAX_SUGGESTIONS])

    def _compose(self, reading: Reading) -> str:
        kb = self.knowledge
        if reading.kind == "faq" and reading.id is not None and reading.id in kb.faq:
            return compose.faq_text(kb, kb.faq[reading.id], expanded=reading.expanded)
        if reading.kind == "compare":
            return compose.compare_text(kb, reading.frameworks, reading.aspect, expanded=reading.expanded)
        framework = kb.frameworks.get(reading.framework or "")
        if reading.kind in ("pros", "cons") and framework is not None:
            return compose.points_text(framework, reading.kind, expanded=reading.expanded)
        if reading.kind == "verdict":
            exact = kb.verdict_for(reading.frameworks)
            verdict = exact or kb.verdict_for(self.all_frameworks)
            if verdict is not None:
                # Without a verdict for exactly these frameworks, say which one is shown.
                shown = reading.frameworks if exact is not None else verdict.frameworks
                return compose.verdict_text(kb, verdict, shown, reading.use_case, expanded=reading.expanded)
        return compose.decline_text(kb, [])
