"""What a message says to the bot rather than asks it: greetings, the bot's name, thanks,
what it does not ask.

Applied to the raw text before a question is read (``without_address``,
``without_disclaimers``, ``without_acknowledgement``), or to its words (``is_acknowledgement``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ACKNOWLEDGEMENTS = frozenset(
    {
        "thanks", "thank", "thx", "ty", "tysm", "cheers", "cool", "nice", "great", "perfect",
        "awesome", "amazing", "neat", "sweet", "gotcha", "ok", "okay", "k", "kk", "alright",
        "appreciated", "appreciate", "helpful", "noted", "wow", "fair", "true", "right",
    }
)  # fmt: skip
ACKNOWLEDGEMENT_FILLER = frozenset(
    {
        "you", "u", "so", "much", "a", "lot", "very", "that", "this", "it", "was", "is", "got",
        "makes", "sense", "helps", "helped", "bot", "man", "bro", "dude", "again", "yeah", "yes",
        "yep", "sure", "for", "the", "help", "info", "answer", "lol", "haha", "really", "super",
        "everyone", "everybody", "all", "guys", "folks", "yall", "people", "server", "community",
        "here", "place", "channel", "love", "i", "and", "best",
    }
)  # fmt: skip


_ACK_WORDS = "|".join(sorted(ACKNOWLEDGEMENTS | ACKNOWLEDGEMENT_FILLER, key=len, reverse=True))
_LEADING_ACKNOWLEDGEMENT = re.compile(rf"^\W*(?:(?:{_ACK_WORDS})\b\W*?)+[,.!;:]+\s*(?=\w)", re.IGNORECASE)


BOT_NAME = "versus"
"""The bot's own name, which the knowledge also reads as "vs"."""
_GREETINGS = "hey|hi|hello|hiya|yo|oi|dear"
_CALLS = f"{_GREETINGS}|ok|okay|thanks|thank you|thx|ty|cheers|bye|gn|night"
_LEADING_ADDRESS = re.compile(
    rf"^\W*(?:(?:{_GREETINGS})\b[\s,!.]*(?:{BOT_NAME}\b[\s,:;!?.]*)?"
    rf"|(?P<call>{_CALLS})\W+{BOT_NAME}\b[\s,:;!?.]*"
    rf"|{BOT_NAME}(?:[,:;!?.]+\s*|\s*$))",
    re.IGNORECASE,
)
_TRAILING_ADDRESS = re.compile(rf"(?:\s*,\s*|\b(?P<call>{_CALLS})\s+){BOT_NAME}\W*$", re.IGNORECASE)


def without_address(text: str) -> str:
    """``text`` without a leading greeting, and without the bot's name where it calls the bot
    ("hey versus, what is jax", "versus: what is jax", "thanks versus!"): after a greeting
    or before punctuation at the start, or at the end after a comma or a greeting. There
    it compares nothing, and would read as "vs"; "versus tensorflow?" after "pytorch for
    mobile" still compares. "hey, what is jax" asks what "what is jax" asks."""
    text = _LEADING_ADDRESS.sub(lambda found: f"{found['call']} " if found["call"] else "", text, count=1)
    return _TRAILING_ADDRESS.sub(lambda found: found["call"] or "", text, count=1)


# "(I'm) not asking / not looking for" and the rest of its clause, with the punctuation ending it.
_DISCLAIMED_ASK = re.compile(
    r"\b(?:i'?m\s+|i\s+am\s+)?not\s+(?:asking|looking\s+for)\b[^,.;:!?]*[,.;:!?]*\s*", re.IGNORECASE
)


def without_disclaimers(text: str) -> str:
    """``text`` without what it says it does not ask, up to the next punctuation: "how do
    they differ? not asking which is better, just the differences" asks no verdict."""
    return _DISCLAIMED_ASK.sub(" ", text) if "not" in text.lower() else text


def without_acknowledgement(text: str) -> str:
    """The question after a leading "nice," or "thanks! …": "nice, and jax?" → "and jax?"."""
    while found := _LEADING_ACKNOWLEDGEMENT.match(text):
        text = text[found.end() :]  # "great, thank you! which…" drops both
    return text


def is_acknowledgement(raw: Sequence[str]) -> bool:
    """Whether the words only acknowledge the last answer ("thanks!", "ok cool", "got it, thank you")."""
    words = set(raw)
    return bool(words & ACKNOWLEDGEMENTS) and words <= ACKNOWLEDGEMENTS | ACKNOWLEDGEMENT_FILLER
