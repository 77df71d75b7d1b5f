"""What the knowledge is missing: declined, unsure and down-voted questions, grouped.

Near-duplicates ("pytorch on iphone?", "pytroch on an iphone") form one row:
questions are compared in their analysed form (typos corrected, synonyms
rewritten), so wording differences that the engine ignores do not split rows.
Each row names the closest existing entry, and can suggest the YAML to add.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.engine.courtesy import is_acknowledgement
from bot.storage import StoredQuestion

SAME_GAP_SCORE = 75.0
"""token_sort_ratio (0-100) of analysed questions at or above which they are one gap."""
ALTERNATE_SCORE = 0.3
"""An FAQ entry at least this close gets the question as a new alternate; below, a new entry."""


@dataclass(frozen=True, slots=True)
class Gap:
    count: int
    example: str
    questions: tuple[str, ...]
    reasons: tuple[tuple[str, int], ...]
    last_asked: dt.datetime
    closest_id: str | None
    closest_title: str | None
    closest_score: float
    declined_topic: str | None = None
    """The declined topic (``declines`` in the knowledge) the example fits: declined on purpose."""

    def to_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "example": self.example,
            "questions": list(self.questions),
            "reasons": dict(self.reasons),
            "last_asked": self.last_asked.isoformat(),
            "closest": None
            if self.closest_id is None
            else {
                "kind": "faq",
                "id": self.closest_id,
                "title": self.closest_title,
                "score": round(self.closest_score, 3),
            },
            "declined_topic": self.declined_topic,
        }

    def _closest(self) -> dict[str, object]:
        return {
            "kind": "faq",
            "id": self.closest_id,
            "title": self.closest_title,
            "score": round(self.closest_score, 3),
        }


def reasons_for(row: StoredQuestion, low_confidence: float) -> list[str]:
    found = []
    if row.kind == "none":
        found.append("declined")
    elif row.confidence < low_confidence:
        found.append("low confidence")
    if row.down_votes > row.up_votes:
        found.append("down-voted")
    return found


def find_gaps(
    rows: Sequence[StoredQuestion], engine: Engine, *, low_confidence: float, limit: int = 20
) -> list[Gap]:
    """Group gap questions into rows, biggest first, each with its closest entry.

    Rows declined on purpose (they fit a declined topic) come after the others:
    they are gaps only if the topic should not be declined after all.
    """
    keys: list[str] = []
    members: list[list[StoredQuestion]] = []
    for row in rows:
        if row.text is None or not reasons_for(row, low_confidence):
            continue
        analysis = engine.lexicon.analyse(row.text)
        if is_acknowledgement(analysis.raw):
            continue  # "thanks!" is declined, but nothing is missing
        key = " ".join(analysis.tokens) or row.text.strip().casefold()
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SAME_GAP_SCORE)
        if found is None:
            keys.append(key)
            members.append([row])
        else:
            members[found[2]].append(row)
    members.sort(key=lambda group: (-len(group), -max(r.asked_at for r in group).timestamp()))
    gaps = [_gap(group, engine, low_confidence) for group in members]
    gaps.sort(key=lambda gap: gap.declined_topic is not None)  # stable: biggest first within each
    return gaps[:limit]


def _gap(group: list[StoredQuestion], engine: Engine, low_confidence: float) -> Gap:
    texts = Counter(r.text for r in group if r.text)
    example = texts.most_common(1)[0][0]
    reasons = Counter(reason for r in group for reason in reasons_for(r, low_confidence))
    answer = engine.ask(example)
    faq = next((c for c in answer.candidates[1:] if c.kind == "faq" and c.id is not None), None)
    closest_id = faq.id if faq is not None else None
    entry = engine.knowledge.faq.get(closest_id) if closest_id is not None else None
    title = entry.question if entry is not None else None
    return Gap(
        count=len(group),
        example=example,
        questions=tuple(t for t, _ in texts.most_common(5)),
        reasons=tuple(sorted(reasons.items())),
        last_asked=max(r.asked_at for r in group),
        closest_id=closest_id,
        closest_title=title,
        closest_score=faq.score if faq is not None else 0.0,
        declined_topic=answer.declined_topic if answer.kind == "none" else None,
    )


def slug_of(text: str, limit: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words[:limit]) or "new-entry"


def suggestion_yaml(gap: Gap, engine: Engine, today: dt.date) -> str:
    """A ready YAML snippet: a new alternate of the closest entry, or a new entry stub.

    For a row declined on purpose, a note on where that happens instead.
    """
    kb = engine.knowledge
    topic = kb.declines.get(gap.declined_topic or "")
    if topic is not None:
        return (
            f"# declined on purpose: it fits the declined topic '{topic.id}' ({topic.origin}).\n"
            "# To answer it instead, add it to an entry's alternates and reword that topic's phrasings."
        )
    if gap.closest_id is not None and gap.closest_score >= ALTERNATE_SCORE:
        entry = kb.faq[gap.closest_id]
        new = [q for q in gap.questions if q not in entry.alternates][:3]
        snippet = yaml.safe_dump({"alternates": new}, allow_unicode=True, sort_keys=False, width=100)
        indented = "".join(f"    {line}\n" for line in snippet.splitlines()[1:])
        return f"# add to the alternates of '{entry.id}' ({entry.origin}):\n{indented}"
    stub = {
        "id": slug_of(gap.example),
        "question": gap.example.strip().rstrip("?") + "?",
        "alternates": list(gap.questions[1:4]),
        "answer": "TODO: the answer, in our own words.",
        "tags": [],
        "sources": ["https://TODO"],
        "reviewed": today.isoformat(),
    }
    body = yaml.safe_dump([stub], allow_unicode=True, sort_keys=False, width=100)
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    return f"# a new entry for a faq/*.yaml file:\n{indented}"
