"""Check nominations: the schema (one compiled validator) plus the ward's domain rules.

``check`` judges one loaded nomination; ``check_files`` loads and checks many, in parallel on
large sets, and adds the rules that look across files (unique slugs).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scripts.common import clock, generated, hints
from scripts.common.parallel import fork_map
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.vietnamese import SLUG, slugify
from scripts.images.container import NotAnImage
from scripts.images.library import photo_library
from scripts.nomination import visible
from scripts.nomination.body import findings
from scripts.nomination.council import Council
from scripts.nomination.frontmatter import dotted
from scripts.nomination.loader import LoadResult, Nomination, load
from scripts.nomination.messages import translate
from scripts.nomination.page import load_page
from scripts.nomination.problems import Problem, Severity
from scripts.nomination.schema import NominationSchema
from scripts.nomination.state import State
from scripts.nomination.template import PLACEHOLDER
from scripts.nomination.units import UnitRegistry

MIN_BODY_WORDS = 80
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_DATE_FIELDS = (("submitted_on",), ("consent", "on"), ("review", "on"))


@dataclass(frozen=True)
class CheckContext:
    repo: Repo
    schema: NominationSchema
    units: UnitRegistry
    today: dt.date
    council: Council

    @classmethod
    def for_repo(cls, repo: Repo, today: dt.date | None = None) -> CheckContext:
        return cls(
            repo,
            NominationSchema.load(repo.schema_file),
            UnitRegistry.load(repo.units_file),
            today or clock.today(),
            Council.load(repo.root),
        )


class _Findings:
    """Collects the problems of one nomination, filling in line and label from the field path."""

    def __init__(self, nomination: Nomination, ctx: CheckContext) -> None:
        self.nomination = nomination
        self.ctx = ctx
        self.items: list[Problem] = []

    def add(self, path, message: str, code: str, severity=Severity.ERROR, line: int = 0) -> None:
        path = tuple(path)
        self.items.append(Problem(
            self.nomination.rel,
            line or self.nomination.line_of(path),
            dotted(path),
            self.ctx.schema.label(path) if path else "",
            message,
            severity,
            code,
        ))


def check(nomination: Nomination, ctx: CheckContext) -> list[Problem]:
    """Every problem of one loaded nomination, sorted by line."""
    found = _Findings(nomination, ctx)
    meta = nomination.meta
    for error in ctx.schema.errors(meta):
        path, message = translate(error, ctx.schema, meta)
        found.add(path, message, f"schema.{error.validator or 'false'}")
    _check_place(found)
    _check_unit(found)
    _check_dates(found)
    _check_reviewer(found)
    _check_consent(found)
    _check_images(found)
    _check_visible(found)
    _check_body(found)
    _check_placeholder(found)
    return sorted(found.items, key=lambda p: (p.line, p.field))


def _suggested_slug(name: str) -> str:
    # A name that is not UTF-8 reaches Python as surrogates, which the slug library warns about.
    return slugify(name.encode("utf-8", "replace").decode("utf-8")) or "ten-bai-viet"


def _check_place(found: _Findings) -> None:
    """The file's folders say its month and its state; both must agree with the front matter."""
    nomination, ctx = found.nomination, found.ctx
    meta = nomination.meta
    state = ctx.repo.state_folder(nomination.path)
    slug = nomination.slug
    if not SLUG.match(slug):
        found.add((), (
            f"tên tệp \"{nomination.path.name}\" phải là chữ thường không dấu, nối bằng dấu "
            f"gạch ngang, ví dụ \"{_suggested_slug(slug)}.md\""
        ), "file.slug", line=1)
    if state is None:
        return
    folder, _ = os.path.split(os.path.abspath(nomination.path))
    base, month = os.path.split(folder)
    if base != ctx.repo.folder_of(state) or not Period.match(month):
        found.add((), (
            f"tệp phải nằm trong thư mục tháng: content/{state}/YYYY-MM/{nomination.path.name}"
        ), "file.folder", line=1)
    elif isinstance(meta.get("period"), str) and meta["period"] != month:
        found.add(("period",), (
            f"kỳ giới thiệu \"{meta['period']}\" không khớp thư mục tháng \"{month}\": sửa "
            f"period thành {month} hoặc chuyển tệp vào content/{state}/{meta['period']}/"
        ), "place.period")
    review = nomination.review
    current = State.of(state, review.get("decision"))
    if current is State.UNAPPROVED:
        found.add(("review",), (
            "bài trong content/published/ phải có dấu thẩm định \"review\" với decision: approved; "
            "đơn vị không tự chuyển tệp vào đây: hãy chuyển lại về content/nominations/, Hội đồng "
            f"thông qua bằng lệnh \"{hints.scripts('approve')}\""
        ), "state.unapproved")
    elif current is State.APPROVED_UNMOVED:
        found.add(("review", "decision"), (
            "phiếu có khối review của một bài đã được thông qua (approved) nhưng vẫn nằm trong "
            "content/nominations/ (có lẽ chép từ một bài đã đăng): hãy xóa khối review (từ dòng "
            "\"review:\" đến hết các dòng thụt lề bên dưới); Hội đồng sẽ ghi khi thẩm định"
        ), "state.approved-unpublished")
    elif current in (State.RETURNED, State.WITHDRAWN):
        what = "trả lại để bổ sung" if current is State.RETURNED else "gỡ khỏi chuyên mục"
        found.add(("review", "decision"), (
            f"đã được Hội đồng {what} ngày {review.get('on')} ({review.get('by')}): "
            f"{review.get('reason', '')}".rstrip(": ")
        ), f"state.{current.code}", Severity.NOTE)


