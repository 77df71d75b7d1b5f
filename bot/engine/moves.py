"""How a question moves between frameworks: a model or a team going from one to another
("keras model to pytorch", "moving our team from tf to jax") and the frameworks it drops
("drop tf", "swap tf for pytorch"). :mod:`bot.engine.detect` reads a question's shape with them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.engine.cues import (
    IT_IN_PHRASES,
    IT_IN_REACH,
    MOVE_REACH,
    MOVE_WORDS,
    REMOVE_CUES,
    RULE_OUT,
    RULE_OUT_WORDS,
    SWAP_CUES,
    SWITCHING_TERM,
    TIE_WORDS,
    TO_REACH,
    TO_WORDS,
)
from bot.engine.entities import Mention


def one_to_another(words: Sequence[str], mentions: Sequence[Mention]) -> tuple[int, str] | None:
    """A framework's name, then "to"/"into" within TO_REACH words (or "it in" within
    IT_IN_REACH; no TIE_WORDS among them), then another framework's name: where the
    first name starts, and the word before the second ("to", "into" or "in")."""
    names = sorted((m.start, m.end, m.id) for m in mentions if m.kind == "framework")
    for (begin, end, first), (start, _, second) in itertools.pairwise(names):
        between = words[end:start]
        if first == second or not between or not TIE_WORDS.isdisjoint(between):
            continue
        if (between[-1] in TO_WORDS and len(between) <= TO_REACH) or (
            tuple(between[-2:]) in IT_IN_PHRASES and len(between) <= IT_IN_REACH
        ):
            return begin, between[-1]
    return None


def as_a_move(words: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...] | None:
    """``words`` with SWITCHING_TERM for a move "to" a framework with words between ("should
    i just move my stuff to pytorch"): one of MOVE_WORDS, then "to" within MOVE_REACH words,
    right before a framework's name. None when there is no such move. (The knowledge
    rewrites a plain "move to" itself.)"""
    for mention in mentions:
        at = mention.start - 1  # where "to" should stand
        if mention.kind != "framework" or at < 1 or words[at] not in TO_WORDS:
            continue
        start = max(0, at - MOVE_REACH - 1)
        verb = next((i for i in range(start, at) if words[i] in MOVE_WORDS), None)
        if verb is not None:
            return (*words[:verb], SWITCHING_TERM, *words[verb + 1 :])
    return None


def leaves_one(words: Sequence[str], port: tuple[int, str] | None) -> bool:
    """Whether the ``port`` (see one_to_another) goes "from" one framework "to" another:
    "moving our team from tf to jax" switches, "a model from pytorch into tensorflow" and
    "keras model to pytorch" convert a model."""
    if port is None:
        return False
    begin, toward = port
    return begin > 0 and words[begin - 1] == "from" and toward == "to"


def may_rule_out(words: Sequence[str]) -> bool:
    """Whether ``words`` hold a word that every phrase ruling a framework out holds (a cheap
    test before :func:`without_ruled_out` looks for names)."""
    return not RULE_OUT_WORDS.isdisjoint(words)


def without_ruled_out(words: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """``words`` without the frameworks the question rules out and the words that rule them
    out ("with tensorflow i mean, not torch", "specifically pytorch, we dont use tf"): it
    asks about the others. Only when it names another framework too, and not after "why"
    ("why not pytorch" suggests it)."""
    names = [m for m in mentions if m.kind == "framework"]
    cut: list[tuple[int, int]] = []
    for mention in names:
        for run in RULE_OUT:
            begin = mention.start - len(run)
            if begin >= 0 and tuple(words[begin : mention.start]) == run:
                if not (begin > 0 and words[begin - 1] == "why"):
                    cut.append((begin, mention.end))
                break
    ruled_out = {m.id for m in names if any(b <= m.start < e for b, e in cut)}
    if not cut or not {m.id for m in names} - ruled_out:
        return tuple(words)
    return tuple(w for i, w in enumerate(words) if not any(b <= i < e for b, e in cut))


def removed(words: Sequence[str], mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Frameworks named within two words after a remove cue ("drop tf"), and the first
    one named after a swap cue ("swap tf for pytorch", "pytorch instead of jax")."""
    names = sorted((m.start, m.id) for m in mentions if m.kind == "framework")
    removed = [ident for start, ident in names if REMOVE_CUES & set(words[max(0, start - 2) : start])]
    for at, word in enumerate(words):
        if word in SWAP_CUES:
            removed.extend([ident for start, ident in names if start > at][:1])
    return tuple(dict.fromkeys(removed))
