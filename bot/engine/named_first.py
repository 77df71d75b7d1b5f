"""Putting first the FAQ entry about the framework a question names.

Word ranking does not know which framework an entry is about: "pytorch first release
year" shares its words with TensorFlow's history entry, and "is jax only for google
researchers" with TensorFlow's research entry. These reorderings give the named
framework's own entry the first place when the best one is about another framework only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.engine.detect import Shape
from bot.engine.rank import Ranked
from bot.engine.siblings import SiblingIndex

NAMED_FRAMEWORK_LEAD = 0.15
"""An entry about the framework a question names goes first when it scores at most this
much below a best entry about another framework (see about_the_named_framework_first)."""


def sibling_for_the_named_framework(
    shape: Shape, ranked: Sequence[Ranked], siblings: SiblingIndex
) -> Sequence[Ranked]:
    """``ranked`` with its best entry swapped for that entry's sibling about the framework
    the question names, when the best is about another one and such a sibling exists.

    "pytorch first release year" shares its words with TensorFlow's history entry
    (whose phrasings say "year" and "first"); PyTorch's history entry answers it. The
    sibling takes over the best entry's score and matched words: it is the same question.
    """
    top = ranked[0]
    named = shape.frameworks
    if not _about_another_framework(top, named):
        return ranked
    sibling = siblings.sibling(top.entry, named, not_about=top.entry.frameworks)
    if sibling is None:
        return ranked
    return [replace(top, entry=sibling), *(r for r in ranked[1:] if r.entry.id != sibling.id)]


def about_the_named_framework_first(shape: Shape, ranked: Sequence[Ranked]) -> Sequence[Ranked]:
    """``ranked`` with an entry about the framework the question names first, when the best
    is about another one only and it is close behind (NAMED_FRAMEWORK_LEAD): "is jax only
    for google researchers" shares more words with TensorFlow's research entry, but asks
    JAX's own."""
    top = ranked[0]
    if not _about_another_framework(top, shape.frameworks):
        return ranked
    named = set(shape.frameworks)
    about_named = next((r for r in ranked[1:] if named & set(r.entry.frameworks)), None)
    if about_named is None or about_named.score < top.score - NAMED_FRAMEWORK_LEAD:
        return ranked
    return [about_named, *(r for r in ranked if r is not about_named)]


def _about_another_framework(best: Ranked, named: Sequence[str]) -> bool:
    """Whether a question names frameworks and its ``best`` entry is about others only."""
    return bool(named) and bool(best.entry.frameworks) and set(named).isdisjoint(best.entry.frameworks)
