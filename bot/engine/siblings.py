"""Sibling entries: the same question, answered for another framework.

After "can i run pytorch on a phone", "and tensorflow?" asks the phone question
again for TensorFlow, and the knowledge has an entry of its own for that. Two
entries are siblings when they are about different frameworks and relate to the
same aspect, or, for entries with no aspect, share at least MIN_SHARED_TAGS
tags besides framework names ("history", "timeline").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.knowledge import FaqEntry

MIN_SHARED_TAGS = 2


class SiblingIndex:
    """The entries about particular frameworks, by aspect and by tag, for one knowledge base."""

    def __init__(self, entries: Iterable[FaqEntry], framework_ids: Iterable[str]) -> None:
        by_aspect: dict[str, list[FaqEntry]] = {}
        by_tag: dict[str, list[FaqEntry]] = {}
        self._framework_ids = frozenset(framework_ids)
        for entry in entries:
            if not entry.frameworks:
                continue
            for aspect in entry.aspects:
                by_aspect.setdefault(aspect, []).append(entry)
            for tag in self._topic_tags(entry):
                by_tag.setdefault(tag, []).append(entry)
        self._by_aspect = {aspect: tuple(group) for aspect, group in by_aspect.items()}
        self._by_tag = {tag: tuple(group) for tag, group in by_tag.items()}

    def _topic_tags(self, entry: FaqEntry) -> frozenset[str]:
        return frozenset(entry.tags) - self._framework_ids

    def sibling(
        self, entry: FaqEntry, frameworks: Sequence[str], not_about: Sequence[str]
    ) -> FaqEntry | None:
        """The entry that asks ``entry``'s question for ``frameworks`` (and none of ``not_about``)."""
        aspects = entry.aspects
        if len(aspects) == 1:
            return self._first_fitting(self._by_aspect.get(aspects[0], ()), entry, frameworks, not_about)
        if aspects:
            return None
        tags = self._topic_tags(entry)
        shared: dict[str, tuple[int, FaqEntry]] = {}
        for tag in sorted(tags):
            for other in self._by_tag.get(tag, ()):
                count = shared.get(other.id, (0, other))[0]
                shared[other.id] = (count + 1, other)
        ranked = sorted(shared.values(), key=lambda found: (-found[0], found[1].id))
        candidates = [other for count, other in ranked if count >= MIN_SHARED_TAGS]
        return self._first_fitting(candidates, entry, frameworks, not_about)

    @staticmethod
    def _first_fitting(
        candidates: Iterable[FaqEntry], entry: FaqEntry, frameworks: Sequence[str], not_about: Sequence[str]
    ) -> FaqEntry | None:
        for other in candidates:
            covers = set(frameworks) <= set(other.frameworks)
            if other.id != entry.id and covers and set(not_about).isdisjoint(other.frameworks):
                return other
        return None
