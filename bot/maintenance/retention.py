"""Retention: questions older than ``VERSUS_RETENTION_DAYS`` are purged daily."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable

from bot.storage import ResilientStorage

DAY = 24 * 60 * 60.0


async def purge_periodically(
    storage: ResilientStorage,
    retention_days: int,
    *,
    interval: float = DAY,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    log: logging.Logger | None = None,
) -> None:
    """Purge now, then every ``interval`` seconds, until cancelled.

    A failed purge is logged by the storage and retried at the next interval.
    """
    log = log or logging.getLogger("versus.retention")
    while True:
        removed = await storage.purge(clock() - dt.timedelta(days=retention_days))
        if removed:
            log.info("retention: purged %d question(s) older than %d days", removed, retention_days)
        await asyncio.sleep(interval)
