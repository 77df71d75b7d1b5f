"""What a question means, beyond the words it shares with an entry: static sentence vectors.

The ranking in :mod:`bot.engine.rank` counts shared words, so a question worded
unlike every phrasing of the entry that answers it ("rip tensorflow? is google
even still working on it") shares too little to be answered. A sentence encoder
such as all-MiniLM-L6-v2 sees that it asks the TensorFlow-status question, but
takes ~10 ms a question; far over the engine's budget.

This module holds a static distillation of that encoder: one fixed vector per
WordPiece token, fitted offline (``bench/distill_embeddings.py``) so that the
mean of a sentence's token vectors approximates the encoder's own sentence
vector. Embedding a question is then a tokenisation and a mean (tens of
microseconds), and on questions the engine was never tuned on it picks the right
FAQ entry about as often as the encoder itself does.

The tokeniser is BERT's uncased WordPiece, written from its description: clean
and lower-case the text, strip accents, split on whitespace and punctuation (and
around CJK ideographs), then split each word greedily into the longest pieces
the vocabulary holds.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

EMBEDDINGS_FILE = "static-embeddings.npz"
"""In ``bot/engine/data``: ``vocab`` (the WordPiece tokens in id order, UTF-8, one per
line, as bytes), ``vectors`` (int8, a row per token) and ``scales`` (float32, per
dimension): a token's vector is its row times the scales."""
UNKNOWN_TOKEN = "[UNK]"
CONTINUATION = "##"
MAX_WORD_CHARS = 100
"""A longer word is one unknown token, as in BERT."""
MAX_TOKENS = 128
"""Tokens embedded per text, as in the distillation (longer texts were cut there too)."""
PIECES_MEMO_SIZE = 100_000

Vector = npt.NDArray[np.float32]


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True  # BERT counts all ASCII non-alphanumerics ("$", "^", "`") as punctuation
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ASCII_WORD_OR_MARK = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenisation: lower-cased, accent-free words and single punctuation marks."""
    if text.isascii():  # the common case, and 20 times faster than going character by character
        return ASCII_WORD_OR_MARK.findall(ASCII_CONTROL.sub("", text).lower())
    spaced = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        if char.isspace():
            spaced.append(" ")
        elif unicodedata.category(char).startswith("C"):
            continue  # control and format characters are dropped
        elif _is_cjk(code):
            spaced.append(f" {char} ")
        else:
            spaced.append(char)
    words = []
    for word in "".join(spaced).lower().split():
        plain = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        piece: list[str] = []
        for char in plain:
            if _is_punctuation(char):
                if piece:
                    words.append("".join(piece))
                    piece = []
                words.append(char)
            else:
                piece.append(char)
        if piece:
            words.append("".join(piece))
    return words


class WordPiece:
    """BERT's uncased WordPiece tokeniser over one vocabulary."""

    def __init__(self, vocab: Sequence[str]):
        """``vocab`` lists the tokens in id order; it must hold UNKNOWN_TOKEN."""
        self.ids = {token: index for index, token in enumerate(vocab)}
        self.unknown_id = self.ids[UNKNOWN_TOKEN]
        self._pieces_of: dict[str, tuple[int, ...]] = {}  # a memo: splitting a word is pure

    def __len__(self) -> int:
        return len(self.ids)

    def token_ids(self, text: str, limit: int = MAX_TOKENS) -> list[int]:
        """The ids of ``text``'s tokens, at most ``limit`` of them."""
        found: list[int] = []
        for word in basic_words(text):
            pieces = self._pieces_of.get(word)
            if pieces is None:
                pieces = self._pieces(word)
                if len(self._pieces_of) < PIECES_MEMO_SIZE:
                    self._pieces_of[word] = pieces
            found.extend(pieces)
            if len(found) >= limit:
                return found[:limit]
        return found

    def _pieces(self, word: str) -> tuple[int, ...]:
        """The longest vocabulary pieces that spell ``word``, left to right."""
        if len(word) > MAX_WORD_CHARS:
            return (self.unknown_id,)
        pieces = []
        start = 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                index = self.ids.get(piece)
                if index is not None:
                    pieces.append(index)
                    start = end
                    break
            else:
                return (self.unknown_id,)  # no piece fits: the whole word is unknown
        return tuple(pieces)


