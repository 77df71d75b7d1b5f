"""Load a knowledge directory: read every file, check it, build the value.

Every file is read and checked even when an earlier one is broken, so a
maintainer sees all the problems of a change in one run. The knowledge base
is built only when there is no error at all; warnings (lints) never block it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.knowledge.issues import Issue, Severity
from bot.knowledge.model import (
    Aspect,
    Call,
    Cell,
    Decline,
    FaqEntry,
    Framework,
    KnowledgeBase,
    Origin,
    Point,
    Ref,
    UseCase,
    Verdict,
    fold,
)
from bot.knowledge.schema import FILE_SPEC
from bot.knowledge.spec import Spec
from bot.knowledge.yamlread import NodePath, YamlDocument, read_yaml

TESTS_FILE = "tests.yaml"
"""Regression questions live beside the knowledge but are never loaded as it."""
SCHEMA_DIR = "schema"


@dataclass(frozen=True)
class LoadResult:
    """What a load produced: the knowledge (``None`` on errors) and every issue."""

    knowledge: KnowledgeBase | None
    issues: tuple[Issue, ...]
    files: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if not i.is_error)

    @property
    def ok(self) -> bool:
        return self.knowledge is not None


def knowledge_files(directory: Path) -> list[Path]:
    """The YAML files that make up a knowledge directory, in a stable order."""
    found = []
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory)
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue  # editor swap files, hidden folders
        if rel.parts[0] == SCHEMA_DIR or rel.as_posix() == TESTS_FILE:
            continue
        found.append(path)
    return found


def load_knowledge(directory: Path, *, lint: bool = True, today: dt.date | None = None) -> LoadResult:
    """Read, check and build the knowledge in ``directory``.

    ``lint`` adds the warnings of :mod:`bot.knowledge.lint` (skip them where only
    the value is wanted, e.g. a benchmark of load time); ``today`` fixes the date
    that staleness is measured from.
    """
    directory = Path(directory)
    if not directory.is_dir():
        issue = Issue(str(directory), None, "knowledge directory not found")
        return LoadResult(None, (issue,))
    paths = knowledge_files(directory)
    if not paths:
        issue = Issue(str(directory), None, "no knowledge files (*.yaml) in this directory")
        return LoadResult(None, (issue,))

    issues: list[Issue] = []
    documents: list[YamlDocument] = []
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(directory).as_posix()
        document, read_issues = read_yaml(path, name)
        issues.extend(read_issues)
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        if document is None:
            continue
        schema_issues = _check_schema(document)
        issues.extend(schema_issues)
        if not schema_issues:
            documents.append(document)

    builder = _Builder()
    for document in documents:
        builder.add(document)
    issues.extend(builder.issues)
    files = tuple(p.relative_to(directory).as_posix() for p in paths)
    if any(i.is_error for i in issues):
        return LoadResult(None, tuple(issues), files)

    knowledge = builder.build(version=digest.hexdigest()[:16])
    if lint:
        from bot.knowledge.lint import lint_knowledge

        issues.extend(lint_knowledge(knowledge, today=today))
    return LoadResult(knowledge, tuple(issues), files)


def _check_schema(document: YamlDocument) -> list[Issue]:
    return check_document(document, FILE_SPEC)


def check_document(document: YamlDocument, spec: Spec) -> list[Issue]:
    """Every problem of ``document`` against ``spec``, each as ``file:line: path: message``."""
    issues: list[Issue] = []

    def report(path: NodePath, message: str) -> None:
        where = _format_path(path)
        text = f"{where}: {message}" if where else message
        issues.append(Issue(document.file, document.line_of(path), text))

    if document.data is None:
        report((), "the file is empty")
    else:
        spec.check(document.data, (), report)
    return issues


def _format_path(path: NodePath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class _Builder:
    """Turns checked documents into entries, catching clashes between files."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    aspects: dict[str, Aspect] = field(default_factory=dict)
    use_cases: dict[str, UseCase] = field(default_factory=dict)
    faq: dict[str, FaqEntry] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)
    declines: dict[str, Decline] = field(default_factory=dict)
    synonym_origin: dict[str, Origin] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, document: YamlDocument) -> None:
        data: Mapping[str, Any] = document.data
        for origin, raw in _entries(document, "frameworks"):
            self._put(self.frameworks, "framework", _framework(raw, origin), origin)
        for origin, raw in _entries(document, "aspects"):
            self._put(self.aspects, "aspect", _aspect(raw, origin), origin)
        for origin, raw in _entries(document, "use_cases"):
            use_case = UseCase(raw["id"], raw["name"], tuple(raw.get("aliases", ())), origin)
            self._put(self.use_cases, "use case", use_case, origin)
        for origin, raw in _entries(document, "faq"):
            self._put(self.faq, "FAQ", _faq(raw, origin), origin)
        for origin, raw in _entries(document, "verdicts"):
            self._put(self.verdicts, "verdict", _verdict(raw, origin), origin)
        for origin, raw in _entries(document, "declines"):
            phrasings = _strings(raw, "phrasings")
            decline = Decline(raw["id"], raw["topic"].strip(), phrasings, origin, _strings(raw, "names"))
            self._put(self.declines, "declined topic", decline, origin)
        for term, variants in data.get("synonyms", {}).items():
            origin = Origin(document.file, document.line_of(("synonyms", term)))
            for variant in (term, *variants):
                key = fold(variant)
                owner = self.synonyms.get(key)
                if owner is None:
                    self.synonyms[key] = term
                    self.synonym_origin[key] = origin
                elif owner != term:
                    first = self.synonym_origin[key]
                    self.issues.append(
                        Issue(
                            origin.file,
                            origin.line,
                            f"synonym '{variant}' is claimed by '{owner}' ({first}) "
                            f"and by '{term}'; the first wins",
                            Severity.WARNING,
                        )
                    )

    def _put(self, table: dict[str, Any], kind: str, entry: Any, origin: Origin) -> None:
        previous = table.get(entry.id)
        if previous is not None:
            self.issues.append(
                Issue(
                    origin.file,
                    origin.line,
                    f"duplicate {kind} id '{entry.id}' (first defined at {previous.origin})",
                )
            )
            return
        table[entry.id] = entry

    def build(self, version: str) -> KnowledgeBase:
        return KnowledgeBase(
            frameworks=self.frameworks,
            aspects=self.aspects,
            use_cases=self.use_cases,
            faq=self.faq,
            verdicts=self.verdicts,
            synonyms=self.synonyms,
            version=version,
            declines=self.declines,
        )


