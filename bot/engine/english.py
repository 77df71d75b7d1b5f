"""Everyday English words: tokens the typo corrector must leave alone.

The corrector (:mod:`bot.engine.lexicon`) moves a word the knowledge has never
seen to the nearest term it has. For a real misspelling ("pytroch", "deploymnet")
that is right; for a real word the knowledge happens not to use it is wrong, and
the wrong term then steers the answer: "cloned" read as "closed", "internet" as
"interest", "expert" as "export", "recommender" as "recommended" (a cue for "which
should I pick").

The word list is pyspellchecker's English frequency dictionary (built from
subtitle and book corpora, with common misspellings removed), cut to words seen
often enough that a rare typo which happens to be a word does not slip in.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

MIN_COUNT = 50
"""Words seen fewer times than this in the dictionary's corpus are not taken as English."""


@cache
def english_words(min_count: int = MIN_COUNT) -> frozenset[str]:
    """Lower-case English words seen at least ``min_count`` times (loaded once per process;
    the set is immutable)."""
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return frozenset(word for word, count in counts.items() if count >= min_count)
