"""Print problems: one reporter per format, chosen by name."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from scripts.common.terminal import inert, inert_json
from scripts.nomination.problems import Problem, Severity, count


def _summary(problems: list[Problem], files: int) -> str:
    errors = count(problems, Severity.ERROR)
    warnings = count(problems, Severity.WARNING)
    notes = count(problems, Severity.NOTE)
    verdict = "không có lỗi" if errors == 0 else f"{errors} lỗi"
    extra = f", {notes} ghi chú" if notes else ""
    return f"Đã kiểm tra {files} tệp: {verdict}, {warnings} cảnh báo{extra}."


def _field(problem: Problem) -> str:
    if not problem.field:
        return ""
    label = f" ({problem.label})" if problem.label else ""
    return f"{problem.field}{label}: "


def text_line(problem: Problem) -> str:
    return inert(
        f"{problem.path}:{problem.line}: {problem.severity.value}: {_field(problem)}{problem.message}"
    )


def report_text(problems: list[Problem], files: int, out: TextIO) -> None:
    for problem in problems:
        out.write(text_line(problem) + "\n")
    out.write(_summary(problems, files) + "\n")


def report_json(problems: list[Problem], files: int, out: TextIO) -> None:
    data = {
        "files": files,
        "errors": count(problems, Severity.ERROR),
        "warnings": count(problems, Severity.WARNING),
        "notes": count(problems, Severity.NOTE),
        "problems": [p.to_dict() for p in problems],
    }
    out.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def _escape_data(text: str) -> str:
    return inert(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def report_github(problems: list[Problem], files: int, out: TextIO) -> None:
    """GitHub Actions workflow commands: each problem shows on its line of the pull request."""
    for problem in problems:
        title = problem.field or "nomination"
        out.write(
            f"::{_GITHUB_LEVEL[problem.severity]} file={_escape_property(problem.path)},"
            f"line={problem.line},title={_escape_property(title)}::"
            f"{_escape_data(_field(problem) + problem.message)}\n"
        )
    out.write(_summary(problems, files) + "\n")


REPORTERS: dict[str, Callable[[list[Problem], int, TextIO], None]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}


def add_format_argument(parser) -> None:
    """The ``--format`` option every command that prints problems takes."""
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text",
                        help="cách in kết quả: text (mặc định), json, github (chú thích GitHub Actions)")


def print_problems(fmt: str, problems: list[Problem], files: int, out: TextIO) -> int:
    """Print ``problems`` in ``fmt``; the exit code a check returns: 1 when any is an error."""
    REPORTERS[fmt](problems, files, out)
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0
