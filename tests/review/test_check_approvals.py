"""check-approvals: what the pull-request workflow runs against the base branch."""

from __future__ import annotations

from tests.review.conftest import cli, git

LAN = "2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
NOMINATED = f"content/nominations/{LAN}"
PUBLISHED = f"content/published/{LAN}"
APPROVE = ("approve", NOMINATED, "--by", "Lê Văn Bình", "--ref", "Biên bản số 05/BB-HĐTĐKT")


def branch(root, name="de-nghi"):
    git(root, "switch", "-q", "-c", name)


def commit(root, message="Thay đổi", signed=False):
    """Commit everything; ``signed`` with the member's key (the stamp's own faults are the test)."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, *(["-S"] if signed else []))


def test_an_approval_made_with_the_command_passes(basic):
    branch(basic)
    assert cli(basic, *APPROVE).code == 0  # the command commits, signed
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 0, done.out + done.err
    assert done.out.strip() == "Đã kiểm tra 1 tệp: không có lỗi, 0 cảnh báo."


def test_a_file_moved_by_hand_without_a_stamp_fails_with_an_annotation(basic):
    branch(basic)
    (basic / PUBLISHED).parent.mkdir(parents=True)
    git(basic, "mv", NOMINATED, PUBLISHED)
    commit(basic)
    done = cli(basic, "check-approvals", "--base", "main", "--format", "github")
    assert done.code == 1
    assert done.out.startswith(
        f"::error file={PUBLISHED},line=1,title=review::review (Kết quả thẩm định): bài trong content/"
    )
    assert "python -m scripts approve" in done.out


def test_an_approval_stamp_without_its_reference_fails(basic):
    branch(basic)
    assert cli(basic, *APPROVE).code == 0
    path = basic / PUBLISHED
    path.write_text(path.read_text(encoding="utf-8").replace("  ref: Biên bản số 05/BB-HĐTĐKT\n", ""),
                    encoding="utf-8")
    commit(basic, signed=True)
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 1
    assert f"{PUBLISHED}:" in done.out
    assert "review.ref (Số biên bản): thiếu trường bắt buộc \"ref\" (bắt buộc với quyết định \"approved\")" \
        in done.out


def test_a_signed_correction_of_a_published_story_keeps_its_stamp_and_passes(basic):
    assert cli(basic, *APPROVE).code == 0
    branch(basic)
    path = basic / PUBLISHED
    path.write_text(path.read_text(encoding="utf-8").replace("sạp rau", "sạp rau củ"), encoding="utf-8")
    commit(basic, "Sửa lỗi chính tả", signed=True)
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 0, done.out


def test_an_unsigned_edit_of_a_published_story_fails(basic):
    assert cli(basic, *APPROVE).code == 0
    branch(basic)
    path = basic / PUBLISHED
    path.write_text(path.read_text(encoding="utf-8").replace("Bà Nguyễn", "Bà Trần"), encoding="utf-8")
    commit(basic, "Sửa tên")
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 1
    short = git(basic, "rev-parse", "--short=10", "HEAD").strip()
    assert f"{PUBLISHED}:1: error: commit {short} (\"Sửa tên\") không có chữ ký của thành viên Hội đồng; " \
        "commit này thay đổi bài đã đăng nên phải được ký" in done.out


def test_deleting_a_published_story_fails(basic):
    assert cli(basic, *APPROVE).code == 0
    branch(basic)
    git(basic, "rm", "-q", PUBLISHED)
    commit(basic, "Xóa bài", signed=True)
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 1
    assert f"{PUBLISHED}:1: error: bài đã đăng bị xóa; không xóa bài đã đăng" in done.out


def test_a_withdrawal_passes_only_when_stamped(basic):
    assert cli(basic, *APPROVE).code == 0
    branch(basic, "go-bai")
    assert cli(basic, "withdraw", PUBLISHED, "--by", "Lê Văn Bình", "--reason", "Sai thông tin").code == 0
    assert cli(basic, "check-approvals", "--base", "main").code == 0
    git(basic, "switch", "-q", "main")
    branch(basic, "go-bang-tay")
    (basic / NOMINATED).parent.mkdir(parents=True, exist_ok=True)
    git(basic, "mv", PUBLISHED, NOMINATED)
    commit(basic, "Gỡ bằng tay", signed=True)
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 1
    assert "phải được gỡ bằng lệnh \".venv/bin/python -m scripts withdraw\"" in done.out


def test_changes_outside_published_are_not_its_business(basic):
    branch(basic)
    assert cli(basic, "return", NOMINATED, "--by", "Lê Văn Bình", "--reason", "Cần thêm ảnh").code == 0
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 0
    assert done.out.strip() == "Đã kiểm tra 0 tệp: không có lỗi, 0 cảnh báo."


def test_an_unknown_base_is_one_clear_line(basic):
    done = cli(basic, "check-approvals", "--base", "origin/khong-co")
    assert done.code == 1
    assert done.err == (
        "Lỗi: không tìm thấy \"origin/khong-co\" trong kho; trong GitHub Actions hãy lấy đủ lịch sử "
        "(actions/checkout với fetch-depth: 0)\n"
    )


def test_a_story_added_straight_into_published_without_a_stamp_fails(basic):
    branch(basic)
    target = basic / PUBLISHED
    target.parent.mkdir(parents=True)
    target.write_bytes((basic / NOMINATED).read_bytes())
    git(basic, "rm", "-q", NOMINATED)
    (target.parent / "bai-khac.md").write_text("không phải phiếu", encoding="utf-8")
    commit(basic, signed=True)
    done = cli(basic, "check-approvals", "--base", "main")
    assert done.code == 1
    assert f"{PUBLISHED}:" in done.out and "state.unapproved" not in done.out
    assert "content/published/2026-11/bai-khac.md:1: error: thiếu phần đầu YAML" in done.out
    assert done.out.splitlines()[-1] == "Đã kiểm tra 2 tệp: 2 lỗi, 0 cảnh báo."


def test_the_column_may_live_in_a_folder_of_a_larger_repository(tmp_path):
    from tests.review.conftest import build, init_git

    outer = tmp_path / "kho-chung"
    column = build(outer / "chuyen-muc", "basic", with_git=False)
    init_git(outer)
    branch(outer)
    assert cli(column, *APPROVE).code == 0
    assert cli(column, "check-approvals", "--base", "main").out.startswith("Đã kiểm tra 1 tệp: không có lỗi")
    git(outer, "reset", "-q", "--hard", "main")
    (column / PUBLISHED).parent.mkdir(parents=True)
    git(outer, "mv", f"chuyen-muc/{NOMINATED}", f"chuyen-muc/{PUBLISHED}")
    commit(outer, "Chuyển bằng tay")
    done = cli(column, "check-approvals", "--base", "main")
    assert done.code == 1
    assert done.out.startswith(f"{PUBLISHED}:")


def test_a_file_pelican_would_read_in_published_needs_the_council_whatever_its_suffix(basic):
    """"x.html" or "x.MD" added to content/published/ by a pull request: Pelican's own readers
    (or a case-insensitive checkout) would publish it; the approvals check refuses it by name."""
    branch(basic)
    folder = basic / "content" / "published" / "2026-11"
    folder.mkdir(parents=True)
    (folder / "trang.html").write_text("<html><body><script>1</script></body></html>", encoding="utf-8")
    (folder / "bai.MD").write_text((basic / NOMINATED).read_text(encoding="utf-8"), encoding="utf-8")
    commit(basic, signed=True)  # a member's signature: the files themselves are the test

    done = cli(basic, "check-approvals", "--base", "main")

    assert done.code == 1
    for name in ("trang.html", "bai.MD"):
        assert f"content/published/2026-11/{name}:1: error:" in done.out, done.out
