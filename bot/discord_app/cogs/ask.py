"""Asking: ``/ask`` (with autocomplete), mentions and DMs, "Ask Versus", auto-answer."""

from __future__ import annotations

import re
import time
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

import bot.limits as limits
from bot.discord_app.client import VersusBot, send
from bot.render.card import cut

HELLO = (
    "Hi! Ask me about PyTorch, TensorFlow, JAX or Keras, e.g. “pytorch vs tensorflow for deployment”. "
    "`/help` lists everything."
)
NO_TEXT = "That message has no text I can read."


def mention_pattern(user_id: int) -> re.Pattern[str]:
    return re.compile(rf"<@!?{user_id}>")


class Ask(commands.Cog):
    def __init__(self, bot: VersusBot) -> None:
        self.bot = bot
        self._last_auto: dict[int, int] = {}
        self._last_seen: dict[int, int] = {}
        self.ask_menu = app_commands.ContextMenu(name="Ask Versus", callback=self.ask_about_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.ask_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.ask_menu.name, type=self.ask_menu.type)

    async def _cooldown_left(self, user_id: int, guild_id: int | None) -> float:
        seconds = self.bot.settings.cooldown
        if guild_id is not None:
            chosen = await self.bot.storage.guild_settings(guild_id)
            if chosen.cooldown_seconds is not None:
                seconds = chosen.cooldown_seconds
        return self.bot.cooldowns.wait_left(user_id, seconds, time.monotonic())

    async def _answer_interaction(self, interaction: discord.Interaction[Any], question: str) -> None:
        wait = await self._cooldown_left(interaction.user.id, interaction.guild_id)
        if wait:
            await interaction.response.send_message(f"One moment: try again in {wait:.0f} s.", ephemeral=True)
            return
        answer, question_id = await self.bot.answer(
            question,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id,
            guild_id=interaction.guild_id,
        )
        embeds, view = self.bot.reply_parts(answer, question_id)
        await send(interaction, embeds, view)

    @app_commands.command(name="ask", description="Ask a question about PyTorch, TensorFlow, JAX or Keras")
    @app_commands.describe(question="Your question, e.g. “can I run pytorch on a phone?”")
    async def ask(
        self, interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 500]
    ) -> None:
        await self._answer_interaction(interaction, question)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        entries = self.bot.engine.complete(current, limit=limits.AUTOCOMPLETE_CHOICES)
        choices = [
            app_commands.Choice(
                name=cut(e.question, limits.AUTOCOMPLETE_CHOICE),
                value=cut(e.question, limits.AUTOCOMPLETE_CHOICE),
            )
            for e in entries
        ]
        typed = current.strip()
        if typed and all(c.value != typed for c in choices):  # keep what the member typed as a choice
            own = cut(typed, limits.AUTOCOMPLETE_CHOICE)
            choices = [app_commands.Choice(name=own, value=own), *choices]
        return choices[: limits.AUTOCOMPLETE_CHOICES]

    async def ask_about_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        text = message.content.strip()
        if not text:
            await interaction.response.send_message(NO_TEXT, ephemeral=True)
            return
        await self._answer_interaction(interaction, text)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None:
            return
        me = self.bot.user
        direct = message.guild is None or me in message.mentions
        if direct:
            await self._reply_to(message, mention_pattern(me.id).sub(" ", message.content).strip())
        elif self.bot.settings.message_content and message.guild is not None:
            await self._maybe_auto_answer(message)

    async def _reply_to(self, message: discord.Message, text: str) -> None:
        if not text:
            await message.reply(HELLO, mention_author=False)
            return
        guild_id = message.guild.id if message.guild else None
        if await self._cooldown_left(message.author.id, guild_id):
            return  # a mention during the cooldown is ignored rather than answered with noise
        answer, question_id = await self.bot.answer(
            text, user_id=message.author.id, channel_id=message.channel.id, guild_id=guild_id
        )
        embeds, view = self.bot.reply_parts(answer, question_id)
        await message.reply(embeds=embeds, view=view or discord.utils.MISSING, mention_author=False)

    async def _maybe_auto_answer(self, message: discord.Message) -> None:
        """Answer in a moderator-chosen channel, only when confident, never twice in a row."""
        assert message.guild is not None
        channel_id = message.channel.id
        chosen = await self.bot.storage.guild_settings(message.guild.id)
        parent = getattr(message.channel, "parent_id", None)
        if channel_id not in chosen.auto_answer_channels and parent not in chosen.auto_answer_channels:
            return
        previous = self._last_seen.get(channel_id)
        self._last_seen[channel_id] = message.id
        if previous is not None and self._last_auto.get(channel_id) == previous:
            return  # we answered the message just before this one
        answer, question_id = await self.bot.answer(
            message.content,
            user_id=message.author.id,
            channel_id=channel_id,
            guild_id=message.guild.id,
            confident_only=True,
        )
        if question_id is None:
            return
        embeds, view = self.bot.reply_parts(answer, question_id)
        await message.reply(embeds=embeds, view=view or discord.utils.MISSING, mention_author=False)
        self._last_auto[channel_id] = message.id


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, VersusBot)
    await bot.add_cog(Ask(bot))
