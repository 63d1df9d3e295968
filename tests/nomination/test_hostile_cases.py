"""Every attack ever found, kept as a file in tests/cases/hostile/ and refused by `validate`.

Each case sits beside ``<case>.expect.yaml`` (line, field, severity, a fragment of the message,
the rule's code) exactly like tests/cases/invalid/; the case file may be named otherwise
(``filename``), for an attack that lives in the name, and may bring hostile photos (``photos``:
files of tests/cases/hostile/photos/ placed in content/images/2026-11/). No case may reach
"Lỗi không mong đợi".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import make_repo, run_cli
from tests.nomination.test_validate_cases import CASES, TODAY

EXPECTS = sorted(CASES.glob("hostile/*.expect.yaml"))


def _case(expect_file: Path) -> tuple[Path, dict]:
    expect = yaml.safe_load(expect_file.read_text(encoding="utf-8"))
    name = expect.get("filename") or expect_file.name.replace(".expect.yaml", ".md")
    return expect_file.parent / name, expect


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", with_content=False)


def test_every_class_has_a_case():
    assert len(EXPECTS) >= 25


@pytest.mark.parametrize("expect_file", EXPECTS, ids=[e.name.split(".")[0] for e in EXPECTS])
def test_hostile_case_is_refused_with_line_and_field(expect_file: Path, hostile_repo: Path):
    case, expect = _case(expect_file)
    folder = hostile_repo / "content" / "published" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / case.name
    shutil.copyfile(case, target)
    for photo in expect.get("photos", []):
        images = hostile_repo / "content" / "images" / "2026-11"
        images.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CASES / "hostile" / "photos" / photo, images / photo)

    result = run_cli("validate", "--format", "json", cwd=hostile_repo, env=TODAY)

    report = json.loads(result.out)
    rel = target.relative_to(hostile_repo).as_posix()
    found = [p for p in report["problems"] if p["path"] == rel and p["code"] == expect["code"]]
    assert found, report["problems"]
    assert any(p["line"] == expect["line"] and p["field"] == expect["field"]
               and expect["message"] in p["message"] and p["severity"] == expect["severity"]
               for p in found), found
    assert result.code == 1
    assert "Lỗi không mong đợi" not in result.err and "Traceback" not in result.err
