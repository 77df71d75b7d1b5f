"""Question logging in batches, off the answer's path.

Every answer logs its question; a write per answer means a trip to the
database thread per answer, which a burst of fifty questions feels. Records
are queued and written together a moment later, in one transaction. A vote
that arrives before its question is written waits for that write.
"""

from __future__ import annotations

import asyncio
import contextlib

from bot.storage.records import QuestionRecord
from bot.storage.resilient import ResilientStorage

FLUSH_AFTER = 0.1
"""Seconds a queued question waits for company before the batch is written."""
MAX_BATCH = 200


class BatchedQuestionLog:
    def __init__(self, storage: ResilientStorage, *, flush_after: float = FLUSH_AFTER) -> None:
        self.storage = storage
        self.flush_after = flush_after
        self._queue: list[QuestionRecord] = []
        self._pending_ids: set[int] = set()
        self._flushed: asyncio.Event = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def add(self, record: QuestionRecord) -> None:
        """Queue a question; it is written within ``flush_after`` seconds."""
        self._queue.append(record)
        if record.id is not None:
            self._pending_ids.add(record.id)
        if len(self._queue) >= MAX_BATCH:
            self._start(0.0)
        elif self._task is None or self._task.done():
            self._start(self.flush_after)

    def _start(self, delay: float) -> None:
        if self._task is not None and not self._task.done() and delay > 0:
            return
        self._task = asyncio.create_task(self._flush_later(delay))

    async def _flush_later(self, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self.flush()

    async def flush(self) -> None:
        """Write everything queued now (one transaction)."""
        batch, self._queue = self._queue, []
        if batch:
            await self.storage.log_questions(batch)
        for record in batch:
            if record.id is not None:
                self._pending_ids.discard(record.id)
        self._flushed.set()
        self._flushed = asyncio.Event()

    async def written(self, question_id: int, timeout: float = 5.0) -> None:
        """Wait until a queued question has been written (or its write failed)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while question_id in self._pending_ids:
                    if any(r.id == question_id for r in self._queue):
                        await self.flush()  # still queued: write it now rather than wait for the timer
                    else:
                        await self._flushed.wait()  # in a batch being written right now

    async def close(self) -> None:
        """Write what is left; called before the database closes."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()
