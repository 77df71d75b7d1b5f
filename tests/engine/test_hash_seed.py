"""The engine answers the same in every process, whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

QUESTIONS = [
    "how do i save my model and optimizer in pytorch so i can continue training tomorrow",
    "what's wrong with tensorflow these days",
    "jax vs keras for training on a rack of gpus",
    "is the wandb team plan worth the money",
    "my gpu sits at 30% while the dataloader struggles",
    "which framework should a bootcamp grad learn first",
]
ASK = """
import json, sys
from bot.engine import Engine
from bot.knowledge import default_knowledge_dir
engine = Engine.from_directory(default_knowledge_dir())
answers = [engine.ask(q) for q in json.loads(sys.argv[1])]
print(json.dumps([[a.key, repr(a.confidence)] for a in answers]))
"""


def answers_with_hash_seed(seed: str) -> list[list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run(
        [sys.executable, "-c", ASK, json.dumps(QUESTIONS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def test_answers_and_confidences_do_not_depend_on_the_hash_seed():
    # Float sums over sets depend on the order the set iterates in, which the hash
    # seed sets; a tie decided in the last bit would then flip between restarts.
    first = answers_with_hash_seed("1")
    assert all(answers_with_hash_seed(seed) == first for seed in ("2", "3"))
