"""Shared fixtures: small knowledge directories written from text."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from bot.engine import Engine
from bot.knowledge import default_knowledge_dir

# CI runs the property tests on a fixed set of examples (a red CI must mean a change
# broke something, not a lucky draw); local runs keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ANSWER_KEYS = frozenset(
    {
        "query",
        "kind",
        "id",
        "frameworks",
        "aspect",
        "framework",
        "use_case",
        "confidence",
        "suggestions",
        "text",
    }
)
"""The keys of the JSON answer, as PRODUCT.md lists them."""

MINI_FRAMEWORKS = """\
frameworks:
  - id: alpha
    name: Alpha
    maker: Alpha Labs
    summary: A tiny framework for tests.
    aliases: [alf]
    homepage: https://alpha.example.org/
    sources: [https://alpha.example.org/docs]
    reviewed: 2026-11-01
    pros:
      - point: Quick
        detail: It starts fast.
    cons:
      - point: Small
        detail: Few people use it.
  - id: beta
    name: Beta
    maker: Beta Inc
    summary: Another tiny framework.
    homepage: https://beta.example.org/
    sources: [https://beta.example.org/docs]
    reviewed: 2026-11-01
    pros:
      - point: Sturdy
        detail: It rarely breaks.
    cons:
      - point: Slow
        detail: It takes its time.
"""

MINI_MATRIX = """\
aspects:
  - id: speed
    name: Speed
    aliases: [fast]
    description: How fast it trains.
    reviewed: 2026-11-01
    cells:
      alpha:
        value: Fast
        rating: 4
        rating_reason: Quick kernels.
        sources: [https://alpha.example.org/perf]
      beta:
        value: Slow
        rating: 2
        rating_reason: Interpreted.
        sources: [https://beta.example.org/perf]
"""

MINI_FAQ = """\
faq:
  - id: install
    question: How do I install Alpha?
    alternates: [alpha setup]
    answer: Use pip.
    related: [aspect:speed]
    tags: [install]
    sources: [https://alpha.example.org/install]
    reviewed: 2026-11-01
  - id: speed
    question: Which one trains faster?
    answer: Alpha, mostly.
    related: [install]
    sources: [https://alpha.example.org/perf]
    reviewed: 2026-11-01
"""

MINI_REST = """\
use_cases:
  - id: research
    name: Research
    aliases: [papers]
verdicts:
  - id: alpha-vs-beta
    frameworks: [alpha, beta]
    overall:
      summary: Alpha for speed, Beta for stability.
      recommendation: depends
      conditions: [Pick Alpha if speed matters.]
    use_cases:
      research: {summary: Alpha., recommendation: alpha}
    sources: [https://alpha.example.org/]
    reviewed: 2026-11-01
synonyms:
  speed: [quick, perf]
"""

MINI_FILES = {
    "frameworks.yaml": MINI_FRAMEWORKS,
    "matrix.yaml": MINI_MATRIX,
    "faq.yaml": MINI_FAQ,
    "rest.yaml": MINI_REST,
}

WriteKnowledge = Callable[..., Path]


@pytest.fixture
def write_knowledge(tmp_path: Path) -> WriteKnowledge:
    """Write a knowledge directory: the mini files, overridden or extended by ``files``.

    Pass ``name=None`` to drop a mini file; values may be ``str`` or ``bytes``.
    """

    def write(files: dict[str, str | bytes | None] | None = None, *, base: bool = True) -> Path:
        directory = tmp_path / "knowledge"
        directory.mkdir(exist_ok=True)
        merged: dict[str, str | bytes | None] = dict(MINI_FILES) if base else {}
        merged.update(files or {})
        for name, content in merged.items():
            if content is None:
                continue
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return directory

    return write


@pytest.fixture(scope="session")
def shipped_dir() -> Path:
    return default_knowledge_dir()


@pytest.fixture(scope="session")
def engine(shipped_dir: Path) -> Engine:
    """The engine on the shipped knowledge, shared: it is immutable."""
    return Engine.from_directory(shipped_dir)
