"""The question sentences of a long message: where its intent is asked.

"We have ~40 TF models in production and leadership wants everything on PyTorch.
How do people port trained weights?" names two frameworks and an aspect, but only
in its backstory: the question asks how to port weights. Cues read in the question
sentences decide what kind of answer is asked for; the whole message still ranks
the FAQ entries and supplies the frameworks a question leaves to its backstory
("…what are its weaknesses?").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.engine.cues import COMPARATIVES
from bot.engine.detect import Shape
from bot.engine.runs import has_any_run

SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")
COLON = re.compile(r"(?<=:)\s+")
COLON_LEAD_WORDS = 5
"""A colon ends a sentence of at least this many words ("…no fix needed, just want to know:
what are its weak points?"), not a heading ("keras vs pytorch: which is quicker to learn?")."""
QUESTION_END = re.compile(r"\?[\s\W]*$")
"""A sentence that ends in "?" (perhaps followed by an emoticon or a closing bracket)."""
QUESTION_WORDS = frozenset("which what whats what's how why should can could would is are do does".split())
"""Words that open a question even where the "?" is left out."""
POINTERS = frozenset("it its that this those these them there".split())
"""Words by which question sentences point into the backstory ("is that worth the cost?",
"which has the best libs for that stuff?"): they ask of it, not apart from it."""
IN_SPITE = tuple(itertools.product(("can", "could"), ("i", "we"), ("still",)))
"""So do "can i still …" and "could we still …": in spite of the backstory ("IT won't let me
install linux. can i still train on the gpu?"). Not a plain "still" ("is tensorflow still
maintained")."""
CHOICE_QUESTION_WORDS = 2
"""Question sentences that offer the frameworks by "or", or ask which to pick, with at most
this many words of their own ask for a pick, whatever aspect the backstory names (see
offers_a_choice and precedence.asks_otherwise)."""
MOST_OF_IT = 0.75
"""Question sentences longer than this share of the message read much as the whole does
(what is left is a greeting or a "thanks"): not worth reading again."""
ASKS_INDIRECTLY = re.compile(
    r"\b(?:wonder(?:ing)?|curious|(?:want|need|like|love) to (?:know|understand|hear)"
    r"(?!\s*[.!]?\s*$)(?!\s+(?:before|because|since|so|first)\b)"
    r"|understand (?:how|what|why|which|if|whether)|tell me|explain)\b",
    re.IGNORECASE,
)
"""An embedded question: "I need to understand how jax and pytorch compare on distributed
training", "wondering if keras is enough"; not "I'd like to understand before I sign off",
which says why the member asks, nor a bare "I want to know."."""


TIMES = frozenset("year week month semester term quarter weekend morning summer time".split())
"""After "this" or "that", a time ("planning an exit this year"), not a pointer."""


def points_into_backstory(asked: Sequence[str]) -> bool:
    """Whether the question sentences' words (``asked``) point into the backstory (see
    POINTERS and TIMES): they then ask of it, and cannot be read apart from it."""
    if has_any_run(asked, IN_SPITE):
        return True
    if POINTERS.isdisjoint(asked):
        return False
    return any(
        word in POINTERS and not (word in ("this", "that") and after in TIMES)
        for word, after in zip(asked, [*asked[1:], ""], strict=True)
    )


def question_part(text: str) -> str | None:
    """The sentences of ``text`` that ask something (see :func:`asks`), when it has other
    sentences too; None for a single sentence, a message that is all question, or one
    that asks nothing in so many words ("sell me on pytorch. my lead is a tf diehard")."""
    sentences = _sentences(text)
    asked = [s for s in sentences if asks(s)]
    if not asked or len(asked) == len(sentences):
        return None
    part = " ".join(asked)
    return part if len(part) <= MOST_OF_IT * len(text) else None


def opening_sentence(text: str) -> str | None:
    """The first sentence of ``text`` when it has others too, else None."""
    sentences = _sentences(text)
    return sentences[0] if len(sentences) > 1 else None


def _sentences(text: str) -> list[str]:
    """``text`` split into sentences, stripped, the empty ones left out (see SENTENCE_END
    and COLON_LEAD_WORDS)."""
    sentences = []
    for sentence in SENTENCE_END.split(text):
        current = ""
        for piece in COLON.split(sentence):
            current = f"{current} {piece}" if current else piece
            if current.endswith(":") and len(current.split()) >= COLON_LEAD_WORDS:
                sentences.append(current)
                current = ""
        sentences.append(current)
    return [s.strip() for s in sentences if s.strip()]


def asks(sentence: str) -> bool:
    """Ends in "?", opens with a question word ("which one would you pick for mobile") or
    embeds a question (ASKS_INDIRECTLY) that does not lead into the next sentence ("…just
    want to know: what are its weak points?" asks in the next)."""
    if QUESTION_END.search(sentence):
        return True
    first = sentence.split(maxsplit=1)[0].lower().strip("\"'*_(")
    return first in QUESTION_WORDS or (not sentence.endswith(":") and bool(ASKS_INDIRECTLY.search(sentence)))


def offers_a_choice(asking: Shape, content: frozenset[str]) -> bool:
    """Whether a long message's question sentences (``asking``, with its ``content``) ask for a
    pick with few words of their own (CHOICE_QUESTION_WORDS) and without pointing into the
    backstory: they offer the frameworks by "or" ("…lots of TPU credits. TensorFlow or JAX for
    new projects?") or ask which framework to pick ("Which framework should I learn? …"), but
    do not weigh a property ("…which one officially runs on more stuff?" compares on the
    backstory's aspect)."""
    asks_to_pick = asking.compare_by_or or (
        asking.asks_which_framework and COMPARATIVES.isdisjoint(asking.tokens)
    )
    return asks_to_pick and len(content) <= CHOICE_QUESTION_WORDS and not points_into_backstory(asking.tokens)