def _entries(document: YamlDocument, section: str) -> Iterator[tuple[Origin, dict[str, Any]]]:
    for index, raw in enumerate(document.data.get(section, ())):
        yield Origin(document.file, document.line_of((section, index))), raw


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(raw.get(key) or ())


def _points(items: list[dict[str, Any]]) -> tuple[Point, ...]:
    return tuple(Point(i["point"], i["detail"], _strings(i, "sources")) for i in items)


def _framework(raw: dict[str, Any], origin: Origin) -> Framework:
    return Framework(
        id=raw["id"],
        name=raw["name"],
        maker=raw["maker"],
        summary=raw["summary"].strip(),
        aliases=_strings(raw, "aliases"),
        homepage=raw["homepage"],
        pros=_points(raw["pros"]),
        cons=_points(raw["cons"]),
        sources=_strings(raw, "sources"),
        reviewed=_date(raw["reviewed"]),
        origin=origin,
    )


def _aspect(raw: dict[str, Any], origin: Origin) -> Aspect:
    cells = {
        fw: Cell(
            framework=fw,
            value=cell["value"],
            rating=cell["rating"],
            rating_reason=cell["rating_reason"],
            sources=_strings(cell, "sources"),
            note=cell.get("note"),
            versions=cell.get("versions"),
        )
        for fw, cell in raw["cells"].items()
    }
    return Aspect(
        id=raw["id"],
        name=raw["name"],
        aliases=_strings(raw, "aliases"),
        description=raw["description"],
        cells=cells,
        narrows=_strings(raw, "narrows"),
        reviewed=_date(raw["reviewed"]),
        origin=origin,
    )


def _faq(raw: dict[str, Any], origin: Origin) -> FaqEntry:
    return FaqEntry(
        id=raw["id"],
        question=raw["question"].strip(),
        alternates=_strings(raw, "alternates"),
        answer=raw["answer"].strip(),
        frameworks=_strings(raw, "frameworks"),
        related=tuple(Ref.parse(r) for r in _strings(raw, "related")),
        tags=_strings(raw, "tags"),
        sources=_strings(raw, "sources"),
        reviewed=_date(raw["reviewed"]),
        origin=origin,
        only_when=raw.get("only_when"),
    )


def _call(raw: dict[str, Any]) -> Call:
    return Call(raw["summary"].strip(), raw["recommendation"], _strings(raw, "conditions"))


def _verdict(raw: dict[str, Any], origin: Origin) -> Verdict:
    return Verdict(
        id=raw["id"],
        frameworks=tuple(raw["frameworks"]),
        overall=_call(raw["overall"]),
        use_cases={uc: _call(call) for uc, call in (raw.get("use_cases") or {}).items()},
        sources=_strings(raw, "sources"),
        reviewed=_date(raw["reviewed"]),
        origin=origin,
    )
