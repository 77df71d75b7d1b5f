"""Browsing: ``/compare``, ``/pros``, ``/cons``, ``/verdict``, ``/faq`` and ``/help``."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

import bot.limits as limits
from bot.discord_app.client import VersusBot, send
from bot.discord_app.components import CHART_FILE, custom_id, first_choice, keep_select, versus_bot
from bot.engine import Answer
from bot.engine.normalize import normalize
from bot.knowledge import KnowledgeBase
from bot.render.card import COLOURS, cut

FAQ_PAGE = 10
ALL_TAGS = "all"
USE_CASES = [
    app_commands.Choice(name="research", value="research"),
    app_commands.Choice(name="production", value="production"),
    app_commands.Choice(name="mobile & edge", value="mobile"),
    app_commands.Choice(name="beginners", value="beginners"),
]
HELP = """\
**Ask anything** about PyTorch, TensorFlow, JAX and Keras:
• `/ask` a question (typos welcome), or mention me, or DM me
• right-click a message → Apps → **Ask Versus**
• `/compare` two to four frameworks, on one aspect or all
• `/pros`, `/cons` of a framework · `/verdict` which to pick, per use case · `/faq` browse by topic

Follow-ups work: after “pytorch vs tensorflow”, try “what about for mobile?”, “and jax?” or “why?”.
Vote 👍/👎 on answers so the maintainers know what to fix.

