from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bot.limits as limits
from bot.render.card import Card, CardField, cards_for, cut, fit


def assert_within_limits(card: Card) -> None:
    assert len(card.title) <= limits.EMBED_TITLE
    assert len(card.description) <= limits.EMBED_DESCRIPTION
    assert len(card.fields) <= limits.EMBED_FIELDS
    assert all(0 < len(f.name) <= limits.EMBED_FIELD_NAME for f in card.fields)
    assert all(0 < len(f.value) <= limits.EMBED_FIELD_VALUE for f in card.fields)
    assert len(card.footer) <= limits.EMBED_FOOTER
    assert card.size <= limits.EMBEDS_TOTAL


def test_fit_cuts_everything_to_discord_limits():
    huge = Card(
        title="t" * 400,
        description="word " * 2000,
        fields=tuple(CardField("n" * 300, "v " * 800) for _ in range(40)),
        footer="f" * 3000,
    )
    fitted = fit(huge)
    assert_within_limits(fitted)
    assert fitted.fields  # trailing fields dropped, not all of them
    assert fitted.description.endswith("…")


def test_cut_prefers_word_boundaries():
    assert cut("short", 10) == "short"
    assert cut("alpha beta gamma delta", 12) == "alpha beta…"


def test_a_comparison_on_every_aspect_is_paged_and_covers_all_aspects(engine):
    answer = engine.ask("pytorch vs tensorflow vs jax vs keras")
    cards = cards_for(answer, engine.knowledge)
    assert len(cards) > 1
    assert [c.page for c in cards] == list(range(1, len(cards) + 1))
    shown = [f.name for c in cards for f in c.fields]
    assert shown == [a.name for a in engine.knowledge.aspects.values()]
    for card in cards:
        assert_within_limits(card)
        for field in card.fields:
            for name in ("PyTorch", "TensorFlow", "JAX", "Keras"):
                assert name in field.value


def test_faq_card_has_sources_as_links_and_the_matched_question(engine):
    answer = engine.ask("can I run pytorch models on a phone")
    (card,) = cards_for(answer, engine.knowledge)
    entry = engine.knowledge.faq["pytorch-mobile"]
    assert card.title == entry.question
    assert f"]({entry.sources[0]})" in card.description
    assert card.footer.startswith(f"Matched: {entry.question}")
    assert "confidence" in card.footer


def test_verdict_card_shows_the_conditions(engine):
    answer = engine.ask("keras or pytorch for research, which one?")
    (card,) = cards_for(answer, engine.knowledge)
    names = [f.name for f in card.fields]
    assert "Recommendation" in names and "What flips it" in names
    flips = next(f.value for f in card.fields if f.name == "What flips it")
    assert "Pick" in flips


def test_thanks_gets_a_friendly_card_not_a_decline(engine):
    (card,) = cards_for(engine.ask("thanks!"), engine.knowledge)
    assert card.title == "Glad to help!"
    assert "can't answer" not in card.description
    (declined,) = cards_for(engine.ask("what's the weather in oslo"), engine.knowledge)
    assert declined.title == "Not sure about that one"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    question=st.text(max_size=200)
    | st.sampled_from(["pytorch vs jax", "cons of tf", "which to pick", "tpu?"])
)
def test_every_card_for_any_question_fits(engine, question):
    for card in cards_for(engine.ask(question), engine.knowledge):
        assert_within_limits(card)
