"""Reading a long message by some of its sentences, when the whole of it reads unsurely.

A member often tells a story around the question ("we run 8 GPUs, half the team is new,
finance wants AMD… which framework has the best ROCm support?"). The engine reads the
whole message first; the readers here look again at its question sentences, or at the
sentence it opens with (see focus.py for how sentences are picked), and are asked only
when the whole leaves room: a follow-up those sentences make, or an entry the whole is
too diluted by its backstory to answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.engine.answer import Answer
from bot.engine.detect import Shape, shape_of
from bot.engine.entities import EntityTable
from bot.engine.finish import MAX_SUGGESTIONS
from bot.engine.focus import opening_sentence, points_into_backstory
from bot.engine.lastturn import LastTurnReader, Ranker
from bot.engine.lexicon import Lexicon
from bot.engine.rank import FaqIndex, Ranked, plain_words
from bot.engine.reading import Reading
from bot.engine.standalone import StandaloneReader
from bot.knowledge import FaqEntry

QUESTION_ALONE_CONFIDENCE = 0.75
QUESTION_ALONE_WORDS = 2
QUESTION_ALONE_SURE = 0.95
"""See :meth:`SentenceReader.as_its_question_asks`."""

Focus = Callable[[], tuple[Shape, frozenset[str]]]
"""The shape and content words of a message's question sentences, computed when first asked."""

ContentWords = Callable[[Sequence[str]], frozenset[str]]
"""The leftover words of a shape that carry meaning of their own (Engine._content)."""


class SentenceReader:
    """Reads parts of long messages; one per knowledge load, like the engine."""

    def __init__(
        self,
        lexicon: Lexicon,
        entities: EntityTable,
        faq_index: FaqIndex,
        readings: StandaloneReader,
        last_turn: LastTurnReader,
        rank: Ranker,
        content: ContentWords,
    ) -> None:
        self.lexicon = lexicon
        self.entities = entities
        self.faq_index = faq_index
        self.readings = readings
        self.last_turn = last_turn
        self._rank = rank
        self._content = content

    def focus(self, part: str, whole: Shape) -> tuple[Shape, frozenset[str]]:
        """The shape and content of ``part``, the question sentences of a message that has
        others too (see focus.py). The frameworks the whole message names stand in for those
        of a question that names none ("what are its weaknesses?") or asks "which one" of them."""
        analysis = self.lexicon.analyse(part)
        shape = shape_of(analysis.tokens, self.entities, analysis.raw)
        if whole.frameworks and (not shape.frameworks or shape.points_back):
            shape = replace(shape, frameworks=whole.frameworks)
        return shape, self._content(shape.leftover)

    def follow_up_by_its_opening(self, asked: str, previous: Answer) -> Reading | None:
        """The follow-up a message opens with ("and with JAX? we'll use it in the advanced
        part of the course, so I'd like to know the options"), when the whole reads as
        nothing sure: the sentences after the opening one only say why it asks."""
        opening = opening_sentence(asked)
        if opening is None:
            return None
        analysis = self.lexicon.analyse(opening)
        shape = shape_of(analysis.tokens, self.entities, analysis.raw)
        if not shape.follow_up_opener:
            return None
        ranked = self._rank(analysis.tokens, shape, MAX_SUGGESTIONS + 2)
        content = self._content(shape.leftover)
        own = self._content(shape.origin_free_leftover())
        return self.last_turn.read(shape.tokens, shape, content, own, ranked, None, opening, previous)

    def follow_up_by_its_question(
        self,
        focus: Focus,
        ranked: Sequence[Ranked],
        exact: FaqEntry | None,
        asked: str,
        previous: Answer,
    ) -> Reading | None:
        """The reading of a long message whose question sentences (``focus``: their shape and
        content) lean on the last answer though the whole, with its other sentences, does not:
        "perfect thanks. now what are its cons? the wiki page should be balanced, not a fan
        page". Only when they point at something ("its", "that"), and for a pros, cons,
        comparison or verdict."""
        shape, content = focus()
        if not points_into_backstory(shape.tokens):
            return None  # "never trained a net before. where do i even start?" stands alone
        own = self._content(shape.origin_free_leftover())
        reading = self.last_turn.read(shape.tokens, shape, content, own, ranked, exact, asked, previous)
        # An FAQ entry is left to the whole message, whose other sentences say what it is
        # about ("gpu util sits at 30%… is it my input pipeline?" asks of data loading).
        return reading if reading is not None and reading.kind != "faq" else None

    def as_its_question_asks(self, focus: Focus, ranked: Sequence[Ranked]) -> Reading | None:
        """The FAQ entry a long message's question sentences ask for, when the whole message
        is too diluted by its backstory to answer, or answers an entry only unsurely ("is
        tensorflow dead? genuinely asking. I see pytorch everywhere…"): only an entry the
        whole message ranks first too, matched surely (QUESTION_ALONE_CONFIDENCE) by two or
        more words of the question's own, or by one when the question sentences do not point
        into the backstory ("which is quickest? our CEO just wants the quickest one", not
        "…3 tokens/sec. how to speed it up").
        An entry the whole message does not rank first needs the question sentences alone
        to be all but certain of it (QUESTION_ALONE_SURE) and not to point into the backstory
        ("TENSORFLOW DEPRECATED?? saw a tweet, our whole inference stack is tf")."""
        if not ranked:
            return None
        shape, content = focus()
        into_backstory = points_into_backstory(shape.tokens)
        needed = QUESTION_ALONE_WORDS if into_backstory else 1
        matches_the_best = len(self.faq_index.content(shape.tokens) & ranked[0].named) >= needed
        if into_backstory and not matches_the_best:
            return None  # only the whole message's best entry may answer, and it is not matched
        own = self._rank(shape.tokens, shape, MAX_SUGGESTIONS + 2)
        if not own or len(plain_words(own[0].matched)) < needed:
            return None  # "…2 tokens/sec. how to speed it up" matches on "speed" alone
        exact = self.faq_index.exact(shape.tokens)
        alone = self.readings.read(shape, content, own, exact)
        if not _sure_of_an_entry(alone) and shape.frameworks_its_words_name != shape.frameworks:
            # "…I'm a torch person. what do grad / jit / vmap / pmap actually do?": the
            # framework the backstory lends the question must not count against JAX's entry.
            lent_none = replace(shape, frameworks=shape.frameworks_its_words_name)
            alone = self.readings.read(lent_none, content, own, exact)
        if not _sure_of_an_entry(alone):
            return None
        same = alone.id == ranked[0].entry.id
        if not same and (into_backstory or alone.confidence < QUESTION_ALONE_SURE):
            return None  # the question sentences rank another entry first: not the one to answer
        if same and not matches_the_best:
            return None  # cannot match the whole message's best entry's phrasings by enough words
        return replace(alone, why=f"read by its question sentences: {alone.why}")


def _sure_of_an_entry(reading: Reading) -> bool:
    """Whether question sentences read alone name an FAQ entry surely (QUESTION_ALONE_CONFIDENCE)."""
    return reading.kind == "faq" and reading.confidence >= QUESTION_ALONE_CONFIDENCE
