from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.maintenance.regression import load_cases, run_regression

MINI_TESTS = """\
tests:
  - ask: How do I install Alpha?
    expect: {kind: faq, id: install}
  - ask: alpha vs beta
    expect: {kind: compare, frameworks: [beta, alpha], aspect: null}
  - conversation: ["cons of alpha", "and beta?"]
    expect: {kind: cons, framework: beta}
  - ask: alpha vs beta
    expect: {kind: faq, id: speed}
"""


def test_cases_run_and_failures_say_what_matched_instead(write_knowledge):
    directory = write_knowledge({"tests.yaml": MINI_TESTS})
    cases, problems = load_cases(directory)
    assert problems == []
    assert [c.turns for c in cases][2] == ("cons of alpha", "and beta?")
    engine = Engine(load_knowledge(directory).knowledge)
    passed, failures = run_regression(engine, cases)
    assert passed == 3
    (failure,) = failures
    assert failure.file == "tests.yaml"
    assert failure.line == 8
    assert "expected kind=faq id=speed" in failure.message
    assert "got kind=compare frameworks=['alpha', 'beta']" in failure.message
    assert "ranking:" in failure.message


def test_tests_file_errors_have_lines(write_knowledge):
    bad = """\
tests:
  - ask: hello
    expect: {kind: maybe}
  - ask: hi
    conversation: [a, b]
    expect: {kind: none}
  - expect: {kind: none}
"""
    cases, problems = load_cases(write_knowledge({"tests.yaml": bad}))
    assert cases == []
    assert [(p.line, p.message) for p in problems] == [
        (3, "tests[0].expect.kind: 'maybe' is not one of: faq, compare, pros, cons, verdict, none"),
    ]
    only_shape = bad.replace("kind: maybe", "kind: none")
    cases, problems = load_cases(write_knowledge({"tests.yaml": only_shape}))
    assert [(p.line, p.message) for p in problems] == [
        (4, "a test needs exactly one of 'ask' and 'conversation'"),
        (7, "a test needs exactly one of 'ask' and 'conversation'"),
    ]


def test_no_tests_file_means_no_cases(write_knowledge):
    assert load_cases(write_knowledge()) == ([], [])
