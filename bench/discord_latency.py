"""Discord-layer latency and memory, through the fake Discord on 127.0.0.1.

Run by hand: ``python -m bench.discord_latency``. Injects ``/ask`` interactions
into the real discord.py client running Versus and measures the time from the
gateway dispatch to the interaction callback reaching the fake's REST API, one
at a time and 50 at once; then the same for a do-nothing bot that answers
every interaction with a constant embed (the floor the fake and discord.py set).

The questions are the labelled set's, in order, so no two in a burst are the
same; a burst comes from 50 different members, as it would in a server. The
do-nothing bot subscribes to the same gateway intents as Versus, because
Discord sends a bot with the guild-messages intent (needed for mentions) a
MESSAGE_CREATE for every reply it posts, and parsing that is discord.py's work,
not Versus's; the floor with no intents at all is printed too. RSS is the
whole process (the fake and the bot share it).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import statistics
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bench.engine import percentile
from bench.labelled import load_items
from bot import heap
from bot.discord_app.client import VersusBot, intents_for
from bot.knowledge import default_knowledge_dir
from bot.maintenance.reload import KnowledgeService
from bot.settings import Settings
from bot.storage import ResilientStorage, SqliteStorage
from tests.fakediscord import FakeDiscord, InteractionResult

QUESTIONS = [item.turns[0] for item in load_items()]
BURSTS = 30
"""Bursts per run: the p99 of a burst is near its slowest answer, so it takes many to settle."""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_fake() -> FakeDiscord:
    """A fake that never waits between steps and gives a slow bot 30 s."""
    return FakeDiscord(settle=0, reply_timeout=30, interaction_timeout=30)


def p99(values: list[float]) -> float:
    return percentile(values, 99)


def latency(result: InteractionResult) -> float:
    assert result.answered_at is not None, "interaction left unanswered"
    return (result.answered_at - result.created) * 1000


class NothingBot(commands.Bot):
    """Answers /ask with a constant embed: what discord.py and the fake cost on their own."""

    async def setup_hook(self) -> None:
        @app_commands.command(name="ask", description="constant")
        async def ask(interaction: discord.Interaction, question: str) -> None:
            await interaction.response.send_message(
                embed=discord.Embed(title="constant", description="answer")
            )

        self.tree.add_command(ask)


@dataclass
class Run:
    """Latencies (ms) of one bot in one run, and its process's RSS at the end."""

    single: list[float] = field(default_factory=list)
    bursts: list[float] = field(default_factory=list)
    unanswered: int = 0
    rss: float = float("nan")


async def measure(fake: FakeDiscord, rounds: int, burst: int) -> Run:
    members = [fake.add_user(f"member{n}") for n in range(burst)]
    questions = itertools.cycle(QUESTIONS)
    run = Run()

    def ask(member: int) -> Awaitable[InteractionResult]:
        return fake.slash("ask", {"question": next(questions)}, user=member, timeout=30)

    for member in members[:10]:  # warm up
        await ask(member)
    run.single = [latency(await ask(members[n % burst])) for n in range(rounds)]
    for _ in range(BURSTS):
        fake.forget_history()  # see FakeDiscord.forget_history: the fake's heap is not the bot's
        results = await asyncio.gather(*(ask(member) for member in members), return_exceptions=True)
        for result in results:
            if isinstance(result, InteractionResult) and result.answered_at is not None:
                run.bursts.append(latency(result))
            else:
                run.unanswered += 1
    run.rss = rss_mb()
    return run


async def run_floor(intents: discord.Intents, rounds: int, burst: int, *, lean: bool = False) -> Run:
    """The do-nothing bot's run; ``lean`` gives it Versus's own process settings
    (no message cache, heap settled after start-up) to show what Versus's work costs."""
    options: dict[str, Any] = {"max_messages": None} if lean else {}
    async with bench_fake() as fake:
        await fake.start_client(NothingBot(command_prefix="!", intents=intents, **options))
        if lean:
            heap.settle()
        run = await measure(fake, rounds, burst)
        await fake.stop_client()
    gc.collect()
    return run


