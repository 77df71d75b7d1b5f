from collections import Counter

import pytest

from bench.english_words import common_words, word_list_text
from bot.engine.english import english_words
from bot.engine.lexicon import Lexicon
from bot.engine.spelling import max_edits, same_word


def make_lexicon() -> Lexicon:
    rewrites = {
        ("tf",): ("tensorflow",),
        ("torch",): ("pytorch",),
        ("bad", "about"): ("cons",),
        ("abt",): ("about",),
        ("deploying",): ("deployment",),
    }
    vocabulary = Counter("how do i deploy a model to a phone have rate".split())
    terms = Counter("pytorch tensorflow jax keras phone deployment mobile".split())
    return Lexicon(
        rewrites, vocabulary, terms, names=["pytorch", "tensorflow", "jax", "keras", "tf", "torch"]
    )


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ("pytroch", "pytorch"),
        ("tensorflwo", "tensorflow"),
        ("tenserflow", "tensorflow"),
        ("kears", "keras"),
        ("phnoe", "phone"),
    ],
)
def test_typos_land_on_terms(typo, fixed):
    assert make_lexicon().correct(typo) == fixed


def test_four_letter_words_only_become_framework_names():
    lexicon = make_lexicon()
    assert lexicon.correct("jaxx") == "jax"
    assert lexicon.correct("hate") is None  # not "have" or "rate"
    assert lexicon.correct("xyzzy") is None
    assert lexicon.correct("abc") is None  # too short to guess


def test_known_words_are_left_alone():
    assert make_lexicon().correct("have") == "have"


def test_stopwords_are_never_corrected_into_terms():
    lexicon = Lexicon({("dying",): ("status",)}, Counter(), Counter(["dying", "status"]), names=[])
    assert lexicon.correct("dyign") == "dying"  # a typo of a term still lands on it
    analysis = lexicon.analyse("been doing keras")
    assert analysis.corrected == {}
    assert analysis.tokens == ("been", "doing", "keras")


def test_rewrites_chain_and_prefer_the_longest_phrase():
    lexicon = make_lexicon()
    assert lexicon.analyse("whats bad abt tf").tokens == ("whats", "cons", "tensorflow")
    assert lexicon.analyse("Deploying torch").tokens == ("deployment", "pytorch")
    analysis = lexicon.analyse("pytroch on a phnoe")
    assert analysis.tokens == ("pytorch", "on", "a", "phone")
    assert analysis.corrected == {"pytroch": "pytorch", "phnoe": "phone"}


def test_a_hedge_inside_a_phrase_does_not_break_it():
    lexicon = make_lexicon()
    assert lexicon.analyse("whats really bad abt tf").tokens == ("whats", "really", "cons", "tensorflow")
    assert lexicon.analyse("whats bad really abt tf").tokens == ("whats", "cons", "tensorflow")
    assert lexicon.analyse("whats bad actually about torch").tokens == ("whats", "cons", "pytorch")
    # only hedges are skipped: another word between keeps the words apart
    assert lexicon.analyse("bad things about tf").tokens == ("bad", "things", "about", "tensorflow")


def test_two_edits_keep_the_first_letter():
    lexicon = Lexicon({}, Counter(), Counter(["choosing", "distributed"]), names=[])
    assert lexicon.correct("shooting") is None  # a word of its own, two edits from "choosing"
    assert lexicon.correct("disrtibuted") == "distributed"  # two edits, same first letter
    assert lexicon.correct("chosoing") == "choosing"  # one edit


def test_max_edits_by_length():
    assert [max_edits("x" * n) for n in (3, 4, 7, 8, 12)] == [0, 1, 1, 2, 2]


def test_a_variant_inside_its_own_term_is_not_rewritten_into_a_loop(engine):
    # synonyms.yaml lists "vision" and "cv" under "computer vision".
    assert engine.lexicon.rewrite(["cv"]) == ["computer", "vision"]
    assert engine.lexicon.rewrite(["vision", "models"]) == ["vision", "models"]
    assert engine.lexicon.analyse("cv project").tokens == ("computer", "vision", "project")


def test_words_of_declined_topics_are_never_corrected_into_other_terms(engine):
    # "augmentation" is two edits from "segmentation"; it is a word the knowledge knows
    # (a declined topic), so it stays itself.
    assert "augmentation" in engine.lexicon.analyse("which library should i use for data augmentation").tokens


def test_an_unknown_identifier_starting_with_a_framework_name_names_that_framework(engine):
    # The knowledge itself names "tflite" and "torchrun", so "tf" and "torch" begin identifiers.
    assert engine.lexicon.analyse("TFBertModel and torchmetrics").tokens == (
        "tensorflow", "and", "pytorch",
    )  # fmt: skip
    # Known words, typos of known words and short tails keep their own reading.
    corrections = {w: engine.lexicon.correct(w) for w in ("tflite", "torchvison", "jaxabc", "tf" * 30)}
    assert corrections == {"tflite": "tflite", "torchvison": "torchvision", "jaxabc": None, "tf" * 30: None}
    answer = engine.ask("ImportError: cannot import name 'TFBertModel' from 'transformers'")
    assert (answer.kind, answer.id) == ("faq", "huggingface")


