"""Everyday English words: tokens the typo corrector must leave alone.

The corrector (:mod:`bot.engine.lexicon`) moves a word the knowledge has never
seen to the nearest term it has. For a real misspelling ("pytroch", "deploymnet")
that is right; for a real word the knowledge happens not to use it is wrong, and
the wrong term then steers the answer: "cloned" read as "closed", "internet" as
"interest", "expert" as "export", "recommender" as "recommended" (a cue for "which
should I pick").

The word list is pyspellchecker's English frequency dictionary (built from
subtitle and book corpora, with common misspellings removed). Its plain word-list
entries, never seen in those corpora, all carry the count 50; they include rare
words that are also common typos ("instal", "tenser"), so only words seen more
often count here.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

MIN_COUNT = 60
"""Words counted fewer times than this are not taken as English (see above)."""


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words seen at least MIN_COUNT times (loaded once per process;
    the set is immutable)."""
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return frozenset(word for word, count in counts.items() if count >= MIN_COUNT)
