import datetime as dt

import yaml

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.knowledge.yamlread import parse_yaml_text
from bot.maintenance.gaps import find_gaps, suggestion_yaml
from bot.storage import StoredQuestion

NOW = dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)


def row(text, kind="none", confidence=0.1, up=0, down=0, minutes=0, ident=[0]):  # noqa: B006 - a counter
    ident[0] += 1
    return StoredQuestion(
        ident[0], NOW - dt.timedelta(minutes=minutes), 1, text, kind, (), confidence, up, down
    )


def test_near_duplicates_form_one_row_biggest_first(engine):
    rows = [
        row("how do i fix cuda out of memory"),
        row("how do I fix CUDA out-of-memory??"),
        row("how do i fix cuda out of memroy", minutes=5),
        row("pytorch on an iphone", kind="faq", confidence=0.4),
        row("pytroch on iphone", kind="faq", confidence=0.45),
        row("what is a good pizza place"),
        row("tensorflow serving is it good", kind="faq", confidence=0.9, down=2),
        row("cons of jax", kind="cons", confidence=0.95),  # not a gap: confident, not down-voted
    ]
    gaps = find_gaps(rows, engine, low_confidence=0.6)
    # Questions the knowledge declines on purpose (declines.yaml) come last.
    assert [(g.count, g.declined_topic is not None) for g in gaps] == [
        (2, False),
        (1, False),
        (3, True),
        (1, True),
    ]
    assert set(gaps[0].questions) == {"pytorch on an iphone", "pytroch on iphone"}
    assert dict(gaps[0].reasons) == {"low confidence": 2}
    assert gaps[0].closest_id == "pytorch-mobile"
    assert "cuda" in gaps[2].example.lower()
    assert dict(gaps[2].reasons) == {"declined": 3}
    assert gaps[2].declined_topic == "cuda-out-of-memory"
    reasons = {g.example: dict(g.reasons) for g in gaps}
    assert reasons["tensorflow serving is it good"] == {"down-voted": 1}
    assert all(g.example != "cons of jax" for g in gaps)


def test_thanks_is_no_gap(engine):
    rows = [row("thanks!"), row("ok cool, thank you"), row("how do i bake sourdough bread")]
    gaps = find_gaps(rows, engine, low_confidence=0.6)
    assert [g.example for g in gaps] == ["how do i bake sourdough bread"]


def test_limit_and_empty_input(engine):
    rows = [
        row(text) for text in ("best pizza in naples", "how tall is mount everest", "learn to juggle fast")
    ]
    assert len(find_gaps(rows, engine, low_confidence=0.6, limit=2)) == 2
    assert find_gaps([], engine, low_confidence=0.6) == []


def test_suggestions_are_valid_yaml_that_loads(engine, shipped_dir, tmp_path):
    near = find_gaps([row("pytorch on an iphone", kind="faq", confidence=0.4)], engine, low_confidence=0.6)[0]
    snippet = suggestion_yaml(near, engine, NOW.date())
    assert "alternates of 'pytorch-mobile'" in snippet
    assert yaml.safe_load(snippet.split("\n", 1)[1]) == ["pytorch on an iphone"]

    on_purpose = find_gaps([row("how do i fix cuda out of memory")], engine, low_confidence=0.6)[0]
    note = suggestion_yaml(on_purpose, engine, NOW.date())
    assert "declined on purpose: it fits the declined topic 'cuda-out-of-memory' (declines.yaml:" in note
    assert yaml.safe_load(note) is None  # comments only: nothing to paste

    far = find_gaps([row("how do i bake sourdough bread at home")], engine, low_confidence=0.6)[0]
    stub = suggestion_yaml(far, engine, NOW.date())
    assert "a new entry" in stub
    document, issues = parse_yaml_text("faq:\n" + stub.split("\n", 1)[1], "new.yaml")
    assert issues == []
    (entry,) = document.data["faq"]
    assert entry["id"] == "how-do-i-bake-sourdough-bread"
    assert entry["reviewed"] == "2026-11-22"
    # The stub is a real entry: dropped into a copy of the knowledge, it loads.
    target = tmp_path / "kb"
    target.mkdir()
    for path in shipped_dir.rglob("*"):
        if path.is_file():
            dest = target / path.relative_to(shipped_dir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
    (target / "faq" / "new.yaml").write_text(
        "# yaml-language-server: $schema=../schema/knowledge.schema.json\nfaq:\n" + stub.split("\n", 1)[1],
        encoding="utf-8",
    )
    result = load_knowledge(target)
    assert result.ok, result.errors
    assert "how-do-i-bake-sourdough-bread" in Engine(result.knowledge).knowledge.faq