def test_two_edits_must_keep_the_first_half_of_the_word_unless_they_reach_a_framework(engine):
    corrected = {w: engine.lexicon.correct(w) for w in ("spotting", "motive", "benchmarked", "tesnorflwo")}
    assert corrected == {
        "spotting": None,  # not "sitting"
        "motive": None,  # not "native" or "mobile"
        "benchmarked": "benchmark",
        "tesnorflwo": "tensorflow",
    }


def test_a_correction_keeps_the_first_letter_unless_it_reaches_a_framework(engine):
    corrected = {w: engine.lexicon.correct(w) for w in ("hating", "sensor", "fight", "kreas", "yptorch")}
    assert corrected == {
        "hating": None,  # not "eating"
        "sensor": None,  # not "tensor", the first word of "tensor flow"
        "fight": None,  # not "eight"
        "kreas": "keras",
        "yptorch": "pytorch",
    }


def test_a_letter_doubled_or_undoubled_is_corrected_however_many_edits_it_takes():
    terms = Counter(["beginners", "recommend", "diner", "pytorch"])
    english = frozenset(["dinner"])
    lexicon = Lexicon({}, Counter(), terms, names=["pytorch"], english=english)
    # Two edits that change the first half of the word: beyond the edit-distance search.
    assert lexicon.correct("begginers") == "beginners"
    assert lexicon.correct("reccomend") == "recommend"
    assert lexicon.correct("dinner") is None  # an English word of its own, not "diner"


def test_of_terms_as_many_edits_away_the_commonest_wins_whatever_its_length():
    terms = Counter({"training": 9, "tracing": 1, "pytorch": 1})
    lexicon = Lexicon({}, Counter(), terms, names=["pytorch"])
    assert lexicon.correct("traning") == "training"  # one edit from both


def test_nothing_is_corrected_to_a_short_cue_word(engine):
    corrected = {w: engine.lexicon.correct(w) for w in ("convs", "prose", "pytrch")}
    assert corrected == {"convs": None, "prose": None, "pytrch": "pytorch"}
    assert engine.ask("my pytorch convs are slow").kind != "cons"


def test_english_words_are_not_taken_for_typos_of_other_terms():
    terms = Counter(["closed", "export", "reserves", "efficiency", "recommended", "pytorch"])
    english = frozenset(["cloned", "expert", "reserve", "efficient", "recommender"])
    lexicon = Lexicon({}, Counter(), terms, names=["pytorch"], english=english)
    assert lexicon.correct("cloned") is None  # a word of its own, not "closed"
    assert lexicon.correct("expert") is None
    assert lexicon.correct("recommender") is None  # a recommender is not "recommended"
    assert lexicon.correct("reserve") == "reserves"  # another form of the same word
    assert lexicon.correct("efficient") == "efficiency"
    assert lexicon.correct("pytroch") == "pytorch"  # typos are still corrected


@pytest.mark.parametrize(
    ("word", "term", "same"),
    [
        ("reserve", "reserves", True),
        ("efficient", "efficiency", True),
        ("quicker", "quick", True),
        ("compile", "compiled", True),
        ("recommender", "recommended", False),
        ("cloned", "closed", False),
        ("position", "positive", False),
        ("seeing", "seeding", False),
    ],
)
def test_same_word_accepts_only_other_endings(word, term, same):
    assert same_word(word, term) is same


def test_the_english_word_list_holds_words_but_not_common_typos():
    words = english_words()
    assert {"cloned", "internet", "expert", "recommend", "winter"} <= words
    assert not {"pytroch", "deploymnet", "teh", "recieve", "wich", "instal", "tenser"} & words


def test_idioms_are_read_as_what_they_mean_not_word_by_word(engine):
    # "second class citizen" is about support, not a Python class (the jax-nn-libraries entry)
    assert engine.lexicon.analyse("is jax a second-class citizen on gpu").tokens == (
        "is", "jax", "a", "support", "on", "gpu",
    )  # fmt: skip
    # "which communities are shrinking" is no quantization question
    assert "quantization" not in engine.lexicon.analyse("which communities are shrinking").tokens


def test_the_word_list_keeps_words_seen_often_enough_lower_cased_and_once():
    counts = {"Cloned": 900, "cloned": 70, "instal": 50, "tenser": 59, "expert": 60}
    assert common_words(counts) == ["cloned", "expert"]
    text = word_list_text(["cloned", "expert"], "a test dictionary")
    assert [line for line in text.splitlines() if not line.startswith("#")] == ["cloned", "expert"]
