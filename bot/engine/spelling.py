"""Typo correction: a token the knowledge has never seen becomes the nearest *term* it has.

A letter doubled or undoubled is corrected at any length ("begginers"); otherwise the
nearest term is found by OSA edit distance (one edit from 5 letters, two from 8; a swap
of two letters counts as one edit, so "pytroch" is one edit from "pytorch"), the
commonest of those as near.
Unless it lands on a framework's name, a correction keeps the first letter
("hating" is no "eating") and, with two edits, the first half of the word
("spotting" is no "sitting", "shooting" no "choosing").
Terms are the words of names, aliases, synonyms, questions and tags, not
of answers: a correction must land on a word that means something here,
or "hate" would become "have". Four-letter words are corrected only to
framework names ("jaxx" → "jax"), and so are longer words one edit from a
four-letter one ("convs" is no "cons"). An everyday English word is corrected
only to another form of itself ("reserve" → "reserves", never "cloned" →
"closed"; see :mod:`bot.engine.english`). A word still unknown that starts with a
framework's name ("TFBertModel", "torchmetrics") is read as that name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Container, Iterable
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.normalize import STOPWORDS

MIN_CORRECTABLE = 4
"""Shorter tokens are never corrected: too many real words lie one edit apart."""
MIN_CORRECTABLE_TO_TERMS = 5
"""Four-letter tokens are corrected to framework names only."""
TWO_EDITS_FROM = 8
MIN_NAMED_SUFFIX = 4
"""An unknown word that is a framework's name and at least this many more letters
("tfbertmodel", "torchmetrics") is read as that framework's name (see lexicon._identifier_prefixes)."""
MAX_IDENTIFIER = 48
"""Longer "words" are keyboard mash, not identifiers ("tftftftf…" names nothing)."""
_DOUBLED = re.compile(r"([a-z])\1")


ENDINGS = frozenset(
    {"", *"e s es ed d ing ly y ies ied ion ions ent ency ence ance ant ment ments ity".split()}
)
"""Endings that make another form of the same word: "reserve" and "reserves",
"efficient" and "efficiency"."""
AGENT_ENDING = "er"
"""Taken off a bare word only: "quicker" is "quick", but "recommender" is no "recommended"."""


def undoubled(word: str) -> str:
    """``word`` with each doubled letter written once: "beginners" and "begginers" are both "beginers"."""
    return _DOUBLED.sub(r"\1", word)


def same_word(word: str, term: str) -> bool:
    """Whether ``word`` and ``term`` are forms of one word: a shared start of at least
    MIN_CORRECTABLE letters, then only endings."""
    shared = 0
    for a, b in zip(word, term, strict=False):
        if a != b:
            break
        shared += 1
    for cut in range(shared, MIN_CORRECTABLE - 1, -1):
        ends = {word[cut:], term[cut:]}
        if ends <= ENDINGS or (ends <= {AGENT_ENDING, "", "e"} and AGENT_ENDING in ends):
            return True
    return False


def max_edits(word: str) -> int:
    """How many edits a token of this length may be away from a known word."""
    if len(word) < MIN_CORRECTABLE:
        return 0
    return 2 if len(word) >= TWO_EDITS_FROM else 1


