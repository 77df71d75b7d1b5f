"""The shape of a knowledge file, declared once.

:data:`FILE_SPEC` checks parsed YAML; :func:`json_schema` emits the JSON Schema
that ships as ``knowledge/schema/knowledge.schema.json`` for editors (a test
keeps the shipped file equal to what this module generates).
"""

from __future__ import annotations

from bot.knowledge.model import ONLY_WHEN_CHOOSING
from bot.knowledge.spec import (
    Choice,
    Day,
    Field,
    Integer,
    JsonSchema,
    ListOf,
    MapOf,
    Record,
    Text,
    slug,
    url,
)

USE_CASE_IDS = ("research", "production", "mobile", "beginners")
"""Use cases every verdict may speak to (PRODUCT.md)."""

SOURCES = Field("sources", ListOf(url(), "Links to the sources checked.", min_items=1), False)
REVIEWED = Field("reviewed", Day("When the entry was last checked against its sources."))
ALIASES = Field(
    "aliases",
    ListOf(Text("A word or phrase members type for it."), "Other names members use."),
    False,
)

POINT = Record(
    (
        Field("point", Text("The point in a few words.", max_len=256)),
        Field("detail", Text("A sentence or two of explanation.")),
        SOURCES,
    ),
    "One pro or con.",
)

FRAMEWORK = Record(
    (
        Field("id", slug()),
        Field("name", Text("Display name.", max_len=80)),
        Field("maker", Text("Who makes or governs it.")),
        Field("summary", Text("One paragraph on what it is.")),
        ALIASES,
        Field("homepage", url("The project's home page.")),
        Field("pros", ListOf(POINT, "Strengths.", min_items=1)),
        Field("cons", ListOf(POINT, "Weaknesses.", min_items=1)),
        SOURCES,
        REVIEWED,
    ),
    "A framework.",
)

CELL = Record(
    (
        Field("value", Text("Short value shown in a table.")),
        Field("note", Text("Optional longer note."), False),
        Field("versions", Text("Versions the cell applies to, e.g. 'PyTorch 2.x'."), False),
        Field("rating", Integer("Editorial rating, 1 (weak) to 5 (strong).", 1, 5)),
        Field("rating_reason", Text("One line saying why this rating.")),
        SOURCES,
    ),
    "One framework's cell in a matrix row.",
)

ASPECT = Record(
    (
        Field("id", slug()),
        Field("name", Text("Display name.", max_len=80)),
        ALIASES,
        Field(
            "narrows",
            ListOf(
                slug("An aspect id."),
                "Broader aspects this one narrows: a question naming both asks about this one "
                "('deploy on phones' is mobile-edge, not production-deployment).",
            ),
            False,
        ),
        Field("description", Text("What this row compares.")),
        Field("cells", MapOf(slug("A framework id."), CELL, "One cell per framework.", 1)),
        REVIEWED,
    ),
    "A row of the comparison matrix.",
)

USE_CASE = Record(
    (
        Field("id", slug()),
        Field("name", Text("Display name.", max_len=80)),
        ALIASES,
    ),
    "A use case verdicts can speak to.",
)

RELATED_REF = Text(
    "An FAQ id, or kind:id (faq, aspect, framework, verdict).",
    pattern=r"(?:(?:faq|aspect|framework|verdict|use-case):)?[a-z0-9]+(?:-[a-z0-9]+)*",
    pattern_hint="an id or kind:id such as 'onnx-interop' or 'aspect:mobile-edge'",
)

FAQ = Record(
    (
        Field("id", slug()),
        Field("question", Text("The question as it is shown.")),
        Field("alternates", ListOf(Text("Another phrasing."), "Other ways to ask it."), False),
        Field("answer", Text("The answer, in our own words.")),
        Field("frameworks", ListOf(slug("A framework id."), "Frameworks it is about."), False),
        Field("related", ListOf(RELATED_REF, "Entries worth reading next."), False),
        Field("tags", ListOf(slug("A tag."), "Topics, used to browse."), False),
        Field(
            "only_when",
            Choice(
                (ONLY_WHEN_CHOOSING,),
                f"'{ONLY_WHEN_CHOOSING}': answer only questions that ask which framework to pick.",
            ),
            False,
        ),
        SOURCES,
        REVIEWED,
    ),
    "A frequently asked question.",
)

CALL = Record(
    (
        Field("summary", Text("The verdict in one line.")),
        Field("recommendation", slug("A framework id of this verdict, or 'depends'.")),
        Field("conditions", ListOf(Text("'Pick X if …'"), "What flips it."), False),
    ),
    "A verdict on one question.",
)

VERDICT = Record(
    (
        Field("id", slug()),
        Field("frameworks", ListOf(slug("A framework id."), "The frameworks weighed.", 2)),
        Field("overall", CALL),
        Field(
            "use_cases",
            MapOf(slug("A use case id."), CALL, "Verdicts per use case."),
            False,
        ),
        SOURCES,
        REVIEWED,
    ),
    "A verdict for a set of frameworks.",
)

SYNONYMS = MapOf(
    Text("The canonical term."),
    ListOf(Text("A variant members type."), min_items=1),
    "Canonical term → the variants members type for it.",
)

DECLINE = Record(
    (
        Field("id", slug()),
        Field("topic", Text("What members ask about, in a line.", max_len=200)),
        Field(
            "phrasings",
            ListOf(Text("A way members ask it.", max_len=200), "How members phrase it.", min_items=1),
        ),
        Field(
            "names",
            ListOf(
                Text("A name, as members type it.", max_len=80),
                "Names that make a question this topic when it names none of the frameworks.",
            ),
            False,
        ),
    ),
    "A topic the knowledge does not cover, declined even when it sounds like an FAQ entry.",
)

SECTIONS = (
    Field("frameworks", ListOf(FRAMEWORK, "Frameworks."), False),
    Field("aspects", ListOf(ASPECT, "Rows of the comparison matrix."), False),
    Field("use_cases", ListOf(USE_CASE, "Use cases."), False),
    Field("faq", ListOf(FAQ, "FAQ entries."), False),
    Field("verdicts", ListOf(VERDICT, "Verdicts."), False),
    Field("synonyms", SYNONYMS, False),
    Field("declines", ListOf(DECLINE, "Topics to decline."), False),
)

FILE_SPEC = Record(SECTIONS, "A Versus knowledge file.", at_least_one=True)

SCHEMA_FILE_NAME = "knowledge.schema.json"


def json_schema() -> JsonSchema:
    """The JSON Schema (draft 2020-12) for one knowledge file."""
    schema: JsonSchema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Versus knowledge file",
    }
    schema.update(FILE_SPEC.json_schema())
    return schema
