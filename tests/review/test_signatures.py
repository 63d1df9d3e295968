"""Signed decisions: the honest path passes check-approvals and audit; every forgery fails both.

The history is the sample column's, in a real temporary git repository: the sample content is
committed unsigned (the column before signing began), then a member commits the registry with
the members' keys, signed: the start of signing. Keys are made by ssh-keygen for each run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.review.conftest import DATA, KEYS, cli, git, make_key, use_test_keys

PHUOC = "Nguyễn Hữu Phước"
MAI = "Phạm Thị Mai"
THAM = "Nguyễn Văn Thẩm"
PENDING = "content/nominations/2026-11/anh-ngo-van-toan-dung-cam-dap-lua-cuu-nha-hang-xom.md"
APPROVED = PENDING.replace("nominations", "published")
STORY = "content/published/2026-09/co-giao-vo-thi-thu-ha-va-goc-doc-sach-than-thien-trong-lop-hoc.md"
REF = "Biên bản số 07/BB-HĐTĐKT"
TODAY = "2026-11-27"


def commit(root: Path, message: str, key: Path | None = None, date: str | None = None) -> str:
    """Commit everything, signed with ``key`` when given; the new commit's short id."""
    git(root, "add", "-A")
    signing = ["-c", f"user.signingkey={key}"] if key else []
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else None
    subprocess.run(["git", *signing, "commit", "-q", *(["-S"] if key else []), "-m", message],
                   cwd=root, check=True, capture_output=True, env=env)
    return git(root, "rev-parse", "--short=10", "HEAD").strip()


@pytest.fixture
def column(tmp_path: Path) -> Path:
    """The sample column before signing, then the signed start: the registry with real keys."""
    root = tmp_path / "cot"
    for folder in ("content", "schema"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "pelicanconf.py", root / "pelicanconf.py")
    registry = root / "schema" / "council.yaml"
    sample = registry.read_text(encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Văn phòng phường")
    git(root, "config", "user.email", "vanphong@example.invalid")
    git(root, "config", "gpg.format", "ssh")
    git(root, "config", "core.autocrlf", "false")
    commit(root, "Nội dung mẫu, trước khi bắt đầu ký")
    use_test_keys(registry)
    assert registry.read_text(encoding="utf-8") != sample
    commit(root, "Bắt đầu ký: khóa của Thường trực Hội đồng", KEYS[PHUOC])
    return root


def run(root: Path, *args: str):
    return cli(root, *args, today=TODAY)


def approve(root: Path, by: str = PHUOC, path: str = PENDING):
    return run(root, "approve", path, "--by", by, "--ref", REF, "--key", str(KEYS[by]))


def test_audit_passes_over_the_sample_history_and_names_its_start(column):
    start = git(column, "rev-parse", "--short=10", "HEAD").strip()
    done = run(column, "audit")
    assert done.code == 0, done.out + done.err
    assert done.out.splitlines()[0] == (
        f"Bắt đầu ký từ commit {start} (\"Bắt đầu ký: khóa của Thường trực Hội đồng\"), do {PHUOC} ký; "
        "đã xem 1 commit."
    )
    assert run(column, "audit", "--start", start).code == 0


def test_the_honest_path_unit_commit_signed_approval_merges(column):
    git(column, "switch", "-q", "-c", "don-vi")
    lan = "content/nominations/2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
    shutil.copy(DATA / "basic" / lan, column / lan)
    photo = "content/images/2026-11/ba-lan-tai-cho.png"
    (column / photo).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "basic" / photo, column / photo)
    commit(column, "Hội Phụ nữ gửi gương bà Lan")
    git(column, "switch", "-q", "main")
    git(column, "merge", "-q", "--no-ff", "-m", "Merge pull request #1 from don-vi", "don-vi")
    git(column, "switch", "-q", "-c", "tham-dinh")
    done = approve(column, path=lan)
    assert done.code == 0, done.err
    checked = run(column, "check-approvals", "--base", "main")
    assert checked.code == 0, checked.out
    assert checked.out.strip() == "Đã kiểm tra 1 tệp: không có lỗi, 0 cảnh báo."
    git(column, "switch", "-q", "main")
    git(column, "merge", "-q", "--no-ff", "-m", "Merge pull request #2 from tham-dinh", "tham-dinh")
    audited = run(column, "audit")
    assert audited.code == 0, audited.out
    assert "đã xem 5 commit" in audited.out