class Speller:
    """Corrects the tokens of questions for one knowledge base; built with the lexicon.

    Afterwards only read (the correction memo and the undoubled index are private caches
    whose contents do not change any answer).
    """

    def __init__(
        self,
        vocabulary: frozenset[str],
        terms: Counter[str],
        names: Iterable[str],
        prefixes: Iterable[str] = (),
        english: Container[str] = frozenset(),
    ):
        """``vocabulary``: every word the knowledge uses, left as it is; ``terms``: the words
        a typo may become, with their counts; ``english`` words are never taken for typos,
        even where the knowledge does not use them ("cloned" is no "closed"; see
        :mod:`bot.engine.english`)."""
        self._vocabulary = vocabulary
        self._english = english
        self._terms_by_length = self._by_length(terms)
        self._term_counts = MappingProxyType(dict(terms))
        by_initial: dict[tuple[int, str], list[str]] = {}
        for length, group in self._terms_by_length.items():
            for term in group:  # keeps the frequency order of _by_length
                by_initial.setdefault((length, term[0]), []).append(term)
        self._terms_by_length_and_initial = {key: tuple(group) for key, group in by_initial.items()}
        self._names = tuple(sorted(frozenset(names)))
        self._prefixes = tuple(sorted(frozenset(prefixes), key=lambda p: (-len(p), p)))
        self._memo: dict[str, str | None] = {}

    @staticmethod
    def _by_length(words: Counter[str]) -> dict[int, tuple[str, ...]]:
        by_length: dict[int, list[str]] = {}
        # Most frequent first, then alphabetical: ties go to the common word.
        for word, _count in sorted(words.items(), key=lambda item: (-item[1], item[0])):
            if word.isalpha() and word not in STOPWORDS:
                by_length.setdefault(len(word), []).append(word)
        return {n: tuple(group) for n, group in by_length.items()}

    def correct(self, word: str) -> str | None:
        """``word`` itself if known, its nearest known word, or ``None``."""
        if word in self._vocabulary or word in STOPWORDS:  # "doing" is not a typo of "dying"
            return word
        if word in self._memo:
            return self._memo[word]
        best = self._doubling_fixed(word) or self._nearest(word) or self._named_by_prefix(word)
        if best is not None and word in self._english and not same_word(word, best):
            best = None  # "cloned" is no typo of "closed", but "reserve" may be "reserves"
        if len(self._memo) < 50_000:
            self._memo[word] = best
        return best

    def _doubling_fixed(self, word: str) -> str | None:
        """The term ``word`` is with a letter doubled or undoubled ("begginers", "begining":
        "beginners"), the commonest slip in spelling, however many letters it takes."""
        if len(word) < MIN_CORRECTABLE_TO_TERMS or not word.isalpha():
            return None
        return self._by_undoubled.get(undoubled(word))

    @functools.cached_property
    def _by_undoubled(self) -> dict[str, str]:
        """Each term by its letters undoubled, built when a word is first unknown: not at
        every knowledge load."""
        by_undoubled: dict[str, str] = {}
        for group in self._terms_by_length.values():
            for term in group:  # most frequent first: it keeps the spelling
                by_undoubled.setdefault(undoubled(term), term)
        return by_undoubled

    def _named_by_prefix(self, word: str) -> str | None:
        """The framework name an unknown identifier starts with: "TFBertModel" is TensorFlow's."""
        if len(word) > MAX_IDENTIFIER:
            return None
        for prefix in self._prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= MIN_NAMED_SUFFIX:
                return prefix
        return None

    def _nearest(self, word: str) -> str | None:
        edits = max_edits(word)
        if edits == 0 or not word.isalpha():
            return None
        if len(word) < MIN_CORRECTABLE_TO_TERMS:
            found = process.extractOne(word, self._names, scorer=OSA.distance, score_cutoff=1)
            return found[0] if found is not None else None
        # A framework name one edit away needs no same first letter ("yptorch"); searched once.
        name = process.extractOne(word, self._names, scorer=OSA.distance, score_cutoff=1)
        best: tuple[int, int, str] | None = None  # (edits, -count, term): fewest edits, then commonest
        # Never to a word shorter than those corrected ("convs" is no "cons", "prose" no "pros").
        for length in range(max(len(word) - edits, MIN_CORRECTABLE_TO_TERMS), len(word) + edits + 1):
            if not self._terms_by_length.get(length):
                continue
            found = self._one_edit_from(word, length) or name
            if found is None and edits > 1:
                found = self._two_edits_from(word, length)
            if found is not None:
                ranked = (int(found[1]), -self._term_counts.get(found[0], 0), found[0])
                best = ranked if best is None else min(best, ranked)
        return best[2] if best is not None else None

    def _one_edit_from(self, word: str, length: int) -> tuple[str, int, int] | None:
        """The most frequent term of ``length`` letters one edit from ``word`` with the same
        first letter: people rarely mistype the first letter, and "hating" is no "eating",
        nor "sensor" "tensor"."""
        same_initial = self._terms_by_length_and_initial.get((length, word[0]), ())
        return process.extractOne(word, same_initial, scorer=OSA.distance, score_cutoff=1)

    def _two_edits_from(self, word: str, length: int) -> tuple[str, int, int] | None:
        """The most frequent term of ``length`` letters two edits from ``word`` that keeps at
        least its first half, or any framework name two edits away: "benchmarked" is
        "benchmark", but "spotting" is no "sitting" and "negative" no "native"."""
        same_initial = self._terms_by_length_and_initial.get((length, word[0]), ())
        kept = len(word) // 2
        found = process.extract(word, same_initial, scorer=OSA.distance, score_cutoff=2, limit=None)
        for candidate in sorted(found, key=lambda item: (item[1], item[2])):
            if candidate[0][:kept] == word[:kept] or candidate[0] in self._names:
                return candidate
        return None
