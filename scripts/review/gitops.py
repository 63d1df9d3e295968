"""Moving a nomination between the state folders: ``git mv`` inside a work tree, else a plain move.

A move with new content is all or nothing: the new bytes are written to a temporary file beside
the target first, then the file is moved, then the temporary file replaces it. Any failure undoes
the steps already taken, so both folders are left exactly as they were.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from scripts.common.errors import PipelineError
from scripts.common.fileops import atomic_write, write_beside


class GitError(PipelineError):
    """A git command failed; the message carries git's own first line of explanation."""


class TargetExists(PipelineError):
    """The destination of a move already exists: nothing is overwritten."""


class RollbackFailed(PipelineError):
    """A move failed and could not be fully undone: the message says what to restore by hand."""


def git(root: Path, *args: str) -> str:
    """Run ``git ARGS`` in ``root``; its standard output, or GitError with git's reason."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", check=False,
        )
    except FileNotFoundError:
        raise GitError("không tìm thấy chương trình git trên máy") from None
    if done.returncode != 0:
        reason = next((line for line in done.stderr.splitlines() if line.strip()), "không rõ lý do")
        raise GitError(f"lệnh \"git {' '.join(args[:2])}\" không thành công: {reason.strip()}")
    return done.stdout


def work_tree(root: Path) -> Path | None:
    """The top of the git work tree that holds ``root``, or None outside git (or without git)."""
    try:
        top = git(root, "rev-parse", "--show-toplevel").strip()
    except GitError:
        return None
    return Path(top).resolve() if top else None


def is_tracked(path: Path, top: Path) -> bool:
    try:
        git(top, "ls-files", "--error-unmatch", "--", str(path.resolve().relative_to(top)))
    except (GitError, ValueError):
        return False
    return True


def _rel(path: Path, top: Path) -> str:
    return path.resolve().relative_to(top).as_posix()


def move_with_content(source: Path, target: Path, data: bytes, root: Path,
                      then: Callable[[Path], None] | None = None) -> bool:
    """Move ``source`` to ``target`` whose content becomes ``data``; True when git recorded it.

    Inside a git work tree, with ``source`` tracked, the move is ``git mv`` (so ``git log
    --follow`` shows the whole history) and the new content is staged; otherwise a plain rename.
    ``then(top)`` (the decision's signed commit) runs last, inside git only: if it fails, the
    move is undone too.
    """
    if target.exists() or target.is_symlink():
        raise TargetExists(f"{target.name} đã có ở thư mục đích; không ghi đè")
    top = work_tree(root)
    use_git = top is not None and is_tracked(source, top)
    original = source.read_bytes()
    undo: list[Callable[[], None]] = []
    try:
        created = _make_parents(target.parent)
        undo.append(lambda: _remove_dirs(created))
        temp = write_beside(target, data, source.stat().st_mode & 0o777)
        undo.append(lambda: temp.unlink(missing_ok=True))
        if use_git:
            git(top, "mv", "--", _rel(source, top), _rel(target, top))
            undo.append(lambda: git(top, "mv", "--", _rel(target, top), _rel(source, top)))
        else:
            os.rename(source, target)
            undo.append(lambda: os.rename(target, source))
        os.replace(temp, target)
        undo.append(lambda: atomic_write(target, original))
        if use_git:
            git(top, "add", "--", _rel(target, top))
            undo.append(lambda: (atomic_write(target, original), git(top, "add", "--", _rel(target, top))))
            if then is not None:
                then(top)
    except BaseException as err:
        _undo(undo, err, source)
        raise
    return use_git


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, deepest first."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir()
    return missing


def _remove_dirs(created: list[Path]) -> None:
    for path in created:
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _undo(steps: list[Callable[[], None]], cause: BaseException, source: Path) -> None:
    """Run the undo steps newest first; if one fails, say how to restore by hand."""
    for step in reversed(steps):
        try:
            step()
        except Exception as err:
            raise RollbackFailed(
                f"thao tác bị lỗi ({cause}) và không hoàn tác được ({err}); hãy khôi phục "
                f"{source} bằng \"git checkout -- .\" hoặc \"git status\" trước khi làm tiếp"
            ) from cause



def changes(root: Path, base: str) -> list[tuple[str, str, str | None]]:
    """(status letter, path, old path for a rename or copy) of every file changed since the point
    where HEAD left ``base`` (``git diff base...HEAD``), renames detected across folders. Paths
    are relative to ``root``, which may be a folder inside the work tree."""
    if work_tree(root) is None:
        raise GitError("lệnh này cần chạy trong một kho git")
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except GitError:
        raise GitError(
            f"không tìm thấy \"{base}\" trong kho; trong GitHub Actions hãy lấy đủ lịch sử "
            "(actions/checkout với fetch-depth: 0)"
        ) from None
    return changes_between(root, f"{base}...HEAD")


def changes_between(root: Path, *revisions: str) -> list[tuple[str, str, str | None]]:
    """Like ``changes``, between ``revisions`` as ``git diff`` takes them (``A B`` or ``A...B``)."""
    out = git(root, "diff", "--name-status", "-z", "-M", "--relative", "--no-color", *revisions, "--")
    fields = out.split("\0")
    found = []
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status[:1] in ("R", "C"):
            found.append((status[0], fields[index + 2], fields[index + 1]))
            index += 3
        else:
            found.append((status[:1], fields[index + 1], None))
            index += 2
    return found


def signing_key(top: Path, key: str | None) -> str:
    """The SSH key a decision is signed with: ``--key`` (a file), else git's ``user.signingkey``."""
    if key:
        path = Path(key).expanduser()
        if not path.is_file():
            raise GitError(f"không tìm thấy tệp khóa \"{key}\" (--key)")
        return str(path.resolve())
    try:
        configured = git(top, "config", "--get", "user.signingkey").strip()
    except GitError:
        configured = ""
    if not configured:
        raise GitError(
            "chưa có khóa để ký quyết định: thêm --key ~/.ssh/id_ed25519 hoặc đặt "
            "\"git config --global user.signingkey ~/.ssh/id_ed25519\" (xem docs/huong-dan-tham-dinh.md)"
        )
    return configured


def public_key(key: str) -> str | None:
    """"type base64" of the public half of ``key`` when it can be read without a passphrase."""
    if key.startswith("key::"):
        text = key[len("key::"):]
    else:
        candidates = [Path(key)] if key.endswith(".pub") else [Path(key + ".pub")]
        found = next((p for p in candidates if p.expanduser().is_file()), None)
        if found is None:
            return None
        text = found.expanduser().read_text(encoding="utf-8", errors="replace")
    parts = text.split()
    return " ".join(parts[:2]) if len(parts) >= 2 else None


def commit_signed(top: Path, paths: list[Path], message: str, key: str) -> str:
    """Commit exactly ``paths`` (as they are in the work tree) with an SSH signature by ``key``;
    the new commit's id. Other staged changes stay staged and out of the commit."""
    try:
        git(top, "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "--quiet",
            "-S", "-m", message, "--only", "--", *(_rel(p, top) for p in paths))
    except GitError as err:
        reason = str(err).partition(": ")[2] or str(err)
        raise GitError(f"không ký được commit quyết định bằng khóa {key}: {reason}") from None
    return git(top, "rev-parse", "HEAD").strip()


def git_bytes(root: Path, *args: str) -> bytes:
    """Run ``git ARGS`` in ``root``; its standard output as bytes (a file's content at a commit)."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("không tìm thấy chương trình git trên máy") from None
    if done.returncode != 0:
        raise GitError(f"lệnh \"git {' '.join(args[:2])}\" không thành công")
    return done.stdout
