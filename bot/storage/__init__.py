"""Storage: questions, votes, guild settings and knowledge loads (aiosqlite).

Knows nothing of the engine or Discord: front ends hand it plain records.
"""

from bot.storage.errors import StorageError
from bot.storage.records import DailyCount, GuildSettings, QuestionRecord, Source, Stats, StoredQuestion
from bot.storage.resilient import ResilientStorage
from bot.storage.sqlite import SqliteStorage

__all__ = [
    "DailyCount",
    "GuildSettings",
    "QuestionRecord",
    "ResilientStorage",
    "Source",
    "SqliteStorage",
    "Stats",
    "StorageError",
    "StoredQuestion",
]
