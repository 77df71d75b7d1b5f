"""``versus chat``: a conversation with the bot in the terminal."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable
from typing import TextIO

from bot.cli.common import EXIT_OK
from bot.cli.storage import cli_record, question_log
from bot.engine import Context, Engine
from bot.render.terminal import render_terminal
from bot.settings import Settings
from bot.storage import ResilientStorage

PROMPT = "you> "
HELP = """\
Ask anything about PyTorch, TensorFlow, JAX or Keras, for example:
  pytorch vs tensorflow for deployment     cons of jax
  which should I pick for research         can I run pytorch on a phone?
Follow-ups lean on the last answer: "and jax?", "what about for mobile?", "why?".
Commands: :help  :reset (forget the conversation)  :quit (or Ctrl-D)"""


def enable_history() -> None:
    """Arrow-key history where the terminal supports it (readline)."""
    with contextlib.suppress(ImportError):  # Windows has no readline
        import readline  # noqa: F401  (importing it is what enables line editing)


async def run_chat(
    engine: Engine,
    settings: Settings,
    *,
    out: TextIO,
    read: Callable[[str], str] = input,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """The chat loop; every answered turn is logged (a database fault only warns)."""
    async with question_log(settings) as log:
        return await _converse(engine, log, out=out, read=read, clock=clock)


async def _converse(
    engine: Engine,
    log: ResilientStorage,
    *,
    out: TextIO,
    read: Callable[[str], str],
    clock: Callable[[], float],
) -> int:
    kb = engine.knowledge
    fw_names = ", ".join(fw.name for fw in kb.frameworks.values())
    print(f"Versus — questions about {fw_names}. Type :help for examples, :quit to leave.", file=out)
    context: Context | None = None
    while True:
        try:
            line = read(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return EXIT_OK
        command = line.strip().lower()
        if not command:
            continue
        if command in (":quit", ":q", ":exit"):
            return EXIT_OK
        if command in (":help", ":h", "?"):
            print(HELP, file=out)
            continue
        if command == ":reset":
            context = None
            print("(conversation forgotten)", file=out)
            continue
        now = clock()
        started = time.perf_counter()
        answer = engine.ask(line, context, now=now)
        context = Context(answer, now) if answer.answered else context
        width = shutil.get_terminal_size((100, 24)).columns
        print(f"\nversus> {render_terminal(answer, kb, width)}\n", file=out, flush=True)
        await log.log_question(cli_record(answer, started))
