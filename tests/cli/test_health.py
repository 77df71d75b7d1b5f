import re
import time

from bot.heartbeat import Heartbeat, heartbeat_path, write_heartbeat
from tests.cli.test_validate import versus


def beat(path, *, age=0.0, storage_ok=True, error=None):
    write_heartbeat(heartbeat_path(path), Heartbeat(time.time() - age, 4242, 3, "abc123", storage_ok, error))


def test_health_without_a_running_bot_checks_the_knowledge(tmp_path):
    run = versus("health", env={"VERSUS_DB_PATH": str(tmp_path / "v.db")})
    assert run.returncode == 0
    assert run.stdout.startswith("ok: knowledge")


def test_a_fresh_heartbeat_is_healthy_and_an_old_one_is_not(tmp_path):
    db = tmp_path / "v.db"
    env = {"VERSUS_DB_PATH": str(db)}
    beat(db)
    fresh = versus("health", env=env)
    assert fresh.returncode == 0 and "bot alive (3 servers" in fresh.stdout
    beat(db, age=600)
    stale = versus("health", env=env)
    assert stale.returncode == 1
    # The CLI starts in a subprocess, so on a slow machine a second or two may pass.
    age = re.search(r"heartbeat is (\d+) s old", stale.stdout)
    assert age is not None and 600 <= int(age.group(1)) <= 610


def test_a_database_fault_is_degraded_but_healthy(tmp_path):
    db = tmp_path / "v.db"
    beat(db, storage_ok=False, error="database is locked")
    run = versus("health", env={"VERSUS_DB_PATH": str(db)})
    assert run.returncode == 0
    assert run.stdout.startswith("degraded:") and "database is locked" in run.stdout


def test_broken_knowledge_is_unhealthy(tmp_path, write_knowledge):
    directory = write_knowledge({"faq.yaml": "faq: [\n"})
    run = versus("health", "--knowledge", str(directory), env={"VERSUS_DB_PATH": str(tmp_path / "v.db")})
    assert run.returncode == 1
    assert run.stdout.startswith("unhealthy: the knowledge does not load")


def test_config_prints_settings_with_the_token_masked(tmp_path):
    (tmp_path / ".env").write_text("# local settings\nexport VERSUS_COOLDOWN=5\nVERSUS_LOG_LEVEL='debug'\n")
    run = versus(
        "config",
        env={"DISCORD_TOKEN": "secret-token-value-1234", "VERSUS_LOG_LEVEL": "warning"},
        cwd=tmp_path,
    )
    assert run.returncode == 0
    assert "secret" not in run.stdout
    assert "DISCORD_TOKEN=****1234" in run.stdout
    assert "VERSUS_COOLDOWN=5.0" in run.stdout  # from .env
    assert "VERSUS_LOG_LEVEL=WARNING" in run.stdout  # the environment wins over .env


def test_a_malformed_env_file_names_the_line(tmp_path):
    (tmp_path / ".env").write_text("VERSUS_COOLDOWN=1\nthis is not a setting\n")
    run = versus("config", cwd=tmp_path)
    assert run.returncode == 2
    assert ".env:2: expected NAME=value" in run.stderr
