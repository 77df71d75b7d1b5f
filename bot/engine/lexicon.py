"""The knowledge's own vocabulary: typo correction and phrase rewriting.

A question is analysed in three steps, and every phrasing in the index goes
through the same ones so that both sides meet in the same form:

1. normalise and split into tokens (:mod:`bot.engine.normalize`), leaving out
   file paths pasted with a traceback;
2. correct tokens the knowledge has never seen to the nearest term it has
   (:mod:`bot.engine.spelling`): the words of names, aliases, synonyms,
   questions and tags, not of answers;
3. rewrite phrases, longest first: a synonym variant becomes its canonical
   term ("deploying" → "deployment") and a framework alias becomes its id
   ("tf" → "tensorflow").
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from bot.engine.cues import PHRASE_HEDGES
from bot.engine.normalize import tokens, without_file_paths
from bot.engine.spelling import Speller
from bot.knowledge import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Analysis:
    """A question after analysis: its raw tokens, corrections and final tokens."""

    raw: tuple[str, ...]
    corrected: Mapping[str, str]
    tokens: tuple[str, ...]


class Lexicon:
    """Vocabulary, typo corrector (see spelling.py) and phrase rewriter for one knowledge base.

    Built once per knowledge load; afterwards only read.
    """

    def __init__(
        self,
        rewrites: Mapping[tuple[str, ...], tuple[str, ...]],
        vocabulary: Counter[str],
        terms: Counter[str],
        names: Iterable[str],
        prefixes: Iterable[str] = (),
        english: Container[str] = frozenset(),
    ):
        """``english`` words are never taken for typos, even where the knowledge does not use
        them ("cloned" is no "closed"; see :mod:`bot.engine.english`)."""
        self._rewrites = MappingProxyType(dict(rewrites))
        self._sizes = sizes_by_first_word(rewrites)
        self._source_words = frozenset(word for source in rewrites for word in source)
        self.vocabulary = frozenset(vocabulary) | frozenset(terms)
        self._speller = Speller(self.vocabulary, terms, names, prefixes, english)

    @classmethod
    def from_knowledge(
        cls, kb: KnowledgeBase, extra_text: Iterable[str] = (), english: Container[str] = frozenset()
    ) -> Lexicon:
        rewrites: dict[tuple[str, ...], tuple[str, ...]] = {}
        for variant, term in kb.synonyms.items():
            source, target = tuple(tokens(variant)), tuple(tokens(term))
            if source and target and not _within(source, target):
                rewrites.setdefault(source, target)
        for fw in kb.frameworks.values():
            for name in (fw.name, *fw.aliases):
                source = tuple(tokens(name))
                if source and source != (fw.id,):
                    rewrites[source] = (fw.id,)  # a framework name beats a synonym
        vocabulary: Counter[str] = Counter()
        for text in _knowledge_text(kb):
            vocabulary.update(tokens(text))
        terms: Counter[str] = Counter()
        for text in (*_term_text(kb), *extra_text):
            terms.update(tokens(text))
        for source, target in rewrites.items():
            terms.update(source)
            terms.update(target)
        names = _whole_names(kb)
        return cls(rewrites, vocabulary, terms, names, _identifier_prefixes(names, vocabulary), english)

    def analyse(self, text: str) -> Analysis:
        raw = tokens(without_file_paths(text))
        corrected: dict[str, str] = {}
        fixed = []
        for word in raw:
            better = self.correct(word)
            if better is not None and better != word:
                corrected[word] = better
            fixed.append(better or word)
        return Analysis(tuple(raw), corrected, tuple(self.rewrite(fixed)))

    def analyse_known(self, text: str) -> tuple[str, ...]:
        """Analyse knowledge text: no typo correction (it is the vocabulary)."""
        return tuple(self.rewrite(tokens(text)))

    def correct(self, word: str) -> str | None:
        """``word`` itself if known, its nearest known word, or ``None`` (see spelling.py)."""
        return self._speller.correct(word)

    def rewrite(self, words: Sequence[str]) -> list[str]:
        """Rewrite phrases until nothing changes (at most a few passes).

        A second pass lets one rewrite feed another: "bad abt" becomes
        "bad about", which becomes "cons".
        """
        current = list(words)
        for _ in range(3):
            current, may_feed_another = self._rewrite_once(current)
            if not may_feed_another:
                break
        return current

    def _rewrite_once(self, words: Sequence[str]) -> tuple[list[str], bool]:
        """One pass, and whether another could change more: only when a rewrite put in a
        word some phrase starts from or holds, or took words out (every other phrase was
        looked for in this pass already)."""
        out: list[str] = []
        may_feed_another = False
        hedged = not PHRASE_HEDGES.isdisjoint(words)  # most questions have none: no second look
        i = 0
        while i < len(words):
            sizes = self._sizes.get(words[i], ())
            target: tuple[str, ...] | None = None
            for size in sizes:
                if i + size > len(words):
                    continue
                target = self._rewrites.get(tuple(words[i : i + size]))
                if target is not None:
                    i += size
                    break
            else:
                found = self._hedged_phrase(words, i, sizes) if hedged and sizes else None
                if found is not None:
                    target, i = found
            if target is None:
                out.append(words[i])
                i += 1
                continue
            out.extend(target)
            if not target or not self._source_words.isdisjoint(target):
                may_feed_another = True
        return out, may_feed_another

    def _hedged_phrase(
        self, words: Sequence[str], start: int, sizes: Sequence[int]
    ) -> tuple[tuple[str, ...], int] | None:
        """The rewrite of a phrase at ``start`` with hedges inside it ("what do people
        *actually* like about"), and the index after it; ``None`` if there is none."""
        kept: list[str] = [words[start]]
        ends: list[int] = [start + 1]
        skipped = False
        at = start + 1
        while at < len(words) and len(kept) < sizes[0]:
            if words[at] in PHRASE_HEDGES:
                skipped = True
            else:
                kept.append(words[at])
                ends.append(at + 1)
            at += 1
        if not skipped:
            return None
        for size in sizes:
            if size <= len(kept) and (target := self._rewrites.get(tuple(kept[:size]))) is not None:
                return target, ends[size - 1]
        return None


def sizes_by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """The lengths of the phrases that begin with each word, longest first: a scan for the
    longest phrase at a word tries only those (most words begin none, the rest one or two)."""
    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}


