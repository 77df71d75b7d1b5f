"""Warnings about knowledge that loads but will answer badly.

None of these stop a load; ``versus validate --strict`` turns them into
errors (except staleness, which must never turn ``main`` red with the calendar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import fuzz, process, utils

import bot.limits as limits
from bot.knowledge.issues import Issue, Severity
from bot.knowledge.model import FaqEntry, KnowledgeBase, Origin, ReviewedEntry, fold

STALE_AFTER = dt.timedelta(days=365)
SIMILAR_QUESTION_SCORE = 90.0
"""token_sort_ratio at or above which two entries' phrasings would compete."""

STALENESS_PREFIX = "not reviewed since"


def lint_knowledge(kb: KnowledgeBase, today: dt.date | None = None) -> list[Issue]:
    """Every lint warning for ``kb``, in a stable order."""
    today = today or dt.date.today()
    issues: list[Issue] = []
    checks = (_references, _missing_cells, _alias_clashes, _similar_questions, _declined_questions, _sources)
    for check in checks:
        issues.extend(check(kb))
    issues.extend(_lengths(kb))
    issues.extend(_staleness(kb, today))
    return issues


def is_staleness(issue: Issue) -> bool:
    """Staleness warnings stay warnings even under ``--strict``."""
    return issue.message.startswith(STALENESS_PREFIX)


def _warn(origin: Origin, message: str) -> Issue:
    return Issue(origin.file, origin.line, message, Severity.WARNING)


def _references(kb: KnowledgeBase) -> Iterator[Issue]:
    known = kb.frameworks
    for entry in kb.faq.values():
        for fw in entry.frameworks:
            if fw not in known:
                yield _warn(entry.origin, f"FAQ '{entry.id}' names unknown framework '{fw}'")
        for ref in entry.related:
            if kb.resolve(ref) is None:
                yield _warn(entry.origin, f"FAQ '{entry.id}' relates to unknown entry '{ref}'")
            elif ref.kind == "faq" and ref.id == entry.id:
                yield _warn(entry.origin, f"FAQ '{entry.id}' lists itself as related")
    for aspect in kb.aspects.values():
        for fw in aspect.cells:
            if fw not in known:
                yield _warn(aspect.origin, f"aspect '{aspect.id}' has a cell for unknown framework '{fw}'")
        for broader in aspect.narrows:
            if broader not in kb.aspects or broader == aspect.id:
                yield _warn(
                    aspect.origin, f"aspect '{aspect.id}' narrows '{broader}', which is no other aspect"
                )
    for verdict in kb.verdicts.values():
        for fw in verdict.frameworks:
            if fw not in known:
                yield _warn(verdict.origin, f"verdict '{verdict.id}' weighs unknown framework '{fw}'")
        calls = [("overall", verdict.overall), *verdict.use_cases.items()]
        for name, call in calls:
            if call.recommendation != "depends" and call.recommendation not in verdict.frameworks:
                yield _warn(
                    verdict.origin,
                    f"verdict '{verdict.id}' ({name}) recommends '{call.recommendation}', "
                    "which is not one of its frameworks (nor 'depends')",
                )
        for use_case in verdict.use_cases:
            if use_case not in kb.use_cases:
                yield _warn(verdict.origin, f"verdict '{verdict.id}' has unknown use case '{use_case}'")


def _missing_cells(kb: KnowledgeBase) -> Iterator[Issue]:
    for aspect in kb.aspects.values():
        for fw in kb.frameworks:
            if fw not in aspect.cells:
                yield _warn(aspect.origin, f"aspect '{aspect.id}' has no cell for '{fw}'")


def _claims(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, Origin]]:
    """(namespace, folded word, owner, origin) for every name members may type."""
    for fw in kb.frameworks.values():
        for word in (fw.id, fw.name, *fw.aliases):
            yield "framework", fold(word), f"framework '{fw.id}'", fw.origin
    for aspect in kb.aspects.values():
        for word in (aspect.id, aspect.name, *aspect.aliases):
            yield "aspect", fold(word), f"aspect '{aspect.id}'", aspect.origin
    for use_case in kb.use_cases.values():
        for word in (use_case.id, use_case.name, *use_case.aliases):
            yield "use-case", fold(word), f"use case '{use_case.id}'", use_case.origin


def _alias_clashes(kb: KnowledgeBase) -> Iterator[Issue]:
    """A name claimed twice within a kind, or a framework name reused elsewhere.

    An aspect and a use case may share a word ("mobile" is both): the question's
    intent tells them apart. A framework name may not be shared with anything,
    since naming a framework decides most answers.
    """
    owners: dict[tuple[str, str], str] = {}
    framework_words: dict[str, str] = {}
    for namespace, word, owner, origin in _claims(kb):
        first = owners.setdefault((namespace, word), owner)
        if first != owner:
            yield _warn(origin, f"'{word}' names both {first} and {owner}")
        if namespace == "framework":
            framework_words.setdefault(word, owner)
        elif word in framework_words:
            yield _warn(origin, f"'{word}' names {framework_words[word]} and also {owner}")
    for variant, term in kb.synonyms.items():
        if variant in framework_words and fold(term) != variant:
            yield Issue(
                "synonyms",
                None,
                f"synonym '{variant}' → '{term}' hides {framework_words[variant]}",
                Severity.WARNING,
            )


