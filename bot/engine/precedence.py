"""Which reading answers when a question's shape and its best FAQ entry both read it, and
when a long message's question sentences read otherwise than the whole of it.

Mostly the more confident one. Eight rules come first, because confidence alone gets
them wrong:

- a comparison asked outright on an aspect ("tf vs pt, which trains faster") beats
  the FAQ entry on that aspect: the entry says how each framework does it, the
  comparison sets the named ones side by side;
- likewise a pick asked outright between named frameworks ("for a production platform,
  would you pick jax or torch", "keras or tf for a mobile app") beats the entry on the
  aspect it names: the entry says how each framework does it, the verdict picks one;
- "which framework…" asked without naming one ("need to ship a model inside a mobile
  app, which framework should i go with?") is a verdict however well an entry about one
  framework (PyTorch on phones) matches the rest: that entry picks no framework;
- an entry fairly sure of itself beats a comparison or verdict when the question asks
  of every framework one by one ("how does multi-gpu training work in each framework"):
  it wants how each does it;
- an entry on one platform of an aspect several entries split ("which frameworks
  support AMD/ROCm properly") beats a comparison on that aspect not asked outright,
  when the question all but covers one of its phrasings;
- likewise, a follow-up that narrows the last comparison to one such platform ("what
  about apple m3, can either use the gpu") gets that platform's entry;
- an entry on picking a framework (``only_when: choosing``) that the question
  matches by a topic of its own ("which framework do people choose for nlp") beats
  the bare verdict over all frameworks, which would ignore the topic;
- likewise an entry fairly sure of itself beats the bare verdict when the question
  weighs a property ("which framework has more tools and libraries around it").
"""

from __future__ import annotations

from bot.engine.detect import Shape
from bot.engine.normalize import stem
from bot.engine.rank import NOT_EVIDENCE, Ranked, plain_words
from bot.engine.reading import Reading
from bot.knowledge import FaqEntry
from bot.knowledge.model import ONLY_WHEN_CHOOSING

SURE_COMPARISON = 0.6
"""A comparison (or pick) asked outright at least this confident beats an FAQ entry on the
same aspect."""
APIS_COMPARED = 2
"""A comparison of at least this many frameworks' APIs ("tf.function vs jax.jit") does not
beat the FAQ entry on its aspect by the first rule: the entry explains those APIs."""
EACH_ENTRY_CONFIDENCE = 0.4
"""An entry must be at least this confident to answer a question asked of each framework
over a comparison or verdict (see _asks_each_how)."""
NARROWER_PHRASING = 0.8
"""How much of its best phrasing an entry on one platform must be matched by to answer over
a comparison on the aspect it shares (see _narrower_entry)."""
WEIGHED_ENTRY_CONFIDENCE = 0.4
"""An entry must be at least this confident to answer a question weighing a property over the
bare verdict (see _weighs_what_the_entry_covers)."""
TOPIC_PICK_CONFIDENCE = 0.15
"""An entry on picking by topic must be at least this confident to beat the bare verdict."""


