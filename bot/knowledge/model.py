"""The knowledge base as an immutable value: entries, lookups by id and alias."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

RefKind = Literal["faq", "aspect", "framework", "verdict", "use-case"]
REF_KINDS: tuple[RefKind, ...] = ("faq", "aspect", "framework", "verdict", "use-case")


def fold(text: str) -> str:
    """Case- and space-insensitive form used for alias lookups."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry was written: knowledge-relative file and 1-based line."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entry of some kind (``faq:performance``)."""

    kind: RefKind
    id: str

    @classmethod
    def parse(cls, text: str, default: RefKind = "faq") -> Ref:
        kind, sep, ident = text.partition(":")
        if not sep:
            return cls(default, text)
        if kind not in REF_KINDS:
            raise ValueError(f"unknown kind '{kind}' in '{text}'")
        return cls(kind, ident)

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True, slots=True)
class Point:
    point: str
    detail: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: str
    maker: str
    summary: str
    aliases: tuple[str, ...]
    homepage: str
    pros: tuple[Point, ...]
    cons: tuple[Point, ...]
    sources: tuple[str, ...]
    reviewed: dt.date
    origin: Origin


@dataclass(frozen=True, slots=True)
class Cell:
    framework: str
    value: str
    rating: int
    rating_reason: str
    sources: tuple[str, ...]
    note: str | None = None
    versions: str | None = None


@dataclass(frozen=True, slots=True)
class Aspect:
    id: str
    name: str
    aliases: tuple[str, ...]
    description: str
    cells: Mapping[str, Cell]
    reviewed: dt.date
    origin: Origin
    narrows: tuple[str, ...] = ()
    """Broader aspects this one narrows: a question naming both asks about this one."""


@dataclass(frozen=True, slots=True)
class UseCase:
    id: str
    name: str
    aliases: tuple[str, ...]
    origin: Origin


ONLY_WHEN_CHOOSING = "choosing"
"""``only_when`` value: the entry answers only questions that ask which framework to pick."""


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    frameworks: tuple[str, ...]
    related: tuple[Ref, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: dt.date
    origin: Origin
    only_when: str | None = None
    """ONLY_WHEN_CHOOSING, or None: when the entry answers."""

    @property
    def aspects(self) -> tuple[str, ...]:
        """The ids of the comparison aspects the entry relates to."""
        return tuple(ref.id for ref in self.related if ref.kind == "aspect")


@dataclass(frozen=True, slots=True)
class Decline:
    """A topic members ask about that the knowledge does not cover, and how they phrase it.

    The engine declines a question that fits such a topic better than any FAQ entry
    (see :mod:`bot.engine.decline`).
    """

    id: str
    topic: str
    phrasings: tuple[str, ...]
    origin: Origin
    names: tuple[str, ...] = ()
    """Names of things outside the knowledge ("mxnet", "chainer"): a question that names one
    and none of the frameworks is this topic, however well an entry matches its other words."""


@dataclass(frozen=True, slots=True)
class Call:
    """One verdict: a line of summary, what to pick, and what flips it."""

    summary: str
    recommendation: str
    conditions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    id: str
    frameworks: tuple[str, ...]
    overall: Call
    use_cases: Mapping[str, Call]
    sources: tuple[str, ...]
    reviewed: dt.date
    origin: Origin

    def call_for(self, use_case: str | None) -> Call:
        """The verdict for a use case, falling back to the overall one."""
        if use_case is not None:
            return self.use_cases.get(use_case, self.overall)
        return self.overall


Entry = FaqEntry | Aspect | Framework | Verdict | UseCase
ReviewedEntry = FaqEntry | Aspect | Framework | Verdict


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the engine answers from; built once per load, never mutated.

    ``version`` is a hash of the files' contents, so two loads of the same
    files compare equal and caches can key on it.
    """

    frameworks: Mapping[str, Framework]
    aspects: Mapping[str, Aspect]
    use_cases: Mapping[str, UseCase]
    faq: Mapping[str, FaqEntry]
    verdicts: Mapping[str, Verdict]
    synonyms: Mapping[str, str]
    """Variant (folded) → canonical term."""
    version: str
    declines: Mapping[str, Decline] = field(default_factory=dict)
    """Topics to decline (near misses), by id."""
    _framework_alias: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _verdict_by_set: Mapping[frozenset[str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("frameworks", "aspects", "use_cases", "faq", "verdicts", "synonyms", "declines"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))
        alias: dict[str, str] = {}
        for fw in self.frameworks.values():
            for word in (fw.id, fw.name, *fw.aliases):
                alias.setdefault(fold(word), fw.id)
        object.__setattr__(self, "_framework_alias", MappingProxyType(alias))
        by_set: dict[frozenset[str], str] = {}
        for verdict in self.verdicts.values():
            by_set.setdefault(frozenset(verdict.frameworks), verdict.id)
        object.__setattr__(self, "_verdict_by_set", MappingProxyType(by_set))

    def framework_by_name(self, name: str) -> Framework | None:
        """A framework by id, display name or alias, ignoring case."""
        fw_id = self._framework_alias.get(fold(name))
        return self.frameworks.get(fw_id) if fw_id is not None else None

    def verdict_for(self, frameworks: Iterable[str]) -> Verdict | None:
        """The verdict written for exactly this set of frameworks, if any."""
        verdict_id = self._verdict_by_set.get(frozenset(frameworks))
        return self.verdicts.get(verdict_id) if verdict_id is not None else None

    def resolve(self, ref: Ref) -> Entry | None:
        """The entry a reference points at, or ``None`` when there is none."""
        tables: dict[RefKind, Mapping[str, Entry]] = {
            "faq": self.faq,
            "aspect": self.aspects,
            "framework": self.frameworks,
            "verdict": self.verdicts,
            "use-case": self.use_cases,
        }
        return tables[ref.kind].get(ref.id)

    def counts(self) -> dict[str, int]:
        """How many entries of each kind (for summaries)."""
        return {
            "frameworks": len(self.frameworks),
            "aspects": len(self.aspects),
            "use cases": len(self.use_cases),
            "faq": len(self.faq),
            "verdicts": len(self.verdicts),
            "synonyms": len(self.synonyms),
            "declined topics": len(self.declines),
        }
