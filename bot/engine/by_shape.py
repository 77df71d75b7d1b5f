"""The reading a question's shape gives: what it names and which cues it carries.

Two frameworks and "vs" is a comparison, on an aspect if it names one; one framework
and "downsides" is its cons; "which should I pick" (with a use case, perhaps) is a
verdict. ``None`` where the shape asks none of these, and the FAQ entries answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bot.engine.cues import (
    CONS_CUES,
    FAULT_PHRASES,
    HISTORY_TERM,
    OVERALL_WORDS,
    PITCH_PHRASES,
    PRAISE_PHRASES,
    PROS_CUES,
    RELATION_CUES,
    WORTH_CUE,
)
from bot.engine.detect import Shape
from bot.engine.normalize import stem
from bot.engine.rank import FaqIndex
from bot.engine.reading import Reading
from bot.knowledge import KnowledgeBase

PHRASE_WORDS = frozenset(
    stem(w) for phrase in (*FAULT_PHRASES, *PRAISE_PHRASES, *PITCH_PHRASES, ("others",)) for w in phrase
)
"""The words of "what's wrong with tensorflow", "is jax any good" and "sell me keras" that are no
content of their own; nor is "others" in "what does jax do well that the others don't"."""

OR_CONFIDENCE = 0.75
"""A comparison asked only by "X or Y" is less certain than one asked by "vs":
the question may be about how the two relate ("is keras part of tf or its own thing")."""
PICK_CONFIDENCE = 0.92
"""Two frameworks and an outright "pick"/"choose" (see PICK_CUES), beside the aspects a
backstory names: as sure as a pick asked with "which"."""
POINTS_AMONG_TWO_CONFIDENCE = 0.75
"""Two frameworks, "drawbacks" and no "vs": the list of the one named next to the cue."""
ONE_FRAMEWORK_VERDICT = 0.8
"""'Is jax good for research': the use case's verdict over all frameworks."""
WHICH_FRAMEWORK_CONFIDENCE = 0.75
"""'Which framework…' with no name and no use case, before the unexplained-word penalty."""
UNCUED_COMPARISON_WORDS = 6
"""Two frameworks and an aspect with no comparison or choice cue stay a comparison only
while fewer of the question's words than this are unexplained."""
WORTH_ONLY_CONFIDENCE = 0.6
"""Two frameworks whose only verdict cue is "worth": less sure a verdict than 'which'."""
UNANSWERED_ASPECT_CONFIDENCE = 0.85
"""'Which framework has the best c++ support': an aspect no FAQ entry is about, asked of all
frameworks, is their comparison on it."""
VERDICT_SPARE_WORDS = 2
"""'Best pick for research?' (a verdict cue and a use case) stays a verdict with this many
other words; each costs confidence. 'Which framework…' and a use case needs no such limit."""