def shape_answers(
    shape: Shape,
    structured: Reading,
    faq: Reading,
    entry: FaqEntry,
    top: Ranked,
    named_by_api: frozenset[str] = frozenset(),
    split_aspects: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``structured`` (the shape's reading) answers rather than ``faq``, the reading of
    ``entry``; ``top`` is the best-ranked entry (``entry`` itself unless it gave way to a sibling);
    ``named_by_api``: the frameworks the question names through an API ("tf.function", see apis.py);
    ``split_aspects``: the aspects several entries share, one per platform (see _narrower_entry)."""
    compares = _compares_on_its_aspect(shape, structured, entry) and len(named_by_api) < APIS_COMPARED
    if (
        compares
        or _picks_over_its_aspect(shape, structured, entry)
        or _asks_which_of_all(shape, structured, entry)
    ):
        return True
    entry_answers = (
        _picks_within_its_topic(shape, structured, faq, entry, top)
        or _weighs_what_the_entry_covers(shape, structured, faq, entry)
        or _asks_each_how(shape, structured, faq, entry)
        or _narrower_entry(shape, structured, entry, top, split_aspects)
    )
    return not entry_answers and structured.confidence >= faq.confidence


def _compares_on_its_aspect(shape: Shape, structured: Reading, entry: FaqEntry) -> bool:
    """A comparison on one of ``entry``'s aspects, asked with "vs" or "compare". Not when the
    question asks how to do something ("jax vs torch timing, how do i measure it fairly"), and
    not for a comparison made unsure by many other words."""
    return (
        structured.kind == "compare"
        and structured.aspect is not None
        and structured.confidence >= SURE_COMPARISON
        and shape.compare
        and not shape.compare_by_or
        and not shape.asks_how_to
        and structured.aspect in entry.aspects
    )


def _picks_over_its_aspect(shape: Shape, structured: Reading, entry: FaqEntry) -> bool:
    """A verdict between named frameworks asked with a pick word (see PICK_CUES) or offered
    with "or" for a use case ("keras or tf for a mobile app"), against an entry on an aspect
    the question names. Not when it asks how to do something."""
    return (
        structured.kind == "verdict"
        and structured.confidence >= SURE_COMPARISON
        and len(shape.frameworks) >= 2
        and (shape.picks or (shape.compare_by_or and bool(shape.use_cases)))
        and not shape.asks_how_to
        and not set(shape.aspects).isdisjoint(entry.aspects)
    )


def _asks_which_of_all(shape: Shape, structured: Reading, entry: FaqEntry) -> bool:
    """A verdict asked with "which framework…" naming none, against an entry about particular
    frameworks: it cannot say which of them all to pick."""
    return (
        structured.kind == "verdict"
        and shape.asks_which_framework
        and not shape.frameworks
        and bool(entry.frameworks)
    )


def _narrower_entry(
    shape: Shape, structured: Reading, entry: FaqEntry, top: Ranked, split_aspects: frozenset[str]
) -> bool:
    """A comparison on an aspect that several entries split between them, one per platform
    (``split_aspects``: hardware support is split into GPUs, TPUs, Apple silicon and AMD,
    mobile & edge into each runtime, the browser and quantization),
    asked by "or", "which" or "better" but not outright with "vs" or "compare" (and not a
    bare "tf and jax on tpus", which the table answers), against the best-ranked entry on it whose
    phrasing the question all but covers (NARROWER_PHRASING): "which frameworks support
    AMD/ROCm properly? my code is jax, my labmate's is pytorch" asks about AMD, not about
    all hardware."""
    return (
        structured.kind == "compare"
        and structured.aspect in split_aspects
        and structured.aspect in entry.aspects
        and top.entry.id == entry.id
        and top.phrasing_coverage >= NARROWER_PHRASING
        and (shape.asks_to_choose or shape.weighs_a_property)
        and not (shape.compare and not shape.compare_by_or)
    )


def narrows_the_comparison(
    follow_up: Reading, alone: Reading, top: Ranked, split_aspects: frozenset[str]
) -> bool:
    """A follow-up read as the last comparison on an aspect several entries split, one per
    platform (see _narrower_entry), that read on its own gets the best-ranked entry on that
    aspect, whose phrasing it all but covers (NARROWER_PHRASING) and which speaks for every
    framework compared: after "tf vs jax for tpu", "what about apple m3, can either use the
    gpu" asks about Apple silicon, not for the whole hardware table. (PyTorch's mobile entry
    does not answer "what about for mobile" after "pytorch vs jax".)"""
    return (
        follow_up.kind == "compare"
        and follow_up.aspect in split_aspects
        and alone.kind == "faq"
        and alone.id == top.entry.id
        and follow_up.aspect in top.entry.aspects
        and (not top.entry.frameworks or set(follow_up.frameworks) <= set(top.entry.frameworks))
        and top.phrasing_coverage >= NARROWER_PHRASING
    )


def _asks_each_how(shape: Shape, structured: Reading, faq: Reading, entry: FaqEntry) -> bool:
    """A comparison or verdict against an entry fairly sure of itself (EACH_ENTRY_CONFIDENCE),
    where the question asks of every framework one by one ("how does multi-gpu training work
    in each framework", "the best tool for data loading in each framework"): the entry says
    how each does it. Not when the question also sets them side by side or weighs them, nor
    for an entry on picking one (asking how each serves models asks no pick)."""
    return (
        structured.kind in ("compare", "verdict")
        and entry.only_when != ONLY_WHEN_CHOOSING
        and faq.confidence >= EACH_ENTRY_CONFIDENCE
        and shape.asks_of_each
        and not (shape.compare or shape.weighs_a_property)
    )


def _weighs_what_the_entry_covers(shape: Shape, structured: Reading, faq: Reading, entry: FaqEntry) -> bool:
    """A bare verdict over all frameworks (no framework named, no use case) against an entry
    fairly sure of itself (WEIGHED_ENTRY_CONFIDENCE) when the question weighs a property
    ("which framework has more tools and libraries around it"): the property is what it asks
    about, which the entry answers and the verdict ignores."""
    return (
        structured.kind == "verdict"
        and structured.use_case is None
        and not shape.frameworks
        and shape.weighs_a_property
        and entry.only_when != ONLY_WHEN_CHOOSING
        and faq.confidence >= WEIGHED_ENTRY_CONFIDENCE
    )


def _picks_within_its_topic(
    shape: Shape, structured: Reading, faq: Reading, entry: FaqEntry, top: Ranked
) -> bool:
    """A verdict over all frameworks against an entry on picking one, which the question
    names no framework for and matched by words of its own beyond the cues and names."""
    if entry.only_when != ONLY_WHEN_CHOOSING or structured.kind != "verdict" or shape.frameworks:
        return False
    if top.entry.id != entry.id:
        return False
    topic = plain_words(top.named) - NOT_EVIDENCE
    topic -= {stem(w) for w in shape.words_of_names}
    return bool(topic) and faq.confidence >= TOPIC_PICK_CONFIDENCE


def asks_otherwise(
    focused: Reading, whole: Reading, offers_a_choice: bool = False, offers_two: bool = False
) -> bool:
    """Whether the reading of a message's question sentences (``focused``) asks for another
    answer than the reading of the whole message, which has read cues in its backstory too.
    ``offers_a_choice``: the question sentences offer the frameworks by "or" or ask which
    framework to pick, without pointing into the backstory ("…lots of TPU credits. TensorFlow
    or JAX for new projects?", "Which framework should I learn? …"). ``offers_two``: they
    name two frameworks or more, and then ask about those, not also the backstory's ("jax or
    tensorflow for our new project? …the others are ex-pytorch"). Of the same kind, they ask
    otherwise when they differ in aspect, use case or framework ("been doing jax for a year…
    but what are its real strengths? my advisor swears by pytorch": jax's, not pytorch's)."""
    if focused.kind == whole.kind:
        return (
            (focused.aspect or whole.aspect) != whole.aspect
            or (focused.use_case or whole.use_case) != whole.use_case
            or (focused.framework or whole.framework) != whole.framework
            or (offers_two and set(focused.frameworks) < set(whole.frameworks))
        )
    if focused.kind == "verdict" and whole.kind == "compare":
        # "...from languages other than python. Who has the better story there?" weighs the
        # two on the aspect the backstory names; "for production, which would you pick" picks.
        return focused.use_case is not None or whole.aspect is None or offers_a_choice
    # "my kid wants to learn neural nets. keras, pytorch or tensorflow?": an "or" is a pick.
    return not (focused.kind == "compare" and whole.kind == "verdict" and focused.aspect is None)
