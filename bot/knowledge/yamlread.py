"""Safe YAML reading that keeps line numbers and refuses what PyYAML lets slide.

PyYAML silently keeps the last of two equal mapping keys and reports tabs and
bad bytes in terms few maintainers can act on. This module reads one file with
the safe loader only, records the line of every node by its path
(``("faq", 3, "answer")``), and turns every problem into an :class:`Issue`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.issues import Issue

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

# The C loader is several times faster; the pure one behaves the same.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader, except that dates stay text.

    PyYAML turns ``2026-13-01`` into an exception mid-construction, losing every
    other problem in the file; as text, the schema reports it with its line.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML reads this class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


NodePath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed file: its plain data and the line where each node starts."""

    file: str
    data: Any
    lines: Mapping[NodePath, int]

    def line_of(self, path: NodePath) -> int | None:
        """Line of the node at ``path``, or of its nearest recorded ancestor."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Issue]]:
    """Read one YAML file; return its document (``None`` if unusable) and issues."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Issue(display_name, None, f"cannot read file: {exc.strerror}")]
    text, issue = _decode(raw, display_name)
    if issue is not None:
        return None, [issue]
    tab_issues = _tab_issues(text, display_name)
    if tab_issues:
        return None, tab_issues
    return parse_yaml_text(text, display_name)


def parse_yaml_text(text: str, display_name: str) -> tuple[YamlDocument | None, list[Issue]]:
    """Parse YAML text (already decoded); see :func:`read_yaml`."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(display_name, None, {}), []
        lines: dict[NodePath, int] = {}
        issues: list[Issue] = []
        _record(node, (), lines, issues, display_name)
        if issues:
            return None, issues
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        return None, [_marked_issue(exc, display_name)]
    except yaml.YAMLError as exc:
        return None, [Issue(display_name, None, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    return YamlDocument(display_name, data, lines), []


def _decode(raw: bytes, display_name: str) -> tuple[str, Issue | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return "", Issue(
            display_name,
            line,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
        )
    return text.removeprefix("\ufeff"), None


def _tab_issues(text: str, display_name: str) -> list[Issue]:
    issues = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            issues.append(Issue(display_name, number, "tab in indentation; indent with spaces"))
    return issues


def _record(
    node: yaml.Node,
    path: NodePath,
    lines: dict[NodePath, int],
    issues: list[Issue],
    display_name: str,
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_line = key_node.start_mark.line + 1
            if key in first_seen:
                issues.append(
                    Issue(
                        display_name,
                        key_line,
                        f"duplicate key '{key}' (first at line {first_seen[key]})",
                    )
                )
                continue
            first_seen[key] = key_line
            _record(value_node, (*path, key), lines, issues, display_name)
            # A key's own line reads better than its value's for block values.
            lines[(*path, key)] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), lines, issues, display_name)


def _marked_issue(exc: yaml.MarkedYAMLError, display_name: str) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = exc.problem or exc.context or "invalid YAML"
    if "constructor for the tag" in problem:
        problem = f"{problem} (only plain YAML is allowed: no tags)"
    return Issue(display_name, line, f"YAML syntax: {problem}")
