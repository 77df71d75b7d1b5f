"""What the fake Discord knows: users, guilds (roles, members, channels), DM channels, commands."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import discord

from . import payloads as p
from .payloads import JSON
from .results import FakeMessage, InteractionResult, Request

_EVERYONE = (
    "view_channel send_messages send_messages_in_threads read_message_history embed_links attach_files"
)
_EVERYONE += " add_reactions use_external_emojis use_application_commands change_nickname connect speak"
EVERYONE = discord.Permissions(**dict.fromkeys(_EVERYONE.split(), True)).value
BOT = EVERYONE | discord.Permissions(manage_messages=True, manage_threads=True).value
ALL, ADMINISTRATOR = discord.Permissions.all().value, discord.Permissions(administrator=True).value


@dataclass
class Guild:
    """A guild; ``members`` are member objects without ``user``, keyed by user id."""

    id: int
    name: str
    owner_id: int
    roles: dict[int, JSON] = field(default_factory=dict)
    members: dict[int, JSON] = field(default_factory=dict)
    channel_ids: list[int] = field(default_factory=list)


class State:
    """The fake's data. Ids are snowflakes (so ``created_at`` works); the first guild and text
    channel become the defaults ``guild_id`` and ``channel_id``."""

    def __init__(self, *, defaults: bool = True) -> None:
        self.port = 0
        self.users: dict[int, JSON] = {}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, JSON] = {}  # guild channels and DM channels
        self.messages: dict[int, FakeMessage] = {}
        self.sent: list[FakeMessage] = []  # every message the bot created, in order
        self.requests: list[Request] = []
        self.commands: dict[int | None, list[JSON]] = {}  # guild id (None: global) -> synced commands
        self.syncs = 0
        self.interactions: dict[str, InteractionResult] = {}  # by token
        self._ids = itertools.count()
        self._dms: dict[int, int] = {}  # user id -> DM channel id
        self.guild_id = self.channel_id = 0
        self.bot_id = self.add_user("Versus", bot=True)
        self.application_id = self.bot_id  # as for every application created since 2019
        self.owner_id = self.user_id = self.add_user("owner")
        if defaults:
            self.add_guild("Test Server")
            self.add_channel("general")
            self.user_id = self.add_user("alice")

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def forget_history(self) -> None:
        """Drop the record of past requests, messages and answered interactions.

        Tests read that record; a benchmark driving thousands of interactions
        clears it between rounds, so that the fake's own growing heap does not
        lengthen the garbage collector's pauses in the bot it shares a process with.
        """
        self.requests.clear()
        self.sent.clear()
        self.messages.clear()
        self.interactions = {token: r for token, r in self.interactions.items() if not r.answered}

    def _snowflake(self) -> int:
        return discord.utils.time_snowflake(discord.utils.utcnow()) + next(self._ids)

    def add_guild(self, name: str, *, owner_id: int | None = None) -> int:
        """A guild with @everyone whose members are its owner and the bot (with a role "Versus")."""
        gid = self._snowflake()
        guild = self.guilds[gid] = Guild(gid, name, owner_id or self.owner_id)
        guild.roles[gid] = p.role(gid, "@everyone", permissions=EVERYONE)
        self.guild_id = self.guild_id or gid
        self.add_member(guild.owner_id, guild=gid)
        self.add_member(self.bot_id, guild=gid, roles=[self.add_role("Versus", permissions=BOT, guild=gid)])
        return gid

    def add_role(
        self, name: str, *, permissions: int | discord.Permissions = 0, guild: int | None = None
    ) -> int:
        """A role, e.g. ``add_role("Moderator", permissions=discord.Permissions(manage_guild=True))``."""
        g = self.guilds[guild or self.guild_id]
        rid = self._snowflake()
        value = permissions.value if isinstance(permissions, discord.Permissions) else int(permissions)
        g.roles[rid] = p.role(rid, name, permissions=value, position=len(g.roles))
        return rid

    def add_channel(self, name: str, *, guild: int | None = None, kind: int = 0, **fields: Any) -> int:
        """A guild channel: ``kind`` 0 text, 2 voice, 4 category...; ``fields`` e.g. topic, parent_id."""
        g = self.guilds[guild or self.guild_id]
        cid = self._snowflake()
        self.channels[cid] = p.channel(
            cid, name, guild_id=g.id, kind=kind, position=len(g.channel_ids), **fields
        )
        g.channel_ids.append(cid)
        if not self.channel_id and kind == 0:
            self.channel_id = cid
        return cid

    def add_user(
        self,
        name: str,
        *,
        bot: bool = False,
        roles: Iterable[int] = (),
        join: bool = True,
        guild: int | None = None,
    ) -> int:
        """A user, also a member (with ``roles``) of the default guild or ``guild`` unless ``join=False``."""
        uid = self._snowflake()
        self.users[uid] = p.user(uid, name, bot=bot)
        if join and self.guilds:
            self.add_member(uid, guild=guild, roles=roles)
        return uid

    def add_member(
        self, user_id: int, *, guild: int | None = None, roles: Iterable[int] = (), nick: str | None = None
    ) -> None:
        """Make (or replace) a user's membership of a guild, with these roles."""
        self.guilds[guild or self.guild_id].members[user_id] = p.member(roles, nick=nick)

    def permissions(self, user_id: int, guild: int | None = None) -> int:
        """Guild-level permissions (all for the owner and administrators; channel overwrites ignored)."""
        g = self.guilds[guild or self.guild_id]
        value = 0
        for rid in [g.id, *map(int, g.members.get(user_id, {}).get("roles", []))]:
            value |= int(g.roles[rid]["permissions"]) if rid in g.roles else 0
        return ALL if user_id == g.owner_id or value & ADMINISTRATOR else value

    def dm_channel(self, user_id: int) -> JSON:
        """The DM channel between the bot and a user (created on first use)."""
        if user_id not in self._dms:
            self._dms[user_id] = cid = self._snowflake()
            self.channels[cid] = p.dm_channel(cid, self.users[user_id])
        return self.channels[self._dms[user_id]]

    def application(self) -> JSON:
        """The application object (its owner is ``owner_id``)."""
        return p.application(self.application_id, "Versus", self.users[self.owner_id])

    def guild_payload(self, guild_id: int) -> JSON:
        """The full GUILD_CREATE object of a guild."""
        g = self.guilds[guild_id]
        channels, roles = [self.channels[c] for c in g.channel_ids], list(g.roles.values())
        members = self.members_with_users(guild_id)
        return p.guild(g.id, g.name, owner_id=g.owner_id, roles=roles, channels=channels, members=members)

    def members_with_users(self, guild_id: int) -> list[JSON]:
        return [{**m, "user": self.users[uid]} for uid, m in self.guilds[guild_id].members.items()]

    def ready_events(self, session_id: str) -> list[tuple[str, JSON]]:
        """READY, then a GUILD_CREATE per guild, as sent after IDENTIFY."""
        me, app = self.users[self.bot_id], self.application()
        ready = p.ready(me, self.guilds, session_id=session_id, resume_url=self.gateway_url, application=app)
        return [("READY", ready), *(("GUILD_CREATE", self.guild_payload(g)) for g in self.guilds)]
