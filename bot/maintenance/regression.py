"""Knowledge regression tests: ``knowledge/tests.yaml``.

Questions, single or short conversations, with the answer they must get. They
are never indexed for matching; ``versus validate`` runs them and reports each
failure with what matched instead. The file has its own schema, declared here
with the same building blocks as the knowledge files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.engine import KINDS, Answer, Context, Engine
from bot.knowledge import Issue
from bot.knowledge.loader import TESTS_FILE, check_document
from bot.knowledge.spec import Choice, Field, JsonSchema, ListOf, Nullable, Record, Text, slug
from bot.knowledge.yamlread import read_yaml

EXPECT = Record(
    (
        Field("kind", Choice(KINDS, "The answer kind.")),
        Field("id", slug("The FAQ id (kind faq)."), False),
        Field(
            "frameworks", ListOf(slug("A framework id."), "Frameworks (compare, verdict), any order."), False
        ),
        Field("aspect", Nullable(slug("An aspect id; null for a comparison on every aspect.")), False),
        Field("framework", slug("The framework (pros, cons)."), False),
        Field("use_case", Nullable(slug("A use case id, or null (verdict).")), False),
    ),
    "The answer the question must get; keys left out are not checked.",
)
CASE = Record(
    (
        Field("ask", Text("A single question."), False),
        Field(
            "conversation",
            ListOf(Text("A turn."), "Turns of one conversation; the last is checked.", 2),
            False,
        ),
        Field("expect", EXPECT),
    ),
    "One regression test: `ask` or `conversation`, and `expect`.",
)
TESTS_SPEC = Record(
    (Field("tests", ListOf(CASE, "Regression tests.")),), "Versus knowledge regression tests."
)
TESTS_SCHEMA_FILE = "tests.schema.json"


def regression_json_schema() -> JsonSchema:
    schema: JsonSchema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Versus knowledge regression tests",
    }
    schema.update(TESTS_SPEC.json_schema())
    return schema


@dataclass(frozen=True, slots=True)
class Case:
    turns: tuple[str, ...]
    expect: Mapping[str, Any]
    line: int | None


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    answer: Answer

    @property
    def passed(self) -> bool:
        return expectation_met(self.answer, self.case.expect)


def expectation_met(answer: Answer, expect: Mapping[str, Any]) -> bool:
    for key, wanted in expect.items():
        got = getattr(answer, key)
        if key == "frameworks":
            if set(got) != set(wanted):
                return False
        elif got != wanted:
            return False
    return True


def load_cases(directory: Path) -> tuple[list[Case], list[Issue]]:
    """The regression tests of a knowledge directory (none if it has no tests.yaml)."""
    path = directory / TESTS_FILE
    if not path.exists():
        return [], []
    document, issues = read_yaml(path, TESTS_FILE)
    if document is None:
        return [], issues
    problems = check_document(document, TESTS_SPEC)
    if problems:
        return [], problems
    cases = []
    for index, raw in enumerate(document.data["tests"]):
        line = document.line_of(("tests", index))
        if ("ask" in raw) == ("conversation" in raw):
            problems.append(Issue(TESTS_FILE, line, "a test needs exactly one of 'ask' and 'conversation'"))
            continue
        turns = (raw["ask"],) if "ask" in raw else tuple(raw["conversation"])
        cases.append(Case(turns, raw["expect"], line))
    return cases, problems


def run_case(engine: Engine, case: Case, **ask_options: Any) -> Outcome:
    context: Context | None = None
    answer: Answer | None = None
    for number, turn in enumerate(case.turns):
        answer = engine.ask(turn, context, now=float(number), **ask_options)
        context = Context(answer, float(number))
    assert answer is not None  # a case has at least one turn
    return Outcome(case, answer)


def describe(answer: Answer) -> str:
    data = answer.to_dict()
    parts = [f"kind={answer.kind}"]
    for key in ("id", "frameworks", "aspect", "framework", "use_case"):
        if data[key] not in (None, []):
            parts.append(f"{key}={data[key]}")
    return " ".join(parts)


def failure_issue(outcome: Outcome) -> Issue:
    expected = " ".join(f"{k}={v}" for k, v in outcome.case.expect.items())
    ranking = ", ".join(
        f"{c.kind}:{c.id} {c.score:.2f}" for c in outcome.answer.candidates[:4] if c.id is not None
    )
    question = " → ".join(outcome.case.turns)
    message = (
        f"test {question!r}: expected {expected}; got {describe(outcome.answer)} "
        f"(confidence {outcome.answer.confidence:.2f}; ranking: {ranking or 'nothing'})"
    )
    return Issue(TESTS_FILE, outcome.case.line, message)


def run_regression(engine: Engine, cases: Sequence[Case]) -> tuple[int, list[Issue]]:
    """Run every case; return how many passed and an error per failure."""
    outcomes = [run_case(engine, case) for case in cases]
    failures = [failure_issue(o) for o in outcomes if not o.passed]
    return len(outcomes) - len(failures), failures
