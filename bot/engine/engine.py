"""The engine: a member's question in, one resolved :class:`Answer` out.

Pure and synchronous: no I/O after construction, cheap enough to call on the
event loop. What a question *names* decides most answers (ARCHITECTURE.md):

1. analyse the text (normalise, correct typos, rewrite synonyms and aliases);
2. find the frameworks, aspects and use cases it names, and its intent cues;
3. if it leans on the previous turn ("and jax?", "why?"), resolve it
   against that turn (``lastturn.py``); an "it" in a question that names no
   framework may stand for the last answer's, so such a question is read both ways;
4. otherwise read it on its own (``standalone.py``): its shape (``by_shape.py``:
   two frameworks and "vs" is a comparison, one framework and "downsides" is cons,
   "which should I pick" is a verdict) against the ranked FAQ entries, keeping
   whichever reading is the more confident; a long message that reads unsurely is
   read again by its question sentences or its opening one (``sentences.py``);
5. compare the confidence with the thresholds: answer, answer with
   suggestions, or decline with the closest entries.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from bot.engine.cues import ALL_CUES, GENERIC_WORDS, PORT_WORD, SWITCHING_TERM
from bot.engine.decline import DeclineIndex
from bot.engine.detect import Shape, shape_of
from bot.engine.english import english_words
from bot.engine.entities import EntityTable, with_concepts
from bot.engine.finish import MAX_SUGGESTIONS, Finisher
from bot.engine.focus import question_part
from bot.engine.lastturn import LastTurnReader
from bot.engine.lexicon import Lexicon
from bot.engine.moves import as_a_move, may_rule_out, without_ruled_out
from bot.engine.normalize import readable
from bot.engine.rank import FaqIndex, Ranked
from bot.engine.reading import Reading
from bot.engine.semantic import PhrasingVectors, shipped_embedding
from bot.engine.sentences import SentenceReader
from bot.engine.siblings import SiblingIndex
from bot.engine.standalone import StandaloneReader
from bot.knowledge import FaqEntry, Issue, KnowledgeBase, load_knowledge

DEFAULT_CONTEXT_TTL = 300.0


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
        siblings = SiblingIndex(knowledge.faq.values(), knowledge.frameworks)
        self.meanings = PhrasingVectors(
            shipped_embedding(),
            {entry.id: (entry.question, *entry.alternates) for entry in knowledge.faq.values()},
            names=[n for f in knowledge.frameworks.values() for n in (f.id, f.name, *f.aliases)],
        )
        self.readings = StandaloneReader(knowledge, self.faq_index, self.declines, siblings, self.meanings)
        self.last_turn = LastTurnReader(
            knowledge, self.lexicon, self.entities, self.faq_index, self.readings, siblings, self._rank
        )
        self.sentences = SentenceReader(
            self.lexicon,
            self.entities,
            self.faq_index,
            self.readings,
            self.last_turn,
            self._rank,
            self._content,
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
        if may_rule_out(analysis.tokens):  # "with tensorflow i mean, not torch" asks of tensorflow
            kept = without_ruled_out(analysis.tokens, shape.mentions)
            if kept != analysis.tokens:  # read again only when a framework was ruled out
                analysis = replace(analysis, tokens=kept)
                shape = shape_of(analysis.tokens, self.entities, analysis.raw)
        if (moved := as_a_move(analysis.tokens, shape.mentions)) is not None:
            # "should i just move my stuff to pytorch" switches, as "move to pytorch" does
            analysis = replace(analysis, tokens=moved)
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
        # "is chainer still maintained" is about a framework the knowledge does not cover; "coming
        # from caffe, which framework is best for android" asks for one of those it does.
        names_another = exact is None and not shape.frameworks and not shape.asks_for_a_framework
        outside = self.declines.named(analysis.tokens) if names_another else None
        if outside is not None:
            reason = f"names the declined topic '{outside.id}' and none of the frameworks"
            return self._finisher.finish(
                query, Reading("none", 0.0, reason, declined=outside.id), ranked, limits
            )
        recent = None if shape.fresh_topic else self._recent(context, now)
        previous = recent if recent is not None and recent.answered else None
        if recent is not None and previous is None:  # "planning my thesis in jax" went unanswered
            judged = self.last_turn.judging_what_was_told(shape, recent)
            if judged is not None:  # "what are its strong points tho"
                return self._finisher.finish(query, judged, ranked, limits)
        words = analysis.tokens
        if previous is not None and (named := self.last_turn.naming_it(words, shape, previous)) is not None:
            words = named  # "should we use it or tensorflow": "it" is the last answer's framework
            shape, ranked = self._shape_and_rank(words, analysis.raw)

        reading = self._read(words, shape, ranked, exact, asked, previous, limits)
        guessed = self.last_turn.maybe_naming_it(words, shape, previous) if previous is not None else None
        if guessed is not None:  # "do people still use it for research": read it both ways
            guessed_shape, guessed_ranked = self._shape_and_rank(guessed, analysis.raw)
            guess = self._read(guessed, guessed_shape, guessed_ranked, None, asked, previous, limits)
            if guess.confidence > reading.confidence:
                reading, ranked = guess, guessed_ranked
        return self._finisher.finish(query, reading, ranked, limits)

    def _shape_and_rank(self, words: Sequence[str], raw: Sequence[str]) -> tuple[Shape, list[Ranked]]:
        """The shape of ``words`` (``raw``: as typed, before rewriting) and the entries they rank first."""
        shape = shape_of(words, self.entities, raw)
        return shape, self._rank(words, shape, MAX_SUGGESTIONS + 2)

    def _read(
        self,
        words: Sequence[str],
        shape: Shape,
        ranked: Sequence[Ranked],
        exact: FaqEntry | None,
        asked: str,
        previous: Answer | None,
        limits: Thresholds,
    ) -> Reading:
        """The reading of ``words`` (of the question ``asked``): leaning on the last answer
        if it does, else on its own."""
        content = self._content(shape.leftover)
        if previous is not None:
            own = self._content(shape.origin_free_leftover())
            reading = self.last_turn.read(words, shape, content, own, ranked, exact, asked, previous)
            if reading is not None:
                return reading
        part = question_part(asked)  # None for most questions: one sentence, all asking
        focus = cache(partial(self.sentences.focus, part, shape)) if part is not None else None
        if previous is not None and focus is not None and not shape.frameworks:
            # Not when the backstory names a framework: "i've used keras for years. what
            # are its weaknesses?" asks of keras, whatever the last answer was about.
            reading = self.sentences.follow_up_by_its_question(focus, ranked, exact, asked, previous)
            if reading is not None:
                return reading
        reading = self.readings.read(shape, content, ranked, exact, asked, focus)
        # Too diluted by the backstory to answer, or only with "did you mean" suggestions:
        # the question sentences may say which entry they ask for.
        diluted = reading.confidence < limits.suggest or (
            reading.kind == "faq" and reading.confidence < limits.answer
        )
        if focus is not None and diluted:
            reading = self.sentences.as_its_question_asks(focus, ranked) or reading
        if previous is not None and reading.confidence < limits.suggest:
            reading = self.sentences.follow_up_by_its_opening(asked, previous) or reading
        return reading

    def acknowledges(self, text: str) -> bool:
        """Whether ``text`` only acknowledges the last answer ("thanks!", "ok cool")."""
        return is_acknowledgement(self.lexicon.analyse(readable(text)).raw)

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

    def _recent(self, context: Context | None, now: float | None) -> Answer | None:
        """The last answer, unless it has expired (answered or not)."""
        if context is None:
            return None
        if now is not None and now - context.at > self.context_ttl:
            return None
        return context.answer

    def _content(self, leftover: Sequence[str]) -> frozenset[str]:
        """Leftover words that carry meaning of their own (not cues, not stopwords)."""
        return self.faq_index.content(w for w in leftover if w not in ALL_CUES and w not in GENERIC_WORDS)
