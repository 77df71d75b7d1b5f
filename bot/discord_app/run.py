"""Starting the bot (``versus run``) and syncing its commands (``versus sync``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from pathlib import Path
from typing import Any

import aiohttp
import discord

from bot.discord_app.client import ShardedVersusBot, VersusBot
from bot.discord_app.sync import sync_tree, tree_hash
from bot.engine import KnowledgeLoadError, Thresholds
from bot.maintenance.reload import KnowledgeService
from bot.settings import Settings, default_db_path
from bot.storage import ResilientStorage, SqliteStorage

log = logging.getLogger("versus")

EXIT_OK = 0
EXIT_USAGE = 2


class StartupError(Exception):
    """A one-line reason the bot cannot start (exit status 2)."""


def setup_logging(settings: Settings) -> None:
    """discord.py's logging, once, at the configured level (the token is never logged)."""
    discord.utils.setup_logging(level=getattr(logging, settings.log_level), root=True)
    # Versus never joins voice: the missing voice libraries are not worth a warning per start.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def build_bot(settings: Settings, knowledge_dir: Path, **options: Any) -> VersusBot:
    thresholds = Thresholds(settings.answer_threshold, settings.suggest_threshold)
    try:
        service = KnowledgeService.start(knowledge_dir, thresholds, settings.context_ttl)
    except KnowledgeLoadError as exc:
        raise StartupError(str(exc)) from None
    storage = ResilientStorage(
        SqliteStorage(settings.db_path or default_db_path(os.environ), keep_dm_text=settings.log_dms)
    )
    if settings.shard_count is not None:
        shards: dict[str, Any] = {"shard_count": settings.shard_count}
        if settings.shard_ids is not None:
            shards["shard_ids"] = list(settings.shard_ids)
        return ShardedVersusBot(settings, service, storage, **shards, **options)
    return VersusBot(settings, service, storage, **options)


async def serve(bot: VersusBot, token: str, stop: asyncio.Event | None = None) -> None:
    """Run ``bot`` until ``stop`` is set (SIGINT/SIGTERM set it), then close the gateway and database.

    A rejected token, a missing privileged intent or an unreachable Discord
    becomes a one-line :class:`StartupError`.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(
            NotImplementedError, RuntimeError, ValueError
        ):  # Windows; not the main thread
            loop.add_signal_handler(sig, stop.set)
    try:
        async with bot:
            runner = asyncio.create_task(bot.start(token))
            stopper = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if stopper in done:
                log.info("shutting down: closing the gateway and the database")
                await bot.close()
            stopper.cancel()
            await asyncio.gather(runner, return_exceptions=stopper in done)
    except discord.LoginFailure:
        raise StartupError(
            "Discord rejected the token in DISCORD_TOKEN; copy it again from the Developer Portal"
        ) from None
    except discord.PrivilegedIntentsRequired:
        raise StartupError(
            "VERSUS_MESSAGE_CONTENT is on but the application is not approved for the Message Content "
            "intent: enable it in the Developer Portal (Bot → Privileged Gateway Intents) "
            "or turn the setting off"
        ) from None
    except (aiohttp.ClientError, OSError) as exc:
        raise StartupError(f"cannot reach Discord: {exc}") from None
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)


def run_bot(settings: Settings, knowledge_dir: Path) -> int:
    """Run until stopped; a rejected token or a missing intent is one line and exit 2."""
    if not settings.discord_token:
        raise StartupError("DISCORD_TOKEN is not set")
    setup_logging(settings)
    bot = build_bot(settings, knowledge_dir)
    asyncio.run(serve(bot, settings.discord_token))
    return EXIT_OK


async def _sync(bot: VersusBot, token: str, guild_id: int | None) -> int:
    async with bot:
        await bot.login(token)  # runs setup_hook: cogs and commands are registered, nothing synced
        count = await sync_tree(bot.tree, guild_id)
        await bot.storage.set_meta(f"command_tree_hash:{guild_id or 'global'}", tree_hash(bot.tree, guild_id))
        return count


def sync_commands(settings: Settings, knowledge_dir: Path) -> int:
    """Sync the command tree now (to the dev guild when one is configured)."""
    if not settings.discord_token:
        raise StartupError("DISCORD_TOKEN is not set")
    bot = build_bot(settings, knowledge_dir, sync_commands=False, background_tasks=False)
    try:
        count = asyncio.run(_sync(bot, settings.discord_token, settings.dev_guild_id))
    except discord.LoginFailure:
        raise StartupError("Discord rejected the token in DISCORD_TOKEN") from None
    except (aiohttp.ClientError, OSError) as exc:
        raise StartupError(f"cannot reach Discord: {exc}") from None
    target = (
        f"guild {settings.dev_guild_id}"
        if settings.dev_guild_id
        else "global (may take up to an hour to show)"
    )
    print(f"Synced {count} commands: {target}.")
    return EXIT_OK
