"""Rebuild the English word list the engine ships (``bot/engine/data/english-words.txt``).

Run by hand when the list should change (not in CI, not at run time)::

    pip install -e ".[dev]"          # pyspellchecker is a development dependency
    python -m bench.english_words

The source is pyspellchecker's English frequency dictionary (MIT licensed; counts from
subtitle and book corpora, common misspellings removed). Its plain word-list entries,
never seen in those corpora, all carry the count 50; they include rare words that are
also common typos ("instal", "tenser"), so only words seen at least ``MIN_COUNT`` times
are kept. The engine reads the result as plain text: parsing the gzipped JSON of
160 000 counts took about 100-150 ms of every fresh process's first load.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping
from importlib import metadata, resources
from pathlib import Path

from bot.engine.english import WORDS_FILE

MIN_COUNT = 60
"""Words counted fewer times than this are not taken as English (see above)."""


def common_words(counts: Mapping[str, int], min_count: int = MIN_COUNT) -> list[str]:
    """The lower-case words counted at least ``min_count`` times, sorted, each once."""
    return sorted({word.lower() for word, count in counts.items() if count >= min_count})


def word_list_text(words: Iterable[str], source: str) -> str:
    """The shipped file: a header naming ``source``, then one word a line."""
    header = (
        f"# English words the typo corrector leaves alone; made by `python -m bench.english_words`\n"
        f"# from {source} (MIT licensed), words counted at least {MIN_COUNT} times.\n"
    )
    return header + "".join(f"{word}\n" for word in words)


def main() -> None:
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    words = common_words(counts)
    source = f"pyspellchecker {metadata.version('pyspellchecker')}'s English frequency dictionary"
    target = Path(str(resources.files("bot.engine").joinpath("data", WORDS_FILE)))
    target.write_text(word_list_text(words, source), encoding="utf-8")
    print(f"{len(words)} words written to {target}")


if __name__ == "__main__":
    main()
