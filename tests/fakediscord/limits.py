"""Discord's documented size limits, checked the way the real API reports them (50035 Invalid Form Body).

Each checker returns the nested ``errors`` object of Discord's error body (empty when the body
is valid), e.g. ``{"data": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", ...}]}}}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .payloads import COMPONENTS_V2, JSON

Path = tuple[str | int, ...]


class _Errors:
    """Collects errors into Discord's nested ``{"key": {"0": {"_errors": [...]}}}`` shape."""

    def __init__(self) -> None:
        self.tree: JSON = {}

    def add(self, path: Path, code: str, message: str) -> None:
        node = self.tree
        for key in path:
            node = node.setdefault(str(key), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_len(self, path: Path, value: Any, limit: int) -> None:
        if isinstance(value, str | list) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def between(self, path: Path, value: Sequence[Any], low: int, high: int) -> None:
        if not low <= len(value) <= high:
            self.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length.")


def message_errors(body: JSON | None, prefix: Path = ()) -> JSON:
    """Content, embed and component limits of a message body (``prefix`` ("data",) for callbacks)."""
    e, body = _Errors(), body or {}
    e.max_len((*prefix, "content"), body.get("content"), 2000)
    embeds = body.get("embeds") or []
    e.max_len((*prefix, "embeds"), embeds, 10)
    total = 0
    for i, embed in enumerate(embeds):
        path = (*prefix, "embeds", i)
        footer, author = (embed.get("footer") or {}).get("text"), (embed.get("author") or {}).get("name")
        fields = embed.get("fields") or []
        e.max_len((*path, "title"), embed.get("title"), 256)
        e.max_len((*path, "description"), embed.get("description"), 4096)
        e.max_len((*path, "footer", "text"), footer, 2048)
        e.max_len((*path, "author", "name"), author, 256)
        e.max_len((*path, "fields"), fields, 25)
        for j, field in enumerate(fields):
            e.max_len((*path, "fields", j, "name"), field.get("name"), 256)
            e.max_len((*path, "fields", j, "value"), field.get("value"), 1024)
        texts = [embed.get("title"), embed.get("description"), footer, author]
        texts += [f.get(k) for f in fields for k in ("name", "value")]
        total += sum(len(t or "") for t in texts)
    if total > 6000:
        e.add((*prefix, "embeds"), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
    rows = body.get("components") or []
    if not int(body.get("flags") or 0) & COMPONENTS_V2:
        e.max_len((*prefix, "components"), rows, 5)
    for i, row in enumerate(rows):
        path = (*prefix, "components", i)
        if row.get("type") != 1:
            _component(e, path, row)
            continue
        children = row.get("components") or []
        e.between((*path, "components"), children, 1, 5)
        for j, child in enumerate(children):
            _component(e, (*path, "components", j), child)
    return e.tree


def _component(e: _Errors, path: Path, item: JSON) -> None:
    e.max_len((*path, "label"), item.get("label"), 80)
    e.max_len((*path, "custom_id"), item.get("custom_id"), 100)
    e.max_len((*path, "placeholder"), item.get("placeholder"), 150)
    if item.get("type") == 3:
        options = item.get("options") or []
        e.between((*path, "options"), options, 1, 25)
        for k, option in enumerate(options):
            e.max_len((*path, "options", k, "label"), option.get("label"), 100)
            e.max_len((*path, "options", k, "value"), option.get("value"), 100)


def autocomplete_errors(data: JSON | None) -> JSON:
    """An autocomplete result: at most 25 choices, names 1-100 characters, string values <= 100."""
    e, choices = _Errors(), (data or {}).get("choices") or []
    e.max_len(("data", "choices"), choices, 25)
    for i, choice in enumerate(choices):
        e.between(("data", "choices", i, "name"), str(choice.get("name", "")), 1, 100)
        e.max_len(("data", "choices", i, "value"), choice.get("value"), 100)
    return e.tree
