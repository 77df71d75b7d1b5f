"""The static sentence vectors: BERT's WordPiece tokenisation, and what the vectors are for."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.semantic import MAX_TOKENS, PhrasingVectors, StaticEmbedding, shipped_embedding

# Token ids from the reference tokeniser of all-MiniLM-L6-v2 (Hugging Face `tokenizers`
# with the model's tokenizer.json), which the shipped vectors were distilled with.
REFERENCE_IDS = {
    "PyTorch vs TensorFlow?!": [1052, 22123, 2953, 2818, 5443, 23435, 12314, 1029, 999],
    "naïve Café": [15743, 7668],
    "jax.jit(f)(x)": [13118, 1012, 10147, 2102, 1006, 1042, 1007, 1006, 1060, 1007],
    "日本語 ok": [1864, 1876, 1950, 7929],
    "tenserflow on my phone": [9049, 12881, 8261, 2006, 2026, 3042],
    "x" * 101: [100],
    "tab\there\x07bell": [21628, 2182, 17327],
    "supercalifragilistic": [3565, 9289, 10128, 29181, 24411, 4588],
}


@pytest.fixture(scope="module")
def embedding() -> StaticEmbedding:
    return shipped_embedding()


@pytest.mark.parametrize(("text", "ids"), REFERENCE_IDS.items())
def test_tokenisation_matches_the_reference_wordpiece(embedding, text, ids):
    assert embedding.wordpiece.token_ids(text) == ids


def test_a_question_is_closer_to_its_paraphrase_than_to_another_topic(embedding):
    question = embedding.embed("rip tensorflow? is google even still working on it")
    status = embedding.embed("Is TensorFlow still maintained by Google?")
    phones = embedding.embed("Can I run PyTorch models on a phone?")
    weather = embedding.embed("what's the weather like tomorrow")
    assert question is not None and status is not None and phones is not None and weather is not None
    assert float(question @ status) > float(question @ phones) + 0.1
    assert float(question @ status) > float(question @ weather) + 0.1


def test_text_without_tokens_has_no_vector(embedding):
    assert embedding.embed("") is None
    assert embedding.embed(" \t\n") is None


def test_arrays_that_do_not_fit_together_are_refused():
    vocab = ["[UNK]", "a"]
    with pytest.raises(ValueError):
        StaticEmbedding(vocab, np.zeros((3, 4), dtype=np.int8), np.ones(4, dtype=np.float32))
    with pytest.raises(ValueError):
        StaticEmbedding(vocab, np.zeros((2, 4), dtype=np.int8), np.ones(3, dtype=np.float32))


def test_an_entry_is_as_close_as_its_two_closest_phrasings_and_zero_without_any():
    vectors = np.array([[0, 0], [10, 0], [0, 10], [7, 7]], dtype=np.int8)
    toy = StaticEmbedding(["[UNK]", "east", "north", "northeast"], vectors, np.ones(2, dtype=np.float32))
    phrasings = PhrasingVectors(
        toy, {"a": ("east", "north", "northeast"), "b": ("north",), "c": ("east",), "d": ()}
    )
    north = toy.embed("north")
    assert north is not None
    closeness = phrasings.similarities(north, ["a", "b", "c", "d"])
    assert closeness == pytest.approx([(1.0 + 0.5**0.5) / 2, 1.0, 0.0, 0.0])
    assert phrasings.similarities(north, ["c", "b"]) == pytest.approx([0.0, 1.0])


def test_framework_names_are_left_out_on_both_sides():
    vectors = np.array([[0, 0], [10, 0], [0, 10]], dtype=np.int8)
    toy = StaticEmbedding(["[UNK]", "keras", "speed"], vectors, np.ones(2, dtype=np.float32))
    phrasings = PhrasingVectors(toy, {"a": ("keras speed",)}, names=["Keras"])
    query = phrasings.embed("KERAS speed?")
    assert query is not None and phrasings.similarities(query, ["a"]) == pytest.approx([1.0])
    assert phrasings.embed("keras") is None
    assert toy.embed("keras") is not None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_gives_bounded_tokens_and_a_unit_vector_or_none(text):
    embedding = shipped_embedding()
    assert len(embedding.wordpiece.token_ids(text)) <= MAX_TOKENS
    vector = embedding.embed(text)
    assert vector is None or abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
