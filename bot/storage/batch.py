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
    """Queues question records and writes them in batches, one batch at a time.

    A timer writes what is queued ``flush_after`` seconds after the first
    record; a full batch is written at once. Writes are serialised (they would
    share one database connection anyway) and ``close`` waits for every write
    already started, so no record is dropped at shut-down.
    """

    def __init__(self, storage: ResilientStorage, *, flush_after: float = FLUSH_AFTER) -> None:
        self.storage = storage
        self.flush_after = flush_after
        self._queue: list[QuestionRecord] = []
        self._pending_ids: set[int] = set()
        self._flushed: asyncio.Event = asyncio.Event()
        self._writing = asyncio.Lock()
        self._timer: asyncio.TimerHandle | None = None
        self._writers: set[asyncio.Task[None]] = set()

    def add(self, record: QuestionRecord) -> None:
        """Queue a question; it is written within ``flush_after`` seconds."""
        self._queue.append(record)
        if record.id is not None:
            self._pending_ids.add(record.id)
        if len(self._queue) >= MAX_BATCH:
            self._write_soon()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.flush_after, self._write_soon)

    def _write_soon(self) -> None:
        """Start writing what is queued now, in a task of its own."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        writer = asyncio.get_running_loop().create_task(self.flush())
        self._writers.add(writer)
        writer.add_done_callback(self._writers.discard)

    async def flush(self) -> None:
        """Write everything queued now (one transaction), after any write in progress."""
        async with self._writing:
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
        """Finish the writes in progress and write what is left; called before the database closes."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        await asyncio.gather(*self._writers)
        await self.flush()
