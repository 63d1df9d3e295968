"""When each content file was first committed, from one ``git log`` over content/.

The report counts ``submitted_on`` as the sending date: the pull-request check
(``check-send-dates``) holds it to GitHub's clock when the file arrives. History is the cross-check:
the commit that first added the file, following renames (approve, return and withdraw move files
with ``git mv``). One ``git log --name-status`` over content/ gives every add and rename at once;
walking it here is much faster than one ``git log --follow`` per file, and it also pairs a delete
and an add of the same file name in one commit, which git reports instead of a rename when a move
also rewrote much of the file.

Both the author date and the committer date are kept, read in the ward's time zone
(Asia/Ho_Chi_Minh): the sender sets either at will, so neither decides, but a ``submitted_on``
earlier than either of them is worth a look, and so is a commit dated before its own parent (a
backdated commit on top of a recent branch).

Two kinds of commit say nothing about when a unit sent a file: the cut-off commit of a shallow
clone (it seems to add everything), and the council's import of historical files, which
``python -m scripts import`` marks with a ``Council-Import:`` trailer and signs. The trailer counts
only on a commit signed by a member serving on its date (the registry before that commit), and the
pull-request check refuses it in a unit's pull request: nothing a unit commits can switch the rule.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from scripts.common.clock import WARD_TIMEZONE
from scripts.common.repo import Repo
from scripts.nomination.council import CouncilError
from scripts.review.importing import IMPORT_TRAILER
from scripts.review.signatures import Commit, Verifier

SHALLOW = "máy lập báo cáo chỉ có một phần lịch sử lưu trữ"
_RECORD = "\x1e"
_FIELD = "\x1f"


@dataclass(frozen=True)
class Added:
    commit: str
    authored: dt.datetime
    """The author date, in the ward's time zone."""
    committed: dt.datetime
    """The committer date, in the ward's time zone."""
    unreliable: str = ""
    """Why the dates say nothing about sending (Vietnamese), or "" when they do."""
    imported: bool = False
    """The council's import commit (``Council-Import:`` trailer)."""
    parents_committed: dt.datetime | None = None
    """The latest committer date of its parents: a commit dated before its parent was backdated."""

    @property
    def days(self) -> tuple[dt.date, dt.date]:
        """(author day, committer day)."""
        return self.authored.date(), self.committed.date()


@dataclass
class History:
    """The first commit of every file under content/, by path relative to the repository root."""

    available: bool
    reason: str = ""
    """Why there is no history (Vietnamese), when ``available`` is False."""
    shallow: bool = False
    _adds: dict[str, list[tuple[int, Added]]] = field(default_factory=dict)
    _moves: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _last: int = 0

    def first_added(self, rel: str) -> Added | None:
        """The commit that created ``rel``'s lineage, following moves back; None when uncommitted."""
        path, limit = rel, self._last
        for _ in range(10_000):  # a lineage is a few moves long; the bound only guards bad data
            created = _latest(self._adds.get(path, ()), limit)
            moved = _latest(self._moves.get(path, ()), limit)
            if created is None and moved is None:
                return None
            if moved is None or (created is not None and created[0] >= moved[0]):
                return created[1]
            limit, path = moved[0] - 1, moved[1]
        return None


def _latest(events, limit: int):
    best = None
    for event in events:
        if event[0] <= limit and (best is None or event[0] > best[0]):
            best = event
    return best


def _ward_time(stamp: str | int) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(stamp), WARD_TIMEZONE)


def _git(repo: Repo, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(repo.root), "-c", "log.showSignature=false", *args],
        capture_output=True, text=True, encoding="utf-8", errors="surrogateescape", check=False,
    )


