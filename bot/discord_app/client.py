"""The Versus bot: a discord.py ``commands.Bot`` over the engine, render and storage."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import secrets
import time
from collections.abc import Sequence
from typing import Any

import discord
from discord.ext import commands

from bot import heap
from bot.discord_app.components import CHART_FILE, DYNAMIC_ITEMS, STALE, answer_view
from bot.discord_app.conversations import Conversations, Cooldowns
from bot.discord_app.embeds import embed_of
from bot.discord_app.sync import sync_if_changed
from bot.engine import Answer, Engine, Thresholds
from bot.heartbeat import INTERVAL as HEARTBEAT_INTERVAL
from bot.heartbeat import Heartbeat, heartbeat_path, write_heartbeat
from bot.maintenance.reload import KnowledgeService, ReloadReport
from bot.maintenance.retention import purge_periodically
from bot.render.card import cards_for
from bot.render.chart import ChartCache, chart_data, render_png
from bot.settings import Settings
from bot.storage import GuildSettings, QuestionRecord, ResilientStorage, Source
from bot.storage.batch import BatchedQuestionLog

log = logging.getLogger("versus.bot")

COGS = (
    "bot.discord_app.cogs.ask",
    "bot.discord_app.cogs.browse",
    "bot.discord_app.cogs.admin",
    "bot.discord_app.cogs.privacy",
)


def new_question_id() -> int:
    """An id for a question's row, chosen before it is written (vote buttons carry it).

    Random 52-bit integers: unique enough for a question log, and safe in JSON.
    """
    return secrets.randbits(52)


def intents_for(settings: Settings) -> discord.Intents:
    """Guilds, messages and DMs; Message Content only when the operator opted in.

    Without the privileged intent a bot still sees messages that mention it,
    DMs and message context commands; asking for an unapproved intent would
    close the gateway (4014), so it is requested only when configured.
    """
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = settings.message_content
    return intents


class VersusBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        knowledge: KnowledgeService,
        storage: ResilientStorage,
        *,
        sync_commands: bool = True,
        background_tasks: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents_for(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            max_messages=None,  # nothing reads discord.py's message cache: components carry their message
            **options,
        )
        self.settings = settings
        self.knowledge = knowledge
        self.storage = storage
        self.conversations = Conversations(settings.context_ttl)
        self.cooldowns = Cooldowns()
        self.sync_commands = sync_commands
        self.background_tasks = background_tasks
        self._tasks: list[asyncio.Task[None]] = []
        self.question_log = BatchedQuestionLog(storage)
        self.charts = ChartCache()

    # -- lifecycle ---------------------------------------------------------------

    async def setup_hook(self) -> None:
        if not self.storage.opened:
            await self.storage.open()
        await self.storage.record_knowledge_load(self.knowledge.knowledge.version, True)
        for cog in COGS:
            await self.load_extension(cog)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        self.tree.error(self.on_app_command_error)
        if self.sync_commands and self.syncs_commands:
            await sync_if_changed(self.tree, self.storage, self.settings.dev_guild_id)
        if self.background_tasks:
            self._tasks.append(asyncio.create_task(self.knowledge.watch(self.announce_reload)))
            self._tasks.append(
                asyncio.create_task(purge_periodically(self.storage, self.settings.retention_days))
            )
        heap.settle()  # the engine, the cogs and the command tree live as long as the process

    @property
    def syncs_commands(self) -> bool:
        """Only one process syncs: the one running shard 0 (or the only one)."""
        shard_ids = self.settings.shard_ids
        return shard_ids is None or 0 in shard_ids

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.question_log.close()  # questions still queued are written before the database closes
        await super().close()
        await self.storage.close()

    async def beat(self) -> None:
        """Write the heartbeat ``versus health`` reads (off the event loop)."""
        beat = Heartbeat(
            at=time.time(),
            pid=os.getpid(),
            guilds=len(self.guilds),
            knowledge_version=self.engine.knowledge.version,
            storage_ok=self.storage.healthy and self.storage.opened,
            storage_error=self.storage.last_error,
        )
        try:
            await asyncio.to_thread(write_heartbeat, heartbeat_path(self.storage.inner.path), beat)
        except OSError as exc:
            log.warning("could not write the heartbeat: %s", exc)

    async def beat_forever(self) -> None:
        while True:
            await self.beat()
            await asyncio.sleep(HEARTBEAT_INTERVAL)

    @property
    def engine(self) -> Engine:
        return self.knowledge.engine

    # -- answering ---------------------------------------------------------------

    async def thresholds_for(self, guild_id: int | None) -> tuple[Thresholds, GuildSettings | None]:
        default = Thresholds(self.settings.answer_threshold, self.settings.suggest_threshold)
        if guild_id is None:
            return default, None
        chosen = await self.storage.guild_settings(guild_id)
        answer = chosen.answer_threshold if chosen.answer_threshold is not None else default.answer
        suggest = chosen.suggest_threshold if chosen.suggest_threshold is not None else default.suggest
        try:
            return Thresholds(answer, min(suggest, answer)), chosen
        except ValueError:
            return default, chosen

    async def answer(
        self,
        question: str,
        *,
        user_id: int,
        channel_id: int | None,
        guild_id: int | None,
        confident_only: bool = False,
    ) -> tuple[Answer, int | None]:
        """Answer a member's question in their conversation, log it, return it and its log id.

        With ``confident_only`` (auto-answer), an answer below the server's answer
        threshold is returned unlogged and unremembered: the member did not ask
        Versus, so nothing is kept and ``None`` stands for the id.
        """
        started = time.perf_counter()
        now = time.monotonic()
        key = (user_id, channel_id or 0)
        thresholds, _ = await self.thresholds_for(guild_id)
        answer = self.engine.ask(
            question, self.conversations.context(key, now), now=now, thresholds=thresholds
        )
        if confident_only and (not answer.answered or answer.confidence < thresholds.answer):
            return answer, None
        self.conversations.remember(key, answer, now)
        question_id = new_question_id()
        latency_ms = (time.perf_counter() - started) * 1000
        self.question_log.add(
            QuestionRecord(
                id=question_id,
                text=question,
                kind=answer.kind,
                confidence=answer.confidence,
                latency_ms=latency_ms,
                source=Source.GUILD if guild_id is not None else Source.DM,
                matched=(answer.key,) if answer.answered else (),
                guild_id=guild_id,
                channel_id=channel_id,
                user_id=user_id,
            )
        )
        log.info(
            "answered kind=%s id=%s confidence=%.2f latency=%.1fms",
            answer.kind,
            answer.key,
            answer.confidence,
            latency_ms,
        )
        return answer, question_id

    async def chart_for(self, answer: Answer) -> discord.File | None:
        """The ratings chart for a comparison, rendered off the event loop and cached.

        Returns None (the reply goes out without a picture) when there is
        nothing to draw or drawing fails.
        """
        if answer.kind != "compare" or not answer.frameworks:
            return None
        try:
            data = chart_data(self.engine.knowledge, answer.frameworks, answer.aspect)
            png = self.charts.get(data)
            if png is None:
                png = await asyncio.to_thread(render_png, data)
                self.charts.put(data, png)
        except Exception:
            log.exception("could not draw the chart; answering without it")
            return None
        return discord.File(io.BytesIO(png), filename=CHART_FILE)

    async def logged(self, question_id: int) -> None:
        """Wait until a question being logged is written (a vote may arrive first)."""
        await self.question_log.written(question_id)

    def reply_parts(
        self, answer: Answer, question_id: int | None, *, page: int = 1, use_case_select: bool = False
    ) -> tuple[list[discord.Embed], discord.ui.View | None]:
        kb = self.engine.knowledge
        cards = cards_for(answer, kb)
        page = min(max(page, 1), len(cards))
        view = answer_view(
            answer, kb, question_id, page=page, pages=len(cards), use_case_select=use_case_select
        )
        return [embed_of(cards[page - 1])], view

    async def show_key(self, interaction: discord.Interaction[Any], key: str) -> None:
        """Reply, to the clicking member only, with the entry an answer key names."""
        try:
            answer = self.engine.answer_for_key(key)
        except ValueError:
            await interaction.response.send_message(STALE, ephemeral=True)
            return
        embeds, view = self.reply_parts(answer, None)
        await send(interaction, embeds, view, ephemeral=True)

    # -- maintainers -------------------------------------------------------------

    async def after_reload(self, report: ReloadReport) -> None:
        """Record a reload; after a swap, let the old engine go and settle the new one."""
        await self.storage.record_knowledge_load(report.version, report.ok, [str(e) for e in report.errors])
        if report.ok and report.changed:
            heap.settle()

    async def announce_reload(self, report: ReloadReport) -> None:
        """Record a reload and tell each server's maintainers' channel, if it has one."""
        await self.after_reload(report)
        for guild in self.guilds:
            chosen = await self.storage.guild_settings(guild.id)
            channel = guild.get_channel(chosen.maintainers_channel_id or 0)
            if isinstance(channel, discord.TextChannel):
                try:
                    await channel.send(f"```\n{report.summary()[:1900]}\n```")
                except discord.HTTPException as exc:
                    log.warning("could not post the reload report in %s: %s", channel.id, exc)

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: discord.app_commands.AppCommandError
    ) -> None:
        """One handler for every command: a short ephemeral message and a log line."""
        if isinstance(error, discord.app_commands.CheckFailure):
            message = str(error) or "You can't use this command here."
        elif isinstance(error, discord.app_commands.TransformerError):
            message = f"I don't understand {error.value!r} there."
        else:
            log.exception(
                "command %s failed", interaction.command.name if interaction.command else "?", exc_info=error
            )
            message = "Something went wrong on my side; the maintainers have the details in the log."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not report an error to the member")


class ShardedVersusBot(VersusBot, commands.AutoShardedBot):
    """Versus over several shards (``VERSUS_SHARD_COUNT`` and ``VERSUS_SHARD_IDS``).

    Several processes on one host can each run some shards against the same
    SQLite file (WAL; migrations run under SQLite's write lock).
    """


async def send(
    interaction: discord.Interaction[Any],
    embeds: Sequence[discord.Embed],
    view: discord.ui.View | None,
    *,
    ephemeral: bool = False,
) -> None:
    """Answer an interaction once: the first response, or a follow-up after a defer."""
    options: dict[str, Any] = {"embeds": list(embeds), "ephemeral": ephemeral}
    if view is not None:
        options["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**options)
    else:
        await interaction.response.send_message(**options)
