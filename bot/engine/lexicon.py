"""The knowledge's own vocabulary: typo correction and phrase rewriting.

A question is analysed in three steps, and every phrasing in the index goes
through the same ones so that both sides meet in the same form:

1. normalise and split into tokens (:mod:`bot.engine.normalize`), leaving out
   file paths pasted with a traceback;
2. correct tokens the knowledge has never seen to the nearest *term* it has
   (OSA edit distance: one edit from 5 letters, two from 8; a swap of two
   letters counts as one edit, so "pytroch" is one edit from "pytorch").
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
   framework's name ("TFBertModel", "torchmetrics") is read as that name;
3. rewrite phrases, longest first: a synonym variant becomes its canonical
   term ("deploying" → "deployment") and a framework alias becomes its id
   ("tf" → "tensorflow").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.cues import PHRASE_HEDGES
from bot.engine.normalize import STOPWORDS, tokens, without_file_paths
from bot.knowledge import KnowledgeBase

MIN_CORRECTABLE = 4
"""Shorter tokens are never corrected: too many real words lie one edit apart."""
MIN_CORRECTABLE_TO_TERMS = 5
"""Four-letter tokens are corrected to framework names only."""
TWO_EDITS_FROM = 8
MIN_NAMED_SUFFIX = 4
"""An unknown word that is a framework's name and at least this many more letters
("tfbertmodel", "torchmetrics") is read as that framework's name (see _identifier_prefixes)."""
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


@dataclass(frozen=True, slots=True)
class Analysis:
    """A question after analysis: its raw tokens, corrections and final tokens."""

    raw: tuple[str, ...]
    corrected: Mapping[str, str]
    tokens: tuple[str, ...]


class Lexicon:
    """Vocabulary, typo corrector and phrase rewriter for one knowledge base.

    Built once per knowledge load; afterwards only read (the correction memo is
    a private cache whose contents do not change any answer).
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
        self._english = english
        self._rewrites = MappingProxyType(dict(rewrites))
        self._sizes = sizes_by_first_word(rewrites)
        self._source_words = frozenset(word for source in rewrites for word in source)
        self.vocabulary = frozenset(vocabulary) | frozenset(terms)
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
        self._by_undoubled: dict[str, str] = {}
        for group in self._terms_by_length.values():
            for term in group:  # most frequent first: it keeps the spelling
                self._by_undoubled.setdefault(undoubled(term), term)

    @staticmethod
    def _by_length(words: Counter[str]) -> dict[int, tuple[str, ...]]:
        by_length: dict[int, list[str]] = {}
        # Most frequent first, then alphabetical: ties go to the common word.
        for word, _count in sorted(words.items(), key=lambda item: (-item[1], item[0])):
            if word.isalpha() and word not in STOPWORDS:
                by_length.setdefault(len(word), []).append(word)
        return {n: tuple(group) for n, group in by_length.items()}

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
        """``word`` itself if known, its nearest known word, or ``None``."""
        if word in self.vocabulary or word in STOPWORDS:  # "doing" is not a typo of "dying"
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
