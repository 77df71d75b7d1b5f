"""Numbered schema migrations. Append new ones; never edit a released one.

``PRAGMA user_version`` holds the number of the last migration applied.
"""

from __future__ import annotations

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
