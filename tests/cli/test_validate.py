"""``versus validate`` and friends, run as a member would: in a subprocess."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import MINI_FAQ

ROOT = Path(__file__).resolve().parents[2]


def versus(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, input_text: str = ""):
    """Run the CLI in a subprocess with a clean Versus environment and a throwaway database.

    The database and the default working directory (no stray .env from the checkout) live
    in a scratch directory that is removed when the run ends.
    """
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("VERSUS_") and k != "DISCORD_TOKEN"}
    with tempfile.TemporaryDirectory(prefix="versus-test-") as scratch:
        full_env["VERSUS_DB_PATH"] = str(Path(scratch) / "versus.db")
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            input=input_text,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd or scratch,
            timeout=60,
            check=False,
        )


def test_validate_clean_directory_prints_counts(write_knowledge):
    directory = write_knowledge()
    run = versus("validate", str(directory))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OK: 2 frameworks, 1 aspects, 1 use cases, 2 faq, 1 verdicts" in run.stdout


def test_validate_errors_exit_1_with_file_and_line(write_knowledge):
    directory = write_knowledge({"faq.yaml": MINI_FAQ.replace("    answer: Use pip.\n", "")})
    run = versus("validate", "--knowledge", str(directory))
    assert run.returncode == 1
    assert "faq.yaml:2: error: faq[0]: missing required key 'answer'" in run.stdout
    assert "FAILED: 1 error(s)" in run.stdout


def test_strict_turns_lints_into_errors_but_not_staleness(write_knowledge):
    faq = MINI_FAQ.replace("    sources: [https://alpha.example.org/install]\n", "").replace(
        "reviewed: 2026-11-01\n  - id: speed", "reviewed: 2020-01-01\n  - id: speed"
    )
    directory = write_knowledge({"faq.yaml": faq})
    lenient = versus("validate", str(directory))
    strict = versus("validate", "--strict", str(directory))
    assert lenient.returncode == 0
    assert "warning: FAQ 'install' has no sources" in lenient.stdout
    assert strict.returncode == 1
    assert "faq.yaml:2: error: FAQ 'install' has no sources" in strict.stdout
    assert "warning: not reviewed since 2020-01-01" in strict.stdout


def test_environment_variable_points_at_knowledge(write_knowledge):
    directory = write_knowledge()
    run = versus("validate", env={"VERSUS_KNOWLEDGE_DIR": str(directory)})
    assert run.returncode == 0
    assert str(directory) in run.stdout


def test_usage_and_configuration_errors_exit_2(tmp_path):
    assert versus("validate", "--bogus").returncode == 2
    bad_setting = versus("validate", env={"VERSUS_ANSWER_THRESHOLD": "lots"})
    assert bad_setting.returncode == 2
    assert "VERSUS_ANSWER_THRESHOLD" in bad_setting.stderr
    assert "Traceback" not in bad_setting.stderr


def test_run_without_token_explains_and_exits_2():
    run = versus("run")
    assert run.returncode == 2
    assert "DISCORD_TOKEN" in run.stderr
    assert "Traceback" not in run.stderr


def test_shipped_knowledge_validates_from_any_directory(tmp_path):
    run = versus("validate", "--strict", cwd=tmp_path)
    assert run.returncode == 0, run.stdout
    assert "OK:" in run.stdout


def test_schema_command_prints_the_json_schema():
    run = versus("schema")
    assert run.returncode == 0
    assert json.loads(run.stdout)["properties"].keys() >= {"faq", "aspects", "verdicts"}
