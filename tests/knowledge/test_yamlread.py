from pathlib import Path

from bot.knowledge.yamlread import parse_yaml_text, read_yaml


def test_records_line_of_every_node():
    doc, issues = parse_yaml_text(
        "faq:\n  - id: a\n    answer: >-\n      long\n    day: 2026-11-22\n", "f.yaml"
    )
    assert issues == []
    assert doc is not None
    # Dates stay text so that an impossible one is a schema error, not a crash.
    assert doc.data == {"faq": [{"id": "a", "answer": "long", "day": "2026-11-22"}]}
    assert doc.line_of(("faq", 0, "answer")) == 3
    # A path below a scalar falls back to the nearest recorded ancestor.
    assert doc.line_of(("faq", 0, "answer", "deeper")) == 3


def test_duplicate_key_is_an_error_with_both_lines():
    _, issues = parse_yaml_text("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml")
    assert [(i.line, i.message) for i in issues] == [(4, "duplicate key 'c' (first at line 3)")]


def test_python_tags_are_refused():
    doc, issues = parse_yaml_text("a: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")
    assert doc is None
    assert issues[0].line == 1
    assert "no tags" in issues[0].message


def test_syntax_error_reports_its_line():
    _, issues = parse_yaml_text("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert len(issues) == 1
    assert issues[0].line == 3
    assert issues[0].message.startswith("YAML syntax:")


def test_tab_indentation_reported_per_line(tmp_path: Path):
    path = tmp_path / "t.yaml"
    path.write_text("a:\n\t- 1\nb: 'tab\tinside is fine'\n\t\tc: 2\n", encoding="utf-8")
    _, issues = read_yaml(path, "t.yaml")
    assert [i.line for i in issues] == [2, 4]
    assert all("tab" in i.message for i in issues)


def test_non_utf8_reports_line_of_the_bad_byte(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"a: 1\nb: caf" + b"\xe9\n")
    doc, issues = read_yaml(path, "latin.yaml")
    assert doc is None
    assert issues[0].line == 2
    assert "UTF-8" in issues[0].message


def test_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    doc, issues = read_yaml(path, "bom.yaml")
    assert issues == []
    assert doc is not None and doc.data == {"a": 1}
