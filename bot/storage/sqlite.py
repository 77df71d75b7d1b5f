"""The SQLite implementation of storage (aiosqlite, WAL, numbered migrations).

All SQL of the project lives here. Writes are single statements in autocommit
mode or short explicit transactions, so a process killed mid-write loses at
most the statement in flight; WAL keeps every committed row.

One connection is shared by every task of the bot, and SQLite transactions
belong to the connection, not to the task: every write therefore takes
``_writing`` (an asyncio lock), so two tasks never open a transaction at once
and no autocommit write lands inside another task's transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from pathlib import Path
from types import TracebackType

import aiosqlite

from bot.storage.errors import StorageError
from bot.storage.migrations import immediate_transaction, migrate
from bot.storage.records import (
    DailyCount,
    GuildSettings,
    QuestionRecord,
    Source,
    Stats,
    StoredQuestion,
)

INSERT_QUESTION = """INSERT INTO questions (id, asked_at, source, guild_id, channel_id, user_hash, text,
                                          kind, matched, confidence, latency_ms)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
BUSY_TIMEOUT_MS = 2000
"""How long a write waits for another process's lock before failing."""
OPEN_RETRY_PAUSE = 0.02
"""Seconds before the first retry of an open that found the new file locked (doubling after)."""


def utc_text(moment: dt.datetime) -> str:
    """Times are stored as UTC ISO text, so that text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _ids_text(ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in sorted(ids))


def _ids(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",") if part)


class SqliteStorage:
    """Questions, votes, guild settings and knowledge loads in one SQLite file."""

    def __init__(self, path: Path, *, keep_dm_text: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = Path(path)
        self.keep_dm_text = keep_dm_text
        self.busy_timeout_ms = busy_timeout_ms
        self._db: aiosqlite.Connection | None = None
        self._salt: bytes = b""
        self._writing = asyncio.Lock()

    # -- lifecycle ----------------------------------------------------------

    async def open(self) -> None:
        """Open (creating the file and its folder if needed) and migrate.

        Two processes creating the same file at once can find it locked: SQLite does
        not wait (busy_timeout) while one of them switches a new file to WAL. The
        open is then retried until the busy timeout has passed.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.busy_timeout_ms / 1000
        pause = OPEN_RETRY_PAUSE
        while True:
            try:
                self._db = await self._connect()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or loop.time() + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause *= 2

    async def _connect(self) -> aiosqlite.Connection:
        db = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            await db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await migrate(db)
            self._salt = bytes.fromhex(await _salt(db))
        except BaseException:
            await db.close()
            raise
        return db

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> SqliteStorage:
        await self.open()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError("storage is not open")
        return self._db

    @contextlib.asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One explicit write transaction at a time on the shared connection."""
        async with self._writing, immediate_transaction(self.db) as db:
            yield db

    async def _write(self, sql: str, params: Sequence[object] = ()) -> aiosqlite.Cursor:
        """One autocommit write, never inside another task's transaction."""
        async with self._writing:
            return await self.db.execute(sql, params)

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    # -- privacy ------------------------------------------------------------

    def hash_user(self, user_id: int) -> str:
        """A salted hash of a Discord user id; the raw id is never stored."""
        return hmac.new(self._salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

    async def forget_user(self, user_id: int) -> int:
        """Erase a member's questions and votes; returns how many rows went."""
        user_hash = self.hash_user(user_id)
        async with self._transaction() as db:
            votes = await db.execute("DELETE FROM feedback WHERE user_hash = ?", (user_hash,))
            questions = await db.execute("DELETE FROM questions WHERE user_hash = ?", (user_hash,))
        return max(votes.rowcount, 0) + max(questions.rowcount, 0)

    async def purge(self, before: dt.datetime) -> int:
        """Delete questions (and their votes) asked before ``before``."""
        cursor = await self._write("DELETE FROM questions WHERE asked_at < ?", (utc_text(before),))
        return max(cursor.rowcount, 0)

    # -- questions and votes ------------------------------------------------

    async def log_questions(self, records: Sequence[QuestionRecord]) -> None:
        """Store several questions in one transaction."""
        rows = [self._question_row(r) for r in records]
        async with self._transaction() as db:
            await db.executemany(INSERT_QUESTION, rows)

    def _question_row(self, record: QuestionRecord) -> tuple[object, ...]:
        """The row for a question, with what privacy allows (no DM text unless kept, never a raw id)."""
        keep_text = record.source is not Source.DM or self.keep_dm_text
        private = record.source is Source.DM and not self.keep_dm_text
        user_hash = None if private or record.user_id is None else self.hash_user(record.user_id)
        return (
            record.id,
            utc_text(record.asked_at),
            record.source.value,
            record.guild_id,
            None if private else record.channel_id,
            user_hash,
            record.text if keep_text else None,
            record.kind,
            " ".join(record.matched),
            float(record.confidence),
            float(record.latency_ms),
        )

    async def log_question(self, record: QuestionRecord) -> int:
        """Store one question; returns its id (for votes on the answer)."""
        cursor = await self._write(INSERT_QUESTION, self._question_row(record))
        if cursor.lastrowid is None:  # pragma: no cover - sqlite always sets it for INSERT
            raise StorageError("no row id for the stored question")
        return cursor.lastrowid

    async def record_vote(self, question_id: int, user_id: int, vote: int) -> bool:
        """One vote per member per answer; voting again changes it.

        Returns False when the question is gone (purged, or erased by its asker).
        """
        if vote not in (-1, 1):
            raise StorageError(f"a vote is +1 or -1, not {vote}")
        cursor = await self._write(
            """INSERT INTO feedback (question_id, user_hash, vote, voted_at)
               SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)
               ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote,
                                                                voted_at = excluded.voted_at""",
            (question_id, self.hash_user(user_id), vote, utc_text(dt.datetime.now(dt.UTC)), question_id),
        )
        return cursor.rowcount > 0

    async def questions(
        self,
        since: dt.datetime,
        *,
        guild_id: int | None = None,
        only_gaps_below: float | None = None,
        only_voted: bool = False,
        limit: int = 10_000,
    ) -> list[StoredQuestion]:
        """Questions with text asked since ``since``, newest first.

        ``only_gaps_below`` keeps declined, low-confidence (below it) and
        down-voted ones; ``only_voted`` keeps those with any vote.
        """
        where = ["q.asked_at >= ?", "q.text IS NOT NULL"]
        params: list[object] = [utc_text(since)]
        if guild_id is not None:
            where.append("q.guild_id = ?")
            params.append(guild_id)
        having = ""
        if only_gaps_below is not None:
            having = "HAVING q.kind = 'none' OR q.confidence < ? OR down > 0"
            params.append(only_gaps_below)
        elif only_voted:
            having = "HAVING up + down > 0"
        params.append(limit)
        sql = f"""SELECT q.id, q.asked_at, q.guild_id, q.text, q.kind, q.matched, q.confidence,
                         COALESCE(SUM(f.vote = 1), 0) AS up, COALESCE(SUM(f.vote = -1), 0) AS down
                  FROM questions q LEFT JOIN feedback f ON f.question_id = q.id
                  WHERE {" AND ".join(where)}
                  GROUP BY q.id {having}
                  ORDER BY q.asked_at DESC LIMIT ?"""
        async with self.db.execute(sql, params) as cursor:
            rows = await cursor.fetchall()
        return [
            StoredQuestion(
                id=row[0],
                asked_at=parse_utc(row[1]),
                guild_id=row[2],
                text=row[3],
                kind=row[4],
                matched=tuple(row[5].split()),
                confidence=row[6],
                up_votes=int(row[7]),
                down_votes=int(row[8]),
            )
            for row in rows
        ]

    async def stats(self, since: dt.datetime, *, guild_id: int | None = None, top: int = 5) -> Stats:
        # Only these fixed fragments are interpolated into the SQL; values are always bound.
        scope = "asked_at >= ?" + (" AND guild_id = ?" if guild_id is not None else "")
        params: tuple[object, ...] = (utc_text(since), *((guild_id,) if guild_id is not None else ()))
        async with self.db.execute(
            f"""SELECT substr(asked_at, 1, 10) AS day, COUNT(*), SUM(kind != 'none')
                FROM questions WHERE {scope} GROUP BY day ORDER BY day""",
            params,
        ) as cursor:
            days = [
                DailyCount(dt.date.fromisoformat(d), n, int(a or 0)) for d, n, a in await cursor.fetchall()
            ]
        async with self.db.execute(
            f"""SELECT matched, COUNT(*) AS n FROM questions
                WHERE {scope} AND kind != 'none' AND matched != ''
                GROUP BY matched ORDER BY n DESC, matched LIMIT ?""",
            (*params, top),
        ) as cursor:
            top_entries = tuple((m, int(n)) for m, n in await cursor.fetchall())
        async with self.db.execute(
            f"""SELECT COALESCE(SUM(f.vote = 1), 0), COALESCE(SUM(f.vote = -1), 0)
                FROM feedback f JOIN questions q ON q.id = f.question_id
                WHERE q.{scope.replace(" AND guild_id", " AND q.guild_id")}""",
            params,
        ) as cursor:
            row = await cursor.fetchone()
        up, down = (int(row[0]), int(row[1])) if row else (0, 0)
        total = sum(d.asked for d in days)
        answered = sum(d.answered for d in days)
        return Stats(since, tuple(days), total, answered, top_entries, up, down)

    # -- guild settings -----------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        async with self.db.execute(
            """SELECT auto_answer_channels, answer_threshold, suggest_threshold, maintainer_role_id,
                      maintainers_channel_id, cooldown_seconds
               FROM guild_settings WHERE guild_id = ?""",
            (guild_id,),
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, _ids(row[0]), row[1], row[2], row[3], row[4], row[5])

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        await self._write(
            """INSERT INTO guild_settings (guild_id, auto_answer_channels, answer_threshold,
                   suggest_threshold, maintainer_role_id, maintainers_channel_id, cooldown_seconds)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (guild_id) DO UPDATE SET
                   auto_answer_channels = excluded.auto_answer_channels,
                   answer_threshold = excluded.answer_threshold,
                   suggest_threshold = excluded.suggest_threshold,
                   maintainer_role_id = excluded.maintainer_role_id,
                   maintainers_channel_id = excluded.maintainers_channel_id,
                   cooldown_seconds = excluded.cooldown_seconds""",
            (
                settings.guild_id,
                _ids_text(settings.auto_answer_channels),
                settings.answer_threshold,
                settings.suggest_threshold,
                settings.maintainer_role_id,
                settings.maintainers_channel_id,
                settings.cooldown_seconds,
            ),
        )

    # -- knowledge loads and meta ------------------------------------------

    async def record_knowledge_load(self, version: str | None, ok: bool, errors: Sequence[str] = ()) -> None:
        await self._write(
            "INSERT INTO knowledge_loads (loaded_at, version, ok, errors) VALUES (?, ?, ?, ?)",
            (utc_text(dt.datetime.now(dt.UTC)), version, int(ok), json.dumps(list(errors))),
        )

    async def last_knowledge_load(self) -> tuple[dt.datetime, str | None, bool, tuple[str, ...]] | None:
        async with self.db.execute(
            "SELECT loaded_at, version, ok, errors FROM knowledge_loads ORDER BY id DESC LIMIT 1"
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        return parse_utc(row[0]), row[1], bool(row[2]), tuple(json.loads(row[3] or "[]"))

    async def get_meta(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return None if row is None else str(row[0])

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


async def _salt(db: aiosqlite.Connection) -> str:
    """The per-database salt for user hashes, generated once."""
    await db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('user_salt', ?)", (secrets.token_hex(32),)
    )
    async with db.execute("SELECT value FROM meta WHERE key = 'user_salt'") as cursor:
        row = await cursor.fetchone()
    if row is None:  # pragma: no cover - the insert above guarantees a row
        raise StorageError("no salt in the database")
    return str(row[0])
