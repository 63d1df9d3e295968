"""A new nomination file, with a Vietnamese comment on every field taken from the schema."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import Unit

_INDIVIDUAL_ONLY = ("birth_year", "gender")
# The instruction that stands in for the story; the checker refuses a file that still has it.
PLACEHOLDER = (
    "Viết bài ở đây, bằng Markdown: kể lại việc làm, thành tích cụ thể (ai, làm gì, ở đâu, khi nào,\n"
    "kết quả ra sao), ít nhất 80 từ. Dùng \"## \" cho tiêu đề nhỏ, \"- \" cho danh sách,\n"
    "\"> \" cho lời kể của nhân vật. Không dùng mã HTML.\n"
)


@dataclass(frozen=True)
class Draft:
    unit: Unit
    kind: str
    category: str
    field: str
    title: str
    period: str
    today: dt.date


def _comment(schema: NominationSchema, path: tuple, indent: str) -> str:
    node = schema.node(path) or {}
    return f"{indent}# {node.get('title', path[-1])}: {node.get('description', '')}".rstrip() + "\n"


def _scalar(value) -> str:
    """A YAML scalar that survives any text: JSON strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value).lower()


def render(draft: Draft, schema: NominationSchema) -> str:
    """The file's text. Fields the unit must still write are left empty ("")."""
    individual = draft.kind == "ca-nhan"
    lines = ["---\n"]

    def field(path: tuple, value, indent: str = "") -> None:
        lines.append(_comment(schema, path, indent))
        # "on" is quoted: YAML 1.1 tools would read a bare on as the boolean true.
        key = '"on"' if path[-1] == "on" else path[-1]
        lines.append(f"{indent}{key}: {_scalar(value)}\n")

    field(("title",), draft.title)
    field(("category",), draft.category)
    field(("field",), draft.field)
    field(("period",), draft.period)
    field(("submitted_by",), draft.unit.id)
    lines.append(f"# ({draft.unit.name})\n")
    field(("submitted_on",), draft.today.isoformat())
    lines.append(_comment(schema, ("nominee",), ""))
    lines.append("nominee:\n")
    field(("nominee", "kind"), draft.kind, "  ")
    for key in ("name", "role", "place"):
        field(("nominee", key), "", "  ")
    if individual:
        lines.append(
            "  # Năm sinh và giới tính chỉ đăng khi có consent.personal_data: true; có thể bỏ trống.\n"
        )
    field(("summary",), "")
    lines.append(_comment(schema, ("achievements",), ""))
    lines.append("achievements:\n  - \"\"\n")
    field(("impact",), "")
    lines.append(_comment(schema, ("prior_awards",), ""))
    lines.append("# Ví dụ:\n# prior_awards:\n#   - title: Giấy khen của Chủ tịch UBND cấp xã\n"
                 "#     decision: \"Quyết định số 87/QĐ-UBND\"\n#     year: 2025\n")
    lines.append(_comment(schema, ("proposal",), ""))
    lines.append("# Ví dụ:\n# proposal:\n#   award: Chiến sĩ thi đua cơ sở\n#   target_year: 2027\n")
    lines.append(_comment(schema, ("images",), ""))
    lines.append("# Ví dụ:\n# images:\n#   - src: images/" + draft.period + "/ten-anh.jpg\n"
                 "#     alt: \"Mô tả nội dung ảnh\"\n#     credit: \"Ảnh: tên người chụp\"\n")
    if individual:
        lines.append(_comment(schema, ("consent",), ""))
        lines.append("consent:\n")
        field(("consent", "publish"), False, "  ")
        field(("consent", "personal_data"), False, "  ")
        field(("consent", "on"), "", "  ")
    lines.append(_comment(schema, ("contact",), ""))
    lines.append("contact:\n")
    for key in ("name", "phone", "email"):
        field(("contact", key), "", "  ")
    lines.append("---\n\n")
    lines.append(PLACEHOLDER)
    return "".join(lines)


def still_to_fill(draft: Draft) -> list[str]:
    """The fields the unit must write before the file validates."""
    fields = ["nominee.name", "nominee.role", "nominee.place", "summary", "achievements", "impact"]
    if draft.kind == "ca-nhan":
        fields += ["consent.publish (true khi người được giới thiệu đã đồng ý)", "consent.on"]
    return [*fields, "contact", "nội dung bài viết (sau dòng ---)"]