def _check_unit(found: _Findings) -> None:
    unit = found.nomination.unit_id
    if unit is None or unit in found.ctx.units:
        return
    close = found.ctx.units.suggest(unit)
    hint = f"; có phải ý bạn là \"{close[0]}\"?" if close else (
        "; xem danh sách mã đơn vị trong schema/units.yaml"
    )
    found.add(("submitted_by",), f"không có đơn vị mã \"{unit}\" trong danh mục{hint}", "unit.unknown")


def _value(meta: dict, path: tuple):
    for part in path:
        if not isinstance(meta, dict):
            return None
        meta = meta.get(part)
    return meta


def _check_dates(found: _Findings) -> None:
    meta, today = found.nomination.meta, found.ctx.today
    for path in _DATE_FIELDS:
        day = clock.parse_date(_value(meta, path))
        if day and day > today:
            found.add(path, f"ngày {day.isoformat()} ở tương lai (hôm nay là {today.isoformat()})",
                      "date.future")
    submitted = found.nomination.submitted_on
    reviewed = clock.parse_date(_value(meta, ("review", "on")))
    if submitted and reviewed and reviewed < submitted:
        found.add(("review", "on"), (
            f"ngày thẩm định {reviewed.isoformat()} trước ngày gửi {submitted.isoformat()}"
        ), "date.order")
    period = Period.match(found.nomination.period)
    if submitted and period and Period.of(submitted) < period:
        found.add(("submitted_on",), (
            f"ngày gửi {submitted.isoformat()} trước kỳ giới thiệu {period}"
        ), "date.before-period", Severity.WARNING)


def _check_reviewer(found: _Findings) -> None:
    """``review.by`` names a person of the council registry serving on the decision date."""
    review = found.nomination.review
    by, day = review.get("by"), clock.parse_date(review.get("on"))
    if not isinstance(by, str) or day is None:
        return  # missing or malformed: the schema already says so
    member = found.ctx.council.person(by)
    if member is None:
        found.add(("review", "by"), (
            f"\"{by}\" không có trong danh sách Thường trực Hội đồng (schema/council.yaml); "
            "ghi đúng họ tên thành viên đã ra quyết định"
        ), "review.not-member")
    elif not member.serves_on(day):
        found.add(("review", "by"), (
            f"{member.name} không làm nhiệm vụ trong Hội đồng ngày {day.isoformat()} "
            f"(nhiệm kỳ {member.period})"
        ), "review.out-of-office")


