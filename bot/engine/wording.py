"""Intent cues read from a question's words alone: whether it picks, weighs a property,
denies a cue, points back, complains… :func:`bot.engine.detect.shape_of` gathers them
into a :class:`~bot.engine.detect.Shape`.

Works on analysed tokens, like detect.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.engine.cues import (
    ABSENCE_WORDS,
    ANAPHORA,
    CHOICE_FIRST_WORDS,
    CHOICE_NOUNS,
    CHOICE_PAIRS,
    COMPARATIVES,
    CONS_WORDS,
    FIGURE_WORDS,
    FRAMEWORK_QUALIFIERS,
    HEDGES,
    HISTORY_TERM,
    HOW_DIFFERENT,
    NEGATED_SPAN,
    NEGATION_GAP,
    NEGATORS,
    PICK_CUES,
    PURPOSE_NOUNS,
    PURPOSE_REACH,
    SELF_WORDS,
    VERDICT_CUES,
    WHICH_ONE,
    WHICH_REACH,
)
from bot.engine.entities import Mention
from bot.engine.normalize import STOPWORDS
from bot.engine.runs import has_any_run, stands_not_before

BACKEND = "backend"
"""The knowledge's term for "backend", "backends", "engine" (see the synonyms)."""


def weighs_a_property(words: Sequence[str]) -> bool:
    """Whether "which" is followed, within WHICH_REACH words, by a comparative other than
    "better" ("which one is easier", see COMPARATIVES), or by "better" before a word that
    is not a pick ("which has better bindings", not "which is the better choice")."""
    for at, word in enumerate(words):
        if word != "which":
            continue
        for i in range(at + 1, min(len(words), at + 1 + WHICH_REACH)):
            if words[i] == "better":
                after = words[i + 1] if i + 1 < len(words) else ""
                return bool(after) and after not in CHOICE_NOUNS and after not in STOPWORDS
            if words[i] in COMPARATIVES:
                return True
    return False


def asks_for_a_figure(words: Sequence[str]) -> bool:
    """Whether "how many" or "how much" asks for a number: not "how much harder" (COMPARATIVES)."""
    if "how" not in words:
        return False
    return any(
        first == "how" and second in FIGURE_WORDS and third not in COMPARATIVES
        for first, second, third in zip(words, words[1:], [*words[2:], ""], strict=False)
    )


def asks_how_different(words: Sequence[str], present: frozenset[str]) -> bool:
    """Whether "how" comes before "different" (see HOW_DIFFERENT); ``present`` is the set of
    ``words``."""
    how, different = HOW_DIFFERENT
    return different in present and how in words[: words.index(different)]


def picks_by_word(words: Sequence[str], present: frozenset[str]) -> bool:
    """Whether a pick word (PICK_CUES) asks for a pick: "pick", "choose", but not "pick up"
    nor a denied one ("i'm not asking you to pick"). ``present`` is the set of ``words``:
    most questions hold no pick word at all."""
    if present.isdisjoint(PICK_CUES) or not stands_not_before(words, PICK_CUES, "up"):
        return False
    return present.isdisjoint(NEGATORS) or not all_denied(words, PICK_CUES & present)


def only_backends(words: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The frameworks every mention of which is followed by "backend" (see Shape.backends)."""
    if BACKEND not in words:
        return ()
    as_backend: dict[str, bool] = {}
    for m in mentions:
        if m.kind == "framework":
            followed = m.end < len(words) and words[m.end] == BACKEND
            as_backend[m.id] = as_backend.get(m.id, True) and followed
    return tuple(fw for fw, only in as_backend.items() if only)


def purpose_of(words: Sequence[str], present: frozenset[str]) -> tuple[str, ...]:
    """The words after "for" up to a purpose noun (PURPOSE_NOUNS) at most PURPOSE_REACH
    words on, if any; ``present`` is the set of ``words``."""
    if "for" not in present or present.isdisjoint(PURPOSE_NOUNS):
        return ()
    for at, word in enumerate(words):
        if word != "for":
            continue
        for end in range(at + 1, min(len(words), at + 1 + PURPOSE_REACH)):
            if words[end] in PURPOSE_NOUNS:
                return tuple(words[at + 1 : end + 1])
    return ()


def verdict_cued(words: Sequence[str], present: frozenset[str]) -> bool:
    """Whether a verdict cue (VERDICT_CUES) is in ``words``; "best way to…" asks how to do
    something, not which is best ("best way to make a sourdough starter"), a bare "which" in
    a history question asks which came first, and a denied cue asks for no verdict ("not
    which to pick, just how they differ", see all_denied)."""
    cues = present & VERDICT_CUES
    if not cues or (cues == {"best"} and not stands_not_before(words, cues, "way")):
        return False
    if cues == {"which"} and HISTORY_TERM in present:
        return False  # "which came first, jax or tensorflow" asks about their history
    return present.isdisjoint(NEGATORS) or not all_denied(words, cues)


def all_denied(words: Sequence[str], cues: frozenset[str]) -> bool:
    """Whether every one of ``cues`` in ``words`` follows a negator (see NEGATORS), or comes
    at most NEGATED_SPAN words after a cue that does."""
    denied_until = -1
    for at, word in enumerate(words):
        if word not in cues or at <= denied_until:
            continue
        before = at - 1
        while before >= 0 and words[before] in NEGATION_GAP:
            before -= 1
        negator = words[before] if before >= 0 else ""
        if negator in NEGATORS and (negator != "no" or before < at - 1):
            denied_until = at + NEGATED_SPAN
            continue
        return False
    return True


def points_back(words: Sequence[str], compare: bool) -> bool:
    """Says "like that", "the same", "which one"… (see ANAPHORA); "which one" after a
    comparison of its own ("save(model) vs the state_dict, which one") picks between
    the two just named, not from the last answer."""
    phrases = [p for p in ANAPHORA if not (compare and p == WHICH_ONE)]
    return has_any_run(words, phrases)


def complains(words: Sequence[str]) -> bool:
    """Has a complaint word (CONS_WORDS) that is not about the member ("im bad in math")
    nor denied ("without problems")."""
    if CONS_WORDS.isdisjoint(words):
        return False
    return any(
        w in CONS_WORDS and (i == 0 or (words[i - 1] not in SELF_WORDS and words[i - 1] not in ABSENCE_WORDS))
        for i, w in enumerate(words)
    )


def asks_which_framework(words: Sequence[str]) -> bool:
    """A choice pair, read past the words that only qualify "framework" or hedge: "best deep
    learning framework" asks like "best framework", "what do people actually use" like "what
    do people use" (see CHOICE_PAIRS, FRAMEWORK_QUALIFIERS and HEDGES)."""
    if CHOICE_FIRST_WORDS.isdisjoint(words):  # most questions: no pair can start
        return False
    plain = [w for w in words if w not in FRAMEWORK_QUALIFIERS and w not in HEDGES]
    return any(pair in CHOICE_PAIRS for pair in itertools.pairwise(plain))
