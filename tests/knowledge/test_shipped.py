"""The knowledge that ships: required ids, sources, and a clean strict validation."""

import json
import re

import pytest

from bot.knowledge import KnowledgeBase, load_knowledge
from bot.knowledge.loader import knowledge_files
from bot.knowledge.schema import USE_CASE_IDS, json_schema
from bot.maintenance.regression import load_cases, regression_json_schema, run_regression

REQUIRED_FRAMEWORKS = {"pytorch", "tensorflow", "jax", "keras"}
REQUIRED_ASPECTS = {
    "graph-type", "community", "production-deployment", "visualization", "hardware-support",
    "learning-curve", "mobile-edge", "performance", "distributed-training", "language-bindings",
}  # fmt: skip
REQUIRED_FAQ = {
    "beginners", "tensorflow-research", "pytorch-mobile", "gpu-support", "graph-execution",
    "performance", "production-deployment", "visualization", "tpu-support", "adoption",
    "onnx-interop", "distributed-training", "keras", "history-tensorflow", "history-pytorch",
    "apple-silicon", "ecosystem-libraries", "which-to-choose",
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped(shipped_dir) -> KnowledgeBase:
    result = load_knowledge(shipped_dir)
    assert result.errors == (), "\n".join(map(str, result.errors))
    assert result.knowledge is not None
    return result.knowledge


def test_required_ids_are_present(shipped):
    assert set(shipped.frameworks) >= REQUIRED_FRAMEWORKS
    assert set(shipped.aspects) >= REQUIRED_ASPECTS
    assert set(shipped.faq) >= REQUIRED_FAQ
    assert len(shipped.faq) >= 32
    assert set(USE_CASE_IDS) <= set(shipped.use_cases)


def test_every_aspect_rates_every_framework(shipped):
    for aspect in shipped.aspects.values():
        assert set(aspect.cells) == set(shipped.frameworks), aspect.id
        for cell in aspect.cells.values():
            assert 1 <= cell.rating <= 5 and cell.rating_reason.strip()


def test_every_pair_of_frameworks_has_a_verdict_for_every_use_case(shipped):
    ids = sorted(shipped.frameworks)
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            verdict = shipped.verdict_for([first, second])
            assert verdict is not None, (first, second)
            assert set(USE_CASE_IDS) <= set(verdict.use_cases), verdict.id


def test_every_entry_has_a_source_and_review_date(shipped):
    entries = [*shipped.frameworks.values(), *shipped.faq.values(), *shipped.verdicts.values()]
    for entry in entries:
        assert entry.sources, entry.id
        assert all(s.startswith("https://") for s in entry.sources)
        assert entry.reviewed.year >= 2025
    for aspect in shipped.aspects.values():
        assert all(cell.sources for cell in aspect.cells.values()), aspect.id


def test_strict_validation_is_clean(shipped_dir):
    result = load_knowledge(shipped_dir)
    assert [str(w) for w in result.warnings if "not reviewed since" not in w.message] == []


def test_every_file_names_the_shipped_schema(shipped_dir):
    for path in knowledge_files(shipped_dir):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
        assert match, f"{path} does not name the schema on its first line"
        assert (path.parent / match.group(1)).resolve() == (
            shipped_dir / "schema" / "knowledge.schema.json"
        ).resolve()


def test_shipped_schema_matches_the_code(shipped_dir):
    shipped_schema = json.loads(
        (shipped_dir / "schema" / "knowledge.schema.json").read_text(encoding="utf-8")
    )
    assert shipped_schema == json_schema(), "run: versus schema -o knowledge/schema/knowledge.schema.json"
    tests_schema = json.loads((shipped_dir / "schema" / "tests.schema.json").read_text(encoding="utf-8"))
    assert tests_schema == regression_json_schema(), (
        "run: versus schema --tests -o knowledge/schema/tests.schema.json"
    )
    first_line = (shipped_dir / "tests.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=schema/tests.schema.json"


def test_shipped_regression_tests_pass(shipped_dir, engine):
    cases, problems = load_cases(shipped_dir)
    assert problems == []
    assert len(cases) >= 30
    _passed, failures = run_regression(engine, cases)
    assert failures == [], "\n".join(map(str, failures))


def test_editor_schema_accepts_the_shipped_files(shipped_dir):
    """The JSON Schema editors use agrees with our validator on real files."""
    jsonschema = pytest.importorskip("jsonschema")
    from bot.knowledge.yamlread import read_yaml

    validator = jsonschema.Draft202012Validator(json_schema())
    for path in knowledge_files(shipped_dir):
        document, issues = read_yaml(path, path.name)
        assert issues == [] and document is not None
        errors = [e.message for e in validator.iter_errors(document.data)]
        assert errors == [], f"{path.name}: {errors[:3]}"


def test_editor_schema_rejects_what_we_reject():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    bad = {"faq": [{"id": "Bad Id", "question": "q", "answer": "a", "reviewed": "2026-11-22", "extra": 1}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "Bad Id" in messages and "extra" in messages
