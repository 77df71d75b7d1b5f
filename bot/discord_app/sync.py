"""Command sync only when the command tree changed (Discord rate-limits creations)."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import discord
from discord import app_commands

from bot.storage import ResilientStorage

log = logging.getLogger("versus.sync")


def tree_hash(tree: app_commands.CommandTree[Any], guild_id: int | None) -> str:
    guild = discord.Object(guild_id) if guild_id is not None else None
    payload = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    if guild is not None:  # a dev guild gets the global commands copied in
        payload += [command.to_dict(tree) for command in tree.get_commands()]
    text = json.dumps(sorted(payload, key=lambda c: (c.get("type", 1), c["name"])), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


async def sync_tree(tree: app_commands.CommandTree[Any], guild_id: int | None) -> int:
    """Sync to the dev guild (instant) when one is configured, globally otherwise."""
    if guild_id is not None:
        guild = discord.Object(guild_id)
        tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
    else:
        synced = await tree.sync()
    return len(synced)


async def sync_if_changed(
    tree: app_commands.CommandTree[Any], storage: ResilientStorage, guild_id: int | None
) -> bool:
    """Sync only when the tree's hash differs from the stored one; returns whether it synced."""
    key = f"command_tree_hash:{guild_id or 'global'}"
    current = tree_hash(tree, guild_id)
    if await storage.get_meta(key) == current:
        log.info("command tree unchanged; not syncing")
        return False
    count = await sync_tree(tree, guild_id)
    await storage.set_meta(key, current)
    log.info("synced %d commands (%s)", count, f"guild {guild_id}" if guild_id else "global")
    return True
