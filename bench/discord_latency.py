"""Discord-layer latency and memory, through the fake Discord on 127.0.0.1.

Run by hand: ``python -m bench.discord_latency``. Injects ``/ask`` interactions
into the real discord.py client running Versus and measures the time from the
gateway dispatch to the interaction callback reaching the fake's REST API, one
at a time and 50 at once; then the same for a do-nothing bot that answers
every interaction with a constant embed (the floor the fake and discord.py set).
RSS is the whole process (the fake and the bot share it).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import statistics
import tempfile
from collections.abc import Awaitable
from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.client import VersusBot
from bot.knowledge import default_knowledge_dir
from bot.maintenance.reload import KnowledgeService
from bot.settings import Settings
from bot.storage import ResilientStorage, SqliteStorage
from tests.fakediscord import FakeDiscord, InteractionResult

QUESTIONS = [
    "pytorch vs tensorflow for mobile?",
    "whats bad abt kears",
    "can I run pytorch models on a phone",
    "which should I pick for research",
    "tpu support in jax?",
    "how do i fix cuda out of memory",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


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


async def measure(fake: FakeDiscord, rounds: int, burst: int) -> dict[str, float]:
    def ask(question: str) -> Awaitable[InteractionResult]:
        return fake.slash("ask", {"question": question}, timeout=30)

    for question in QUESTIONS:  # warm up
        await ask(question)
    single = [latency(await ask(QUESTIONS[i % len(QUESTIONS)])) for i in range(rounds)]
    bursts: list[float] = []
    unanswered = 0
    for _ in range(3):
        results = await asyncio.gather(
            *(ask(QUESTIONS[i % len(QUESTIONS)]) for i in range(burst)), return_exceptions=True
        )
        for result in results:
            if isinstance(result, InteractionResult) and result.answered_at is not None:
                bursts.append(latency(result))
            else:
                unanswered += 1
    return {
        "p50": statistics.median(single),
        "p99": percentile(single, 99),
        "burst_p50": statistics.median(bursts),
        "burst_p99": percentile(bursts, 99),
        "unanswered": unanswered,
        "rss": rss_mb(),
    }


async def with_charts(fake: FakeDiscord) -> float:
    """RSS after /compare with charts for every ordered pair, on three aspect choices."""
    frameworks = ["pytorch", "tensorflow", "jax", "keras"]
    for first, second in itertools.permutations(frameworks, 2):
        for aspect in (None, "performance", "mobile-edge"):
            options = {"first": first, "second": second} | ({"aspect": aspect} if aspect else {})
            await fake.slash("compare", options, timeout=30)
    return rss_mb()


async def main(rounds: int, burst: int) -> None:
    baseline_rss = rss_mb()
    # The do-nothing bot runs first, so its RSS does not include what Versus loads.
    async with FakeDiscord(settle=0, reply_timeout=30, interaction_timeout=30) as fake:
        nothing = NothingBot(command_prefix="!", intents=discord.Intents.none())
        await fake.start_client(nothing)
        floor = await measure(fake, rounds, burst)
        await fake.stop_client()
    gc.collect()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env({"VERSUS_DB_PATH": f"{tmp}/v.db", "VERSUS_COOLDOWN": "0"})
        async with FakeDiscord(settle=0, reply_timeout=30, interaction_timeout=30) as fake:
            service = KnowledgeService.start(default_knowledge_dir())
            storage = ResilientStorage(SqliteStorage(Path(tmp) / "v.db"))
            bot = VersusBot(settings, service, storage, background_tasks=False)
            await fake.start_client(bot)
            versus = await measure(fake, rounds, burst)
            charts_rss = await with_charts(fake)
            await fake.stop_client()
    print(f"# Discord layer through the fake ({rounds} single /ask, 3 bursts of {burst})\n")
    print(f"| bot | one at a time p50 ms | p99 ms | {burst} at once p50 ms | p99 ms | unanswered | RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for name, row in (("Versus", versus), ("do-nothing bot", floor)):
        single = f"{row['p50']:.2f} | {row['p99']:.2f}"
        burst_cells = f"{row['burst_p50']:.2f} | {row['burst_p99']:.2f}"
        print(f"| {name} | {single} | {burst_cells} | {row['unanswered']:.0f} | {row['rss']:.0f} |")
    ratio = versus["burst_p99"] / floor["burst_p99"]
    print(f"\nBurst p99 ratio Versus / do-nothing: {ratio:.2f} (target <= 1.5).")
    print(f"Process RSS before the bots started: {baseline_rss:.0f} MB.")
    print(f"Versus RSS after 36 /compare replies with charts: {charts_rss:.0f} MB (target <= 200).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--burst", type=int, default=50)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.burst))
