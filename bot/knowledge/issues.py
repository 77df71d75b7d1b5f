"""Problems found while loading knowledge, each tied to a file and line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in the knowledge files: where it is and what is wrong.

    ``line`` is 1-based and ``None`` when the problem concerns a whole file
    (an unreadable file, say) rather than one place in it.
    """

    file: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_error(self) -> Issue:
        """The same issue promoted to an error (what ``--strict`` does to lints)."""
        return Issue(self.file, self.line, self.message, Severity.ERROR)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.severity.value}: {self.message}"
