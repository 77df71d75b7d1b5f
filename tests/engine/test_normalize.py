import pytest

from bot.engine.normalize import normalize, stem, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pytörch VS TensorFlow???", "pytorch vs tensorflow"),
        ("ＴＦ　ｖｓ　ＰＴ", "tf vs pt"),  # full-width forms fold under NFKC
        ("soooo goooood", "soo good"),
        ("what's bad about tf", "what bad about tf"),  # a possessive or contracted 's goes
        ("tf's downsides", "tf downsides"),
        ("don’t", "dont"),
        ("c++ bindings!!", "c++ bindings"),
        ("tf.keras / jax.numpy", "tf keras jax numpy"),
        ("multi-gpu\tDDP\n", "multi gpu ddp"),
        ("🙂🙂🔥", ""),
        ("", ""),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_tokens_split_on_whitespace():
    assert tokens("  PyTorch,  TF ") == ["pytorch", "tf"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("models", "model"),
        ("compiled", "compil"),
        ("libraries", "library"),
        ("class", "class"),
        ("gpu", "gpu"),
        ("easier", "easy"),  # "easier to learn" meets "easy to learn"
        ("gpus", "gpu"),  # four-letter plurals meet their singular too
        ("tpus", "tpu"),
        ("loss", "loss"),
    ],
)
def test_stem_meets_both_sides(word, expected):
    assert stem(word) == expected


def test_stem_keeps_a_doer_apart_from_a_deed():
    # "computer vision" met "how is mAP computed", and "driver" never met "drive".
    assert stem("computer") != stem("computed")
    assert stem("servers") == stem("server") != stem("served")