class StaticEmbedding:
    """A vector per WordPiece token; a text's vector is the normalised sum of its tokens'."""

    def __init__(self, vocab: Sequence[str], vectors: npt.NDArray[np.int8], scales: npt.NDArray[np.float32]):
        """``vectors[i] * scales`` is the vector of token ``vocab[i]``."""
        if len(vocab) != len(vectors) or vectors.shape[1:] != scales.shape:
            raise ValueError(f"{len(vocab)} tokens, vectors {vectors.shape}, scales {scales.shape}")
        self.wordpiece = WordPiece(vocab)
        self.width = int(scales.shape[0])
        self._vectors = vectors.astype(np.float32) * scales  # 16 MB; summing int8 rows is slower

    def embed(self, text: str) -> Vector | None:
        """The unit-length sentence vector of ``text``; None when it has no tokens."""
        ids = self.wordpiece.token_ids(text)
        if not ids:
            return None
        summed = self._vectors[ids].sum(axis=0)
        norm = math.sqrt(float(summed @ summed))
        return summed / norm if norm > 0 else None


@cache
def shipped_embedding() -> StaticEmbedding:
    """The embedding shipped with the package (loaded once per process; never changed after)."""
    data = resources.files("bot.engine").joinpath("data", EMBEDDINGS_FILE)
    with data.open("rb") as handle, np.load(handle) as arrays:
        vocab = arrays["vocab"].tobytes().decode("utf-8").split("\n")
        return StaticEmbedding(vocab, arrays["vectors"], arrays["scales"])


class PhrasingVectors:
    """Sentence vectors of every phrasing of some entries, to compare a question with.

    Framework names are left out on both sides (``names``): they are in most phrasings
    and most questions, and in a sum of a few token vectors they would outweigh what the
    question asks, so that "tensorflow.js still a thing?" came nearest the entry with
    the most phrasings that name TensorFlow. An entry is as close as the mean of its two
    closest phrasings: one stray phrasing should not decide.
    """

    def __init__(
        self, embedding: StaticEmbedding, phrasings_of: Mapping[str, Sequence[str]], names: Iterable[str] = ()
    ):
        """``phrasings_of`` maps an entry's id to its texts (its question and alternates)."""
        self.embedding = embedding
        spelled = sorted({n.lower() for n in names if n.strip()}, key=len, reverse=True)
        self._names = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, spelled)) + r")(?!\w)", re.IGNORECASE)
            if spelled
            else None
        )
        self._last: tuple[str | None, Vector | None] = (None, None)
        rows: list[Vector] = []
        self._rows_of: dict[str, tuple[int, int]] = {}
        for entry, texts in phrasings_of.items():
            start = len(rows)
            rows.extend(v for v in map(self.embed, texts) if v is not None)
            self._rows_of[entry] = (start, len(rows))
        self._matrix = np.vstack(rows) if rows else np.zeros((0, embedding.width), dtype=np.float32)

    def embed(self, text: str) -> Vector | None:
        """The vector of ``text`` without the framework names it uses (None when nothing is left)."""
        last_text, last_vector = self._last
        if text != last_text:  # a question is often embedded twice (read alone, and as asked)
            last_vector = self.embedding.embed(self._names.sub(" ", text) if self._names else text)
            self._last = (text, last_vector)
        return last_vector

    def similarities(self, query: Vector, entries: Sequence[str]) -> list[float]:
        """Per entry id of ``entries``: the mean cosine similarity of ``query`` with its two
        closest phrasings (its only one, if it has one; 0 without any)."""
        spans = [self._rows_of[entry] for entry in entries]
        rows = [row for start, end in spans for row in range(start, end)]
        scores: list[float] = (self._matrix[rows] @ query).tolist() if rows else []
        found = []
        offset = 0
        for start, end in spans:
            own = sorted(scores[offset : offset + end - start], reverse=True)[:2]
            offset += end - start
            found.append(sum(own) / len(own) if own else 0.0)
        return found
