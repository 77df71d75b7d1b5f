"""What a question says right beside a framework's name: "wrong with | tensorflow",
"jax | any good", "what can't | keras | do well", "pytorch | or | jax".

Spans are (start, end) token positions where a framework is named (or "it" stands for
the one named); :mod:`bot.engine.detect` reads a question's praise, faults and "or"
comparisons from the phrases that touch them, and whether an "or" compares at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.engine.cues import (
    COMPARE_CUES,
    DENIALS,
    HEDGES,
    OR_ASKS_WHETHER,
    OR_WORDS,
    PHRASE_HEDGES,
    PRAISE_PHRASES,
    PRONOUN,
)
from bot.engine.entities import Mention
from bot.engine.runs import has_any_run

THAN = "than"
"""The word by which a question sets one framework against another without a comparison cue."""


def said_of_a_framework(
    words: Sequence[str],
    spans: Iterable[tuple[int, int]],
    before: Sequence[tuple[str, ...]] = (),
    after: Sequence[tuple[str, ...]] = (),
) -> bool:
    """Whether one of the phrases ``before`` ends right where one of the ``spans`` (where a
    framework is named) starts, or one of ``after`` starts right where it ends ("wrong
    with | tensorflow", "jax | any good"): said of the framework, not of anything else
    ("wrong with my model"). A hedge may stand before ``after`` ("does tf genuinely do well")."""
    for start, end in spans:
        if any(tuple(words[max(0, start - len(p)) : start]) == p for p in before):
            return True
        while end < len(words) and words[end] in PHRASE_HEDGES:
            end += 1
        if any(tuple(words[end : end + len(p)]) == p for p in after):
            return True
    return False


def praise_denied(words: Sequence[str], spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a praise said of a framework is denied (see DENIALS): "what can't | keras |
    do well", "what does | jax | not do well"."""
    denied: list[tuple[int, int]] = []  # the spans that take in a denial
    for start, end in spans:
        if end < len(words) and words[end] in DENIALS:
            denied.append((start, end + 1))  # "jax not | do well"
        elif start > 0 and words[start - 1] in DENIALS:
            denied.append((start, end))  # "can't | keras | do well"
    return bool(denied) and said_of_a_framework(words, denied, after=PRAISE_PHRASES)


def name_spans(mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions if m.kind == "framework"]


def spans_judged(words: Sequence[str], mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Where a judgement of a framework may attach: its name, or a later "it" when only
    one framework is named ("i like torch, what's wrong with it"); each span also
    takes the hedges right after it ("does keras | really | do well")."""
    names = [m for m in mentions if m.kind == "framework"]
    spans = name_spans(names)
    if len({m.id for m in names}) == 1:
        spans += [(i, i + 1) for i, word in enumerate(words) if word == PRONOUN and i >= names[0].end]
    hedged = []
    for start, end in spans:
        while end < len(words) and words[end] in HEDGES:
            end += 1
        hedged.append((start, end))
    return hedged


COMPARE_CUE_RUNS = tuple((cue,) for cue in sorted(COMPARE_CUES))
PLAIN_QUALIFIERS = frozenset({"just", "plain", "pure", "raw", "vanilla", "straight"})
"""Words before a name that only say the framework is taken as it is ("tf's low level api or
just keras"): the name's span takes them in, as a judged span takes the hedges after it."""


def or_joins_frameworks(words: Sequence[str], mentions: Sequence[Mention]) -> bool:
    """Whether a comparison cue sits right next to a framework name ("pytorch or jax", "…or
    just keras")."""
    spans = []
    for start, end in name_spans(mentions):
        while start > 0 and words[start - 1] in PLAIN_QUALIFIERS:
            start -= 1
        spans.append((start, end))
    return said_of_a_framework(words, spans, before=COMPARE_CUE_RUNS, after=COMPARE_CUE_RUNS)


def or_asks_whether(words: Sequence[str], raw: Sequence[str], mentions: Sequence[Mention]) -> bool:
    """Whether an "or" opens the other half of one yes-or-no question (see OR_ASKS_WHETHER),
    with a framework on each side of it ("can i keep pytorch or do i have to learn jax",
    "tensorboard with pytorch, or is it a tf only thing"), or as the only "or" of a question
    that sets no framework against another by "than" ("do labs still do research in tf, or
    is it legacy now"; not "is keras easier than pytorch, or is that a myth")."""
    if not has_any_run(raw, OR_ASKS_WHETHER):
        return False
    cues = [i for i, word in enumerate(words) if word in COMPARE_CUES]
    at = cues[-1]
    starts = [m.start for m in mentions if m.kind == "framework"]
    if len(cues) == 1 and THAN not in raw:
        return True
    return any(start < at for start in starts) and any(start > at for start in starts)


def only_or_compares(words: Sequence[str], raw: Sequence[str]) -> bool:
    """Whether every comparison cue in ``words`` was a plain "or" in ``raw`` (see OR_WORDS; the
    knowledge rewrites them to "compare")."""
    cues = sum(1 for w in words if w in COMPARE_CUES)
    return 0 < cues <= sum(1 for w in raw if w in OR_WORDS)
