"""The fake gateway: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay, and event dispatch.

One session at a time (one shard). Every dispatched event is numbered and kept in the session's
log, whether or not a socket is live, so a client that RESUMEs gets the events it missed.
Frames go out as uncompressed TEXT: discord.py only inflates BINARY frames.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from .payloads import JSON

HEARTBEAT_INTERVAL_MS = 41250


class Gateway:
    """The websocket endpoint and the session; ``ready_events(session_id)`` lists READY + GUILD_CREATEs."""

    def __init__(
        self,
        token: str,
        ready_events: Callable[[str], list[tuple[str, JSON]]],
        members: Callable[[int], list[JSON]],
    ) -> None:
        self.token = token
        self.ready_events = ready_events
        self.members = members  # guild id -> members with users, for REQUEST_GUILD_MEMBERS
        self.live: web.WebSocketResponse | None = None  # the socket that gets new events
        self.session_id: str | None = None
        self.seq = 0
        self.log: list[JSON] = []  # dispatched frames of the current session
        self.received: list[JSON] = []  # every frame the client sent
        self.identifies = 0
        self.resumes = 0
        self.replayed = 0  # events re-sent on RESUME
        self.intents = 0
        self._sockets: dict[web.WebSocketResponse, web.Request] = {}
        self._lock = asyncio.Lock()

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """GET /gateway: one websocket connection, from HELLO until either side closes it."""
        ws = web.WebSocketResponse(timeout=2.0, max_msg_size=0)
        await ws.prepare(request)
        self._sockets[ws] = request
        try:
            await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}))
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    frame = json.loads(msg.data)
                    self.received.append(frame)
                    await self._on_frame(ws, frame)
        finally:
            self._sockets.pop(ws, None)
            if self.live is ws:
                self.live = None
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, frame: JSON) -> None:
        op, d = frame.get("op"), frame.get("d") or {}
        if op == 1:  # heartbeat
            await ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            await self._identify(ws, d)
        elif op == 6:
            await self._resume(ws, d)
        elif op == 8:  # request guild members
            members = self.members(int(d["guild_id"]))
            if d.get("user_ids"):
                members = [m for m in members if int(m["user"]["id"]) in set(map(int, d["user_ids"]))]
            query = d.get("query") or ""
            members = [m for m in members if m["user"]["username"].startswith(query)]
            chunk = {"guild_id": str(d["guild_id"]), "members": members, "chunk_index": 0, "chunk_count": 1}
            await self.dispatch("GUILD_MEMBERS_CHUNK", {**chunk, "not_found": [], "nonce": d.get("nonce")})

    async def _identify(self, ws: web.WebSocketResponse, d: JSON) -> None:
        self.identifies += 1
        if d.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        async with self._lock:
            self.intents = int(d.get("intents", 0))
            self.session_id, self.seq, self.log, self.live = uuid.uuid4().hex, 0, [], ws
        for event, data in self.ready_events(self.session_id):
            if event == "READY" and "shard" in d:
                data["shard"] = d["shard"]  # AutoShardedClient reads it
            await self.dispatch(event, data)

    async def _resume(self, ws: web.WebSocketResponse, d: JSON) -> None:
        if d.get("token") != self.token or d.get("session_id") != self.session_id:
            await ws.send_str(json.dumps({"op": 9, "d": False}))  # invalid session: identify again
            return
        self.resumes += 1
        async with self._lock:
            for frame in self.log:
                if frame["s"] > (d.get("seq") or 0):
                    await ws.send_str(json.dumps(frame))
                    self.replayed += 1
            self.live = ws
        await self.dispatch("RESUMED", {})

    async def dispatch(self, event: str, data: Any) -> int:
        """Number an event, log it and send it if a socket is live; returns its sequence number."""
        async with self._lock:
            self.seq += 1
            frame = {"op": 0, "t": event, "s": self.seq, "d": data}
            self.log.append(frame)
            if self.live is not None and not self.live.closed:
                await self.live.send_str(json.dumps(frame))
            return self.seq

    async def drop(self, code: int = 4000, *, abrupt: bool = False) -> None:
        """Close the live socket (``abrupt``: cut the TCP connection without a close frame)."""
        async with self._lock:
            ws, self.live = self.live, None
        if ws is None:
            return
        transport = self._sockets[ws].transport if ws in self._sockets else None
        if abrupt and transport is not None:
            transport.abort()
        else:
            await ws.close(code=code)

    async def close(self) -> None:
        """Close every socket (used at shutdown)."""
        self.live = None
        for ws in list(self._sockets):
            await ws.close(code=1001)
