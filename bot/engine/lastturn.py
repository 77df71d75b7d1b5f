"""Reading a question in the light of the last answer: the follow-up's own reading
(see followup.py), the FAQ follow-ups that need the knowledge ("and tensorflow?" after an
entry about PyTorch), and what "it" stands for. The engine asks this only when there is a
last answer to lean on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial

from bot.engine.answer import Answer, Kind
from bot.engine.cues import ANAPHORA, PRONOUN
from bot.engine.detect import Shape, shape_of
from bot.engine.entities import EntityTable, concepts
from bot.engine.finish import MAX_SUGGESTIONS
from bot.engine.followup import (
    FOLLOW_UP_CONFIDENCE,
    asks_something,
    compares_those_before,
    follow_up,
    it_beside_a_name,
    it_of_the_last_answer,
    it_used_with,
    leans_on_context,
    says_it_follows_up,
)
from bot.engine.judged import THAN
from bot.engine.lexicon import Lexicon
from bot.engine.normalize import readable
from bot.engine.precedence import narrows_the_comparison
from bot.engine.rank import FaqIndex, Ranked
from bot.engine.reading import Reading
from bot.engine.siblings import SiblingIndex
from bot.engine.standalone import StandaloneReader
from bot.knowledge import FaqEntry, KnowledgeBase

ALONE_LEAD = 0.2
"""How much more confident a follow-up's own reading must be to beat the follow-up reading."""

YES_NO_OPENERS = frozenset({"can", "could", "does", "do", "will", "would", "is", "are"})
"""First words of a question asking yes or no ("does it use the gpu on an m1 mac")."""

Ranker = Callable[[Sequence[str], Shape, int], list[Ranked]]
"""Ranks FAQ entries for words of the given shape, at most so many (Engine._rank)."""


