"""The Word form: written by `form --docx`, filled, read back by `import-docx` and by the intake."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.intake.conftest import event
from tests.intake.word import ANSWERS, PHOTO, fill

TODAY = {"DIEN_HINH_TODAY": "2026-11-10"}
FILE = "content/nominations/2026-11/anh-vo-van-sang-sua-xe-dap-mien-phi-cho-hoc-sinh-ngheo.md"


@pytest.fixture
def blank(intake_repo: Path) -> Path:
    path = intake_repo.parent / "mau-phieu.docx"
    result = run_cli("form", "--docx", str(path), cwd=intake_repo)
    assert result.code == 0, result.err
    return path


def _check_imported(repo: Path) -> str:
    text = (repo / FILE).read_text(encoding="utf-8")
    check = run_cli("validate", FILE, cwd=repo, env=TODAY)
    assert check.code == 0 and "không có lỗi" in check.out, check.out
    return text


def test_a_filled_word_form_becomes_a_valid_nomination(intake_repo: Path, blank: Path):
    filled = fill(blank, intake_repo.parent / "phieu.docx")
    result = run_cli("import-docx", str(filled), cwd=intake_repo, env=TODAY)
    assert result.code == 0, result.err
    text = _check_imported(intake_repo)
    assert "category: nguoi-tot-viec-tot" in text and "submitted_by: hoi-lhpn" in text
    assert "publish: true" in text and "personal_data: false" in text and "'on': '2026-11-03'" in text
    assert "- Tặng 12 chiếc xe đạp cũ" in text
    assert "## Chuyện ở tiệm sửa xe" in text
    assert "Anh nói: **sửa được chiếc xe là các cháu đi học được**, *vậy là vui rồi*." in text
    assert "- Sửa xe miễn phí mỗi sáng trước giờ học\n- Tặng xe cũ đã sửa" in text
    assert "alt: Anh Sang bơm lốp xe cho học sinh trước giờ vào lớp" in text
    photo = intake_repo / "content/images/2026-11" / (Path(FILE).stem + "-1.jpg")
    assert photo.read_bytes() == PHOTO.read_bytes()


def test_a_word_form_with_problems_says_what_to_fix(intake_repo: Path, blank: Path):
    answers = {**ANSWERS, "Loại gương": "Gương sáng", "Tóm tắt thành tích": "Tốt bụng."}
    filled = fill(blank, intake_repo.parent / "phieu.docx", answers, photo=False)
    result = run_cli("import-docx", str(filled), cwd=intake_repo, env=TODAY)
    assert result.code == 1
    assert "- Loại gương: \"Gương sáng\" không có trong danh sách" in result.err
    assert "- Tóm tắt thành tích: quá ngắn" in result.err
    assert not (intake_repo / FILE).exists()


def test_the_blank_form_is_refused_with_its_instruction_named(intake_repo: Path, blank: Path):
    result = run_cli("import-docx", str(blank), cwd=intake_repo, env=TODAY)
    assert result.code == 1 and "Xóa đoạn này và viết bài ở đây" in result.err


def test_a_file_that_is_not_a_word_form(intake_repo: Path, tmp_path: Path):
    fake = tmp_path / "phieu.docx"
    fake.write_bytes(b"PK\x03\x04 not really")
    result = run_cli("import-docx", str(fake), cwd=intake_repo, env=TODAY)
    assert result.code == 1 and "không đọc được tệp" in result.err and "Traceback" not in result.err


def test_the_intake_takes_a_word_form_attached_to_an_issue(intake_repo: Path, blank: Path, tmp_path: Path):
    attachments = tmp_path / "attachments"
    attachments.mkdir()
    fill(blank, attachments / "phieu-anh-sang.docx")
    body = ("### Phiếu Word (.docx)\n\n[phieu-anh-sang.docx]"
            "(https://github.com/user-attachments/files/1234567/phieu-anh-sang.docx)")
    comment = tmp_path / "comment.md"
    result = run_cli("intake", "--event", str(event(tmp_path, body, "2026-11-09T02:00:00Z")),
                     "--comment", str(comment), "--attachments-from", str(attachments),
                     cwd=intake_repo, env=TODAY)
    assert result.code == 0, comment.read_text(encoding="utf-8")
    assert "submitted_on: '2026-11-09'" in _check_imported(intake_repo)


def test_a_word_issue_without_a_docx_says_so(intake_repo: Path, tmp_path: Path):
    body = "### Phiếu Word (.docx)\n\n[phieu.doc](https://github.com/user-attachments/files/1/phieu.doc)"
    comment = tmp_path / "comment.md"
    result = run_cli("intake", "--event", str(event(tmp_path, body)), "--comment", str(comment),
                     "--attachments-from", str(tmp_path), cwd=intake_repo, env=TODAY)
    assert result.code == 1 and "lưu lại thành .docx" in comment.read_text(encoding="utf-8")


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("LibreOffice (Debian libreoffice-writer) is required under CI")
    return found


def test_a_form_saved_by_libreoffice_reads_the_same(intake_repo: Path, blank: Path, tmp_path: Path):
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer); CI installs it")
    filled = fill(blank, tmp_path / "dien.docx")
    out = tmp_path / "libreoffice"
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(filled)],
        capture_output=True, text=True, timeout=180,
    )
    saved = out / "dien.docx"
    assert done.returncode == 0 and saved.is_file(), done.stdout + done.stderr
    assert saved.read_bytes() != filled.read_bytes()
    result = run_cli("import-docx", str(saved), cwd=intake_repo, env=TODAY)
    assert result.code == 0, result.err
    text = _check_imported(intake_repo)
    assert "## Chuyện ở tiệm sửa xe" in text
    assert "**sửa được chiếc xe là các cháu đi học được**" in text and "*vậy là vui rồi*" in text
    assert "- Sửa xe miễn phí mỗi sáng trước giờ học\n- Tặng xe cũ đã sửa" in text
    assert "alt: Anh Sang bơm lốp xe cho học sinh trước giờ vào lớp" in text
