"""import: the council's marked commit of historical files, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reports.conftest import ColumnRepo
from tests.review.conftest import KEYS, SIGNER, use_test_keys

SLUG = "chi-luong-thi-hong-nhung-day-boi"
VALID = ROOT / f"tests/cases/valid/{SLUG}.md"
INVALID = ROOT / "tests/cases/invalid/body-too-short.md"


@pytest.fixture
def office(tmp_path) -> ColumnRepo:
    """A column whose registry holds this run's keys; git signs with a serving member's."""
    column = ColumnRepo(tmp_path / "repo")
    use_test_keys(column.root / "schema" / "council.yaml")
    column.commit("2026-11-02T09:00:00+07:00", "Hội đồng ghi khóa ký")
    column.git("config", "user.name", SIGNER)
    column.git("config", "user.email", "binh@example.vn")
    column.git("config", "user.signingkey", str(KEYS[SIGNER]))
    return column


def september_copy(tmp_path: Path) -> Path:
    """The valid sample nomination as the office's register has it for September."""
    old = tmp_path / "so-luu" / f"{SLUG}.md"
    old.parent.mkdir()
    text = VALID.read_text(encoding="utf-8")
    for november, september in (("period: 2026-11", "period: 2026-09"),
                                ("submitted_on: 2026-11-06", "submitted_on: 2026-09-08"),
                                ('"on": 2026-11-02', '"on": 2026-09-02')):
        text = text.replace(november, september)
    old.write_text(text, encoding="utf-8")
    return old


def detail_line(repo: ColumnRepo, month: str) -> str:
    result = repo.cli("report", "--month", month)
    assert result.code == 0, result.err
    return next(line for line in result.out.splitlines() if f"| {SLUG} |" in line)


def test_the_signed_import_is_counted_by_submitted_on(office, tmp_path):
    result = office.cli("import", str(september_copy(tmp_path)), "--by", SIGNER, "--note", "Theo sổ lưu")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Đã nhập: content/nominations/2026-09/{SLUG}.md\nĐã tạo commit có chữ ký ")
    assert "\ngpgsig -----BEGIN SSH SIGNATURE-----" in office.git("cat-file", "commit", "HEAD")
    line = detail_line(office, "2026-09")
    assert "| 08/09/2026 | theo phiếu (Hội đồng nhập) |" in line
    assert "| Đúng hạn |" in line
    assert line.endswith("| Xem ghi chú 1 |")
    markdown = office.cli("report", "--month", "2026-09").out
    assert "\n1. Phiếu cũ do Hội đồng nhập vào hệ thống: ngày gửi theo phiếu.\n" in markdown


def test_an_unsigned_import_trailer_counts_for_nothing(office, tmp_path):
    # Someone with push rights writes the trailer by hand, unsigned, on the 27th.
    target = office.root / f"content/nominations/2026-09/{SLUG}.md"
    target.parent.mkdir(parents=True)
    shutil.copy(september_copy(tmp_path), target)
    office.commit("2026-11-27T09:00:00+07:00", "Nhập phiếu cũ\n\nCouncil-Import: Lê Văn Bình")
    line = detail_line(office, "2026-09")
    assert "| theo hệ thống |" in line
    assert "| Cần kiểm tra |" in line


def test_import_without_a_signing_key_changes_nothing(office, tmp_path):
    office.git("config", "--unset", "user.signingkey")
    before = state(office)
    result = office.cli("import", str(VALID), "--by", SIGNER)
    assert result.code == 1
    assert result.err.startswith("Lỗi: chưa có khóa để ký quyết định")
    assert state(office) == before


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