def _whole_names(kb: KnowledgeBase) -> list[str]:
    """Framework names and aliases that are one word ("pytorch", "tf"; not "tensor flow"):
    the words a typo may be corrected to whatever its first letter or length."""
    names = {n for fw in kb.frameworks.values() for n in (fw.id, fw.name, *fw.aliases)}
    return sorted({found[0] for found in map(tokens, names) if len(found) == 1 and found[0].isalpha()})


def _identifier_prefixes(names: Iterable[str], vocabulary: Iterable[str]) -> list[str]:
    """Framework names the knowledge itself uses to begin longer words ("tf" in "tflite",
    "torch" in "torchrun"): the names a library's identifiers start with."""
    words = sorted(w for w in vocabulary if w.isalpha())
    prefixes = []
    for name in names:
        at = bisect.bisect_left(words, name)  # the words that start with ``name`` follow it
        while at < len(words) and words[at].startswith(name):
            if len(words[at]) >= len(name) + 2:
                prefixes.append(name)
                break
            at += 1
    return prefixes


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of words inside ``whole`` ("vision" in "computer vision").

    Such a rewrite would apply again to its own output on the next pass
    ("computer computer vision"); both sides already share the word, so it is skipped.
    """
    size = len(part)
    return any(whole[i : i + size] == part for i in range(len(whole) - size + 1))


def _term_text(kb: KnowledgeBase) -> Iterable[str]:
    """Text whose words are worth correcting a typo to: names, questions, tags."""
    for fw in kb.frameworks.values():
        yield from (fw.id, fw.name, *fw.aliases)
    for aspect in kb.aspects.values():
        yield from (aspect.id.replace("-", " "), aspect.name, *aspect.aliases)
    for use_case in kb.use_cases.values():
        yield from (use_case.id, use_case.name, *use_case.aliases)
    for entry in kb.faq.values():
        yield from (entry.id.replace("-", " "), entry.question, *entry.alternates, *entry.tags)
    for variant, term in kb.synonyms.items():
        yield from (variant, term)


def _knowledge_text(kb: KnowledgeBase) -> Iterable[str]:
    for fw in kb.frameworks.values():
        yield fw.id
        yield fw.name
        yield from fw.aliases
        yield fw.summary
        for point in (*fw.pros, *fw.cons):
            yield point.point
            yield point.detail
    for aspect in kb.aspects.values():
        yield aspect.id.replace("-", " ")
        yield aspect.name
        yield from aspect.aliases
        yield aspect.description
        for cell in aspect.cells.values():
            yield cell.value
            if cell.note:
                yield cell.note
    for use_case in kb.use_cases.values():
        yield use_case.id
        yield use_case.name
        yield from use_case.aliases
    for entry in kb.faq.values():
        yield entry.id.replace("-", " ")
        yield entry.question
        yield from entry.alternates
        yield entry.answer
        yield from entry.tags
    for verdict in kb.verdicts.values():
        for call in (verdict.overall, *verdict.use_cases.values()):
            yield call.summary
            yield from call.conditions
    for topic in kb.declines.values():  # known words: "augmentation" is no typo of "segmentation"
        yield topic.topic
        yield from topic.phrasings
