"""check-send-dates on real git repositories, with GitHub's event files as Actions writes them.

The unit's branch and main live in one temporary repository, as they do in the checkout of a
pull request; ``--today`` stands for GitHub's clock on the day of the event.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.reports.conftest import ColumnRepo

NOM = "content/nominations/2026-11/dung-han.md"
OWNER = "phuong-ninh-ha/dien-hinh-tien-tien"


def pull_request_event(tmp_path: Path, repo: ColumnRepo, action: str, created_at: str,
                       before: str | None = None, base: str = "main", head: str = "HEAD") -> Path:
    """A pull_request event file with the fields GitHub's payload has (a realistic subset)."""
    base_sha, head_sha = repo.rev(base), repo.rev(head)
    payload = {
        "action": action,
        "number": 7,
        "pull_request": {
            "number": 7, "state": "open", "title": "Tổ dân phố Phú Thịnh gửi phiếu tháng 11",
            "user": {"login": "tdp-phu-thinh"},
            "created_at": created_at, "updated_at": created_at,
            "head": {"label": "tdp-phu-thinh:gui-phieu", "ref": "gui-phieu", "sha": head_sha},
            "base": {"label": "phuong-ninh-ha:main", "ref": "main", "sha": base_sha},
        },
        "repository": {"full_name": OWNER, "default_branch": "main", "private": True},
        "sender": {"login": "tdp-phu-thinh"},
    }
    if action == "synchronize":
        payload["before"], payload["after"] = before, head_sha
    path = tmp_path / f"event-{action}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def push_event(tmp_path: Path, before: str, after: str) -> Path:
    payload = {
        "ref": "refs/heads/gui-phieu", "before": before, "after": after,
        "created": before == "0" * 40, "deleted": False, "forced": False,
        "repository": {"full_name": OWNER, "default_branch": "main", "private": True},
        "pusher": {"name": "tdp-phu-thinh"}, "commits": [], "head_commit": None,
    }
    path = tmp_path / "event-push.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


@pytest.fixture
def unit_branch(tmp_path) -> ColumnRepo:
    """main with one earlier nomination; HEAD on the unit's branch ``gui-phieu``."""
    column = ColumnRepo(tmp_path / "repo")
    column.place("muon-han", submitted_on="2026-11-03")
    column.commit("2026-11-03T09:00:00+07:00", "Hội Phụ nữ gửi phiếu")
    column.git("checkout", "-q", "-b", "gui-phieu")
    return column


def check(repo: ColumnRepo, event: Path, today: str):
    return repo.cli("check-send-dates", "--event", str(event), "--today", today)


