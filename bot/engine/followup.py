"""Follow-ups: questions that lean on the previous turn of a conversation.

After "pytorch vs tensorflow?", "what about for mobile?" narrows the comparison,
"and jax?" adds a framework, "why?" expands the last answer; after "cons of tf",
"and pytorch?" switches the framework. A question that stands on its own (two
frameworks, its own intent) ignores the context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.engine.answer import Answer, Kind
from bot.engine.cues import COMPARE_CUES, OF_THOSE_BEFORE, OVERALL_WORDS, PRONOUN, WHICH_ONE
from bot.engine.detect import Shape
from bot.engine.normalize import stem
from bot.engine.reading import Reading
from bot.engine.runs import has_any_run, opens_with

FOLLOW_UP_CONFIDENCE = 0.85
USE_CASE_FOLLOW_UP_WORDS = 6
"""How many words of its own a follow-up that names only a use case may add: "and if i'm
handing the project to a brand new undergrad?" sets the scene for a new use case."""
JUDGED_FOLLOW_UP_WORDS = 2
"""Pros or cons asked of no framework lean on the last answer even with a couple of words
of their own ("what are its main weaknesses compared to the others")."""
PRONOUNS = frozenset({"it", "its", "that", "this", "them", "those", "one", "ones"})
AS_BEFORE = (
    ("on", "that"), ("for", "that"), ("in", "that"), ("the", "same"), ("same", "thing"),
    ("same", "q"), ("same", "question"), ("same", "for"),
)  # fmt: skip
"""Words that ask the last question again ("what about jax vs pytorch on that", "same q but
jax vs torch")."""
CONCLUDING_OPENERS = (("so",), ("ok", "so"), ("okay", "so"), ("alright", "so"), ("then",))
"""Openers that draw a conclusion from the last answer: "ok so which one should i learn"."""
INSTEAD = "instead"
"""'Should i learn pytorch instead' after an answer about tensorflow weighs the two."""
THERE = "there"
"""Closing a follow-up, "there" asks it on the last answer's aspect too ("and jax, how does it
stack up against torch there"); elsewhere it need not ("is there a jax equivalent")."""

VerdictReading = Callable[[Sequence[str], str | None, float, str], Reading | None]
"""Builds a verdict reading for (frameworks, use case, confidence, why), if a verdict exists."""


def leans_on_context(shape: Shape, content: frozenset[str], after_a_comparison: bool = False) -> bool:
    """Whether a question only makes sense after the previous turn ("and jax?", "why?");
    ``after_a_comparison``: that turn was answered with a comparison."""
    if len(shape.frameworks) >= 2 and not (shape.adds or shape.removes):
        # "add keras and pytorch", "swap tf for jax" change the last answer; "what about
        # jax vs pytorch on that" asks it again of those two.
        return asks_it_again_of_others(shape, after_a_comparison) and len(content) <= 1
    if shape.asks_which_framework and shape.says_framework and not shape.frameworks:
        return False  # "best framework for research?" asks about them all, whatever came before
    if shape.asks_what_it_is:
        return False  # "what is keras 3" after "cons of pytorch" asks what keras is
    if not shape.frameworks and (shape.verdict or shape.picks) and picks_among_those_before(shape):
        return True
    if shape.asks_how_to and not shape.points_back and content:
        return False  # "and how do i make pytorch faster with compile" asks the FAQ anew
    if compares_those_before(shape):
        return True  # "how do they compare for training across many machines"
    if shape.points_back:  # "like that" is no praise
        return len(content) <= 3
    judged = shape.pros or shape.cons or shape.pros_word or shape.cons_word
    judged_there = shape.follow_up_opener and shape.tokens[-1] == THERE
    if shape.frameworks and (judged or shape.praises_by_name or shape.faults_by_name) and not judged_there:
        return False  # "what's bad about keras" stands on its own; "ok and pytorch, any good there" does not
    if says_it_follows_up(shape):
        if shape.use_cases and not shape.frameworks and not shape.aspects:
            return len(content) <= USE_CASE_FOLLOW_UP_WORDS
        return len(content) <= 3
    if shape.named_anything:
        return len(content) <= 1
    if (shape.pros or shape.cons) and not shape.frameworks and not shape.aspects:
        return len(content) <= JUDGED_FOLLOW_UP_WORDS  # "and the downsides? there must be a catch"
    if shape.expand or shape.opinion_cue:
        # "why?", "and the bad?", "which is better then?", "so which do i use for my uni project"
        return not content.difference(stem(word) for word in shape.purpose)  # content is stemmed
    return False


