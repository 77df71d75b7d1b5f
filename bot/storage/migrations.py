"""Numbered schema migrations, and applying them. Append new ones; never edit a released one.

``PRAGMA user_version`` holds the number of the last migration applied.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator

import aiosqlite

from bot.storage.errors import StorageError

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "questions, feedback and meta",
        (
            """CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE questions (
                id INTEGER PRIMARY KEY,
                asked_at TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('guild', 'dm', 'cli')),
                guild_id INTEGER,
                channel_id INTEGER,
                user_hash TEXT,
                text TEXT,
                kind TEXT NOT NULL,
                matched TEXT NOT NULL DEFAULT '',
                confidence REAL NOT NULL,
                latency_ms REAL NOT NULL
            )""",
            "CREATE INDEX questions_asked_at ON questions (asked_at)",
            """CREATE TABLE feedback (
                question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
                user_hash TEXT NOT NULL,
                vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
                voted_at TEXT NOT NULL,
                PRIMARY KEY (question_id, user_hash)
            )""",
        ),
    ),
    (
        2,
        "guild settings and knowledge loads",
        (
            """CREATE TABLE guild_settings (
                guild_id INTEGER PRIMARY KEY,
                auto_answer_channels TEXT NOT NULL DEFAULT '',
                answer_threshold REAL,
                suggest_threshold REAL,
                maintainer_role_id INTEGER,
                maintainers_channel_id INTEGER,
                cooldown_seconds REAL
            )""",
            """CREATE TABLE knowledge_loads (
                id INTEGER PRIMARY KEY,
                loaded_at TEXT NOT NULL,
                version TEXT,
                ok INTEGER NOT NULL,
                errors TEXT NOT NULL DEFAULT ''
            )""",
        ),
    ),
    (
        3,
        "indexes for per-guild and per-user queries",
        (
            "CREATE INDEX questions_guild ON questions (guild_id, asked_at)",
            "CREATE INDEX questions_user ON questions (user_hash)",
            "CREATE INDEX feedback_user ON feedback (user_hash)",
        ),
    ),
)

LATEST = MIGRATIONS[-1][0]


async def migrate(db: aiosqlite.Connection) -> None:
    """Apply missing migrations in one transaction, under SQLite's write lock.

    ``BEGIN IMMEDIATE`` takes the lock before the version is read, so two
    processes starting together cannot both apply the same migration.
    """
    async with immediate_transaction(db):
        async with db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        if current > LATEST:
            raise StorageError(
                f"the database is at schema version {current}, newer than this Versus ({LATEST}): "
                "upgrade Versus"
            )
        for number, _title, statements in MIGRATIONS:
            if number <= current:
                continue
            for statement in statements:
                await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {int(number)}")


@contextlib.asynccontextmanager
async def immediate_transaction(db: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error.

    A failed BEGIN is raised as it is (there is nothing to roll back), and a
    failed ROLLBACK never hides the error that caused it.
    """
    await db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        await db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            await db.execute("ROLLBACK")
        raise
