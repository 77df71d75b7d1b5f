"""Finding short phrases ("runs" of words) in a question's analysed tokens.

Cues are mostly single words, but many are phrases ("go with", "the same", "or do i");
these helpers look for them where their first word stands, which keeps the scans
cheap on a question's hot path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def opens_with(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``words`` begin with ``phrase``."""
    return tuple(words[: len(phrase)]) == phrase


def has_run(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` stands in ``words``; compared only where its first word is."""
    size = len(phrase)
    at = -1
    try:
        while True:
            at = words.index(phrase[0], at + 1)
            if tuple(words[at : at + size]) == phrase:
                return True
    except ValueError:  # no further place where the phrase could start
        return False


def has_any_run(
    words: Sequence[str], phrases: Iterable[tuple[str, ...]], present: frozenset[str] | None = None
) -> bool:
    """Whether ``words`` hold any of ``phrases`` as a run. ``present`` (the set of ``words``)
    skips at once every phrase whose first word is absent: most are, and the scan is on
    every question's path."""
    present = frozenset(words) if present is None else present
    return any(phrase[0] in present and has_run(words, phrase) for phrase in phrases)


def stands_not_before(words: Sequence[str], cues: frozenset[str], follower: str) -> bool:
    """Whether one of ``cues`` stands in ``words`` other than right before ``follower``
    ("pick" but not "pick up", "best" but not "best way")."""
    return any(word in cues and follower not in words[at + 1 : at + 2] for at, word in enumerate(words))
