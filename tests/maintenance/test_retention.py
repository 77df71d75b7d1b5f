import asyncio
import datetime as dt

import pytest

from bot.maintenance.retention import purge_periodically
from bot.storage import QuestionRecord, ResilientStorage, Source, SqliteStorage

NOW = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)


async def test_purges_at_start_and_then_at_each_interval(tmp_path):
    storage = ResilientStorage(SqliteStorage(tmp_path / "v.db"))
    await storage.open()
    inner = storage.inner
    await inner.log_question(
        QuestionRecord("ancient", "faq", 0.9, 1, Source.CLI, asked_at=NOW - dt.timedelta(days=200))
    )
    await inner.log_question(
        QuestionRecord("recent", "faq", 0.9, 1, Source.CLI, asked_at=NOW - dt.timedelta(days=10))
    )
    clock_now = [NOW]
    task = asyncio.create_task(purge_periodically(storage, 90, interval=0.05, clock=lambda: clock_now[0]))
    try:
        await asyncio.sleep(0.02)
        texts = [q.text for q in await inner.questions(NOW - dt.timedelta(days=365))]
        assert texts == ["recent"]
        clock_now[0] = NOW + dt.timedelta(days=85)  # a later day: "recent" is now past 90 days
        await asyncio.sleep(0.1)
        assert await inner.questions(NOW - dt.timedelta(days=365)) == []
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await storage.close()
