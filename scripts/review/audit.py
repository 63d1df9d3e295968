"""Every change to what is published, or to who may publish, must be signed by a council member.

A commit that adds, changes, moves or removes a file under ``content/published/``, or changes
the council registry, or changes the ``review`` block of any story (a decision: no one but the
council writes or removes one), counts only when it is signed by a member serving on its date, judged
against the registry as it stood before the commit (nobody signs themselves in). When it writes a
decision (the ``review`` stamp of a published story changes), the signer must be the member the
stamp names in ``review.by``. Merge commits are judged by the commits they bring in; a merge
that itself changes such a file (an "evil merge") needs a signature like any other commit.

``audit`` runs this over the whole history of the branch from the start of signing: the first
commit that changes ``schema/council.yaml`` and is signed by a serving member of the registry it
leaves. Before it, history is the column as it was before signing began; the start is printed
so the council can record it in its minutes and pin it (``--start``).
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.common import hints
from scripts.common.errors import PipelineError
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.nomination.council import COUNCIL_FILE, COUNCIL_SCHEMA
from scripts.nomination.loader import load_bytes
from scripts.nomination.problems import Problem, Severity
from scripts.nomination.state import APPROVED, WITHDRAWN
from scripts.review import gitops
from scripts.review.signatures import Commit, Signature, Verifier

PUBLISHED_PREFIX = f"content/{PUBLISHED}/"
STORY_PREFIXES = (PUBLISHED_PREFIX, f"content/{NOMINATIONS}/")
REGISTRY_FILES = (COUNCIL_FILE.as_posix(), COUNCIL_SCHEMA.as_posix())


class NoStart(PipelineError):
    """Signing has not begun (or the pinned start is not where the history says)."""


@dataclass(frozen=True)
class Change:
    status: str
    path: str
    old: str | None = None

    def paths(self) -> list[str]:
        return [p for p in (self.old, self.path) if p]


@dataclass
class AuditReport:
    problems: list[Problem]
    files: int
    """Changes of published files and of the registry that were judged."""
    commits: int
    start: Commit | None = None
    start_signer: str = ""


def is_guarded(path: str) -> bool:
    return path.startswith(PUBLISHED_PREFIX) or path in REGISTRY_FILES


def commits_in(root, *revisions: str, paths: tuple[str, ...] = ()) -> list[Commit]:
    """The commits of ``git rev-list REVISIONS [-- PATHS]``, oldest first, with their parents."""
    # --full-history: a commit on a merged branch is never hidden behind an identical one.
    out = gitops.git(root, "log", "--reverse", "--topo-order", "--full-history", "--format=%H %P%x1f%s",
                     *revisions, "--", *paths)
    found = []
    for line in out.splitlines():
        ids, _, subject = line.partition("\x1f")
        sha, *parents = ids.split()
        found.append(Commit(sha, tuple(parents), subject))
    return found


def changes_of(root, commit: Commit) -> list[Change]:
    """What ``commit`` changes. A merge: only what differs from every parent (its own changes)."""
    if len(commit.parents) > 1:
        out = gitops.git(root, "diff-tree", "--cc", "--name-only", "-z", "--relative", "--no-commit-id",
                         commit.sha)
        return [Change("M", path) for path in out.split("\0") if path]
    base = commit.parents[0] if commit.parents else "--root"
    args = [base, commit.sha] if commit.parents else ["--root", commit.sha]
    out = gitops.git(root, "diff-tree", "-r", "-M", "--name-status", "-z", "--relative", "--no-commit-id",
                     *args)
    fields = out.split("\0")
    found, index = [], 0
    while index < len(fields) - 1:
        status = fields[index][:1]
        if status in ("R", "C"):
            found.append(Change(status, fields[index + 2], fields[index + 1]))
            index += 3
        else:
            found.append(Change(status, fields[index + 1]))
            index += 2
    return found


class Judge:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.verifier = Verifier(repo.root)

    def commit(self, commit: Commit, own_registry: bool = False) -> tuple[list[Problem], int]:
        """The problems of one commit, and how many guarded files it touches."""
        guarded = []
        for change in changes_of(self.repo.root, commit):
            reviews = self._reviews(commit, change)
            if any(map(is_guarded, change.paths())) or _stamp(reviews[0]) != _stamp(reviews[1]):
                guarded.append((change, reviews))
        if not guarded:
            return [], 0
        council = self.verifier.council_at(commit.sha if own_registry or not commit.parents
                                           else commit.parents[0])
        signature = self.verifier.signature(commit, council)
        problems: list[Problem] = []
        for change, reviews in guarded:
            problems.extend(self._change(commit, change, reviews, signature))
        return problems, len(guarded)

    def _reviews(self, commit: Commit, change: Change) -> tuple[tuple | None, tuple | None]:
        """The ``review`` block (and the line of ``review.by``) of a story before and after."""
        if not change.path.endswith(".md") or not change.path.startswith(STORY_PREFIXES):
            return None, None
        before = None
        if commit.parents and change.status != "A":
            before = self._review_at(commit.parents[0], change.old or change.path)
        after = None if change.status == "D" else self._review_at(commit.sha, change.path)
        return before, after

    def _change(self, commit: Commit, change: Change, reviews: tuple, signature: Signature) -> list[Problem]:
        path = change.path
        if signature.problem:
            what = ("thay đổi danh sách Thường trực Hội đồng" if path in REGISTRY_FILES
                    else "thay đổi bài đã đăng" if any(p.startswith(PUBLISHED_PREFIX) for p in change.paths())
                    else "thay đổi quyết định của Hội đồng (khối review)")
            return [_problem(path, 1, "", f"{signature.problem}; commit này {what} nên phải được ký",
                             "signature.missing")]
        member = signature.member
        if change.status == "D" and path.startswith(PUBLISHED_PREFIX):
            return [_problem(path, 1, "", f"bài đã đăng bị xóa trong {commit.named}; không xóa bài đã "
                             f"đăng: hãy gỡ bằng lệnh \"{hints.scripts('withdraw')}\"", "approval.deleted")]
        before, after = reviews
        if after is None or (before is not None and before[0] == after[0]):
            return []  # unreadable (validate says why), or a correction that leaves the decision alone
        review, line = after
        left_published = change.old is not None and change.old.startswith(PUBLISHED_PREFIX)
        expected = APPROVED if path.startswith(PUBLISHED_PREFIX) else WITHDRAWN if left_published else None
        if expected is not None and review.get("decision") != expected:
            return [_problem(path, line, "review.decision", (
                f"{commit.named} ghi quyết định \"{review.get('decision')}\" nhưng tệp ở đây phải có "
                f"\"{expected}\""), "signature.decision")]
        if member is not None and not member.workflow and review and review.get("by") != member.name:
            return [_problem(path, line, "review.by", (
                f"review.by ghi \"{review.get('by')}\" nhưng {commit.named} do {member.name} ký; người "
                "ký commit phải là người ra quyết định"), "signature.not-reviewer")]
        return []

    def _review_at(self, commit: str, path: str) -> tuple[dict, int] | None:
        try:
            raw = gitops.git_bytes(self.repo.root, "show", f"{commit}:./{path}")
        except gitops.GitError:
            return None
        nomination = load_bytes(raw, self.repo.root / path, self.repo).nomination
        if nomination is None:
            return None
        return nomination.review, nomination.line_of(("review", "by")) or 1


def _stamp(found: tuple | None) -> dict:
    """The review block of ``_review_at``'s answer; none read as an empty block."""
    return found[0] if found else {}


