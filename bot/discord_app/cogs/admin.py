"""Knowledge admin (``/kb``) and per-server settings (``/settings``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import is_maintainer, maintainers_only, managers_only
from bot.discord_app.client import VersusBot
from bot.engine import Thresholds
from bot.maintenance.gaps import find_gaps
from bot.render.card import COLOURS, cut
from bot.storage import GuildSettings

CONTENT_INTENT_OFF = (
    "Auto-answer reads every message in a channel, which needs Discord's privileged Message Content "
    "intent. This bot runs without it (`VERSUS_MESSAGE_CONTENT` is off), so auto-answer stays off. "
    "Members can still mention me, DM me, use `/ask` or right-click a message → Apps → Ask Versus."
)
SINCE = {"1d": 1, "7d": 7, "30d": 30, "90d": 90}


def block(text: str, limit: int = 1900) -> str:
    return f"```\n{cut(text, limit)}\n```"


class Admin(commands.Cog):
    kb = app_commands.Group(name="kb", description="The shared knowledge: reload, test, preview, gaps, stats")
    settings = app_commands.Group(
        name="settings", description="This server's Versus settings", guild_only=True
    )
    auto_answer = app_commands.Group(
        name="auto-answer", description="Channels where I answer unprompted", parent=settings
    )

    def __init__(self, bot: VersusBot) -> None:
        self.bot = bot

    # -- /kb: maintainers ----------------------------------------------------

    @kb.command(name="reload", description="Reload the knowledge now (maintainers)")
    @maintainers_only()
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await self.bot.knowledge.reload_async()
        await self.bot.after_reload(report)
        await interaction.followup.send(block(report.summary()), ephemeral=True)

    @kb.command(name="test", description="How a question is matched, with scores (maintainers)")
    @maintainers_only()
    async def test(self, interaction: discord.Interaction[Any], question: str) -> None:
        answer = self.bot.engine.ask(question)
        lines = [f"answer: {answer.key}  confidence {answer.confidence:.2f}"]
        lines += [f"why: {answer.candidates[0].why}" if answer.candidates else "why: nothing matched"]
        lines += ["ranking:"] + [
            f"  {c.kind}:{c.id}  {c.score:.2f}  ({c.why})" for c in answer.candidates[1:8] if c.id is not None
        ]
        await interaction.response.send_message(block("\n".join(lines)), ephemeral=True)

    @kb.command(
        name="preview",
        description="An entry exactly as members see it, e.g. faq:pytorch-mobile (maintainers)",
    )
    @app_commands.describe(entry="kind:id — faq:…, pros:…, cons:…, compare:a,b@aspect, verdict:a,b@use-case")
    @maintainers_only()
    async def preview(self, interaction: discord.Interaction[Any], entry: str) -> None:
        key = entry.strip()
        if key.startswith("aspect:"):
            key = f"compare:{','.join(self.bot.engine.knowledge.frameworks)}@{key.split(':', 1)[1]}"
        try:
            answer = self.bot.engine.answer_for_key(key)
        except ValueError as exc:
            await interaction.response.send_message(f"Can't preview {entry!r}: {exc}.", ephemeral=True)
            return
        embeds, view = self.bot.reply_parts(answer, None)
        await interaction.response.send_message(
            embeds=embeds, view=view or discord.utils.MISSING, ephemeral=True
        )

    # -- /kb: server managers (their server; maintainers may see all) ----------

    @kb.command(name="gaps", description="Questions I answered badly here, grouped")
    @app_commands.choices(since=[app_commands.Choice(name=k, value=k) for k in SINCE])
    @app_commands.describe(everywhere="Maintainers only: every server")
    @managers_only()
    async def gaps(
        self, interaction: discord.Interaction[Any], since: str = "7d", everywhere: bool = False
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        scope = await self._scope(interaction, everywhere)
        await self.bot.question_log.flush()
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=SINCE.get(since, 7))
        try:
            rows = await self.bot.storage.inner.questions(
                start, guild_id=scope, only_gaps_below=self.bot.settings.answer_threshold
            )
        except Exception:  # the database is down: say so, don't crash
            await interaction.followup.send("The question log is unavailable right now.", ephemeral=True)
            return
        gaps = find_gaps(rows, self.bot.engine, low_confidence=self.bot.settings.answer_threshold, limit=10)
        if not gaps:
            await interaction.followup.send(f"No gaps in the last {since}.", ephemeral=True)
            return
        lines = []
        for gap in gaps:
            closest = f" → closest {gap.closest_id} ({gap.closest_score:.2f})" if gap.closest_id else ""
            on_purpose = f" (declined topic {gap.declined_topic})" if gap.declined_topic else ""
            lines.append(f"×{gap.count} {gap.example!r}{closest}{on_purpose}")
        await interaction.followup.send(block("\n".join(lines)), ephemeral=True)

    @kb.command(name="stats", description="Questions, answer rate and feedback here")
    @app_commands.choices(since=[app_commands.Choice(name=k, value=k) for k in SINCE])
    @app_commands.describe(everywhere="Maintainers only: every server")
    @managers_only()
    async def stats(
        self, interaction: discord.Interaction[Any], since: str = "30d", everywhere: bool = False
    ) -> None:
        scope = await self._scope(interaction, everywhere)
        await self.bot.question_log.flush()
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=SINCE.get(since, 30))
        try:
            stats = await self.bot.storage.inner.stats(start, guild_id=scope)
        except Exception:
            await interaction.response.send_message(
                "The question log is unavailable right now.", ephemeral=True
            )
            return
        ratio = "no votes yet" if stats.feedback_ratio is None else f"{stats.feedback_ratio:.0%} helpful"
        embed = discord.Embed(title=f"Versus · last {since}", colour=COLOURS["faq"])
        embed.add_field(name="Questions", value=str(stats.total))
        embed.add_field(name="Answered", value=f"{stats.answered} ({stats.answer_rate:.0%})")
        embed.add_field(name="Feedback", value=f"👍 {stats.up_votes} · 👎 {stats.down_votes} ({ratio})")
        if stats.top_entries:
            embed.add_field(
                name="Top answers", value="\n".join(f"{n} × {k}" for k, n in stats.top_entries), inline=False
            )
        await interaction.response.send_message(embed=embed, ephemeral=True)

    async def _scope(self, interaction: discord.Interaction[Any], everywhere: bool) -> int | None:
        if everywhere and await is_maintainer(interaction):
            return None
        return interaction.guild_id

    # -- /settings: server managers -------------------------------------------

    async def _update(self, interaction: discord.Interaction[Any], **changes: Any) -> GuildSettings | None:
        assert interaction.guild_id is not None
        current = await self.bot.storage.guild_settings(interaction.guild_id)
        updated = dataclasses.replace(current, **changes)
        if not await self.bot.storage.save_guild_settings(updated):
            await interaction.response.send_message(
                "I couldn't save that right now; please try again later.", ephemeral=True
            )
            return None
        return updated

    @settings.command(name="show", description="This server's settings")
    @managers_only()
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        chosen = await self.bot.storage.guild_settings(interaction.guild_id)
        default = self.bot.settings
        thresholds, _ = await self.bot.thresholds_for(interaction.guild_id)
        channels = ", ".join(f"<#{c}>" for c in sorted(chosen.auto_answer_channels)) or "none"
        role = f"<@&{chosen.maintainer_role_id}>" if chosen.maintainer_role_id else "none"
        reports = f"<#{chosen.maintainers_channel_id}>" if chosen.maintainers_channel_id else "none"
        cooldown = chosen.cooldown_seconds if chosen.cooldown_seconds is not None else default.cooldown
        intent_note = (
            "" if default.message_content else " (off: the bot runs without the Message Content intent)"
        )
        lines = [
            f"answer threshold: {thresholds.answer}",
            f"suggest threshold: {thresholds.suggest}",
            f"auto-answer channels: {channels}{intent_note}",
            f"maintainer role: {role}",
            f"maintainers' channel: {reports}",
            f"cooldown: {cooldown:g} s",
        ]
        await interaction.response.send_message("\n".join(lines), ephemeral=True)

    @settings.command(name="thresholds", description="Confidence to answer, and below which to decline")
    @managers_only()
    async def thresholds(
        self,
        interaction: discord.Interaction[Any],
        answer: app_commands.Range[float, 0.0, 1.0],
        suggest: app_commands.Range[float, 0.0, 1.0],
    ) -> None:
        try:
            Thresholds(answer, suggest)
        except ValueError:
            await interaction.response.send_message(
                "The suggest threshold must not be above the answer threshold.", ephemeral=True
            )
            return
        if await self._update(interaction, answer_threshold=answer, suggest_threshold=suggest):
            await interaction.response.send_message(
                f"Thresholds set: answer {answer}, suggest {suggest}.", ephemeral=True
            )

    @auto_answer.command(name="add", description="Answer confident questions in this channel unprompted")
    @managers_only()
    async def auto_answer_add(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel
    ) -> None:
        if not self.bot.settings.message_content:
            await interaction.response.send_message(CONTENT_INTENT_OFF, ephemeral=True)
            return
        await self._set_auto_answer(interaction, channel, on=True)

    @auto_answer.command(name="remove", description="Stop answering unprompted in this channel")
    @managers_only()
    async def auto_answer_remove(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel
    ) -> None:
        await self._set_auto_answer(interaction, channel, on=False)

    async def _set_auto_answer(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel, *, on: bool
    ) -> None:
        assert interaction.guild_id is not None
        current = (await self.bot.storage.guild_settings(interaction.guild_id)).auto_answer_channels
        channels = current | {channel.id} if on else current - {channel.id}
        if await self._update(interaction, auto_answer_channels=channels):
            text = (
                f"I'll answer confident questions in {channel.mention}."
                if on
                else f"Auto-answer is off in {channel.mention}."
            )
            await interaction.response.send_message(text, ephemeral=True)

    @settings.command(
        name="maintainer-role", description="A role allowed to manage Versus here (empty to clear)"
    )
    @managers_only()
    async def maintainer_role(
        self, interaction: discord.Interaction[Any], role: discord.Role | None = None
    ) -> None:
        if await self._update(interaction, maintainer_role_id=role.id if role else None):
            text = f"{role.mention} can now manage Versus here." if role else "Maintainer role cleared."
            await interaction.response.send_message(text, ephemeral=True)

    @settings.command(
        name="maintainers-channel", description="Where knowledge reload reports go (empty to clear)"
    )
    @managers_only()
    async def maintainers_channel(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None
    ) -> None:
        if await self._update(interaction, maintainers_channel_id=channel.id if channel else None):
            text = (
                f"Reload reports will go to {channel.mention}."
                if channel
                else "Maintainers' channel cleared."
            )
            await interaction.response.send_message(text, ephemeral=True)

    @settings.command(name="cooldown", description="Seconds a member waits between questions (0 = none)")
    @managers_only()
    async def cooldown(
        self, interaction: discord.Interaction[Any], seconds: app_commands.Range[float, 0.0, 3600.0]
    ) -> None:
        if await self._update(interaction, cooldown_seconds=seconds):
            await interaction.response.send_message(f"Cooldown set to {seconds:g} s.", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, VersusBot)
    await bot.add_cog(Admin(bot))
