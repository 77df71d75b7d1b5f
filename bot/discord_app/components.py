"""Buttons and selects with persistent custom ids (discord.py DynamicItems).

Every custom id carries what its callback needs (``v:vote:42:up``,
``v:show:cons:jax``), so components keep working after a restart without any
stored view state. Ids stay well under Discord's 100 characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

import discord

import bot.limits as limits
from bot.engine import Answer
from bot.knowledge import KnowledgeBase
from bot.render.card import cut

if TYPE_CHECKING:
    from bot.discord_app.client import VersusBot

KEY = r"(?:faq|pros|cons|compare|verdict):[a-z0-9,@-]+"
CHART_FILE = "chart.png"
SelectItemT = TypeVar("SelectItemT", bound="discord.ui.DynamicItem[discord.ui.Select[Any]]")
STALE = "That entry is no longer in the knowledge (it changed since this message was sent)."


def versus_bot(interaction: discord.Interaction[Any]) -> VersusBot:
    from bot.discord_app.client import VersusBot

    client = interaction.client
    if not isinstance(client, VersusBot):  # pragma: no cover - components are only added by VersusBot
        raise TypeError("Versus components need the Versus bot")
    return client


def keep_select(made: SelectItemT, item: discord.ui.Item[Any]) -> SelectItemT:
    """A select rebuilt from a click carries the clicked select (and so its chosen values)."""
    if isinstance(item, discord.ui.Select):
        made.item = item
    return made


def first_choice(select: discord.ui.Select[Any]) -> str | None:
    """The option a member chose in a select, if any."""
    return select.values[0] if select.values else None


def custom_id(text: str) -> str:
    if len(text) > limits.CUSTOM_ID:
        raise ValueError(f"custom id too long: {text!r}")
    return text


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:vote:(?P<qid>\d+):(?P<vote>up|down)"
):
    """👍/👎 on an answer: one vote per member, changeable."""

    def __init__(self, question_id: int, vote: str) -> None:
        self.question_id, self.vote = question_id, vote
        super().__init__(
            discord.ui.Button(
                emoji="👍" if vote == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=custom_id(f"v:vote:{question_id}:{vote}"),
            ),
            row=0,
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> VoteButton:
        return cls(int(match["qid"]), match["vote"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = versus_bot(interaction)
        await bot.logged(self.question_id)
        stored = await bot.storage.record_vote(
            self.question_id, interaction.user.id, 1 if self.vote == "up" else -1
        )
        if stored:
            text = "Thanks, noted! You can change your vote any time."
        elif stored is False:
            text = "That answer is too old to vote on (its question was deleted)."
        else:
            text = "Thanks! I couldn't save the vote right now, sorry."
        await interaction.response.send_message(text, ephemeral=True)


class ShowButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"v:show:(?P<key>{KEY})"):
    """Shows another entry (related entries, closest suggestions), just to the member who clicked."""

    def __init__(self, key: str, label: str, row: int = 1) -> None:
        self.key = key
        super().__init__(
            discord.ui.Button(
                label=cut(label, limits.BUTTON_LABEL),
                style=discord.ButtonStyle.primary,
                custom_id=custom_id(f"v:show:{key}"),
            ),
            row=row,
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> ShowButton:
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match["key"], label or match["key"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await versus_bot(interaction).show_key(interaction, self.key)


class PickSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"v:pick"):
    """ "Did you mean…": choosing an option shows that answer."""

    def __init__(self, options: list[tuple[str, str]] | None = None) -> None:
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="v:pick",
            placeholder="Did you mean…",
            options=[
                discord.SelectOption(label=cut(label, limits.SELECT_OPTION_LABEL), value=key)
                for key, label in (options or [])
            ][: limits.SELECT_OPTIONS]
            or [discord.SelectOption(label="…", value="none")],
        )
        super().__init__(select, row=2)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickSelect:
        return keep_select(cls(), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        key = first_choice(self.item) or ""
        await versus_bot(interaction).show_key(interaction, key)


class PageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"v:page:(?P<qid>\d+):(?P<key>{KEY}):(?P<page>\d+)",
):
    """Turns the pages of a long comparison in place."""

    def __init__(self, question_id: int, key: str, page: int, label: str) -> None:
        self.question_id, self.key, self.page = question_id, key, page
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=custom_id(f"v:page:{question_id}:{key}:{page}"),
            ),
            row=0,
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PageButton:
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(int(match["qid"]), match["key"], int(match["page"]), label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = versus_bot(interaction)
        try:
            answer = bot.engine.answer_for_key(self.key)
        except ValueError:
            await interaction.response.send_message(STALE, ephemeral=True)
            return
        embeds, view = bot.reply_parts(answer, self.question_id or None, page=self.page)
        message = interaction.message
        if message is not None and any(a.filename == CHART_FILE for a in message.attachments):
            embeds[0].set_image(url=f"attachment://{CHART_FILE}")  # keep the chart on every page
        await interaction.response.edit_message(embeds=embeds, view=view)


class UseCaseSelect(
    discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"v:uc:(?P<frameworks>[a-z0-9,-]+)"
):
    """Narrows a verdict to a use case, in place."""

    def __init__(self, frameworks: str, options: list[tuple[str, str]] | None = None) -> None:
        self.frameworks = frameworks
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id=custom_id(f"v:uc:{frameworks}"),
            placeholder="Narrow it to a use case…",
            options=[discord.SelectOption(label=label, value=value) for value, label in (options or [])]
            or [discord.SelectOption(label="…", value="none")],
        )
        super().__init__(select, row=3)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> UseCaseSelect:
        return keep_select(cls(match["frameworks"]), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = versus_bot(interaction)
        use_case = first_choice(self.item)
        try:
            answer = bot.engine.answer_for(
                "verdict", frameworks=self.frameworks.split(","), use_case=use_case
            )
        except ValueError:
            await interaction.response.send_message(STALE, ephemeral=True)
            return
        embeds, view = bot.reply_parts(answer, None, use_case_select=True)
        await interaction.response.edit_message(embeds=embeds, view=view)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    VoteButton,
    ShowButton,
    PickSelect,
    PageButton,
    UseCaseSelect,
)


def related_keys(answer: Answer, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """Up to three (answer key, label) pairs from an FAQ entry's related ids."""
    entry = kb.faq.get(answer.id or "") if answer.kind == "faq" else None
    if entry is None:
        return []
    everything = ",".join(kb.frameworks)
    found = []
    for ref in entry.related:
        if ref.kind == "faq" and ref.id in kb.faq:
            found.append((f"faq:{ref.id}", kb.faq[ref.id].question))
        elif ref.kind == "aspect" and ref.id in kb.aspects:
            found.append((f"compare:{everything}@{ref.id}", f"Compare: {kb.aspects[ref.id].name}"))
        elif ref.kind == "framework" and ref.id in kb.frameworks:
            found.append((f"pros:{ref.id}", f"Pros of {kb.frameworks[ref.id].name}"))
    return found[:3]


