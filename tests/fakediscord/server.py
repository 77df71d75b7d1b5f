"""FakeDiscord: starts the fake on a free loopback port, runs a discord.py client against it and
drives the bot the way users do (slash commands, autocomplete, clicks, selects, messages)."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

import discord
import yarl
from aiohttp import web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from . import payloads as p
from .gateway import Gateway
from .payloads import JSON
from .rest import RestApi
from .results import FakeMessage, InteractionResult, Request
from .state import EVERYONE

OPTION_OF_SELECT = {5: 6, 6: 8, 7: 9, 8: 7}  # user/role/mentionable/channel select -> option type


class FakeDiscord(RestApi):
    """A fake Discord (REST API v10 + gateway) on 127.0.0.1 for one discord.py client at a time.

    ``interaction_timeout``: seconds the bot has to acknowledge an interaction (else 10062);
    ``reply_timeout``: how long helpers wait for the bot; ``settle``: extra wait after an answer to
    collect what follows it; ``guild_ready_timeout``: what start_client lowers discord.py's 2 s to.
    """

    def __init__(
        self,
        *,
        token: str = "fake-token",
        interaction_timeout: float = 3.0,
        reply_timeout: float = 2.0,
        settle: float = 0.02,
        guild_ready_timeout: float = 0.05,
        defaults: bool = True,
    ) -> None:
        super().__init__(defaults=defaults)
        self.token = token
        self.interaction_timeout = interaction_timeout
        self.reply_timeout = reply_timeout
        self.settle = settle
        self.guild_ready_timeout = guild_ready_timeout
        self.gateway = Gateway(token, self.ready_events, self.members_with_users)
        self.client: discord.Client | None = None
        self._task: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self._saved: tuple[str, yarl.URL] | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> FakeDiscord:
        """Serve on 127.0.0.1:<free port> and point discord.py's Route.BASE and DEFAULT_GATEWAY here."""
        if Route.BASE.startswith("http://127.0.0.1"):
            raise RuntimeError("another FakeDiscord is running: discord.py's URLs are class attributes")
        self._runner = web.AppRunner(self.build_app(), shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        self._saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self.api_url, yarl.URL(self.gateway_url)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self.stop_client()
            await self.gateway.close()
            if self._runner is not None:
                await self._runner.cleanup()
        finally:
            if self._saved is not None:
                Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved

    async def start_client(self, client: discord.Client, *, timeout: float = 10.0) -> None:
        """Run ``client.start(token)`` in a task; return once it is ready (READY + GUILD_CREATEs)
        and on_ready had ``settle`` seconds to run.

        discord.py waits ``guild_ready_timeout`` (2 s) after the last GUILD_CREATE before on_ready;
        this lowers it on the client to ``self.guild_ready_timeout``."""
        if self.client is not None:
            raise RuntimeError("a client is already running; call stop_client() first")
        state = client._connection
        state.guild_ready_timeout = min(state.guild_ready_timeout, self.guild_ready_timeout)
        self.client = client
        self._task = asyncio.create_task(client.start(self.token), name="fakediscord-client")
        await self.wait_until_ready(client, timeout=timeout)
        await asyncio.sleep(self.settle)

    async def wait_until_ready(self, client: discord.Client | None = None, *, timeout: float = 10.0) -> None:
        """Wait until ``client`` (default: the started one) is ready; raise if it crashed instead."""
        target = client or self.client
        if target is None:
            raise RuntimeError("no client")
        await self.wait_for(target.is_ready, timeout, "the client did not become ready")

    async def stop_client(self) -> None:
        """Close the started client and wait for its task (no-op without one)."""
        client, task, self.client, self._task = self.client, self._task, None, None
        if client is not None:
            await client.close()
        if task is not None:
            await asyncio.wait({task}, timeout=5.0)
            if not task.done():
                task.cancel()
            elif not task.cancelled():
                task.exception()  # mark it retrieved: wait_for already reported a crash

    async def wait_for(
        self, check: Callable[[], object], timeout: float | None = None, what: str = ""
    ) -> None:
        """Poll ``check`` until it is truthy; TimeoutError after ``timeout`` (default reply_timeout)."""
        loop = asyncio.get_running_loop()
        limit = self.reply_timeout if timeout is None else timeout
        deadline = loop.time() + limit
        while not check():
            task = self._task
            if task is not None and task.done() and not task.cancelled() and task.exception():
                raise RuntimeError("the discord.py client crashed") from task.exception()
            if loop.time() > deadline:
                raise TimeoutError(f"{what or 'condition not met'} (waited {limit}s)")
            await asyncio.sleep(0.005)

    # -- gateway -----------------------------------------------------------------------------

    async def dispatch(self, event: str, data: JSON) -> int:
        """Send any gateway event (e.g. GUILD_MEMBER_ADD); returns its sequence number."""
        return await self.gateway.dispatch(event, data)

    async def drop_connection(self, code: int = 4000, *, abrupt: bool = False) -> None:
        """Close the gateway socket (``abrupt``: cut TCP); the client RESUMEs and gets missed events."""
        await self.gateway.drop(code, abrupt=abrupt)

    @property
    def identifies(self) -> int:
        return self.gateway.identifies

    @property
    def resumes(self) -> int:
        return self.gateway.resumes

    # -- inspecting --------------------------------------------------------------------------

    def find_requests(self, method: str | None = None, path: str = "") -> list[Request]:
        """Recorded requests with this method whose path (after /api/v10) matches the regex ``path``."""
        return [r for r in self.requests if method in (None, r.method) and re.search(path, r.path)]

    @property
    def errors(self) -> list[Request]:
        """Requests the fake answered with an error status."""
        return [r for r in self.requests if r.status >= 400]

    # -- messages ----------------------------------------------------------------------------

    def create_message(
        self, content: str, *, author: int | None = None, channel: int | None = None, dm: bool = False
    ) -> FakeMessage:
        """Store a user's message without dispatching it (e.g. as a message_command() target)."""
        uid = author or self.user_id
        channel_id = self._channel_for(uid, channel, dm)
        guild_id = self.channels[channel_id].get("guild_id")
        if guild_id and uid not in self.guilds[int(guild_id)].members:
            raise ValueError(f"user {uid} is not a member of guild {guild_id}")
        return self._compose(channel_id, uid, {"content": content}, {})

    async def send_message(
        self,
        content: str,
        *,
        author: int | None = None,
        channel: int | None = None,
        dm: bool = False,
        mentions: Iterable[int] = (),
        timeout: float | None = None,
    ) -> list[FakeMessage]:
        """A user posts a message (``mentions``: user ids mentioned before the content); returns the
        channel messages the bot sent after it: waits up to ``timeout`` for one, then ``settle``."""
        text = "".join(f"<@{m}> " for m in mentions) + content
        message = self.create_message(text, author=author, channel=channel, dm=dm)
        before = len(self.sent)

        def replies() -> list[FakeMessage]:
            return [m for m in self.sent[before:] if "interaction_metadata" not in m.raw]

        await self._dispatch_message("MESSAGE_CREATE", message.raw)
        with contextlib.suppress(TimeoutError):
            await self.wait_for(replies, timeout)
        await asyncio.sleep(self.settle)
        return replies()

    # -- interactions ------------------------------------------------------------------------

    async def slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: int | None = None,
        channel: int | None = None,
        dm: bool = False,
        timeout: float | None = None,
    ) -> InteractionResult:
        """Run ``/name`` (``"group sub"`` for subcommands) with option values by name; users, channels
        and roles are given by id and arrive resolved. Option types come from the synced commands,
        else from the client's command tree."""
        uid = user or self.user_id
        channel_id = self._channel_for(uid, channel, dm)
        data = self._command_data(name, options or {}, uid, channel_id)
        return await self._interact(2, data, uid, channel_id, timeout=timeout, what=f"/{name}")

    async def autocomplete(
        self,
        name: str,
        focused: str,
        value: Any,
        options: Mapping[str, Any] | None = None,
        *,
        user: int | None = None,
        channel: int | None = None,
        dm: bool = False,
        timeout: float | None = None,
    ) -> list[JSON]:
        """The user types ``value`` into the option ``focused`` of ``/name``; returns the bot's choices
        ([] if Discord rejected them: see ``errors``)."""
        uid = user or self.user_id
        channel_id = self._channel_for(uid, channel, dm)
        data = self._command_data(name, {**(options or {}), focused: value}, uid, channel_id, focused=focused)
        result = await self._interact(4, data, uid, channel_id, timeout=timeout, what=f"autocomplete /{name}")
        return result.choices

    async def message_command(
        self, name: str, target: FakeMessage | int, *, user: int | None = None, timeout: float | None = None
    ) -> InteractionResult:
        """Run the message context-menu command ``name`` on ``target``."""
        msg = target if isinstance(target, FakeMessage) else self.messages[target]
        uid = user or self.user_id
        schema = self._schema(name, 3, self.channels[msg.channel_id].get("guild_id"), uid)
        data = {"id": schema["id"], "name": name, "type": 3, "target_id": str(msg.id)}
        data |= {"resolved": {"messages": {str(msg.id): msg.raw}}} | self._scope(schema)
        return await self._interact(2, data, uid, msg.channel_id, timeout=timeout, what=name)

    async def click(
        self,
        message: FakeMessage | int,
        custom_id: str,
        *,
        user: int | None = None,
        timeout: float | None = None,
    ) -> InteractionResult:
        """Click the button ``custom_id`` of a message."""
        return await self._component(message, custom_id, None, user, timeout)

    async def select(
        self,
        message: FakeMessage | int,
        custom_id: str,
        values: Sequence[str | int],
        *,
        user: int | None = None,
        timeout: float | None = None,
    ) -> InteractionResult:
        """Choose ``values`` in the select ``custom_id`` (option values, or ids in entity selects)."""
        return await self._component(message, custom_id, [str(v) for v in values], user, timeout)

    async def _component(
        self,
        message: FakeMessage | int,
        custom_id: str,
        values: list[str] | None,
        user: int | None,
        timeout: float | None,
    ) -> InteractionResult:
        msg = message if isinstance(message, FakeMessage) else self.messages[message]
        component, uid = msg.component(custom_id), user or self.user_id
        if component is None or component.get("disabled"):
            raise LookupError(
                f"message {msg.id} has no enabled component {custom_id!r}; it has {msg.custom_ids}"
            )
        kind = int(component["type"])
        if (values is None) != (kind == 2):
            raise ValueError("click() is for buttons, select() for select menus")
        data: JSON = {"custom_id": custom_id, "component_type": kind}
        if values is not None:
            low, high = component.get("min_values", 1), component.get("max_values", 1)
            if not low <= len(values) <= high:
                raise ValueError(f"{custom_id!r} takes {low} to {high} values, not {len(values)}")
            unknown = set(values) - {o["value"] for o in component.get("options", [])}
            if kind == 3 and unknown:
                raise ValueError(f"{sorted(unknown)} are not options of {custom_id!r}")
            if kind != 3:
                guild_id, data["resolved"] = int(self.channels[msg.channel_id].get("guild_id") or 0), {}
                for value in values:
                    self._resolve(OPTION_OF_SELECT[kind], int(value), data["resolved"], guild_id, uid)
            data["values"] = values
        return await self._interact(
            3, data, uid, msg.channel_id, message=msg.raw, timeout=timeout, what=custom_id
        )

    def _channel_for(self, user_id: int, channel: int | None, dm: bool) -> int:
        return int(self.dm_channel(user_id)["id"]) if dm else channel or self.channel_id

    @staticmethod
    def _scope(schema: JSON) -> JSON:
        """``guild_id`` for guild commands: discord.py's tree looks guild commands up by it."""
        return {"guild_id": schema["guild_id"]} if "guild_id" in schema else {}

    def _tree(self) -> discord.app_commands.CommandTree[Any] | None:
        """The client's command tree (``bot.tree``, or the one built on a plain Client)."""
        if self.client is None:
            return None
        tree: discord.app_commands.CommandTree[Any] | None = getattr(self.client, "tree", None)
        return tree or self.client._connection._command_tree

    def _from_tree(
        self, tree: discord.app_commands.CommandTree[Any], name: str, kind: int, scope: int | None
    ) -> JSON | None:
        """A command as the tree would sync it, with an id (and guild_id if it is a guild command)."""
        guild = discord.Object(scope) if scope else None
        command = tree.get_command(name, guild=guild, type=discord.AppCommandType(kind))
        if command is None:
            return None
        return (
            command.to_dict(tree)
            | {"id": str(self._snowflake())}
            | ({"guild_id": str(scope)} if scope else {})
        )

    def _schema(self, name: str, kind: int, guild_id: str | int | None, user_id: int) -> JSON:
        """The command as Discord knows it (synced), else as the client's tree would sync it; raises
        PermissionError where Discord would not offer it (default_member_permissions, DM contexts)."""
        scopes = [int(guild_id), None] if guild_id else [None]
        synced = (
            c for s in scopes for c in self.commands.get(s, []) if c["name"] == name and c["type"] == kind
        )
        found = next(synced, None)
        tree = self._tree()
        if found is None and tree is not None:
            found = next(filter(None, (self._from_tree(tree, name, kind, scope) for scope in scopes)), None)
        if found is None:
            raise LookupError(f"no command {name!r} of type {kind} is synced or in the client's tree")
        needed = int(found.get("default_member_permissions") or 0)
        if guild_id and self.permissions(user_id, int(guild_id)) & needed != needed:
            raise PermissionError(
                f"Discord hides {name!r} from user {user_id}: it needs permissions {needed}"
            )
        contexts = found.get("contexts")
        if not guild_id and (
            found.get("dm_permission") is False or (contexts is not None and 1 not in contexts)
        ):
            raise PermissionError(f"{name!r} is not available in DMs")
        return found

    def _command_data(
        self, name: str, values: Mapping[str, Any], user_id: int, channel_id: int, focused: str | None = None
    ) -> JSON:
        """The ``data`` of a chat-input interaction: nested subcommand options and resolved objects."""
        top, *path = name.split()
        guild_id = int(self.channels[channel_id].get("guild_id") or 0)
        schema = self._schema(top, 1, guild_id, user_id)
        chain, specs = [], schema.get("options") or []
        for part in path:
            sub = next((o for o in specs if o["name"] == part and o["type"] in (1, 2)), None)
            if sub is None:
                raise LookupError(f"/{name}: no subcommand {part!r}")
            chain.append(sub)
            specs = sub.get("options") or []
        by_name = {o["name"]: o for o in specs}
        options: list[JSON] = []
        resolved: JSON = {}
        missing = [o["name"] for o in specs if o.get("required") and o["name"] not in values]
        if missing and focused is None:
            raise ValueError(f"/{name}: missing required options {missing}")
        for key, value in values.items():
            if key not in by_name:
                raise ValueError(f"/{name} has no option {key!r}; it has {list(by_name)}")
            kind = by_name[key]["type"]
            if kind in (6, 7, 8, 9):  # user, channel, role, mentionable: an id, resolved
                self._resolve(kind, int(value), resolved, guild_id, user_id)
                value = str(int(value))
            elif kind == 11:
                raise ValueError("attachment options are not supported by the fake")
            elif key != focused:  # a focused value is whatever the user has typed so far
                value = {4: int, 5: bool, 10: float}.get(kind, str)(value)
            options.append(
                {"type": kind, "name": key, "value": value} | ({"focused": True} if key == focused else {})
            )
        for sub in reversed(chain):
            options = [{"type": sub["type"], "name": sub["name"], "options": options}]
        data = {"id": schema["id"], "name": top, "type": 1, "options": options} | self._scope(schema)
        return data | ({"resolved": resolved} if resolved else {})

    def _resolve(self, kind: int, sid: int, resolved: JSON, guild_id: int, user_id: int) -> None:
        """Add the user (6), channel (7), role (8) or either (9) ``sid`` to ``resolved``."""
        guild = self.guilds.get(guild_id)
        if kind in (6, 9) and sid in self.users:
            resolved.setdefault("users", {})[str(sid)] = self.users[sid]
            if guild is not None and sid in guild.members:
                member = guild.members[sid] | {"permissions": str(self.permissions(sid, guild_id))}
                resolved.setdefault("members", {})[str(sid)] = member
        elif kind in (8, 9) and guild is not None and sid in guild.roles:
            resolved.setdefault("roles", {})[str(sid)] = guild.roles[sid]
        elif kind == 7 and sid in self.channels:  # with the invoking user's permissions there
            perms = self.permissions(user_id, guild_id) if guild else EVERYONE
            resolved.setdefault("channels", {})[str(sid)] = self.channels[sid] | {"permissions": str(perms)}
        else:
            raise LookupError(f"no {({6: 'user', 7: 'channel', 8: 'role'}).get(kind, 'user or role')} {sid}")

    async def _interact(
        self,
        kind: int,
        data: JSON,
        user_id: int,
        channel_id: int,
        *,
        message: JSON | None = None,
        timeout: float | None,
        what: str,
    ) -> InteractionResult:
        """Dispatch an INTERACTION_CREATE; wait for the callback, and after a "thinking" defer for
        the first follow-up or edit."""
        channel, member, app_permissions = dict(self.channels[channel_id]), None, EVERYONE
        if "guild_id" in channel:
            guild = self.guilds[int(channel["guild_id"])]
            if user_id not in guild.members:
                raise ValueError(f"user {user_id} is not a member of guild {guild.id}")
            member = guild.members[user_id] | {"permissions": str(self.permissions(user_id, guild.id))}
            channel["permissions"] = member["permissions"]
            app_permissions = self.permissions(self.bot_id, guild.id)
        iid = self._snowflake()
        payload = p.interaction(
            iid,
            f"fake-token-{iid}",
            kind,
            application_id=self.application_id,
            channel=channel,
            user=self.users[user_id],
            data=data,
            member=member,
            app_permissions=app_permissions,
            message=message,
        )
        result = self.interactions[payload["token"]] = InteractionResult(
            payload, asyncio.get_running_loop().time()
        )
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        await self.wait_for(lambda: result.answered, timeout, f"the bot did not answer {what!r}")
        if result.type == 5:
            with contextlib.suppress(TimeoutError):
                await self.wait_for(lambda: result.followups or result.edits, timeout)
        await asyncio.sleep(self.settle)
        return result
