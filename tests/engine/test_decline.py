"""Declined topics: near misses the maintainers list so that no FAQ entry answers them."""

from bot.engine import Engine

DECLINES = """\
declines:
  - id: alpha-on-devices
    topic: Running Alpha on small devices
    phrasings:
      - install alpha on a raspberry pi
      - alpha setup on my phone
"""


def test_a_question_that_fits_a_declined_topic_better_than_any_entry_is_declined(write_knowledge):
    question = "how do i install alpha on my phone"
    without = Engine.from_directory(write_knowledge())
    assert without.ask(question).key == "faq:install"  # "install alpha" was enough on its own

    engine = Engine.from_directory(write_knowledge({"declines.yaml": DECLINES}))
    answer = engine.ask(question)
    assert (answer.kind, answer.declined_topic) == ("none", "alpha-on-devices")
    assert answer.suggestions  # the closest entries are still offered


def test_questions_the_entries_answer_are_not_declined(write_knowledge):
    engine = Engine.from_directory(write_knowledge({"declines.yaml": DECLINES}))
    assert engine.ask("how do i install alpha").key == "faq:install"
    assert engine.ask("alpha setup on a cluster").key == "faq:install"
    assert engine.ask("which one trains faster").key == "faq:speed"