def forge_hand_written_stamp(root: Path) -> tuple[str, str]:
    """A unit writes the review block itself and moves the file into published/, unsigned."""
    source, target = root / PENDING, root / APPROVED
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = f"review:\n  decision: approved\n  by: {PHUOC}\n  \"on\": 2026-11-20\n  ref: {REF}\n"
    text = source.read_text(encoding="utf-8").replace("\n---\n", f"\n{stamp}---\n", 1)
    target.write_text(text, encoding="utf-8")
    source.unlink()
    return APPROVED, commit(root, "Cập nhật phiếu")


def retitle(root: Path, prefix: str) -> None:
    path = root / STORY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", f"title: {prefix}", 1), encoding="utf-8")


def forge_unsigned_edit(root: Path) -> tuple[str, str]:
    """An approved story's title changed after approval, without a signature."""
    retitle(root, "Xuất sắc: ")
    return STORY, commit(root, "Sửa tiêu đề")


def forge_non_member(root: Path) -> tuple[str, str]:
    """The approval made properly, but signed by a key that belongs to no member."""
    stranger = make_key(root.parent / "khoa-la")
    assert run(root, "approve", PENDING, "--by", PHUOC, "--ref", REF, "--key", str(KEYS[PHUOC])).code == 0
    git(root, "reset", "-q", "--soft", "HEAD~1")
    return APPROVED, commit(root, f"Thông qua: {APPROVED}", stranger)


def forge_other_member(root: Path) -> tuple[str, str]:
    """The stamp names Phước, the commit is signed by Mai."""
    assert approve(root).code == 0
    git(root, "reset", "-q", "--soft", "HEAD~1")
    return APPROVED, commit(root, f"Thông qua: {APPROVED}", KEYS[MAI])


def forge_out_of_office(root: Path) -> tuple[str, str]:
    """Thẩm's term ended on 2026-12-31; a commit he signs in January 2027 does not count."""
    retitle(root, "Gương sáng: ")
    return STORY, commit(root, "Sửa tiêu đề", KEYS[THAM], date="2027-01-05T09:00:00+07:00")


def forge_copy_into_published(root: Path) -> tuple[str, str]:
    """A pending nomination copied straight into published/, no stamp, no signature."""
    target = root / APPROVED
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / PENDING, target)
    return APPROVED, commit(root, "Đăng bài")


def forge_registry(root: Path) -> tuple[str, str]:
    """Someone adds their own key to a member's entry, unsigned."""
    registry = root / "schema" / "council.yaml"
    stranger = make_key(root.parent / "khoa-them")
    key = " ".join(stranger.with_name(stranger.name + ".pub").read_text().split()[:2])
    text = registry.read_text(encoding="utf-8")
    assert "\n  keys:\n  - " in text
    registry.write_text(text.replace("\n  keys:\n", f"\n  keys:\n  - {key}\n", 1), encoding="utf-8")
    return "schema/council.yaml", commit(root, "Cập nhật khóa")


RETURNED = ("content/nominations/2026-10/"
            "ong-phan-van-thanh-van-dong-ba-con-be-tong-hoa-hem-to-dan-pho-hoa-thanh.md")


def forge_erased_return(root: Path) -> tuple[str, str]:
    """The unit deletes the council's return (and its reason) instead of revising, unsigned."""
    path = root / RETURNED
    head, _, rest = path.read_text(encoding="utf-8").partition("review:\n")
    path.write_text(head + rest[rest.index("---\n"):], encoding="utf-8")
    return RETURNED, commit(root, "Gửi lại phiếu")


FORGERIES = {
    "return erased by the unit": (forge_erased_return, "commit này thay đổi quyết định của Hội đồng (khối "
                                  "review) nên phải được ký"),
    "hand-written stamp": (forge_hand_written_stamp, "không có chữ ký của thành viên Hội đồng; commit này "
                           "thay đổi bài đã đăng nên phải được ký"),
    "edited after approval": (forge_unsigned_edit, "không có chữ ký của thành viên Hội đồng"),
    "signed by a non-member": (forge_non_member, "được ký bằng khóa không thuộc thành viên nào trong "
                               "schema/council.yaml"),
    "signed by another member": (forge_other_member, f"review.by ghi \"{PHUOC}\" nhưng commit {{sha}} "
                                 f"(\"Thông qua: {APPROVED}\") do {MAI} ký; người ký commit phải là người "
                                 "ra quyết định"),
    "member out of office": (forge_out_of_office, f"được ký bằng khóa của {THAM} vào ngày người này không "
                             "làm nhiệm vụ (nhiệm kỳ từ 2025-01-01 đến 2026-12-31)"),
    "copied into published": (forge_copy_into_published, "không có chữ ký của thành viên Hội đồng"),
    "registry changed unsigned": (forge_registry, "commit này thay đổi danh sách Thường trực Hội đồng nên "
                                  "phải được ký"),
}


