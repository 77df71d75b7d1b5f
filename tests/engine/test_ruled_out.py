"""A framework the question rules out ("not torch", "we dont use tf") is not asked about."""

import pytest

from bot.engine.cues import RULE_OUT, RULE_OUT_WORDS
from bot.engine.moves import without_ruled_out


@pytest.mark.parametrize(
    ("question", "kept", "gone"),
    [
        ("can keras train on an m1 mac, not torch", "keras", "pytorch"),
        ("how do i serve pytorch models, we dont use tensorflow", "pytorch", "tensorflow"),
    ],
)
def test_a_framework_ruled_out_is_dropped_from_the_question(engine, question, kept, gone):
    tokens = engine.lexicon.analyse(question).tokens
    words = without_ruled_out(tokens, engine.entities.mentions(tokens))
    names = {m.id for m in engine.entities.mentions(words) if m.kind == "framework"}
    assert kept in names
    assert gone not in names


@pytest.mark.parametrize(
    "question",
    [
        "why not pytorch for this",  # suggests it
        "not pytorch?",  # rules out the only framework named: nothing else is asked about
    ],
)
def test_why_not_and_a_lone_name_are_kept(engine, question):
    words = engine.lexicon.analyse(question).tokens
    assert without_ruled_out(words, engine.entities.mentions(words)) == words


def test_every_ruling_out_phrase_holds_a_word_the_cheap_test_looks_for():
    # may_rule_out skips the search for names when none of these words is in the question
    assert all(RULE_OUT_WORDS & set(phrase) for phrase in RULE_OUT)
