"""Starting and stopping the bot: a rejected token, and a clean shutdown."""

import asyncio

import pytest

from bot.discord_app.run import StartupError, serve
from tests.discord_app.conftest import make_bot
from tests.fakediscord import FakeDiscord


async def test_a_rejected_token_is_one_clear_error(tmp_path, shipped_dir, versus_settings):
    async with FakeDiscord() as fake:
        bot = make_bot(versus_settings(), shipped_dir, tmp_path / "v.db")
        with pytest.raises(StartupError, match="rejected the token"):
            await serve(bot, "not-the-token")
        assert fake.identifies == 0


async def test_stop_closes_the_gateway_and_the_database(tmp_path, shipped_dir, versus_settings):
    async with FakeDiscord() as fake:
        bot = make_bot(versus_settings(), shipped_dir, tmp_path / "v.db")
        stop = asyncio.Event()
        serving = asyncio.create_task(serve(bot, fake.token, stop))
        await fake.wait_until_ready(bot)
        stop.set()
        await asyncio.wait_for(serving, timeout=10)
        assert bot.is_closed()
        assert not bot.storage.inner.is_open  # the connection (and its thread) is gone


async def test_the_bot_writes_a_heartbeat_health_can_read(running, tmp_path):
    from bot.heartbeat import heartbeat_path, read_heartbeat

    await running.bot.beat()
    beat = read_heartbeat(heartbeat_path(tmp_path / "v.db"))
    assert beat is not None
    assert beat.guilds == 1
    assert beat.storage_ok
    assert beat.knowledge_version == running.bot.engine.knowledge.version