def read_history(repo: Repo) -> History:
    """Read the history of content/ with two git calls; never raises for a missing history."""
    try:
        info = _git(repo, "rev-parse", "--show-prefix", "--is-shallow-repository")
    except OSError:
        return History(False, "máy lập báo cáo chưa cài công cụ đọc lịch sử lưu trữ")
    if info.returncode != 0:
        return History(False, "thư mục lập báo cáo không có lịch sử lưu trữ")
    prefix, shallow = [*info.stdout.split("\n"), "", ""][:2]
    log = _git(
        repo, "log", "--topo-order", "--reverse", "-M", "--name-status", "-z", "--no-color",
        f"--format={_RECORD}%H{_FIELD}%at{_FIELD}%ct{_FIELD}%P{_FIELD}"
        f"%(trailers:key={IMPORT_TRAILER},valueonly,separator=%x20)", "--", "content",
    )
    if log.returncode != 0:
        return History(False, "kho chưa lưu phiếu nào vào hệ thống")
    history = History(True, shallow=shallow.strip() == "true")
    dates = _git(repo, "log", "--no-color", "--format=%H %ct", "HEAD")
    committed = dict(line.split(" ", 1) for line in dates.stdout.splitlines() if " " in line)
    _parse(log.stdout, prefix.strip(), history, committed)
    _drop_unsigned_imports(repo, history)
    return history


def _drop_unsigned_imports(repo: Repo, history: History) -> None:
    """An import trailer on a commit no serving member signed is an ordinary commit's."""
    imports = {added.commit: added for adds in history._adds.values() for _, added in adds if added.imported}
    if not imports:
        return
    verifier = Verifier(repo.root)
    untrusted = {}
    for sha, added in imports.items():
        parents = tuple(_git(repo, "rev-parse", f"{sha}^@").stdout.split())
        try:
            council = verifier.council_at(parents[0]) if parents else None
        except CouncilError:
            council = None
        if verifier.signature(Commit(sha, parents, ""), council).member is None:
            untrusted[sha] = replace(added, imported=False)
    for adds in history._adds.values():
        adds[:] = [(index, untrusted.get(added.commit, added)) for index, added in adds]


def _parse(output: str, prefix: str, history: History, committed: dict[str, str]) -> None:
    """Record adds and moves, keyed by path relative to ``repo.root`` (git prints top-level paths)."""

    def local(path: str) -> str | None:
        if prefix and not path.startswith(prefix):
            return None
        return path[len(prefix):]

    index = 0
    for index, record in enumerate(output.split(_RECORD)[1:], start=1):
        tokens = record.split("\0")
        commit, authored, stamp, parents, imported = tokens[0].split(_FIELD)
        adds: list[str] = []
        deletes: list[str] = []
        rest = [t.strip("\n") for t in tokens[1:]]
        i = 0
        while i < len(rest):
            status = rest[i]
            if not status:
                i += 1
                continue
            if status[0] in "RC":
                old, new = local(rest[i + 1]), local(rest[i + 2])
                if status[0] == "R" and old and new:
                    history._moves.setdefault(new, []).append((index, old))
                elif new:
                    adds.append(new)
                i += 3
                continue
            path = local(rest[i + 1])
            if path and status[0] == "A":
                adds.append(path)
            elif path and status[0] == "D":
                deletes.append(path)
            i += 2
        # A move that also rewrote most of the file shows as delete + add: pair them by file name
        # (slugs are unique across the repository, the checker makes sure).
        deleted_by_name = {PurePosixPath(p).name: p for p in deletes}
        moved_from = {}
        for path in adds:
            old = deleted_by_name.get(PurePosixPath(path).name)
            if old and old != path:
                moved_from[path] = old
        created = [path for path in adds if path not in moved_from]
        unreliable = SHALLOW if history.shallow and not parents.strip() else ""
        parent_stamps = [int(committed[p]) for p in parents.split() if p in committed]
        added = Added(
            commit, _ward_time(authored), _ward_time(stamp), unreliable, bool(imported.strip()),
            _ward_time(max(parent_stamps)) if parent_stamps else None,
        )
        for path, old in moved_from.items():
            history._moves.setdefault(path, []).append((index, old))
        for path in created:
            history._adds.setdefault(path, []).append((index, added))
    history._last = index
