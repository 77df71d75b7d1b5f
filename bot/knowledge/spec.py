"""A small schema language: checks parsed YAML and emits the JSON Schema.

The knowledge files' shape is declared once, in :mod:`bot.knowledge.schema`,
with these building blocks. The same declaration validates a document
(collecting *every* problem, each with its line) and generates the JSON Schema
shipped for editors, so the two can never drift apart.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.knowledge.yamlread import NodePath

JsonSchema = dict[str, Any]
Report = Callable[[NodePath, str], None]


class Spec(Protocol):
    def check(self, value: Any, path: NodePath, report: Report) -> None: ...

    def json_schema(self) -> JsonSchema: ...


def describe_type(value: Any) -> str:
    """Name a YAML value's type as a maintainer would say it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()}); quote it if you meant text"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@dataclass(frozen=True)
class Text:
    """A string, optionally bounded in length and matched against a pattern."""

    description: str = ""
    min_len: int = 1
    max_len: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if not isinstance(value, str):
            report(path, f"expected text, got {describe_type(value)}")
            return
        if len(value.strip()) < self.min_len:
            report(path, "must not be empty")
        elif self.max_len is not None and len(value) > self.max_len:
            report(path, f"too long: {len(value)} characters (at most {self.max_len})")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            report(path, f"'{value}' is not {self.pattern_hint or 'in the expected form'}")

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "string", "minLength": self.min_len}
        if self.max_len is not None:
            schema["maxLength"] = self.max_len
        if self.pattern is not None:
            schema["pattern"] = f"^(?:{self.pattern})$"
        if self.description:
            schema["description"] = self.description
        return schema


SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def slug(description: str = "") -> Text:
    return Text(
        description=description or "A lower-case hyphenated id, e.g. 'mobile-edge'.",
        pattern=SLUG_PATTERN,
        pattern_hint="a lower-case hyphenated slug such as 'mobile-edge'",
    )


def url(description: str = "") -> Text:
    return Text(
        description=description or "An https:// link to the source.",
        pattern=r"https://[^\s]+",
        pattern_hint="an https:// URL",
    )


@dataclass(frozen=True)
class Integer:
    description: str = ""
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            report(path, f"expected a whole number, got {describe_type(value)}")
            return
        if self.minimum is not None and value < self.minimum:
            report(path, f"{value} is below the minimum {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            report(path, f"{value} is above the maximum {self.maximum}")

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Day:
    """A calendar date written YYYY-MM-DD (YAML reads it as a date already)."""

    description: str = ""

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if isinstance(value, dt.datetime):
            report(path, "expected a date YYYY-MM-DD, without a time")
        elif isinstance(value, dt.date):
            return
        elif isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                report(path, f"'{value}' is not a date in the form YYYY-MM-DD")
        else:
            report(path, f"expected a date YYYY-MM-DD, got {describe_type(value)}")

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "string", "format": "date"}
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class ListOf:
    item: Spec
    description: str = ""
    min_items: int = 0

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if not isinstance(value, list):
            report(path, f"expected a list, got {describe_type(value)}")
            return
        if len(value) < self.min_items:
            report(path, f"needs at least {self.min_items} item(s)")
        for index, item in enumerate(value):
            self.item.check(item, (*path, index), report)

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class MapOf:
    """A mapping whose keys follow one spec and whose values follow another."""

    key: Text
    value: Spec
    description: str = ""
    min_items: int = 0

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {describe_type(value)}")
            return
        if len(value) < self.min_items:
            report(path, f"needs at least {self.min_items} entr(ies)")
        for key, item in value.items():
            if not isinstance(key, str):
                report((*path, str(key)), f"key {key!r} must be text")
                continue
            self.key.check(key, (*path, key), report)
            self.value.check(item, (*path, key), report)

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
        }
        if self.min_items:
            schema["minProperties"] = self.min_items
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Field:
    name: str
    spec: Spec
    required: bool = True


@dataclass(frozen=True)
class Record:
    """A mapping with named fields; unknown keys are errors."""

    fields: tuple[Field, ...]
    description: str = ""
    at_least_one: bool = False
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {describe_type(value)}")
            return
        for key in value:
            if key not in self.by_name:
                report((*path, str(key)), self._unknown_key_message(str(key)))
        for fld in self.fields:
            if fld.name in value:
                fld.spec.check(value[fld.name], (*path, fld.name), report)
            elif fld.required:
                report(path, f"missing required key '{fld.name}'")
        if self.at_least_one and not any(f.name in value for f in self.fields):
            names = ", ".join(f.name for f in self.fields)
            report(path, f"needs at least one of: {names}")

    def _unknown_key_message(self, key: str) -> str:
        close = difflib.get_close_matches(key, list(self.by_name), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        allowed = ", ".join(self.by_name)
        return f"unknown key '{key}'{hint}; allowed keys: {allowed}"

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {
            "type": "object",
            "properties": {f.name: f.spec.json_schema() for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        if self.at_least_one:
            schema["minProperties"] = 1
        if self.description:
            schema["description"] = self.description
        return schema


@dataclass(frozen=True)
class Nullable:
    """``null`` or a value that follows ``spec`` (``aspect: null`` means "every aspect")."""

    spec: Spec

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if value is not None:
            self.spec.check(value, path, report)

    def json_schema(self) -> JsonSchema:
        return {"anyOf": [{"type": "null"}, self.spec.json_schema()]}


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of words."""

    values: tuple[str, ...]
    description: str = ""

    def check(self, value: Any, path: NodePath, report: Report) -> None:
        if value not in self.values:
            shown = value if isinstance(value, str) else describe_type(value)
            report(path, f"'{shown}' is not one of: {', '.join(self.values)}")

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"enum": list(self.values)}
        if self.description:
            schema["description"] = self.description
        return schema
