"""A running Versus bot against the fake Discord, with a throwaway database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import discord
import pytest

from bot.discord_app.client import VersusBot
from bot.maintenance.reload import KnowledgeService
from bot.settings import Settings
from bot.storage import ResilientStorage, SqliteStorage
from tests.fakediscord import FakeDiscord


@dataclass
class Running:
    fake: FakeDiscord
    bot: VersusBot
    manager: int
    """A member with Manage Server."""


def make_bot(settings: Settings, knowledge_dir: Path, db: Path) -> VersusBot:
    service = KnowledgeService.start(knowledge_dir)
    storage = ResilientStorage(SqliteStorage(db))
    return VersusBot(settings, service, storage, background_tasks=False)


@pytest.fixture
def versus_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(**env: str) -> Settings:
        base = {"VERSUS_DB_PATH": str(tmp_path / "v.db"), "VERSUS_COOLDOWN": "0"}
        base.update(env)
        return Settings.from_env(base)

    return make


@pytest.fixture
async def running(
    tmp_path: Path, shipped_dir: Path, versus_settings: Callable[..., Settings]
) -> AsyncIterator[Running]:
    async with FakeDiscord() as fake:
        role = fake.add_role("Moderators", permissions=discord.Permissions(manage_guild=True))
        manager = fake.add_user("mod", roles=[role])
        bot = make_bot(versus_settings(), shipped_dir, tmp_path / "v.db")
        await fake.start_client(bot)
        try:
            yield Running(fake, bot, manager)
        finally:
            await fake.stop_client()