def _check_consent(found: _Findings) -> None:
    meta = found.nomination.meta
    nominee = meta.get("nominee") if isinstance(meta.get("nominee"), dict) else {}
    consent = meta.get("consent") if isinstance(meta.get("consent"), dict) else {}
    if nominee.get("kind") != "ca-nhan":
        return
    # Only a real "false": a word such as "có" is a type error, explained by the schema message.
    if consent and consent.get("publish") is False:
        found.add(("consent", "publish"), (
            "cá nhân chưa đồng ý cho đăng bài (publish phải là true); không thể giới thiệu khi "
            "chưa có sự đồng ý (Nghị định 13/2023/NĐ-CP)"
        ), "consent.publish")
    if consent.get("personal_data") is not True:
        shown = [key for key in ("birth_year", "gender") if key in nominee]
        if meta.get("images"):
            shown.append("images")
        for key in shown:
            path = ("nominee", key) if key != "images" else ("images",)
            found.add(path, (
                "sẽ không được công bố vì người được giới thiệu chưa đồng ý công bố thông tin cá "
                "nhân (consent.personal_data: true)"
            ), "consent.personal-data", Severity.WARNING)


def _image_problem(src: str, ctx: CheckContext) -> str | None:
    """Why an image path is refused, or None when it names a sound image inside content/."""
    if _SCHEME.match(src) or src.startswith("//"):
        return "ảnh phải là tệp trong kho (đường dẫn tương đối), không phải địa chỉ web hay data:"
    posix = PurePosixPath(src.replace("\\", "/"))
    if posix.is_absolute() or re.match(r"^[A-Za-z]:", src):
        return "đường dẫn ảnh phải tương đối, tính từ thư mục content/ (ví dụ images/2026-11/anh.jpg)"
    if ".." in posix.parts:
        return "đường dẫn ảnh không được chứa \"..\": ảnh phải nằm trong thư mục content/"
    if posix.suffix.lower() not in IMAGE_SUFFIXES:
        kinds = ", ".join(sorted(IMAGE_SUFFIXES))
        return f"chỉ nhận ảnh {kinds} (không nhận {posix.suffix or 'tệp không có đuôi'})"
    try:
        # The path as written: the build reads exactly this one (a "\\" is refused there too).
        photo_library(ctx.repo).check(src)
    except NotAnImage as err:
        return str(err)
    return None


def _check_images(found: _Findings) -> None:
    images = found.nomination.meta.get("images")
    if not isinstance(images, list):
        return
    for index, image in enumerate(images):
        if isinstance(image, dict) and isinstance(image.get("src"), str):
            why = _image_problem(image["src"], found.ctx)
            if why:
                found.add(("images", index, "src"), why, "image.src")


_HIDDEN = (
    "có dấu cách không ngắt hoặc ký tự vô hình (thường do dán từ Word); chạy "
    f"\"{hints.validate(fix=True)}\" để bỏ"
)


_BLANK = "chỉ có dấu cách hoặc ký tự vô hình, không có chữ nào; hãy điền nội dung"


def _curly(rel: str) -> str:
    return (
        "giá trị nằm trong ngoặc kép cong “…” của Word, ngoặc sẽ hiện trên trang; chạy "
        f"\"{hints.validate(rel, fix=True)}\" để bỏ"
    )


