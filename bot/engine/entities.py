"""What a question names: the frameworks, aspects and use cases of one knowledge base.

Works on analysed tokens, like :mod:`bot.engine.detect`, which reads a question's
intent around these mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from bot.engine.cues import ALL_FRAMEWORKS_PHRASES
from bot.engine.lexicon import Lexicon, sizes_by_first_word
from bot.engine.normalize import stem
from bot.knowledge import KnowledgeBase

EntityKind = Literal["framework", "aspect", "use_case"]


@dataclass(frozen=True, slots=True)
class Mention:
    kind: EntityKind
    id: str
    start: int
    end: int


class EntityTable:
    """Phrases (as analysed tokens) → the frameworks, aspects and use cases they name.

    An aspect's phrase also matches by its words' stems ("dashboards" names the
    aspect whose alias is "dashboard"), and ALL_FRAMEWORKS_PHRASES name every framework.
    """

    def __init__(
        self,
        phrases: Mapping[tuple[str, ...], tuple[tuple[EntityKind, str], ...]],
        all_frameworks: Sequence[str] = (),
        narrows: Mapping[str, Iterable[str]] | None = None,
    ):
        """``narrows`` maps an aspect to the broader aspects it narrows (see ``narrower_first``)."""
        table = dict(phrases)
        for phrase, owners in phrases.items():
            aspects = tuple(owner for owner in owners if owner[0] == "aspect")
            if aspects:  # use-case and framework names stay exact: "starting" is not "starter"
                table.setdefault(tuple(stem(w) for w in phrase), aspects)
        framework: EntityKind = "framework"
        everything = tuple((framework, f) for f in all_frameworks)
        for phrase in ALL_FRAMEWORKS_PHRASES if everything else ():
            table.setdefault(phrase, everything)
        self._everything = everything
        """The owners of "each framework", "all four": one object, told apart by identity."""
        self._phrases = MappingProxyType(table)
        self._sizes = sizes_by_first_word(table)
        self._narrows = MappingProxyType({a: frozenset(b) for a, b in (narrows or {}).items()})

    @classmethod
    def from_knowledge(cls, kb: KnowledgeBase, lexicon: Lexicon) -> EntityTable:
        phrases: dict[tuple[str, ...], list[tuple[EntityKind, str]]] = {}

        def add(kind: EntityKind, ident: str, names: Iterable[str]) -> None:
            for name in names:
                key = lexicon.analyse_known(name)
                if key and (kind, ident) not in phrases.setdefault(key, []):
                    phrases[key].append((kind, ident))

        for fw in kb.frameworks.values():
            add("framework", fw.id, (fw.id, fw.name, *fw.aliases))
        for aspect in kb.aspects.values():
            # "Graph type & execution model": each half names the aspect too ("execution model")
            halves = aspect.name.split("&")
            add("aspect", aspect.id, (aspect.id.replace("-", " "), aspect.name, *halves, *aspect.aliases))
        for use_case in kb.use_cases.values():
            add("use_case", use_case.id, (use_case.id, use_case.name, *use_case.aliases))
        narrows = {aspect.id: aspect.narrows for aspect in kb.aspects.values()}
        return cls({k: tuple(v) for k, v in phrases.items()}, tuple(kb.frameworks), narrows)

    def narrower_first(self, aspects: Sequence[str]) -> tuple[str, ...]:
        """``aspects`` with those that narrow another of them first: "deploy on phones"
        names deployment and mobile, and asks about mobile."""
        named = frozenset(aspects)
        narrower = [a for a in aspects if self._narrows.get(a, frozenset()) & named]
        return (*narrower, *(a for a in aspects if a not in narrower))

    def mentions(self, words: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        all_named_at: list[int] = []  # where "each framework" / "all four" stands
        stems = [stem(w) for w in words]
        i = 0
        while i < len(words):
            sizes = self._sizes.get(words[i], ())
            by_stem = self._sizes.get(stems[i], ()) if stems[i] != words[i] else ()
            if by_stem:  # rare: merge only when the stem starts phrases of its own
                sizes = tuple(sorted({*sizes, *by_stem}, reverse=True))
            for size in sizes:
                if i + size > len(words):
                    continue
                owners = self._phrases.get(tuple(words[i : i + size])) or self._phrases.get(
                    tuple(stems[i : i + size])
                )
                if owners:
                    if owners is self._everything:
                        all_named_at.append(i)
                    found.extend(Mention(kind, ident, i, i + size) for kind, ident in owners)
                    i += size
                    break
            else:
                i += 1
        return _each_of_those_named(found, all_named_at) if all_named_at else found


def _each_of_those_named(found: list[Mention], all_named_at: list[int]) -> list[Mention]:
    """``found`` without "each framework" or "all four" (starting at ``all_named_at``) when
    two or more frameworks are named: "pytorch vs tensorflow on hardware, what does each
    framework support" means each of the two."""
    named = {m.id for m in found if m.kind == "framework" and m.start not in all_named_at}
    if len(named) < 2:
        return found
    return [m for m in found if m.start not in all_named_at]


def concepts(mentions: Iterable[Mention]) -> list[str]:
    """One concept token per aspect or use case mentioned, each once, in order.

    "iphone", "android" and "phones" all give ``@mobile-edge`` and ``@mobile``,
    so an FAQ phrased with one of them meets a question phrased with another.
    """
    return list(dict.fromkeys(f"@{m.id}" for m in mentions if m.kind != "framework"))


def with_concepts(words: Sequence[str], mentions: Iterable[Mention]) -> list[str]:
    """``words`` plus the concept tokens of the aspects and use cases mentioned in them."""
    return [*words, *concepts(mentions)]