def test_honest_pull_request_passes_and_is_counted_on_time(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    unit_branch.commit("2026-11-10T09:00:00+07:00", "TDP Phú Thịnh gửi phiếu")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-10T02:15:00Z")
    result = check(unit_branch, event, "2026-11-10")
    assert (result.code, result.out) == (0, "Đã kiểm tra 1 tệp: không có lỗi, 0 cảnh báo.\n"), result.err
    # The office merges with a merge commit (never squash or rebase), days later.
    unit_branch.git("checkout", "-q", "main")
    unit_branch.git("merge", "-q", "--no-ff", "-m", "Merge pull request #7", "gui-phieu",
                    when="2026-11-13T08:00:00+07:00")
    report = unit_branch.cli("report", "--month", "2026-11").out
    assert ("| TDP Phú Thịnh | dung-han | 10/11/2026 | phiếu, đã đối chiếu git | 10/11/2026 "
            "| Đúng hạn |") in report


def test_backdated_commit_and_submitted_on_fail_on_the_server_day(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    commit = unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu (ngày giả)")  # made on the 27th
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-27T03:00:00Z")
    result = check(unit_branch, event, "2026-11-27")
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        f"{NOM}:7: error: submitted_on (Ngày gửi): phiếu gửi trong commit {commit[:10]} ghi ngày gửi "
        "10/11/2026, nhưng máy chủ GitHub nhận phiếu ngày 27/11/2026 (giờ Việt Nam); ngày gửi phải là ngày "
        "đẩy phiếu lên (được lệch 1 ngày quanh nửa đêm): hãy sửa submitted_on thành 2026-11-27"
    )


@pytest.mark.parametrize(("declared", "code"), [
    ("2026-11-14", 0), ("2026-11-15", 0), ("2026-11-16", 0), ("2026-11-13", 1), ("2026-11-17", 1),
])
def test_one_day_of_grace_around_midnight(unit_branch, tmp_path, declared, code):
    unit_branch.place("dung-han", submitted_on=declared)
    unit_branch.commit("2026-11-15T00:05:00+07:00", "Gửi phiếu lúc nửa đêm")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-14T17:06:00Z")
    assert check(unit_branch, event, "2026-11-15").code == code


def test_altering_the_date_of_a_file_on_main_fails(unit_branch, tmp_path):
    path = unit_branch.root / "content/nominations/2026-11/muon-han.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-03", "2026-11-01"), encoding="utf-8")
    commit = unit_branch.commit("2026-11-17T09:00:00+07:00", "Sửa lỗi chính tả")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-17T02:00:00Z")
    result = check(unit_branch, event, "2026-11-17")
    assert result.code == 1
    assert (f"content/nominations/2026-11/muon-han.md:7: error: submitted_on (Ngày gửi): "
            f"commit {commit[:10]} đổi ngày gửi của phiếu đã có (03/11/2026 → 01/11/2026)") in result.out


def test_altering_the_date_while_moving_the_file_fails(unit_branch, tmp_path):
    unit_branch.approve(unit_branch.root / "content/nominations/2026-11/muon-han.md", "2026-11-20")
    path = unit_branch.root / "content/published/2026-11/muon-han.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-03", "2026-11-02"), encoding="utf-8")
    commit = unit_branch.commit("2026-11-20T09:00:00+07:00", "Thông qua")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-20T02:00:00Z")
    result = check(unit_branch, event, "2026-11-20")
    assert result.code == 1
    assert f"content/published/2026-11/muon-han.md:7: error: submitted_on (Ngày gửi): commit {commit[:10]}" \
        in result.out
    # The approval itself, without touching the date, passes.
    unit_branch.git("checkout", "-q", "--", ".")
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-02", "2026-11-03"), encoding="utf-8")
    unit_branch.commit("2026-11-20T10:00:00+07:00", "Trả ngày gửi về như cũ")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-20T02:00:00Z")
    assert check(unit_branch, event, "2026-11-20").code == 0