class LastTurnReader:
    """Reads follow-ups against the last answer; one per knowledge load, like the engine."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        lexicon: Lexicon,
        entities: EntityTable,
        faq_index: FaqIndex,
        readings: StandaloneReader,
        siblings: SiblingIndex,
        rank: Ranker,
    ) -> None:
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.entities = entities
        self.faq_index = faq_index
        self.readings = readings
        self._siblings = siblings
        self._rank = rank

    def read(
        self,
        words: Sequence[str],
        shape: Shape,
        content: frozenset[str],
        own: frozenset[str],
        ranked: Sequence[Ranked],
        exact: FaqEntry | None,
        question: str,
        previous: Answer,
    ) -> Reading | None:
        """The reading of a question that leans on ``previous`` ("and jax?", "why?"), or
        ``None`` when it stands on its own. ``content`` holds its content words, ``own``
        those less the words that only say where a model came from ("and if it was built
        in keras?")."""
        if not leans_on_context(shape, own, after_a_comparison=previous.kind == "compare"):
            return None
        judging = shape.pros or shape.cons or shape.cons_word != shape.pros_word
        weighing = len(shape.frameworks) == 1 and (shape.compare or THAN in shape.tokens)
        about = self.about(previous, adding=shape.adds, judging=judging, weighing=weighing)
        entry = self.knowledge.faq.get(previous.id or "") if previous.kind == "faq" else None
        on_aspect = entry.aspects[0] if entry is not None and len(entry.aspects) == 1 else None
        reading = follow_up(shape, previous, self.readings.shapes.verdict, about, own, on_aspect)
        if reading is None and previous.kind == "faq" and says_it_follows_up(shape):
            reading = self._faq_follow_up(words, shape, own, previous, about, question)
        if reading is None:
            return None
        return self._unless_it_stands_alone(reading, shape, content, ranked, exact, question, previous)

    def judging_what_was_told(self, shape: Shape, told: Answer) -> Reading | None:
        """The pros or cons of the one framework named by ``told``, a message the bot did not
        answer ("planning my masters thesis in jax, physics sims"), when the question asks
        for them of no framework it names ("what are its strong points tho", "what
        limitations should I warn my students about"): the member set the scene, then asked."""
        if shape.frameworks or shape.aspects or not (shape.pros or shape.cons):
            return None
        named = self._named_in(told.query)
        if len(named) != 1:
            return None
        kind: Kind = "cons" if shape.cons else "pros"
        why = f"the {kind} of the framework the message before named"
        return Reading(kind, FOLLOW_UP_CONFIDENCE, why, framework=named[0])

    def _named_in(self, question: str) -> tuple[str, ...]:
        """The frameworks an earlier ``question`` named (read again: answers keep only the text)."""
        return shape_of(self.lexicon.analyse(readable(question)).tokens, self.entities).frameworks

    def naming_it(self, words: Sequence[str], shape: Shape, previous: Answer) -> tuple[str, ...] | None:
        """``words`` with an "it" that stands for the last answer's framework, offered beside
        another's name or used "with it" (see it_beside_a_name, it_used_with), replaced by
        the one framework the last answer was about, if it was about one other."""
        at = it_beside_a_name(shape)
        if at is None:
            at = it_used_with(shape)
        return None if at is None else self._it_replaced(words, shape, at, previous)

    def maybe_naming_it(self, words: Sequence[str], shape: Shape, previous: Answer) -> tuple[str, ...] | None:
        """``words`` with the first "it" of a question that names no framework replaced by
        the one framework the last answer was about: "do people still use it for research"
        may ask it of that framework, or not ("how do i put it behind an api"), so the
        engine reads the question both ways and keeps the surer reading."""
        at = it_of_the_last_answer(shape)
        return None if at is None else self._it_replaced(words, shape, at, previous)

    def _it_replaced(
        self, words: Sequence[str], shape: Shape, at: int, previous: Answer
    ) -> tuple[str, ...] | None:
        """``words`` with the "it" at ``at`` replaced by the one framework ``previous`` was
        about; ``None`` if it was about none, several, or one the question names already."""
        about = self.about(previous, judging=True)
        if len(about) != 1 or about[0] in shape.frameworks:
            return None
        return (*words[:at], about[0], *words[at + 1 :])

    def _unless_it_stands_alone(
        self,
        reading: Reading,
        shape: Shape,
        content: frozenset[str],
        ranked: Sequence[Ranked],
        exact: FaqEntry | None,
        question: str,
        previous: Answer,
    ) -> Reading:
        """The follow-up ``reading``, or the question read on its own if that fits better.

        "license of jax?" names a framework and little else, like "and jax?", but it is a
        question of its own when the knowledge answers it as one: on a tie it stands alone.
        ("mobile?" after a comparison names no framework: it narrows the comparison.)
        A follow-up with words of its own ("is there a torchvision equivalent for
        tensorflow") stands alone when that reading is clearly (ALONE_LEAD) more confident.
        After a verdict, a question on an aspect that asks no comparison of its own ("can i
        run it on my m2 macbook gpu") stands alone when that reading is merely more confident:
        the verdict had no aspect to narrow, so the aspect alone is no sign of a follow-up.
        """
        # Read on its own at most once, and only where a rule below needs it.
        read_alone = cache(partial(self.readings.read, shape, content, ranked, exact, question))
        if self._narrows_to_one_platform(reading, shape, ranked, read_alone):
            return read_alone()
        if reading.kind == "compare" and compares_those_before(shape):
            return reading
        names_only = bool(shape.frameworks) and not says_it_follows_up(shape) and not asks_something(shape)
        asks_of_it = self._asks_of_it_after_a_verdict(reading, shape, previous)
        if not names_only and not content and not asks_of_it:
            return reading
        alone = read_alone()
        lead = 0.0 if names_only or asks_of_it else ALONE_LEAD
        if alone.kind != "none" and alone.confidence >= reading.confidence + lead:
            return alone
        return reading

    def _narrows_to_one_platform(
        self, reading: Reading, shape: Shape, ranked: Sequence[Ranked], read_alone: Callable[[], Reading]
    ) -> bool:
        """Whether the question, read on its own (``read_alone``), asks yes or no of one
        platform the last comparison's aspect is split by (see narrows_the_comparison): "can
        either use the gpu on an m3 mac", "does either run on tpus". Not when it asks to
        compare, pick or weigh ("which of them is faster on tpus"), nor for a bare "apple
        silicon?", which narrows the comparison."""
        split = self.readings.split_aspects
        if reading.kind != "compare" or reading.aspect not in split or not ranked:
            return False
        if shape.compare or shape.verdict or shape.weighs_a_property or shape.asks_which_framework:
            return False
        if YES_NO_OPENERS.isdisjoint(shape.tokens):
            return False
        return narrows_the_comparison(reading, read_alone(), ranked[0], split)

    @staticmethod
    def _asks_of_it_after_a_verdict(reading: Reading, shape: Shape, previous: Answer) -> bool:
        """Whether ``reading`` compares the last verdict's frameworks on an aspect a yes-or-no
        question names without asking for a comparison or a pick ("which runs better on a
        mac", "what about on a mac" do ask for one)."""
        return (
            previous.kind == "verdict"
            and reading.kind == "compare"
            and not shape.frameworks
            and not (shape.compare or shape.verdict or shape.weighs_a_property or shape.asks_which_framework)
            and not shape.follow_up_opener
            and bool(shape.tokens)
            and shape.tokens[0] in YES_NO_OPENERS  # "deployment?" and "tpus?" still narrow the verdict
        )

    def _without_frameworks(self, words: Sequence[str], frameworks: Sequence[str]) -> tuple[str, ...]:
        """``words`` without the names of ``frameworks``: a follow-up that turns to another
        framework asks the last question of it, not of both."""
        named = {
            i
            for m in shape_of(words, self.entities).mentions
            if m.kind == "framework" and m.id in frameworks
            for i in range(m.start, m.end)
        }
        return tuple(w for i, w in enumerate(words) if i not in named)

    def about(
        self, answer: Answer, adding: bool = False, judging: bool = False, weighing: bool = False
    ) -> tuple[str, ...]:
        """The frameworks an answer is about; for an FAQ entry, those it names (maybe none).

        An entry that names none answers for any framework, so "and jax?" asks it again.
        But when the question weighed two or more ("jax vs pytorch speed?") and the
        follow-up is ``adding`` one ("add keras to that"), the answer was about those
        two, and the comparison widens. And when the follow-up is ``judging`` "it" ("ok
        but what's bad about it" after "why does anyone still use keras"), or ``weighing``
        it against one other ("how does that compare to tf's approach?" after "how do I do
        multi-gpu training in pytorch?"), it is about the one framework the question named.
        """
        if answer.framework is not None:
            return (answer.framework,)
        entry = self.knowledge.faq.get(answer.id or "") if answer.kind == "faq" else None
        if entry is None:
            return answer.frameworks
        if entry.frameworks or not (adding or judging or weighing):
            return entry.frameworks
        named = self._named_in(answer.query)
        if judging or weighing:
            return named if len(named) == 1 else ()
        return named if len(named) >= 2 else ()

    def _faq_follow_up(
        self,
        words: Sequence[str],
        shape: Shape,
        content: frozenset[str],
        previous: Answer,
        about: Sequence[str],
        question: str,
    ) -> Reading | None:
        """A follow-up ``question`` to an FAQ answer that the entry itself does not answer;
        ``about`` is what the last answer was about (see :meth:`about`).

        - "and tensorflow?" after an entry about PyTorch: the sibling entry that asks the
          same for TensorFlow (see siblings.py), or else, for an entry on one aspect
          (phones), that aspect compared across the frameworks;
        - "what about on windows?", "does jax have something like that?", "and load it?":
          the new topic or framework, read with the last question's words, from an entry
          that speaks of it (which may be the last one again).
        """
        entry = self.knowledge.faq.get(previous.id or "")
        others = [f for f in shape.frameworks if f not in about]
        if entry is not None and about and others and not content:  # "and tensorflow?"
            sibling = self._siblings.sibling(entry, others, not_about=about)
            if sibling is not None:  # "can i run pytorch on a phone": tensorflow's own entry
                why = "follow-up: the same question, answered for the other framework"
                return Reading("faq", FOLLOW_UP_CONFIDENCE, why, id=sibling.id)
            aspects = entry.aspects
            if len(aspects) == 1:
                why = "follow-up: the last entry's aspect across frameworks"
                frameworks = (*about, *others)
                return Reading("compare", FOLLOW_UP_CONFIDENCE, why, frameworks=frameworks, aspect=aspects[0])
        # The aspects and use cases it names are new too ("ok but is it used for research?").
        # So are the words that name them: "what about amd gpus" (rocm, a hardware alias)
        # after the entry on Apple silicon asks for the entry that speaks of ROCm.
        named = frozenset(concepts(shape.mentions)) | self.faq_index.content(
            word for m in shape.mentions if m.kind != "framework" for word in words[m.start : m.end]
        )
        new = content | named | (self.faq_index.content(others) if shape.points_back else frozenset())
        if not new:
            return None
        earlier = self.lexicon.analyse(readable(previous.query)).tokens
        if others and PRONOUN not in words and not shape.points_back:
            # "and what's pytorch's origin story" after "when did tensorflow come out"; but
            # "can it run on jax" after "what is keras" still asks about keras.
            earlier = self._without_frameworks(earlier, about)
        combined = (*earlier, *(w for w in words if (w,) not in ANAPHORA))  # not "equivalent" itself
        combined_shape = shape_of(combined, self.entities)
        # Only entries whose own phrasings or tags speak of the new topic: one that merely
        # mentions "windows" in its answer does not answer "what about on windows?".
        # Of those, the ones that speak of most of the new words: "and quantizing it after
        # training for inference?" after mixed precision asks about quantization.
        candidates = self._rank(combined, combined_shape, MAX_SUGGESTIONS + 3)
        speaks_of = [len(new & r.named) for r in candidates]
        most = max(speaks_of, default=0)
        ranked = [r for r, count in zip(candidates, speaks_of, strict=True) if count and count == most]
        # Meaning may break a near tie, read over both questions ("what does torch.compile
        # do" then "is there an equivalent in tensorflow": graph modes, not speed tips).
        reading = self.readings.faq(combined_shape, ranked, False, f"{previous.query}\n{question}")
        if reading is None:
            return None
        confidence = min(reading.confidence, FOLLOW_UP_CONFIDENCE)
        return replace(reading, confidence=confidence, why=f"follow-up on the last question: {reading.why}")
