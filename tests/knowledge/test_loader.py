import datetime as dt

from bot.knowledge import Ref, load_knowledge
from tests.conftest import MINI_FAQ, MINI_FRAMEWORKS


def _errors(result):
    return [(i.file, i.line, i.message) for i in result.errors]


def test_happy_path_builds_an_immutable_knowledge_base(write_knowledge):
    result = load_knowledge(write_knowledge(), today=dt.date(2026, 11, 22))
    assert result.errors == ()
    kb = result.knowledge
    assert kb is not None
    assert set(kb.frameworks) == {"alpha", "beta"}
    assert kb.framework_by_name("ALF").id == "alpha"
    assert kb.framework_by_name("  Beta ").id == "beta"
    assert kb.framework_by_name("gamma") is None
    assert kb.aspects["speed"].cells["beta"].rating == 2
    assert kb.faq["install"].related == (Ref("aspect", "speed"),)
    assert kb.resolve(Ref("aspect", "speed")) is kb.aspects["speed"]
    assert kb.verdict_for(["beta", "alpha"]).id == "alpha-vs-beta"
    assert kb.verdicts["alpha-vs-beta"].call_for("research").recommendation == "alpha"
    assert kb.verdicts["alpha-vs-beta"].call_for("mobile").recommendation == "depends"
    assert kb.synonyms["perf"] == "speed"
    assert kb.faq["install"].origin.file == "faq.yaml"
    assert kb.faq["speed"].origin.line == 10
    # Same slug for an aspect and an FAQ entry is allowed.
    assert "speed" in kb.faq and "speed" in kb.aspects
    try:
        kb.faq["new"] = kb.faq["install"]  # type: ignore[index]
    except TypeError:
        pass
    else:
        raise AssertionError("knowledge must be read-only")


def test_version_changes_with_content(write_knowledge):
    first = load_knowledge(write_knowledge()).knowledge.version
    again = load_knowledge(write_knowledge()).knowledge.version
    changed = load_knowledge(
        write_knowledge(
            {
                "faq.yaml": MINI_FAQ.replace("Use pip.", "pip."),
            }
        )
    ).knowledge
    assert first == again
    assert changed.version != first


def test_every_schema_error_in_one_run_with_lines(write_knowledge):
    broken_faq = """\
faq:
  - id: Bad Id
    question: 42
    answer: fine
    reviewed: 2026-13-01
    colour: blue
  - id: ok
    question: fine?
    reviewed: 2026-11-01
"""
    result = load_knowledge(write_knowledge({"faq.yaml": broken_faq}))
    assert result.knowledge is None
    errors = _errors(result)
    assert (
        "faq.yaml",
        2,
        "faq[0].id: 'Bad Id' is not a lower-case hyphenated slug such as 'mobile-edge'",
    ) in errors
    assert ("faq.yaml", 3, "faq[0].question: expected text, got a number (42)") in errors
    assert ("faq.yaml", 5, "faq[0].reviewed: '2026-13-01' is not a date in the form YYYY-MM-DD") in errors
    unknown = [e for e in errors if "colour" in e[2]]
    assert unknown and unknown[0][1] == 6
    assert ("faq.yaml", 7, "faq[1]: missing required key 'answer'") in errors
    assert len(errors) == 5


def test_unknown_key_suggests_the_close_one(write_knowledge):
    result = load_knowledge(write_knowledge({"faq.yaml": MINI_FAQ.replace("    tags:", "    tagz:")}))
    (error,) = result.errors
    assert error.line == 7
    assert "unknown key 'tagz' (did you mean 'tags'?)" in error.message


def test_yes_no_words_are_explained(write_knowledge):
    text = MINI_FRAMEWORKS.replace("aliases: [alf]", "aliases: [alf, on]")
    (error,) = load_knowledge(write_knowledge({"frameworks.yaml": text})).errors
    assert error.line == 6
    assert "yes/no value" in error.message and "quote it" in error.message


