"""Knowledge: load, check and hold the YAML knowledge base (no Discord, no I/O beyond files)."""

from bot.knowledge.issues import Issue, Severity
from bot.knowledge.loader import LoadResult, load_knowledge
from bot.knowledge.location import default_knowledge_dir
from bot.knowledge.model import (
    Aspect,
    Call,
    Cell,
    Decline,
    FaqEntry,
    Framework,
    KnowledgeBase,
    Point,
    Ref,
    UseCase,
    Verdict,
)

__all__ = [
    "Aspect",
    "Call",
    "Cell",
    "Decline",
    "FaqEntry",
    "Framework",
    "Issue",
    "KnowledgeBase",
    "LoadResult",
    "Point",
    "Ref",
    "Severity",
    "UseCase",
    "Verdict",
    "default_knowledge_dir",
    "load_knowledge",
]
