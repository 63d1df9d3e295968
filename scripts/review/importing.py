"""The council's import of historical nominations: files sent before the column kept its history.

Such a file was not received through a pull request, so neither the pull-request check nor the
commit that adds it can date it: its ``submitted_on`` is the office's record. The import places each
file where its state and ``period`` say, checks it there, and commits only those files in one
commit marked with the ``Council-Import:`` trailer and signed with the member's SSH key: the report
honours the trailer only on a commit signed by a serving member. The pull-request check refuses the
trailer from a unit, so the council pushes this commit to the main branch itself.
All or nothing: a file that fails its check, or a failed commit, leaves every folder as it was.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from scripts.common.fileops import atomic_write
from scripts.common.period import Period
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.nomination.checker import CheckContext, check_files
from scripts.nomination.loader import load_bytes
from scripts.review import gitops
from scripts.review.decisions import APPROVED, Refused, clean_text

IMPORT_TRAILER = "Council-Import"
"""The trailer this import writes on its commit; the report reads it back from history."""


@dataclass(frozen=True)
class Imported:
    commit: str
    targets: list[str]
    """Where the files now are, relative to the repository root."""


def _plan(repo: Repo, sources: list[Path]) -> list[tuple[Path, bytes]]:
    """(target, bytes) for every source; Refused before anything is written."""
    plan: dict[Path, bytes] = {}
    for source in sources:
        try:
            raw = source.read_bytes()
        except OSError as err:
            raise Refused(f"{source}: không đọc được tệp ({err.strerror})") from None
        result = load_bytes(raw, source, repo)
        nomination = result.nomination
        if nomination is None:
            raise Refused(f"{source}: không đọc được tệp", result.problems)
        if source.suffix != ".md" or not Period.match(nomination.period or ""):
            raise Refused(f"{source}: chỉ nhập tệp giới thiệu .md có kỳ giới thiệu (period) dạng YYYY-MM")
        state = PUBLISHED if nomination.review.get("decision") == APPROVED else NOMINATIONS
        target = repo.content / state / nomination.period / source.name
        if target.exists() or target in plan:
            raise Refused(f"{repo.relative(target)} đã có trong kho; không ghi đè")
        plan[target] = raw
    return list(plan.items())


def import_files(repo: Repo, sources: list[Path], by: str, note: str | None = None,
                 key: str | None = None) -> Imported:
    """Place, check and commit (signed with ``key``, else git's ``user.signingkey``) ``sources``
    as the council's import of historical files."""
    top = gitops.work_tree(repo.root)
    if top is None:
        raise Refused("lệnh import cần chạy trong một kho git")
    by = clean_text(by) or ""
    if not by or "\n" in by:
        raise Refused("--by cần họ tên người nhập (một dòng)")
    signing_key = gitops.signing_key(top, key)
    plan = _plan(repo, sources)
    rels = [target.resolve().relative_to(top).as_posix() for target, _ in plan]
    created: list[Path] = []
    written: list[Path] = []
    try:
        for target, raw in plan:
            created += _make_parents(target.parent)
            atomic_write(target, raw)
            written.append(target)
        results = check_files([target for target, _ in plan], CheckContext.for_repo(repo), jobs=1)
        errors = [p for result in results for p in result.problems if p.is_error]
        if errors:
            raise Refused("không nhập tệp nào: hãy sửa các lỗi trên rồi chạy lại", errors)
        gitops.git(top, "add", "--", *rels)
        commit = gitops.commit_signed(top, [target for target, _ in plan], _message(rels, by, note),
                                      signing_key)
    except BaseException:
        with contextlib.suppress(gitops.GitError):
            gitops.git(top, "reset", "-q", "--", *rels)
        for path in written:
            path.unlink(missing_ok=True)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return Imported(commit, [repo.relative(target) for target, _ in plan])


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))


def _message(rels: list[str], by: str, note: str | None) -> str:
    lines = [f"Nhập phiếu cũ vào kho ({len(rels)} tệp)", ""]
    lines += [f"- {rel}" for rel in rels]
    if note and clean_text(note):
        lines += ["", clean_text(note)]
    lines += ["", f"{IMPORT_TRAILER}: {by}"]
    return "\n".join(lines) + "\n"
