"""The FAQ index's phrasing coverage, on hand-made phrasings."""

from bot.engine.rank import ScaledPhrasings

WEIGHTS = {"tpu": 3.0, "train": 1.0, "jax": 2.0, "cloud": 0.5}


def test_coverage_is_the_best_phrasing_covered_weight_times_its_scale():
    phrasings = ScaledPhrasings(
        [
            (frozenset({"tpu", "train"}), 0.25),  # 4.0 covered of it → 1.0
            (frozenset({"jax", "cloud", "tpu"}), 0.2),  # 5.5 covered → 1.1
        ]
    )
    query = frozenset({"tpu", "train", "jax", "cloud", "unrelated"})
    assert phrasings.coverage(query, WEIGHTS.__getitem__) == 5.5 * 0.2


def test_a_phrasing_counts_only_the_words_the_question_shares():
    phrasings = ScaledPhrasings([(frozenset({"tpu", "train"}), 0.25), (frozenset({"jax"}), 0.1)])
    assert phrasings.coverage(frozenset({"train"}), WEIGHTS.__getitem__) == 1.0 * 0.25


def test_no_shared_word_covers_nothing():
    phrasings = ScaledPhrasings([(frozenset({"tpu"}), 1.0)])
    assert phrasings.coverage(frozenset({"cloud"}), WEIGHTS.__getitem__) == 0.0
    assert ScaledPhrasings([]).coverage(frozenset({"tpu"}), WEIGHTS.__getitem__) == 0.0
