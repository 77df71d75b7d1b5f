"""Ranking FAQ entries for a question: IDF-weighted coverage on both sides.

Plain string scorers fail on members' questions (ARCHITECTURE.md, "Matching"):
``WRatio`` gives ~85 to any pair sharing "what is". Here a question and each
entry are compared as sets of analysed tokens, each token weighted by how rare
it is across the entries (IDF), so "tpu" counts and "framework" barely does:

- *question coverage*: how much of the question's weight the entry explains
  (its phrasings and tags fully, its answer text partly);
- *phrasing coverage*: how much of the entry's best phrasing the question covers.

The score blends the two; words the knowledge has never seen carry the highest
weight, so a question that is mostly about something else scores low.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.engine.cues import ALL_CUES, FRAMING_WORDS, GENERIC_WORDS, VAGUE_WORDS
from bot.engine.lexicon import Lexicon
from bot.engine.normalize import STOPWORDS, stem
from bot.knowledge import FaqEntry

ANSWER_WEIGHT = 0.65
"""A word that appears only in an entry's answer counts this much."""
QUESTION_SHARE = 0.6
"""Weight of question coverage in the blended score (phrasing coverage: the rest)."""
SHORTLIST = 12
"""Entries scored on phrasing coverage after the question-coverage pass."""
FULL_PHRASING_WEIGHT = 3.0
"""A phrasing lighter than this (one common word, say) earns only partial credit
for being covered: "is tfjs still a thing" must not match every TF question."""
WHOLE_PHRASING = 0.9
"""A question that covers this much of one of an entry's phrasings asks that entry's
question, whatever frameworks it names ("from tensorflow import keras vs import keras")
and however close another entry is in meaning ("does pytorch support apple silicon gpus")."""
FRAMEWORK_BONUS = 0.05
"""Added when an entry is about a framework the question names."""
ASPECT_BONUS = 0.05
"""Added when an entry relates to an aspect the question names."""
STEM_MEMO_SIZE = 200_000
EXPANSION_RATIO = 4
"""See :meth:`FaqIndex._accumulate`."""
MIN_CANDIDATES = 64
"""See :meth:`FaqIndex._accumulate`."""
CONCEPT_PREFIX = "@"
CONCEPT_WEIGHT = 0.5
"""Concept tokens (``@mobile-edge``) echo words already counted; they count half."""
PAIR_BONUS = 0.06
"""Added per pair of adjacent words shared with a phrasing ("torch compile"), at most twice."""


GENERIC_ERRORS = frozenset(
    """
    exception error errors traceback cannot importerror modulenotfounderror attributeerror
    runtimeerror valueerror typeerror keyerror indexerror nameerror oserror assertionerror
    notimplementederror filenotfounderror permissionerror
    """.split()
)
"""Python's own exception names and the words around them in a pasted error: they say
that something failed, not what. (A library's own, like "unpicklingerror", do say what.)"""

NOT_EVIDENCE = frozenset(stem(w) for w in ALL_CUES | GENERIC_WORDS)
"""Matched words (stemmed, as in :attr:`Ranked.matched`) that say nothing about which FAQ
entry is meant: cues ("vs", "downsides") and generic words."""


def plain_words(words: Iterable[str]) -> frozenset[str]:
    """``words`` without the concept tokens (``@mobile-edge``) ranking adds to them."""
    return frozenset(w for w in words if not w.startswith(CONCEPT_PREFIX))


def coverage_scale(weight: float) -> float:
    """Turns a phrasing's covered weight into its score: the covered share, discounted
    for a light phrasing (see FULL_PHRASING_WEIGHT)."""
    return min(1.0, weight / FULL_PHRASING_WEIGHT) / weight


class ScaledPhrasings:
    """One entry's phrasings (content words), each with its coverage scale (see
    coverage_scale), indexed by word: a question shares words with a few of an entry's
    phrasings, and only those are summed."""

    __slots__ = ("_scales", "_using", "_words")

    def __init__(self, phrasings: Iterable[tuple[frozenset[str], float]]):
        scales: list[float] = []
        using: dict[str, list[int]] = {}
        for index, (words, scale) in enumerate(phrasings):
            scales.append(scale)
            for word in words:
                using.setdefault(word, []).append(index)
        self._scales = tuple(scales)
        self._using = {word: tuple(indexes) for word, indexes in using.items()}
        self._words = frozenset(using)

    @classmethod
    def weighed(
        cls, phrasings: Iterable[frozenset[str]], weight_of: Callable[[str], float]
    ) -> ScaledPhrasings:
        """``phrasings`` scaled by their whole weight under ``weight_of``, summed exactly
        (fsum) so that the scale does not depend on the hash seed's set order."""
        return cls((p, coverage_scale(math.fsum(map(weight_of, p)))) for p in phrasings)

    def coverage(self, query: frozenset[str], weight_of: Callable[[str], float]) -> float:
        """How well the question covers the best of these phrasings (0 when it shares no word)."""
        covered: dict[int, float] = {}
        # Summed in sorted word order, so the sums do not depend on the hash seed (see
        # FaqIndex.rank).
        for word in sorted(query & self._words):
            weight = weight_of(word)
            for index in self._using[word]:
                covered[index] = covered.get(index, 0.0) + weight
        scales = self._scales
        return max((weight * scales[i] for i, weight in covered.items()), default=0.0)


