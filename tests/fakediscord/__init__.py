"""A fake Discord (REST API v10 + gateway) on 127.0.0.1 that the real discord.py client runs against.

Start it, add state, start the bot, act like a user, assert on what the bot sent::

    async with FakeDiscord() as fake:       # serves on a free port; patches discord.py's two base URLs
        mod_role = fake.add_role("Moderator", permissions=discord.Permissions(manage_guild=True))
        mod = fake.add_user("mod", roles=[mod_role])
        await fake.start_client(bot)        # bot.start() in a task; returns once the bot is ready
        result = await fake.slash("compare", {"first": "torch", "second": "jax"}, user=mod)
        assert result.type == 4 and result.message.embeds[0]["title"] == "torch vs jax"
        clicked = await fake.click(result.message, "more")
        replies = await fake.send_message("hello", mentions=[fake.bot_id])

Defaults: guild "Test Server" (``guild_id``) with text channel "general" (``channel_id``); the bot user
(``bot_id``, also ``application_id``); the application and guild owner (``owner_id``); a plain member
"alice" (``user_id``), who acts unless ``user=`` says otherwise. ``FakeDiscord(defaults=False)`` has only
the bot and the owner. discord.py caches members other than itself only with the members intent.

State (before ``start_client``; later, send events with ``dispatch(event, data)``), ids are ints:
    ``add_guild(name, owner_id=)`` (the owner and the bot join), ``add_channel(name, guild=, kind=0)``,
    ``add_role(name, permissions=, guild=)``, ``add_user(name, bot=, roles=, join=True, guild=)``,
    ``add_member(user_id, guild=, roles=, nick=)``, ``permissions(user_id, guild=)``, ``dm_channel(user_id)``.

Acting (each waits for the bot's answer, at most ``timeout``, default ``reply_timeout``):
    ``slash(name, options, user=, channel=, dm=)``: ``name`` may be ``"group sub"``; user, channel and role
    options take ids and arrive resolved; option types come from the synced commands or the bot's tree.
    ``click(message, custom_id)``, ``select(message, custom_id, values)``, ``message_command(name, message)``
    and ``slash`` return an ``InteractionResult``: ``type``, ``callback`` (the body as sent), ``data``,
    ``ephemeral``, ``message``, ``original``, ``followups``, ``errors`` (Discord error bodies), ``choices``.
    ``autocomplete(name, focused, value, options) -> choices``.
    ``send_message(content, author=, channel=, dm=, mentions=[ids]) -> [FakeMessage]``: the bot's replies;
    ``create_message(content, author=, channel=, dm=)`` stores a user message without dispatching it.
    ``FakeMessage``: ``raw`` (API object), ``sent`` (the bot's JSON), ``content``, ``embeds``, ``components``,
    ``custom_ids``, ``allowed_mentions``, ``reference``, ``mentions``, ``ephemeral``, ``deleted``.

Inspecting: ``requests`` (``Request``: method, path, query, json, status, response), ``find_requests(method,
path_regex)``, ``errors``, ``sent``, ``messages``, ``commands``, ``syncs``, ``identifies``, ``resumes``,
``gateway.received``; ``await wait_for(check, timeout)`` polls any condition.

Connection: ``start_client(client)``, ``stop_client()``, ``wait_until_ready(client)``. discord.py waits
``guild_ready_timeout`` (2 s) after the last GUILD_CREATE; start_client lowers it to 0.05 s on the client.
``drop_connection(code=4000, abrupt=False)`` closes the gateway socket: the client RESUMEs and gets the
events it missed. One FakeDiscord at a time per process (discord.py's URLs are class attributes).

Reproduced: 10062 Unknown interaction (no callback within ``interaction_timeout``, 3 s), 40060 already
acknowledged, 50035 Invalid Form Body over Discord's limits (``limits``), 10008/10003 unknown message or
channel, hidden commands (default_member_permissions, DM contexts), the MESSAGE_CONTENT intent (blank
content), allowed_mentions and reply pings. Not faked: rate limits, voice, threads, reactions, modal
submissions, attachment options, channel permission overwrites, presences, more than one shard, the CDN.
"""

from .payloads import JSON
from .results import FakeMessage, InteractionResult, Request
from .server import FakeDiscord
from .state import Guild

__all__ = ["JSON", "FakeDiscord", "FakeMessage", "Guild", "InteractionResult", "Request"]
