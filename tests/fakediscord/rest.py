"""The REST half of the fake: the /api/v10 routes, message storage, interaction callbacks and webhooks.

Answers are JSON with ``Content-Type: application/json`` exactly: discord.py decodes a body only
when the header is exactly that (aiohttp's ``json_response`` would add a charset).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from . import limits
from . import payloads as p
from .gateway import Gateway
from .payloads import JSON
from .results import FakeMessage, InteractionResult, Request
from .state import State

API = "/api/v10"
TRUE = ("1", "true", "True")
Reply = tuple[int, Any]  # (HTTP status, JSON body or None for 204)
Handler = Callable[[Request], Awaitable[Reply]]


def _fail(status: int, code: int, message: str, errors: JSON | None = None) -> Reply:
    return status, p.error(code, message, errors)


def _is_empty(body: JSON, files: Mapping[str, bytes]) -> bool:
    return not (
        body.get("content") or body.get("embeds") or body.get("components") or files or body.get("poll")
    )


async def _read_body(request: web.Request) -> tuple[Any, dict[str, bytes]]:
    """The JSON body, or for multipart uploads ``payload_json`` and the files."""
    if request.content_type == "application/json":
        return await request.json(), {}
    if request.content_type == "multipart/form-data":
        form = await request.post()
        files = {f.filename: f.file.read() for f in form.values() if isinstance(f, web.FileField)}
        payload = form.get("payload_json")
        return (json.loads(payload) if isinstance(payload, str) else None), files
    return None, {}


class RestApi(State):
    """REST handlers over the state; each takes the recorded ``Request`` and returns a ``Reply``."""

    token: str
    interaction_timeout: float
    gateway: Gateway

    def build_app(self) -> web.Application:
        """The aiohttp application: the routes below, a JSON 404 for the rest, and /gateway."""
        commands, guild_commands = (
            "/applications/{app}/commands",
            "/applications/{app}/guilds/{guild}/commands",
        )
        routes: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway),
            ("GET", commands, self._get_commands),
            ("PUT", commands, self._put_commands),
            ("GET", guild_commands, self._get_commands),
            ("PUT", guild_commands, self._put_commands),
            ("POST", "/interactions/{id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("POST", "/channels/{channel}/messages", self._post_message),
            ("POST", "/channels/{channel}/typing", self._typing),
            ("GET", "/channels/{channel}", self._get_channel),
            ("POST", "/users/@me/channels", self._open_dm),
        ]
        for method in ("GET", "PATCH", "DELETE"):
            routes.append((method, "/webhooks/{app}/{token}/messages/{message}", self._webhook_message))
            routes.append((method, "/channels/{channel}/messages/{message}", self._channel_message))
        app = web.Application()
        for method, path, handler in routes:
            app.router.add_route(method, API + path, self._endpoint(handler))
        app.router.add_route("*", API + "/{tail:.*}", self._endpoint(self._unknown))
        app.router.add_get("/gateway", self.gateway.handle)
        return app

    def _endpoint(self, handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
        """Wrap a handler: record the request, check the bot token, encode the reply."""

        async def run(request: web.Request) -> web.Response:
            body, files = await _read_body(request)
            path = request.path.removeprefix(API)
            call = Request(request.method, path, dict(request.query), body, dict(request.match_info), files)
            self.requests.append(call)
            auth = request.headers.get("Authorization")
            if auth is not None and auth != f"Bot {self.token}":
                call.status, call.response = _fail(401, 0, "401: Unauthorized")
            else:
                call.status, call.response = await handler(call)
            if call.response is None:
                return web.Response(status=call.status)
            data = json.dumps(call.response).encode()
            return web.Response(status=call.status, body=data, headers={"Content-Type": "application/json"})

        return run

    async def _unknown(self, r: Request) -> Reply:
        return _fail(404, 0, "404: Not Found")

    async def _get_me(self, r: Request) -> Reply:
        return 200, self.users[self.bot_id] | {"verified": True, "mfa_enabled": False, "locale": "en-US"}

    async def _get_application(self, r: Request) -> Reply:
        return 200, self.application()

    async def _get_gateway(self, r: Request) -> Reply:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return 200, {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}

    async def _get_commands(self, r: Request) -> Reply:
        return 200, self.commands.get(int(r.params["guild"]) if "guild" in r.params else None, [])

    async def _put_commands(self, r: Request) -> Reply:
        """Bulk overwrite: keeps the ids of commands that stay (same name and type), like Discord."""
        if r.params["app"] != str(self.application_id):
            return _fail(403, 50001, "Missing Access")
        scope = int(r.params["guild"]) if "guild" in r.params else None
        old = {(c["name"], c["type"]): c["id"] for c in self.commands.get(scope, [])}
        defaults: JSON = {"description": "", "options": [], "default_member_permissions": None}
        stored = []
        for command in r.json or []:
            kind = command.get("type", 1)
            ids = {
                "id": old.get((command["name"], kind)) or str(self._snowflake()),
                "version": str(self._snowflake()),
            }
            scoped = {"guild_id": str(scope)} if scope else {}
            stored.append(
                defaults | command | ids | scoped | {"type": kind, "application_id": str(self.application_id)}
            )
        self.commands[scope] = stored
        self.syncs += 1
        return 200, stored

    async def _callback(self, r: Request) -> Reply:
        """POST /interactions/{id}/{token}/callback: one acknowledgement, within interaction_timeout."""
        result = self.interactions.get(r.params["token"])
        if result is None or result.payload["id"] != r.params["id"]:
            return _fail(404, 10062, "Unknown interaction")
        body = r.json or {}
        kind, data = int(body.get("type", 0)), body.get("data") or {}
        if result.callback is not None:
            return result.fail(400, 40060, "Interaction has already been acknowledged.")
        if asyncio.get_running_loop().time() - result.created > self.interaction_timeout:
            return result.fail(404, 10062, "Unknown interaction")
        errors = limits.autocomplete_errors(data) if kind == 8 else {}
        errors = limits.message_errors(data, ("data",)) if kind in (4, 7) else errors
        if errors:
            return result.fail(400, 50035, "Invalid Form Body", errors)
        result.callback = body
        result.answered_at = asyncio.get_running_loop().time()
        if kind in (4, 5):  # a new message (5: its "thinking" placeholder)
            result.original = await self._interaction_message(result, data, r.files, loading=kind == 5)
        elif kind in (6, 7) and "message" in result.payload:  # the component's message (7: updated now)
            result.original = self.messages[int(result.payload["message"]["id"])]
            if kind == 7:
                await self._edit(result.original, data, r.files)
        message = result.original.raw if result.original is not None and kind in (4, 5, 7) else None
        if r.query.get("with_response") in TRUE:
            return 200, p.callback_response(result.payload, kind, message)
        return 204, None

    async def _followup(self, r: Request) -> Reply:
        """POST /webhooks/{application_id}/{token}: a follow-up message (returned when ?wait=true)."""
        result = self.interactions.get(r.params["token"])
        if result is None or r.params["app"] != str(self.application_id):
            return _fail(404, 10015, "Unknown Webhook")
        body = r.json or {}
        errors = limits.message_errors(body)
        if errors:
            return result.fail(400, 50035, "Invalid Form Body", errors)
        if _is_empty(body, r.files):
            return result.fail(400, 50006, "Cannot send an empty message")
        message = await self._interaction_message(result, body, r.files)
        result.followups.append(message)
        return (200, message.raw) if r.query.get("wait") in TRUE else (204, None)

    async def _webhook_message(self, r: Request) -> Reply:
        """GET/PATCH/DELETE /webhooks/{application_id}/{token}/messages/{@original or id}."""
        result = self.interactions.get(r.params["token"])
        if result is None:
            return _fail(404, 10015, "Unknown Webhook")
        ref, mine = r.params["message"], [m for m in (result.original, *result.followups) if m is not None]
        msg = result.original if ref == "@original" else next((m for m in mine if str(m.id) == ref), None)
        if msg is None or msg.deleted:
            return result.fail(404, 10008, "Unknown Message")
        status, reply = await self._message_op(r, msg)
        if status >= 400:
            result.errors.append(reply)
        elif r.method == "PATCH":
            result.edits += 1
        return status, reply

    async def _post_message(self, r: Request) -> Reply:
        """POST /channels/{id}/messages, replies (message_reference) included."""
        if int(r.params["channel"]) not in self.channels:
            return _fail(404, 10003, "Unknown Channel")
        body = r.json or {}
        errors, ref = limits.message_errors(body), body.get("message_reference")
        if ref and int(ref["message_id"]) not in self.messages and ref.get("fail_if_not_exists", True):
            errors["message_reference"] = {
                "_errors": [{"code": "REPLIES_UNKNOWN_MESSAGE", "message": "Unknown"}]
            }
        if errors:
            return _fail(400, 50035, "Invalid Form Body", errors)
        if _is_empty(body, r.files):
            return _fail(400, 50006, "Cannot send an empty message")
        message = self._compose(int(r.params["channel"]), self.bot_id, body, r.files)
        await self._publish(message)
        return 200, message.raw

    async def _channel_message(self, r: Request) -> Reply:
        msg = self.messages.get(int(r.params["message"]))
        if msg is None or msg.deleted or msg.channel_id != int(r.params["channel"]):
            return _fail(404, 10008, "Unknown Message")
        if r.method == "PATCH" and msg.raw["author"]["id"] != str(self.bot_id):
            return _fail(403, 50005, "Cannot edit a message authored by another user")
        return await self._message_op(r, msg)

    async def _message_op(self, r: Request, msg: FakeMessage) -> Reply:
        """GET, PATCH or DELETE a stored message."""
        if r.method == "GET":
            return 200, msg.raw
        if r.method == "DELETE":
            msg.deleted = True
            self.messages.pop(msg.id, None)
            if not msg.ephemeral:
                deleted: JSON = {k: msg.raw[k] for k in ("id", "channel_id", "guild_id") if k in msg.raw}
                await self._dispatch_message("MESSAGE_DELETE", deleted)
            return 204, None
        errors = limits.message_errors(r.json)
        if errors:
            return _fail(400, 50035, "Invalid Form Body", errors)
        await self._edit(msg, r.json or {}, r.files)
        return 200, msg.raw

    async def _typing(self, r: Request) -> Reply:
        return 204, None

    async def _get_channel(self, r: Request) -> Reply:
        channel = self.channels.get(int(r.params["channel"]))
        return (200, channel) if channel is not None else _fail(404, 10003, "Unknown Channel")

    async def _open_dm(self, r: Request) -> Reply:
        recipient = int((r.json or {}).get("recipient_id", 0))
        if recipient not in self.users:
            return _fail(400, 50033, "Invalid Recipient(s)")
        return 200, self.dm_channel(recipient)

    # -- messages ----------------------------------------------------------------------------

    def _compose(
        self, channel_id: int, author_id: int, body: JSON, files: Mapping[str, bytes], **fields: Any
    ) -> FakeMessage:
        """Build and store the message Discord makes of a message body."""
        guild_id = self.channels[channel_id].get("guild_id")
        raw = p.message(self._snowflake(), channel_id, self.users[author_id], str(body.get("content") or ""))
        raw |= {"embeds": list(body.get("embeds") or []), "components": list(body.get("components") or [])}
        raw |= {"flags": int(body.get("flags") or 0), "tts": bool(body.get("tts"))} | fields
        if guild_id:
            raw["guild_id"] = guild_id
            if author_id in self.guilds[int(guild_id)].members:
                raw["member"] = self.guilds[int(guild_id)].members[author_id]
        raw["attachments"] = [self._attachment(channel_id, name, data) for name, data in files.items()]
        ref = body.get("message_reference")
        if ref:
            target = self.messages.get(int(ref["message_id"]))
            raw["type"], raw["referenced_message"] = 19, target.raw if target else None
            raw["message_reference"] = {
                "type": 0,
                "message_id": ref["message_id"],
                "channel_id": str(channel_id),
            }
            raw["message_reference"] |= {"guild_id": guild_id} if guild_id else {}
        self._set_mentions(raw, body.get("allowed_mentions"))
        message = self.messages[int(raw["id"])] = FakeMessage(raw, dict(body))
        return message

    def _attachment(self, channel_id: int, name: str, data: bytes) -> JSON:
        aid = self._snowflake()
        url = f"https://cdn.discordapp.com/attachments/{channel_id}/{aid}/{name}"
        return {"id": str(aid), "filename": name, "size": len(data), "url": url, "proxy_url": url}

    def _set_mentions(self, raw: JSON, allowed: JSON | None) -> None:
        """Mentions derived from the content and filtered by allowed_mentions; a reply pings its
        author unless allowed_mentions says ``replied_user: false`` (or omits it)."""
        users = [int(u) for u in re.findall(r"<@!?(\d+)>", raw["content"])]
        roles = re.findall(r"<@&(\d+)>", raw["content"])
        if allowed is not None:
            parse = allowed.get("parse") or []
            ok_users, ok_roles = {str(u) for u in allowed.get("users") or []}, set(allowed.get("roles") or [])
            users = [u for u in users if "users" in parse or str(u) in ok_users]
            roles = [r for r in roles if "roles" in parse or r in ok_roles]
        ref = raw.get("referenced_message")
        if ref and (allowed is None or allowed.get("replied_user")):
            users.append(int(ref["author"]["id"]))
        guild = self.guilds.get(int(raw.get("guild_id") or 0))
        members = guild.members if guild else {}
        raw["mentions"] = [
            self.users[u] | ({"member": members[u]} if u in members else {})
            for u in dict.fromkeys(users)
            if u in self.users
        ]
        raw["mention_roles"] = roles

    async def _interaction_message(
        self, result: InteractionResult, body: JSON, files: Mapping[str, bytes], *, loading: bool = False
    ) -> FakeMessage:
        """A response or follow-up message, sent through the interaction's webhook."""
        payload, app = result.payload, str(self.application_id)
        user = payload["member"]["user"] if "member" in payload else payload["user"]
        meta = {"id": payload["id"], "type": payload["type"], "user": user}
        meta["authorizing_integration_owners"] = payload["authorizing_integration_owners"]
        command_type = (payload.get("data") or {}).get("type", 1) if payload["type"] == 2 else 0
        kind = {0: 0, 1: 20}.get(command_type, 23)  # 20: chat input command, 23: context menu command
        fields = {"type": kind, "webhook_id": app, "application_id": app, "interaction_metadata": meta}
        message = self._compose(int(payload["channel_id"]), self.bot_id, body, files, **fields)
        if loading:
            message.raw["flags"] |= p.LOADING
        await self._publish(message)
        return message

    async def _edit(self, msg: FakeMessage, body: JSON, files: Mapping[str, bytes]) -> None:
        """Apply a PATCH body (or a type 7 callback); ends the "thinking" state of a placeholder."""
        raw = msg.raw
        for key, empty in (("content", ""), ("embeds", []), ("components", [])):
            if key in body:
                raw[key] = empty if body[key] is None else body[key]
        kept_flags = raw["flags"] & (p.EPHEMERAL | p.COMPONENTS_V2)
        raw["flags"] = kept_flags | (int(body.get("flags") or 0) & ~(p.EPHEMERAL | p.LOADING))
        if "attachments" in body or files:
            kept = {str(a.get("id")) for a in body.get("attachments") or []}
            new = [self._attachment(msg.channel_id, name, data) for name, data in files.items()]
            raw["attachments"] = [a for a in raw["attachments"] if a["id"] in kept] + new
        raw["edited_timestamp"] = p.now_iso()
        msg.sent.update(body)
        self._set_mentions(raw, msg.sent.get("allowed_mentions"))
        if not msg.ephemeral:
            await self._dispatch_message("MESSAGE_UPDATE", raw)

    async def _publish(self, message: FakeMessage) -> None:
        """Record a message the bot created and announce it (ephemeral ones are not)."""
        self.sent.append(message)
        if not message.ephemeral:
            await self._dispatch_message("MESSAGE_CREATE", message.raw)

    async def _dispatch_message(self, event: str, raw: JSON) -> None:
        """Send a message event as the bot's intents allow: none without the (DM) messages intent,
        and without MESSAGE_CONTENT a blank content unless in a DM, mentioning the bot, or its own."""
        intents, dm, me = self.gateway.intents, "guild_id" not in raw, str(self.bot_id)
        if not intents & (p.INTENT_DM_MESSAGES if dm else p.INTENT_GUILD_MESSAGES):
            return
        visible = intents & p.INTENT_MESSAGE_CONTENT or dm or raw.get("author", {}).get("id") == me
        if "author" in raw and not (visible or any(u["id"] == me for u in raw.get("mentions") or [])):
            raw = raw | {"content": "", "embeds": [], "attachments": [], "components": []}
        await self.gateway.dispatch(event, raw)
