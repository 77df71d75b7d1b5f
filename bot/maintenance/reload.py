"""Serving knowledge that can change under a running bot.

:class:`KnowledgeService` holds the current :class:`Engine`. A reload builds a
new engine beside the old one and swaps a single reference only when the new
knowledge is valid; otherwise the last good knowledge keeps serving and the
report carries the errors (file:line). :meth:`KnowledgeService.watch` polls the
directory and reloads, debounced, when files change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bot.engine import Engine, KnowledgeLoadError, Thresholds
from bot.engine.engine import DEFAULT_CONTEXT_TTL
from bot.knowledge import Issue, KnowledgeBase, load_knowledge
from bot.knowledge.model import Origin

Snapshot = tuple[tuple[str, int, int], ...]
ReportHandler = Callable[["ReloadReport"], Awaitable[None]]
NO_ORIGIN = Origin("", None)


@dataclass(frozen=True, slots=True)
class ReloadReport:
    ok: bool
    version: str | None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()
    errors: tuple[Issue, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.edited)

    def summary(self) -> str:
        if not self.ok:
            count = len(self.errors)
            lines = [f"Knowledge reload failed; the last good knowledge keeps serving. {count} error(s):"]
            lines += [f"  {issue}" for issue in self.errors[:20]]
            if len(self.errors) > 20:
                lines.append(f"  … and {len(self.errors) - 20} more (run `versus validate`)")
            return "\n".join(lines)
        if not self.changed:
            return f"Knowledge reloaded (version {self.version}): no entries changed."
        parts = []
        for label, ids in (("added", self.added), ("removed", self.removed), ("edited", self.edited)):
            if ids:
                parts.append(f"{label} {len(ids)}: {', '.join(ids[:15])}{' …' if len(ids) > 15 else ''}")
        return f"Knowledge reloaded (version {self.version}): " + "; ".join(parts)


def _entries(kb: KnowledgeBase) -> dict[str, object]:
    """Every entry by ``kind:id``, without its file position (moving lines is no edit)."""
    entries: dict[str, object] = {}
    tables: Mapping[str, Mapping[str, object]] = {
        "framework": kb.frameworks,
        "aspect": kb.aspects,
        "use-case": kb.use_cases,
        "faq": kb.faq,
        "verdict": kb.verdicts,
    }
    for kind, table in tables.items():
        for ident, entry in table.items():
            entries[f"{kind}:{ident}"] = replace(entry, origin=NO_ORIGIN)  # type: ignore[type-var]
    for variant, term in kb.synonyms.items():
        entries[f"synonym:{variant}"] = term
    return entries


def diff(old: KnowledgeBase, new: KnowledgeBase) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(added, removed, edited) entries between two knowledge bases."""
    before, after = _entries(old), _entries(new)
    added = tuple(sorted(set(after) - set(before)))
    removed = tuple(sorted(set(before) - set(after)))
    edited = tuple(sorted(k for k in set(before) & set(after) if before[k] != after[k]))
    return added, removed, edited


def snapshot(directory: Path) -> Snapshot:
    """What the watcher compares: every YAML file's path, modification time and size."""
    found = []
    for path in sorted(directory.rglob("*.y*ml")):
        try:
            stat = path.stat()
        except OSError:  # deleted between listing and stat
            continue
        found.append((path.relative_to(directory).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class KnowledgeService:
    """The engine currently serving, and how to replace it safely."""

    def __init__(
        self,
        directory: Path,
        engine: Engine,
        *,
        thresholds: Thresholds | None = None,
        context_ttl: float | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.directory = Path(directory)
        self._engine = engine
        self.thresholds = thresholds or engine.thresholds
        self.context_ttl = context_ttl if context_ttl is not None else engine.context_ttl
        self.log = log or logging.getLogger("versus.knowledge")
        self.last_report: ReloadReport | None = None
        self._lock = asyncio.Lock()

    @classmethod
    def start(
        cls, directory: Path, thresholds: Thresholds | None = None, context_ttl: float | None = None
    ) -> KnowledgeService:
        """Load the knowledge for start-up; raises :class:`KnowledgeLoadError` if it is broken."""
        ttl = context_ttl if context_ttl is not None else DEFAULT_CONTEXT_TTL
        engine = Engine.from_directory(directory, thresholds, ttl)
        return cls(directory, engine, thresholds=thresholds, context_ttl=context_ttl)

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._engine.knowledge

    def reload(self) -> ReloadReport:
        """Load the directory again; swap engines only if it is valid. Blocking: see :meth:`reload_async`."""
        result = load_knowledge(self.directory, lint=False)
        if result.knowledge is None:
            report = ReloadReport(False, None, errors=result.errors)
            self.log.error("%s", report.summary())
        else:
            old = self._engine.knowledge
            engine = Engine(result.knowledge, self.thresholds, self.context_ttl)
            added, removed, edited = diff(old, result.knowledge)
            self._engine = engine  # one reference swap: a question sees the old or the new, never a mix
            report = ReloadReport(True, result.knowledge.version, added, removed, edited)
            self.log.info("%s", report.summary())
        self.last_report = report
        return report

    async def reload_async(self) -> ReloadReport:
        """Reload off the event loop; one reload at a time."""
        async with self._lock:
            return await asyncio.to_thread(self.reload)

    async def watch(
        self,
        on_report: ReportHandler | None = None,
        *,
        interval: float = 1.0,
        debounce: float = 0.75,
    ) -> None:
        """Poll for changes until cancelled; reload once the files have settled.

        ``debounce`` waits for a burst of saves (an editor writing several files,
        a ``git pull``) to finish before reloading once.
        """
        seen = await asyncio.to_thread(snapshot, self.directory)
        while True:
            await asyncio.sleep(interval)
            current = await asyncio.to_thread(snapshot, self.directory)
            if current == seen:
                continue
            while True:  # wait until nothing changes for `debounce` seconds
                await asyncio.sleep(debounce)
                settled = await asyncio.to_thread(snapshot, self.directory)
                if settled == current:
                    break
                current = settled
            seen = current
            report = await self.reload_async()
            if on_report is not None:
                try:
                    await on_report(report)
                except Exception:  # a failing notifier must not stop the watcher
                    self.log.exception("could not deliver the reload report")


__all__ = ["KnowledgeLoadError", "KnowledgeService", "ReloadReport", "diff", "snapshot"]