def _check_visible(found: _Findings) -> None:
    nomination = found.nomination
    values = nomination.texts
    plain = nomination.plain
    if plain or visible.all_plain([text for _, text in values]):
        for path, text in values:
            # An ordinary file holds no invisible character: a blank value is white space.
            if text and (not text.strip() if plain else visible.is_blank(text)):
                found.add(path, _BLANK, "text.blank")
            elif visible.is_curly_quoted(text):
                found.add(path, _curly(nomination.rel), "text.curly-quotes", Severity.WARNING)
        values = []
    for path, text in values:
        bad = visible.forbidden(text)
        if bad:
            found.add(path, bad[1], "text.invisible")
            continue
        if text and visible.is_blank(text):
            found.add(path, _BLANK, "text.blank")
            continue
        if visible.has_harmless(text):
            found.add(path, _HIDDEN, "text.hidden", Severity.WARNING)
        if visible.is_curly_quoted(text):
            found.add(path, _curly(nomination.rel), "text.curly-quotes", Severity.WARNING)
    body = nomination.body
    if plain or visible.all_plain([body]):
        return
    bad = visible.forbidden(body, tab_allowed=True)
    if bad:
        found.add((), bad[1], "text.invisible", line=nomination.body_line + body.count("\n", 0, bad[0]))
    elif visible.has_harmless(body):
        offset = next(i for i, char in enumerate(body) if visible.has_harmless(char))
        found.add((), _HIDDEN, "text.hidden", Severity.WARNING,
                  line=nomination.body_line + body.count("\n", 0, offset))


def _check_body(found: _Findings) -> None:
    nomination = found.nomination
    body = nomination.body
    # Splitting stops once the minimum is passed: bodies are long, only a short one is counted whole.
    words = len(body.split(maxsplit=MIN_BODY_WORDS))
    if not body.strip():
        found.add((), "chưa có nội dung bài viết sau dòng \"---\" đóng phần đầu", "body.missing",
                  line=nomination.end_line)
        return
    if words < MIN_BODY_WORDS:
        blank = len(body) - len(body.lstrip("\n"))
        found.add((), (
            f"nội dung bài viết quá ngắn ({words} từ); cần ít nhất {MIN_BODY_WORDS} từ kể lại "
            "việc làm, thành tích"
        ), "body.short", line=nomination.body_line + blank)
    for finding in findings(body):
        found.add((), finding.message, finding.code, line=nomination.body_line + finding.offset)


def _check_placeholder(found: _Findings) -> None:
    """The template's instruction paragraph left in the story would be published as its text."""
    nomination = found.nomination
    opening = PLACEHOLDER.split("\n", 1)[0]
    for offset, line in enumerate(nomination.body.split("\n")):
        if line.strip() == opening:
            found.add((), (
                "đoạn hướng dẫn của mẫu phiếu (\"Viết bài ở đây, bằng Markdown: …\") vẫn còn trong "
                "bài: hãy xóa đoạn đó, chỉ để lại bài viết của đơn vị"
            ), "body.placeholder", line=nomination.body_line + offset)
            return


@dataclass
class FileResult:
    rel: str
    problems: list[Problem]
    legacy_text: str | None = None
    nomination: Nomination | None = None


def check_file(path: Path, ctx: CheckContext, keep: bool = False) -> FileResult:
    """Load and check one file; ``keep`` returns the loaded nomination too.

    A static page of content/pages/ is checked by the page rules (the same body rules). A file
    another Pelican reader would take ("x.html", "x.markdown") is refused by its name alone."""
    if path.suffix.lower() != ".md":
        return FileResult(ctx.repo.relative(path), _with_suffix(path, ctx.repo.relative(path), []))
    if ctx.repo.is_page(path):
        page = load_page(path, ctx.repo)
        return FileResult(page.rel, _with_suffix(path, page.rel, page.problems))
    result: LoadResult = load(path, ctx.repo)
    problems = list(result.problems)
    if result.nomination is not None:
        problems.extend(check(result.nomination, ctx))
    problems.sort(key=lambda p: (p.line, p.severity is not Severity.ERROR))
    rel = result.nomination.rel if result.nomination else ctx.repo.relative(path)
    return FileResult(
        rel, _with_suffix(path, rel, problems), result.legacy_text, result.nomination if keep else None
    )


