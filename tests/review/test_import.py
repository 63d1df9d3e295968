"""import: the council's marked commit of historical files, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reports.conftest import ColumnRepo

SLUG = "chi-luong-thi-hong-nhung-day-boi"
VALID = ROOT / f"tests/cases/valid/{SLUG}.md"
INVALID = ROOT / "tests/cases/invalid/body-too-short.md"


@pytest.fixture
def office(tmp_path) -> ColumnRepo:
    column = ColumnRepo(tmp_path / "repo")
    column.git("config", "user.name", "Nguyễn Văn Thẩm")
    column.git("config", "user.email", "tham@example.vn")
    return column


def state(repo: ColumnRepo) -> tuple[str, str, list[Path]]:
    """HEAD, the short status and every file under content/: what a refused import must not change."""
    return (repo.rev("HEAD"), repo.git("status", "--short", "--untracked-files=all"),
            sorted(p for p in (repo.root / "content").rglob("*") if p.is_file()))


def test_import_commits_only_its_files_with_the_trailer(office, tmp_path):
    other = office.place("muon-han")
    office.git("add", str(other))  # staged work of the office, not part of the import
    result = office.cli("import", str(VALID), "--by", "Nguyễn Văn Thẩm")
    assert result.code == 0, result.err
    shown = office.git("show", "--name-only", "--format=%B", "HEAD")
    assert shown.startswith("Nhập phiếu cũ vào kho (1 tệp)\n\n")
    assert "\nCouncil-Import: Nguyễn Văn Thẩm\n" in shown
    assert shown.rstrip().endswith(f"content/nominations/2026-11/{SLUG}.md")
    assert "A  content/nominations/2026-11/muon-han.md" in office.git("status", "--short")


def test_an_approved_file_is_imported_into_published(office, tmp_path):
    text = VALID.read_text(encoding="utf-8").replace(
        "\n---\n", "\nreview:\n  decision: approved\n  by: Nguyễn Văn Thẩm\n  \"on\": 2026-11-20\n"
        "  ref: Biên bản số 05/BB-HĐTĐKT\n---\n", 1)
    source = tmp_path / f"{SLUG}.md"
    source.write_text(text, encoding="utf-8")
    result = office.cli("import", str(source), "--by", "Nguyễn Văn Thẩm")
    assert result.code == 0, result.err
    assert (office.root / f"content/published/2026-11/{SLUG}.md").read_text(encoding="utf-8") == text


def test_one_invalid_file_imports_nothing(office):
    before = state(office)
    result = office.cli("import", str(VALID), str(INVALID), "--by", "Nguyễn Văn Thẩm")
    assert result.code == 1
    assert "nội dung bài viết quá ngắn" in result.err
    assert result.err.endswith("Lỗi: không nhập tệp nào: hãy sửa các lỗi trên rồi chạy lại\n")
    assert state(office) == before


def test_an_existing_file_is_never_overwritten(office):
    assert office.cli("import", str(VALID), "--by", "Nguyễn Văn Thẩm").code == 0
    before = state(office)
    result = office.cli("import", str(VALID), "--by", "Nguyễn Văn Thẩm")
    assert result.code == 1
    assert result.err == f"Lỗi: content/nominations/2026-11/{SLUG}.md đã có trong kho; không ghi đè\n"
    assert state(office) == before


def test_import_outside_git_is_refused(tmp_path):
    column = ColumnRepo(tmp_path / "repo", git=False)
    result = column.cli("import", str(VALID), "--by", "Nguyễn Văn Thẩm")
    assert (result.code, result.err) == (1, "Lỗi: lệnh import cần chạy trong một kho git\n")
    assert not list((column.root / "content").rglob("*.md"))
