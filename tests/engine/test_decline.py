"""Declined topics: near misses the maintainers list so that no FAQ entry answers them."""

from bot.engine import Answer, Engine

DECLINES = """\
declines:
  - id: alpha-on-devices
    topic: Running Alpha on small devices
    phrasings:
      - install alpha on a raspberry pi
      - alpha setup on my phone
"""


def declined_only_with(write_knowledge, declines: str, question: str, topic: str) -> tuple[Engine, Answer]:
    """Check that ``question`` gets the install entry without ``declines`` and is declined as
    ``topic`` with them; the engine with them, and its answer."""
    without = Engine.from_directory(write_knowledge())
    assert without.ask(question).key == "faq:install"  # its words alone were enough

    engine = Engine.from_directory(write_knowledge({"declines.yaml": declines}))
    answer = engine.ask(question)
    assert (answer.kind, answer.declined_topic) == ("none", topic)
    return engine, answer


def test_a_question_that_fits_a_declined_topic_better_than_any_entry_is_declined(write_knowledge):
    _, answer = declined_only_with(
        write_knowledge, DECLINES, "how do i install alpha on my phone", "alpha-on-devices"
    )
    assert answer.suggestions  # the closest entries are still offered


def test_questions_the_entries_answer_are_not_declined(write_knowledge):
    engine = Engine.from_directory(write_knowledge({"declines.yaml": DECLINES}))
    assert engine.ask("how do i install alpha").key == "faq:install"
    assert engine.ask("alpha setup on a cluster").key == "faq:install"
    assert engine.ask("which one trains faster").key == "faq:speed"


OTHER_LIBRARIES = """\
declines:
  - id: gamma-library
    topic: The Gamma library, which the knowledge does not cover
    phrasings:
      - is gamma any good
    names: [gamma]
"""


def test_a_question_naming_a_declined_name_and_no_framework_is_declined(write_knowledge):
    engine, _ = declined_only_with(write_knowledge, OTHER_LIBRARIES, "gamma setup install", "gamma-library")
    # Beside a framework of the knowledge's, the name is only part of the question.
    assert engine.ask("how do i install alpha, alpha setup for a gamma user").key == "faq:install"


ONLY_WHEN_CHOOSING = """\
faq:
  - id: by-task
    question: Which one is best for speed tasks?
    alternates: [best for speed work]
    answer: Alpha.
    only_when: choosing
    sources: [https://alpha.example.org/tasks]
    reviewed: 2026-11-01
"""


def test_an_entry_only_for_choosing_answers_only_questions_that_ask_to_choose(write_knowledge):
    engine = Engine.from_directory(write_knowledge({"tasks.yaml": ONLY_WHEN_CHOOSING}))
    assert engine.ask("which is best for speed work").key == "faq:by-task"
    # The same words without "which", "best", "or" or "vs": it no longer answers outright.
    asked = engine.ask("tuning speed work in alpha")
    assert asked.kind == "none" or asked.confidence < engine.thresholds.answer

    plain = Engine.from_directory(
        write_knowledge({"tasks.yaml": ONLY_WHEN_CHOOSING.replace("    only_when: choosing\n", "")})
    )
    assert plain.ask("tuning speed work in alpha").confidence > asked.confidence
