"""``versus health``: is the knowledge loadable, and is a running bot alive?

Exit 0 when healthy or merely degraded (a database fault: answers still
flow), 1 otherwise, always with a one-line reason.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from bot.cli.common import EXIT_FAILED, EXIT_OK
from bot.heartbeat import MAX_AGE, age, heartbeat_path, read_heartbeat
from bot.knowledge import load_knowledge
from bot.settings import Settings, default_db_path


def run_health(settings: Settings, directory: Path, *, max_age: float = MAX_AGE, out: TextIO) -> int:
    result = load_knowledge(directory, lint=False)
    if result.knowledge is None:
        first = result.errors[0] if result.errors else "unknown error"
        print(
            f"unhealthy: the knowledge does not load ({len(result.errors)} error(s); first: {first})",
            file=out,
        )
        return EXIT_FAILED
    db_path = settings.db_path or default_db_path(os.environ)
    beat = read_heartbeat(heartbeat_path(db_path))
    if beat is None:
        print(
            f"ok: knowledge {result.knowledge.version} loads; no running bot has written a heartbeat",
            file=out,
        )
        return EXIT_OK
    seconds = age(beat)
    if seconds > max_age:
        print(f"unhealthy: the bot's last heartbeat is {seconds:.0f} s old (pid {beat.pid})", file=out)
        return EXIT_FAILED
    if not beat.storage_ok:
        print(f"degraded: answering, but the database is failing: {beat.storage_error}", file=out)
        return EXIT_OK
    alive = f"{beat.guilds} servers, knowledge {beat.knowledge_version}, heartbeat {seconds:.0f} s ago"
    print(f"ok: bot alive ({alive})", file=out)
    return EXIT_OK
