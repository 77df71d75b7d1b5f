"""Maintainers' and operators' commands: gaps, stats, tune, forget, purge."""

from __future__ import annotations

import datetime as dt
import json
from typing import TextIO

from bot.cli.common import EXIT_OK, CliError
from bot.cli.storage import admin_storage, parse_since
from bot.engine import Engine
from bot.maintenance.gaps import find_gaps, suggestion_yaml
from bot.maintenance.regression import Case
from bot.maintenance.tune import ANSWER_STEPS, SUGGEST_STEPS, sweep
from bot.settings import Settings


async def run_gaps(
    engine: Engine,
    settings: Settings,
    *,
    since: str,
    limit: int,
    guild_id: int | None,
    as_json: bool,
    suggest: bool,
    out: TextIO,
) -> int:
    if limit <= 0:
        raise CliError("--limit must be a positive number")
    start = parse_since(since)
    low = engine.thresholds.answer
    async with admin_storage(settings) as storage:
        rows = await storage.questions(start, guild_id=guild_id, only_gaps_below=low)
    gaps = find_gaps(rows, engine, low_confidence=low, limit=limit)
    if as_json:
        for gap in gaps:
            print(json.dumps(gap.to_dict(), ensure_ascii=False), file=out)
        return EXIT_OK
    if not gaps:
        print(
            f"No gaps since {start:%Y-%m-%d %H:%M} UTC: every question was answered with confidence.",
            file=out,
        )
        return EXIT_OK
    print(f"Gaps since {start:%Y-%m-%d %H:%M} UTC ({len(rows)} questions, {len(gaps)} groups):\n", file=out)
    today = dt.datetime.now(dt.UTC).date()
    for number, gap in enumerate(gaps, start=1):
        reasons = ", ".join(f"{name} {count}" for name, count in gap.reasons)
        closest = f"{gap.closest_id} ({gap.closest_score:.2f})" if gap.closest_id else "nothing close"
        on_purpose = f"; declined on purpose: topic '{gap.declined_topic}'" if gap.declined_topic else ""
        print(f"{number:>2}. ×{gap.count}  {gap.example!r}", file=out)
        print(f"    {reasons}; closest: {closest}{on_purpose}", file=out)
        others = [q for q in gap.questions if q != gap.example]
        if others:
            print(f"    also asked as: {'; '.join(repr(q) for q in others[:3])}", file=out)
        if suggest:
            print("", file=out)
            print(
                "\n".join("    " + line for line in suggestion_yaml(gap, engine, today).splitlines()),
                file=out,
            )
        print("", file=out)
    return EXIT_OK


async def run_stats(settings: Settings, *, since: str, guild_id: int | None, out: TextIO) -> int:
    start = parse_since(since)
    async with admin_storage(settings) as storage:
        stats = await storage.stats(start, guild_id=guild_id, top=10)
    scope = f"server {guild_id}" if guild_id is not None else "all servers"
    print(f"Since {start:%Y-%m-%d %H:%M} UTC, {scope}:", file=out)
    print(f"  questions: {stats.total}, answered: {stats.answered} ({stats.answer_rate:.0%})", file=out)
    ratio = "no votes yet" if stats.feedback_ratio is None else f"{stats.feedback_ratio:.0%} helpful"
    print(f"  feedback: {stats.up_votes} up, {stats.down_votes} down ({ratio})", file=out)
    if stats.days:
        print("  per day:", file=out)
        for day in stats.days:
            print(f"    {day.day}  {day.asked:>5} asked  {day.answered:>5} answered", file=out)
    if stats.top_entries:
        print("  top answers:", file=out)
        for key, count in stats.top_entries:
            print(f"    {count:>5}  {key}", file=out)
    return EXIT_OK


async def run_tune(engine: Engine, cases: list[Case], settings: Settings, *, since: str, out: TextIO) -> int:
    voted = []
    try:
        async with admin_storage(settings) as storage:
            voted = await storage.questions(parse_since(since), only_voted=True)
    except CliError as exc:
        print(f"(no stored feedback used: {exc})", file=out)
    if not cases and not voted:
        raise CliError("nothing to tune on: add knowledge/tests.yaml or collect votes first", 1)
    current = engine.thresholds
    rows = sweep(
        engine,
        cases,
        voted,
        answer_steps=sorted({*ANSWER_STEPS, current.answer}),
        suggest_steps=sorted({*SUGGEST_STEPS, current.suggest}),
    )
    print(
        f"{len(cases)} regression tests and {len(voted)} voted answers; "
        f"current thresholds: answer {current.answer}, suggest {current.suggest}\n",
        file=out,
    )
    header = "answer  suggest  right  suggested  wrong  declined  declined-ok  changed"
    print(header, file=out)
    for row in rows:
        mark = "  ← current" if (row.answer, row.suggest) == (current.answer, current.suggest) else ""
        print(
            f"{row.answer:>6.2f}  {row.suggest:>7.2f}  {row.right:>5}  {row.suggested:>9}  {row.wrong:>5}  "
            f"{row.declined:>8}  {row.declined_well:>11}  {row.changed:>7}{mark}",
            file=out,
        )
    print(
        "\nright: answered outright and right; suggested: right, with 'did you mean'; "
        "declined-ok: declined where declining is right.\nSet VERSUS_ANSWER_THRESHOLD and "
        "VERSUS_SUGGEST_THRESHOLD (or /settings per server) from the row you prefer.",
        file=out,
    )
    return EXIT_OK


async def run_forget(settings: Settings, user_id: int, out: TextIO) -> int:
    async with admin_storage(settings) as storage:
        removed = await storage.forget_user(user_id)
    print(f"Erased {removed} row(s) for that user.", file=out)
    return EXIT_OK


async def run_purge(settings: Settings, days: int | None, out: TextIO) -> int:
    keep = days if days is not None else settings.retention_days
    if keep <= 0:
        raise CliError("--days must be a positive number")
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=keep)
    async with admin_storage(settings) as storage:
        removed = await storage.purge(before)
    print(f"Purged {removed} question(s) older than {keep} days.", file=out)
    return EXIT_OK
