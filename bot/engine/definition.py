"""Questions that ask what a framework is: "what's jax", "who is keras meant for", "keep
seeing jax in deepmind papers. what is it exactly". They get the entry about that framework
alone whose question asks what it is ("What is JAX, and who is it for?"), if there is one.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.cues import DEFINITION_OPENERS, HEDGES, PURPOSE_WORDS, WHO_USES
from bot.engine.detect import Shape
from bot.engine.focus import POINTERS
from bot.engine.normalize import tokens
from bot.engine.reading import Reading
from bot.knowledge import KnowledgeBase

DEFINITION_CONFIDENCE = 0.9
"""'What is jax' and nothing else: the entry about that framework alone whose question
asks what it is ("What is JAX, and who is it for?"), if there is one."""
DEFINITION_WORDS = frozenset(word for opener in DEFINITION_OPENERS for word in opener)
"""The words of DEFINITION_OPENERS: a message with none of them asks no definition."""


def names_only_a_framework(shape: Shape, content: frozenset[str]) -> bool:
    """One framework and nothing else: no aspect, use case, intent cue or other content."""
    cues = shape.compare or shape.opinion_cue
    return len(shape.frameworks) == 1 and len(shape.mentions) == 1 and not content and not cues


def _asks_only_what_it_is(shape: Shape, content: frozenset[str], framework: str) -> bool:
    """Whether ``shape`` asks what ``framework`` is and nothing else ("what even is keras")."""
    return (
        shape.asks_what_it_is and shape.frameworks == (framework,) and names_only_a_framework(shape, content)
    )


class DefinitionReader:
    """Reads questions that ask what the one framework they name is, for one knowledge base."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self._defining_entry = _defining_entries(knowledge)

    def read(
        self,
        shape: Shape,
        content: frozenset[str],
        focus: Callable[[], tuple[Shape, frozenset[str]]] | None,
    ) -> Reading | None:
        """The entry that says what a framework is, for a message that names one and asks
        only what it is ("what's jax", "what even is keras") or who it is for ("who is jax
        meant for? should a regular dev bother"), or whose question sentences (``focus``)
        only ask what it is: "what is jax? one of my engineers keeps mentioning it", or what
        "it" is, "keep seeing jax in deepmind papers. what is it exactly", or who it is for.
        The cheap checks on the whole message come first: most fail them."""
        if len(shape.frameworks) != 1:
            return None
        only = shape.frameworks[0]
        defining = self._defining_entry.get(only)
        if defining is None:
            return None
        if shape.asks_who_it_is_for:
            return Reading("faq", DEFINITION_CONFIDENCE, f"asks who {only} is for", id=defining)
        if _asks_only_what_it_is(shape, content, only) or _asks_what_then_who(shape):
            return Reading("faq", DEFINITION_CONFIDENCE, f"asks what {only} is", id=defining)
        if focus is None or DEFINITION_WORDS.isdisjoint(shape.tokens):
            return None
        asking, asking_content = focus()
        if _asks_only_what_it_is(asking, asking_content, only):
            return Reading("faq", DEFINITION_CONFIDENCE, f"asks what {only} is, then tells why", id=defining)
        named_first = next((m.end for m in asking.mentions if m.start == 0 and m.kind == "framework"), 0)
        asked = tuple(w for w in asking.tokens[named_first:] if w not in HEDGES)
        if not _asks_what_it_is(asked):
            return None
        return Reading("faq", DEFINITION_CONFIDENCE, f"asks what {only} is, named before", id=defining)


def _asks_what_then_who(shape: Shape) -> bool:
    """Whether ``shape`` opens by asking what its framework is, and all its words after the
    name ask that again or who it is for: "what is jax and who should use it"."""
    if not shape.asks_what_it_is:
        return False
    after = next(m.end for m in shape.mentions if m.kind == "framework")
    rest = tuple(w for w in shape.tokens[after:] if w not in HEDGES)
    return bool(rest) and rest[0] == "and" and _asks_what_it_is(("what", "is", "it", *rest))


def _asks_what_it_is(words: tuple[str, ...]) -> bool:
    """Whether ``words`` ask only what "it" is or who it is for, in one clause or more joined
    by "and": "what is it", "who is it meant for", "what is it and who is it for", "who
    should use it" (see WHO_USES)."""
    clauses: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            clauses.append([])
        else:
            clauses[-1].append(word)
    for clause in clauses:
        if clause[-1:] == ["for"]:  # "who is it for", "what is it meant for"
            clause.pop()
            while clause and clause[-1] in PURPOSE_WORDS:
                clause.pop()
        opener = tuple(clause[:-1])
        if not (
            clause[-1:] and clause[-1] in POINTERS and (opener in DEFINITION_OPENERS or opener in WHO_USES)
        ):
            return False
    return True


def _defining_entries(knowledge: KnowledgeBase) -> dict[str, str]:
    """Framework id -> the entry about that framework alone whose question opens "What is
    <its name>" (not "What is torch.compile": that names a feature, not PyTorch)."""
    found: dict[str, str] = {}
    for framework in knowledge.frameworks.values():
        opening = ("what", "is", *tokens(framework.name))
        for entry in knowledge.faq.values():
            if (
                entry.frameworks == (framework.id,)
                and tuple(tokens(entry.question)[: len(opening)]) == opening
            ):
                found.setdefault(framework.id, entry.id)
    return found
