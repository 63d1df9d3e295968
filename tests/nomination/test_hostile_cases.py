"""Every attack ever found, kept as a file in tests/cases/hostile/ and refused by `validate`.

Each case sits beside ``<case>.expect.yaml`` (line, field, severity, a fragment of the message,
the rule's code) exactly like tests/cases/invalid/; the case file may be named otherwise
(``filename``), for an attack that lives in the name, and may bring hostile photos (``photos``:
files of tests/cases/hostile/photos/ placed in content/images/2026-11/). A case is a published
story unless ``folder`` names another folder of content/ (``pages``: a static page). No case may
reach "Lỗi không mong đợi".
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
    folder = hostile_repo / "content" / expect.get("folder", "published/2026-11")
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


def test_what_is_not_a_regular_file_is_an_error_on_it_and_the_others_are_still_checked(hostile_repo: Path):
    import os

    folder = hostile_repo / "content" / "nominations" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "ong-dan.md")  # opening it for reading would wait for a writer forever
    (folder / "thu-muc.md").mkdir()
    shutil.copyfile(CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md", folder / "ban-tot.md")
    (folder / "gia-tri-hong.md").write_text("---\ntitle: !!bool maybe\n---\n", encoding="utf-8")

    result = run_cli("validate", cwd=hostile_repo, env=TODAY)

    assert "content/nominations/2026-11/ong-dan.md:1: error: không phải tệp thường" in result.out
    assert "content/nominations/2026-11/thu-muc.md:1: error: là một thư mục" in result.out
    assert "content/nominations/2026-11/gia-tri-hong.md:2: error: title: giá trị \"maybe\"" in result.out
    assert "Đã kiểm tra 4 tệp: 3 lỗi" in result.out
    assert "Lỗi không mong đợi" not in result.err
    for command in (("status",), ("report", "--month", "2026-11")):
        other = run_cli(*command, cwd=hostile_repo, env=TODAY)
        assert "Lỗi không mong đợi" not in other.err and "Traceback" not in other.err, other.err


def test_fix_repairs_harmless_invisible_characters_and_curly_quotes(hostile_repo: Path):
    folder = hostile_repo / "content" / "nominations" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    text = (CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md").read_text(encoding="utf-8")
    dirty = (text.replace("  name: Lương Thị Hồng Nhung", "  name: “Lương\u00a0Thị Hồng\u200b Nhung”")
             .replace("Mùa hè ở tổ dân phố", "Mùa\u00a0hè ở tổ\u2060 dân phố"))
    target = folder / "chi-nhung.md"
    target.write_bytes(dirty.replace("\n", "\r\n").encode("utf-8"))

    before = run_cli("validate", cwd=hostile_repo, env=TODAY)
    assert "nominee.name" in before.out and "ngoặc kép cong" in before.out
    assert "dấu cách không ngắt hoặc ký tự vô hình" in before.out

    fixed = run_cli("validate", "--fix", cwd=hostile_repo, env=TODAY)

    assert fixed.code == 0, fixed.out
    assert "0 cảnh báo" in fixed.out, fixed.out
    repaired = text.replace("  name: Lương Thị Hồng Nhung", '  name: "Lương Thị Hồng Nhung"')
    assert target.read_bytes() == repaired.replace("\n", "\r\n").encode("utf-8")


def test_a_fix_that_would_break_the_file_leaves_it_as_it_was(hostile_repo: Path):
    """A no-break space YAML reads as part of a key: turning it into a space would indent the key
    under the one above, and the file would no longer parse. Nothing is written."""
    folder = hostile_repo / "content" / "nominations" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    text = (CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md").read_text(encoding="utf-8")
    target = folder / "chi-nhung.md"
    target.write_text(text.replace("  name: Lương Thị Hồng Nhung", "  name: Lương Thị\u00a0Hồng Nhung")
                      .replace("contact:\n", "\u00a0contact:\n"), encoding="utf-8")
    before = target.read_bytes()

    fixed = run_cli("validate", "--fix", cwd=hostile_repo, env=TODAY)

    assert target.read_bytes() == before
    assert "không tự sửa được" in fixed.err and "hãy sửa tay" in fixed.err, fixed.err
    assert "YAML không hợp lệ" not in fixed.out, fixed.out
