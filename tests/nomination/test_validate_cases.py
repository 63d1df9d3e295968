"""Every case file in tests/cases/ goes through the real `validate` command.

An invalid case sits beside `<case>.expect.yaml`: the line, field, severity and a fragment of
the Vietnamese message the validator must print for it, and optionally where the file is placed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_repo, run_cli

CASES = ROOT / "tests" / "cases"
TODAY = {"DIEN_HINH_TODAY": "2026-11-27"}
INVALID = sorted(CASES.glob("invalid/*.md"))


def _place(case: Path, repo: Path, expect: dict) -> Path:
    folder = repo / expect.get("place", "content/nominations/2026-11")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / expect.get("filename", case.name)
    shutil.copyfile(case, target)
    return target


@pytest.fixture
def case_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo", with_content=False)
    shutil.copytree(ROOT / "content" / "images", repo / "content" / "images", dirs_exist_ok=True)
    return repo


@pytest.mark.parametrize("case", INVALID, ids=[c.stem for c in INVALID])
def test_invalid_case_is_reported_with_line_and_field(case: Path, case_repo: Path):
    expect = yaml.safe_load(case.with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    target = _place(case, case_repo, expect)
    before = target.read_bytes()

    result = run_cli("validate", str(target.relative_to(case_repo)), cwd=case_repo, env=TODAY)

    rel = target.relative_to(case_repo).as_posix()
    field = f" {expect['field']}" if expect["field"] else ""
    prefix = f"{rel}:{expect['line']}: {expect['severity']}:{field}"
    matching = [line for line in result.out.splitlines() if line.startswith(prefix)]
    assert any(expect["message"] in line for line in matching), (
        f"expected a line starting {prefix!r} containing {expect['message']!r}; got:\n{result.out}"
    )
    assert result.code == (1 if expect["severity"] == "error" else 0), result.out + result.err
    assert "Traceback" not in result.err
    assert target.read_bytes() == before, "validate without --fix must not rewrite a file"


@pytest.mark.parametrize("case", INVALID, ids=[c.stem for c in INVALID])
def test_invalid_case_code_in_json_report(case: Path, case_repo: Path):
    """The JSON report carries the same finding, with the rule's code."""
    import json

    expect = yaml.safe_load(case.with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    if "code" not in expect:
        pytest.skip("case names no rule code")
    target = _place(case, case_repo, expect)
    result = run_cli("validate", "--format", "json", str(target), cwd=case_repo, env=TODAY)
    report = json.loads(result.out)
    codes = {(p["code"], p["line"]) for p in report["problems"]}
    assert (expect["code"], expect["line"]) in codes, report["problems"]


VALID = sorted(CASES.glob("valid/*.md"))


def test_the_case_folders_are_not_empty():
    """A parametrized walk over an empty folder runs nothing and passes: refuse that."""
    assert VALID and INVALID


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.stem)
def test_valid_cases_pass_cleanly(case_repo: Path, case: Path):
    target = _place(case, case_repo, {})
    result = run_cli("validate", str(target), cwd=case_repo, env=TODAY)
    assert result.code == 0, result.out
    assert "0 cảnh báo" in result.out and "không có lỗi" in result.out, result.out


def test_sample_content_validates():
    result = run_cli("validate", cwd=ROOT)
    assert result.code == 0, result.out + result.err
    assert "error:" not in result.out
    assert "warning:" not in result.out