def sound_nominations(paths: list[Path], ctx: CheckContext) -> tuple[list[Nomination], list[str]]:
    """The nominations of ``paths`` that have no error, and one line for each file left out.

    Every consumer of published stories (site, forward bundle, radio) reads through this, so a
    file the validator refuses is never forwarded or read on air either.
    """
    sound, skipped = [], []
    for result in check_files(paths, ctx, keep=True):
        errors = [p for p in result.problems if p.is_error]
        if result.nomination is None or errors:
            first = errors[0] if errors else None
            why = first.described if first else "không đọc được tệp"
            skipped.append(f"{result.rel}: có lỗi ({why}); chạy \"{hints.validate(result.rel)}\"")
        else:
            sound.append(result.nomination)
    return sound, skipped


def _with_suffix(path: Path, rel: str, problems: list[Problem]) -> list[Problem]:
    if path.suffix == ".md":
        return problems
    stem = path.name.rstrip(". ").rpartition(".")[0] or path.stem
    return [Problem(
        rel, 1, "", "", f"đuôi tệp phải là \".md\" viết thường (không phải \"{path.name[len(stem):]}\"): "
        f"hãy đổi tên thành {stem}.md, nếu không tệp sẽ bị bỏ qua khi dựng trang",
        Severity.ERROR, "file.suffix",
    ), *problems]


def slug_problems(paths: Iterable[Path], repo: Repo, every_file: list[Path] | None = None) -> list[Problem]:
    """A slug (the file name) names one story: it must be unique across both state folders.

    ``every_file`` is the list of all content files when the caller has it already.
    """
    owners: dict[str, list[str]] = defaultdict(list)
    for path in every_file if every_file is not None else repo.content_files():
        owners[path.stem].append(os.path.abspath(path))
    problems = []
    for path in paths:
        same = owners.get(path.stem, ())
        if len(same) < 2 and os.path.abspath(path) in same:
            continue
        others = [p for p in same if p != os.path.abspath(path)]
        if others:
            names = ", ".join(repo.relative(Path(p)) for p in others)
            problems.append(Problem(
                repo.relative(path), 1, "", "",
                f"tên tệp \"{path.stem}\" đã được dùng ở {names}; mỗi bài cần một tên riêng",
                Severity.ERROR, "file.duplicate-slug",
            ))
    return problems


def link_problems(repo: Repo) -> list[Problem]:
    """Every symbolic link under content/, file or folder: through one, a file from anywhere on
    the machine could be read as content or published."""
    problems = []
    walked = [(str(repo.root), [repo.content.name], [])]  # content/ itself, then what is under it
    for folder, names, files in [*walked, *os.walk(repo.content)]:
        for name in sorted(names + files):
            path = Path(folder) / name
            if path.is_symlink():
                problems.append(Problem(
                    repo.relative(path), 1, "", "",
                    "là liên kết tượng trưng (symlink); trong content/ chỉ được có tệp và thư mục "
                    "thật: hãy xóa liên kết và đặt tệp thật", Severity.ERROR, "file.symlink",
                ))
    return problems


def generated_problems(repo: Repo) -> list[Problem]:
    """A file of output/ or cache/ that git tracks: the build would use or publish it."""
    return [Problem(path, 1, "", "", generated.refusal(path), Severity.ERROR, "file.generated")
            for path in generated.committed(repo.root)]


def check_files(
    paths: list[Path], ctx: CheckContext, jobs: int | None = None, every_file: list[Path] | None = None,
    keep: bool = False,
) -> list[FileResult]:
    """Load and check ``paths``, on every core for large sets; results keep the order of ``paths``.

    The rules across files (a slug used twice) are added, so a caller sees what validate sees."""
    results = fork_map(functools.partial(check_file, ctx=ctx, keep=keep), paths, jobs)
    by_rel = {result.rel: result for result in results}
    for problem in slug_problems(paths, ctx.repo, every_file):
        by_rel[problem.path].problems.insert(0, problem)
    return results
