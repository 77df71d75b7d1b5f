"""The engine: a member's question in, one resolved :class:`Answer` out.

Pure and synchronous: no I/O after construction, cheap enough to call on the
event loop. What a question *names* decides most answers (ARCHITECTURE.md):

1. analyse the text (normalise, correct typos, rewrite synonyms and aliases);
2. find the frameworks, aspects and use cases it names, and its intent cues;
3. if it leans on the previous turn ("and jax?", "why?"), resolve it
   against that turn;
4. otherwise read it on its own (``standalone.py``): its shape (``by_shape.py``:
   two frameworks and "vs" is a comparison, one framework and "downsides" is cons,
   "which should I pick" is a verdict) against the ranked FAQ entries, keeping
   whichever reading is the more confident;
5. compare the confidence with the thresholds: answer, answer with
   suggestions, or decline with the closest entries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial
from pathlib import Path

from bot.engine import text as compose
from bot.engine.answer import Answer, Candidate, Context, Kind, Thresholds
from bot.engine.courtesy import (
    is_acknowledgement,
    without_acknowledgement,
    without_address,
    without_disclaimers,
)
from bot.engine.cues import ALL_CUES, ANAPHORA, GENERIC_WORDS, PORT_WORD, SWITCHING_TERM
from bot.engine.decline import DeclineIndex
from bot.engine.detect import Shape, shape_of
from bot.engine.english import english_words
from bot.engine.entities import EntityTable, concepts, with_concepts
from bot.engine.finish import MAX_SUGGESTIONS, Finisher
from bot.engine.focus import points_into_backstory, question_part
from bot.engine.followup import (
    FOLLOW_UP_CONFIDENCE,
    asks_something,
    compares_those_before,
    follow_up,
    it_beside_a_name,
    it_used_with,
    leans_on_context,
    says_it_follows_up,
)
from bot.engine.lexicon import Lexicon
from bot.engine.rank import FaqIndex, Ranked, plain_words
from bot.engine.reading import Reading
from bot.engine.semantic import PhrasingVectors, shipped_embedding
from bot.engine.siblings import SiblingIndex
from bot.engine.standalone import StandaloneReader
from bot.knowledge import FaqEntry, Issue, KnowledgeBase, load_knowledge

MAX_QUERY_CHARS = 500
"""Longer messages are cut before analysis to their first and last halves of this:
a long story usually ends with its question, and the cut keeps the cost of a
10 000-character paste bounded."""
DEFAULT_CONTEXT_TTL = 300.0
ALONE_LEAD = 0.2
"""How much more confident a follow-up's own reading must be to beat the follow-up reading."""
QUESTION_ALONE_CONFIDENCE = 0.75
QUESTION_ALONE_WORDS = 2
"""See :meth:`Engine._as_its_question_asks`."""


