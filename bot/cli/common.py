"""Helpers shared by the CLI commands: settings, knowledge location, output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.knowledge import LoadResult, default_knowledge_dir, load_knowledge
from bot.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A problem to report in one line, with the exit status to leave with."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def knowledge_dir(option: str | None, settings: Settings) -> Path:
    """``--knowledge`` beats ``VERSUS_KNOWLEDGE_DIR`` beats the shipped knowledge."""
    if option:
        return Path(option).expanduser()
    if settings.knowledge_dir is not None:
        return settings.knowledge_dir
    return default_knowledge_dir()


def load_or_fail(directory: Path, *, lint: bool = False) -> LoadResult:
    """Load knowledge for a command that needs it; errors end the command (exit 2)."""
    result = load_knowledge(directory, lint=lint)
    if not result.ok:
        lines = [f"cannot load the knowledge in {directory}:"]
        lines += [f"  {issue}" for issue in result.errors]
        lines.append("run 'versus validate' for the full report")
        raise CliError("\n".join(lines), EXIT_USAGE)
    return result


def write_line(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stdout)
