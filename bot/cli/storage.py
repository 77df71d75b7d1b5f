"""Opening the database from a CLI command, closed on every exit path."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import time
from collections.abc import AsyncIterator

from bot.cli.common import CliError
from bot.engine import Answer
from bot.settings import Settings, default_db_path
from bot.storage import QuestionRecord, ResilientStorage, Source, SqliteStorage

_DURATION = re.compile(r"^\s*(\d+)\s*([hdw])\s*$")
_UNIT = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}


def parse_since(text: str) -> dt.datetime:
    """``7d``, ``12h`` or ``2w`` ago, as a UTC time."""
    match = _DURATION.match(text)
    if match is None:
        raise CliError(f"--since takes a duration such as 7d, 12h or 2w, not {text!r}")
    return dt.datetime.now(dt.UTC) - int(match.group(1)) * _UNIT[match.group(2)]


def sqlite_storage(settings: Settings) -> SqliteStorage:
    return SqliteStorage(settings.db_path or default_db_path(os.environ), keep_dm_text=settings.log_dms)


@contextlib.asynccontextmanager
async def question_log(settings: Settings) -> AsyncIterator[ResilientStorage]:
    """Storage for logging questions: a fault is a warning, never a failure."""
    storage = ResilientStorage(sqlite_storage(settings), logging.getLogger("versus.storage"))
    await storage.open()
    try:
        yield storage
    finally:
        await storage.close()


@contextlib.asynccontextmanager
async def admin_storage(settings: Settings) -> AsyncIterator[SqliteStorage]:
    """Storage for gaps, stats and erasure: a fault is reported to the operator."""
    storage = sqlite_storage(settings)
    try:
        await storage.open()
    except Exception as exc:
        raise CliError(f"cannot open the database {storage.path}: {exc}", 1) from None
    try:
        yield storage
    finally:
        await storage.close()


def cli_record(answer: Answer, started: float) -> QuestionRecord:
    return QuestionRecord(
        text=answer.query,
        kind=answer.kind,
        confidence=answer.confidence,
        latency_ms=(time.perf_counter() - started) * 1000,
        source=Source.CLI,
        matched=(answer.key,) if answer.answered else (),
    )
