"""What tests assert on: recorded REST calls, stored messages and interaction results."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import payloads as p
from .payloads import JSON


@dataclass(eq=False)
class Request:
    """One REST call the client made; ``path`` is relative to /api/v10, ``json`` the parsed body
    (``payload_json`` for multipart uploads, whose files are in ``files``)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    params: dict[str, str] = field(default_factory=dict)  # route variables, e.g. {"channel": "123"}
    files: dict[str, bytes] = field(default_factory=dict)
    status: int = 0
    response: Any = None


def walk_components(components: list[JSON]) -> Iterator[JSON]:
    """Every component, depth first (action rows, their children, v2 containers and accessories)."""
    for component in components:
        yield component
        yield from walk_components(component.get("components") or [])
        if "accessory" in component:
            yield component["accessory"]


@dataclass(eq=False)
class FakeMessage:
    """A stored message: ``raw`` is its API object (kept current by edits), ``sent`` the JSON
    bodies that created and edited it, merged in order (so ``allowed_mentions`` survives)."""

    raw: JSON
    sent: JSON = field(default_factory=dict)
    deleted: bool = False

    @property
    def id(self) -> int:
        return int(self.raw["id"])

    @property
    def channel_id(self) -> int:
        return int(self.raw["channel_id"])

    @property
    def content(self) -> str:
        return str(self.raw.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        return list(self.raw.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        return list(self.raw.get("components") or [])

    @property
    def flags(self) -> int:
        return int(self.raw.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & p.EPHEMERAL)

    @property
    def loading(self) -> bool:
        """True for the placeholder of a deferred ("thinking") response until it is edited."""
        return bool(self.flags & p.LOADING)

    @property
    def allowed_mentions(self) -> JSON | None:
        return self.sent.get("allowed_mentions")

    @property
    def reference(self) -> int | None:
        """The id of the message this one replies to."""
        ref = self.raw.get("message_reference")
        return int(ref["message_id"]) if ref else None

    @property
    def mentions(self) -> list[int]:
        """Ids of the users Discord would notify (content mentions filtered by allowed_mentions)."""
        return [int(u["id"]) for u in self.raw.get("mentions") or []]

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in walk_components(self.components) if "custom_id" in c]

    def component(self, custom_id: str) -> JSON | None:
        """The component with this custom_id, if any."""
        return next((c for c in walk_components(self.components) if c.get("custom_id") == custom_id), None)


@dataclass(eq=False)
class InteractionResult:
    """What the bot did with one injected interaction.

    ``callback`` is the accepted callback body exactly as sent ({"type": ..., "data": ...});
    ``errors`` the Discord error bodies the fake answered for this interaction (10062, 40060, ...).
    """

    payload: JSON  # the INTERACTION_CREATE data that was dispatched
    created: float  # event-loop time, for the 3 s acknowledgement deadline
    callback: JSON | None = None
    answered_at: float | None = None  # event-loop time the callback arrived (latency = answered_at - created)
    original: FakeMessage | None = None  # the @original message (response, placeholder or component message)
    followups: list[FakeMessage] = field(default_factory=list)
    errors: list[JSON] = field(default_factory=list)
    edits: int = 0  # PATCHes through the interaction webhook

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def token(self) -> str:
        return str(self.payload["token"])

    @property
    def type(self) -> int | None:
        """Callback type: 4 message, 5 deferred message, 6 deferred update, 7 update, 8 choices, 9 modal."""
        return None if self.callback is None else int(self.callback["type"])

    @property
    def data(self) -> JSON:
        return dict((self.callback or {}).get("data") or {})

    @property
    def ephemeral(self) -> bool:
        return bool(int(self.data.get("flags") or 0) & p.EPHEMERAL)

    @property
    def deferred(self) -> bool:
        return self.type in (5, 6)

    @property
    def answered(self) -> bool:
        """A callback arrived (accepted or rejected)."""
        return self.callback is not None or bool(self.errors)

    @property
    def choices(self) -> list[JSON]:
        return list(self.data.get("choices") or [])

    @property
    def message(self) -> FakeMessage | None:
        """The response message: @original unless it is still a placeholder, else the first follow-up."""
        if self.original is not None and not self.original.loading:
            return self.original
        return self.followups[0] if self.followups else self.original

    def fail(self, status: int, code: int, message: str, errors: JSON | None = None) -> tuple[int, JSON]:
        """Record and return a Discord error answer for this interaction."""
        body = p.error(code, message, errors)
        self.errors.append(body)
        return status, body