class ShapeReader:
    """Readings by shape, for one knowledge base (its verdicts and its FAQ vocabulary)."""

    def __init__(self, knowledge: KnowledgeBase, faq_index: FaqIndex) -> None:
        self.knowledge = knowledge
        self.faq_index = faq_index
        self.all_frameworks = tuple(knowledge.frameworks)
        self._aspects_with_an_entry = frozenset(a for entry in knowledge.faq.values() for a in entry.aspects)

    def verdict(
        self, frameworks: Sequence[str], use_case: str | None, confidence: float, why: str
    ) -> Reading | None:
        """A verdict on ``frameworks`` (all of them when none are named), or ``None`` when the
        knowledge has neither a verdict on them nor one over all frameworks."""
        frameworks = self.verdict_frameworks(frameworks)
        if (
            self.knowledge.verdict_for(frameworks) is None
            and self.knowledge.verdict_for(self.all_frameworks) is None
        ):
            return None
        return Reading("verdict", confidence, why, frameworks=frameworks, use_case=use_case)

    def verdict_frameworks(self, frameworks: Sequence[str]) -> tuple[str, ...]:
        """The frameworks a verdict is about: those named, or all of them in the verdict's order."""
        if frameworks:
            return tuple(frameworks)
        everything = self.knowledge.verdict_for(self.all_frameworks)
        return everything.frameworks if everything is not None else self.all_frameworks

    def read(self, shape: Shape, content: frozenset[str]) -> Reading | None:
        """The reading ``shape`` gives, if any; ``content`` is its words outside names and cues."""
        frameworks = shape.frameworks
        aspects = shape.own_aspects
        use_case = shape.use_cases[0] if shape.use_cases else None
        if len(frameworks) >= 2 and (
            self.offers_no_choice(shape) or len(frameworks) - len(shape.backends) < 2
        ):
            return None  # "…keras 3 with the jax backend": one framework used under another
        # "does keras 3 on the jax backend end up faster than tensorflow": keras against tf
        if shape.backends:
            frameworks = tuple(fw for fw in frameworks if fw not in shape.backends)
        if len(frameworks) >= 2:
            # "X or Y for mobile" asks which to pick, like "which is better for mobile"; so
            # does "X or Y for a startup shipping models", whatever aspect it also names,
            # unless a "vs" asks for the two side by side.
            choosing = shape.verdict or shape.compare_by_or
            side_by_side = (shape.compare and not shape.compare_by_or) or shape.weighs_a_property
            for_a_use = use_case is not None or bool(shape.purpose)
            picks_for_use_case = choosing and for_a_use and not (aspects and side_by_side)
            # "cluster of h100s and a tpu allocation… jax or pytorch, which do u pick?" picks,
            # whatever aspects the backstory names; so does a pick word beside a "vs" ("keras
            # vs torch for mobile, pick one for me") or a pick phrase after "which" ("…which
            # should we go with?"), but not a phrase alone ("is jax's community big enough
            # to bet on, compared to pytorch's"). "Which is better on tpus" weighs.
            picks_outright = shape.picks_not_weighs and (
                not side_by_side or shape.picks_by_word or shape.asks_which_framework
            )
            if shape.aspects and self._uncued_comparison_is_a_guess(shape, content):
                return None
            if shape.lists_aspects and not picks_for_use_case:
                why = f"two frameworks and a list of {len(shape.aspects)} aspects: the whole table"
                return Reading("compare", 0.95, why, frameworks=frameworks)
            if shape.aspects and picks_outright and not picks_for_use_case:
                return self.verdict(frameworks, use_case, PICK_CONFIDENCE, "two frameworks and 'pick'")
            if shape.aspects and not picks_for_use_case:
                return Reading(
                    "compare",
                    0.95,
                    "two frameworks and an aspect",
                    frameworks=frameworks,
                    aspect=shape.aspects[0],
                )
            if shape.pros != shape.cons and not shape.compare and not (use_case and shape.verdict):
                # "jax drawbacks? thinking of switching from torch": one framework's list,
                # even beside a "should" or a relative "which" ("keras strengths? …which is nice")
                kind: Literal["pros", "cons"] = "pros" if shape.pros else "cons"
                named = shape.framework_nearest(PROS_CUES if shape.pros else CONS_CUES)
                return Reading(kind, POINTS_AMONG_TWO_CONFIDENCE, f"'{kind}' next to one of two frameworks",
                               framework=named)  # fmt: skip
            if use_case is not None and not (shape.compare or shape.verdict):
                return None  # "in torch i used hooks, how do i do it in jax for my paper": no pick asked
            # "compare keras and pytorch overall? i teach beginners": the whole comparison
            if (
                use_case is not None
                and not (shape.verdict or shape.compare_by_or)
                and OVERALL_WORDS & set(shape.tokens)
            ):
                return Reading("compare", 0.95, "two frameworks, 'vs' and 'overall'", frameworks=frameworks)
            if use_case is not None:
                return self.verdict(frameworks, use_case, 0.93, "two frameworks and a use case")
            if shape.asks_only_if_worth:
                # "been on tf for years, worth learning pytorch too?" asks whether to switch,
                # which an FAQ entry answers; the verdict is the fallback.
                return self.verdict(frameworks, None, WORTH_ONLY_CONFIDENCE, "two frameworks and 'worth'")
            if shape.verdict:
                return self.verdict(frameworks, None, 0.92, "two frameworks and 'which/should/better'")
            if shape.picks_not_weighs:  # "torn between jax and pytorch, help"
                return self.verdict(frameworks, None, PICK_CONFIDENCE, "two frameworks and 'pick'")
            if HISTORY_TERM in shape.tokens:
                return None  # "which came first, keras or pytorch": their histories, an FAQ
            if shape.compare:
                if shape.compare_by_or and content:
                    # "keras or pytorch for our analytics platform" asks which to pick, as
                    # the members' labelled questions read it; bare "keras or pytorch?" compares.
                    return self.verdict(frameworks, None, OR_CONFIDENCE, "two frameworks, 'or' and more")
                if shape.compare_by_or:
                    return Reading("compare", OR_CONFIDENCE, "two frameworks and 'or'", frameworks=frameworks)
                return Reading("compare", 0.95, "two frameworks and 'vs'", frameworks=frameworks)
            if RELATION_CUES & set(shape.tokens):
                return None  # "is tf.keras the same thing as keras": how they relate, an FAQ
            return Reading("compare", 0.55, "two frameworks, no cue", frameworks=frameworks)
        if len(frameworks) == 1:
            only = frameworks[0]
            if shape.pros and not shape.cons:
                return Reading("pros", 0.92, "a framework and 'pros'", framework=only)
            if shape.cons:
                return Reading("cons", 0.92, "a framework and 'cons'", framework=only)
            if not self._known(content) - PHRASE_WORDS and not shape.aspects and not shape.use_cases:
                # "what's wrong with tensorflow", "is jax any good"; but "what's wrong with
                # tensorflow on windows" asks about windows, and "any good for research" is a verdict.
                if shape.faults_by_name:
                    return Reading("cons", 0.92, "'wrong with' a framework", framework=only)
                if shape.praises_by_name:
                    return Reading("pros", 0.92, "a framework and 'any good'", framework=only)
            if (
                use_case is not None
                and (shape.pros_word or shape.verdict)
                and not content
                and not shape.describes_usage
            ):
                # "is jax good for research": no verdict is about one framework alone; the
                # use case's verdict weighs it against the others. But "which companies use
                # jax in production" asks who uses it.
                return self.verdict((), use_case, ONE_FRAMEWORK_VERDICT, "a framework, 'good' and a use case")
            if not shape.aspects and not shape.use_cases and len(content) <= 1:
                if shape.cons_word:
                    return Reading("cons", 0.8, "a framework and a complaint", framework=only)
                # "why jax?", "is jax worth it": the case for it; but not "why does it…"
                asks_for_its_case = not content and ("why" in shape.tokens or WORTH_CUE in shape.tokens)
                if shape.pros_word or asks_for_its_case:
                    return Reading("pros", 0.75, "a framework and praise", framework=only)
            return None
        if shape.describes_usage:
            return None  # "which framework do companies really use": who uses what, an FAQ
        if shape.asks_which_framework and use_case is not None:
            return self.verdict((), use_case, 0.88, "'which framework' and a use case")
        if shape.asks_which_framework and aspects and aspects[0] not in self._aspects_with_an_entry:
            why = "'which framework' and an aspect no FAQ entry is about"
            return Reading(
                "compare",
                UNANSWERED_ASPECT_CONFIDENCE,
                why,
                frameworks=self.verdict_frameworks(()),
                aspect=aspects[0],
            )
        if shape.verdict and use_case is not None and len(content) <= VERDICT_SPARE_WORDS:
            return self.verdict((), use_case, 0.85, "'which/best' and a use case")
        if shape.verdict and not shape.named_anything and not content:
            return self.verdict((), None, 0.7, "'which should I pick' with nothing else")
        if shape.asks_which_framework and shape.says_framework and not shape.named_anything:
            # "…which framework would you recommend for someone like me?": the overall
            # verdict, less sure the more else the question says.
            return self.verdict((), None, WHICH_FRAMEWORK_CONFIDENCE, "'which framework' and a lot else")
        return None

    def _known(self, content: frozenset[str]) -> frozenset[str]:
        """The content words some FAQ entry uses: the others ("convince", "lol") cannot
        point to an entry, so they do not stand in the way of a reading by shape."""
        return frozenset(w for w in content if self.faq_index.entries_using(w))

    @staticmethod
    def _uncued_comparison_is_a_guess(shape: Shape, content: frozenset[str]) -> bool:
        """Two frameworks and an aspect, but no "vs" and no "which": a comparison is a guess
        when the question asks how to do something ("how do i split a model over gpus in
        jax? in pytorch there's fsdp") or says much else."""
        if shape.compare or shape.verdict:
            return False
        return shape.asks_how_to or len(content) >= UNCUED_COMPARISON_WORDS

    @staticmethod
    def offers_no_choice(shape: Shape) -> bool:
        """Whether a question that names two or more frameworks still asks none of the
        structured questions about them, so that the FAQ answers it."""
        return (
            # "convert keras model to pytorch": a port
            (shape.one_to_another and not shape.verdict)
            # "can i convert between tensorflow and pytorch": a port too, unless a "vs" compares
            or (shape.converts and not (shape.compare or shape.verdict))
            # "we have years of tf code, is moving to torch worth it": switching; but "moving
            # off sklearn, need to pick between keras and pytorch" asks outright for a pick
            or (
                shape.switches
                and not (shape.pros or shape.cons or shape.switches_to_a_choice or shape.picks_by_word)
            )
            # "do companies run torch or tf these days": who uses what
            or (shape.describes_usage and not shape.aspects)
            # "does my torch code run on tpus or do i have to learn jax": a yes-or-no question
            or shape.asks_whether
        )
