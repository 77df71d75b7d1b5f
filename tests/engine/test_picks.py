"""A pick asked outright ("which do you pick", "should I go with") between named frameworks
is a verdict, whatever aspects its backstory names; "pick up" is to learn, not to pick."""

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "our lab has a tpu pod and a cluster of a100s, jax or pytorch, which would you pick?",
        "we train on a cluster of gpus. keras or pytorch, which one should we go with",
        "for our serving stack on kubernetes, do you recommend jax or pytorch",
    ],
)
def test_a_pick_beside_an_aspect_is_a_verdict(engine, question):
    answer = engine.ask(question)
    assert answer.kind == "verdict", answer.candidates
    assert len(answer.frameworks) == 2


def test_a_pick_for_a_use_case_beats_the_entry_on_the_aspect_it_names(engine):
    answer = engine.ask("for a production ml platform would you pick tensorflow or pytorch")
    assert (answer.kind, answer.use_case) == ("verdict", "production"), answer.candidates
    # Asked how to do it, the entry on that aspect answers.
    assert engine.ask("how do i serve tensorflow and pytorch models in production").kind == "faq"


def test_a_pick_asked_outright_beside_a_vs_is_the_verdict_for_the_use_case(engine):
    answer = engine.ask("keras vs torch for a mobile deployment, pick one for me")
    assert (answer.kind, set(answer.frameworks), answer.use_case) == (
        "verdict",
        {"keras", "pytorch"},
        "mobile",
    )
    assert engine.ask("keras vs torch for a mobile deployment").kind == "compare"
    # A pick phrase is often not a request for one: here it weighs the two communities.
    answer = engine.ask("Is the jax community big enough to bet on, compared to pytorch's?")
    assert (answer.kind, answer.aspect) == ("compare", "community")


def test_weighing_the_two_on_an_aspect_stays_a_comparison(engine):
    answer = engine.ask("jax vs pytorch on tpus, which is better")
    assert (answer.kind, answer.aspect) == ("compare", "hardware-support")


def test_to_pick_up_a_framework_is_to_learn_it(engine):
    answer = engine.ask("is keras easier to pick up than pytorch")
    assert (answer.kind, answer.aspect) == ("compare", "learning-curve")
