"""A question's shape: what it names (see :mod:`bot.engine.entities`) and its intent cues.

Works on analysed tokens (typos corrected, synonyms and framework aliases
already rewritten), so "pytroch vs tensorflwo for phones" arrives here as
``pytorch compare tensorflow for phone``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.engine import wording
from bot.engine.cues import (
    ADD_CUES,
    COMPARE_CUES,
    CONS_CUES,
    CONVERSION_WORDS,
    DEFINITION_OPENERS,
    DL_LIBRARY_PAIRS,
    EACH_FRAMEWORK,
    EXPAND_CUES,
    FAULT_PHRASES,
    FOLLOW_UP_OPENERS,
    FRAMEWORK_WORDS,
    FRESH_TOPIC,
    HEDGES,
    HOW_TO,
    INJECTION_MARKERS,
    ORIGIN_LINKS,
    ORIGIN_WORDS,
    PASSIVE_AUXILIARIES,
    PICK_PHRASES,
    PITCH_PHRASES,
    POPULARITY_WORDS,
    PRAISE_PHRASES,
    PRESCRIPTIVE_CUES,
    PROS_CUES,
    PROS_WORDS,
    PURPOSE_WORDS,
    SWITCHING_TERM,
    TRAINING_TERM,
    USAGE_GROUPS,
    USAGE_SPAN,
    USAGE_VERBS,
    VERDICT_CUES,
    WHO_IS,
    WORTH_CUE,
)
from bot.engine.entities import EntityTable, Mention
from bot.engine.judged import (
    only_or_compares,
    or_asks_whether,
    or_joins_frameworks,
    praise_denied,
    said_of_a_framework,
    spans_judged,
)
from bot.engine.moves import leaves_one, one_to_another, removed
from bot.engine.runs import has_any_run, opens_with

LISTED_ASPECTS = 3
"""See :attr:`Shape.lists_aspects`."""
TERSE_FRAMEWORK_ASK = 4
"""At most this many words beside "framework" ask for one (see :attr:`Shape.asks_to_choose`)."""


@dataclass(frozen=True, slots=True)
class Shape:
    """The shape of a question: what it names and which cues it carries."""

    tokens: tuple[str, ...]
    mentions: tuple[Mention, ...]
    frameworks: tuple[str, ...]
    aspects: tuple[str, ...]
    use_cases: tuple[str, ...]
    compare: bool
    compare_by_or: bool
    """Only "X or Y" asks for the comparison: weaker than "vs" ("is keras part of tf or its own thing")."""
    asks_whether: bool
    """Its "or" opens the other half of a yes-or-no question (see OR_ASKS_WHETHER)."""
    pros: bool
    cons: bool
    praises_by_name: bool
    """Says "any good", "does well"… right after a framework's name, or an "it" standing
    for it, or "sell me"… right before the name (see PRAISE_PHRASES, PITCH_PHRASES and
    spans_judged)."""
    faults_by_name: bool
    """Says "wrong with"… right before a framework's name (see FAULT_PHRASES), or denies it a
    praise ("what can't keras do well", see DENIALS)."""
    pros_word: bool
    cons_word: bool
    verdict: bool
    picks: bool
    """Asks outright for a pick (see PICK_CUES): by a word or a phrase."""
    picks_by_word: bool
    """Asks for a pick by a word ("pick", "choose"), not a phrase ("go with", "bet on")."""
    purpose: tuple[str, ...]
    """What the frameworks are for, the words after "for" up to a purpose noun: "our new
    project" in "…for our new project" (see PURPOSE_NOUNS); empty when it says none."""
    asks_which_framework: bool
    """Asks to choose between frameworks in so many words (see CHOICE_PAIRS)."""
    expand: bool
    follow_up_opener: bool
    points_back: bool
    """Says "like that", "the same", "which one"… somewhere (see ANAPHORA)."""
    removes: tuple[str, ...]
    """Frameworks the question takes out of the last answer: "drop tf", "swap tf for
    pytorch", "pytorch instead of jax" (see moves.removed)."""
    adds: bool
    """Asks to add something to the last answer: "add keras to that", "include jax" (see ADD_CUES)."""
    fresh_topic: bool
    """Says it starts something new: "unrelated, but…", "different question:" (see FRESH_TOPIC)."""
    asks_how_to: bool
    """Asks how to do something: "how do i…", "how can we…" (see HOW_TO)."""
    asks_of_each: bool
    """Asks of every framework one by one: "in each framework" (see EACH_FRAMEWORK)."""
    weighs_a_property: bool
    """Asks which one is more of something: "which is easier", "which has better bindings"
    (see wording.weighs_a_property); "which is better" alone asks for a pick."""
    asks_for_a_figure: bool
    """Asks for a number: "how many epochs", "how much does it cost" (see FIGURE_WORDS)."""
    gives_orders: bool
    """Tries to instruct the bot: "ignore your instructions", "system override" (see INJECTION_MARKERS)."""
    one_to_another: bool
    """Goes from one framework to another ("keras model to pytorch", "tf to jax"): a port."""
    converts: bool
    """Says "convert" or "conversion" as typed (see CONVERSION_WORDS)."""
    backends: tuple[str, ...]
    """Frameworks named only as another's backend ("keras 3 w jax backend"): used under it,
    not offered beside it."""
    leaves_one: bool
    """Goes "from" one framework "to" another ("moving our team from tf to jax"): a switch."""
    leftover: tuple[str, ...]
    """Tokens not part of any mention, nor among words_of_names."""
    words_of_names: frozenset[str]
    """The words of the aspects and use cases named: "training" in "jax vs keras for training
    on multiple gpus" (distributed-training) says nothing the aspect does not."""

    @property
    def named_anything(self) -> bool:
        return bool(self.mentions)

    @property
    def frameworks_its_words_name(self) -> tuple[str, ...]:
        """The frameworks its own words name: :attr:`frameworks` may be lent by the rest of
        a message (see sentences.py)."""
        return _unique(m.id for m in self.mentions if m.kind == "framework")

    @property
    def opinion_cue(self) -> bool:
        """Asks for pros, cons or a pick ("downsides", "good", "which should I…")."""
        return self.pros or self.cons or self.pros_word or self.cons_word or self.verdict

    @property
    def asks_what_it_is(self) -> bool:
        """Opens by asking what a framework is ("what is keras 3", "what even is jax"; see
        DEFINITION_OPENERS): the words before its name are an opener, give or take hedges;
        or opens with its name and an opener right after it (Hindi's "jax kya hai", read
        "jax what is")."""
        first = min((m for m in self.mentions if m.kind == "framework"), key=lambda m: m.start, default=None)
        if first is None:
            return False
        before = tuple(w for w in self.tokens[: first.start] if w not in HEDGES)
        if before in DEFINITION_OPENERS:
            return True
        after = [w for w in self.tokens[first.end :] if w not in HEDGES]
        return not before and any(tuple(after[: len(o)]) == o for o in DEFINITION_OPENERS if len(o) == 2)

    @property
    def asks_who_it_is_for(self) -> bool:
        """Asks who a framework is for: "who is jax meant for", "who is keras even for, like
        what kind of person picks it up". After "who is <name>" come only hedges or words
        of purpose (see PURPOSE_WORDS), then "for"."""
        for mention in self.mentions:
            before = self.tokens[max(0, mention.start - 2) : mention.start]  # WHO_IS: 2 words at most
            if mention.kind != "framework" or not any(before[-len(o) :] == o for o in WHO_IS):
                continue
            after = mention.end
            while after < len(self.tokens) and (
                self.tokens[after] in HEDGES or self.tokens[after] in PURPOSE_WORDS
            ):
                after += 1
            if self.tokens[after : after + 1] == ("for",):
                return True
        return False

    @property
    def describes_usage(self) -> bool:
        """Asks who uses what rather than which to pick ("do employers want torch or tf",
        "which is most popular in research")."""
        if not PRESCRIPTIVE_CUES.isdisjoint(self.tokens):
            return False
        words = self.tokens
        if not POPULARITY_WORDS.isdisjoint(words):
            return True
        return any(
            word in USAGE_GROUPS and not USAGE_VERBS.isdisjoint(words[i + 1 : i + 1 + USAGE_SPAN])
            for i, word in enumerate(words)
        )

    @property
    def switches(self) -> bool:
        """Speaks of switching or migrating ("is moving to torch worth it"; see SWITCHING_TERM)."""
        return SWITCHING_TERM in self.tokens

    @property
    def switches_to_a_choice(self) -> bool:
        """Asks which of two or more frameworks to switch to, leaving none of them ("would you
        recommend moving to jax or to pytorch"): a pick, unlike "moving from tf to torch" or
        "learning both torch and jax, or one" (an "and" between them)."""
        if not (self.switches and self.compare):
            return False
        at = self.tokens.index(SWITCHING_TERM)
        starts = [m.start for m in self.mentions if m.kind == "framework"]
        if len(starts) < 2 or min(starts) < at or "from" in self.tokens[at:]:
            return False
        return "and" not in self.tokens[min(starts) : max(starts)]

    @property
    def says_framework(self) -> bool:
        """Uses the word "framework" ("which framework…", not just "which library…"), or
        names a deep-learning library ("which dl library…"; see DL_LIBRARY_PAIRS)."""
        if not FRAMEWORK_WORDS.isdisjoint(self.tokens):
            return True
        return any(pair in DL_LIBRARY_PAIRS for pair in itertools.pairwise(self.tokens))

    @property
    def asks_for_a_framework(self) -> bool:
        """Asks which framework to use in so many words: "which framework for speech"."""
        return self.asks_which_framework and self.says_framework

    @property
    def picks_not_weighs(self) -> bool:
        """Asks outright for a pick and does not only weigh a property: "which should we bet
        on for tpus", not "which is easier to pick up"."""
        return self.picks and not self.weighs_a_property

    @property
    def asks_to_choose(self) -> bool:
        """Asks which framework to pick, or to weigh two: "best…", "which…", "X or Y", "vs";
        or, in a few words, names a topic beside the word "framework" ("nlp fw", "framework
        for audio"), which asks for one."""
        terse = len(self.tokens) <= TERSE_FRAMEWORK_ASK and self.says_framework
        return self.verdict or self.asks_which_framework or self.compare or terse

    def origin_free_leftover(self) -> tuple[str, ...]:
        """The leftover tokens without those that only say which framework a model came
        from ("and if it was built in keras?": "built", see ORIGIN_WORDS)."""
        origins = {
            m.start - 2
            for m in self.mentions
            if m.kind == "framework" and m.start >= 2 and self._says_origin(m.start - 2)
        }
        return _outside(self.tokens, self.mentions, also=origins)

    def _says_origin(self, at: int) -> bool:
        """Whether the word at ``at`` and the link after it say where a model came from:
        "built in", "written with", "was trained in" (see ORIGIN_WORDS)."""
        if self.tokens[at + 1] not in ORIGIN_LINKS:
            return False
        word = self.tokens[at]
        if word == TRAINING_TERM:
            return at >= 1 and self.tokens[at - 1] in PASSIVE_AUXILIARIES
        return word in ORIGIN_WORDS

    def framework_nearest(self, cues: frozenset[str]) -> str | None:
        """The framework named closest to the first of ``cues`` ("jax drawbacks? … from torch": jax).
        Question sentences that name none ("…keras's fit feels like home. but what are its
        advantages?") ask of the first the whole message names, whose frameworks they hold."""
        at = next((i for i, word in enumerate(self.tokens) if word in cues), None)
        names = [m for m in self.mentions if m.kind == "framework"]
        if not names:
            return self.frameworks[0] if self.frameworks else None
        if at is None:
            return None
        return min(names, key=lambda m: min(abs(m.start - at), abs(m.end - 1 - at))).id

    @property
    def asks_only_if_worth(self) -> bool:
        """Its only verdict cue is "worth" ("is moving to torch worth the cost"): it asks
        whether, not which."""
        return VERDICT_CUES.intersection(self.tokens) == {WORTH_CUE}

    @property
    def lists_aspects(self) -> bool:
        """Names LISTED_ASPECTS or more aspects, each once ("ease of use, speed, deployment"):
        a list, which the whole comparison table answers. An aspect named again and again
        ("node", "cluster", "scales") is the one asked about, whatever else is named."""
        counts = Counter(m.id for m in self.mentions if m.kind == "aspect")
        return len(counts) >= LISTED_ASPECTS and max(counts.values()) == 1

    @property
    def own_aspects(self) -> tuple[str, ...]:
        """Aspects named by words that do not also name a use case ("mobile" names both)."""
        use_case_spans = {(m.start, m.end) for m in self.mentions if m.kind == "use_case"}
        return _unique(
            m.id for m in self.mentions if m.kind == "aspect" and (m.start, m.end) not in use_case_spans
        )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _aspects_by_mentions(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Distinct aspects, the most often named first; ties: the one named by the longest
    phrase first ("how fast a newbie gets productive" asks about learning, not speed),
    then the first named."""
    aspect_mentions = [m for m in mentions if m.kind == "aspect"]
    counts = Counter(m.id for m in aspect_mentions)
    longest: dict[str, int] = {}
    for m in aspect_mentions:
        longest[m.id] = max(longest.get(m.id, 0), m.end - m.start)
    return tuple(sorted(counts, key=lambda a: (-counts[a], -longest[a])))


def shape_of(words: Sequence[str], table: EntityTable, raw: Sequence[str] = ()) -> Shape:
    """The shape of analysed ``words``; ``raw`` (the tokens before rewriting) tells
    whether every comparison cue was a plain "or" (the knowledge rewrites "or" to "compare")."""
    mentions = table.mentions(words)
    named = frozenset(part for m in mentions if m.kind != "framework" for part in m.id.split("-"))
    leftover = tuple(w for w in _outside(words, mentions) if w not in named)
    port = one_to_another(words, mentions)
    judged = spans_judged(words, mentions)
    denied = praise_denied(words, judged)
    token_set = frozenset(words)
    by_word = wording.picks_by_word(words, token_set)
    opener = any(opens_with(words, o) for o in FOLLOW_UP_OPENERS)
    compare = bool(token_set & COMPARE_CUES) or wording.asks_how_different(words, token_set)
    by_or = compare and only_or_compares(words, raw)
    asks_whether = by_or and or_asks_whether(words, raw, mentions)
    if by_or and (asks_whether or not or_joins_frameworks(words, mentions)):
        compare = by_or = False  # "more like numpy or more like pytorch", "'pre' or 'post'"
    return Shape(
        tokens=tuple(words),
        mentions=tuple(mentions),
        frameworks=_unique(m.id for m in mentions if m.kind == "framework"),
        aspects=table.narrower_first(_aspects_by_mentions(mentions)),
        use_cases=_unique(m.id for m in mentions if m.kind == "use_case"),
        compare=compare,
        compare_by_or=by_or,
        asks_whether=asks_whether,
        pros=bool(token_set & PROS_CUES),
        cons=bool(token_set & CONS_CUES),
        praises_by_name=not denied and said_of_a_framework(words, judged, PITCH_PHRASES, PRAISE_PHRASES),
        faults_by_name=denied or said_of_a_framework(words, judged, FAULT_PHRASES),
        pros_word=bool(token_set & PROS_WORDS),
        cons_word=wording.complains(words),
        verdict=wording.verdict_cued(words, token_set),
        picks=by_word or has_any_run(words, PICK_PHRASES, token_set),
        picks_by_word=by_word,
        purpose=wording.purpose_of(words, token_set),
        asks_which_framework=wording.asks_which_framework(words),
        expand=bool(token_set & EXPAND_CUES),
        follow_up_opener=opener,
        points_back=wording.points_back(words, compare),
        removes=removed(words, mentions),
        adds=bool(token_set & ADD_CUES),
        fresh_topic=has_any_run(words, FRESH_TOPIC, token_set),
        asks_how_to=has_any_run(words, HOW_TO, token_set),
        asks_of_each=has_any_run(words, EACH_FRAMEWORK, token_set),
        weighs_a_property=wording.weighs_a_property(words),
        asks_for_a_figure=wording.asks_for_a_figure(words),
        gives_orders=has_any_run(words, INJECTION_MARKERS, token_set),
        one_to_another=port is not None,
        converts=not CONVERSION_WORDS.isdisjoint(raw or words),
        backends=wording.only_backends(words, mentions),
        leaves_one=leaves_one(words, port),
        leftover=leftover,
        words_of_names=named,
    )


def _outside(words: Sequence[str], mentions: Iterable[Mention], also: Iterable[int] = ()) -> tuple[str, ...]:
    """The words that are in no mention, nor at one of the positions ``also``."""
    covered = {i for m in mentions for i in range(m.start, m.end)} | set(also)
    return tuple(w for i, w in enumerate(words) if i not in covered)
