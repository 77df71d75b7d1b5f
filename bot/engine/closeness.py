"""How close in meaning the ranked FAQ entries are to a question, and the rules that use it.

The ranking (:mod:`bot.engine.rank`) counts shared words; the sentence vectors of
:mod:`bot.engine.semantic` see paraphrase. Neither alone is trusted to overrule the
other: meaning reorders entries only when their words nearly tie, and it vouches for
the best-ranked entry only when it also puts that entry first (see ``standalone.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.engine.rank import WHOLE_PHRASING, Ranked
from bot.engine.semantic import PhrasingVectors

MEANING_AGREES = 0.6
"""The similarity at which the closest entry in meaning vouches for the best-ranked one."""
NEAR_TIE = 0.8
MEANING_NEAR = 0.55
MEANING_LEAD = 0.05
"""Of ranked entries whose words match nearly as well as the best's (NEAR_TIE of its score),
the one closest in meaning goes first when it is close (MEANING_NEAR) and closer than the
best by MEANING_LEAD: "I inherited a codebase from 2017 that uses sess.run everywhere, a
rewrite takes too long, what's the fastest way to make it run" matches the words of the
entry on switching frameworks about as well as those of the TF1 migration entry, and means
the latter."""


class Closeness:
    """The meaning side of an FAQ reading: how close the ranked entries are to the question,
    computed only when a rule asks (most questions never need it)."""

    def __init__(self, meanings: PhrasingVectors, question: str, ranked: Sequence[Ranked]):
        self._meanings = meanings
        self._question = question
        self.ranked = ranked
        self._similarity: list[float] | None = None

    def similarity(self) -> list[float]:
        """Per entry of ``ranked``, in order."""
        if self._similarity is None:
            meaning = self._meanings.embed(self._question) if self._question else None
            self._similarity = (
                []
                if meaning is None
                else self._meanings.similarities(meaning, [r.entry.id for r in self.ranked])
            )
        return self._similarity

    def closest_first_on_a_near_tie(self, eligible: Callable[[Ranked], bool] = lambda _: True) -> bool:
        """Move the entry closest in meaning first in ``ranked`` when its words match nearly as
        well as the best's (see MEANING_LEAD) and it is ``eligible`` to answer; it takes over
        the best's score. Whether it moved."""
        ranked = self.ranked
        if len(ranked) < 2 or ranked[1].score < NEAR_TIE * ranked[0].score:
            return False  # the runner-up is the likeliest to qualify: scores are sorted
        if ranked[0].phrasing_coverage >= WHOLE_PHRASING:
            return False  # the question says one of the best's phrasings: it asks that
        similarity = self.similarity()
        closest = max(range(len(similarity)), key=similarity.__getitem__, default=0)
        if (
            closest == 0
            or not eligible(ranked[closest])
            or ranked[closest].score < NEAR_TIE * ranked[0].score
            or similarity[closest] < MEANING_NEAR
            or similarity[closest] < similarity[0] + MEANING_LEAD
        ):
            return False
        first = replace(ranked[closest], score=ranked[0].score)
        self.ranked = [first, *(r for i, r in enumerate(ranked) if i != closest)]
        self._similarity = [similarity[closest], *(x for i, x in enumerate(similarity) if i != closest)]
        return True

    def agrees_with_the_best(self) -> bool:
        """Whether the best-ranked entry is also the closest in meaning, and close (MEANING_AGREES)."""
        similarity = self.similarity()
        return bool(similarity) and similarity[0] >= MEANING_AGREES and similarity[0] == max(similarity)
