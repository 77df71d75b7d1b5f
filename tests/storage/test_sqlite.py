import asyncio
import datetime as dt
import sqlite3

import pytest

from bot.storage import GuildSettings, QuestionRecord, Source, SqliteStorage, StorageError
from bot.storage.migrations import LATEST, MIGRATIONS

NOW = dt.datetime.now(dt.UTC)


def record(
    text="pytorch vs tf?", *, source=Source.GUILD, user=42, guild=7, kind="compare", conf=0.9, at=None
):
    return QuestionRecord(
        text=text,
        kind=kind,
        confidence=conf,
        latency_ms=0.3,
        source=source,
        matched=("compare:pytorch,tensorflow",) if kind != "none" else (),
        guild_id=guild if source is Source.GUILD else None,
        channel_id=99,
        user_id=user,
        asked_at=at or NOW,
    )


@pytest.fixture
async def store(tmp_path):
    async with SqliteStorage(tmp_path / "data" / "versus.db") as storage:
        yield storage


async def test_open_creates_a_wal_database_at_the_latest_version(tmp_path, store):
    assert (tmp_path / "data" / "versus.db").exists()
    assert await store.schema_version() == LATEST
    async with store.db.execute("PRAGMA journal_mode") as cursor:
        assert (await cursor.fetchone())[0] == "wal"


async def test_user_ids_are_stored_only_as_a_stable_salted_hash(tmp_path):
    path = tmp_path / "v.db"
    async with SqliteStorage(path) as first:
        await first.log_question(record(user=123456789012345678))
        hashed = first.hash_user(123456789012345678)
    async with SqliteStorage(path) as again:
        assert again.hash_user(123456789012345678) == hashed  # salt kept in the database
    other = tmp_path / "other.db"
    async with SqliteStorage(other) as fresh:
        assert fresh.hash_user(123456789012345678) != hashed  # a salt per database
    raw = sqlite3.connect(path).execute("SELECT * FROM questions").fetchall()
    assert "123456789012345678" not in repr(raw)
    assert hashed in repr(raw)


async def test_dm_questions_are_counted_but_not_kept(tmp_path):
    async with SqliteStorage(tmp_path / "v.db") as store:
        await store.log_question(record("my secret dm", source=Source.DM))
    db = sqlite3.connect(tmp_path / "v.db")
    row = db.execute("SELECT text, user_hash, channel_id, kind FROM questions").fetchone()
    assert row == (None, None, None, "compare")
    async with SqliteStorage(tmp_path / "w.db", keep_dm_text=True) as store:
        await store.log_question(record("kept dm", source=Source.DM))
    row = sqlite3.connect(tmp_path / "w.db").execute("SELECT text, user_hash FROM questions").fetchone()
    assert row[0] == "kept dm" and row[1] is not None


async def test_one_vote_per_member_per_answer_and_it_can_change(store):
    question = await store.log_question(record(kind="faq"))
    await store.record_vote(question, 1, 1)
    await store.record_vote(question, 2, 1)
    await store.record_vote(question, 1, -1)  # member 1 changes their mind
    (row,) = await store.questions(NOW - dt.timedelta(minutes=1))
    assert (row.up_votes, row.down_votes) == (1, 1)
    with pytest.raises(StorageError):
        await store.record_vote(question, 1, 5)


async def test_forget_user_erases_only_their_rows(store):
    mine = await store.log_question(record("mine", user=1))
    theirs = await store.log_question(record("theirs", user=2))
    await store.record_vote(theirs, 1, 1)
    await store.record_vote(mine, 2, -1)
    removed = await store.forget_user(1)
    assert removed == 2  # one question, one vote
    rows = await store.questions(NOW - dt.timedelta(minutes=1))
    assert [r.text for r in rows] == ["theirs"]
    assert (rows[0].up_votes, rows[0].down_votes) == (0, 0)


