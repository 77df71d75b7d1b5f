"""Maintainers' commands against a real database file."""

import json
import sqlite3

from tests.cli.test_validate import versus
from tests.conftest import MINI_FAQ


def db_env(tmp_path):
    return {"VERSUS_DB_PATH": str(tmp_path / "v.db")}


def test_single_questions_are_logged_and_batches_are_not(tmp_path):
    env = db_env(tmp_path)
    assert versus("ask", "how do i fix cuda out of memory", env=env).returncode == 0
    assert versus("ask", "--json", "cons of jax", env=env).returncode == 0
    versus("ask", "--json", "--batch", "-", env=env, input_text="cons of keras\npros of jax\n")
    rows = (
        sqlite3.connect(tmp_path / "v.db")
        .execute("SELECT text, source, kind, matched FROM questions")
        .fetchall()
    )
    assert [(r[0], r[1]) for r in rows] == [
        ("how do i fix cuda out of memory", "cli"),
        ("cons of jax", "cli"),
    ]
    assert rows[1][2:] == ("cons", "cons:jax")


def test_chat_logs_every_turn(tmp_path):
    env = db_env(tmp_path)
    versus("chat", env=env, input_text="cons of tf\nand pytorch?\n")
    count = sqlite3.connect(tmp_path / "v.db").execute("SELECT COUNT(*) FROM questions").fetchone()[0]
    assert count == 2


def test_a_broken_database_never_stops_an_answer(tmp_path):
    (tmp_path / "v.db").write_bytes(b"garbage " * 500)
    run = versus("ask", "cons of jax", env=db_env(tmp_path))
    assert run.returncode == 0
    assert run.stdout.startswith("Cons of JAX")
    assert "storage degraded" in run.stderr
    assert "Traceback" not in run.stderr


def test_gaps_groups_and_suggests(tmp_path):
    env = db_env(tmp_path)
    for question in (
        "how do i bake sourdough bread",
        "how do I bake sourdough bread??",
        "pytorch on an iphone",
    ):
        versus("ask", question, env=env)
    run = versus("gaps", "--suggest", env=env)
    assert run.returncode == 0, run.stderr
    assert (
        "×2  'how do i bake sourdough bread'" in run.stdout
        or "×2  'how do I bake sourdough bread??'" in run.stdout
    )
    assert "a new entry" in run.stdout
    rows = [json.loads(line) for line in versus("gaps", "--json", env=env).stdout.splitlines()]
    assert rows[0]["count"] == 2
    assert set(rows[0]["reasons"]) == {"declined"}
    assert versus("gaps", "--since", "soon", env=env).returncode == 2


def test_stats_forget_and_purge(tmp_path):
    env = db_env(tmp_path)
    versus("ask", "cons of jax", env=env)
    versus("ask", "what is the weather", env=env)
    stats = versus("stats", env=env)
    assert "questions: 2, answered: 1 (50%)" in stats.stdout
    assert "cons:jax" in stats.stdout
    assert "Erased 0 row(s)" in versus("forget", "--user", "123", env=env).stdout
    assert "Purged 0 question(s) older than 90 days" in versus("purge", env=env).stdout
    assert versus("purge", "--days", "0", env=env).returncode == 2


def test_tune_prints_a_row_per_threshold_pair(tmp_path):
    run = versus("tune", env=db_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "regression tests and 0 voted answers" in run.stdout
    assert "← current" in run.stdout


def test_validate_runs_the_regression_tests(write_knowledge):
    tests = "tests:\n  - ask: How do I install Alpha?\n    expect: {kind: faq, id: speed}\n"
    directory = write_knowledge({"tests.yaml": tests})
    run = versus("validate", str(directory))
    assert run.returncode == 1
    assert "tests.yaml:2: error: test 'How do I install Alpha?': expected kind=faq id=speed" in run.stdout
    assert "regression tests: 0/1 pass" in run.stdout
    fixed = write_knowledge({"tests.yaml": tests.replace("id: speed", "id: install"), "faq.yaml": MINI_FAQ})
    assert versus("validate", str(fixed)).returncode == 0


def test_admin_commands_report_an_unusable_database(tmp_path):
    (tmp_path / "v.db").write_bytes(b"garbage " * 500)
    run = versus("stats", env=db_env(tmp_path))
    assert run.returncode == 1
    assert "cannot open the database" in run.stderr
