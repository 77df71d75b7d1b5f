import datetime as dt

from bot.knowledge import Severity, load_knowledge
from tests.conftest import MINI_FAQ, MINI_FRAMEWORKS, MINI_MATRIX, MINI_REST

TODAY = dt.date(2026, 11, 22)


def _warnings(directory):
    result = load_knowledge(directory, today=TODAY)
    assert result.ok, result.errors
    assert all(w.severity is Severity.WARNING for w in result.warnings)
    return [(w.file, w.line, w.message) for w in result.warnings]


def test_clean_knowledge_has_no_warnings(write_knowledge):
    assert _warnings(write_knowledge()) == []


def test_unknown_references(write_knowledge):
    faq = MINI_FAQ.replace("related: [install]", "related: [nope, aspect:gone, speed]").replace(
        "    tags: [install]", "    frameworks: [gamma]\n    tags: [install]"
    )
    rest = MINI_REST.replace("frameworks: [alpha, beta]", "frameworks: [alpha, gamma]").replace(
        "research: {summary: Alpha., recommendation: alpha}",
        "research: {summary: Alpha., recommendation: beta}\n      space: {summary: x, recommendation: alpha}",
    )
    matrix = MINI_MATRIX.replace("      beta:", "      delta:").replace(
        "    aliases: [fast]", "    aliases: [fast]\n    narrows: [speed, size]"
    )
    messages = [
        m
        for _, _, m in _warnings(write_knowledge({"faq.yaml": faq, "rest.yaml": rest, "matrix.yaml": matrix}))
    ]
    assert "FAQ 'install' names unknown framework 'gamma'" in messages
    assert "FAQ 'speed' relates to unknown entry 'faq:nope'" in messages
    assert "FAQ 'speed' relates to unknown entry 'aspect:gone'" in messages
    assert "FAQ 'speed' lists itself as related" in messages
    assert "verdict 'alpha-vs-beta' weighs unknown framework 'gamma'" in messages
    assert any("recommends 'beta', which is not one of its frameworks" in m for m in messages)
    assert "verdict 'alpha-vs-beta' has unknown use case 'space'" in messages
    assert "aspect 'speed' has a cell for unknown framework 'delta'" in messages
    assert "aspect 'speed' has no cell for 'beta'" in messages
    assert "aspect 'speed' narrows 'speed', which is no other aspect" in messages
    assert "aspect 'speed' narrows 'size', which is no other aspect" in messages


def test_alias_claimed_twice(write_knowledge):
    frameworks = MINI_FRAMEWORKS.replace("    maker: Beta Inc", "    maker: Beta Inc\n    aliases: [alf]")
    matrix = MINI_MATRIX.replace("aliases: [fast]", "aliases: [fast, beta]")
    rest = MINI_REST.replace("speed: [quick, perf]", "speed: [quick, perf]\n  pace: [perf, alf]")
    warnings = _warnings(
        write_knowledge({"frameworks.yaml": frameworks, "matrix.yaml": matrix, "rest.yaml": rest})
    )
    messages = [m for _, _, m in warnings]
    assert "'alf' names both framework 'alpha' and framework 'beta'" in messages
    assert "'beta' names framework 'beta' and also aspect 'speed'" in messages
    assert any("synonym 'perf' is claimed by 'speed'" in m for m in messages)
    assert any("synonym 'alf' → 'pace' hides framework 'alpha'" in m for m in messages)


def test_alike_questions_would_steal_matches(write_knowledge):
    faq = MINI_FAQ.replace("question: Which one trains faster?", "question: How do I install Alpha??")
    (warning,) = _warnings(write_knowledge({"faq.yaml": faq}))
    assert warning[1] == 10  # reported on the later entry
    assert "'speed' and 'install' are phrased so alike" in warning[2]


def test_a_declined_topic_phrased_like_an_entry_would_turn_its_questions_away(write_knowledge):
    declines = (
        "declines:\n  - id: setup\n    topic: Set-up help\n"
        "    phrasings: [how do i install alpha, fix my gpu]\n"
    )
    (warning,) = _warnings(write_knowledge({"declines.yaml": declines}))
    assert warning[:2] == ("declines.yaml", 2)
    assert "declined topic 'setup' is phrased like FAQ 'install'" in warning[2]


def test_missing_sources(write_knowledge):
    faq = MINI_FAQ.replace("    sources: [https://alpha.example.org/install]\n", "")
    (warning,) = _warnings(write_knowledge({"faq.yaml": faq}))
    assert warning == ("faq.yaml", 2, "FAQ 'install' has no sources")


def test_text_too_long_for_discord(write_knowledge):
    faq = MINI_FAQ.replace("answer: Use pip.", "answer: " + "word " * 400)
    frameworks = MINI_FRAMEWORKS.replace("detail: It starts fast.", "detail: " + "x" * 1100)
    messages = [m for _, _, m in _warnings(write_knowledge({"faq.yaml": faq, "frameworks.yaml": frameworks}))]
    assert any(m.startswith("FAQ 'install' answer is 1999 characters") for m in messages)
    assert any(m.startswith("'alpha' pro detail is 1100 characters; a Discord embed field") for m in messages)


def test_staleness_is_a_warning_after_twelve_months(write_knowledge):
    faq = MINI_FAQ.replace("reviewed: 2026-11-01\n  - id: speed", "reviewed: 2025-10-01\n  - id: speed")
    (warning,) = _warnings(write_knowledge({"faq.yaml": faq}))
    assert warning[2] == "not reviewed since 2025-10-01 (over 12 months): 'install'"
