"""The schema is the single source of truth: complete, strict, and read the same by both validators."""

from __future__ import annotations

from pathlib import Path

import jsonschema_rs
import pytest

from scripts.nomination.frontmatter import parse
from scripts.nomination.schema import CONSENT, PRIVATE, PUBLIC, NominationSchema
from tests.conftest import ROOT
from tests.nomination.test_validate_cases import CASES

SCHEMA = NominationSchema.load(ROOT / "schema" / "nomination.schema.json")


def _objects(node: dict, path: str = ""):
    node = SCHEMA._resolve(node)
    if node.get("type") == "object" or "properties" in node:
        yield path or "(gốc)", node
        for key, child in node.get("properties", {}).items():
            yield from _objects(child, f"{path}.{key}".lstrip("."))
    if isinstance(node.get("items"), dict):
        yield from _objects(node["items"], f"{path}[]")


def test_every_object_is_closed_and_every_property_labelled():
    for path, node in _objects(SCHEMA.raw):
        assert node.get("additionalProperties") is False, f"{path}: additionalProperties must be false"
        for key, child in node.get("properties", {}).items():
            child = SCHEMA._resolve(child)
            assert child.get("title") and child.get("description"), f"{path}.{key}: title, description"


def test_visibility_markings_are_known_values():
    values = set()

    def walk(node):
        if isinstance(node, dict):
            if "x-visibility" in node:
                values.add(node["x-visibility"])
            for child in node.values():
                walk(child)

    walk(SCHEMA.raw)
    assert values <= {PUBLIC, CONSENT, PRIVATE}
    assert SCHEMA.visibility(("contact", "phone")) == PRIVATE
    assert SCHEMA.visibility(("proposal", "award")) == PRIVATE
    assert SCHEMA.visibility(("review", "on")) == PUBLIC
    assert SCHEMA.visibility(("nominee", "birth_year")) == CONSENT


def test_public_view_strips_private_and_unconsented_personal_data():
    meta = parse((CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md").read_text(encoding="utf-8")).data
    meta["nominee"]["birth_year"] = 1990
    meta["images"] = [{"src": "images/a.jpg", "alt": "Ảnh lớp học bơi"}]
    meta["review"] = {"decision": "approved", "by": "Nguyễn Hữu Phước", "on": "2026-11-20", "ref": "BB 11"}
    view = SCHEMA.public_view(meta)
    assert "contact" not in view and "consent" not in view
    assert "birth_year" not in view["nominee"] and "images" not in view
    assert view["review"] == {"on": "2026-11-20"}
    meta["consent"]["personal_data"] = True
    agreed = SCHEMA.public_view(meta)
    assert agreed["nominee"]["birth_year"] == 1990 and agreed["images"]


def _front(path: Path):
    try:
        return parse(path.read_text(encoding="utf-8")).data
    except Exception:
        return None


# Every case and sample file whose front matter parses to a mapping (the others never reach
# the validators: the loader reports them first).
CASE_FILES = [
    path for path in sorted(CASES.rglob("*.md")) + sorted((ROOT / "content").rglob("*.md"))
    if isinstance(_front(path), dict)
]


@pytest.mark.parametrize("case", CASE_FILES, ids=[c.stem for c in CASE_FILES])
def test_fast_and_reference_validators_agree(case: Path):
    data = _front(case)
    fast = jsonschema_rs.Draft202012Validator(SCHEMA.raw, validate_formats=True).is_valid(data)
    reference = not list(SCHEMA.validator.iter_errors(data))
    assert fast == reference
