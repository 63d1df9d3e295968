"""The council's decisions: stamp the ``review`` block and move the file between state folders.

The stamp is text surgery on the file's bytes: only the lines of the top-level ``review:`` key are
written (or added before the closing ``---``); every other byte (comments, key order, quoting,
CRLF line ends, a BOM, the body) stays exactly as it was. After the surgery the new bytes are
parsed again and must give the old front matter with only ``review`` changed; then they are
checked at their destination before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.common import clock
from scripts.common.errors import PipelineError, UsageError
from scripts.common.fileops import atomic_write
from scripts.common.period import Period
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.nomination.checker import CheckContext, check, slug_problems
from scripts.nomination.decoding import NotUtf8, decode
from scripts.nomination.frontmatter import FrontMatterError, parse
from scripts.nomination.loader import Nomination, load, load_bytes
from scripts.nomination.problems import Problem
from scripts.nomination.state import APPROVED, DECISION_LABELS, RETURNED, WITHDRAWN, earlier_decisions
from scripts.review import gitops

REVIEW_KEYS = ("decision", "by", "on", "ref", "forward", "note", "reason", "history")
"""The order in which the stamp writes its keys (the schema's order)."""
HISTORY_KEYS = ("decision", "by", "on", "ref", "reason", "note")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE_BREAKS = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


class Refused(PipelineError):
    """The decision cannot be recorded; ``problems`` says why, file by file, line by line."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class StampError(PipelineError):
    """The front matter is written in a form the stamp cannot rewrite safely."""


@dataclass(frozen=True)
class Outcome:
    decision: str
    source: str
    target: str
    used_git: bool = False
    problems: list[Problem] = field(default_factory=list)
    """Warnings and notes about the stamped file (errors refuse the decision instead)."""


# --- the stamp as text --------------------------------------------------------------------------


def _scalar(value) -> str:
    """A YAML scalar that reads back as ``value``: plain when safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        return text  # the loader keeps dates as text, so a plain date reads back as written
    try:
        plain = "\n" not in text and yaml.load(f"k: {text}", Loader=_Loader) == {"k": text}
    except yaml.YAMLError:
        plain = False
    if plain:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    for char, escape in _LINE_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def _key(key: str) -> str:
    """A key as YAML 1.1 tools read it back: "on" is quoted, or they would read it as true."""
    return key if yaml.load(f"{key}: 0", Loader=_Loader) == {key: 0} else f"\"{key}\""


def render(review: dict) -> list[str]:
    """The lines of a ``review:`` block, keys in the schema's order, without line ends."""
    lines = ["review:"]
    for key in REVIEW_KEYS:
        if key == "history" and review.get(key):
            lines.append("  history:")
            for entry in review[key]:
                items = [(k, entry[k]) for k in HISTORY_KEYS if entry.get(k) is not None]
                lines.extend(
                    f"    {'-' if index == 0 else ' '} {_key(k)}: {_scalar(value)}"
                    for index, (k, value) in enumerate(items)
                )
        elif key != "history" and review.get(key) is not None:
            lines.append(f"  {_key(key)}: {_scalar(review[key])}")
    return lines


def stamp_bytes(raw: bytes, nomination: Nomination, review: dict) -> bytes:
    """``raw`` with its top-level ``review`` block replaced by ``review`` (or added), checked."""
    new = _splice(raw, nomination, review)
    try:
        decoded = decode(new)
        front = parse(decoded.text)
    except (NotUtf8, FrontMatterError):
        front = decoded = None
    _verify(front and (front.data, front.body, decoded.had_bom), nomination, review)
    return new


def _splice(raw: bytes, nomination: Nomination, review: dict) -> bytes:
    """The text surgery itself: only the lines of the top-level ``review`` block change."""
    crlf = nomination.decoded.crlf
    end = b"\r" if crlf else b""
    lines = raw.split(b"\n")
    block = [line.encode("utf-8") + end for line in render(review)]
    closing = nomination.end_line  # 1-based line of the closing ---
    start = nomination.lines.get(("review",))
    if start is None:
        lines[closing - 1:closing - 1] = block
    else:
        if not lines[start - 1].lstrip(b"\xef\xbb\xbf").startswith(b"review"):
            raise StampError(
                f"{nomination.rel}:{start}: khối \"review\" phải bắt đầu ở đầu dòng "
                "(\"review:\") để ghi được kết quả thẩm định; hãy sửa lại dòng này"
            )
        after = [line for path, line in nomination.lines.items() if len(path) == 1 and line > start]
        stop = min(after, default=closing)
        # Blank lines and comments written flush left just above the next key belong to it.
        while stop - 1 > start and _is_gap(lines[stop - 2]):
            stop -= 1
        lines[start - 1:stop - 1] = block
    return b"\n".join(lines)


def _is_gap(line: bytes) -> bool:
    text = line.rstrip(b"\r")
    return not text.strip() or text.startswith(b"#")


def _verify(read: tuple | None, nomination: Nomination, review: dict) -> None:
    """The new bytes, as read back (front matter, body, BOM; None when unreadable), must be the
    old front matter with only ``review`` changed."""
    expected = dict(nomination.meta)
    expected["review"] = {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in review.items() if value not in (None, [])
    }
    if read != (expected, nomination.body, nomination.decoded.had_bom):
        raise StampError(
            f"{nomination.rel}: không ghi được dấu thẩm định mà vẫn giữ nguyên phần còn lại của tệp; "
            "tệp chưa bị thay đổi. Hãy báo cho người quản trị kho"
        )


# --- reading the command's inputs ---------------------------------------------------------------


def resolve(name: str, repo: Repo) -> Path:
    """A path as the user typed it: relative to the current folder, else to the repository root."""
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = repo.root / path
    return path.absolute()


def clean_text(value: str | None) -> str | None:
    """NFC, surrounding spaces dropped; None stays None."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


def parse_day(value: str | None) -> dt.date:
    if value is None:
        return clock.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"ngày \"{value}\" không đúng dạng YYYY-MM-DD (ví dụ 2026-11-27)"
        ) from None


def _load(path: Path, repo: Repo) -> tuple[Nomination, bytes]:
    """The nomination and the very bytes it was parsed from (read once)."""
    if path.suffix != ".md":
        raise Refused(f"{repo.relative(path)}: chỉ thẩm định tệp giới thiệu .md")
    result = load(path, repo)
    if result.nomination is None or result.raw is None:
        raise Refused(f"{repo.relative(path)}: không đọc được tệp", result.problems)
    return result.nomination, result.raw


def _require_state(path: Path, repo: Repo, state: str, hint: str) -> None:
    rel = repo.relative(path)
    if repo.state_folder(path) != state or not Period.match(path.parent.name) \
            or path.parent.parent.resolve() != (repo.content / state).resolve():
        raise Refused(f"{rel}: tệp phải nằm trong content/{state}/YYYY-MM/; {hint}")


def _errors(problems: list[Problem], only_review: bool = False) -> list[Problem]:
    """The errors, or only those of the stamp itself (a returned file may have others: that is
    why it is returned)."""
    return [p for p in problems if p.is_error and (not only_review or p.field.startswith("review"))]


def _stamped(nomination: Nomination, raw: bytes, review: dict, target: Path, ctx: CheckContext
             ) -> tuple[bytes, list[Problem]]:
    """The stamped bytes and the problems of the stamped file as it will be at ``target``: the
    one deliberate second parse, which also proves the surgery changed nothing but ``review``."""
    new = _splice(raw, nomination, review)
    result = load_bytes(new, target, ctx.repo)
    stamped = result.nomination
    _verify(stamped and (stamped.meta, stamped.body, stamped.decoded.had_bom), nomination, review)
    problems = list(result.problems)
    if result.nomination is not None:
        problems.extend(check(result.nomination, ctx))
    return new, problems


def _review(decision: str, by: str, on: dt.date, earlier: dict, **rest) -> dict:
    """The new stamp; the ``earlier`` one (if any) joins the history instead of being lost."""
    by = clean_text(by)
    if not by:
        raise Refused("cần ghi họ tên người thẩm định (--by)")
    review = {"decision": decision, "by": by, "on": on}
    for key, value in rest.items():
        value = clean_text(value) if isinstance(value, str) else value
        if value not in (None, ""):
            review[key] = value
    earlier_ones = [dict(entry) for entry in earlier_decisions(earlier)]
    if earlier.get("decision"):
        earlier_ones.append({key: earlier[key] for key in HISTORY_KEYS if earlier.get(key) is not None})
    review["history"] = earlier_ones
    return review


@dataclass(frozen=True)
class Signer:
    """Who signs the decision's commit, and with which key; None outside a git work tree."""

    top: Path
    key: str


def signer(repo: Repo, path: Path, by: str, key: str | None, ctx: CheckContext,
           requested_by: str | None = None) -> Signer | None:
    """The key the decision will be signed with, checked before any file changes.

    A decision asked for by a member's comment (``requested_by``: their GitHub login) is signed
    with the workflow's own key, which the registry marks as such.
    """
    top = gitops.work_tree(repo.root)
    if top is None or not gitops.is_tracked(path, top):
        return None
    try:
        chosen = gitops.signing_key(top, key)
    except gitops.GitError as err:
        raise Refused(f"{err}; không tệp nào bị thay đổi") from None
    public = gitops.public_key(chosen)
    if requested_by is not None:
        if not any(m.workflow and public in m.keys for m in ctx.council.members):
            raise Refused("khóa ký không phải khóa của quy trình trong schema/council.yaml; "
                          "không tệp nào bị thay đổi")
        return Signer(top, chosen)
    member = ctx.council.person(clean_text(by) or "")
    if member is not None and public is not None and public not in member.keys:
        raise Refused(
            f"khóa {chosen} không phải khóa của {member.name} trong schema/council.yaml; "
            "hãy dùng --key với khóa của mình. Không tệp nào bị thay đổi"
        )
    return Signer(top, chosen)


def message(review: dict, rel: str, subject: str | None = None, requested_by: str | None = None) -> str:
    """The decision commit's fixed message: a Vietnamese subject, then the trailers audit reads."""
    subject = subject or f"{DECISION_LABELS[review['decision']]}: {rel}"
    trailers = [f"Decision: {review['decision']}", f"Member: {review['by']}", f"Decided-on: {review['on']}"]
    if review.get("ref"):
        trailers.append(f"Minutes: {review['ref']}")
    if requested_by:
        trailers.append(f"Requested-by: @{requested_by}")
    return f"{subject}\n\n" + "\n".join(trailers) + "\n"


def _write_signed(path: Path, raw: bytes, new: bytes, sign: Signer | None, text: str) -> None:
    """Write ``new`` in place and commit it signed; a failed commit puts ``raw`` back."""
    atomic_write(path, new)
    if sign is None:
        return
    try:
        gitops.commit_signed(sign.top, [path], text, sign.key)
    except BaseException:
        atomic_write(path, raw)
        raise


def _move_signed(path: Path, target: Path, new: bytes, repo: Repo, sign: Signer | None, text: str) -> bool:
    return gitops.move_with_content(
        path, target, new, repo.root,
        then=(lambda top: gitops.commit_signed(top, [path, target], text, sign.key)) if sign else None,
    )


def _changed_since_return(repo: Repo, path: Path, nomination: Nomination) -> bool:
    """Whether the unit changed the file (outside ``review``) after the council returned it.

    The version the return stamped is the oldest of the newest commits whose stamp is the one
    the file carries now; the file must differ from it in something other than ``review``.
    """
    top = gitops.work_tree(repo.root)
    if top is None or not gitops.is_tracked(path, top):
        raise Refused(
            f"{nomination.rel}: phiếu đã bị trả lại; cần lịch sử git để biết đơn vị đã sửa phiếu "
            "sau khi trả lại hay chưa. Không tệp nào bị thay đổi"
        )
    rel = path.resolve().relative_to(top).as_posix()
    returned = None
    for commit in gitops.git(top, "log", "--format=%H", "--follow", "--", rel).split():
        try:
            old = load_bytes(gitops.git_bytes(top, "show", f"{commit}:{rel}"), path, repo).nomination
        except gitops.GitError:
            break  # the file had another name then: the return was after the rename
        if old is None or old.review != nomination.review:
            break
        returned = old
    if returned is None:
        return True  # the stamp was never committed as it is now: nothing to compare with
    unstamped = {key: value for key, value in nomination.meta.items() if key != "review"}
    before = {key: value for key, value in returned.meta.items() if key != "review"}
    return unstamped != before or nomination.body != returned.body


# --- the decisions ------------------------------------------------------------------------------


def approve(repo: Repo, path: Path, by: str, ref: str, on: dt.date | None = None,
            forward: bool = False, note: str | None = None, key: str | None = None,
            requested_by: str | None = None) -> Outcome:
    """Validate, stamp ``approved``, move nominations/YYYY-MM/x.md to published/YYYY-MM/x.md and
    commit it signed. The file is read and parsed once; the stamped bytes are parsed again on
    purpose, to check them where they will live."""
    ctx = CheckContext.for_repo(repo)
    _require_state(path, repo, NOMINATIONS,
                   "chỉ thông qua được phiếu đang chờ thẩm định trong content/nominations/")
    target = repo.published / path.parent.name / path.name
    if target.exists():
        raise Refused(f"{repo.relative(target)} đã có; không ghi đè bài đã đăng. Không tệp nào bị thay đổi")
    nomination, raw = _load(path, repo)
    found = slug_problems([path], repo) + sorted(check(nomination, ctx), key=lambda p: (p.line, p.field))
    if _errors(found):
        raise Refused(
            f"{nomination.rel}: phiếu chưa hợp lệ nên chưa thông qua được; không tệp nào bị thay đổi",
            found,
        )
    if nomination.review.get("decision") == RETURNED and not _changed_since_return(repo, path, nomination):
        raise Refused(
            f"{nomination.rel}: phiếu đã bị trả lại ngày {nomination.review.get('on')} và đơn vị chưa "
            "sửa gì sau đó; chỉ thông qua khi đơn vị đã bổ sung theo lý do trả lại. "
            "Không tệp nào bị thay đổi"
        )
    if not clean_text(ref):
        raise Refused("cần ghi số biên bản họp thẩm định (--ref), ví dụ \"Biên bản số 05/BB-HĐTĐKT\"")
    review = _review(APPROVED, by, on or clock.today(), nomination.review,
                     ref=ref, forward=forward, note=note)
    new, problems = _stamped(nomination, raw, review, target, ctx)
    if _errors(problems):
        raise Refused(f"{nomination.rel}: dấu thẩm định không hợp lệ; không tệp nào bị thay đổi",
                      _errors(problems))
    sign = signer(repo, path, by, key, ctx, requested_by)
    used_git = _move_signed(path, target, new, repo, sign,
                            message(review, repo.relative(target), requested_by=requested_by))
    return Outcome(APPROVED, nomination.rel, repo.relative(target), used_git,
                   [p for p in problems if not p.is_error])


def return_(repo: Repo, path: Path, by: str, reason: str, on: dt.date | None = None,
            key: str | None = None, requested_by: str | None = None) -> Outcome:
    """Stamp ``returned`` on a nomination that stays in nominations/ for the unit to revise."""
    ctx = CheckContext.for_repo(repo)
    _require_state(path, repo, NOMINATIONS,
                   "bài đã đăng thì dùng lệnh withdraw để gỡ, không dùng return")
    nomination, raw = _load(path, repo)
    review = _review(RETURNED, by, on or clock.today(), nomination.review, reason=_reason(reason))
    new, problems = _stamped(nomination, raw, review, path, ctx)
    if _errors(problems, only_review=True):
        raise Refused(f"{nomination.rel}: chưa ghi được quyết định trả lại; tệp không bị thay đổi",
                      _errors(problems, only_review=True))
    rel = repo.relative(path)
    _write_signed(path, raw, new, signer(repo, path, by, key, ctx, requested_by),
                  message(review, rel, requested_by=requested_by))
    return Outcome(RETURNED, rel, rel)


def withdraw(repo: Repo, path: Path, by: str, reason: str, on: dt.date | None = None,
             key: str | None = None) -> Outcome:
    """Stamp ``withdrawn`` and move a published story back to nominations/ (nothing is deleted)."""
    ctx = CheckContext.for_repo(repo)
    _require_state(path, repo, PUBLISHED, "chỉ gỡ được bài đang đăng trong content/published/")
    nomination, raw = _load(path, repo)
    review = _review(WITHDRAWN, by, on or clock.today(), nomination.review, reason=_reason(reason))
    target = repo.nominations / path.parent.name / path.name
    if target.exists():
        raise Refused(f"{repo.relative(target)} đã có; không ghi đè. Không tệp nào bị thay đổi")
    new, problems = _stamped(nomination, raw, review, target, ctx)
    if _errors(problems, only_review=True):
        raise Refused(f"{nomination.rel}: chưa ghi được quyết định gỡ bài; không tệp nào bị thay đổi",
                      _errors(problems, only_review=True))
    sign = signer(repo, path, by, key, ctx)
    used_git = _move_signed(path, target, new, repo, sign, message(review, nomination.rel))
    return Outcome(WITHDRAWN, nomination.rel, repo.relative(target), used_git)


def mark_forward(repo: Repo, path: Path, forward: bool = True, key: str | None = None) -> Outcome:
    """Mark (or unmark) an approved story for the council of the level above, signed by the
    member who approved it (the approval's ``review.by`` is unchanged, so its signer must be)."""
    ctx = CheckContext.for_repo(repo)
    _require_state(path, repo, PUBLISHED,
                   "chỉ chọn gửi cấp trên những bài đã được thông qua (content/published/)")
    nomination, raw = _load(path, repo)
    current = nomination.review
    if current.get("decision") != APPROVED:
        raise Refused(f"{nomination.rel}: bài chưa có dấu thông qua (review.decision: approved)")
    review = {key: current.get(key) for key in REVIEW_KEYS}
    review["forward"] = forward
    new, problems = _stamped(nomination, raw, review, path, ctx)
    if _errors(problems, only_review=True):
        raise Refused(f"{nomination.rel}: chưa ghi được; tệp không bị thay đổi",
                      _errors(problems, only_review=True))
    if new != raw:
        subject = ("Chọn gửi cấp trên" if forward else "Bỏ chọn gửi cấp trên") + f": {nomination.rel}"
        _write_signed(path, raw, new, signer(repo, path, str(current.get("by") or ""), key, ctx),
                      message(review, nomination.rel, subject))
    return Outcome(APPROVED, nomination.rel, nomination.rel)


def _reason(reason: str | None) -> str:
    reason = clean_text(reason)
    if not reason:
        raise Refused("cần ghi lý do (--reason) để đơn vị biết cần sửa gì")
    return reason