def _problem(path: str, line: int, field: str, message: str, code: str) -> Problem:
    return Problem(path, line, field, "", message, Severity.ERROR, code)


def judge(repo: Repo, commits: list[Commit], start: Commit | None = None) -> AuditReport:
    judge_ = Judge(repo)
    problems: list[Problem] = []
    files = 0
    for commit in commits:
        found, count = judge_.commit(commit, own_registry=commit == start)
        problems.extend(found)
        files += count
    return AuditReport(problems, files, len(commits), start)


def find_start(repo: Repo, tip: str = "HEAD") -> tuple[Commit, str]:
    """The start of signing and the name of the member who signed it."""
    verifier = Verifier(repo.root)
    for commit in commits_in(repo.root, tip, paths=(COUNCIL_FILE.as_posix(),)):
        signature = verifier.signature(commit, verifier.council_at(commit.sha))
        if signature.member is not None and not signature.member.workflow:
            return commit, signature.member.name
    raise NoStart(
        "chưa bắt đầu ký: chưa có commit nào thay đổi schema/council.yaml được ký bằng khóa của một "
        "thành viên có tên trong chính danh sách đó (xem docs/huong-dan-tham-dinh.md, mục bắt đầu ký)"
    )


def audit(repo: Repo, tip: str = "HEAD", pinned: str | None = None) -> AuditReport:
    """Every guarded change on ``tip`` since the start of signing (the start included)."""
    if gitops.work_tree(repo.root) is None:
        raise gitops.GitError("lệnh này cần chạy trong một kho git")
    start, signer = find_start(repo, tip)
    if pinned:
        try:
            wanted = gitops.git(repo.root, "rev-parse", "--verify", "--quiet", f"{pinned}^{{commit}}").strip()
        except gitops.GitError:
            raise NoStart(f"không tìm thấy commit bắt đầu ký \"{pinned}\" (--start) trong kho") from None
        if wanted != start.sha:
            raise NoStart(
                f"commit bắt đầu ký trong lịch sử là {start.short}, không phải {wanted[:10]} như đã ghi "
                "(--start): lịch sử đã bị viết lại hoặc ghi nhầm"
            )
    commits = [start, *commits_in(repo.root, tip, f"^{start.sha}")]
    report = judge(repo, commits, start)
    report.start_signer = signer
    return report


def judge_since(repo: Repo, base: str) -> AuditReport:
    """The commits a pull request brings in (``base..HEAD``), as the pull-request check sees them."""
    return judge(repo, commits_in(repo.root, "HEAD", f"^{base}"))
