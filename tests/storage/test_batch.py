import asyncio
import datetime as dt

from bot.storage import QuestionRecord, ResilientStorage, Source, SqliteStorage
from bot.storage.batch import MAX_BATCH, BatchedQuestionLog

SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def record(n: int) -> QuestionRecord:
    return QuestionRecord(f"q{n}", "faq", 0.9, 0.1, Source.GUILD, guild_id=1, user_id=n, id=1000 + n)


async def test_questions_are_written_together_shortly_after(tmp_path):
    storage = ResilientStorage(SqliteStorage(tmp_path / "v.db"))
    await storage.open()
    log = BatchedQuestionLog(storage, flush_after=0.05)
    try:
        for n in range(5):
            log.add(record(n))
        assert await storage.inner.questions(SINCE) == []  # nothing written yet
        await asyncio.sleep(0.15)
        assert len(await storage.inner.questions(SINCE)) == 5
    finally:
        await log.close()
        await storage.close()


async def test_a_vote_waits_for_its_question_and_close_writes_the_rest(tmp_path):
    storage = ResilientStorage(SqliteStorage(tmp_path / "v.db"))
    await storage.open()
    log = BatchedQuestionLog(storage, flush_after=10)  # would not flush on its own in time
    log.add(record(1))
    await log.written(1001)
    assert await storage.record_vote(1001, 7, 1) is True
    log.add(record(2))
    await log.close()
    assert {q.text for q in await storage.inner.questions(SINCE)} == {"q1", "q2"}
    await storage.close()


async def test_a_failing_database_does_not_hang_a_waiting_vote(tmp_path):
    (tmp_path / "v.db").write_bytes(b"not a database " * 100)
    storage = ResilientStorage(SqliteStorage(tmp_path / "v.db"))
    assert await storage.open() is False
    log = BatchedQuestionLog(storage, flush_after=0.01)
    log.add(record(3))
    await asyncio.wait_for(log.written(1003), timeout=2)
    await log.close()
    await storage.close()


async def test_full_batches_written_while_another_is_in_flight_do_not_collide(tmp_path):
    storage = ResilientStorage(SqliteStorage(tmp_path / "v.db"))
    await storage.open()
    log = BatchedQuestionLog(storage, flush_after=10)
    for n in range(MAX_BATCH):
        log.add(record(n))
    await asyncio.sleep(0)  # the first full batch starts writing
    for n in range(MAX_BATCH, 2 * MAX_BATCH):
        log.add(record(n))
    await log.close()  # must wait for the first write too
    assert storage.healthy, storage.last_error
    assert len(await storage.inner.questions(SINCE)) == 2 * MAX_BATCH
    await storage.close()