def test_syntax_error_stops_only_its_file(write_knowledge):
    result = load_knowledge(
        write_knowledge(
            {
                "faq.yaml": "faq:\n  - id: x\n    question: [unclosed\n",
                "matrix.yaml": "aspects:\n  - id: speed\n",
            }
        )
    )
    files = {(e.file, e.line) for e in result.errors}
    assert ("faq.yaml", 4) in files or ("faq.yaml", 3) in files
    assert any(e.file == "matrix.yaml" and "missing required key 'name'" in e.message for e in result.errors)


def test_duplicate_ids_across_files_are_errors(write_knowledge):
    extra = MINI_FAQ.replace("id: speed", "id: speed-two")
    result = load_knowledge(write_knowledge({"more/faq2.yaml": extra}))
    (error,) = result.errors
    assert error.file == "more/faq2.yaml"
    assert error.line == 2
    assert "duplicate FAQ id 'install' (first defined at faq.yaml:2)" in error.message


def test_wrong_top_level_and_empty_files(write_knowledge):
    result = load_knowledge(
        write_knowledge({"empty.yaml": "", "list.yaml": "- 1\n", "none.yaml": "other: 1\n"})
    )
    messages = {(e.file, e.message) for e in result.errors}
    assert ("empty.yaml", "the file is empty") in messages
    assert ("list.yaml", "expected a mapping, got a list") in messages
    assert any(f == "none.yaml" and "unknown key 'other'" in m for f, m in messages)


def test_tests_file_schema_dir_and_hidden_files_are_not_knowledge(write_knowledge):
    directory = write_knowledge(
        {
            "tests.yaml": "not: knowledge\n",
            "schema/x.yaml": "neither: this\n",
            ".#faq.yaml": "garbage: [\n",
        }
    )
    result = load_knowledge(directory)
    assert result.errors == ()
    assert "tests.yaml" not in result.files


def test_missing_or_empty_directory(tmp_path):
    assert "not found" in load_knowledge(tmp_path / "nope").errors[0].message
    assert "no knowledge files" in load_knowledge(tmp_path).errors[0].message


def test_declined_topics_load_with_their_phrasings(write_knowledge):
    declines = (
        "declines:\n"
        "  - id: cuda-oom\n"
        "    topic: Fixing out-of-memory errors\n"
        "    phrasings: [cuda out of memory, oom on my gpu]\n"
    )
    kb = load_knowledge(write_knowledge({"declines.yaml": declines})).knowledge
    assert kb is not None
    topic = kb.declines["cuda-oom"]
    assert topic.phrasings == ("cuda out of memory", "oom on my gpu")
    assert (topic.origin.file, topic.origin.line) == ("declines.yaml", 2)


def test_a_declined_topic_needs_a_phrasing_and_a_unique_id(write_knowledge):
    empty = "declines:\n  - id: vague\n    topic: Something\n    phrasings: []\n"
    result = load_knowledge(write_knowledge({"declines.yaml": empty}))
    assert any(e.file == "declines.yaml" and "phrasings" in e.message for e in result.errors)

    one = "declines:\n  - id: twice\n    topic: Something\n    phrasings: [a question]\n"
    result = load_knowledge(write_knowledge({"a.yaml": one, "b.yaml": one}))
    assert any("duplicate declined topic id 'twice'" in e.message for e in result.errors)


def test_only_when_takes_one_known_word(write_knowledge):
    faq = MINI_FAQ.replace("    tags: [install]\n", "    tags: [install]\n    only_when: choosing\n")
    kb = load_knowledge(write_knowledge({"faq.yaml": faq})).knowledge
    assert kb is not None
    assert (kb.faq["install"].only_when, kb.faq["speed"].only_when) == ("choosing", None)

    wrong = MINI_FAQ.replace("    tags: [install]\n", "    tags: [install]\n    only_when: always\n")
    result = load_knowledge(write_knowledge({"faq.yaml": wrong}))
    assert any("'always' is not one of: choosing" in e.message for e in result.errors)
