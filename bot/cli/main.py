"""The ``versus`` command line (also ``python -m bot``)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from bot import __version__, heap
from bot.cli.ask import batch_lines, run_ask, run_batch
from bot.cli.chart import run_chart
from bot.cli.chat import enable_history, run_chat
from bot.cli.common import EXIT_OK, EXIT_USAGE, CliError, knowledge_dir, load_or_fail
from bot.cli.health import run_health
from bot.cli.maintain import run_forget, run_gaps, run_purge, run_stats, run_tune
from bot.cli.validate import run_validate, summary_line
from bot.engine import Engine, Thresholds
from bot.knowledge.schema import json_schema
from bot.maintenance.regression import load_cases, regression_json_schema
from bot.settings import Settings, SettingsError

TOKEN_HELP = (
    "the Discord bot needs a token: create an application at "
    "https://discord.com/developers/applications, copy its bot token and set "
    "DISCORD_TOKEN=... in the environment (or a .env file). Without a token, "
    "'versus chat' answers questions locally."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="versus",
        description="Versus answers questions about deep-learning frameworks. "
        "With no command it starts the local chat (or the Discord bot when DISCORD_TOKEN is set).",
    )
    parser.add_argument("--version", action="version", version=f"versus {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = commands.add_parser(
        "ask",
        help="answer one question (or a batch) and exit",
        description="Answer a question from the knowledge. With --batch, read one question per line.",
    )
    ask.add_argument("question", nargs="*", help="the question (quote it in your shell)")
    _knowledge_option(ask)
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument("--batch", metavar="FILE", help="read questions from FILE, one per line ('-' for stdin)")
    ask.add_argument(
        "--conversation",
        action="store_true",
        help="with --batch: lines are successive turns of one conversation",
    )

    chat = commands.add_parser("chat", help="talk to the bot in this terminal")
    _knowledge_option(chat)

    validate = commands.add_parser("validate", help="check the knowledge files and run knowledge/tests.yaml")
    validate.add_argument("directory", nargs="?", help="knowledge directory (default: the shipped one)")
    _knowledge_option(validate)
    validate.add_argument("--strict", action="store_true", help="treat lint warnings as errors")

    gaps = commands.add_parser("gaps", help="questions the knowledge answers badly, grouped")
    _knowledge_option(gaps)
    _since_option(gaps, "7d")
    gaps.add_argument("--limit", type=int, default=20, help="at most this many groups (default 20)")
    gaps.add_argument("--guild", type=int, metavar="ID", help="only this server's questions")
    gaps.add_argument("--json", action="store_true", help="one JSON object per group")
    gaps.add_argument("--suggest", action="store_true", help="print a YAML snippet to add for each group")

    stats = commands.add_parser("stats", help="questions per day, answer rate, top entries, feedback")
    _since_option(stats, "30d")
    stats.add_argument("--guild", type=int, metavar="ID", help="only this server's questions")

    tune = commands.add_parser("tune", help="how answers would fare at other thresholds")
    _knowledge_option(tune)
    _since_option(tune, "90d")

    forget = commands.add_parser("forget", help="erase one member's questions and votes")
    forget.add_argument("--user", type=int, required=True, metavar="ID", help="the member's Discord user id")

    purge = commands.add_parser("purge", help="delete questions older than the retention period now")
    purge.add_argument("--days", type=int, help="keep this many days (default: VERSUS_RETENTION_DAYS)")

    chart = commands.add_parser("chart", help="draw the ratings chart of a comparison to a PNG file")
    chart.add_argument("frameworks", nargs="+", help="two or more frameworks (ids or names: pytorch, tf, …)")
    chart.add_argument("--aspect", help="one aspect (default: every aspect, as a card)")
    chart.add_argument("-o", "--output", required=True, help="the PNG file to write")
    _knowledge_option(chart)

    health = commands.add_parser("health", help="exit 0 when the knowledge loads and a running bot is alive")
    _knowledge_option(health)
    health.add_argument("--max-age", type=float, default=120.0, help="heartbeat age that counts as dead (s)")

    commands.add_parser("config", help="print the effective settings (secrets masked)")

    summary = commands.add_parser("summary", help="print what the knowledge holds")
    _knowledge_option(summary)

    schema = commands.add_parser("schema", help="print the JSON Schema of a knowledge file")
    schema.add_argument("-o", "--output", help="write it to this file instead of stdout")
    schema.add_argument("--tests", action="store_true", help="the schema of tests.yaml instead")

    run = commands.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    _knowledge_option(run)
    sync = commands.add_parser(
        "sync", help="register the slash commands with Discord now (needs DISCORD_TOKEN)"
    )
    _knowledge_option(sync)
    return parser


def _knowledge_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: the shipped one)")


def _since_option(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--since", default=default, help=f"how far back: 12h, 7d, 2w (default {default})")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command not in ("run", "sync") and not (args.command is None and settings.discord_token):
            _configure_logging(settings)
        return _dispatch(args, settings, out)
    except SettingsError as exc:
        print(f"versus: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(f"versus: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``versus tune | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _configure_logging(settings: Settings) -> None:
    """Terminal commands show warnings (a degraded database, say) on stderr."""
    level = logging.DEBUG if settings.log_level == "DEBUG" else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="versus: %(levelname)s: %(message)s")


def _engine(option: str | None, settings: Settings) -> Engine:
    directory = knowledge_dir(option, settings)
    result = load_or_fail(directory)
    assert result.knowledge is not None
    thresholds = Thresholds(settings.answer_threshold, settings.suggest_threshold)
    return Engine(result.knowledge, thresholds, settings.context_ttl)


def _lasting_engine(option: str | None, settings: Settings) -> Engine:
    """The engine for a command that answers many questions (chat, a batch): the heap is
    settled once it is built, as the Discord bot does, so collections keep off the index."""
    engine = _engine(option, settings)
    heap.settle()
    return engine


def _ask(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    if args.conversation and not args.batch:
        raise CliError("--conversation needs --batch FILE")
    if args.batch:
        if args.question:
            raise CliError("give either a question or --batch FILE, not both")
        if not args.json:
            raise CliError("--batch prints JSON lines: add --json")
        engine = _lasting_engine(args.knowledge, settings)
        return run_batch(engine, batch_lines(args.batch), conversation=args.conversation, out=out)
    question = " ".join(args.question).strip()
    if not question:
        raise CliError('what is the question? e.g. versus ask "pytorch vs tensorflow for deployment"')
    engine = _engine(args.knowledge, settings)
    return asyncio.run(run_ask(engine, settings, question, as_json=args.json, out=out))


def _dispatch(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    command = args.command
    if command is None:
        command = "run" if settings.discord_token else "chat"
        args.knowledge = None
    if command == "ask":
        return _ask(args, settings, out)
    if command == "chat":
        enable_history()
        return asyncio.run(run_chat(_lasting_engine(args.knowledge, settings), settings, out=out))
    if command == "validate":
        directory = knowledge_dir(args.directory or args.knowledge, settings)
        return run_validate(directory, strict=args.strict, out=out)
    if command == "gaps":
        engine = _engine(args.knowledge, settings)
        return asyncio.run(
            run_gaps(
                engine,
                settings,
                since=args.since,
                limit=args.limit,
                guild_id=args.guild,
                as_json=args.json,
                suggest=args.suggest,
                out=out,
            )
        )
    if command == "stats":
        return asyncio.run(run_stats(settings, since=args.since, guild_id=args.guild, out=out))
    if command == "tune":
        directory = knowledge_dir(args.knowledge, settings)
        engine = _engine(args.knowledge, settings)
        cases, problems = load_cases(directory)
        if problems:
            raise CliError(
                "tests.yaml has errors; run 'versus validate':\n" + "\n".join(f"  {p}" for p in problems)
            )
        return asyncio.run(run_tune(engine, cases, settings, since=args.since, out=out))
    if command == "forget":
        return asyncio.run(run_forget(settings, args.user, out))
    if command == "purge":
        return asyncio.run(run_purge(settings, args.days, out))
    if command == "chart":
        return run_chart(_engine(args.knowledge, settings), args.frameworks, args.aspect, args.output, out)
    if command == "health":
        return run_health(settings, knowledge_dir(args.knowledge, settings), max_age=args.max_age, out=out)
    if command == "config":
        for name, value in settings.masked().items():
            print(f"{name}={value}", file=out)
        return EXIT_OK
    if command == "summary":
        directory = knowledge_dir(args.knowledge, settings)
        result = load_or_fail(directory)
        print(f"Versus knowledge in {directory}:", file=out)
        print(summary_line(result), file=out)
        return EXIT_OK
    if command == "schema":
        chosen = regression_json_schema() if args.tests else json_schema()
        text = json.dumps(chosen, indent=2, ensure_ascii=False) + "\n"
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            out.write(text)
        return EXIT_OK
    if command in ("run", "sync"):
        if not settings.discord_token:
            raise CliError(TOKEN_HELP, EXIT_USAGE)
        from bot.discord_app.run import StartupError, run_bot, sync_commands

        directory = knowledge_dir(args.knowledge, settings)
        try:
            return run_bot(settings, directory) if command == "run" else sync_commands(settings, directory)
        except StartupError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    raise CliError(f"unknown command {command!r}")