def follow_up(
    shape: Shape,
    prev: Answer,
    verdict: VerdictReading,
    about: Sequence[str] = (),
    content: frozenset[str] = frozenset(),
    on_aspect: str | None = None,
) -> Reading | None:
    """The previous answer adjusted by what the follow-up names, or None if it cannot be.

    ``about`` is the frameworks the previous answer was about, where it says (an FAQ
    entry may name none). After one framework, "is it faster than pytorch?" and "how does it
    compare to pytorch?" compare the two; on the aspect the question names, or else on
    ``on_aspect``, the one aspect of the previous answer's entry ("pytorch on a phone?" then
    "vs tflite tho" compares them on mobile).
    ``content`` is the follow-up's own words: "can i use pdb in pytorch" after an FAQ answer
    asks something new, where "and pytorch?" asks the same question again.
    """
    conf = FOLLOW_UP_CONFIDENCE
    named = shape.frameworks
    subject = about[0] if len(about) == 1 else None
    # "is it faster than pytorch?", "how does it compare to jax?", "vs tensorflow?"
    opens_with_vs = bool(shape.tokens) and shape.tokens[0] in COMPARE_CUES
    against = "than" in shape.tokens or (
        shape.compare and (opens_with_vs or not PRONOUNS.isdisjoint(shape.tokens))
    )
    # "should i learn pytorch instead" after "is tf dead" weighs the one named against it
    in_its_place = shape.verdict and INSTEAD in shape.tokens
    if subject is not None and (against or in_its_place) and len(named) == 1 and named[0] != subject:
        if shape.verdict and not shape.aspects:  # "vs jax tho, which should i go with"
            use_case = shape.use_cases[0] if shape.use_cases else None
            why = "follow-up: a pick between the last answer's framework and another"
            return verdict((subject, named[0]), use_case, conf, why)
        aspect = shape.aspects[0] if shape.aspects else on_aspect
        return Reading(
            "compare", conf, "follow-up: the last answer's framework against another",
            frameworks=(subject, named[0]), aspect=aspect,
        )  # fmt: skip
    # After the pros, "and why do people hate it?" turns the list over rather than expanding it.
    turns_over = (prev.kind == "pros" and shape.cons_word) or (prev.kind == "cons" and shape.pros_word)
    # After an entry about one framework, "why does everyone hate it?" asks for its cons.
    judges_it = (
        prev.kind == "faq"
        and subject is not None
        and not shape.named_anything  # "is it bad for mobile" asks about mobile
        and not PRONOUNS.isdisjoint(shape.tokens)
        and shape.cons_word != shape.pros_word
    )
    if (
        not shape.named_anything
        and shape.expand
        and not (shape.pros or shape.cons or turns_over or judges_it)
    ):
        return Reading(
            prev.kind, conf, "asks for more about the last answer", prev.id, prev.frameworks,
            prev.aspect, prev.framework, prev.use_case, expanded=True,
        )  # fmt: skip
    if prev.kind in ("pros", "cons"):
        if len(named) >= 2 and shape.verdict:  # "should i use jax instead of pytorch then"
            use_case = shape.use_cases[0] if shape.use_cases else None
            return verdict(named, use_case, conf, "follow-up: a pick between the frameworks named")
        # With a framework named, a praise word is a reply to the last answer ("nice, and
        # jax?"); without one, it asks to turn the list over ("and the good?").
        cons = shape.cons or (shape.cons_word and not named)
        pros = shape.pros or (shape.pros_word and not named)
        kind: Kind = "cons" if cons else "pros" if pros else prev.kind
        framework = named[0] if named else prev.framework
        if framework is None:
            return None
        if named or kind != prev.kind:
            return Reading(kind, conf, f"follow-up on {prev.kind}", framework=framework)
        return None
    if prev.kind == "compare":
        if (
            (shape.verdict and not shape.own_aspects)
            or shape.picks_not_weighs
            or (shape.use_cases and not shape.aspects)
        ):
            frameworks = changed(prev.frameworks, shape)
            use_case = shape.use_cases[0] if shape.use_cases else None
            return verdict(frameworks, use_case, conf, "follow-up: verdict on the comparison")
        if shape.aspects or named:  # "which has better multi-gpu support" compares on that aspect
            aspect = shape.aspects[0] if shape.aspects else prev.aspect
            frameworks = changed(prev.frameworks, shape)
            if asks_it_again_of_others(shape, after_a_comparison=True):
                frameworks = named  # "what about jax vs pytorch on that": those two instead
            if len(frameworks) < 2:
                return None
            return Reading(
                "compare", conf, "follow-up on the comparison", frameworks=frameworks, aspect=aspect
            )
        return None
    if prev.kind == "verdict":
        if shape.use_cases or named or shape.aspects:
            frameworks = changed(prev.frameworks, shape)
            if len(named) >= 2 and not (shape.adds or shape.removes):
                frameworks = named  # "ok but keras vs pytorch?" asks about those two
            use_case = shape.use_cases[0] if shape.use_cases else prev.use_case
            # "…and shipping to prod, how do they compare there" compares, use case or not
            compares = shape.compare and not shape.compare_by_or and not shape.verdict
            if shape.aspects and (compares or not shape.use_cases) and len(frameworks) >= 2:
                return Reading(
                    "compare",
                    conf,
                    "follow-up: compare on an aspect",
                    frameworks=frameworks,
                    aspect=shape.aspects[0],
                )
            return verdict(frameworks, use_case, conf, "follow-up on the verdict")
        if shape.verdict:  # "ok, final answer: which one?"
            return verdict(prev.frameworks, prev.use_case, conf, "follow-up: the verdict again")
        return None
    if prev.kind == "faq" and subject is not None and not named and (shape.pros or shape.cons or judges_it):
        kind = "cons" if shape.cons or (judges_it and shape.cons_word) else "pros"  # "what is jax" → "pros?"
        return Reading(kind, conf, f"follow-up: the {kind} of the last entry's framework", framework=subject)
    covered = not about or set(named) <= set(about)  # "is tensorflow dead" → "and keras?" is not
    if prev.kind == "faq" and named and covered and not content and not shape.aspects and not shape.use_cases:
        return Reading("faq", conf * 0.9, "follow-up: same question, another framework", id=prev.id)
    return None


