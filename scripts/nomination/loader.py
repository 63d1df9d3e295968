"""Load one nomination file: bytes → text → front matter + body, with the line of every key.

Every consumer (validate, the review commands, the Pelican plugin, the reports) loads through
``load``. A file that cannot be read is not an exception: its problems are returned as values,
beside whatever could be read.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common import hints
from scripts.common.clock import parse_date
from scripts.common.repo import Repo
from scripts.nomination.decoding import Decoded, NotUtf8, decode
from scripts.nomination.frontmatter import FrontMatterError, dotted, parse
from scripts.nomination.problems import Problem, Severity

MAX_BYTES = 1024 * 1024
Path_ = tuple[str | int, ...]


@dataclass
class Nomination:
    path: Path
    rel: str
    """The path as messages show it (relative to the repository root)."""
    meta: dict
    body: str
    lines: dict[Path_, int]
    body_line: int
    end_line: int
    decoded: Decoded = field(repr=False)
    texts: list[tuple[Path_, str]] = field(default_factory=list, repr=False)
    """Every text value of the front matter with its path, as read from the file."""

    @property
    def slug(self) -> str:
        return self.path.stem

    @property
    def plain(self) -> bool:
        """No value and no line of the body can hold a control, invisible or no-break character:
        the file is ordinary text (``Decoded.ordinary``) and has no backslash, so no YAML escape
        ("\\u200b" in double quotes) made a value hold what the file does not show."""
        return self.decoded.ordinary and "\\" not in self.decoded.text

    def line_of(self, path: Path_) -> int:
        """The line of ``path`` or of its nearest parent written in the file (1: the opening ---)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 1

    def _text(self, key: str) -> str | None:
        value = self.meta.get(key)
        return value if isinstance(value, str) else None

    @property
    def unit_id(self) -> str | None:
        """``submitted_by`` when it is text (the checker says whether the unit exists)."""
        return self._text("submitted_by")

    @property
    def title(self) -> str | None:
        return self._text("title")

    @property
    def period(self) -> str | None:
        """``period`` as written, when it is text (the checker says whether it is a month)."""
        return self._text("period")

    @property
    def submitted_on(self) -> dt.date | None:
        """``submitted_on`` when it is a real date."""
        return parse_date(self.meta.get("submitted_on"))

    @property
    def nominee(self) -> dict:
        nominee = self.meta.get("nominee")
        return nominee if isinstance(nominee, dict) else {}

    @property
    def review(self) -> dict:
        review = self.meta.get("review")
        return review if isinstance(review, dict) else {}


@dataclass
class LoadResult:
    nomination: Nomination | None
    problems: list[Problem]
    legacy_text: str | None = None
    """For a file in a legacy encoding detected with confidence: its text, for ``--fix``."""
    raw: bytes | None = None
    """The bytes read (by ``load``): the review commands stamp these, without reading again."""


def load(path: Path, repo: Repo) -> LoadResult:
    problems: list[Problem] = []
    raw = read_regular(path, repo, problems)
    if raw is None:
        return LoadResult(None, problems)
    result = load_bytes(raw, path, repo)
    result.raw = raw
    return result