def _faq_phrasings(entries: Sequence[FaqEntry]) -> tuple[list[str], list[int]]:
    """Every FAQ question and alternate, processed for fuzzy comparison, and the index of
    the entry each belongs to."""
    phrasings: list[str] = []
    owner: list[int] = []
    for index, entry in enumerate(entries):
        for text in (entry.question, *entry.alternates):
            phrasings.append(utils.default_process(text))
            owner.append(index)
    return phrasings, owner


def _similar_questions(kb: KnowledgeBase) -> Iterator[Issue]:
    entries = list(kb.faq.values())
    phrasings, owner = _faq_phrasings(entries)
    if not phrasings:
        return
    reported: set[tuple[int, int]] = set()
    for i, text in enumerate(phrasings):
        matches = process.extract(
            text,
            phrasings,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=SIMILAR_QUESTION_SCORE,
            limit=None,
        )
        for other_text, _score, j in matches:
            a, b = owner[i], owner[j]
            if a >= b or (a, b) in reported:
                continue
            reported.add((a, b))
            yield _warn(
                entries[b].origin,
                f"FAQ '{entries[b].id}' and '{entries[a].id}' are phrased so alike that they "
                f"would steal each other's matches: '{other_text}' ~ '{text}'",
            )


def _declined_questions(kb: KnowledgeBase) -> Iterator[Issue]:
    """A declined topic phrased like an FAQ entry would turn that entry's own questions away."""
    entries = list(kb.faq.values())
    texts, owner = _faq_phrasings(entries)
    if not texts:
        return
    for topic in kb.declines.values():
        for phrasing in topic.phrasings:
            found = process.extractOne(
                utils.default_process(phrasing),
                texts,
                scorer=fuzz.token_sort_ratio,
                score_cutoff=SIMILAR_QUESTION_SCORE,
            )
            if found is not None:
                yield _warn(
                    topic.origin,
                    f"declined topic '{topic.id}' is phrased like FAQ '{entries[owner[found[2]]].id}': "
                    f"'{phrasing}' ~ '{found[0]}'",
                )


def _sources(kb: KnowledgeBase) -> Iterator[Issue]:
    for fw in kb.frameworks.values():
        if not fw.sources:
            yield _warn(fw.origin, f"framework '{fw.id}' has no sources")
    for aspect in kb.aspects.values():
        for cell in aspect.cells.values():
            if not cell.sources:
                yield _warn(aspect.origin, f"aspect '{aspect.id}' cell '{cell.framework}' has no sources")
    for entry in kb.faq.values():
        if not entry.sources:
            yield _warn(entry.origin, f"FAQ '{entry.id}' has no sources")
    for verdict in kb.verdicts.values():
        if not verdict.sources:
            yield _warn(verdict.origin, f"verdict '{verdict.id}' has no sources")


def _too_long(origin: Origin, what: str, text: str | None, limit: int, why: str) -> Iterable[Issue]:
    if text is not None and len(text) > limit:
        return [_warn(origin, f"{what} is {len(text)} characters; {why} holds {limit}")]
    return []


def _lengths(kb: KnowledgeBase) -> Iterator[Issue]:
    field_value = "a Discord embed field"
    for fw in kb.frameworks.values():
        yield from _too_long(
            fw.origin, f"'{fw.id}' summary", fw.summary, limits.EMBED_DESCRIPTION, "an embed"
        )
        for kind, points in (("pro", fw.pros), ("con", fw.cons)):
            for p in points:
                yield from _too_long(
                    fw.origin, f"'{fw.id}' {kind} point", p.point, limits.EMBED_FIELD_NAME, "a field name"
                )
                yield from _too_long(
                    fw.origin, f"'{fw.id}' {kind} detail", p.detail, limits.EMBED_FIELD_VALUE, field_value
                )
    for aspect in kb.aspects.values():
        for cell in aspect.cells.values():
            where = f"'{aspect.id}' cell '{cell.framework}'"
            yield from _too_long(
                aspect.origin, f"{where} value", cell.value, limits.TABLE_CELL_BUDGET, "a table cell"
            )
            yield from _too_long(
                aspect.origin, f"{where} note", cell.note, limits.EMBED_FIELD_VALUE, field_value
            )
    for entry in kb.faq.values():
        yield from _too_long(
            entry.origin, f"FAQ '{entry.id}' question", entry.question, limits.EMBED_TITLE, "an embed title"
        )
        yield from _too_long(
            entry.origin,
            f"FAQ '{entry.id}' answer",
            entry.answer,
            limits.ANSWER_BUDGET,
            "one chat message with its sources",
        )
    for verdict in kb.verdicts.values():
        for name, call in [("overall", verdict.overall), *verdict.use_cases.items()]:
            text = " ".join((call.summary, *call.conditions))
            yield from _too_long(
                verdict.origin,
                f"verdict '{verdict.id}' ({name})",
                text,
                limits.EMBED_FIELD_VALUE,
                field_value,
            )


def _staleness(kb: KnowledgeBase, today: dt.date) -> Iterator[Issue]:
    entries: list[ReviewedEntry] = [
        *kb.frameworks.values(),
        *kb.aspects.values(),
        *kb.faq.values(),
        *kb.verdicts.values(),
    ]
    for entry in entries:
        if today - entry.reviewed > STALE_AFTER:
            yield _warn(
                entry.origin,
                f"{STALENESS_PREFIX} {entry.reviewed.isoformat()} (over 12 months): '{entry.id}'",
            )
