"""The nomination schema: one compiled validator, and what the schema says about each field.

The schema file is the single source of truth: labels (``title``), help (``description``),
enum labels (``x-labels``) and who may see a field (``x-visibility``) are read from it here and
nowhere else.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema_rs

from scripts.common.errors import PipelineError

PUBLIC = "public"
CONSENT = "consent"
PRIVATE = "private"

Path_ = tuple[str | int, ...]


class NominationSchema:
    def __init__(self, raw: dict) -> None:
        self.raw = raw
        # The Rust implementation answers "valid or not" about twenty times faster; most files are
        # valid, so only an invalid one pays for the reference implementation's detailed errors.
        # tests/test_schema.py holds the two to the same verdict on every case file.
        try:
            self._fast = jsonschema_rs.Draft202012Validator(raw, validate_formats=True)
        except (jsonschema_rs.ValidationError, ValueError) as err:
            raise PipelineError(f"schema/nomination.schema.json không hợp lệ: {err}") from None

    @functools.cached_property
    def validator(self):
        """The reference validator (jsonschema), built on first use: it explains the errors."""
        from jsonschema import Draft202012Validator

        return Draft202012Validator(self.raw, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def errors(self, data: dict) -> list:
        """jsonschema's ValidationErrors for ``data`` (an empty list when it is valid)."""
        try:
            if self._fast.is_valid(data):
                return []
        except (ValueError, TypeError, OverflowError):
            pass  # a value the Rust side cannot take (e.g. a number key): ask the reference one
        return list(self.validator.iter_errors(data))

    @classmethod
    def load(cls, path: Path) -> NominationSchema:
        return _load_cached(str(path.resolve()))

    def _resolve(self, node: dict) -> dict:
        ref = node.get("$ref")
        if ref and ref.startswith("#/$defs/"):
            merged = dict(self.raw["$defs"][ref.removeprefix("#/$defs/")])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            return merged
        return node

    def node(self, path: Path_) -> dict | None:
        """The subschema that describes ``path``, or None when the schema has no such field."""
        node = self.raw
        for part in path:
            node = self._resolve(node)
            node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
            if not isinstance(node, dict):
                return None
        return self._resolve(node)

    def label(self, path: Path_) -> str:
        """The Vietnamese title of the nearest named field on ``path`` ("" for an unknown key)."""
        if path and self.node(path) is None:
            return ""
        for end in range(len(path), 0, -1):
            node = self.node(path[:end])
            if node and "title" in node and not isinstance(path[end - 1], int):
                return node["title"]
        return ""

    def description(self, path: Path_) -> str:
        node = self.node(path)
        return node.get("description", "") if node else ""

    def properties(self, path: Path_) -> list[str]:
        node = self.node(path) if path else self.raw
        return list(node.get("properties", {})) if node else []

    def value_label(self, path: Path_, value: str) -> str:
        """The Vietnamese label of an enum value ("ca-nhan" → "Cá nhân"), or the value itself."""
        node = self.node(path)
        return (node or {}).get("x-labels", {}).get(value, value)

    def value_labels(self, path: Path_) -> dict[str, str]:
        node = self.node(path) or {}
        return dict(node.get("x-labels", {}))

    def visibility(self, path: Path_) -> str:
        """public, consent or private: the marking of the field or of its nearest marked parent."""
        for end in range(len(path), 0, -1):
            node = self.node(path[:end])
            if node and "x-visibility" in node:
                return node["x-visibility"]
        return PUBLIC

    def public_view(self, data: dict) -> dict:
        """A copy of ``data`` holding only what readers may see.

        Private fields go. "consent" fields (an individual's birth year, gender and photos) stay
        only when the nominee agreed to publish personal data; a collective has no such data of
        a person, so its photos stay. A private group may still hold a public field (the approval
        date in ``review``).
        """
        nominee = data.get("nominee") or {}
        consent = data.get("consent") or {}
        personal = nominee.get("kind") != "tap-the" and consent.get("personal_data") is not True
        allowed = {PUBLIC} if personal else {PUBLIC, CONSENT}
        return self._filter(data, (), allowed)

    def _filter(self, group: dict, path: Path_, allowed: set[str]) -> dict:
        kept = {}
        for key, value in group.items():
            child = (*path, key)
            if isinstance(value, dict):
                inner = self._filter(value, child, allowed)
                if inner:
                    kept[key] = inner
            elif self.visibility(child) in allowed:
                kept[key] = [
                    self._filter(item, (*child, i), allowed) if isinstance(item, dict) else item
                    for i, item in enumerate(value)
                ] if isinstance(value, list) else value
        return kept


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> NominationSchema:
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
    except FileNotFoundError:
        raise PipelineError(f"{path}: không tìm thấy tệp schema") from None
    except json.JSONDecodeError as err:
        raise PipelineError(f"{path}:{err.lineno}: schema không phải JSON hợp lệ ({err.msg})") from None
    return NominationSchema(raw)