def read_regular(path: Path, repo: Repo, problems: list[Problem]) -> bytes | None:
    """The bytes of a regular file inside the repository, or None with the reason in ``problems``.

    A FIFO would block the read forever, a device could be endless, a link could publish any file
    of the machine: only a plain file is read. The file is opened once, without following a link
    (``O_NOFOLLOW``) and without waiting for a writer (``O_NONBLOCK``), and its type is judged on
    the open handle, so nothing can be swapped in between a check and the read.
    """
    def problem(message: str, code: str) -> None:
        problems.append(Problem(repo.relative(path), 1, "", "", message, Severity.ERROR, code))

    absolute = os.path.abspath(path)
    if _folder_is_linked(os.path.dirname(absolute), str(repo.root)):
        problem(_LINKED, "file.symlink")
        return None
    try:
        handle = os.open(absolute, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as err:
        _refused(absolute, err, problem)
        return None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            problem("là một thư mục, không phải tệp", "file.directory")
            return None
        if not stat.S_ISREG(mode):
            problem(_SPECIAL, "file.special")
            return None
        raw = _read_at_most(handle, MAX_BYTES + 1)
    except OSError as err:
        _refused(absolute, err, problem)
        return None
    finally:
        os.close(handle)
    if len(raw) > MAX_BYTES:
        problem(f"tệp quá lớn (hơn {MAX_BYTES // 1024} KiB): hãy rút gọn bài viết và để ảnh "
                "thành tệp riêng", "file.too-large")
        return None
    return raw


_LINKED = "là liên kết tượng trưng (symlink); hãy đặt tệp thật vào thư mục"
_SPECIAL = "không phải tệp thường (ống dẫn, thiết bị…); hãy đặt tệp văn bản thật"
_ERRNO_WORDS = {
    errno.EACCES: "không có quyền đọc tệp",
    errno.EPERM: "không có quyền đọc tệp",
    errno.EIO: "lỗi đọc ổ đĩa",
    errno.ENAMETOOLONG: "tên hoặc đường dẫn tệp quá dài",
}


def _refused(absolute: str, err: OSError, problem) -> None:
    """Say why the file could not be opened or read, in Vietnamese, by what the path is."""
    if isinstance(err, FileNotFoundError):
        problem("không tìm thấy tệp", "file.missing")
    elif os.path.islink(absolute):  # O_NOFOLLOW refused a link (ELOOP)
        problem(_LINKED, "file.symlink")
    elif err.errno == errno.ENXIO or (os.path.exists(absolute) and not os.path.isfile(absolute)
                                      and not os.path.isdir(absolute)):
        problem(_SPECIAL, "file.special")  # a socket cannot be opened at all
    else:
        problem(f"không đọc được tệp ({_ERRNO_WORDS.get(err.errno, 'lỗi hệ thống')})", "file.unreadable")


def _read_at_most(handle: int, limit: int) -> bytes:
    parts, size = [], 0
    while size < limit:
        part = os.read(handle, limit - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def load_bytes(raw: bytes, path: Path, repo: Repo) -> LoadResult:
    """Load ``raw`` as if it were the file at ``path`` (which need not exist yet).

    The review commands check a stamped file at its destination before writing anything.
    """
    rel = repo.relative(path)

    def problem(line: int, message: str, code: str, fld: str = "", sev=Severity.ERROR) -> Problem:
        return Problem(rel, line, fld, "", message, sev, code)

    try:
        decoded = decode(raw)
    except NotUtf8 as err:
        guess = err.guess
        if guess.encoding is None:
            message = (
                "tệp không phải UTF-8 và không nhận ra bảng mã; hãy mở bằng trình soạn thảo, "
                "lưu lại với bảng mã UTF-8"
            )
            return LoadResult(None, [problem(err.line, message, "encoding.unknown")])
        how = (
            f"chạy \"{hints.validate(rel, fix=True)}\" để chuyển sang UTF-8"
            if guess.confident
            else "hãy chuyển sang Unicode (UTF-8) bằng Unikey (Công cụ chuyển mã) rồi lưu lại"
        )
        message = (
            f"tệp không phải UTF-8: có vẻ là bảng mã cũ {guess.encoding.label}; {how}"
        )
        return LoadResult(
            None,
            [problem(err.line, message, f"encoding.{guess.encoding.name}")],
            guess.text if guess.confident else None,
        )

    problems: list[Problem] = []
    if decoded.was_nfd:
        problems.append(problem(
            1, "chữ có dấu ở dạng tổ hợp (NFD, thường do máy Mac); đã đọc như dạng dựng sẵn "
            "(NFC), chạy validate --fix để ghi lại tệp", "encoding.nfd", sev=Severity.WARNING,
        ))
    try:
        front = parse(decoded.text)
    except FrontMatterError as err:
        problems.append(problem(err.line, err.message, "frontmatter", err.field))
        return LoadResult(None, problems)

    nomination = Nomination(
        path, rel, front.data, front.body, front.lines, front.body_line, front.end_line, decoded,
        front.texts,
    )
    for found in decoded.mojibake:
        line = decoded.text.count("\n", 0, found.offset) + 1
        problems.append(problem(
            line,
            f"có vẻ là {found.label}: \"{found.word}\" có lẽ là \"{found.repaired}\"; "
            "hãy gõ lại đoạn này bằng Unicode (hoặc chuyển mã bằng Unikey)",
            f"mojibake.{found.kind}",
            _field_at_line(nomination, line),
            Severity.WARNING,
        ))
    return LoadResult(nomination, problems)


def _field_at_line(nomination: Nomination, line: int) -> str:
    """The front-matter key written on or above ``line``, or "" when the line is in the body."""
    if line >= nomination.body_line:
        return ""
    best: Path_ = ()
    best_line = 0
    for path, key_line in nomination.lines.items():
        if best_line <= key_line <= line:
            best, best_line = path, key_line
    return dotted(best)


@functools.lru_cache(maxsize=1024)
def _folder_is_linked(folder: str, root: str) -> bool:
    # Cached per folder: thousands of files share a handful of month folders.
    if folder == root or not folder.startswith(root + os.sep):
        return False
    return os.path.islink(folder) or _folder_is_linked(os.path.dirname(folder), root)
