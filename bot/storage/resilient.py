"""Storage for the hot path: a database fault is logged, never raised.

Answers must flow when the database is locked, read-only, full or corrupt
(PRODUCT.md). Front ends log questions, votes and settings reads through this
wrapper; every call returns a harmless default on failure, and ``healthy``
and ``last_error`` say what went wrong (``versus health`` reports it).
Administrative reads (gaps, stats) use :attr:`inner` and report errors to the
person who asked instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from bot.storage.errors import StorageError
from bot.storage.records import GuildSettings, QuestionRecord
from bot.storage.sqlite import SqliteStorage

T = TypeVar("T")

FAULTS = (sqlite3.Error, OSError, StorageError, ValueError)
"""What a database fault looks like from aiosqlite (ValueError: closed connection)."""


SETTINGS_TTL = 30.0
"""Seconds a server's settings are served from memory (another process may change them)."""


class ResilientStorage:
    def __init__(self, inner: SqliteStorage, log: logging.Logger | None = None):
        self.inner = inner
        self.log = log or logging.getLogger("versus.storage")
        self.opened = False
        self.healthy = True
        self.last_error: str | None = None
        self._settings: dict[int, tuple[float, GuildSettings]] = {}

    async def open(self) -> bool:
        """Open the database; on failure run without it (and say so)."""
        try:
            await self.inner.open()
        except FAULTS as exc:
            self._fault("open the database", exc)
            return False
        self.opened = True
        return True

    async def close(self) -> None:
        try:
            await self.inner.close()
        except FAULTS as exc:  # pragma: no cover - closing rarely fails
            self._fault("close the database", exc)

    def _fault(self, what: str, exc: BaseException) -> None:
        message = f"cannot {what} ({self.inner.path}): {exc}"
        if self.healthy or message != self.last_error:
            self.log.warning("storage degraded: %s; answers continue without it", message)
        self.healthy = False
        self.last_error = message

    async def _guard(self, what: str, call: Callable[[], Awaitable[T]], default: T) -> T:
        if not self.opened:
            return default
        try:
            result = await call()
        except FAULTS as exc:
            self._fault(what, exc)
            return default
        if not self.healthy:
            self.log.info("storage recovered after: %s", self.last_error)
            self.healthy, self.last_error = True, None
        return result

    async def log_question(self, record: QuestionRecord) -> int | None:
        return await self._guard("log a question", lambda: self.inner.log_question(record), None)

    async def log_questions(self, records: Sequence[QuestionRecord]) -> bool:
        async def call() -> bool:
            await self.inner.log_questions(records)
            return True

        return await self._guard("log questions", call, False)

    async def record_vote(self, question_id: int, user_id: int, vote: int) -> bool | None:
        """True when stored, False when the question is gone, None on a fault."""
        return await self._guard(
            "record a vote", lambda: self.inner.record_vote(question_id, user_id, vote), None
        )

    async def forget_user(self, user_id: int) -> int | None:
        return await self._guard("erase a member's rows", lambda: self.inner.forget_user(user_id), None)

    async def purge(self, before: dt.datetime) -> int | None:
        return await self._guard("purge old questions", lambda: self.inner.purge(before), None)

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """A server's settings, from memory when read in the last ``SETTINGS_TTL`` seconds.

        Every question reads them; keeping them in memory spares the database a
        read per answer.
        """
        now = time.monotonic()
        cached = self._settings.get(guild_id)
        if cached is not None and now - cached[0] < SETTINGS_TTL:
            return cached[1]
        chosen = await self._guard(
            "read server settings", lambda: self.inner.guild_settings(guild_id), GuildSettings(guild_id)
        )
        self._settings[guild_id] = (now, chosen)
        return chosen

    async def save_guild_settings(self, settings: GuildSettings) -> bool:
        async def call() -> bool:
            await self.inner.save_guild_settings(settings)
            return True

        saved = await self._guard("save server settings", call, False)
        if saved:
            self._settings[settings.guild_id] = (time.monotonic(), settings)
        return saved

    async def record_knowledge_load(self, version: str | None, ok: bool, errors: Sequence[str] = ()) -> None:
        await self._guard(
            "record a knowledge load", lambda: self.inner.record_knowledge_load(version, ok, errors), None
        )

    async def get_meta(self, key: str) -> str | None:
        return await self._guard("read a setting", lambda: self.inner.get_meta(key), None)

    async def set_meta(self, key: str, value: str) -> bool:
        async def call() -> bool:
            await self.inner.set_meta(key, value)
            return True

        return await self._guard("store a setting", call, False)
