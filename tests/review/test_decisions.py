"""approve, return and withdraw in real temporary git repositories, through the real CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.common.repo import Repo
from scripts.review import decisions, gitops
from tests.review.conftest import KEYS, TODAY, build, cli, git, snapshot

LAN = "2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
RAC = "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md"
BY = "Lê Văn Bình"
REF = "Biên bản số 05/BB-HĐTĐKT"


def without_review(data: bytes) -> bytes:
    """The file minus its top-level review block (from "review:" to the next flush-left key)."""
    lines = data.split(b"\n")
    kept, inside = [], False
    for line in lines:
        text = line.lstrip(b"\xef\xbb\xbf").rstrip(b"\r")
        if text.startswith(b"review:"):
            inside = True
            continue
        if inside and (text.startswith((b"---", b"# ")) or (text[:1].isalpha() and b":" in text)
                       or not text.strip()):
            inside = False
        if not inside:
            kept.append(line)
    return b"\n".join(kept)


def variant(root: Path, rel: str, how: str) -> bytes:
    """Rewrite a sample file as Windows editors save it (CRLF, BOM), commit, return its bytes.
    A returned file is also revised by its unit first, as it must be before approval."""
    path = root / "content" / "nominations" / rel
    data = path.read_bytes()
    if rel == RAC:
        data += "\nTổ đã bổ sung số liệu: mỗi tháng thu gom khoảng 12 tấn rác.\n".encode()
    if how in ("crlf", "crlf+bom"):
        data = data.replace(b"\n", b"\r\n")
    if how.endswith("bom"):
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    git(root, "commit", "-q", "--allow-empty", "-am", f"Lưu lại dạng {how}")
    return data


@pytest.mark.parametrize("how", ["lf", "crlf", "bom", "crlf+bom"])
@pytest.mark.parametrize("rel", [LAN, RAC])
def test_approve_moves_and_keeps_every_byte_outside_the_review_block(basic, rel, how):
    before = variant(basic, rel, how)
    done = cli(basic, "approve", f"content/nominations/{rel}", "--by", BY, "--ref", REF, "--forward",
               "--note", "Tiêu biểu: giới thiệu lên Đài truyền thanh")
    assert done.code == 0, done.err
    assert "Đã thông qua" in done.out
    assert not (basic / "content" / "nominations" / rel).exists()
    after = (basic / "content" / "published" / rel).read_bytes()
    assert without_review(after) == without_review(before)
    crlf = b"\r\n" if "crlf" in how else b"\n"
    expected_block = crlf.join(line.encode() for line in [
        "review:", "  decision: approved", f"  by: {BY}", f"  \"on\": {TODAY}", f"  ref: {REF}",
        "  forward: true", "  note: \"Tiêu biểu: giới thiệu lên Đài truyền thanh\"",
    ]) + crlf
    assert expected_block in after
    assert after.startswith(b"\xef\xbb\xbf") == how.endswith("bom")
    assert cli(basic, "validate").code == 0


def test_approve_uses_git_mv_and_commits_signed_so_history_follows_the_file(basic):
    done = cli(basic, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF)
    assert done.code == 0, done.err
    assert "git mv" in done.out and "commit đã được ký" in done.out
    assert git(basic, "status", "--porcelain").strip() == ""
    moved = git(basic, "show", "-M", "--name-status", "--format=", "HEAD").split()
    assert moved[0].startswith("R")
    assert moved[1:] == [f"content/nominations/{LAN}", f"content/published/{LAN}"]
    log = git(basic, "log", "--follow", "--format=%s", "--", f"content/published/{LAN}")
    assert log.splitlines() == [f"Thông qua: content/published/{LAN}", "Nội dung ban đầu"]
    assert "\ngpgsig -----BEGIN SSH SIGNATURE-----" in git(basic, "cat-file", "commit", "HEAD")
    assert git(basic, "log", "-1", "--format=%B").strip().splitlines() == [
        f"Thông qua: content/published/{LAN}", "", "Decision: approved", f"Member: {BY}",
        f"Decided-on: {TODAY}", f"Minutes: {REF}",
    ]


def test_approve_outside_git_is_a_plain_move(tmp_path):
    root = build(tmp_path / "plain", "basic", with_git=False)
    done = cli(root, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF, "--on", "2026-11-20")
    assert done.code == 0, done.err
    assert "chuyển tệp thường, không qua git" in done.out
    assert b"\"on\": 2026-11-20" in (root / "content" / "published" / LAN).read_bytes()
    assert not (root / "content" / "nominations" / LAN).exists()


def test_an_invalid_file_is_refused_with_the_validators_messages_and_nothing_moves(tmp_path):
    root = build(tmp_path / "repo", "invalid")
    before = snapshot(root)
    rel = "content/nominations/2026-11/anh-tran-van-hung-cuu-nguoi-duoi-nuoc.md"
    done = cli(root, "approve", rel, "--by", BY, "--ref", REF)
    assert done.code == 1
    assert f"{rel}:1: error: summary (Tóm tắt thành tích): thiếu trường bắt buộc \"summary\"" in done.err
    assert "nội dung bài viết quá ngắn" in done.err
    assert done.err.rstrip().splitlines()[-1] == (
        f"Lỗi: {rel}: phiếu chưa hợp lệ nên chưa thông qua được; không tệp nào bị thay đổi"
    )
    assert snapshot(root) == before
    assert git(root, "status", "--porcelain") == ""


def test_approving_onto_an_existing_target_is_refused(basic):
    target = basic / "content" / "published" / LAN
    target.parent.mkdir(parents=True)
    target.write_bytes(b"---\ntitle: bai khac\n---\n")
    before = snapshot(basic)
    done = cli(basic, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF)
    assert done.code == 1
    assert "Lỗi: content/published/2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md đã có" in done.err
    assert snapshot(basic) == before


def test_a_failure_between_writing_and_moving_leaves_both_folders_unchanged(basic):
    """Another git process holds the index: git mv fails after the stamped copy was written."""
    before = snapshot(basic)
    (basic / ".git" / "index.lock").write_text("")
    done = cli(basic, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF)
    assert done.code == 1
    assert "Lỗi: lệnh \"git mv --\" không thành công: fatal: Unable to create" in done.err
    assert snapshot(basic) == before
    assert not (basic / "content" / "published" / "2026-11").exists()  # the folder it made is gone
    (basic / ".git" / "index.lock").unlink()
    assert git(basic, "status", "--porcelain", "--ignored") == ""


def test_a_failure_after_the_move_is_undone(basic, monkeypatch):
    """The stamped copy cannot replace the moved file: the move is undone, the index too."""
    before = snapshot(basic)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gitops.os, "replace", refuse)
    monkeypatch.setenv("DIEN_HINH_TODAY", TODAY)
    with pytest.raises(OSError, match="No space left"):
        decisions.approve(Repo.at(basic), basic / "content" / "nominations" / LAN, BY, REF)
    assert snapshot(basic) == before
    assert git(basic, "status", "--porcelain", "--ignored") == ""


def test_return_stamps_the_file_in_place_and_validate_reports_it(basic):
    path = basic / "content" / "nominations" / LAN
    before = variant(basic, LAN, "crlf")
    done = cli(basic, "return", f"content/nominations/{LAN}", "--by", BY,
               "--reason", "Cần ảnh và xác nhận của Công an phường")
    assert done.code == 0, done.err
    after = path.read_bytes()
    assert without_review(after) == without_review(before)
    assert b"  decision: returned\r\n" in after
    assert "  reason: Cần ảnh và xác nhận của Công an phường\r\n".encode() in after
    checked = cli(basic, "validate")
    assert checked.code == 0
    assert (
        "note: review.decision (Quyết định): đã được Hội đồng trả lại để bổ sung ngày 2026-11-27"
    ) in checked.out


def test_return_replaces_an_earlier_review_block_and_keeps_what_follows(basic):
    path = basic / "content" / "nominations" / RAC
    before = path.read_bytes()
    done = cli(basic, "return", str(path), "--by", "Phạm Thị Mai", "--reason", "Cần ảnh minh họa",
               "--on", "2026-11-02", "--key", str(KEYS["Phạm Thị Mai"]))
    assert done.code == 0, done.err
    after = path.read_bytes().decode()
    assert without_review(after.encode()) == without_review(before)
    assert "review:\n  decision: returned\n  by: Phạm Thị Mai\n  \"on\": 2026-11-02\n" \
           "  reason: Cần ảnh minh họa\n  history:\n    - decision: returned\n      by: Lê Văn Bình\n" \
           "      \"on\": 2026-10-20\n" in after
    assert "\n\n# Các việc làm cụ thể\nachievements:" in after


def test_return_of_a_published_story_is_refused(basic):
    assert cli(basic, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF).code == 0
    done = cli(basic, "return", f"content/published/{LAN}", "--by", BY, "--reason", "Sai thông tin")
    assert done.code == 1
    assert "dùng lệnh withdraw" in done.err


def test_withdraw_moves_the_story_back_and_keeps_the_approval_in_the_history(basic):
    assert cli(basic, "approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF,
               "--on", "2026-11-20").code == 0
    published = (basic / "content" / "published" / LAN).read_bytes()
    done = cli(basic, "withdraw", f"content/published/{LAN}", "--by", BY,
               "--reason", "Người được giới thiệu rút lại sự đồng ý")
    assert done.code == 0, done.err
    assert not (basic / "content" / "published" / LAN).exists()
    after = (basic / "content" / "nominations" / LAN).read_bytes()
    assert without_review(after) == without_review(published)
    assert (
        "review:\n  decision: withdrawn\n  by: Lê Văn Bình\n  \"on\": 2026-11-27\n"
        "  reason: Người được giới thiệu rút lại sự đồng ý\n  history:\n    - decision: approved\n"
        "      by: Lê Văn Bình\n      \"on\": 2026-11-20\n      ref: Biên bản số 05/BB-HĐTĐKT\n---\n"
    ) in after.decode()
    log = git(basic, "log", "--follow", "--format=%s", "--", f"content/nominations/{LAN}")
    assert log.split("\n")[:3] == [f"Gỡ bài: content/published/{LAN}", f"Thông qua: content/published/{LAN}",
                                    "Nội dung ban đầu"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--on", "27/11/2026"], 2, "Lỗi: ngày \"27/11/2026\" không đúng dạng YYYY-MM-DD (ví dụ 2026-11-27)"),
    (["--on", "2026-12-01"], 1, "review.on (Ngày thẩm định): ngày 2026-12-01 ở tương lai"),
    (["--by", "  "], 1, "Lỗi: cần ghi họ tên người thẩm định (--by)"),
    (["--by", "AB"], 1, "review.by (Người thẩm định): quá ngắn: cần ít nhất 3 ký tự"),
])
def test_bad_stamp_values_are_refused_and_nothing_changes(basic, args, code, message):
    before = snapshot(basic)
    full = ["approve", f"content/nominations/{LAN}", "--by", BY, "--ref", REF, *args]
    done = cli(basic, *full)
    assert done.code == code
    assert message in done.err
    assert "Traceback" not in done.err
    assert snapshot(basic) == before


def test_a_file_outside_the_nominations_folder_is_refused(basic):
    done = cli(basic, "approve", "schema/units.yaml", "--by", BY, "--ref", REF)
    assert done.code == 1
    assert "tệp phải nằm trong content/nominations/YYYY-MM/" in done.err


def test_a_file_git_does_not_track_yet_is_moved_plainly(basic):
    new = basic / "content" / "nominations" / "2026-11" / "ban-sao-chua-commit.md"
    new.write_bytes((basic / "content" / "nominations" / LAN).read_bytes())
    git(basic, "rm", "-q", f"content/nominations/{LAN}")
    done = cli(basic, "approve", str(new), "--by", BY, "--ref", REF)
    assert done.code == 0, done.err
    assert "không qua git" in done.out
    assert (basic / "content" / "published" / "2026-11" / new.name).is_file()
    assert git(basic, "status", "--porcelain", "--", "content/published") == "?? content/published/\n"


def test_an_invalid_file_can_still_be_returned_with_the_reason(tmp_path):
    """Returning is how the council answers an incomplete nomination."""
    root = build(tmp_path / "repo", "invalid")
    rel = "content/nominations/2026-11/anh-tran-van-hung-cuu-nguoi-duoi-nuoc.md"
    done = cli(root, "return", rel, "--by", BY, "--reason", "Thiếu tóm tắt thành tích; bài viết quá ngắn")
    assert done.code == 0, done.err
    assert "  decision: returned\n" in (root / rel).read_text(encoding="utf-8")


def test_approve_reads_and_parses_the_file_once_plus_the_stamped_bytes(basic, monkeypatch):
    from scripts.nomination import loader

    parsed, opened = [], []
    real_parse, real_open, real_os_open = loader.parse, open, os.open
    monkeypatch.setattr(loader, "parse", lambda text: parsed.append(1) or real_parse(text))
    path = basic / "content" / "nominations" / LAN

    def counting(real):
        def counting_open(file, *args, **kwargs):
            if Path(file) == path:
                opened.append(1)
            return real(file, *args, **kwargs)
        return counting_open

    monkeypatch.setattr("builtins.open", counting(real_open))
    monkeypatch.setattr(os, "open", counting(real_os_open))
    decisions.approve(Repo.at(basic), path, BY, REF)
    assert (len(opened), len(parsed)) == (1, 2)
