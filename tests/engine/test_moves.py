"""A move "to" a framework with words between ("move my stuff to pytorch") is a switch."""

import pytest

from bot.engine.cues import SWITCHING_TERM
from bot.engine.moves import as_a_move


@pytest.mark.parametrize(
    "question",
    ["should i just move my stuff to pytorch", "we will move the whole codebase to jax"],
)
def test_a_move_to_a_framework_reads_as_a_switch(engine, question):
    words = engine.lexicon.analyse(question).tokens
    moved = as_a_move(words, engine.entities.mentions(words))
    assert moved is not None
    assert SWITCHING_TERM in moved
    assert len(moved) == len(words)


@pytest.mark.parametrize(
    "question",
    [
        "i moved my tensors to cuda",  # no framework after "to"
        "move my stuff to the new server, then to pytorch later",  # "to" too far from the verb
        "is jax similar to pytorch",  # no move
    ],
)
def test_no_move_to_a_framework_leaves_the_words(engine, question):
    words = engine.lexicon.analyse(question).tokens
    assert as_a_move(words, engine.entities.mentions(words)) is None
