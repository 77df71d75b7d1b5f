"""Any string in, a well-formed answer out: never an exception, always within limits."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import KINDS, Context
from bot.limits import MESSAGE_CONTENT

VOCABULARY = st.sampled_from(
    "pytorch tensorflow tf torch jax keras vs or versus cons pros why and what about for mobile "
    "research production beginners deploy gpu tpu which should i pick 🙂 @everyone <@123> ``` \u200b".split()
)
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(VOCABULARY, max_size=12).map(" ".join),
    st.text(alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Z", "C")), max_size=80),
)

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check(answer) -> None:
    assert answer.kind in KINDS
    assert 0.0 <= answer.confidence <= 1.0
    assert 0 < len(answer.text) <= MESSAGE_CONTENT
    data = answer.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    if answer.kind in ("compare", "verdict"):
        assert answer.frameworks
    if answer.kind in ("pros", "cons"):
        assert answer.framework
    if answer.kind == "faq":
        assert answer.id


@SETTINGS
@given(question=QUESTIONS)
def test_any_string_gives_a_well_formed_answer(engine, question):
    _check(engine.ask(question))


@SETTINGS
@given(first=QUESTIONS, second=QUESTIONS, expanded=st.booleans())
def test_any_follow_up_gives_a_well_formed_answer(engine, first, second, expanded):
    previous = engine.ask(first)
    _check(engine.ask(second, Context(previous, 0.0)))
    _check(engine.ask("why?" if expanded else "and jax?", Context(previous, 0.0)))
