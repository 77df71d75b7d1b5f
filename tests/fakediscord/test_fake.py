"""The fake proven against the real discord.py client, with a tiny bot defined here (not Versus)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, limits


class Panel(discord.ui.View):
    """A button that rewrites the message and a select that answers ephemerally."""

    def __init__(self, bot: TinyBot, title: str) -> None:
        super().__init__(timeout=30)
        self.bot, self.title = bot, title

    @discord.ui.button(label="More", custom_id="more", style=discord.ButtonStyle.primary)
    async def more(self, interaction: discord.Interaction, button: discord.ui.Button[Panel]) -> None:
        self.bot.log.append(("more", (self.title, interaction.user.id)))
        await interaction.response.edit_message(content="expanded", view=None)

    @discord.ui.select(
        custom_id="pick",
        options=[
            discord.SelectOption(label="Torch", value="torch"),
            discord.SelectOption(label="JAX", value="jax"),
        ],
    )
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select[Panel]) -> None:
        await interaction.response.send_message(f"picked {select.values[0]}", ephemeral=True)


class TinyBot(commands.Bot):
    """Records what happened: ``log`` of events, ``caught`` HTTP errors its commands hit."""

    def __init__(self) -> None:
        super().__init__(command_prefix="!", intents=discord.Intents.default())
        self.log: list[tuple[str, object]] = []
        self.caught: list[discord.HTTPException] = []
        self.done = asyncio.Event()
        add_commands(self)

    async def attempt(self, *calls: Awaitable[object]) -> None:
        """Await the calls concurrently, keeping HTTP errors; then set ``done``."""
        for outcome in await asyncio.gather(*calls, return_exceptions=True):
            if isinstance(outcome, discord.HTTPException):
                self.caught.append(outcome)
        self.done.set()

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        if isinstance(message.channel, discord.DMChannel):
            await message.author.send(f"DM reply to {message.content}")
        elif self.user in message.mentions:
            await message.reply(f"Hi {message.author.mention}", mention_author=False)
        await self.process_commands(message)

    async def on_resumed(self) -> None:
        self.log.append(("resumed", None))


def add_commands(bot: TinyBot) -> None:
    @bot.tree.command(description="Compare two frameworks")
    async def compare(interaction: discord.Interaction, first: str, second: str, rounds: int = 1) -> None:
        embed = discord.Embed(title=f"{first} vs {second}", description=f"{rounds} round(s)")
        await interaction.response.send_message(embed=embed, view=Panel(bot, embed.title or ""))

    @compare.autocomplete("first")
    async def first_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        names = (
            ["pytorch", "jax", "tensorflow", "paddle"] if current != "many" else [f"n{i}" for i in range(30)]
        )
        return [app_commands.Choice(name=n, value=n) for n in names if current in n or current == "many"]

    # default_permissions only counts on top-level commands and groups, not on subcommands.
    group = app_commands.Group(
        name="config", description="Settings", default_permissions=discord.Permissions(manage_guild=True)
    )

    @group.command(name="set", description="Set a value")
    async def config_set(
        interaction: discord.Interaction, key: str, where: discord.TextChannel, who: discord.Member
    ) -> None:
        bot.log.append(("config", (key, where.name, who.display_name, interaction.permissions.manage_guild)))
        await interaction.response.send_message("saved", ephemeral=True)

    bot.tree.add_command(group)

    @bot.tree.context_menu(name="Quote")
    async def quote(interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.send_message(f"> {message.content} — {message.author.name}")

    @bot.tree.command(description="Think, then answer")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await asyncio.sleep(0.05)
        await interaction.followup.send("done thinking")

    @bot.tree.command(description="Answer after the deadline")
    async def late(interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.15)
        await bot.attempt(interaction.response.send_message("too late"))

    @bot.tree.command(description="Answer twice at once")
    async def twice(interaction: discord.Interaction) -> None:
        await bot.attempt(interaction.response.send_message("a"), interaction.response.send_message("b"))

    @bot.tree.command(description="Answer too long")
    async def long(interaction: discord.Interaction) -> None:
        await bot.attempt(interaction.response.send_message("x" * 2001))

    @bot.command()
    async def ping(ctx: commands.Context[TinyBot]) -> None:
        await ctx.send("pong")


@pytest.fixture
async def fake():
    async with FakeDiscord() as fake:
        yield fake


@pytest.fixture
async def bot(fake: FakeDiscord):
    bot = TinyBot()
    await fake.start_client(bot)
    yield bot
    await fake.stop_client()


async def test_login_ready_and_guild_create_fill_the_cache(fake: FakeDiscord):
    started = time.monotonic()
    bot = TinyBot()
    await fake.start_client(bot)
    assert time.monotonic() - started < 1.0
    assert bot.user is not None and bot.user.id == fake.bot_id
    assert bot.application_id == fake.application_id
    guild = bot.get_guild(fake.guild_id)
    assert guild is not None and guild.name == "Test Server" and guild.owner_id == fake.owner_id
    assert guild.me is not None and guild.member_count == 3  # others are cached only with the members intent
    channel = bot.get_channel(fake.channel_id)
    assert isinstance(channel, discord.TextChannel) and channel.name == "general"
    assert (await bot.application_info()).owner.id == fake.owner_id
    assert [r.path for r in fake.requests[:2]] == ["/users/@me", "/oauth2/applications/@me"]
    assert fake.identifies == 1 and fake.gateway.received[0]["op"] == 1  # heartbeat right after HELLO
    await fake.stop_client()
    assert bot.is_closed()


async def test_tree_sync_is_recorded_and_used(fake: FakeDiscord, bot: TinyBot):
    synced = await bot.tree.sync()
    assert fake.syncs == 1
    (put,) = fake.find_requests("PUT", r"^/applications/\d+/commands$")
    assert {c["name"] for c in put.json} == {"compare", "config", "Quote", "slow", "late", "twice", "long"}
    assert {c.id for c in synced} == {int(c["id"]) for c in fake.commands[None]}
    bot.tree.copy_global_to(guild=discord.Object(fake.guild_id))
    await bot.tree.sync(guild=discord.Object(fake.guild_id))
    assert fake.syncs == 2 and fake.commands[fake.guild_id][0]["guild_id"] == str(fake.guild_id)
    result = await fake.slash("compare", {"first": "jax", "second": "torch"})
    assert result.payload["data"]["guild_id"] == str(fake.guild_id)  # guild command, as Discord sends it
    assert result.type == 4


async def test_slash_answers_with_embed_and_view(fake: FakeDiscord, bot: TinyBot):
    result = await fake.slash("compare", {"first": "torch", "second": "jax", "rounds": 2})
    button = {"type": 2, "style": 1, "label": "More", "disabled": False, "custom_id": "more"}
    options = [
        {"label": "Torch", "value": "torch", "default": False},
        {"label": "JAX", "value": "jax", "default": False},
    ]
    select = {"type": 3, "custom_id": "pick", "min_values": 1, "max_values": 1, "disabled": False}
    select |= {"options": options, "required": True}
    assert result.callback == {
        "type": 4,
        "data": {
            "tts": False,
            "embeds": [{"title": "torch vs jax", "description": "2 round(s)", "type": "rich", "flags": 0}],
            "content": None,  # discord.py sends an explicit null
            "components": [{"type": 1, "components": [button]}, {"type": 1, "components": [select]}],
        },
    }
    assert not result.ephemeral and result.message is not None
    assert result.message.custom_ids == ["more", "pick"]
    assert fake.find_requests("POST", "/callback$")[0].query == {"with_response": "1"}


async def test_clicking_the_button_reaches_the_view_of_that_message(fake: FakeDiscord, bot: TinyBot):
    answer = await fake.slash("compare", {"first": "torch", "second": "jax"})
    await fake.slash("compare", {"first": "jax", "second": "torch"})  # same custom_ids, another view
    assert answer.message is not None
    clicked = await fake.click(answer.message, "more")
    assert bot.log == [("more", ("torch vs jax", fake.user_id))]  # bound by response_message_id
    assert clicked.type == 7 and clicked.data == {"tts": False, "content": "expanded", "components": []}
    assert answer.message.content == "expanded" and answer.message.components == []


async def test_select_answers_ephemerally(fake: FakeDiscord, bot: TinyBot):
    answer = await fake.slash("compare", {"first": "torch", "second": "jax"})
    assert answer.message is not None
    picked = await fake.select(answer.message, "pick", ["jax"])
    assert picked.type == 4 and picked.data["flags"] == 64 and picked.ephemeral
    assert picked.message is not None and picked.message.content == "picked jax"
    with pytest.raises(ValueError, match="not options"):
        await fake.select(answer.message, "pick", ["mxnet"])


async def test_autocomplete_returns_the_choices(fake: FakeDiscord, bot: TinyBot):
    choices = await fake.autocomplete("compare", "first", "te", {"second": "jax"})
    assert choices == [{"name": "tensorflow", "value": "tensorflow"}]
    assert await fake.autocomplete("compare", "first", "many") == []  # 30 choices: rejected
    assert fake.errors[-1].status == 400 and fake.errors[-1].response["code"] == 50035
    assert "choices" in fake.errors[-1].response["errors"]["data"]


async def test_subcommand_with_resolved_options_and_permissions(fake: FakeDiscord, bot: TinyBot):
    role = fake.add_role("Moderator", permissions=discord.Permissions(manage_guild=True))
    mod = fake.add_user("mod", roles=[role])
    options = {"key": "lang", "where": fake.channel_id, "who": fake.user_id}
    result = await fake.slash("config set", options, user=mod)
    assert result.ephemeral and result.data["content"] == "saved"
    assert bot.log == [("config", ("lang", "general", "alice", True))]
    with pytest.raises(PermissionError):  # default_permissions(manage_guild): hidden from alice
        await fake.slash("config set", options)


async def test_message_context_command(fake: FakeDiscord, bot: TinyBot):
    target = fake.create_message("jax is fast")
    result = await fake.message_command("Quote", target)
    assert result.message is not None and result.message.content == "> jax is fast — alice"


async def test_mention_gets_a_reply_with_allowed_mentions(fake: FakeDiscord, bot: TinyBot):
    (reply,) = await fake.send_message("hello", mentions=[fake.bot_id])
    original = fake.messages[reply.reference or 0]
    assert original.mentions == [fake.bot_id] and original.content == f"<@{fake.bot_id}> hello"
    assert reply.content == f"Hi <@{fake.user_id}>"
    assert reply.allowed_mentions == {"parse": ["everyone", "users", "roles"], "replied_user": False}
    assert reply.raw["type"] == 19 and reply.mentions == [fake.user_id]


async def test_prefix_commands_need_the_message_content_intent(fake: FakeDiscord, bot: TinyBot):
    assert await fake.send_message("!ping", timeout=0.2) == []  # content arrives blank without the intent
    replies = await fake.send_message("!ping", dm=True)  # DMs always carry content
    assert [m.content for m in replies] == ["DM reply to !ping", "pong"]


async def test_dm_reply(fake: FakeDiscord, bot: TinyBot):
    (reply,) = await fake.send_message("help", dm=True)
    assert reply.content == "DM reply to help"
    assert reply.channel_id == int(fake.dm_channel(fake.user_id)["id"]) and "guild_id" not in reply.raw
    assert fake.find_requests("POST", "^/users/@me/channels$")[0].json == {"recipient_id": fake.user_id}


async def test_deferred_response_then_followup(fake: FakeDiscord, bot: TinyBot):
    result = await fake.slash("slow")
    assert result.type == 5 and result.original is not None and result.original.loading
    assert [m.content for m in result.followups] == ["done thinking"]
    assert result.message is result.followups[0]
    (followup,) = fake.find_requests("POST", r"^/webhooks/")
    assert followup.query["wait"] == "1"


async def test_late_answer_gets_unknown_interaction(fake: FakeDiscord, bot: TinyBot):
    fake.interaction_timeout = 0.1
    result = await fake.slash("late")
    await asyncio.wait_for(bot.done.wait(), 2)
    (error,) = bot.caught
    assert isinstance(error, discord.NotFound) and error.code == 10062 and error.status == 404
    assert result.callback is None and result.errors == [{"code": 10062, "message": "Unknown interaction"}]


async def test_second_answer_gets_already_acknowledged(fake: FakeDiscord, bot: TinyBot):
    result = await fake.slash("twice")
    await asyncio.wait_for(bot.done.wait(), 2)
    (error,) = bot.caught
    assert error.code == 40060 and error.status == 400
    assert result.type == 4 and result.data["content"] in ("a", "b")


async def test_over_limit_body_gets_invalid_form_body(fake: FakeDiscord, bot: TinyBot):
    result = await fake.slash("long")
    await asyncio.wait_for(bot.done.wait(), 2)
    (error,) = bot.caught
    assert error.code == 50035 and error.status == 400 and "In data.content" in error.text
    assert result.errors[0]["errors"]["data"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"


@pytest.mark.parametrize("abrupt", [False, True])
async def test_dropped_connection_resumes_and_replays(fake: FakeDiscord, bot: TinyBot, abrupt: bool):
    await fake.drop_connection(abrupt=abrupt)
    replies = await fake.send_message("missed?", mentions=[fake.bot_id])  # dispatched while disconnected
    assert [r.content for r in replies] == [f"Hi <@{fake.user_id}>"]
    assert fake.gateway.replayed >= 1 and fake.resumes == 1 and fake.identifies == 1
    assert ("resumed", None) in bot.log


async def test_autosharded_client_asks_gateway_bot(fake: FakeDiscord):
    client = discord.AutoShardedClient(intents=discord.Intents.default())
    await fake.start_client(client)
    assert client.shard_count == 1 and client.get_guild(fake.guild_id) is not None
    assert fake.find_requests("GET", "^/gateway/bot$")
    assert fake.gateway.received[1]["d"]["shard"] == [0, 1]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"content": "x" * 2001}, ["content"]),
        ({"embeds": [{"title": "t" * 257}]}, ["embeds", "0", "title"]),
        ({"embeds": [{"description": "d" * 4097}]}, ["embeds", "0", "description"]),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, ["embeds", "0", "fields"]),
        (
            {"embeds": [{"fields": [{"name": "n" * 257, "value": "v"}]}]},
            ["embeds", "0", "fields", "0", "name"],
        ),
        (
            {"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]},
            ["embeds", "0", "fields", "0", "value"],
        ),
        ({"embeds": [{"footer": {"text": "f" * 2049}}]}, ["embeds", "0", "footer", "text"]),
        ({"embeds": [{"description": "d" * 4000}, {"description": "d" * 2001}]}, ["embeds"]),
        ({"components": [{"type": 1, "components": [{"type": 2}]}] * 6}, ["components"]),
        ({"components": [{"type": 1, "components": [{"type": 2}] * 6}]}, ["components", "0", "components"]),
        ({"components": [{"type": 1, "components": [{"type": 2, "label": "l" * 81}]}]}, ["components", "0"]),
        (
            {"components": [{"type": 1, "components": [{"type": 2, "custom_id": "c" * 101}]}]},
            ["components", "0"],
        ),
        (
            {"components": [{"type": 1, "components": [{"type": 3, "options": [{}] * 26}]}]},
            ["components", "0"],
        ),
    ],
)
def test_message_limits(body: dict, path: list[str]):
    errors = limits.message_errors(body)
    for key in path:
        errors = errors[key]
    assert errors
    assert limits.message_errors({"content": "x" * 2000, "embeds": [{"title": "t" * 256}]}) == {}


def test_autocomplete_limits():
    assert limits.autocomplete_errors({"choices": [{"name": "n", "value": "v"}] * 25}) == {}
    assert "choices" in limits.autocomplete_errors({"choices": [{"name": "n", "value": "v"}] * 26})["data"]
    assert limits.autocomplete_errors({"choices": [{"name": "n" * 101, "value": "v"}]})
    assert limits.autocomplete_errors({"choices": [{"name": "n", "value": "v" * 101}]})


async def test_forget_history_keeps_the_fake_working(fake: FakeDiscord, bot: TinyBot):
    await fake.slash("compare", {"first": "torch", "second": "jax"})
    assert fake.requests and fake.sent and fake.interactions
    fake.forget_history()
    assert (fake.requests, fake.sent, fake.messages, fake.interactions) == ([], [], {}, {})
    again = await fake.slash("compare", {"first": "jax", "second": "torch"})
    assert again.message is not None and fake.sent == [again.message]
