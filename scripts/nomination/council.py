"""The council registry (schema/council.yaml): who may decide, when, and with which signing keys.

The registry is checked against its own schema (schema/council.schema.json) when it is loaded;
a registry that does not fit stops the run with a Vietnamese message naming line and field,
since no decision can be judged against it.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import jsonschema_rs
import yaml

from scripts.common.errors import PipelineError

COUNCIL_FILE = Path("schema") / "council.yaml"
COUNCIL_SCHEMA = Path("schema") / "council.schema.json"


class CouncilError(PipelineError):
    """The registry is missing or does not fit its schema."""


class _TextDates(yaml.SafeLoader):
    """YAML without timestamp conversion: dates stay the text written, as the schema expects."""


_TextDates.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    github: str
    keys: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    workflow: bool = False

    def serves_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def period(self) -> str:
        """The term of office as messages show it."""
        return f"từ {self.start.isoformat()}" + (f" đến {self.end.isoformat()}" if self.end else "")


class Council:
    def __init__(self, members: list[Member]) -> None:
        self.members = members

    @classmethod
    def load(cls, root: Path) -> Council:
        """The registry of the repository at ``root``."""
        path = root / COUNCIL_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CouncilError(
                f"{COUNCIL_FILE.as_posix()}: không tìm thấy danh sách Thường trực Hội đồng"
            ) from None
        return cls.parse(text, (root / COUNCIL_SCHEMA).read_text(encoding="utf-8"))

    @classmethod
    def parse(cls, text: str, schema_text: str) -> Council:
        """A registry from its text (the audit reads it as it was in an earlier commit)."""
        where = COUNCIL_FILE.as_posix()
        try:
            node = yaml.compose(text, Loader=_TextDates)
            data = yaml.load(text, Loader=_TextDates)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            why = getattr(err, "problem", err)
            raise CouncilError(f"{where}{line}: không đọc được tệp YAML ({why})") from None
        schema = json.loads(schema_text)
        # The fast validator answers "valid?"; jsonschema, imported only then, explains a "no".
        if not jsonschema_rs.Draft202012Validator(schema, validate_formats=True).is_valid(data):
            from jsonschema import Draft202012Validator

            validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
            for error in errors[:1]:
                path = list(error.absolute_path)
                line = _line(node, path)
                if error.validator == "required":
                    path.append(next((k for k in error.validator_value if k not in error.instance), ""))
                raise CouncilError(f"{where}:{line}: trường \"{_dotted(path)}\": {_message(error)}")
        members = [
            Member(
                unicodedata.normalize("NFC", m["name"]).strip(), m["role"], m["github"],
                tuple(m["keys"]), dt.date.fromisoformat(m["from"]),
                dt.date.fromisoformat(m["to"]) if m.get("to") else None, bool(m.get("workflow")),
            )
            for m in data["members"]
        ]
        seen: set[str] = set()
        for index, member in enumerate(members):
            if member.end is not None and member.end < member.start:
                raise CouncilError(f"{where}:{_line(node, ['members', index, 'to'])}: trường "
                                   f"\"members.{index}.to\": ngày thôi nhiệm vụ trước ngày bắt đầu")
            if member.github.lower() in seen:
                raise CouncilError(f"{where}:{_line(node, ['members', index, 'github'])}: tài khoản "
                                   f"GitHub \"{member.github}\" đã ghi cho một thành viên khác")
            seen.add(member.github.lower())
        return cls(members)

    def person(self, name: str) -> Member | None:
        """The member (a person, not the workflow) named ``name`` as written in review.by."""
        name = unicodedata.normalize("NFC", name).strip()
        return next((m for m in self.members if m.name == name and not m.workflow), None)

    def by_login(self, login: str) -> Member | None:
        return next((m for m in self.members if m.github == login), None)

    def allowed_signers(self) -> str:
        """The text of git's allowed-signers file: every key, named by its member's GitHub login,
        valid only during the member's term (git passes the commit's date to ssh-keygen)."""
        lines = []
        for member in self.members:
            valid = f'valid-after="{member.start:%Y%m%d}"'
            if member.end is not None:
                valid += f',valid-before="{member.end + dt.timedelta(days=1):%Y%m%d}"'
            lines.extend(f'{member.github} namespaces="git",{valid} {key}' for key in member.keys)
        return "\n".join(lines) + "\n"


def _dotted(path: list) -> str:
    return ".".join(str(part) for part in path) or "members"


def _line(node, path: list) -> int:
    """The 1-based line of ``path`` in the composed YAML ``node`` (the nearest existing parent)."""
    line = node.start_mark.line if node is not None else 0
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            found = node.value[part]
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line
    return line + 1


_MESSAGES = {
    "required": lambda e: "thiếu trường bắt buộc",
    "additionalProperties": lambda e: "có trường không dùng trong danh sách (chỉ dùng: name, role, "
                                      "github, keys, from, to, workflow)",
    "type": lambda e: f"sai kiểu dữ liệu (cần {e.validator_value})",
    "format": lambda e: f"\"{e.instance}\" không phải ngày dạng YYYY-MM-DD",
    "pattern": lambda e: f"\"{e.instance}\" không đúng dạng",
    "minItems": lambda e: "cần ít nhất một mục",
    "uniqueItems": lambda e: "có mục bị ghi trùng",
    "minLength": lambda e: "quá ngắn",
    "maxLength": lambda e: "quá dài",
}


def _message(error) -> str:
    return _MESSAGES.get(error.validator, lambda e: "giá trị không hợp lệ")(error)
