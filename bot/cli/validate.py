"""``versus validate``: check the knowledge and print a summary or the problems."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.cli.common import EXIT_FAILED, EXIT_OK
from bot.engine import Engine
from bot.knowledge import Issue, LoadResult, load_knowledge
from bot.knowledge.lint import is_staleness
from bot.maintenance.regression import load_cases, run_regression


def summary_line(result: LoadResult) -> str:
    assert result.knowledge is not None
    counts = ", ".join(f"{n} {kind}" for kind, n in result.knowledge.counts().items())
    return f"{counts} (version {result.knowledge.version})"


def strict_issues(issues: tuple[Issue, ...]) -> list[Issue]:
    """Under --strict every lint is an error, except staleness (never red by calendar)."""
    return [i if i.is_error or is_staleness(i) else i.as_error() for i in issues]


def regression_issues(directory: Path, result: LoadResult) -> tuple[list[Issue], str]:
    """Run ``tests.yaml`` against the loaded knowledge: failures are errors."""
    cases, problems = load_cases(directory)
    if result.knowledge is None or problems or not cases:
        return problems, ""
    passed, failures = run_regression(Engine(result.knowledge), cases)
    return failures, f"regression tests: {passed}/{len(cases)} pass"


def run_validate(directory: Path, *, strict: bool, out: TextIO) -> int:
    result = load_knowledge(directory)
    tested, tally = regression_issues(directory, result)
    issues = strict_issues(result.issues) if strict else list(result.issues)
    issues += tested
    errors = [i for i in issues if i.is_error]
    warnings = [i for i in issues if not i.is_error]
    print(f"knowledge: {directory} ({len(result.files)} files)", file=out)
    for issue in [*errors, *warnings]:
        print(issue, file=out)
    if tally:
        print(tally, file=out)
    if errors:
        print(f"FAILED: {len(errors)} error(s), {len(warnings)} warning(s)", file=out)
        return EXIT_FAILED
    tail = f"; {len(warnings)} warning(s)" if warnings else ""
    print(f"OK: {summary_line(result)}{tail}", file=out)
    return EXIT_OK
