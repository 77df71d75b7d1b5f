"""Two shard processes on one host share one SQLite file; only shard 0 syncs commands."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.storage.migrations import LATEST

ROOT = Path(__file__).resolve().parents[2]


def test_two_shard_processes_share_the_database(tmp_path, shipped_dir):
    db = tmp_path / "shared.db"
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.discord_app.shard_process",
                str(db),
                str(shard),
                "2",
                str(shipped_dir),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for shard in (0, 1)
    ]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err[-2000:]
        lines = out.strip().splitlines()
        assert lines, f"the shard process printed nothing; its stderr ends:\n{err[-2000:]}"
        outputs.append(json.loads(lines[-1]))
    assert [o["syncs"] for o in outputs] == [1, 0]  # only the process with shard 0 synced
    assert all(o["title"] == "Cons of JAX" for o in outputs)
    database = sqlite3.connect(db)
    assert database.execute("PRAGMA user_version").fetchone()[0] == LATEST
    texts = {row[0] for row in database.execute("SELECT text FROM questions")}
    assert texts == {"cons of jax (from shard 0)", "cons of jax (from shard 1)"}
    assert database.execute("SELECT COUNT(*) FROM meta WHERE key = 'user_salt'").fetchone()[0] == 1
