"""``versus ask`` and ``versus chat`` as a member runs them."""

import json

from tests.cli.test_validate import versus
from tests.conftest import ANSWER_KEYS


def test_ask_json_prints_one_object():
    run = versus("ask", "--json", "pytorch vs tensorflow for mobile?")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert set(data) == ANSWER_KEYS
    assert (data["kind"], data["frameworks"], data["aspect"]) == (
        "compare",
        ["pytorch", "tensorflow"],
        "mobile-edge",
    )


def test_ask_plain_prints_the_answer_text():
    run = versus("ask", "cons", "of", "jax")
    assert run.returncode == 0
    assert run.stdout.startswith("Cons of JAX")


def test_batch_from_file_one_line_per_question_in_order(tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text(
        "pytorch vs tensorflow?\nwhat about for mobile?\n\ncons of keras\n", encoding="utf-8"
    )
    run = versus("ask", "--json", "--batch", str(questions))
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["query"] for r in rows] == [
        "pytorch vs tensorflow?",
        "what about for mobile?",
        "",
        "cons of keras",
    ]
    assert rows[1]["kind"] != "compare"  # lines stand alone without --conversation
    assert rows[2]["kind"] == "none"


def test_batch_conversation_from_stdin_leans_on_the_previous_turn():
    run = versus(
        "ask",
        "--json",
        "--batch",
        "-",
        "--conversation",
        input_text="pytorch vs tensorflow?\nwhat about for mobile?\nand jax?\n",
    )
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[1]["aspect"] == "mobile-edge"
    assert rows[2]["frameworks"] == ["pytorch", "tensorflow", "jax"]


def test_usage_errors_exit_2_with_a_reason(tmp_path):
    cases = [
        (("ask", "--json"), "what is the question"),
        (("ask", "--json", "--conversation", "x"), "--conversation needs --batch"),
        (("ask", "--batch", "-"), "add --json"),
        (("ask", "--json", "--batch", str(tmp_path / "missing.txt")), "cannot read"),
    ]
    for args, needle in cases:
        run = versus(*args)
        assert run.returncode == 2, args
        assert needle in run.stderr
        assert "Traceback" not in run.stderr


def test_broken_knowledge_stops_ask_with_file_and_line(write_knowledge):
    directory = write_knowledge({"faq.yaml": "faq:\n  - id: x\n"})
    run = versus("ask", "--knowledge", str(directory), "hello")
    assert run.returncode == 2
    assert "faq.yaml:2" in run.stderr


def test_bare_versus_without_token_starts_the_chat():
    run = versus(input_text="cons of tf\nand pytorch?\n:help\n:quit\n")
    assert run.returncode == 0
    assert "Cons of TensorFlow" in run.stdout
    assert "Cons of PyTorch" in run.stdout
    assert "Commands:" in run.stdout


def test_chat_ends_on_end_of_input():
    run = versus("chat", input_text="pytorch vs jax for tpus\n")
    assert run.returncode == 0
    assert "Hardware support" in run.stdout
