"""A problem found in a nomination file: a value, collected across files, printed by a reporter."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    field: str
    """Dotted path of the front-matter key ("nominee.name", "images[0].alt"), or "" for the file."""
    label: str
    """The field's Vietnamese title from the schema ("Họ tên / tên tập thể"), or ""."""
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""
    """A stable short name of the rule ("schema.required", "encoding.tcvn3") for tests and tools."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def described(self) -> str:
        """Line, field and message in one Vietnamese phrase, for a list that names the file."""
        field = f"{self.field} ({self.label})" if self.field and self.label else self.field
        return f"dòng {self.line}" + (f", {field}" if field else "") + f": {self.message}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def count(problems: list[Problem], severity: Severity) -> int:
    return sum(1 for p in problems if p.severity is severity)
