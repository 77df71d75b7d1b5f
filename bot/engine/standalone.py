"""Reading a question on its own: what its shape asks for, against the best FAQ entries.

The shape decides most answers (see ``by_shape.py``): two frameworks and "vs" is a
comparison, one framework and "downsides" is cons, "which should I pick" is a verdict. FAQ
entries are ranked alongside, and the more confident reading wins (with the
exceptions in ``precedence.py``); an FAQ reading's confidence is its score,
scaled by its lead over the runner-up and discounted where the match is weak
evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.engine.apis import ApiNames
from bot.engine.by_shape import PHRASE_WORDS, ShapeReader
from bot.engine.closeness import Closeness
from bot.engine.cues import HISTORY_TERM
from bot.engine.decline import DeclineIndex
from bot.engine.definition import DefinitionReader, names_only_a_framework
from bot.engine.detect import Shape
from bot.engine.entities import with_concepts
from bot.engine.focus import offers_a_choice, points_into_backstory
from bot.engine.named_first import about_the_named_framework_first, sibling_for_the_named_framework
from bot.engine.normalize import stem, tokens
from bot.engine.precedence import asks_otherwise, shape_answers
from bot.engine.rank import NOT_EVIDENCE, WHOLE_PHRASING, FaqIndex, Ranked, plain_words
from bot.engine.reading import Reading
from bot.engine.semantic import PhrasingVectors
from bot.engine.siblings import SiblingIndex
from bot.engine.wording import asks_for_a_figure
from bot.knowledge import FaqEntry, KnowledgeBase
from bot.knowledge.model import ONLY_WHEN_CHOOSING

SPLIT_ASPECT_ENTRIES = 3
"""An aspect at least this many entries carry is split between them, one per platform
(hardware support: GPUs, TPUs, Apple silicon, AMD; mobile & edge: PyTorch's and LiteRT's
runtimes, the browser, quantization; see precedence.py)."""
MARGIN_BASE = 0.85
MARGIN_GAIN = 1.0
MARGIN_CAP = 0.3
"""FAQ confidence is the top score scaled by how far it leads the runner-up:
an entry that barely beats another is less certain than its score alone says."""
NAMES_ONLY_FACTOR = 0.5
UNEXPLAINED_WORD_PENALTY = 0.05
MAX_UNEXPLAINED_PENALTY = 0.3
NARROWER_FACTOR = 0.7
OTHER_FRAMEWORK_FACTOR = 0.5
"""An entry about other frameworks than the question names answers it only by accident."""
UNKNOWN_SHARE_FREE = 0.45
UNKNOWN_SHARE_PENALTY = 1.5
"""When more than UNKNOWN_SHARE_FREE of a question's weight is on words the knowledge
never uses ("install nvidia drivers on ubuntu"), it is probably about something else
however well an entry's phrasing matches the rest: confidence drops in proportion."""
DECLINE_LEAD = 1.0
DECLINED_FACTOR = 0.5
"""A question that fits a declined topic (``declines`` in the knowledge) at least
DECLINE_LEAD times as well as its best FAQ entry is probably that topic: the FAQ
reading keeps DECLINED_FACTOR of its confidence. Not when it asks which framework to
use ("which framework for speech recognition"): no declined topic is a framework."""
UNASKED_CHOICE_FACTOR = 0.4
"""An entry that answers only questions asking which framework to pick (``only_when:
choosing``), matched by a question that asks no such thing, keeps this share."""
BARE_NAME_CONFIDENCE = 0.7
"""A framework named on its own ("pytorch?") gets its pros, expanded with its summary,
unless the best FAQ entry is about that framework alone."""
BACKSTORY_FACTOR = 0.8
"""A long message whose shape gives a reading only by cues in its backstory, none in its
question sentences (see focus.py), is that much less sure of it: "…tensorboard on a second
monitor from my tf days. now the lab uses pytorch. can I still use tensorboard with torch?"
asks about tensorboard, not for a comparison of the two."""
QUESTION_ONLY_FACTOR = 0.9
"""A long message whose shape gives no reading but whose question sentences do ("what does
keras do well? i only used it once for a mnist thing on my old thinkpad") is that much less
sure of it than the question alone would be (see StandaloneReader._by_question_sentences)."""
OTHER_HISTORY_FACTOR = 0.5
"""A question on history (HISTORY_TERM: "who created", "came out") that names none of the
frameworks, answered by an entry that tells no history ("who founded hugging face") or by
one on a framework's history matched by no word of that entry's own (used by no other entry:
"caffe2"), asks about something else's history ("who made numpy"): the entry keeps this share."""
FIGURE_FACTOR = 0.5
"""A question for a figure ("how many epochs", "how much vram") matched to an entry none of whose
phrasings asks for one keeps this share: the entry speaks of the topic, not the number."""
MEANING_FLOOR = 0.15
MEANING_CONFIDENCE = 0.5
"""Word overlap misses a question worded unlike every phrasing of its entry: "rip tensorflow?
is google even still working on it" shares only "google" and "tensorflow" with the status
entry, and "rip" and "working" weigh as words the knowledge never uses. When the best-ranked
entry is also, of those ranked, the closest to the question in meaning
(:mod:`bot.engine.closeness`), at a similarity of at least MEANING_AGREES, an FAQ reading at
MEANING_FLOOR or more is raised to MEANING_CONFIDENCE (times the factors above for what the
question asks beyond its words): answered, with "did you mean" suggestions at the default
thresholds. The agreement of two unlike measures is the evidence; the nearest entry in meaning
alone declines too few off-topic questions. A question whose shape gives its own reading
(frameworks and a cue) is left to that reading and its precedence."""


