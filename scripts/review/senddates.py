"""The pull-request check of send dates: ``submitted_on`` is the day GitHub received the file.

A unit sets its commit dates and writes ``submitted_on`` itself; neither can be trusted. The check
runs on GitHub's runner, whose clock the unit does not control, from the event that started it
(the JSON file Actions writes at ``$GITHUB_EVENT_PATH``):

- every nomination file added or changed by the latest push must say it was sent that day in
  Vietnam (one day of grace either side, for a push around midnight);
- every nomination file the pull request adds, whatever push brought it, must say a day between the
  day the pull request was opened and today: a later push cannot carry an earlier forgery along;
- no change may alter the ``submitted_on`` of a file that already exists on the base branch;
- no commit of a unit may carry the council's import trailer (``Council-Import:``).

For a pull request, the latest push is ``before..after`` of a ``synchronize`` event; when the pull
request is opened (or ``before`` is gone after a force-push), the whole pull request is new; when it
is reopened, nothing is. For a push, ``before..after``.

What no event says is when an earlier push of the same pull request arrived: a file it added is held
to the days since the pull request was opened, and the report's cross-check with history follows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from scripts.common import clock
from scripts.common.errors import UsageError
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.common.vietnamese import short_date
from scripts.nomination.loader import load_bytes
from scripts.nomination.problems import Problem, Severity
from scripts.nomination.schema import NominationSchema
from scripts.review import gitops
from scripts.review.importing import IMPORT_TRAILER

GRACE = dt.timedelta(days=1)
ZERO_SHA = "0" * 40
_STORY_PREFIXES = (f"content/{NOMINATIONS}/", f"content/{PUBLISHED}/")


@dataclass(frozen=True)
class Event:
    """What the check needs from a GitHub push or pull_request event."""

    kind: str
    """"pull_request" or "push"."""
    base: str | None
    """The commit the changes are measured from (the base branch, or the push's ``before``)."""
    head: str
    before: str | None
    """The previous head of the latest push, when there is one."""
    opened: dt.date | None = None
    """The day (ward time) the pull request was opened."""


@dataclass
class SendDateReport:
    problems: list[Problem]
    files: int


def read_event(path: Path) -> Event:
    """Parse the event file; a usage error in Vietnamese when it is not a push or pull_request."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise UsageError(f"không đọc được tệp sự kiện {path} ({err.strerror})") from None
    except (ValueError, UnicodeDecodeError):
        raise UsageError(f"tệp sự kiện {path} không phải JSON hợp lệ") from None
    if not isinstance(data, dict):
        raise UsageError(f"tệp sự kiện {path} không phải sự kiện GitHub")
    pull = data.get("pull_request")
    try:
        if isinstance(pull, dict):
            head = _sha(pull["head"]["sha"])
            before = None
            if data.get("action") == "synchronize":
                before = _sha(data["before"])
            elif data.get("action") == "reopened":
                before = head  # nothing new was pushed
            return Event("pull_request", _sha(pull["base"]["sha"]), head, before,
                         _day(pull.get("created_at")))
        if "after" in data and "before" in data:
            before = _sha(data["before"])
            before = None if before == ZERO_SHA else before
            return Event("push", before, _sha(data["after"]), before)
    except (KeyError, TypeError, ValueError):
        pass
    raise UsageError(
        f"tệp sự kiện {path} không phải sự kiện push hay pull_request của GitHub "
        "(thiếu before/after hoặc pull_request.base/head)"
    )


def _sha(value) -> str:
    if not isinstance(value, str) or len(value) != 40 or not all(c in "0123456789abcdef" for c in value):
        raise ValueError(value)
    return value


def _day(stamp) -> dt.date | None:
    if not isinstance(stamp, str):
        return None
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return when.astimezone(clock.WARD_TIMEZONE).date()


def _is_story(path: str | None) -> bool:
    return bool(path) and path.startswith(_STORY_PREFIXES) and PurePosixPath(path).suffix == ".md"


def _exists(root: Path, commit: str) -> bool:
    try:
        gitops.git(root, "cat-file", "-e", f"{commit}^{{commit}}")
    except gitops.GitError:
        return False
    return True


def _is_ancestor(root: Path, older: str, newer: str) -> bool:
    try:
        gitops.git(root, "merge-base", "--is-ancestor", older, newer)
    except gitops.GitError:
        return False
    return True


class _Tree:
    """Reads ``submitted_on`` of a path at a commit, as the loader would read the file."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.prefix = gitops.git(repo.root, "rev-parse", "--show-prefix").strip()

    def submitted_on(self, commit: str, rel: str) -> tuple[dt.date | None, int]:
        """(the date, its line) of ``rel`` at ``commit``; (None, line) when absent or unreadable."""
        try:
            raw = gitops.git_bytes(self.repo.root, "show", f"{commit}:{self.prefix}{rel}")
        except gitops.GitError:
            return None, 1
        nomination = load_bytes(raw, self.repo.root / rel, self.repo).nomination
        if nomination is None:
            return None, 1
        return nomination.submitted_on, nomination.line_of(("submitted_on",))


def check_send_dates(repo: Repo, event: Event, today: dt.date | None = None) -> SendDateReport:
    """Every problem with the send dates of the change ``event`` describes."""
    root = repo.root
    today = today or clock.today()
    for commit in (event.base, event.head):
        if commit and not _exists(root, commit):
            raise gitops.GitError(
                f"không có commit {commit[:10]} trong kho; trong GitHub Actions hãy lấy đủ lịch sử "
                "(actions/checkout với fetch-depth: 0)"
            )
    if event.base is None:
        raise UsageError(
            "sự kiện push tạo nhánh mới (before toàn số 0): không xác định được phần thay đổi; "
            "hãy mở pull request vào nhánh chính"
        )
    start = gitops.git(root, "merge-base", event.base, event.head).strip()
    latest = event.before if event.before and _is_ancestor(root, event.before, event.head) else None
    if latest is not None and not _is_ancestor(root, start, latest):
        latest = None  # the base moved past the previous head: judge the whole change as new
    tree = _Tree(repo)
    problems: list[Problem] = []
    problems += _import_commits(root, start, event.head)
    touched_now = None if latest is None else {
        path for _status, path, _old in gitops.changes_between(root, latest, event.head)
    }
    files = 0
    for status, path, old in gitops.changes_between(root, start, event.head):
        if not _is_story(path):
            continue
        files += 1
        new_day, line = tree.submitted_on(event.head, path)
        if status == "A" or not _is_story(old if status in "RC" else path):
            latest_push = touched_now is None or path in touched_now
            problems += _new_file(root, tree, event, start, path, new_day, line, today, latest_push)
            continue
        source = old if status in "RC" else path
        old_day, _ = tree.submitted_on(start, source)
        if old_day != new_day:
            commit = _changing_commit(root, tree, start, event.head, path, source, old_day)
            problems.append(_problem(
                path, line,
                f"commit {commit[:10]} đổi ngày gửi của phiếu đã có ({_show(old_day)} → {_show(new_day)}); "
                "ngày gửi đã ghi nhận thì không được sửa: hãy trả submitted_on về ngày cũ",
                "send-date.altered",
            ))
    label = NominationSchema.load(repo.schema_file).label(("submitted_on",))
    return SendDateReport([replace(p, label=label) if p.field else p for p in problems], files)


def _show(day: dt.date | None) -> str:
    return short_date(day) if day else "không có"


def _new_file(root: Path, tree: _Tree, event: Event, start: str, path: str, day: dt.date | None,
              line: int, today: dt.date, latest_push: bool) -> list[Problem]:
    commit = _last_commit(root, start, event.head, path)
    if day is None:
        return [_problem(path, line, f"phiếu gửi trong commit {commit[:10]} thiếu ngày gửi (submitted_on) "
                         f"hoặc ngày không hợp lệ; hãy ghi ngày {today.isoformat()}", "send-date.missing")]
    if latest_push:
        if abs(day - today) <= GRACE:
            return []
        return [_problem(
            path, line,
            f"phiếu gửi trong commit {commit[:10]} ghi ngày gửi {short_date(day)}, nhưng máy chủ GitHub "
            f"nhận phiếu ngày {short_date(today)} (giờ Việt Nam); ngày gửi phải là ngày đẩy phiếu lên "
            f"(được lệch 1 ngày quanh nửa đêm): hãy sửa submitted_on thành {today.isoformat()}",
            "send-date.not-today",
        )]
    earliest = (event.opened or today) - GRACE
    if earliest <= day <= today + GRACE:
        return []
    return [_problem(
        path, line,
        f"phiếu gửi trong commit {commit[:10]} ghi ngày gửi {short_date(day)}, ngoài khoảng từ ngày mở "
        f"pull request ({_show(event.opened)}) đến hôm nay ({short_date(today)}); hãy sửa submitted_on "
        f"thành {today.isoformat()}",
        "send-date.outside-pull-request",
    )]


def _last_commit(root: Path, start: str, head: str, *paths: str) -> str:
    """The newest commit of ``start..head`` that touched ``paths`` (the head when none did)."""
    out = gitops.git(root, "log", "-1", "--format=%H", f"{start}..{head}", "--", *paths).strip()
    return out or head


def _changing_commit(root: Path, tree: _Tree, start: str, head: str, path: str, source: str,
                     old_day: dt.date | None) -> str:
    """The first commit of ``start..head`` after which the file's ``submitted_on`` differs."""
    out = gitops.git(root, "log", "--reverse", "--format=%H", f"{start}..{head}", "--", source, path)
    for commit in out.split():
        day, _ = tree.submitted_on(commit, path)
        if day is None and source != path:
            day, _ = tree.submitted_on(commit, source)
        if day != old_day:
            return commit
    return head


def _import_commits(root: Path, start: str, head: str) -> list[Problem]:
    out = gitops.git(root, "log", "--format=%H%x1f%(trailers:key=" + IMPORT_TRAILER + ",valueonly,"
                     "separator=%x20)", f"{start}..{head}")
    problems = []
    for line in out.splitlines():
        commit, _, trailer = line.partition("\x1f")
        if trailer.strip():
            problems.append(_problem(
                "", 1,
                f"commit {commit[:10]} mang dòng \"{IMPORT_TRAILER}:\" dành cho việc Hội đồng nhập phiếu "
                "cũ (lệnh import); đơn vị không được dùng dòng này: hãy bỏ nó khỏi lời nhắn commit",
                "send-date.import-trailer",
            ))
    return problems


def _problem(path: str, line: int, message: str, code: str) -> Problem:
    return Problem(path, line, "submitted_on" if path else "", "", message, Severity.ERROR, code)
