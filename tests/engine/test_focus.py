"""The question sentences of a long message (bot.engine.focus) and how they steer its reading."""

import pytest

from bot.engine.focus import points_into_backstory, question_part
from bot.engine.normalize import tokens


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("we run tf in prod. how do i export a torch model?", "how do i export a torch model?"),
        ("long story. which one would you pick for mobile", "which one would you pick for mobile"),
        ("our cluster has mixed gpus. I want to know how jax scales", "I want to know how jax scales"),
        ("I need to understand how jax compares. thanks!", None),  # the question is most of it
        ("is it fast? (asking for a friend :)", "is it fast?"),
        ("is it fast?", None),  # a single question
        ("pytorch vs tensorflow?", None),
        ("sell me on pytorch. my lead is a tf diehard", None),  # asks nothing in so many words
        # a colon ends a sentence; one that leads in with an embedded question asks in the next
        ("weeks of tf pain, so I just want to know: is it worth it?", "is it worth it?"),
        ("tf in prod for years. can you compare both of them: speed first", "can you compare both of them:"),
        # ...but not a heading of a few words
        ("keras vs pytorch: which is easier? we teach undergrads", "keras vs pytorch: which is easier?"),
        ("", None),
    ],
)  # fmt: skip
def test_question_part(text, part):
    assert question_part(text) == part


@pytest.mark.parametrize(
    ("question", "points"),
    [
        ("is that worth the cost?", True),
        ("which has the best libs for this stuff", True),
        ("is tensorflow still maintained, or do we plan an exit this year?", False),  # a time
        ("can we switch that week, or is it too late", True),  # "it" still points
        ("can i still train on the gpu?", True),  # in spite of the backstory
        ("should i still learn keras", False),
        ("what is jax", False),
    ],
)
def test_points_into_backstory(question, points):
    assert points_into_backstory(tokens(question)) is points


def test_cues_in_the_backstory_alone_give_way_to_the_entry_the_question_asks_for(engine):
    text = (
        "I spent years in tensorflow with tensorboard open on a second screen. Now the lab "
        "moved me to pytorch. Can I keep using tensorboard to watch my training curves?"
    )
    assert engine.ask(text).key == "faq:visualization"


def test_the_question_sentence_decides_the_kind_of_answer(engine):
    text = (
        "Startup deciding between jax and pytorch for our production training and inference "
        "stack. A couple of ex-google people love jax and everyone else knows torch. Which "
        "would you pick for production? We need to ship fast."
    )
    answer = engine.ask(text)
    assert (answer.kind, set(answer.frameworks), answer.use_case) == (
        "verdict",
        {"jax", "pytorch"},
        "production",
    )


def test_the_question_sentence_decides_the_aspect(engine):
    text = (
        "Our servers are a mix of AMD MI300s and some nvidia H100s. We are evaluating pytorch "
        "vs jax for the next project. How do they compare on hardware support?"
    )
    answer = engine.ask(text)
    assert (answer.kind, answer.aspect) == ("compare", "hardware-support")


def test_one_framework_s_weaknesses_asked_beside_a_use_case_and_another_framework(engine):
    text = (
        "Been on tensorflow since 2019 for my thesis and it was fine honestly, but now every "
        "thread says just use pytorch. What are tensorflow's actual weaknesses, technically speaking?"
    )
    assert engine.ask(text).key == "cons:tensorflow"


def test_an_or_question_after_a_backstory_that_asks_to_choose_stays_a_pick(engine):
    text = "My nephew wants to learn neural nets this summer. keras, pytorch or tensorflow? He knows python"
    assert engine.ask(text).kind == "verdict"


def test_a_question_pointing_back_at_the_backstory_s_aspect_compares_on_it(engine):
    text = (
        "Our services are written in C++ and Java and the data scientists hand us models. "
        "I want to know how pytorch and tensorflow differ for languages other than python. "
        "Who has the better story there?"
    )
    answer = engine.ask(text)
    assert (answer.kind, answer.aspect) == ("compare", "language-bindings")


def test_a_question_diluted_by_its_backstory_is_answered_by_its_question_sentence(engine):
    text = (
        "is tensorflow dead? honest question. every repo I open these days is pytorch and google "
        "apparently uses jax internally now. my new job has a huge TF codebase and I don't want "
        "to spend years on something abandoned"
    )
    assert engine.ask(text).key == "faq:tensorflow-status"


def test_a_question_sentence_pointing_back_matched_on_one_word_does_not_overrule_its_backstory(engine):
    text = "my laptop fan screams when I run llama locally, like 3 tokens/sec. how to speed it up"
    assert engine.ask(text).kind == "none"


def test_a_question_sentence_that_points_at_nothing_may_be_matched_on_one_word(engine):
    # "fastest" alone names the performance entry, and the question needs nothing before it.
    text = "Which library is quickest? Our CEO just wants the quickest one."
    assert engine.ask(text).key == "faq:performance"


def test_an_entry_matched_only_by_the_backstory_does_not_answer_the_question_sentences(engine):
    text = (
        "tensorflow runs fine in our android app honestly. "
        "so what are the real downsides people complain about?"
    )
    answer = engine.ask(text)
    assert (answer.kind, answer.framework) == ("cons", "tensorflow"), answer.candidates
    # Pointing into the backstory ("is that worth it?"), the question asks of it: no such rule.
    assert (
        engine.ask("we moved our android app from tensorflow to pytorch. was that worth it?").kind != "cons"
    )
