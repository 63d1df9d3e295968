"""A council member's comment on a nomination's pull request decides, signed by the workflow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.review.conftest import KEYS, build, cli, git

WORKFLOW = "Quy trình thẩm định trên GitHub"
FILE = "content/nominations/2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A branch that adds one nomination to a base branch that lacks it."""
    root = build(tmp_path / "repo", "basic")
    git(root, "rm", "-q", FILE)
    git(root, "commit", "-q", "-m", "Base without the nomination")
    git(root, "branch", "base")
    git(root, "checkout", "-q", "-b", "gioi-thieu/issue-42")
    git(root, "revert", "--no-edit", "HEAD")
    return root


def _comment(root: Path, tmp_path: Path, body: str, login: str):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"action": "created", "issue": {"number": 7, "pull_request": {}},
                                 "comment": {"body": body, "user": {"login": login}}}), encoding="utf-8")
    reply = tmp_path / "reply.md"
    result = cli(root, "council-comment", "--event", str(event), "--registry", str(root), "--base", "base",
                 "--key", str(KEYS[WORKFLOW]), "--reply", str(reply))
    return result, reply.read_text(encoding="utf-8") if reply.exists() else ""


def test_a_registered_member_approves_and_the_workflow_signs(pull_request: Path, tmp_path: Path):
    result, reply = _comment(pull_request, tmp_path, "/thong-qua Biên bản số 12/BB-HĐTĐKT", "LVBinh-NinhHa")
    assert result.code == 0, reply
    assert reply.startswith("Đã thông qua theo yêu cầu của Lê Văn Bình (@LVBinh-NinhHa)")
    published = pull_request / FILE.replace("nominations", "published")
    assert published.is_file() and not (pull_request / FILE).exists()
    text = published.read_text(encoding="utf-8")
    assert "by: Lê Văn Bình" in text and "Biên bản số 12/BB-HĐTĐKT" in text
    log = git(pull_request, "log", "-1", "--format=%B")
    assert "Member: Lê Văn Bình" in log and "Requested-by: @LVBinh-NinhHa" in log
    assert "-----BEGIN SSH SIGNATURE-----" in git(pull_request, "cat-file", "commit", "HEAD")
    # The pull-request check verifies the signature against the registry's workflow key.
    check = cli(pull_request, "check-approvals", "--base", "base")
    assert check.code == 0, check.out + check.err


def test_anyone_else_is_refused_and_nothing_changes(pull_request: Path, tmp_path: Path):
    head = git(pull_request, "rev-parse", "HEAD")
    result, reply = _comment(pull_request, tmp_path, "/thong-qua Biên bản số 12/BB-HĐTĐKT", "hlhpn-ninhha")
    assert result.code == 1 and "@hlhpn-ninhha không có trong danh sách Thường trực Hội đồng" in reply
    assert git(pull_request, "rev-parse", "HEAD") == head and (pull_request / FILE).is_file()
    workflow, _ = _comment(pull_request, tmp_path, "/thong-qua Biên bản số 12", "github-actions")
    assert workflow.code == 1, "the workflow's own entry is not a member"


def test_a_member_returns_with_a_reason(pull_request: Path, tmp_path: Path):
    result, reply = _comment(pull_request, tmp_path,
                             "/tra-lai Bổ sung ngày đồng ý\nvà ảnh của buổi trao trả", "ttkoanh-ninhha")
    assert result.code == 0, reply
    text = (pull_request / FILE).read_text(encoding="utf-8")
    assert "decision: returned" in text and "Bổ sung ngày đồng ý và ảnh của buổi trao trả" in text
    assert "Requested-by: @ttkoanh-ninhha" in git(pull_request, "log", "-1", "--format=%B")


def test_an_ordinary_comment_is_left_alone(pull_request: Path, tmp_path: Path):
    result, reply = _comment(pull_request, tmp_path, "Cảm ơn đơn vị.", "lvbinh-ninhha")
    assert result.code == 0 and reply == ""