COORDINATORS = frozenset({"and", "or", "compare", "vs"})
"""Words that join two frameworks offered side by side (the knowledge rewrites "or" to "compare")."""
BRIDGE_WORDS = frozenset({"just", "go", "switch", "move", "to", "use", "learn", "pick", "with", "for"})
BRIDGE_REACH = 2
"""Words that may stand between "it or" and the other framework's name: "it or just go pytorch"."""
IN_PLACE_OF = (("instead", "of"), ("over",), ("rather", "than"))
"""Words that set one framework in another's place: "use it instead of pytorch", "keras over it"."""


def it_beside_a_name(shape: Shape) -> int | None:
    """Where "it" stands beside a framework's name, joined to it by COORDINATORS ("between
    it and pytorch", "use it or tensorflow", "jax vs it") or set in its place (IN_PLACE_OF:
    "use it instead of pytorch"): "it" is then the last answer's framework, offered
    alongside the one named. None when there is no such "it"."""
    starts = {m.start for m in shape.mentions if m.kind == "framework"}
    ends = {m.end for m in shape.mentions if m.kind == "framework"}
    words = shape.tokens
    for at, word in enumerate(words):
        if word != PRONOUN:
            continue
        if at + 1 < len(words) and words[at + 1] in COORDINATORS and _bridged(words, at + 2, starts):
            return at
        if at - 1 in ends and words[at - 1] in COORDINATORS:
            return at
        for run in IN_PLACE_OF:
            if at + 1 + len(run) in starts and tuple(words[at + 1 : at + 1 + len(run)]) == run:
                return at
            if at - len(run) in ends and tuple(words[at - len(run) : at]) == run:
                return at
    return None


def _bridged(words: Sequence[str], at: int, starts: set[int]) -> bool:
    """Whether a framework's name starts at ``at`` or after at most BRIDGE_REACH words of
    BRIDGE_WORDS ("…learn it or just go pytorch", "keep it or switch to jax")."""
    for start in range(at, min(len(words), at + BRIDGE_REACH) + 1):
        if start in starts:
            return True
        if start < len(words) and words[start] not in BRIDGE_WORDS:
            return False
    return False


