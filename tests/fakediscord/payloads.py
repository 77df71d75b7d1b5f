"""Builders for the Discord API v10 JSON objects the fake serves: plain dicts, no state.

Each carries the keys discord.py 2.7 indexes (``data['x']``) plus the common ones it reads with
``.get``; ids are strings on the wire, as Discord sends them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

JSON = dict[str, Any]

EPHEMERAL = 1 << 6  # message flag
LOADING = 1 << 7  # message flag: the "Bot is thinking..." placeholder of a deferred response
COMPONENTS_V2 = 1 << 15  # message flag
INTENT_GUILD_MESSAGES, INTENT_DM_MESSAGES, INTENT_MESSAGE_CONTENT = 1 << 9, 1 << 12, 1 << 15


def now_iso() -> str:
    """The current time as Discord formats timestamps."""
    return dt.datetime.now(dt.UTC).isoformat()


def user(id: int, name: str, *, bot: bool = False) -> JSON:
    """A user object."""
    data: JSON = {"id": str(id), "username": name, "global_name": None if bot else name, "discriminator": "0"}
    return data | {"avatar": None, "bot": bot, "public_flags": 0}


def role(id: int, name: str, *, permissions: int = 0, position: int = 0, color: int = 0) -> JSON:
    """A role object (the @everyone role has the guild's id)."""
    data: JSON = {
        "id": str(id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": color,
    }
    return data | {"hoist": False, "managed": False, "mentionable": True, "flags": 0}


def member(roles: Iterable[int] = (), *, nick: str | None = None) -> JSON:
    """A guild member object without its ``user`` key (added where Discord sends one)."""
    data: JSON = {"roles": [str(r) for r in roles], "nick": nick, "joined_at": now_iso(), "flags": 0}
    return data | {"deaf": False, "mute": False, "pending": False}


def channel(id: int, name: str, *, guild_id: int, kind: int = 0, position: int = 0, **fields: Any) -> JSON:
    """A guild channel object (``kind`` is the channel type: 0 text, 2 voice, 4 category, ...)."""
    data: JSON = {"id": str(id), "type": kind, "guild_id": str(guild_id), "name": name, "position": position}
    data |= {"topic": None, "parent_id": None, "nsfw": False, "permission_overwrites": [], "flags": 0}
    if kind in (2, 13):  # voice, stage
        data |= {"bitrate": 64000, "user_limit": 0, "rtc_region": None}
    return data | fields


def dm_channel(id: int, recipient: JSON) -> JSON:
    """A DM channel object (type 1)."""
    return {"id": str(id), "type": 1, "recipients": [recipient], "last_message_id": None, "flags": 0}


def guild(
    id: int, name: str, *, owner_id: int, roles: list[JSON], channels: list[JSON], members: list[JSON]
) -> JSON:
    """A full GUILD_CREATE guild object; ``members`` carry their ``user`` key."""
    data: JSON = {"id": str(id), "name": name, "owner_id": str(owner_id), "icon": None, "unavailable": False}
    data |= {
        "member_count": len(members),
        "large": False,
        "members": members,
        "roles": roles,
        "channels": channels,
    }
    data |= {
        "joined_at": now_iso(),
        "preferred_locale": "en-US",
        "features": [],
        "emojis": [],
        "stickers": [],
    }
    return data | {"threads": [], "presences": [], "voice_states": [], "premium_tier": 0}


def message(id: int, channel_id: int, author: JSON, content: str = "", **fields: Any) -> JSON:
    """A message object; ``fields`` add or override keys (guild_id, member, embeds, flags, ...)."""
    data: JSON = {
        "id": str(id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "type": 0,
    }
    data |= {"timestamp": now_iso(), "edited_timestamp": None, "tts": False, "pinned": False, "flags": 0}
    data |= {"mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": []}
    return data | {"components": []} | fields


def interaction(
    id: int,
    token: str,
    kind: int,
    *,
    application_id: int,
    channel: JSON,
    user: JSON,
    data: JSON | None = None,
    member: JSON | None = None,
    app_permissions: int = 0,
    message: JSON | None = None,
) -> JSON:
    """An INTERACTION_CREATE payload; a guild channel makes it a guild interaction (``member`` with
    ``permissions``), else a bot-DM one (``user``)."""
    guild_id = channel.get("guild_id")
    payload: JSON = {
        "id": str(id),
        "token": token,
        "type": kind,
        "version": 1,
        "application_id": str(application_id),
    }
    payload |= {"channel": channel, "channel_id": channel["id"], "app_permissions": str(app_permissions)}
    payload |= {"locale": "en-US", "entitlements": [], "attachment_size_limit": 10 * 1024 * 1024}
    # context: 0 guild, 1 bot DM; integration owners: "0" (guild install) -> guild id, or "0" in a DM
    payload |= {"context": 0 if guild_id else 1, "authorizing_integration_owners": {"0": guild_id or "0"}}
    if data is not None:
        payload["data"] = data
    if message is not None:
        payload["message"] = message
    if guild_id:
        payload |= {"guild_id": guild_id, "guild": {"id": guild_id, "locale": "en-US", "features": []}}
        payload |= {"guild_locale": "en-US", "member": {**(member or {}), "user": user}}
    else:
        payload["user"] = user
    return payload


def callback_response(interaction: JSON, kind: int, message: JSON | None) -> JSON:
    """The InteractionCallbackResponse body answered to ``?with_response=1``; discord.py binds a
    View to ``response_message_id``."""
    flags = int(message["flags"]) if message else 0
    summary: JSON = {"id": interaction["id"], "type": interaction["type"], "response_message_id": None}
    summary |= {
        "response_message_loading": bool(flags & LOADING),
        "response_message_ephemeral": bool(flags & EPHEMERAL),
    }
    resource: JSON = {"type": kind}
    if message is not None:
        summary["response_message_id"], resource["message"] = message["id"], message
    return {"interaction": summary, "resource": resource}


def application(id: int, name: str, owner: JSON, *, flags: int = 0) -> JSON:
    """The GET /oauth2/applications/@me object."""
    data: JSON = {"id": str(id), "name": name, "description": "", "icon": None, "owner": owner, "team": None}
    return data | {
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": flags,
    }


def ready(me: JSON, guild_ids: Iterable[int], *, session_id: str, resume_url: str, application: JSON) -> JSON:
    """The READY event: guilds arrive as unavailable stubs, then one GUILD_CREATE each."""
    guilds = [{"id": str(g), "unavailable": True} for g in guild_ids]
    data: JSON = {
        "v": 10,
        "user": me,
        "guilds": guilds,
        "session_id": session_id,
        "resume_gateway_url": resume_url,
    }
    return data | {
        "application": {"id": application["id"], "flags": application["flags"]},
        "private_channels": [],
    }


def error(code: int, message: str, errors: JSON | None = None) -> JSON:
    """A Discord error body, e.g. ``error(10062, "Unknown interaction")``."""
    return {"code": code, "message": message} | ({"errors": errors} if errors else {})
