"""The pull-request check: approval is recorded three ways that must agree.

A file that arrives in (or changes in) ``content/published/`` must carry a valid approval stamp;
a file leaving it must be a withdrawal (stamped, moved back to ``content/nominations/``); nothing
in it is deleted. The merge of the pull request is the third record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from scripts.common import hints
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo, named_like_content
from scripts.nomination.checker import CheckContext, check_file
from scripts.nomination.problems import Problem, Severity
from scripts.nomination.state import APPROVED, WITHDRAWN
from scripts.review import gitops
from scripts.review.audit import judge_since

PUBLISHED_PREFIX = f"content/{PUBLISHED}/"
NOMINATIONS_PREFIX = f"content/{NOMINATIONS}/"


@dataclass
class ApprovalReport:
    problems: list[Problem]
    files: int


def _is_story(path: str, prefix: str) -> bool:
    """Named like a story: "x.html" or "x.MD" in content/published/ needs the council as much."""
    return path.startswith(prefix) and named_like_content(PurePosixPath(path).name)


def _stamp_problems(rel: str, ctx: CheckContext, decision: str) -> list[Problem]:
    """The problems of the stamp of ``rel`` (path from the git top) for ``decision``."""
    result = check_file(ctx.repo.root / rel, ctx, keep=True)
    if result.nomination is None:  # unreadable: the stamp cannot be there
        return [p for p in result.problems if p.is_error]
    found = [
        p for p in result.problems
        if p.is_error and (p.field.startswith("review") or p.code == "state.unapproved")
        and p.code != "state.approved-unpublished"  # said better below: it is a withdrawal
    ]
    nomination = result.nomination
    if not found and nomination.review.get("decision") != decision:
        line = nomination.line_of(("review", "decision"))
        found.append(Problem(
            rel, line, "review.decision", ctx.schema.label(("review", "decision")),
            f"bài rời content/published/ phải được gỡ bằng lệnh \"{hints.scripts('withdraw')}\" "
            "(review.decision: withdrawn, có lý do)", Severity.ERROR, "approval.not-withdrawn",
        ))
    return found


def check_approvals(repo: Repo, base: str) -> ApprovalReport:
    """Every change since ``base`` that enters, changes or leaves content/published/: its stamp
    (as the file is now) and the signature of every commit that made it (``audit``)."""
    ctx = CheckContext.for_repo(repo)
    problems: list[Problem] = []
    files = 0
    for status, path, old in gitops.changes(repo.root, base):
        if status in ("A", "M", "C", "R", "T") and _is_story(path, PUBLISHED_PREFIX):
            files += 1
            problems.extend(_stamp_problems(path, ctx, APPROVED))
        elif status == "R" and old and _is_story(old, PUBLISHED_PREFIX):
            files += 1
            if _is_story(path, NOMINATIONS_PREFIX):
                problems.extend(_stamp_problems(path, ctx, WITHDRAWN))
            else:
                problems.append(_left(path, f"bài {old} bị chuyển ra khỏi content/ ({path})"))
        elif status == "D" and _is_story(path, PUBLISHED_PREFIX):
            files += 1
            problems.append(_left(path, "bài đã đăng bị xóa"))
    signed = judge_since(repo, base)
    problems.extend(p for p in signed.problems if p.code != "approval.deleted")  # said above
    return ApprovalReport(problems, files)


def _left(path: str, what: str) -> Problem:
    return Problem(
        path, 1, "", "",
        f"{what}; không xóa bài đã đăng: hãy gỡ bằng lệnh \"{hints.scripts('withdraw')}\" "
        "(bài được chuyển về content/nominations/ kèm lý do)",
        Severity.ERROR, "approval.deleted",
    )
