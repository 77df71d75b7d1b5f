"""The project's whole check, as the README runs it: lint, format, types, tests.

Run ``python -m tests.check`` from the repository root. Each step runs even
if an earlier one failed, so one run reports everything; the exit status is
non-zero when any step failed. Extra arguments go to pytest.
"""

from __future__ import annotations

import subprocess
import sys

STEPS: list[tuple[str, list[str]]] = [
    ("ruff lint", [sys.executable, "-m", "ruff", "check", "."]),
    ("ruff format", [sys.executable, "-m", "ruff", "format", "--check", "."]),
    ("mypy", [sys.executable, "-m", "mypy"]),
    ("knowledge", [sys.executable, "-m", "bot", "validate", "--strict"]),
]


def main(pytest_args: list[str]) -> int:
    failed = []
    for name, command in STEPS:
        print(f"== {name}: {' '.join(command[1:])}", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
    print("== pytest", flush=True)
    if subprocess.run([sys.executable, "-m", "pytest", *pytest_args], check=False).returncode != 0:
        failed.append("pytest")
    if failed:
        print(f"FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("all checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
