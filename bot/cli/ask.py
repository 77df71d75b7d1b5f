"""``versus ask``: one question, or a batch of them, answered on stdout."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot.cli.common import EXIT_OK, CliError
from bot.cli.storage import cli_record, question_log
from bot.engine import Answer, Context, Engine
from bot.render.terminal import render_terminal
from bot.settings import Settings


def answer_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False)


async def run_ask(engine: Engine, settings: Settings, question: str, *, as_json: bool, out: TextIO) -> int:
    """Answer one question, print it, then log it (so ``versus gaps`` sees it)."""
    started = time.perf_counter()
    answer = engine.ask(question)
    if as_json:
        print(answer_json(answer), file=out, flush=True)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        print(render_terminal(answer, engine.knowledge, width), file=out, flush=True)
    async with question_log(settings) as log:
        await log.log_question(cli_record(answer, started))
    return EXIT_OK


def batch_lines(source: str) -> Iterator[str]:
    """Lines of the batch file (``-`` for stdin), without their line endings."""
    if source == "-":
        yield from (line.rstrip("\r\n") for line in sys.stdin)
        return
    path = Path(source)
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from (line.rstrip("\r\n") for line in handle)
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror}") from None


def run_batch(engine: Engine, lines: Iterable[str], *, conversation: bool, out: TextIO) -> int:
    """One JSON object per input line, in order; with ``conversation``, lines are turns.

    Batch runs are not logged: they are tests and experiments, not members.
    """
    context: Context | None = None
    for number, line in enumerate(lines):
        answer = engine.ask(line, context if conversation else None, now=float(number))
        if conversation:
            context = Context(answer, float(number))
        print(answer_json(answer), file=out, flush=True)
    return EXIT_OK
