"""The answer engine: question in, resolved answer out (pure, synchronous, no I/O)."""

from bot.engine.answer import KINDS, Answer, Candidate, Context, Kind, Suggestion, Thresholds
from bot.engine.engine import Engine, KnowledgeLoadError

__all__ = [
    "KINDS",
    "Answer",
    "Candidate",
    "Context",
    "Engine",
    "Kind",
    "KnowledgeLoadError",
    "Suggestion",
    "Thresholds",
]
