"""What Versus keeps, and erasing a member's own rows."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.client import VersusBot
from bot.render.card import COLOURS

ABOUT = """\
**What I keep:** the questions asked in servers, with the server and channel, a salted hash of \
your user id (never the id itself) and how I answered; and your 👍/👎 votes. Maintainers use \
them to find what the knowledge is missing. Server managers see their own server only.
**DMs:** only counted; their text is not kept{dm_note}.
**How long:** {days} days, then deleted automatically.
**Your rows:** `/privacy forget` erases your questions and votes now."""


class Privacy(commands.Cog):
    privacy = app_commands.Group(name="privacy", description="What Versus keeps about you")

    def __init__(self, bot: VersusBot) -> None:
        self.bot = bot

    @privacy.command(name="about", description="What I keep, for how long, and who sees it")
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        note = " (this bot's operator has turned DM logging on)" if self.bot.settings.log_dms else ""
        text = ABOUT.format(days=self.bot.settings.retention_days, dm_note=note)
        if self.bot.settings.log_dms:
            text = text.replace("only counted; their text is not kept", "kept like server questions")
        embed = discord.Embed(title="Privacy", description=text, colour=COLOURS["faq"])
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @privacy.command(name="forget", description="Erase your questions and votes")
    async def forget(self, interaction: discord.Interaction[Any]) -> None:
        await self.bot.question_log.flush()  # questions still queued are erased too
        removed = await self.bot.storage.forget_user(interaction.user.id)
        self.bot.conversations.forget(interaction.user.id)
        if removed is None:
            text = "I couldn't reach the question log right now; nothing was erased. Please try again later."
        else:
            text = f"Done: erased {removed} row(s) about you."
        await interaction.response.send_message(text, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, VersusBot)
    await bot.add_cog(Privacy(bot))
