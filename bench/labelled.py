"""The labelled question set and how an answer is scored against a label."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Answer, Context, Engine

QUESTIONS = Path(__file__).resolve().parent / "data" / "questions.yaml"


@dataclass(frozen=True)
class Item:
    turns: tuple[str, ...]
    expect: Mapping[str, Any]
    also: tuple[Mapping[str, Any], ...]
    tags: tuple[str, ...]
    split: str
    accepted: tuple[Mapping[str, Any], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepted", (self.expect, *self.also))

    @property
    def in_scope(self) -> bool:
        return bool(self.expect["kind"] != "none")

    @property
    def text(self) -> str:
        return " → ".join(self.turns)


def load_items(path: Path = QUESTIONS) -> list[Item]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    items = []
    for entry in raw:
        turns = tuple(entry["turns"]) if "turns" in entry else (entry["q"],)
        items.append(
            Item(
                turns,
                entry["expect"],
                tuple(entry.get("also") or ()),
                tuple(entry.get("tags") or ()),
                entry["split"],
            )
        )
    return items


def matches(answer: Answer, label: Mapping[str, Any]) -> bool:
    """The scoring rule of the engine issue: kind, plus the ids that kind fills."""
    kind = label["kind"]
    if answer.kind != kind:
        return False
    if kind == "faq":
        return bool(answer.id == label["id"])
    if kind == "compare":
        return set(answer.frameworks) == set(label["frameworks"]) and answer.aspect == label.get("aspect")
    if kind in ("pros", "cons"):
        return bool(answer.framework == label["framework"])
    if kind == "verdict":
        return set(answer.frameworks) == set(label["frameworks"])
    return True


def run_item(engine: Engine, item: Item) -> Answer:
    context: Context | None = None
    answer = None
    for turn in item.turns:
        answer = engine.ask(turn, context)
        context = Context(answer, 0.0)
    assert answer is not None
    return answer


def correct(engine: Engine, item: Item) -> bool:
    answer = run_item(engine, item)
    return any(matches(answer, label) for label in item.accepted)


def split(items: list[Item], name: str) -> Iterator[Item]:
    return (i for i in items if i.split == name)