def pair_bonus(query_pairs: frozenset[tuple[str, str]], pairs: frozenset[tuple[str, str]]) -> float:
    """PAIR_BONUS per pair of adjacent words shared, at most twice."""
    return PAIR_BONUS * min(2, len(query_pairs & pairs))


@dataclass(frozen=True, slots=True)
class Ranked:
    entry: FaqEntry
    score: float
    matched: tuple[str, ...]
    """The question's words the entry uses anywhere (stemmed, as ranked)."""
    named: frozenset[str]
    """Those of them in the entry's phrasings or tags, not only in its answer."""
    question_coverage: float
    phrasing_coverage: float


class FaqIndex:
    """Precomputed postings and weights over the FAQ entries of one knowledge base."""

    def __init__(
        self,
        entries: Sequence[FaqEntry],
        lexicon: Lexicon,
        expand: Callable[[Sequence[str]], list[str]] = list,
        ignore: Iterable[str] = (),
    ):
        """Index ``entries``; ``expand`` adds features to analysed tokens (both sides alike)."""
        self.entries = tuple(entries)
        ignored = (STOPWORDS, GENERIC_WORDS, FRAMING_WORDS, VAGUE_WORDS, GENERIC_ERRORS, frozenset(ignore))
        self._ignore = frozenset().union(*ignored)
        self._stems: dict[str, str] = {}  # a memo: stemming is pure, and hot at build time
        strong: list[frozenset[str]] = []
        weak: list[frozenset[str]] = []
        phrasings_of: list[tuple[frozenset[str], ...]] = []
        self._exact: dict[tuple[str, ...], FaqEntry] = {}
        pairs: list[frozenset[tuple[str, str]]] = []
        for entry in self.entries:
            plain = [tuple(lexicon.analyse_known(text)) for text in (entry.question, *entry.alternates)]
            for phrasing in plain:
                self._exact.setdefault(phrasing, entry)  # the first entry to use a phrasing keeps it
            analysed = [expand(phrasing) for phrasing in plain]
            phrasings = tuple(self._content(words) for words in analysed)
            pairs.append(frozenset().union(*(self.word_pairs(words) for words in analysed)))
            labels = self._content(
                expand(
                    lexicon.analyse_known(
                        " ".join((*entry.tags, entry.id.replace("-", " "), *entry.frameworks))
                    )
                )
            )
            strong_words = frozenset().union(*phrasings, labels)
            strong.append(strong_words)
            weak.append(self._content(lexicon.analyse_known(entry.answer)) - strong_words)
            phrasings_of.append(tuple(p for p in phrasings if p))
        df: dict[str, int] = {}
        for words in (*strong, *weak):
            for word in words:
                df[word] = df.get(word, 0) + 1
        n = max(len(self.entries), 1)
        self._idf = {w: math.log(1.0 + (n + 1) / (count + 0.5)) for w, count in df.items()}
        self.unknown_idf = math.log(1.0 + (n + 1) / 0.5)
        postings: dict[str, list[tuple[int, float]]] = {}
        for index, (s, w) in enumerate(zip(strong, weak, strict=True)):
            for word in s:
                postings.setdefault(word, []).append((index, 1.0))
            for word in w:
                postings.setdefault(word, []).append((index, ANSWER_WEIGHT))
        self._postings = {w: dict(p) for w, p in postings.items()}
        self._words = tuple(s | w for s, w in zip(strong, weak, strict=True))
        self._strong = tuple(strong)
        self._phrasings = tuple(ScaledPhrasings.weighed(phrasings, self.idf) for phrasings in phrasings_of)
        self._about = tuple(frozenset(e.frameworks) for e in self.entries)
        self._pairs = tuple(pairs)
        self._aspects = tuple(frozenset(e.aspects) for e in self.entries)

    def _content(self, words: Iterable[str]) -> frozenset[str]:
        return frozenset(self._stem(w) for w in words if w not in self._ignore)

    def word_pairs(self, words: Iterable[str]) -> frozenset[tuple[str, str]]:
        """Adjacent content words, in order: evidence that word order also agrees."""
        return frozenset(itertools.pairwise(self._stem(w) for w in words if w not in self._ignore))

    def _stem(self, word: str) -> str:
        stemmed = self._stems.get(word)
        if stemmed is None:
            stemmed = stem(word)
            if len(self._stems) < STEM_MEMO_SIZE:
                self._stems[word] = stemmed
        return stemmed

    def _accumulate(self, weights: dict[str, float]) -> dict[int, float]:
        """Question coverage per entry, rarest words first.

        A common word's postings are walked only while they are not much longer
        than the candidates found so far (or fewer than MIN_CANDIDATES are
        found); after that it only adds to those candidates. An entry that shares
        nothing but common words with the question could not rank near the top,
        and this keeps a question cheap at 10 000 entries, where "pytorch"
        appears in thousands of them. The floor keeps one stray rare word ("sees")
        from deciding the candidates alone.
        """
        covered: dict[int, float] = {}
        for word in sorted(weights, key=lambda w: (len(self._postings.get(w, ())), w)):
            postings = self._postings.get(word)
            if not postings:
                continue
            weight = weights[word]
            if len(covered) < MIN_CANDIDATES or len(postings) <= EXPANSION_RATIO * len(covered):
                for index, share in postings.items():
                    covered[index] = covered.get(index, 0.0) + weight * share
            else:
                for index in covered:
                    found = postings.get(index)
                    if found is not None:
                        covered[index] += weight * found
        return covered

    def exact(self, words: Sequence[str]) -> FaqEntry | None:
        """The entry one of whose phrasings is exactly these analysed words, if any."""
        return self._exact.get(tuple(words))

    def idf(self, word: str) -> float:
        weight = self._idf.get(word, self.unknown_idf)
        return weight * CONCEPT_WEIGHT if word.startswith(CONCEPT_PREFIX) else weight

    def entries_using(self, word: str) -> int:
        """How many entries use ``word`` (analysed and stemmed), in any of their texts."""
        return len(self._postings.get(word, ()))

    def unknown_share(self, words: Iterable[str], known: Iterable[str] = ()) -> float:
        """The share of a question's weight on words no entry uses at all (0 for no words);
        ``known`` words count as used (a use case's alias, "stm32", names something the
        knowledge knows even when no entry spells it)."""
        weights = {w: self.idf(w) for w in plain_words(self._content(words))}
        total = math.fsum(weights.values())
        also_known = self._content(known)
        unknown = math.fsum(
            w for word, w in weights.items() if word not in self._idf and word not in also_known
        )
        return unknown / total if total else 0.0

    def content(self, words: Iterable[str]) -> frozenset[str]:
        """The words of a question that count for ranking."""
        return self._content(words)

    def rank(
        self,
        words: Iterable[str],
        limit: int = 5,
        frameworks: Iterable[str] = (),
        aspects: Iterable[str] = (),
    ) -> list[Ranked]:
        """The best entries for a question's analysed tokens, best first.

        ``frameworks`` and ``aspects`` are what the question names; entries about
        them get a small bonus.
        """
        named_frameworks = frozenset(frameworks)
        named_aspects = frozenset(aspects)
        words = list(words)
        query = self._content(words)
        query_pairs = self.word_pairs(words)
        if not query:
            return []
        # Sets iterate in an order that changes with Python's hash seed, and a plain float
        # sum depends on the order: fsum (exact, then rounded) gives every process the same
        # scores, so a question that ties to the last bit gets the same answer after a restart.
        weights = {w: self.idf(w) for w in query}
        weight_of = weights.__getitem__
        total = math.fsum(weights.values())
        covered = self._accumulate(weights)
        if not covered:
            return []
        # (-score, entry id, index, phrasing coverage): sorted, the best first and ties by id;
        # a Ranked (with its matched words) is built only for the entries returned.
        scored: list[tuple[float, str, int, float]] = []
        for index in heapq.nlargest(max(SHORTLIST, limit), covered, key=covered.__getitem__):
            best_phrasing = self._phrasings[index].coverage(query, weight_of)
            score = QUESTION_SHARE * covered[index] / total + (1 - QUESTION_SHARE) * best_phrasing
            if named_frameworks & self._about[index]:
                score += FRAMEWORK_BONUS
            elif not named_frameworks and self._about[index]:
                score -= FRAMEWORK_BONUS  # a general question: entries about one framework fit it less
            if named_aspects & self._aspects[index]:
                score += ASPECT_BONUS
            score += pair_bonus(query_pairs, self._pairs[index])
            scored.append((-max(score, 0.0), self.entries[index].id, index, best_phrasing))
        scored.sort()
        return [
            Ranked(
                self.entries[index],
                -negated,
                tuple(sorted(query & self._words[index])),
                query & self._strong[index],
                covered[index] / total,
                best_phrasing,
            )
            for negated, _, index, best_phrasing in scored[:limit]
        ]