class StandaloneReader:
    """Readings of a question that does not lean on the previous turn, for one knowledge base."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        faq_index: FaqIndex,
        declines: DeclineIndex,
        siblings: SiblingIndex,
        meanings: PhrasingVectors,
    ) -> None:
        self.knowledge = knowledge
        self.meanings = meanings
        self.faq_index = faq_index
        self.declines = declines
        self.siblings = siblings
        self.all_frameworks = tuple(knowledge.frameworks)
        self.shapes = ShapeReader(knowledge, faq_index)
        self.definitions = DefinitionReader(knowledge)
        self.apis = ApiNames(knowledge)
        shared = Counter(aspect for entry in knowledge.faq.values() for aspect in entry.aspects)
        self.split_aspects = frozenset(aspect for aspect, n in shared.items() if n >= SPLIT_ASPECT_ENTRIES)
        self._gives_figures = frozenset(
            entry.id
            for entry in knowledge.faq.values()
            if any(asks_for_a_figure(tokens(text)) for text in (entry.question, *entry.alternates))
        )

    def faq(
        self, shape: Shape, ranked: Sequence[Ranked], structured: bool, question: str = ""
    ) -> Reading | None:
        """The best-ranked FAQ entry as a reading; ``structured`` says the shape gave a reading
        of its own, firm enough that meaning must not reorder the entries or vouch for one."""
        if not ranked:
            return None
        ranked = sibling_for_the_named_framework(shape, ranked, self.siblings)
        closeness = Closeness(self.meanings, question, ranked)
        # Meaning reorders and vouches only where the shape gave no reading of its own.
        # Not to an entry for those choosing a framework when the question asks no choice.
        moved = not structured and closeness.closest_first_on_a_near_tie(
            lambda r: r.entry.only_when != ONLY_WHEN_CHOOSING or shape.asks_to_choose
        )
        ranked = about_the_named_framework_first(shape, closeness.ranked)
        top = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        margin = top.score - runner_up
        matched = min(1.0, max(0.0, top.score * (MARGIN_BASE + MARGIN_GAIN * min(margin, MARGIN_CAP))))
        factor = 1.0  # for what the question asks beyond its words, as the entry answers it
        mentioned = {shape.tokens[i] for m in shape.mentions for i in range(m.start, m.end)}
        evidence = plain_words(top.matched)
        evidence -= NOT_EVIDENCE
        evidence -= {stem(w) for w in mentioned | shape.words_of_names}
        about_the_one_named = len(shape.frameworks) == 1 and top.entry.frameworks == shape.frameworks
        framework_words = {
            stem(shape.tokens[i])
            for m in shape.mentions
            if m.kind == "framework"
            for i in range(m.start, m.end)
        }
        names_only = len(shape.frameworks) == 1 and not set(top.matched) - NOT_EVIDENCE - framework_words
        numbers_only = bool(evidence) and all(word.isdigit() for word in evidence)
        if (names_only or numbers_only or (structured and not evidence)) and not about_the_one_named:
            # Matching on the names the question uses (frameworks, aspects) and
            # on cue words alone is no evidence for one entry over another:
            # those names already shaped the structured reading. Nor is a match on
            # one framework's name and a cue ("compare tensorflow") when no reading is. Nor
            # is a bare number ("explain backprop like im 5" is no question about version 5).
            factor *= NAMES_ONLY_FACTOR
        # "Which framework…" without a name asks about all of them.
        asked_about = shape.frameworks or (self.all_frameworks if shape.asks_which_framework else ())
        if (
            len(asked_about) >= 2
            and top.entry.frameworks
            and not set(asked_about) <= set(top.entry.frameworks)
            and top.phrasing_coverage < WHOLE_PHRASING
        ):
            factor *= NARROWER_FACTOR  # the question is about more frameworks than the entry
        if (
            shape.frameworks
            and top.entry.frameworks
            and not set(shape.frameworks) & set(top.entry.frameworks)
        ):
            factor *= OTHER_FRAMEWORK_FACTOR  # "is jax good for research": not TensorFlow's entry
        if top.entry.only_when == ONLY_WHEN_CHOOSING and not shape.asks_to_choose:
            factor *= UNASKED_CHOICE_FACTOR  # "unet segmentation in pytorch": no pick asked for
        if self._history_of_something_else(shape, top, evidence):
            factor *= OTHER_HISTORY_FACTOR
        if shape.asks_for_a_figure and top.entry.id not in self._gives_figures:
            factor *= FIGURE_FACTOR
        named = (shape.tokens[i] for m in shape.mentions for i in range(m.start, m.end))
        unknown = self.faq_index.unknown_share(shape.tokens, known=named)
        unknown_factor = max(0.0, 1.0 - UNKNOWN_SHARE_PENALTY * max(0.0, unknown - UNKNOWN_SHARE_FREE))
        confidence = matched * factor * unknown_factor
        why = f"FAQ match {top.score:.2f} on {', '.join(top.matched) or 'nothing'} (margin {margin:.2f})"
        if moved:
            why += "; first of a near tie by meaning"
        if (
            not structured
            and MEANING_FLOOR <= confidence < MEANING_CONFIDENCE * factor
            and closeness.agrees_with_the_best()
        ):
            confidence = MEANING_CONFIDENCE * factor
            why += "; closest in meaning too"
        # "which framework for speech recognition" asks for a framework, which no declined
        # topic is; only the topic asked for itself ("best speech recognition model for
        # german", "which gpu should i buy") may be declined.
        declined = None
        if not shape.asks_for_a_framework:
            declined = self.declines.best(
                with_concepts(shape.tokens, shape.mentions), DECLINE_LEAD * top.score
            )
        if declined is None:
            return Reading("faq", confidence, why, id=top.entry.id)
        why += f"; fits the declined topic '{declined.topic.id}' better: {declined.score:.2f} on "
        why += ", ".join(declined.matched)
        return Reading("faq", confidence * DECLINED_FACTOR, why, id=top.entry.id, declined=declined.topic.id)

    def _history_of_something_else(self, shape: Shape, top: Ranked, evidence: frozenset[str]) -> bool:
        """Whether a history question that names no framework matches ``top`` without its
        history words, or, ``top`` being on particular frameworks, by no word of that entry's
        alone (see OTHER_HISTORY_FACTOR); ``evidence``: the words it matches by, less names
        and cues."""
        if HISTORY_TERM not in shape.tokens or shape.frameworks:
            return False
        if HISTORY_TERM not in evidence:
            return True  # "who founded hugging face": the entry on its libraries tells no history
        if not top.entry.frameworks:
            return False
        return all(self.faq_index.entries_using(word) > 1 for word in evidence - {HISTORY_TERM})

    def read(
        self,
        shape: Shape,
        content: frozenset[str],
        ranked: Sequence[Ranked],
        exact: FaqEntry | None,
        question: str = "",
        focus: Callable[[], tuple[Shape, frozenset[str]]] | None = None,
    ) -> Reading:
        """The more confident of the shape's reading and the best FAQ entry; ``exact`` is the
        entry one of whose phrasings the question is, if any. ``focus`` gives the shape and
        content of the message's question sentences (see focus.py) when it has others too;
        it is asked only when the shape gives a reading, which those may change, or when
        they may ask what the one framework named is (see definition.py)."""
        asked = shape  # the shape the structured reading comes from
        structured = self.shapes.read(shape, content)
        judged_by, unexplained_in = shape, content  # the words a reading by shape must explain
        if structured is None and focus is not None and (shape.frameworks or shape.use_cases):
            asking = focus()  # they can name a framework or use case only if the whole does
            structured = self._by_question_sentences(*asking)
            if structured is not None:
                asked = judged_by = asking[0]
                unexplained_in = asking[1]
                focus = None  # already read
        backstory_only = False
        best_fits_backstory_only = False
        if focus is not None and structured is not None:
            asking = focus()
            focused = self.shapes.read(*asking)
            backstory_only = focused is None
            if not backstory_only and ranked:
                best_fits_backstory_only = self._matched_by_backstory_only(asking[0], ranked[0])
            choice = offers_a_choice(*asking)
            if choice and focused is not None and focused.kind == "compare" and not focused.aspect:
                # "…a dozen engineers. Keras or JAX for new work?" after a backstory is a pick
                why = "'X or Y?' after a backstory"
                focused = self.shapes.verdict(focused.frameworks, None, focused.confidence, why) or focused
            offers_two = len(asking[0].frameworks) >= 2
            if focused is not None and asks_otherwise(focused, structured, choice, offers_two):
                structured = replace(focused, confidence=structured.confidence)
                asked = asking[0]
            elif (
                focused is not None and focused.kind in ("pros", "cons") and focused.answers_like(structured)
            ):
                # "what are the cons of tensorflow? i'm a phd student and my lab's legacy code
                # is all tf…": the question sentences ask for what the whole reads, so only
                # their own words can make that reading unsure, not the backstory's.
                judged_by, unexplained_in = asking
        if structured is None and exact is not None:  # a maintainer wrote this very question
            return Reading("faq", 1.0, "one of the entry's own phrasings", id=exact.id)
        if structured is not None and unexplained_in:
            # Words the shape does not explain make the shape less certain; those of a
            # phrase it read ("sell me", "wrong with") are explained. Counted over the
            # whole message (a long backstory leaves any reading by shape less sure), or
            # over the question sentences when the reading is theirs alone.
            judged = judged_by.praises_by_name or judged_by.faults_by_name
            unexplained = unexplained_in - PHRASE_WORDS if judged else unexplained_in
            penalty = min(MAX_UNEXPLAINED_PENALTY, UNEXPLAINED_WORD_PENALTY * len(unexplained))
            structured = replace(structured, confidence=max(0.0, structured.confidence - penalty))
        if structured is not None and backstory_only:
            structured = replace(structured, confidence=structured.confidence * BACKSTORY_FACTOR)
        if structured is None:
            defined = self.definitions.read(shape, content, focus)
            if defined is not None:
                return defined
        if structured is None and names_only_a_framework(shape, content):
            only = shape.frameworks[0]
            if not ranked or ranked[0].entry.frameworks != (only,):
                # "pytorch?", "explain jax": no entry is about that framework alone, and an
                # entry matched on its name only is a guess; its profile is not.
                why = "a framework named on its own"
                return Reading("pros", BARE_NAME_CONFIDENCE, why, framework=only, expanded=True)
        if structured is not None and best_fits_backstory_only:
            return structured
        # Two frameworks named without a cue to compare them are only a guess at a comparison:
        # meaning may still pick the FAQ entry ("what's the jax equivalent of pytorch's dataloader").
        guessed = (
            bool(content) and structured is not None and structured.kind == "compare" and not shape.compare
        )
        faq = self.faq(shape, ranked, structured is not None and not guessed, question)
        if structured is not None and (
            faq is None or self._shape_answers(asked, structured, faq, ranked, question)
        ):
            return structured
        if structured is not None and faq is not None and faq.confidence < structured.confidence:
            # Preferred to a surer reading by shape (an entry on picking by topic over the
            # bare verdict, see precedence.py): the entry answers as surely as it would have.
            faq = replace(faq, confidence=structured.confidence)
        if faq is not None:
            return self._among_those_named(shape, faq, ranked[0])
        return Reading("none", 0.0, "nothing in the knowledge matches")

    def _by_question_sentences(self, asking: Shape, content: frozenset[str]) -> Reading | None:
        """The reading by shape of a long message's question sentences (``asking``, with its
        ``content``) where the whole message gives none, its backstory saying too much else:
        "what does keras do well? i only used it once for a mnist thing on my old thinkpad".
        Only when they name a framework of their own, ask which framework to pick ("which
        framework should i use? i'm switching careers…"), which is best for a use case ("which
        is best for edge/iot devices? tiny arm boards mostly") or ask for the pros or cons of "it"
        ("…keras's fit/predict feels like home. but what are its actual advantages?": those of
        the framework the message names first), and do not ask how to do something, which
        the FAQ answers ("…the plan is one runtime. how do people export pytorch and tf models
        to onnx?"); and, unless they ask for one framework's pros or cons ("…before that
        fight, what are tensorflow's genuine strengths?"), do not point into the backstory."""
        its_own = {m.id for m in asking.mentions if m.kind == "framework"}
        names_its_own = bool(its_own)
        asks_its_pros_or_cons = (asking.pros or asking.cons) and points_into_backstory(asking.tokens)
        picks_for_a_use = asking.verdict and bool(asking.use_cases)  # "which is best for iot?"
        if (
            not (names_its_own or asking.asks_which_framework or asks_its_pros_or_cons or picks_for_a_use)
            or asking.asks_how_to
        ):
            return None
        reading = self.shapes.read(asking, content)
        if reading is None or not (names_its_own or reading.kind == "verdict" or asks_its_pros_or_cons):
            return None
        # "jax or pytorch, which should we choose for this?" picks between the two it offers,
        # whatever "this" is; "…does tensorboard work with keras and pytorch, or should i drop
        # it" asks of the backstory.
        picks_among_its_own = reading.kind == "verdict" and len(its_own) >= 2 and asking.picks
        if (
            reading.kind not in ("pros", "cons")
            and not picks_among_its_own
            and points_into_backstory(asking.tokens)
        ):
            return None
        return replace(reading, confidence=reading.confidence * QUESTION_ONLY_FACTOR)

    def _matched_by_backstory_only(self, asking: Shape, best: Ranked) -> bool:
        """Whether none of the question sentences' words (``asking``) match the ``best`` entry:
        "…it runs fine in our android app. what are the real downsides?" asks for the cons,
        whatever entry the backstory matches. Not when they point into the backstory ("…the
        best libs for that stuff?"): then they ask of it."""
        if points_into_backstory(asking.tokens):
            return False
        question_words = self.faq_index.content(asking.tokens) - NOT_EVIDENCE
        return question_words.isdisjoint(best.matched)

    def _shape_answers(
        self, shape: Shape, structured: Reading, faq: Reading, ranked: Sequence[Ranked], question: str
    ) -> bool:
        """Whether the shape's reading answers rather than ``faq`` (see precedence.py)."""
        entry = self.knowledge.faq.get(faq.id or "")
        if entry is None:
            return structured.confidence >= faq.confidence
        # Only a comparison on an aspect can give way to the entry on its APIs (see precedence.py).
        on_an_aspect = structured.kind == "compare" and structured.aspect is not None
        by_api = self.apis.frameworks(question) if on_an_aspect else frozenset()
        return shape_answers(shape, structured, faq, entry, ranked[0], by_api, self.split_aspects)

    def _among_those_named(self, shape: Shape, faq: Reading, top: Ranked) -> Reading:
        """A verdict over the frameworks named instead of ``faq`` when that is an entry on
        picking any framework ("pytorch, tensorflow or jax: what would you use"): the
        member has already narrowed the choice to some of them. Not when the question is
        one of the entry's own phrasings ("pytorch or jax for reinforcement learning")."""
        entry = self.knowledge.faq.get(faq.id or "")
        named = shape.frameworks
        if (
            entry is None
            or entry.only_when != ONLY_WHEN_CHOOSING
            or (top.entry.id == entry.id and top.phrasing_coverage >= WHOLE_PHRASING)
            or not 2 <= len(named) < len(self.all_frameworks)
            or self.shapes.offers_no_choice(shape)
        ):
            return faq
        use_case = shape.use_cases[0] if shape.use_cases else None
        verdict = self.shapes.verdict(
            named, use_case, faq.confidence, f"a pick among those named ({faq.why})"
        )
        return verdict or faq