@pytest.mark.parametrize("case", sorted(FORGERIES))
def test_audit_fails_after_any_one_forged_commit(column, case):
    forge, message = FORGERIES[case]
    assert run(column, "audit").code == 0
    path, sha = forge(column)
    done = run(column, "audit")
    assert done.code == 1, done.out
    assert f"{path}:" in done.out
    assert f"commit {sha}" in done.out
    assert message.format(sha=sha) in done.out


@pytest.mark.parametrize("case", sorted(FORGERIES))
def test_the_pull_request_check_fails_on_each_forgery(column, case):
    forge, message = FORGERIES[case]
    git(column, "switch", "-q", "-c", "de-nghi")
    path, sha = forge(column)
    done = run(column, "check-approvals", "--base", "main", "--format", "github")
    assert done.code == 1, done.out
    assert f"::error file={path}," in done.out
    assert message.format(sha=sha) in done.out


def test_a_unit_revising_a_returned_nomination_needs_no_signature(column):
    path = column / RETURNED
    path.write_text(path.read_text(encoding="utf-8") + "\nĐã bổ sung xác nhận của các hộ hiến đất.\n",
                    encoding="utf-8")
    commit(column, "Đơn vị bổ sung phiếu")
    assert run(column, "audit").code == 0


def test_a_signed_correction_by_a_serving_member_passes(column):
    retitle(column, "Cô giáo ")
    commit(column, "Sửa tiêu đề theo ý kiến Hội đồng", KEYS[MAI])
    done = run(column, "audit")
    assert done.code == 0, done.out


def test_a_history_without_a_signed_start_is_one_clear_line(tmp_path):
    root = tmp_path / "cot"
    shutil.copytree(ROOT / "schema", root / "schema")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Văn phòng")
    git(root, "config", "user.email", "vp@example.invalid")
    commit(root, "Danh sách chưa ký")
    done = run(root, "audit")
    assert done.code == 1
    assert done.err.startswith("Lỗi: chưa bắt đầu ký: chưa có commit nào thay đổi schema/council.yaml")


def test_a_pinned_start_that_differs_from_history_fails(column):
    first = git(column, "rev-list", "--max-parents=0", "HEAD").strip()
    done = run(column, "audit", "--start", first)
    assert done.code == 1
    assert "lịch sử đã bị viết lại hoặc ghi nhầm" in done.err


def test_a_decision_without_a_key_changes_nothing(column):
    assert "user.signingkey" not in git(column, "config", "--list")
    before = (column / PENDING).read_bytes()
    done = run(column, "approve", PENDING, "--by", PHUOC, "--ref", REF)
    assert done.code == 1
    assert "chưa có khóa để ký quyết định" in done.err
    assert (column / PENDING).read_bytes() == before and not (column / APPROVED).exists()


def test_a_key_of_another_member_is_refused_before_anything_changes(column):
    done = run(column, "approve", PENDING, "--by", PHUOC, "--ref", REF, "--key", str(KEYS[MAI]))
    assert done.code == 1
    assert f"không phải khóa của {PHUOC}" in done.err
    assert (column / PENDING).is_file() and not (column / APPROVED).exists()


def test_a_signing_failure_leaves_every_file_and_the_index_as_they_were(column):
    broken = column.parent / "khong-phai-khoa"
    broken.write_text("không phải khóa SSH\n", encoding="utf-8")
    before = (column / PENDING).read_bytes()
    head = git(column, "rev-parse", "HEAD")
    done = run(column, "approve", PENDING, "--by", PHUOC, "--ref", REF, "--key", str(broken))
    assert done.code == 1
    assert done.err.startswith(f"Lỗi: không ký được commit quyết định bằng khóa {broken}: ")
    assert "Traceback" not in done.err
    assert (column / PENDING).read_bytes() == before and not (column / APPROVED).exists()
    assert git(column, "status", "--porcelain") == "" and git(column, "rev-parse", "HEAD") == head
