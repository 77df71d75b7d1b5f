"""One shard process for the two-process test: a fake Discord of its own, the shared database.

Usage: python -m tests.discord_app.shard_process DB SHARD_ID SHARD_COUNT KNOWLEDGE
Prints one JSON line: how many syncs its fake saw and what it answered.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from bot.discord_app.run import build_bot
from bot.settings import Settings
from tests.fakediscord import FakeDiscord


async def main(db: str, shard_id: int, shard_count: int, knowledge: str) -> None:
    settings = Settings.from_env(
        {
            "VERSUS_DB_PATH": db,
            "VERSUS_COOLDOWN": "0",
            "VERSUS_SHARD_COUNT": str(shard_count),
            "VERSUS_SHARD_IDS": str(shard_id),
        }
    )
    async with FakeDiscord() as fake:
        bot = build_bot(settings, Path(knowledge), background_tasks=False)
        await fake.start_client(bot)
        try:
            result = await fake.slash("ask", {"question": f"cons of jax (from shard {shard_id})"}, timeout=10)
            print(json.dumps({"syncs": fake.syncs, "title": result.message.embeds[0]["title"]}), flush=True)
        finally:
            await fake.stop_client()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]))
