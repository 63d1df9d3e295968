"""jsonschema's validation errors, said in Vietnamese with the fix when there is one."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING

from scripts.nomination.frontmatter import dotted

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from scripts.nomination.schema import NominationSchema

Path_ = tuple[str | int, ...]

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "true (có) hoặc false (không)",
    "array": "một danh sách (mỗi mục một dòng, bắt đầu bằng \"- \")",
    "object": "một nhóm trường (các dòng \"tên: giá trị\" thụt lề bên dưới)",
}
_PERSONAL_FIELDS = {"birth_year", "gender"}
# A date as written in Vietnamese documents: 15/11/2026, 5-11-2026, 05.11.2026.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
# What people write for yes and no in a true/false field (folded to lower case).
_YES = {"có", "co", "đồng ý", "dong y", "rồi", "yes", "x"}
_NO = {"không", "khong", "chưa", "chua", "no"}


def _shown(value) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"\"{value}\""
    return str(value)


def day_first(value: str) -> str | None:
    """The ISO form of a day written day-first (15/11/2026), or None when it is not one."""
    match = _DAY_FIRST.match(value)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _yes_no(value) -> str | None:
    """A boolean field written in words: the hint that says what to write instead."""
    if not isinstance(value, str):
        return None
    word = value.strip().lower()
    if word in _YES:
        return f" (\"{value}\" nghĩa là đồng ý: hãy viết true)"
    if word in _NO:
        return f" (\"{value}\" nghĩa là không đồng ý: hãy viết false)"
    return " (viết true cho \"có\", false cho \"không\")"


def _forbidden_key(error: ValidationError, schema: NominationSchema, data: dict) -> str | None:
    """The key a ``false`` subschema refused.

    jsonschema reports such an error at the parent object without the key, so the key is found
    as the one present in the data whose subschema, under the reported schema path, is false.
    """
    node = schema.raw
    for part in error.absolute_schema_path:
        node = node[part] if isinstance(node, dict | list) else None
    parent = data
    for part in error.absolute_path:
        parent = parent[part] if isinstance(parent, dict | list) else None
    if not isinstance(node, dict) or not isinstance(parent, dict):
        return None
    return next((key for key, sub in node.items() if sub is False and key in parent), None)


def translate(error: ValidationError, schema: NominationSchema, data: dict) -> tuple[Path_, str]:
    """(path of the field concerned, message). The path may name a missing or unknown key."""
    path: Path_ = tuple(error.absolute_path)
    kind = error.validator
    instance = error.instance
    if kind == "required":
        missing = [key for key in error.validator_value if key not in instance]
        key = missing[0] if missing else ""
        field = (*path, key)
        why = ""
        if key == "consent":
            why = " (bắt buộc khi giới thiệu một cá nhân: ghi ngày người đó đồng ý cho đăng bài)"
        elif key in ("ref", "reason"):
            why = f" (bắt buộc với quyết định \"{instance.get('decision')}\")"
        return field, f"thiếu trường bắt buộc \"{key}\"{why}"
    if kind == "additionalProperties":
        allowed = schema.properties(path)
        extras = [key for key in instance if key not in allowed]
        key = extras[0] if extras else ""
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"; có phải ý bạn là \"{close[0]}\"?" if close else (
            f"; các trường được dùng ở đây: {', '.join(allowed)}"
        )
        return (*path, key), f"trường \"{key}\" không có trong mẫu phiếu{hint}"
    if kind is None or error.validator_value is False:
        key = _forbidden_key(error, schema, data)
        if key and (not path or path[-1] != key):
            path = (*path, key)
        if path and path[-1] in _PERSONAL_FIELDS:
            return path, "chỉ ghi cho cá nhân (nominee.kind: ca-nhan); tập thể không có trường này"
        return path, "trường này không được dùng ở đây"
    if kind == "enum":
        labels = schema.value_labels(path)
        choices = ", ".join(
            f"{value} ({labels[value]})" if value in labels else str(value)
            for value in error.validator_value
        )
        close = difflib.get_close_matches(
            str(instance), [str(v) for v in error.validator_value], n=1, cutoff=0.6
        )
        hint = f"; có phải ý bạn là \"{close[0]}\"?" if close else ""
        return path, f"giá trị {_shown(instance)} không nằm trong danh sách cho phép: {choices}{hint}"
    if kind == "const":
        return path, f"giá trị phải là {_shown(error.validator_value)}"
    if kind == "type":
        wanted = error.validator_value
        names = wanted if isinstance(wanted, list) else [wanted]
        expected = " hoặc ".join(_TYPE_NAMES.get(name, name) for name in names)
        if instance is None:
            return path, f"đang để trống; cần {expected}"
        hint = ""
        if wanted == "boolean":
            hint = _yes_no(instance) or ""
        elif wanted == "string" and isinstance(instance, int | float):
            hint = " (đặt giá trị trong ngoặc kép, ví dụ \"0258 3845 123\")"
        return path, f"giá trị {_shown(instance)} không đúng kiểu: cần {expected}{hint}"
    if instance == "" and kind in ("format", "pattern", "minLength"):
        return path, "chưa điền"
    if kind == "format":
        if error.validator_value == "date":
            iso = day_first(instance) if isinstance(instance, str) else None
            if iso:
                return path, (
                    f"{_shown(instance)} viết theo kiểu ngày/tháng/năm; trong phiếu ngày viết "
                    f"năm-tháng-ngày: hãy sửa thành {iso}"
                )
            return path, (
                f"{_shown(instance)} không phải một ngày có thật; viết theo dạng YYYY-MM-DD, "
                "ví dụ 2026-11-05"
            )
        if error.validator_value == "email":
            return path, f"{_shown(instance)} không phải địa chỉ thư điện tử hợp lệ"
        return path, f"{_shown(instance)} không đúng định dạng {error.validator_value}"
    if kind == "pattern":
        return path, f"{_shown(instance)} không đúng dạng quy định: {schema.description(path)}"
    if kind == "minLength":
        return path, (
            f"quá ngắn: cần ít nhất {error.validator_value} ký tự (hiện có {len(instance)})"
        )
    if kind == "maxLength":
        return path, f"quá dài: tối đa {error.validator_value} ký tự (hiện có {len(instance)})"
    if kind == "minItems":
        return path, f"cần ít nhất {error.validator_value} mục (hiện có {len(instance)})"
    if kind == "maxItems":
        return path, f"tối đa {error.validator_value} mục (hiện có {len(instance)})"
    if kind == "minimum":
        return path, f"giá trị {instance} nhỏ hơn mức tối thiểu {error.validator_value}"
    if kind == "maximum":
        return path, f"giá trị {instance} lớn hơn mức tối đa {error.validator_value}"
    return path, f"không hợp lệ theo mẫu phiếu ({kind}: {error.message})"


def field_name(path: Path_) -> str:
    return dotted(path)