def readable(text: str) -> str:
    """``text``, or its start and end when it is longer than MAX_QUERY_CHARS."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    half = MAX_QUERY_CHARS // 2
    return f"{text[:half]} {text[-half:]}"


class KnowledgeLoadError(Exception):
    """The knowledge did not load; ``issues`` says where and why."""

    def __init__(self, directory: Path, issues: Sequence[Issue]):
        self.directory = directory
        self.issues = tuple(issues)
        lines = "\n".join(f"  {i}" for i in self.issues if i.is_error)
        super().__init__(f"cannot load the knowledge in {directory}:\n{lines}")


class Engine:
    """Answers questions from one knowledge base; build a new one per load."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        thresholds: Thresholds | None = None,
        context_ttl: float = DEFAULT_CONTEXT_TTL,
    ) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or Thresholds()
        self.context_ttl = context_ttl
        self.lexicon = Lexicon.from_knowledge(knowledge, extra_text=sorted(ALL_CUES), english=english_words())
        self.entities = EntityTable.from_knowledge(knowledge, self.lexicon)
        self.faq_index = FaqIndex(list(knowledge.faq.values()), self.lexicon, self._features)
        self.declines = DeclineIndex(
            list(knowledge.declines.values()), self.lexicon, self.faq_index, self._features
        )
        self._siblings = SiblingIndex(knowledge.faq.values(), knowledge.frameworks)
        self.meanings = PhrasingVectors(
            shipped_embedding(),
            {entry.id: (entry.question, *entry.alternates) for entry in knowledge.faq.values()},
            names=[n for f in knowledge.frameworks.values() for n in (f.id, f.name, *f.aliases)],
        )
        self.readings = StandaloneReader(
            knowledge, self.faq_index, self.declines, self._siblings, self.meanings
        )
        self._finisher = Finisher(knowledge, self.readings.all_frameworks)

    @classmethod
    def from_directory(
        cls,
        path: Path | str,
        thresholds: Thresholds | None = None,
        context_ttl: float = DEFAULT_CONTEXT_TTL,
    ) -> Engine:
        """Load and check the knowledge in ``path``; raise :class:`KnowledgeLoadError` on errors."""
        directory = Path(path)
        result = load_knowledge(directory, lint=False)
        if result.knowledge is None:
            raise KnowledgeLoadError(directory, result.issues)
        return cls(result.knowledge, thresholds, context_ttl)

    # -- public -----------------------------------------------------------

    def ask(
        self,
        question: str,
        context: Context | None = None,
        *,
        now: float | None = None,
        thresholds: Thresholds | None = None,
    ) -> Answer:
        """Answer ``question``, leaning on ``context`` when it is a follow-up.

        ``now`` is compared with ``context.at`` to expire stale context; without
        it the context is taken as fresh. ``thresholds`` overrides the engine's
        own (a server may have its own).
        """
        limits = thresholds or self.thresholds
        query = question if isinstance(question, str) else str(question)
        read = without_disclaimers(without_address(readable(query)))
        analysis = self.lexicon.analyse(read)
        if is_acknowledgement(analysis.raw):  # "thanks!": nothing to answer, nothing missing (see gaps)
            why = Candidate("none", None, 0.0, "an acknowledgement, not a question")
            text = compose.acknowledgement_text(self.knowledge)
            return Answer(query, "none", 0.0, text, acknowledgement=True, candidates=(why,))
        asked = without_acknowledgement(read)
        if asked != read:  # "nice, and jax?" asks "and jax?"
            analysis = self.lexicon.analyse(asked)
        shape = shape_of(analysis.tokens, self.entities, analysis.raw)
        if shape.gives_orders:  # declined before any ranking: no "closest things" to offer either
            injected = Reading("none", 0.0, "gives the bot instructions (prompt injection)")
            return self._finisher.finish(query, injected, (), limits)
        ranked = self._rank(analysis.tokens, shape, MAX_SUGGESTIONS + 2)
        exact = self.faq_index.exact(analysis.tokens)
        declined = self.declines.exact(analysis.tokens) if exact is None else None
        if declined is not None:  # a maintainer listed this very question as one not to answer
            reason = f"one of the phrasings of the declined topic '{declined.id}'"
            listed = Reading("none", 0.0, reason, declined=declined.id)
            return self._finisher.finish(query, listed, ranked, limits)
        previous = None if shape.fresh_topic else self._usable_context(context, now)
        words = analysis.tokens
        if previous is not None and (named := self._naming_it(words, shape, previous)) is not None:
            words = named  # "should we use it or tensorflow": "it" is the last answer's framework
            shape = shape_of(words, self.entities, analysis.raw)
            ranked = self._rank(words, shape, MAX_SUGGESTIONS + 2)

        reading = None
        content = self._content(shape.leftover)
        # A follow-up's own words, less those that only say where a model came from
        # ("and if it was built in keras?"); only needed when there is a last answer.
        own = self._content(shape.origin_free_leftover()) if previous is not None else content
        if previous is not None and leans_on_context(shape, own):
            judging = shape.pros or shape.cons or shape.cons_word != shape.pros_word
            about = self._about(previous, adding=shape.adds, judging=judging)
            reading = follow_up(shape, previous, self.readings.shapes.verdict, about, own)
            if reading is None and previous.kind == "faq" and says_it_follows_up(shape):
                reading = self._faq_follow_up(words, shape, own, previous, about)
            if reading is not None:
                reading = self._unless_it_stands_alone(reading, shape, content, ranked, exact, asked)
        if reading is None:
            part = question_part(asked)  # None for most questions: one sentence, all asking
            focus = cache(partial(self._focus, part, shape)) if part is not None else None
            reading = self.readings.read(shape, content, ranked, exact, asked, focus)
            if focus is not None and reading.confidence < limits.suggest:
                reading = self._as_its_question_asks(focus, ranked) or reading
        return self._finisher.finish(query, reading, ranked, limits)

    def _naming_it(self, words: Sequence[str], shape: Shape, previous: Answer) -> tuple[str, ...] | None:
        """``words`` with an "it" that stands for the last answer's framework, offered beside
        another's name or used "with it" (see it_beside_a_name, it_used_with), replaced by
        the one framework the last answer was about, if it was about one other."""
        at = it_beside_a_name(shape)
        if at is None:
            at = it_used_with(shape)
        if at is None:
            return None
        about = self._about(previous, judging=True)
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
    ) -> Reading:
        """The follow-up ``reading``, or the question read on its own if that fits better.

        "license of jax?" names a framework and little else, like "and jax?", but it is a
        question of its own when the knowledge answers it as one: on a tie it stands alone.
        ("mobile?" after a comparison names no framework: it narrows the comparison.)
        A follow-up with words of its own ("is there a torchvision equivalent for
        tensorflow") stands alone when that reading is clearly (ALONE_LEAD) more confident.
        """
        if reading.kind == "compare" and compares_those_before(shape):
            return reading
        names_only = bool(shape.frameworks) and not says_it_follows_up(shape) and not asks_something(shape)
        if not names_only and not content:
            return reading
        alone = self.readings.read(shape, content, ranked, exact, question)
        lead = 0.0 if names_only else ALONE_LEAD
        if alone.kind != "none" and alone.confidence >= reading.confidence + lead:
            return alone
        return reading

    def _as_its_question_asks(
        self, focus: Callable[[], tuple[Shape, frozenset[str]]], ranked: Sequence[Ranked]
    ) -> Reading | None:
        """The FAQ entry a long message's question sentences ask for, when the whole message
        is too diluted by its backstory to answer ("is tensorflow dead? genuinely asking. I
        see pytorch everywhere…"): only an entry the whole message ranks first too, matched
        surely (QUESTION_ALONE_CONFIDENCE) by two or more words of the question's own, or by
        one when the question sentences do not point into the backstory ("which is quickest?
        our CEO just wants the quickest one", not "…3 tokens/sec. how to speed it up")."""
        if not ranked:
            return None
        shape, content = focus()
        needed = QUESTION_ALONE_WORDS if points_into_backstory(shape.tokens) else 1
        if len(self.faq_index.content(shape.tokens) & ranked[0].named) < needed:
            return None  # cannot match the whole message's best entry's phrasings by enough words
        own = self._rank(shape.tokens, shape, MAX_SUGGESTIONS + 2)
        if not own or len(plain_words(own[0].matched)) < needed:
            return None  # "…2 tokens/sec. how to speed it up" matches on "speed" alone
        if own[0].entry.id != ranked[0].entry.id:
            return None  # the question sentences rank another entry first: not the one to answer
        alone = self.readings.read(shape, content, own, self.faq_index.exact(shape.tokens))
        if (
            alone.kind != "faq"
            or alone.id != ranked[0].entry.id
            or alone.confidence < QUESTION_ALONE_CONFIDENCE
        ):
            return None
        return replace(alone, why=f"read by its question sentences: {alone.why}")

    def _focus(self, part: str, whole: Shape) -> tuple[Shape, frozenset[str]]:
        """The shape and content of ``part``, the question sentences of a message that has
        others too (see focus.py). The frameworks the whole message names stand in for those
        of a question that names none ("what are its weaknesses?") or asks "which one" of them."""
        analysis = self.lexicon.analyse(part)
        shape = shape_of(analysis.tokens, self.entities, analysis.raw)
        if whole.frameworks and (not shape.frameworks or shape.points_back):
            shape = replace(shape, frameworks=whole.frameworks)
        return shape, self._content(shape.leftover)

    def acknowledges(self, text: str) -> bool:
        """Whether ``text`` only acknowledges the last answer ("thanks!", "ok cool")."""
        return is_acknowledgement(self.lexicon.analyse(readable(text)).raw)

    def _about(self, answer: Answer, adding: bool = False, judging: bool = False) -> tuple[str, ...]:
        """The frameworks an answer is about; for an FAQ entry, those it names (maybe none).

        An entry that names none answers for any framework, so "and jax?" asks it again.
        But when the question weighed two or more ("jax vs pytorch speed?") and the
        follow-up is ``adding`` one ("add keras to that"), the answer was about those
        two, and the comparison widens. And when the follow-up is ``judging`` "it" ("ok
        but what's bad about it" after "why does anyone still use keras"), it judges the
        one framework the question named.
        """
        if answer.framework is not None:
            return (answer.framework,)
        entry = self.knowledge.faq.get(answer.id or "") if answer.kind == "faq" else None
        if entry is None:
            return answer.frameworks
        if entry.frameworks or not (adding or judging):
            return entry.frameworks
        asked = shape_of(self.lexicon.analyse(readable(answer.query)).tokens, self.entities)
        if judging:
            return asked.frameworks if len(asked.frameworks) == 1 else ()
        return asked.frameworks if len(asked.frameworks) >= 2 else ()

    def _faq_follow_up(
        self,
        words: Sequence[str],
        shape: Shape,
        content: frozenset[str],
        previous: Answer,
        about: Sequence[str],
    ) -> Reading | None:
        """A follow-up to an FAQ answer that the entry itself does not answer; ``about``
        is what the last answer was about (see :meth:`_about`).

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
        named = frozenset(concepts(shape.mentions))
        new = content | named | (self.faq_index.content(others) if shape.points_back else frozenset())
        if not new:
            return None
        earlier = self.lexicon.analyse(readable(previous.query)).tokens
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
        reading = self.readings.faq(combined_shape, ranked, False)
        if reading is None:
            return None
        confidence = min(reading.confidence, FOLLOW_UP_CONFIDENCE)
        return replace(reading, confidence=confidence, why=f"follow-up on the last question: {reading.why}")

    def _features(self, words: Sequence[str]) -> list[str]:
        """What the FAQ index ranks on: the words plus a concept per aspect or use case they name."""
        return with_concepts(words, self.entities.mentions(words))

    def _rank(self, words: Sequence[str], shape: Shape, limit: int) -> list[Ranked]:
        features = with_concepts(words, shape.mentions)
        if shape.one_to_another and PORT_WORD not in features:
            # "pytorch model to tensorflow" asks to convert it; "moving our team from tf to
            # jax" to switch, unless it says convert.
            if shape.leaves_one and SWITCHING_TERM not in features:
                features.append(SWITCHING_TERM)
            features.append(PORT_WORD)
        return self.faq_index.rank(features, limit, frameworks=shape.frameworks, aspects=shape.aspects)

    def aspect_named(self, text: str) -> str | None:
        """The aspect an option names (id, name, alias or a typo of one), if any."""
        if text in self.knowledge.aspects:
            return text
        shape = shape_of(self.lexicon.analyse(readable(text)).tokens, self.entities)
        return shape.aspects[0] if shape.aspects else None

    def complete(self, fragment: str, limit: int = 25) -> list[FaqEntry]:
        """FAQ entries for a half-typed question, best first (for autocomplete).

        Ranked by the same analysis as :meth:`ask` (typos, synonyms), not by
        substring; with nothing typed yet, the entries in knowledge order.
        """
        analysis = self.lexicon.analyse(readable(fragment))
        ranked = self._rank(analysis.tokens, shape_of(analysis.tokens, self.entities), limit)
        entries = [r.entry for r in ranked]
        if len(entries) < limit:
            seen = {e.id for e in entries}
            entries += [e for e in self.knowledge.faq.values() if e.id not in seen][: limit - len(entries)]
        return entries

    def answer_for(
        self,
        kind: Kind,
        *,
        id: str | None = None,
        frameworks: Sequence[str] = (),
        aspect: str | None = None,
        framework: str | None = None,
        use_case: str | None = None,
        query: str = "",
        expanded: bool = False,
    ) -> Answer:
        """The answer for an entry named outright (a slash command's options, a button).

        Raises ``ValueError`` naming what does not exist, so a stale button or a
        mistyped option gets a clear message.
        """
        kb = self.knowledge
        unknown = [f for f in (*frameworks, *([framework] if framework else [])) if f not in kb.frameworks]
        if unknown:
            raise ValueError(f"unknown framework: {', '.join(unknown)}")
        if kind == "faq" and (id is None or id not in kb.faq):
            raise ValueError(f"unknown FAQ entry: {id}")
        if kind == "compare" and (len(frameworks) < 2 or (aspect is not None and aspect not in kb.aspects)):
            raise ValueError("a comparison needs two or more frameworks and a known aspect (or none)")
        if kind in ("pros", "cons") and framework is None:
            raise ValueError(f"{kind} needs a framework")
        if kind == "verdict" and use_case is not None and use_case not in kb.use_cases:
            raise ValueError(f"unknown use case: {use_case}")
        if kind == "none":
            raise ValueError("nothing to show for 'none'")
        reading = Reading(
            kind, 1.0, "named outright", id, tuple(frameworks), aspect, framework, use_case, expanded
        )
        if kind == "verdict" and not frameworks:
            reading = Reading(kind, 1.0, "named outright", use_case=use_case, expanded=expanded,
                              frameworks=self.readings.shapes.verdict_frameworks(()))  # fmt: skip
        return self._finisher.finish(query, reading, (), self.thresholds)

    def answer_for_key(self, key: str, query: str = "") -> Answer:
        """The answer an :attr:`Answer.key` names (``cons:jax``, ``compare:jax,pytorch@all``)."""
        kind, _, rest = key.partition(":")
        target, _, detail = rest.partition("@")
        detail_or_none = None if detail in ("", "all") else detail
        if kind == "faq":
            return self.answer_for("faq", id=target, query=query)
        if kind == "pros":
            return self.answer_for("pros", framework=target, query=query)
        if kind == "cons":
            return self.answer_for("cons", framework=target, query=query)
        if kind == "compare":
            return self.answer_for(
                "compare", frameworks=target.split(","), aspect=detail_or_none, query=query
            )
        if kind == "verdict":
            frameworks = [f for f in target.split(",") if f]
            return self.answer_for("verdict", frameworks=frameworks, use_case=detail_or_none, query=query)
        raise ValueError(f"not an answer key: {key!r}")

    # -- context ----------------------------------------------------------

    def _usable_context(self, context: Context | None, now: float | None) -> Answer | None:
        if context is None or not context.answer.answered:
            return None
        if now is not None and now - context.at > self.context_ttl:
            return None
        return context.answer

    def _content(self, leftover: Sequence[str]) -> frozenset[str]:
        """Leftover words that carry meaning of their own (not cues, not stopwords)."""
        return self.faq_index.content(w for w in leftover if w not in ALL_CUES and w not in GENERIC_WORDS)
