import pytest

from bot.engine.normalize import normalize, stem, tokens, without_file_paths


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
        ("layers + adam in c# # now", "layers adam in c# now"),  # a lone "+" or "#" is punctuation
        ("tf.keras / jax.numpy", "tf keras jax numpy"),
        ("multi-gpu\tDDP\n", "multi gpu ddp"),
        ("ok n tf?", "ok and tf"),  # "n" standing alone is chat shorthand for "and"
        ("BLOCK_N and __init__", "block n and init"),  # ...but not inside an identifier
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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "from 'transformers' (/usr/lib/python3.11/site-packages/transformers/__init__.py)",
            "from 'transformers' ( )",
        ),
        ('File "/home/me/train.py", line 3', 'File " ", line 3'),
        (r"saved it to C:\Users\me\model.h5 fine", "saved it to   fine"),
        ("see https://download.pytorch.org/whl/cu121", "see https://download.pytorch.org/whl/cu121"),
        ("tf/keras or torch/jax", "tf/keras or torch/jax"),
        ("and/or", "and/or"),
    ],
)
def test_file_paths_are_dropped_but_urls_and_word_pairs_stay(text, kept):
    assert without_file_paths(text) == kept
