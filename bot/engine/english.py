"""Everyday English words: tokens the typo corrector must leave alone.

The corrector (:mod:`bot.engine.lexicon`) moves a word the knowledge has never
seen to the nearest term it has. For a real misspelling ("pytroch", "deploymnet")
that is right; for a real word the knowledge happens not to use it is wrong, and
the wrong term then steers the answer: "cloned" read as "closed", "internet" as
"interest", "expert" as "export", "recommender" as "recommended" (a cue for "which
should I pick").

The list ships as plain text, one word a line; ``bench/english_words.py`` makes it
from a frequency dictionary and says which words it keeps.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

WORDS_FILE = "english-words.txt"


@cache
def english_words() -> frozenset[str]:
    """The shipped word list (read once per process; the set is immutable)."""
    text = resources.files("bot.engine").joinpath("data", WORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))