def test_a_later_push_cannot_carry_an_earlier_forgery_along(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    first = unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu (ngày giả)")
    unit_branch.place("lech-ngay", submitted_on="2026-11-27")
    unit_branch.commit("2026-11-27T09:30:00+07:00", "Thêm một phiếu đúng ngày")
    event = pull_request_event(tmp_path, unit_branch, "synchronize", "2026-11-27T02:00:00Z", before=first)
    result = check(unit_branch, event, "2026-11-27")
    assert result.code == 1
    assert re.search(
        rf"^{NOM}:7: error: .*commit {first[:10]} ghi ngày gửi 10/11/2026, ngoài khoảng từ ngày mở pull "
        r"request \(27/11/2026\) đến hôm nay \(27/11/2026\)", result.out, re.M)
    assert "lech-ngay" not in result.out


def test_an_honest_later_push_keeps_the_first_day(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    first = unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    unit_branch.place("lech-ngay", submitted_on="2026-11-12")
    unit_branch.commit("2026-11-12T09:30:00+07:00", "Gửi thêm phiếu")
    event = pull_request_event(tmp_path, unit_branch, "synchronize", "2026-11-10T02:00:00Z", before=first)
    result = check(unit_branch, event, "2026-11-12")
    assert result.code == 0, result.out
    assert result.out == "Đã kiểm tra 2 tệp: không có lỗi, 0 cảnh báo.\n"


def test_a_force_push_judges_the_whole_pull_request_as_new(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    gone = unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    unit_branch.git("reset", "-q", "--hard", "main")
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu (viết lại lịch sử ngày 12)")
    event = pull_request_event(tmp_path, unit_branch, "synchronize", "2026-11-10T02:00:00Z", before=gone)
    assert check(unit_branch, event, "2026-11-12").code == 1


def test_a_unit_cannot_use_the_council_import_trailer(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    commit = unit_branch.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu\n\nCouncil-Import: Tổ dân phố")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-27T02:00:00Z")
    result = check(unit_branch, event, "2026-11-27")
    assert result.code == 1
    assert f"commit {commit[:10]} mang dòng \"Council-Import:\"" in result.out


def test_push_event_checks_before_to_after(unit_branch, tmp_path):
    before = unit_branch.rev("HEAD")
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    after = unit_branch.commit("2026-11-12T09:00:00+07:00", "Gửi phiếu")
    result = check(unit_branch, push_event(tmp_path, before, after), "2026-11-12")
    assert result.code == 1
    assert "máy chủ GitHub nhận phiếu ngày 12/11/2026" in result.out
    assert check(unit_branch, push_event(tmp_path, before, after), "2026-11-10").code == 0


def test_push_of_a_new_branch_is_a_usage_error(unit_branch, tmp_path):
    result = check(unit_branch, push_event(tmp_path, "0" * 40, unit_branch.rev("HEAD")), "2026-11-12")
    assert result.code == 2
    assert result.err.startswith("Lỗi: sự kiện push tạo nhánh mới")


@pytest.mark.parametrize(("content", "message"), [
    ("{", "không phải JSON hợp lệ"),
    ('{"action": "opened"}', "không phải sự kiện push hay pull_request"),
    ('{"before": "abc", "after": "def"}', "không phải sự kiện push hay pull_request"),
])
def test_a_bad_event_file_is_a_usage_error(unit_branch, tmp_path, content, message):
    event = tmp_path / "event.json"
    event.write_text(content, encoding="utf-8")
    result = check(unit_branch, event, "2026-11-12")
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_a_commit_missing_from_the_checkout_says_how_to_fetch_it(unit_branch, tmp_path):
    event = push_event(tmp_path, "1" * 40, unit_branch.rev("HEAD"))
    result = check(unit_branch, event, "2026-11-12")
    assert result.code == 1
    assert result.err == (
        "Lỗi: không có commit 1111111111 trong kho; trong GitHub Actions hãy lấy đủ lịch sử "
        "(actions/checkout với fetch-depth: 0)\n"
    )


def test_github_format_annotates_the_line(unit_branch, tmp_path):
    unit_branch.place("dung-han", submitted_on="2026-11-10")
    unit_branch.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu")
    event = pull_request_event(tmp_path, unit_branch, "opened", "2026-11-27T02:00:00Z")
    result = unit_branch.cli("check-send-dates", "--event", str(event), "--today", "2026-11-27",
                             "--format", "github")
    assert result.code == 1
    assert result.out.startswith(f"::error file={NOM},line=7,")


@pytest.mark.parametrize(("declared", "code"), [("2026-11-10", 0), ("2026-11-05", 1)])
def test_a_reopened_pull_request_keeps_the_days_since_it_was_opened(unit_branch, tmp_path, declared, code):
    unit_branch.place("dung-han", submitted_on=declared)
    unit_branch.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    event = pull_request_event(tmp_path, unit_branch, "reopened", "2026-11-10T02:00:00Z")
    result = check(unit_branch, event, "2026-11-20")
    assert result.code == code, result.out
    if code:
        assert "ngoài khoảng từ ngày mở pull request (10/11/2026) đến hôm nay (20/11/2026)" in result.out
