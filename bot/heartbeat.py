"""The running bot's heartbeat: a small JSON file beside the database.

The bot rewrites it every ``INTERVAL`` seconds; ``versus health`` (a separate
process, e.g. Docker's HEALTHCHECK) reads it to tell a live bot from a stuck one.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

INTERVAL = 30.0
MAX_AGE = 120.0
"""A heartbeat older than this means the bot is stuck or gone."""


@dataclass(frozen=True, slots=True)
class Heartbeat:
    at: float
    pid: int
    guilds: int
    knowledge_version: str
    storage_ok: bool
    storage_error: str | None = None


def heartbeat_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".heartbeat")


def write_heartbeat(path: Path, beat: Heartbeat) -> None:
    """Write atomically (temp file, then rename) so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(beat)), encoding="utf-8")
    temporary.replace(path)


def read_heartbeat(path: Path) -> Heartbeat | None:
    """The last heartbeat, or None when there is none (no bot has run) or it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Heartbeat(**data)
    except (OSError, ValueError, TypeError):
        return None


def age(beat: Heartbeat, now: float | None = None) -> float:
    return (time.time() if now is None else now) - beat.at
