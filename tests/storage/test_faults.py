"""Database faults are logged and never stop an answer; a crash loses no committed row."""

import datetime as dt
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from bot.storage import GuildSettings, QuestionRecord, ResilientStorage, Source, SqliteStorage

ROW = QuestionRecord("pytorch vs tf", "compare", 0.9, 0.2, Source.GUILD, guild_id=1, user_id=2)


@pytest.fixture
async def opened(tmp_path):
    """Resilient storages a test opens, closed even when the test fails (or its thread outlives pytest)."""
    made: list[ResilientStorage] = []

    def make(path, **options) -> ResilientStorage:
        store = ResilientStorage(SqliteStorage(path, **options))
        made.append(store)
        return store

    yield make
    for store in made:
        await store.close()


async def test_locked_database_degrades_then_recovers(tmp_path, caplog, opened):
    path = tmp_path / "v.db"
    store = opened(path, busy_timeout_ms=50)
    assert await store.open()
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    with caplog.at_level(logging.WARNING):
        assert await store.log_question(ROW) is None
    assert not store.healthy
    assert "locked" in store.last_error
    assert "storage degraded" in caplog.text
    assert await store.guild_settings(9) == GuildSettings(9)  # defaults, not an exception
    blocker.rollback()
    blocker.close()
    assert await store.log_question(ROW) is not None
    assert store.healthy


async def test_read_only_database(tmp_path, opened):
    store = opened(tmp_path / "v.db")
    await store.open()
    await store.inner.db.execute("PRAGMA query_only = ON")  # what a read-only file or mount does to writes
    assert await store.log_question(ROW) is None
    assert await store.record_vote(1, 2, 1) is None
    assert "readonly" in store.last_error.replace("-", "")


async def test_full_disk(tmp_path, opened):
    store = opened(tmp_path / "v.db")
    await store.open()
    async with store.inner.db.execute("PRAGMA page_count") as cursor:
        pages = (await cursor.fetchone())[0]
    await store.inner.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    big = QuestionRecord("x" * 200_000, "none", 0.0, 0.1, Source.CLI)
    assert await store.log_question(big) is None
    assert "full" in store.last_error


async def test_corrupt_file_is_left_alone_and_answers_go_on(tmp_path, opened):
    path = tmp_path / "v.db"
    garbage = b"this is not a database, just bytes " * 200
    path.write_bytes(garbage)
    store = opened(path)
    assert await store.open() is False
    assert await store.log_question(ROW) is None
    assert "not a database" in store.last_error
    assert path.read_bytes() == garbage  # nothing destroyed: an operator decides


async def test_unwritable_location(tmp_path, opened):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    store = opened(blocker / "v.db")
    assert await store.open() is False
    assert await store.purge(dt.datetime.now(dt.UTC)) is None


WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from bot.storage import QuestionRecord, Source, SqliteStorage

    async def main(path):
        async with SqliteStorage(path) as store:
            n = 0
            while True:
                await store.log_question(QuestionRecord(f"q{n}", "faq", 0.9, 0.1, Source.CLI))
                n += 1
                print(n, flush=True)  # committed: autocommit returns after the commit

    asyncio.run(main(sys.argv[1]))
    """
)


def test_killed_mid_write_keeps_every_committed_row(tmp_path):
    path = tmp_path / "v.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    )
    committed = 0
    deadline = time.monotonic() + 30
    assert writer.stdout is not None
    while committed < 200 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed = int(line)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert committed >= 200
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    assert stored >= committed
    texts = {row[0] for row in db.execute("SELECT text FROM questions")}
    assert {f"q{n}" for n in range(committed)} <= texts