async def test_purge_removes_old_questions_and_their_votes(store):
    old = await store.log_question(record("old", at=NOW - dt.timedelta(days=100)))
    await store.log_question(record("new"))
    await store.record_vote(old, 3, 1)
    assert await store.purge(NOW - dt.timedelta(days=90)) == 1
    rows = await store.questions(NOW - dt.timedelta(days=365))
    assert [r.text for r in rows] == ["new"]
    count = await (await store.db.execute("SELECT COUNT(*) FROM feedback")).fetchone()
    assert count[0] == 0


async def test_gap_filter_keeps_declined_low_confidence_and_down_voted(store):
    await store.log_question(record("declined", kind="none", conf=0.1))
    await store.log_question(record("unsure", kind="faq", conf=0.45))
    voted_down = await store.log_question(record("wrong", kind="faq", conf=0.9))
    await store.log_question(record("fine", kind="faq", conf=0.9))
    await store.log_question(record("other server", kind="none", conf=0.1, guild=8))
    await store.record_vote(voted_down, 5, -1)
    since = NOW - dt.timedelta(hours=1)
    gaps = await store.questions(since, guild_id=7, only_gaps_below=0.6)
    assert sorted(r.text for r in gaps) == ["declined", "unsure", "wrong"]
    everywhere = await store.questions(since, only_gaps_below=0.6)
    assert "other server" in {r.text for r in everywhere}
    voted = await store.questions(since, only_voted=True)
    assert [r.text for r in voted] == ["wrong"]


async def test_stats_per_day_answer_rate_top_entries_and_votes(store):
    yesterday = NOW - dt.timedelta(days=1)
    a = await store.log_question(record("q1", at=yesterday))
    await store.log_question(record("q2"))
    await store.log_question(record("q3", kind="none", conf=0.1))
    await store.log_question(record("elsewhere", guild=8))
    await store.record_vote(a, 1, 1)
    stats = await store.stats(NOW - dt.timedelta(days=7), guild_id=7)
    assert stats.total == 3
    assert stats.answered == 2
    assert [d.asked for d in stats.days] == [1, 2]
    assert stats.top_entries == (("compare:pytorch,tensorflow", 2),)
    assert (stats.up_votes, stats.down_votes, stats.feedback_ratio) == (1, 0, 1.0)
    assert (await store.stats(NOW - dt.timedelta(days=7))).total == 4


async def test_guild_settings_round_trip(store):
    assert await store.guild_settings(5) == GuildSettings(5)
    chosen = GuildSettings(5, frozenset({11, 12}), 0.7, 0.4, 33, 44, 10.0)
    await store.save_guild_settings(chosen)
    assert await store.guild_settings(5) == chosen
    await store.save_guild_settings(GuildSettings(5, frozenset()))
    assert (await store.guild_settings(5)).auto_answer_channels == frozenset()


async def test_knowledge_loads_and_meta(store):
    assert await store.last_knowledge_load() is None
    await store.record_knowledge_load("abc", True)
    await store.record_knowledge_load(None, False, ["faq.yaml:3: error: x"])
    _when, version, ok, errors = await store.last_knowledge_load()
    assert (version, ok, errors) == (None, False, ("faq.yaml:3: error: x",))
    assert await store.get_meta("tree") is None
    await store.set_meta("tree", "h1")
    await store.set_meta("tree", "h2")
    assert await store.get_meta("tree") == "h2"


# -- migrations ---------------------------------------------------------------


def _build_at(path, version: int) -> None:
    """A database as an older Versus left it, with a row in it."""
    db = sqlite3.connect(path)
    for number, _title, statements in MIGRATIONS:
        if number > version:
            break
        for statement in statements:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {number}")
    if version >= 1:
        db.execute(
            "INSERT INTO questions (asked_at, source, text, kind, confidence, latency_ms)"
            " VALUES ('2026-11-01T00:00:00.000000+00:00', 'cli', 'old row', 'faq', 0.9, 1.0)"
        )
    db.commit()
    db.close()