async def run_versus(
    settings: Settings, database: Path, rounds: int, burst: int, *, charts: bool = False
) -> tuple[Run, float]:
    """Versus's run, and with ``charts`` its RSS after /compare with charts (else NaN)."""
    charts_rss = float("nan")
    async with bench_fake() as fake:
        service = KnowledgeService.start(default_knowledge_dir())
        storage = ResilientStorage(SqliteStorage(database))
        await fake.start_client(VersusBot(settings, service, storage, background_tasks=False))
        run = await measure(fake, rounds, burst)
        if charts:
            charts_rss = await with_charts(fake)
        await fake.stop_client()
    gc.collect()
    return run, charts_rss


async def with_charts(fake: FakeDiscord) -> float:
    """RSS after /compare with charts for every ordered pair, on three aspect choices."""
    frameworks = ["pytorch", "tensorflow", "jax", "keras"]
    for first, second in itertools.permutations(frameworks, 2):
        for aspect in (None, "performance", "mobile-edge"):
            options = {"first": first, "second": second} | ({"aspect": aspect} if aspect else {})
            await fake.slash("compare", options, timeout=30)
    return rss_mb()


def row(name: str, runs: list[Run]) -> str:
    single = [x for r in runs for x in r.single]
    bursts = [x for r in runs for x in r.bursts]
    cells = [
        f"{statistics.median(single):.2f}",
        f"{p99(single):.2f}",
        f"{statistics.median(bursts):.2f}",
        f"{p99(bursts):.2f}",
        str(sum(r.unanswered for r in runs)),
        f"{runs[0].rss:.0f}",
    ]
    return f"| {name} | {' | '.join(cells)} |"


async def main(rounds: int, burst: int, repeats: int) -> None:
    baseline_rss = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "v.db"
        settings = Settings.from_env({"VERSUS_DB_PATH": str(database), "VERSUS_COOLDOWN": "0"})
        floors: dict[str, Callable[[], Awaitable[Run]]] = {
            "do-nothing bot, Versus's intents": lambda: run_floor(intents_for(settings), rounds, burst),
            "do-nothing bot, no intents": lambda: run_floor(discord.Intents.none(), rounds, burst),
            "do-nothing bot, Versus's intents and process settings": lambda: run_floor(
                intents_for(settings), rounds, burst, lean=True
            ),
        }
        runs: dict[str, list[Run]] = {name: [] for name in ("Versus", *floors)}
        for _ in range(repeats):  # alternate, so that drift in the machine's speed hits all alike
            # The do-nothing bots start first, so their first RSS does not include what Versus loads.
            for name, run in floors.items():
                runs[name].append(await run())
            runs["Versus"].append((await run_versus(settings, database, rounds, burst))[0])
        charts_rss = (await run_versus(settings, database, 20, burst, charts=True))[1]
    print(
        f"# Discord layer through the fake ({repeats} alternating runs each of {rounds} single /ask "
        f"and {BURSTS} bursts of {burst}; {len(QUESTIONS)} distinct questions)\n"
    )
    print(f"| bot | one at a time p50 ms | p99 ms | {burst} at once p50 ms | p99 ms | unanswered | RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for name, bot_runs in runs.items():
        print(row(name, bot_runs))
    print()
    for name in floors:
        pairs = zip(runs["Versus"], runs[name], strict=True)
        ratios = [p99(versus.bursts) / p99(floor.bursts) for versus, floor in pairs]
        shown = ", ".join(f"{r:.2f}" for r in ratios)
        median = statistics.median(ratios)
        print(f"Burst p99 ratio Versus / {name}: median {median:.2f}; per run {shown}")
    print("Target: Versus's burst p99 within 1.5x of the do-nothing bot's.")
    print(f"Process RSS before the bots started: {baseline_rss:.0f} MB.")
    print(f"Versus RSS after 36 /compare replies with charts: {charts_rss:.0f} MB (target <= 200).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.burst, arguments.repeats))