**Privacy:** I keep the questions asked in servers (with a salted hash of your id, never the id itself) \
and your votes, to find what the knowledge is missing; DMs are only counted. Rows are deleted after \
{days} days. `/privacy about` says more; `/privacy forget` erases yours."""


def framework_choices(kb: KnowledgeBase, current: str) -> list[app_commands.Choice[str]]:
    typed = normalize(current)
    found = [
        app_commands.Choice(name=fw.name, value=fw.id)
        for fw in kb.frameworks.values()
        if not typed or any(normalize(n).startswith(typed) for n in (fw.id, fw.name, *fw.aliases))
    ]
    return found or [app_commands.Choice(name=fw.name, value=fw.id) for fw in kb.frameworks.values()]


class UnknownInput(app_commands.CheckFailure):
    """An option that names nothing in the knowledge: told to the member as is."""


class FaqTagSelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"v:faqtag"):
    def __init__(self, tags: list[str] | None = None, chosen: str = ALL_TAGS) -> None:
        options = [discord.SelectOption(label="all topics", value=ALL_TAGS, default=chosen == ALL_TAGS)]
        options += [discord.SelectOption(label=t, value=t, default=t == chosen) for t in (tags or [])]
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="v:faqtag", placeholder="Pick a topic…", options=options[: limits.SELECT_OPTIONS]
        )
        super().__init__(select, row=0)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> FaqTagSelect:
        return keep_select(cls(), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        tag = first_choice(self.item) or ALL_TAGS
        embed, view = faq_page(versus_bot(interaction).engine.knowledge, tag, 1)
        await interaction.response.edit_message(embed=embed, view=view)


class FaqPageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"v:faqpage:(?P<tag>[a-z0-9-]+):(?P<page>\d+)"
):
    def __init__(self, tag: str, page: int, label: str) -> None:
        self.tag, self.page = tag, page
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id(f"v:faqpage:{tag}:{page}")
        )
        super().__init__(button, row=2)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> FaqPageButton:
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match["tag"], int(match["page"]), label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        embed, view = faq_page(versus_bot(interaction).engine.knowledge, self.tag, self.page)
        await interaction.response.edit_message(embed=embed, view=view)


class FaqEntrySelect(discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"v:faqshow"):
    def __init__(self, entries: list[tuple[str, str]] | None = None) -> None:
        options = [
            discord.SelectOption(label=cut(q, limits.SELECT_OPTION_LABEL), value=f"faq:{i}")
            for i, q in entries or []
        ]
        select: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="v:faqshow",
            placeholder="Open a question…",
            options=options[: limits.SELECT_OPTIONS] or [discord.SelectOption(label="…", value="none")],
        )
        super().__init__(select, row=1)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> FaqEntrySelect:
        return keep_select(cls(), item)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await versus_bot(interaction).show_key(interaction, first_choice(self.item) or "")


def faq_page(kb: KnowledgeBase, tag: str, page: int) -> tuple[discord.Embed, discord.ui.View]:
    """One page of the FAQ for a tag, with the topic select, the entries and paging."""
    entries = [e for e in kb.faq.values() if tag == ALL_TAGS or tag in e.tags]
    pages = max(1, -(-len(entries) // FAQ_PAGE))
    page = min(max(page, 1), pages)
    shown = entries[(page - 1) * FAQ_PAGE : page * FAQ_PAGE]
    title = "Frequently asked questions" + ("" if tag == ALL_TAGS else f" · {tag}")
    lines = [f"• {e.question}" for e in shown] or ["Nothing under this topic yet."]
    embed = discord.Embed(
        title=title, description="\n".join(lines)[: limits.EMBED_DESCRIPTION], colour=COLOURS["faq"]
    )
    embed.set_footer(text=f"Page {page}/{pages} · {len(entries)} questions")
    tags = sorted(
        {t for e in kb.faq.values() for t in e.tags},
        key=lambda t: (-sum(t in e.tags for e in kb.faq.values()), t),
    )
    view = discord.ui.View(timeout=None)
    view.add_item(FaqTagSelect(tags[: limits.SELECT_OPTIONS - 1], tag))
    if shown:
        view.add_item(FaqEntrySelect([(e.id, e.question) for e in shown]))
    if page > 1:
        view.add_item(FaqPageButton(tag, page - 1, "◀ Previous"))
    if page < pages:
        view.add_item(FaqPageButton(tag, page + 1, "Next ▶"))
    return embed, view


def with_chart(embed: discord.Embed, every_aspect: bool, reasons_url: str | None) -> None:
    """Show the attached chart in the embed and point at the ratings' reasons.

    The reasons go in the embed's text: a link drawn in a picture cannot be clicked.
    """
    embed.set_image(url=f"attachment://{CHART_FILE}")
    where = (
        "pick an aspect (`aspect:`) to see each rating's reason"
        if every_aspect
        else "each framework's field gives its rating's reason"
    )
    link = f" [Every rating and its reason]({reasons_url})." if reasons_url else ""
    embed.description = ((embed.description or "") + f"\n\n*Ratings are editorial: {where}.*{link}").strip()


class Browse(commands.Cog):
    def __init__(self, bot: VersusBot) -> None:
        self.bot = bot

    @property
    def kb(self) -> KnowledgeBase:
        return self.bot.engine.knowledge

    async def _show(
        self, interaction: discord.Interaction[Any], answer: Answer, *, use_case_select: bool = False
    ) -> None:
        embeds, view = self.bot.reply_parts(answer, None, use_case_select=use_case_select)
        await send(interaction, embeds, view)

    async def _framework_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return framework_choices(self.kb, current)[: limits.AUTOCOMPLETE_CHOICES]

    def _frameworks(self, *names: str | None) -> list[str]:
        ids: list[str] = []
        for name in names:
            if name:
                framework = self.kb.framework_by_name(name)
                if framework is None:
                    raise UnknownInput(
                        f"I don't know the framework {name!r}. Try {', '.join(self.kb.frameworks)}."
                    )
                if framework.id not in ids:
                    ids.append(framework.id)
        return ids

    @app_commands.command(name="compare", description="Compare frameworks on one aspect or on all of them")
    @app_commands.describe(
        aspect="One aspect (deployment, mobile, performance…); leave empty for all",
        chart="Attach a chart of the editorial ratings (default: yes)",
    )
    async def compare(
        self,
        interaction: discord.Interaction[Any],
        first: str,
        second: str,
        third: str | None = None,
        fourth: str | None = None,
        aspect: str | None = None,
        chart: bool = True,
    ) -> None:
        frameworks = self._frameworks(first, second, third, fourth)
        if len(frameworks) < 2:
            raise UnknownInput("Pick two different frameworks to compare.")
        aspect_id = self._aspect_id(aspect) if aspect else None
        answer = self.bot.engine.answer_for("compare", frameworks=frameworks, aspect=aspect_id)
        embeds, view = self.bot.reply_parts(answer, None)
        if not chart:
            await send(interaction, embeds, view)
            return
        await interaction.response.defer(thinking=True)  # the first chart imports the plotting library
        picture = await self.bot.chart_for(answer)
        extra: dict[str, Any] = {"view": view} if view is not None else {}
        if picture is not None:
            with_chart(embeds[0], every_aspect=aspect_id is None, reasons_url=self.bot.settings.ratings_url)
            extra["file"] = picture
        await interaction.followup.send(embeds=embeds, **extra)

    def _aspect_id(self, text: str) -> str:
        found = self.bot.engine.aspect_named(text)
        if found is None:
            raise UnknownInput(f"I don't know the aspect {text!r}. Try one of: {', '.join(self.kb.aspects)}.")
        return found

    @compare.autocomplete("first")
    @compare.autocomplete("second")
    @compare.autocomplete("third")
    @compare.autocomplete("fourth")
    async def compare_frameworks(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._framework_autocomplete(interaction, current)

    @compare.autocomplete("aspect")
    async def compare_aspect(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        typed = normalize(current)
        aspects = [
            a
            for a in self.kb.aspects.values()
            if not typed or any(typed in normalize(n) for n in (a.id, a.name, *a.aliases))
        ] or list(self.kb.aspects.values())
        return [app_commands.Choice(name=cut(a.name, 100), value=a.id) for a in aspects][
            : limits.AUTOCOMPLETE_CHOICES
        ]

    @app_commands.command(name="pros", description="A framework's strengths")
    async def pros(self, interaction: discord.Interaction[Any], framework: str) -> None:
        (framework_id,) = self._frameworks(framework)
        await self._show(interaction, self.bot.engine.answer_for("pros", framework=framework_id))

    @app_commands.command(name="cons", description="A framework's weaknesses")
    async def cons(self, interaction: discord.Interaction[Any], framework: str) -> None:
        (framework_id,) = self._frameworks(framework)
        await self._show(interaction, self.bot.engine.answer_for("cons", framework=framework_id))

    @pros.autocomplete("framework")
    @cons.autocomplete("framework")
    async def one_framework(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._framework_autocomplete(interaction, current)

    @app_commands.command(
        name="verdict", description="Which to pick: for some frameworks (or all), and a use case"
    )
    @app_commands.choices(use_case=USE_CASES)
    async def verdict(
        self,
        interaction: discord.Interaction[Any],
        first: str | None = None,
        second: str | None = None,
        third: str | None = None,
        fourth: str | None = None,
        use_case: app_commands.Choice[str] | None = None,
    ) -> None:
        frameworks = self._frameworks(first, second, third, fourth)
        if len(frameworks) == 1:
            raise UnknownInput("Pick at least two frameworks, or none for all of them.")
        answer = self.bot.engine.answer_for(
            "verdict", frameworks=frameworks, use_case=use_case.value if use_case else None
        )
        await self._show(interaction, answer, use_case_select=use_case is None)

    @verdict.autocomplete("first")
    @verdict.autocomplete("second")
    @verdict.autocomplete("third")
    @verdict.autocomplete("fourth")
    async def verdict_frameworks(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self._framework_autocomplete(interaction, current)

    @app_commands.command(name="faq", description="Browse the frequently asked questions by topic")
    async def faq(self, interaction: discord.Interaction[Any], topic: str | None = None) -> None:
        tags = {t for e in self.kb.faq.values() for t in e.tags}
        tag = topic if topic in tags else ALL_TAGS
        embed, view = faq_page(self.kb, tag, 1)
        await interaction.response.send_message(embed=embed, view=view)

    @faq.autocomplete("topic")
    async def faq_topic(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        tags = sorted({t for e in self.kb.faq.values() for t in e.tags})
        typed = normalize(current)
        return [app_commands.Choice(name=t, value=t) for t in tags if typed in t][
            : limits.AUTOCOMPLETE_CHOICES
        ]

    @app_commands.command(name="help", description="What Versus can do, and what it keeps")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        embed = discord.Embed(
            title="Versus",
            description=HELP.format(days=self.bot.settings.retention_days),
            colour=COLOURS["faq"],
        )
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    assert isinstance(bot, VersusBot)
    bot.add_dynamic_items(FaqTagSelect, FaqPageButton, FaqEntrySelect)
    await bot.add_cog(Browse(bot))
