"""Plain data that crosses the storage boundary (no SQL, no Discord types)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    """Where a question was asked: it decides what may be kept."""

    GUILD = "guild"
    DM = "dm"
    CLI = "cli"


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    """One question and how it was answered, as a front end reports it."""

    text: str
    kind: str
    confidence: float
    latency_ms: float
    source: Source
    matched: tuple[str, ...] = ()
    """``kind:id`` of what was answered (``compare:pytorch,tensorflow@mobile-edge`` style keys)."""
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None
    """The raw id; storage keeps only its salted hash."""
    asked_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    id: int | None = None
    """Chosen by the front end when it must name the row before it is written
    (vote buttons are sent with the answer, before the question is logged)."""


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    """A question as read back for gaps and tuning (text may be absent: DMs)."""

    id: int
    asked_at: dt.datetime
    guild_id: int | None
    text: str | None
    kind: str
    matched: tuple[str, ...]
    confidence: float
    up_votes: int
    down_votes: int


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A server's own choices; ``None`` means "use the bot's default"."""

    guild_id: int
    auto_answer_channels: frozenset[int] = frozenset()
    answer_threshold: float | None = None
    suggest_threshold: float | None = None
    maintainer_role_id: int | None = None
    maintainers_channel_id: int | None = None
    cooldown_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class DailyCount:
    day: dt.date
    asked: int
    answered: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Usage over a period, for ``versus stats`` and ``/kb stats``."""

    since: dt.datetime
    days: tuple[DailyCount, ...]
    total: int
    answered: int
    top_entries: tuple[tuple[str, int], ...]
    up_votes: int
    down_votes: int

    @property
    def answer_rate(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def feedback_ratio(self) -> float | None:
        votes = self.up_votes + self.down_votes
        return self.up_votes / votes if votes else None
