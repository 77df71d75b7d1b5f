import datetime as dt

from bot.engine.siblings import SiblingIndex
from bot.knowledge.model import FaqEntry, Origin, Ref

FRAMEWORKS = ("pytorch", "tensorflow", "jax")


def entry(
    ident: str, frameworks: tuple[str, ...], tags: tuple[str, ...], aspects: tuple[str, ...] = ()
) -> FaqEntry:
    return FaqEntry(
        id=ident,
        question=f"{ident}?",
        alternates=(),
        answer="An answer.",
        frameworks=frameworks,
        related=tuple(Ref("aspect", a) for a in aspects),
        tags=tags,
        sources=("https://example.org",),
        reviewed=dt.date(2026, 1, 1),
        origin=Origin("faq/x.yaml", 1),
    )


PT_HISTORY = entry("history-pt", ("pytorch",), ("history", "timeline", "pytorch"))
TF_HISTORY = entry("history-tf", ("tensorflow",), ("history", "timeline", "tensorflow"))
TF_STATUS = entry("status-tf", ("tensorflow",), ("status", "tensorflow", "history"))
PT_MOBILE = entry("mobile-pt", ("pytorch",), ("mobile", "history", "timeline"), aspects=("mobile-edge",))
TF_MOBILE = entry("mobile-tf", ("tensorflow", "jax"), ("mobile",), aspects=("mobile-edge",))
INDEX = SiblingIndex([PT_HISTORY, TF_HISTORY, TF_STATUS, PT_MOBILE, TF_MOBILE], FRAMEWORKS)


def test_an_entry_on_an_aspect_has_the_other_frameworks_entry_on_it_as_sibling():
    # mobile-pt shares two tags with history-tf too, but its aspect decides.
    assert INDEX.sibling(PT_MOBILE, ["tensorflow"], not_about=["pytorch"]) == TF_MOBILE
    assert INDEX.sibling(PT_MOBILE, ["jax"], not_about=["pytorch"]) == TF_MOBILE
    assert INDEX.sibling(TF_MOBILE, ["pytorch"], not_about=["tensorflow"]) == PT_MOBILE
    assert INDEX.sibling(TF_MOBILE, ["pytorch"], not_about=["jax"]) == PT_MOBILE


def test_without_an_aspect_two_shared_topic_tags_make_a_sibling():
    assert INDEX.sibling(PT_HISTORY, ["tensorflow"], not_about=["pytorch"]) == TF_HISTORY
    # One shared tag ("history") is not enough, and no entry covers jax's history.
    assert INDEX.sibling(TF_STATUS, ["pytorch"], not_about=["tensorflow"]) is None
    assert INDEX.sibling(PT_HISTORY, ["jax"], not_about=["pytorch"]) is None


def test_the_same_question_for_another_framework_gets_that_frameworks_entry(engine):
    from tests.engine.test_engine import ask_turns

    assert ask_turns(engine, "when did pytorch come out", "and tensorflow?").key == "faq:history-tensorflow"
    assert ask_turns(engine, "how do i run pytorch on a phone", "and tensorflow?").key == "faq:litert-mobile"
