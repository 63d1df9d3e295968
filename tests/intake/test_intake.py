"""`python -m scripts intake --event FILE`: a form body as GitHub renders it becomes a nomination
file that validates, or one Vietnamese comment naming each problem by the form's labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.intake.attachments import MAX_BYTES, AttachmentError, folder_fetcher, is_attachment
from tests.conftest import run_cli
from tests.intake.conftest import DATA, PHOTO_ID, event, rendered

TODAY = {"DIEN_HINH_TODAY": "2026-11-20"}
FILE = "content/nominations/2026-11/ba-phan-thi-my-hanh-nau-com-mien-phi-cho-benh-nhan-ngheo-o-tram-y-te.md"
GOOD = (DATA / "issue-ca-nhan.md").read_text(encoding="utf-8")


def _intake(repo: Path, event_file: Path, attachments: Path):
    comment = repo.parent / "comment.md"
    result = run_cli("intake", "--event", str(event_file), "--comment", str(comment),
                     "--attachments-from", str(attachments), cwd=repo, env=TODAY)
    return result, comment.read_text(encoding="utf-8")


def test_a_filled_form_becomes_a_valid_nomination(intake_repo: Path, attachments: Path, tmp_path: Path):
    result, comment = _intake(intake_repo, event(tmp_path, GOOD), attachments)
    assert result.code == 0, comment
    assert comment.startswith("**Phiếu hợp lệ.**") and FILE in comment
    text = (intake_repo / FILE).read_text(encoding="utf-8")
    assert "submitted_by: hoi-lhpn" in text and "category: nguoi-tot-viec-tot" in text
    assert "submitted_on: '2026-11-14'" in text  # 16:30 UTC is 23:30 in Vietnam: still the 14th
    assert "'on': '2026-11-02'" in text  # typed 02/11/2026
    assert "- Vận động 12 hộ kinh doanh" in text and "year: 2025" in text
    photo = intake_repo / "content/images/2026-11" / (Path(FILE).stem + "-1.jpg")
    assert photo.read_bytes() == (attachments / PHOTO_ID).read_bytes()
    assert "alt: Bà Hạnh chia cơm" in text
    check = run_cli("validate", FILE, cwd=intake_repo, env=TODAY)
    assert check.code == 0 and "không có lỗi" in check.out, check.out


def test_the_send_date_is_githubs_clock_in_vietnam(intake_repo: Path, attachments: Path, tmp_path: Path):
    """17:30 UTC on the 14th is already the 15th in Vietnam: late, whatever the form says."""
    body = GOOD.replace("### Kỳ giới thiệu\n\n_No response_", "### Kỳ giới thiệu\n\n2026-11")
    result, comment = _intake(intake_repo, event(tmp_path, body, "2026-11-14T17:30:00Z"), attachments)
    assert result.code == 0, comment
    assert "submitted_on: '2026-11-15'" in (intake_repo / FILE).read_text(encoding="utf-8")
    assert "được tính là gửi muộn cho kỳ 2026-11" in comment


def test_an_edit_is_dated_the_day_it_was_made(intake_repo: Path, attachments: Path, tmp_path: Path):
    """Fixed on the 20th, the form was sent on the 20th: the day the pull request gets the file."""
    edited = event(tmp_path, GOOD, "2026-11-10T02:00:00Z", "edited", "2026-11-20T03:00:00Z")
    result, comment = _intake(intake_repo, edited, attachments)
    assert result.code == 0, comment
    assert "submitted_on: '2026-11-20'" in (intake_repo / FILE).read_text(encoding="utf-8")
    assert "gửi muộn cho kỳ 2026-11" in comment


def test_problems_come_back_as_one_comment_by_the_forms_labels(intake_repo: Path, attachments: Path,
                                                              tmp_path: Path):
    body = rendered({
        "title": "Anh Võ Văn Sang sửa xe miễn phí cho học sinh",
        "category": "Người tốt, việc tốt", "field": "Giáo dục",
        "submitted-by": "Hội Liên hiệp Phụ nữ phường", "nominee-kind": "Cá nhân",
        "nominee-name": "Võ Văn Sang", "nominee-role": "Thợ sửa xe", "nominee-place": "Tổ dân phố Phước Sơn",
        "summary": "Sửa xe miễn phí.",
        "achievements": "- Sửa hơn 300 chiếc xe đạp cho học sinh", "impact": "Học sinh đi học đúng giờ hơn.",
        "images": "![anh](https://example.com/anh.jpg) Anh Sang sửa xe",
        "consent-on": "31/11/2026", "contact-name": "Trần Thị Bích Ngọc", "body": "Bài ngắn.",
    })
    result, comment = _intake(intake_repo, event(tmp_path, body), attachments)
    assert result.code == 1
    assert comment.startswith("**Phiếu chưa được nhận**")
    for fragment in ("- **Tóm tắt thành tích**: quá ngắn",
                     "- **Hình ảnh**: ảnh thứ 1: chỉ nhận ảnh được kéo thả",
                     "- **Sự đồng ý của người được giới thiệu**: ",
                     "- **Bài viết**: nội dung bài viết quá ngắn"):
        assert fragment in comment, comment
    assert not list((intake_repo / "content").rglob("*.md")), "a refused form leaves no file"
    assert not list((intake_repo / "content/images").rglob("*.*"))


def test_a_heading_typed_in_the_story_stays_in_the_story(intake_repo: Path, attachments: Path,
                                                         tmp_path: Path):
    body = GOOD.replace("## Bếp cơm của những tấm lòng", "### Họ tên người lập\n\nKhông phải một ô")
    result, comment = _intake(intake_repo, event(tmp_path, body), attachments)
    assert result.code == 0, comment
    text = (intake_repo / FILE).read_text(encoding="utf-8")
    assert "name: Trần Thị Bích Ngọc" in text and "### Họ tên người lập\n\nKhông phải một ô" in text


def test_an_issue_not_from_the_form_gets_one_line(intake_repo: Path, attachments: Path, tmp_path: Path):
    result, comment = _intake(intake_repo, event(tmp_path, "Xin chào, tôi muốn giới thiệu…"), attachments)
    assert result.code == 1 and "không theo mẫu phiếu" in comment


def test_a_photo_that_is_not_a_photo_is_refused(intake_repo: Path, attachments: Path, tmp_path: Path):
    (attachments / PHOTO_ID).write_bytes(b"<html><script>alert(1)</script></html>")
    result, comment = _intake(intake_repo, event(tmp_path, GOOD), attachments)
    assert result.code == 1 and "ảnh thứ 1: tệp không phải ảnh" in comment


def test_a_bad_event_file_is_a_usage_error(intake_repo: Path, tmp_path: Path):
    bad = tmp_path / "e.json"
    bad.write_text("{}", encoding="utf-8")
    result = run_cli("intake", "--event", str(bad), cwd=intake_repo)
    assert result.code == 2 and "không phải tệp sự kiện issue" in result.err


@pytest.mark.parametrize("url", [
    "https://github.com.evil.example/user-attachments/assets/x",
    "http://github.com/user-attachments/assets/x",
    "https://github.com:8443/user-attachments/assets/x",
    "https://github.com/owner/repo/raw/main/x.jpg",
    "https://github.com/user-attachments/assets/../../owner/repo",
    "https://user@github.com.evil/user-attachments/assets/x",
])
def test_only_githubs_attachment_host(url: str):
    assert not is_attachment(url)


def test_attachment_address_and_size(tmp_path: Path):
    assert is_attachment(f"https://github.com/user-attachments/assets/{PHOTO_ID}")
    big = tmp_path / "big"
    with open(big, "wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(AttachmentError, match="lớn hơn 15 MB"):
        folder_fetcher(tmp_path)("https://github.com/user-attachments/assets/big")


def test_a_photo_with_an_archive_after_it_is_refused(intake_repo: Path, attachments: Path, tmp_path: Path):
    """The image pipeline's judgement: a JPEG that is also a ZIP never reaches the repository."""
    photo = attachments / PHOTO_ID
    photo.write_bytes(photo.read_bytes() + b"PK\x03\x04" + b"\x00" * 40)
    result, comment = _intake(intake_repo, event(tmp_path, GOOD), attachments)
    assert result.code == 1 and "ảnh thứ 1: tệp có 44 byte lạ sau phần ảnh" in comment
    assert not list((intake_repo / "content/images").rglob("*.*"))


@pytest.mark.parametrize("year", ["9" * 5000, "²⁰²⁶", "١٩٧١"])
def test_a_year_python_cannot_count_is_refused_by_the_checker_not_fatal(intake_repo: Path, attachments: Path,
                                                                        tmp_path: Path, year: str):
    """str.isdigit takes "²" and Arabic-Indic digits, int() refuses "²" and more than 4,300 digits."""
    body = GOOD.replace("### Năm sinh\n\n1971", f"### Năm sinh\n\n{year}")
    assert body != GOOD
    result, comment = _intake(intake_repo, event(tmp_path, body), attachments)
    assert result.code == 1 and "Lỗi không mong đợi" not in result.err, result.err
    assert "**Năm sinh**" in comment, comment