def answer_view(
    answer: Answer,
    kb: KnowledgeBase,
    question_id: int | None,
    *,
    page: int = 1,
    pages: int = 1,
    use_case_select: bool = False,
) -> discord.ui.View | None:
    """Feedback, paging, related, "did you mean" and use-case rows; at most 5 rows, always."""
    view = discord.ui.View(timeout=None)
    if answer.answered and question_id is not None:
        view.add_item(VoteButton(question_id, "up"))
        view.add_item(VoteButton(question_id, "down"))
    if pages > 1:
        key = answer.key
        if page > 1:
            view.add_item(PageButton(question_id or 0, key, page - 1, "◀ Previous"))
        if page < pages:
            view.add_item(PageButton(question_id or 0, key, page + 1, "Next ▶"))
    for key, label in related_keys(answer, kb):
        view.add_item(ShowButton(key, f"📖 {label}", row=1))
    suggestions = [(f"{s.kind}:{s.id}", s.title) for s in answer.suggestions]
    if suggestions and answer.answered:
        view.add_item(PickSelect(suggestions))
    elif suggestions:
        for key, label in suggestions[:3]:
            view.add_item(ShowButton(key, label, row=2))
    if use_case_select and answer.kind == "verdict":
        options = [(uc.id, uc.name) for uc in kb.use_cases.values()]
        view.add_item(UseCaseSelect(",".join(answer.frameworks), options))
    return view if view.children else None