@pytest.mark.parametrize("version", range(LATEST + 1))
async def test_migrates_from_every_earlier_version_keeping_rows(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    if version:
        _build_at(path, version)
    async with SqliteStorage(path) as store:
        assert await store.schema_version() == LATEST
        await store.save_guild_settings(GuildSettings(1, frozenset({2})))
        rows = await store.questions(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        assert [r.text for r in rows] == (["old row"] if version else [])


async def test_a_newer_schema_is_refused_not_damaged(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.commit()
    db.close()
    with pytest.raises(StorageError, match="newer than this Versus"):
        await SqliteStorage(path).open()


async def test_two_connections_share_the_file(tmp_path):
    path = tmp_path / "shared.db"
    async with SqliteStorage(path) as one, SqliteStorage(path) as two:
        await one.log_question(record("from one"))
        await two.log_question(record("from two"))
        assert one.hash_user(1) == two.hash_user(1)
        assert len(await two.questions(NOW - dt.timedelta(minutes=1))) == 2


async def test_a_vote_for_a_vanished_question_is_refused_not_an_error(store):
    question = await store.log_question(record())
    assert await store.record_vote(question, 1, 1) is True
    await store.forget_user(42)  # the asker erased their rows
    assert await store.record_vote(question, 1, -1) is False


async def test_tasks_sharing_the_connection_never_nest_transactions(store):
    """A burst: batches, an erasure, votes and settings written by concurrent tasks."""
    first = await store.log_question(record("voted on", user=5))
    batches = [
        [
            QuestionRecord(
                f"b{b}-{n}", "faq", 0.9, 0.1, Source.GUILD, guild_id=7, user_id=n, id=10_000 + 100 * b + n
            )
            for n in range(20)
        ]
        for b in range(4)
    ]
    await asyncio.gather(
        *(store.log_questions(batch) for batch in batches),
        store.forget_user(3),
        store.record_vote(first, 8, 1),
        store.save_guild_settings(GuildSettings(7, cooldown_seconds=4)),
    )
    texts = {r.text for r in await store.questions(NOW - dt.timedelta(minutes=1))}
    # Writes queue in the order the tasks started, so the erasure came after the batches.
    assert texts == {"voted on"} | {f"b{b}-{n}" for b in range(4) for n in range(20) if n != 3}
    assert (await store.guild_settings(7)).cooldown_seconds == 4


async def test_a_failed_batch_is_rolled_back_whole_and_the_connection_stays_usable(store):
    good = QuestionRecord("good", "faq", 0.9, 0.1, Source.GUILD, guild_id=7, user_id=1, id=500)
    clash = QuestionRecord("clash", "faq", 0.9, 0.1, Source.GUILD, guild_id=7, user_id=1, id=500)
    with pytest.raises(sqlite3.IntegrityError):
        await store.log_questions([good, clash])
    assert await store.questions(NOW - dt.timedelta(minutes=1)) == []
    await store.log_questions([good])
    assert [r.text for r in await store.questions(NOW - dt.timedelta(minutes=1))] == ["good"]


async def test_an_open_that_finds_a_new_file_locked_is_retried_until_the_busy_timeout(tmp_path, monkeypatch):
    # Two processes creating one file at once: SQLite may report "locked" at once
    # instead of waiting (switching a new file to WAL). The open retries.
    storage = SqliteStorage(tmp_path / "v.db", busy_timeout_ms=500)
    real_connect = storage._connect
    failures = [sqlite3.OperationalError("database is locked")] * 2

    async def flaky_connect():
        if failures:
            raise failures.pop()
        return await real_connect()

    monkeypatch.setattr(storage, "_connect", flaky_connect)
    await storage.open()
    assert storage.is_open and not failures
    await storage.close()


async def test_an_open_gives_up_after_the_busy_timeout_and_on_other_errors(tmp_path, monkeypatch):
    storage = SqliteStorage(tmp_path / "v.db", busy_timeout_ms=100)
    calls = []

    async def locked():
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(storage, "_connect", locked)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        await storage.open()
    assert 1 < len(calls) < 10  # retried, with growing pauses, then gave up

    async def broken():
        calls.append(1)
        raise sqlite3.OperationalError("disk I/O error")

    calls.clear()
    monkeypatch.setattr(storage, "_connect", broken)
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        await storage.open()
    assert len(calls) == 1
