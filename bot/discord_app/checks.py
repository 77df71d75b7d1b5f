"""Who may do what: maintainers (shared knowledge) and server managers (their server)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.discord_app.client import VersusBot

MAINTAINERS_ONLY = (
    "Only the knowledge maintainers can do that: the knowledge is shared by every server. "
    "Ask them in the Versus repository."
)
MANAGERS_ONLY = "Only members with Manage Server (or this server's Versus maintainer role) can do that."
GUILD_ONLY = "That only works in a server, not in DMs."

T = TypeVar("T")


def versus(interaction: discord.Interaction[Any]) -> VersusBot:
    from bot.discord_app.client import VersusBot

    if not isinstance(interaction.client, VersusBot):  # pragma: no cover
        raise TypeError("not the Versus bot")
    return interaction.client


async def is_maintainer(interaction: discord.Interaction[Any]) -> bool:
    bot = versus(interaction)
    if interaction.user.id in bot.settings.maintainer_ids:
        return True
    try:
        return await bot.is_owner(interaction.user)
    except discord.HTTPException:
        return False


async def is_server_manager(interaction: discord.Interaction[Any]) -> bool:
    """Manage Server, the server's maintainer role, or a knowledge maintainer."""
    if interaction.guild is None or not isinstance(interaction.user, discord.Member):
        return False
    if interaction.user.guild_permissions.manage_guild:
        return True
    chosen = await versus(interaction).storage.guild_settings(interaction.guild.id)
    if chosen.maintainer_role_id is not None and any(
        r.id == chosen.maintainer_role_id for r in interaction.user.roles
    ):
        return True
    return await is_maintainer(interaction)


def maintainers_only() -> Callable[[T], T]:
    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if await is_maintainer(interaction):
            return True
        raise app_commands.CheckFailure(MAINTAINERS_ONLY)

    return app_commands.check(predicate)


def managers_only() -> Callable[[T], T]:
    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild is None:
            raise app_commands.CheckFailure(GUILD_ONLY)
        if await is_server_manager(interaction):
            return True
        raise app_commands.CheckFailure(MANAGERS_ONLY)

    return app_commands.check(predicate)
