"""Topics the maintainers decline: near misses the knowledge must not answer.

A question about fixing "CUDA out of memory" shares "cuda", "memory" and
"pytorch" with several FAQ entries, and the best of them can score well
enough to be answered. The maintainers list such topics (``declines`` in the
knowledge, each with the ways members phrase it); when a question matches a
declined topic better than any FAQ entry, the FAQ reading loses its confidence.

Topics are scored like FAQ entries (:mod:`bot.engine.rank`: question coverage
blended with phrasing coverage), so the two scores compare. A word weighs by
how rare it is among the FAQ entries and the declined topics together: "backprop"
(one topic) counts for a lot, "give" (a dozen phrasings) for little.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.engine.lexicon import Lexicon
from bot.engine.rank import (
    CONCEPT_PREFIX,
    CONCEPT_WEIGHT,
    PAIR_BONUS,
    QUESTION_SHARE,
    SHORTLIST,
    FaqIndex,
    ScaledPhrasings,
    pair_bonus,
)
from bot.engine.runs import has_run
from bot.knowledge import Decline

IDF_MEMO_SIZE = 50_000
MOST_FROM_PHRASING = (1 - QUESTION_SHARE) + 2 * PAIR_BONUS
"""The most phrasing coverage and word pairs can add to a topic's score."""


@dataclass(frozen=True, slots=True)
class DeclineMatch:
    topic: Decline
    score: float
    matched: tuple[str, ...]


class DeclineIndex:
    """The declined topics of one knowledge base, analysed like its FAQ entries."""

    def __init__(
        self,
        topics: Sequence[Decline],
        lexicon: Lexicon,
        faq_index: FaqIndex,
        expand: Callable[[Sequence[str]], list[str]] = list,
    ) -> None:
        """Index ``topics``; ``expand`` adds features to analysed tokens, as for the FAQ index."""
        self.topics = tuple(topics)
        self._faq_index = faq_index
        self._idf_memo: dict[str, float] = {}
        contents: list[list[frozenset[str]]] = []
        pairs: list[frozenset[tuple[str, str]]] = []
        self._exact: dict[tuple[str, ...], Decline] = {}
        self._by_name: dict[tuple[str, ...], Decline] = {}
        for topic in self.topics:
            for name in topic.names:
                if name_words := tuple(lexicon.analyse_known(name)):
                    self._by_name.setdefault(name_words, topic)
            plain = [lexicon.analyse_known(text) for text in (topic.topic, *topic.phrasings)]
            for phrasing in plain:
                self._exact.setdefault(phrasing, topic)
            analysed = [expand(words) for words in plain]
            contents.append([p for p in map(faq_index.content, analysed) if p])
            pairs.append(frozenset().union(*map(faq_index.word_pairs, analysed)))
        self._name_starts = frozenset(name[0] for name in self._by_name)
        self._pairs = tuple(pairs)
        self._words = tuple(frozenset().union(*phrasings) for phrasings in contents)
        self._postings: dict[str, list[int]] = {}
        for index, words in enumerate(self._words):
            for word in words:
                self._postings.setdefault(word, []).append(index)
        self._documents = len(faq_index.entries) + len(self.topics)
        # Each phrasing with its coverage scale, as for FAQ entries; weights need the postings above.
        self._phrasings = tuple(ScaledPhrasings.weighed(phrasings, self.idf) for phrasings in contents)

    def named(self, words: Sequence[str]) -> Decline | None:
        """The topic one of whose names (``names`` in the knowledge) stands in these analysed
        words, if any: "how do i install mxnet with cuda 12" is about MXNet."""
        if self._name_starts.isdisjoint(words):  # most questions name nothing declined
            return None
        for name, topic in self._by_name.items():
            if has_run(words, name):
                return topic
        return None

    def exact(self, words: Sequence[str]) -> Decline | None:
        """The topic one of whose phrasings is exactly these analysed words, if any."""
        return self._exact.get(tuple(words))

    def idf(self, word: str) -> float:
        """A word's weight among the FAQ entries and declined topics together: a word many
        topics use ("give", "work") says little about which one a question is."""
        weight = self._idf_memo.get(word)
        if weight is None:
            count = self._faq_index.entries_using(word) + len(self._postings.get(word, ()))
            weight = math.log(1.0 + (self._documents + 1) / (count + 0.5))
            if word.startswith(CONCEPT_PREFIX):
                weight *= CONCEPT_WEIGHT
            if len(self._idf_memo) < IDF_MEMO_SIZE:
                self._idf_memo[word] = weight
        return weight

    def best(self, words: Sequence[str], floor: float = 0.0) -> DeclineMatch | None:
        """The declined topic that best fits a question's analysed tokens, if one scores at
        least ``floor`` (and shares a word with it).

        Like the FAQ ranking: question coverage for every topic from the postings, then
        phrasing coverage for the SHORTLIST topics that cover most. A topic whose
        question coverage alone cannot reach the floor (or the best so far) is skipped.
        """
        query = self._faq_index.content(words)
        if not query or not self.topics:
            return None
        # In sorted order: the sums below then do not depend on the hash seed (see FaqIndex.rank).
        weights = {w: self.idf(w) for w in sorted(query)}
        total = sum(weights.values())
        covered: dict[int, float] = {}
        for word, weight in weights.items():
            for index in self._postings.get(word, ()):
                covered[index] = covered.get(index, 0.0) + weight
        pairs = self._faq_index.word_pairs(words)
        best: DeclineMatch | None = None
        for index in heapq.nlargest(SHORTLIST, covered, key=covered.__getitem__):
            from_question = QUESTION_SHARE * covered[index] / total
            if from_question + MOST_FROM_PHRASING < max(floor, best.score if best else 0.0):
                break  # the shortlist is in falling coverage order: no later topic can do better
            best_phrasing = self._phrasings[index].coverage(query, weights.__getitem__)
            score = from_question + (1 - QUESTION_SHARE) * best_phrasing
            score += pair_bonus(pairs, self._pairs[index])
            if score >= floor and (best is None or score > best.score):
                best = DeclineMatch(self.topics[index], score, tuple(sorted(query & self._words[index])))
        return best
