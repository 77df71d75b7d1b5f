"""Pick thresholds from data: how answers would fare at other thresholds.

Two sources of labels: the regression tests (the answer each must get), and
stored feedback (an up-voted answer is right as it was; a down-voted one was
wrong). For each pair of thresholds every labelled question is asked again and
counted as right (answered outright), suggested (right, but with "did you
mean" suggestions), wrong, declined (an answer was due), declined well (declining
was right), or changed (a down-voted answer replaced by another, unlabelled one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine import Answer, Engine, Thresholds
from bot.maintenance.regression import Case, run_case
from bot.storage import StoredQuestion

ANSWER_STEPS = (0.4, 0.5, 0.6, 0.7, 0.8)
SUGGEST_STEPS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5)


@dataclass(frozen=True, slots=True)
class TuneRow:
    answer: float
    suggest: float
    right: int
    suggested: int
    wrong: int
    declined: int
    declined_well: int
    changed: int

    @property
    def total(self) -> int:
        return self.right + self.suggested + self.wrong + self.declined + self.declined_well + self.changed


def _labelled(answer: Answer, correct: bool, thresholds: Thresholds) -> str:
    """Where an answer whose right answer is known lands."""
    if answer.kind == "none":
        return "declined"
    if not correct:
        return "wrong"
    return "right" if answer.confidence >= thresholds.answer else "suggested"


def _down_voted(answer: Answer, same_as_before: bool) -> str:
    """Where an answer lands when only "the old answer was wrong" is known."""
    if answer.kind == "none":
        return "declined_well"
    return "wrong" if same_as_before else "changed"


def sweep(
    engine: Engine,
    cases: Sequence[Case],
    voted: Sequence[StoredQuestion],
    answer_steps: Sequence[float] = ANSWER_STEPS,
    suggest_steps: Sequence[float] = SUGGEST_STEPS,
) -> list[TuneRow]:
    rows = []
    for answer_at in answer_steps:
        for suggest_at in suggest_steps:
            if suggest_at > answer_at:
                continue
            thresholds = Thresholds(answer_at, suggest_at)
            counts = dict.fromkeys(("right", "suggested", "wrong", "declined", "declined_well", "changed"), 0)
            for case in cases:
                outcome = run_case(engine, case, thresholds=thresholds)
                if case.expect.get("kind") == "none":
                    counts["declined_well" if outcome.answer.kind == "none" else "wrong"] += 1
                else:
                    counts[_labelled(outcome.answer, outcome.passed, thresholds)] += 1
            for row in voted:
                if row.text is None or row.up_votes == row.down_votes:
                    continue
                answer = engine.ask(row.text, thresholds=thresholds)
                same = " ".join(row.matched) == answer.key
                if row.up_votes > row.down_votes:
                    counts[_labelled(answer, same, thresholds)] += 1
                else:
                    counts[_down_voted(answer, same)] += 1
            rows.append(TuneRow(answer_at, suggest_at, **counts))
    return rows