def it_used_with(shape: Shape) -> int | None:
    """Where "with it" stands in a question that names no framework ("which nn library do i
    use with it"): "it" is then the last answer's framework, the one to build on, and the
    question no pick among all of them. None when there is no such "it"."""
    if shape.frameworks:
        return None
    words = shape.tokens
    return next((at for at in range(1, len(words)) if words[at] == PRONOUN and words[at - 1] == "with"), None)


def it_of_the_last_answer(shape: Shape) -> int | None:
    """Where the first "it" stands in a question that names no framework ("do people still
    use it for research"): it may be the last answer's framework, or anything else ("how do
    i put it behind an api"), so the engine reads the question both ways."""
    if shape.frameworks:
        return None
    return next((at for at, word in enumerate(shape.tokens) if word == PRONOUN), None)


def asks_something(shape: Shape) -> bool:
    """Whether the question carries an intent cue of its own (compare, pros, cons, which, why…)."""
    return shape.compare or shape.expand or shape.opinion_cue


THOSE_COMPARED = frozenset({"they", "them", "both", "each", "those", "either"})
"""Words that, in a comparison naming no framework, stand for the frameworks last compared."""
THE_TWO = (("the", "two"), ("these", "two"), ("the", "pair"))
"""Phrases that do the same ("how do the two compare on 64 a100s"); "two" alone may be any two."""


def picks_among_those_before(shape: Shape) -> bool:
    """Whether the question's words pick among the last answer's frameworks: "fair. if you had
    to pick one of the two for a ten-week course, which one?", or, drawing a conclusion from
    that answer, "ok so which one should i learn to get a job" (a bare "which one is best for
    nlp" may ask of every framework)."""
    if has_any_run(shape.tokens, OF_THOSE_BEFORE):
        return True
    concludes = any(opens_with(shape.tokens, opener) for opener in CONCLUDING_OPENERS)
    return concludes and has_any_run(shape.tokens, (WHICH_ONE,))


def compares_those_before(shape: Shape) -> bool:
    """A comparison of the frameworks of the last turn ("how do they compare for training
    across many machines", "which of them is faster on tpus"), or a question on an aspect
    that asks it of them ("which accelerators does each officially run on"): it cannot
    stand alone, whatever an FAQ entry on the same topic would score."""
    if not (shape.compare or shape.aspects) or shape.frameworks:
        return False
    return not THOSE_COMPARED.isdisjoint(shape.tokens) or has_any_run(shape.tokens, THE_TWO)


def says_it_follows_up(shape: Shape) -> bool:
    """Whether the wording itself leans on the last turn: "what about…", "and…", "is it…"."""
    return shape.follow_up_opener or bool(PRONOUNS & set(shape.tokens[:3])) or shape.points_back


def asks_it_again_of_others(shape: Shape, after_a_comparison: bool = False) -> bool:
    """Whether a follow-up names two or more frameworks of its own and asks the last question
    of them ("what about jax vs pytorch on that", "ok and tf vs keras for the same"): the
    last answer's aspect or use case carries over; its frameworks do not. After a comparison,
    naming them is enough ("and tf vs pytorch?" after one on hardware), unless it asks of
    them "overall"; after a verdict, "ok but keras vs tensorflow?" asks for the comparison."""
    return (
        len(shape.frameworks) >= 2
        and not (shape.adds or shape.removes or shape.own_aspects or shape.use_cases)
        and shape.follow_up_opener
        and (
            has_any_run(shape.tokens, AS_BEFORE)
            or shape.tokens[-1] == THERE
            or (after_a_comparison and OVERALL_WORDS.isdisjoint(shape.tokens))
        )
    )


def changed(frameworks: Sequence[str], shape: Shape) -> tuple[str, ...]:
    """The last answer's frameworks with those the question takes out removed and those
    it names added ("drop tf, just jax and torch", "pytorch instead of jax")."""
    kept = [f for f in frameworks if f not in shape.removes]
    return merge(kept, [f for f in shape.frameworks if f not in shape.removes])


def merge(first: Sequence[str], extra: Sequence[str]) -> tuple[str, ...]:
    """``first`` then the new items of ``extra``, in order."""
    return tuple(dict.fromkeys((*first, *extra)))
