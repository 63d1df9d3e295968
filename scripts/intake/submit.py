"""An issue opened from the form → a nomination file, or one comment saying what to fix.

The send date is GitHub's clock when the issue was opened (or last edited), in the ward's time
zone: the contributor cannot set it. The file is written where ``new`` would write it, checked by the same
checker as every file, and removed again (with its photos) when anything is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.common.clock import WARD_TIMEZONE
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.vietnamese import nfc, short_date, slugify
from scripts.images.container import NotAnImage
from scripts.intake import photos
from scripts.intake.answers import Answers, read
from scripts.intake.attachments import AttachmentError, Fetcher, is_attachment, word_attachment
from scripts.intake.form import FORM_PATH, label
from scripts.intake.issue_body import answers
from scripts.intake.questions import BODY, QUESTIONS, WORD_LABEL
from scripts.nomination.checker import CheckContext, check_file, slug_problems
from scripts.nomination.problems import Problem, Severity
from scripts.reports.submissions import DEADLINE_DAY, deadline


@dataclass
class Outcome:
    comment: str
    path: Path | None = None
    """The nomination written, None when the issue must be edited first."""
    title: str = ""
    written: list[Path] = field(default_factory=list)


def sent_on(event: dict) -> dt.date:
    """The day GitHub received this version of the issue, in Vietnam.

    An edit is a new sending: the pull-request check of send dates holds every pushed file to the
    day of its push, so an issue fixed days later is dated the day it was fixed.
    """
    issue = event["issue"]
    stamp = issue.get("updated_at") if event.get("action") == "edited" else None
    received = dt.datetime.fromisoformat(str(stamp or issue["created_at"]).replace("Z", "+00:00"))
    return received.astimezone(WARD_TIMEZONE).date()


def form_elements(repo: Repo) -> list[dict]:
    form = yaml.safe_load((repo.root / FORM_PATH).read_text(encoding="utf-8"))
    return [element for element in form["body"] if "id" in element]


def _ordered(meta: dict, properties: list[str]) -> dict:
    """Keys in the schema's order, so every file reads the same way."""
    return {key: meta[key] for key in sorted(meta, key=lambda k: properties.index(k)
                                             if k in properties else len(properties))}


def render(meta: dict, body: str, ctx: CheckContext) -> str:
    top = _ordered(meta, ctx.schema.properties(()))
    for key, value in top.items():
        if isinstance(value, dict):
            top[key] = _ordered(value, ctx.schema.properties((key,)))
    front = yaml.safe_dump(top, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n{body.strip()}\n"


def _label_of(problem: Problem, ctx: CheckContext) -> str:
    """The form's label for the field a problem is about."""
    parts = problem.field.split(".") if problem.field else []
    best = None
    for question in QUESTIONS:
        path = [str(p) for p in question.path]
        longer = best is None or len(path) > len(best.path)
        if question.path != BODY and parts[:len(path)] == path and longer:
            best = question
    if best is None:
        title = next(q for q in QUESTIONS if q.id == "title")
        best = title if problem.code.startswith("file.") else next(q for q in QUESTIONS if q.path == BODY)
    return label(best, ctx.schema)


def _store_photos(found: Answers, ctx: CheckContext, slug: str, period: str, fetch: Fetcher,
                  written: list[Path]) -> list[tuple[str, str]]:
    """Fetch, judge and store each photo; (label, what to fix) for each one refused."""
    notes, images = [], []
    photo_label = label(next(q for q in QUESTIONS if q.id == "images"), ctx.schema)
    for number, photo in enumerate(found.photos, 1):
        if photo.data is None and not is_attachment(photo.url):
            notes.append((photo_label, f"ảnh thứ {number}: chỉ nhận ảnh được kéo thả vào ô (tải lên "
                          "GitHub), không nhận địa chỉ của trang khác"))
            continue
        try:
            data = photo.data if photo.data is not None else fetch(photo.url)
            suffix = photos.accept(data)
        except (AttachmentError, NotAnImage) as err:
            notes.append((photo_label, f"ảnh thứ {number}: {err}"))
            continue
        target = ctx.repo.content / "images" / period / f"{slug}-{number}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as out:  # "x": never replace a photo already in the repository
            out.write(data)
        written.append(target)
        image = {"src": target.relative_to(ctx.repo.content).as_posix()}
        if photo.alt:
            image["alt"] = nfc(photo.alt)
        if found.credit:
            image["credit"] = nfc(found.credit)
        images.append(image)
    if images:
        found.meta["images"] = images
    return notes


def _refusal(notes: list[tuple[str, str]]) -> str:
    lines = [f"- **{name}**: {message}" for name, message in notes]
    return (
        f"**Phiếu chưa được nhận**: còn {len(notes)} điều cần sửa. Bấm **Edit** (biểu tượng ba chấm "
        "→ Edit) ở phiếu, sửa các ô dưới đây rồi bấm **Update comment**; kiểm tra sẽ tự chạy lại.\n\n"
        + "\n".join(lines) + "\n"
    )


def _welcome(rel: str, day: dt.date, period: str, warnings: list[tuple[str, str]]) -> str:
    text = (
        f"**Phiếu hợp lệ.** Đã lập tệp `{rel}`; ngày gửi theo đồng hồ của GitHub: {short_date(day)}. "
        "Pull request cho Hội đồng thẩm định được mở (hoặc cập nhật khi sửa phiếu) và gắn với phiếu này.\n"
    )
    if day >= deadline(Period.parse(period)):
        text += (f"\nLưu ý: phiếu gửi từ ngày {DEADLINE_DAY} trở đi nên được tính là gửi muộn cho kỳ "
                 f"{period}.\n")
    if warnings:
        text += "\nCần xem lại (không chặn việc gửi):\n\n" + "\n".join(
            f"- **{name}**: {message}" for name, message in warnings) + "\n"
    return text


def submit(event: dict, ctx: CheckContext, fetch: Fetcher) -> Outcome:
    """Read the issue of ``event`` (issues opened/edited) into a nomination file, or refuse it."""
    issue = event["issue"]
    body = issue.get("body") or ""
    day = sent_on(event)
    word = word_attachment(body)
    if word is not None:
        # python-docx loads on use: every other command would otherwise pay for its import.
        from scripts.intake.docx_form import NotAForm, read_docx

        try:
            found = read_docx(fetch(word), ctx.schema, ctx.units, day)
        except (AttachmentError, NotAForm) as err:
            return Outcome(_refusal([(WORD_LABEL, str(err))]))
        return file_nomination(found, ctx, day, fetch)
    if f"### {WORD_LABEL}" in body:
        return Outcome(_refusal([(WORD_LABEL, "chưa có tệp phiếu Word: kéo thả tệp đuôi .docx vào ô "
                                  "(tệp .doc cũ hãy mở bằng Word và lưu lại thành .docx)")]))
    values, missing = answers(body, form_elements(ctx.repo))
    if len(missing) > len(QUESTIONS) // 2:
        return Outcome(_refusal([("Phiếu", "nội dung không theo mẫu phiếu; hãy mở phiếu mới bằng "
                                  "New issue → Giới thiệu gương điển hình")]))
    return file_nomination(read(values, ctx.schema, ctx.units, day), ctx, day, fetch)


def file_nomination(found: Answers, ctx: CheckContext, day: dt.date, fetch: Fetcher) -> Outcome:
    """Write the nomination the answers describe and check it; remove it again when refused."""
    notes = list(found.notes)
    meta = found.meta
    title = nfc(" ".join(str(meta.get("title") or "").split()))
    slug = slugify(title)
    period = meta.get("period")
    if not Period.match(period):
        notes.append((label(next(q for q in QUESTIONS if q.id == "period"), ctx.schema),
                      f"\"{period}\" không đúng dạng YYYY-MM (ví dụ {Period.of(day)})"))
    if not slug:
        notes.append((label(QUESTIONS[0], ctx.schema), "cần tiêu đề có chữ để đặt tên tệp"))
    if notes and (not slug or not Period.match(period)):
        return Outcome(_refusal(notes))
    target = ctx.repo.nominations / period / f"{slug}.md"
    taken = [path for path in ctx.repo.content_files() if path.stem == slug]
    if taken:
        notes.append((label(QUESTIONS[0], ctx.schema), f"đã có bài cùng tên tệp "
                      f"({ctx.repo.relative(taken[0])}); hãy đặt tiêu đề khác"))
        return Outcome(_refusal(notes))
    written: list[Path] = []
    try:
        notes += _store_photos(found, ctx, slug, period, fetch, written)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as out:
            out.write(render(meta, nfc(found.body), ctx))
        written.append(target)
        result = check_file(target, ctx)
        problems = slug_problems([target], ctx.repo) + result.problems
    except BaseException:
        _remove(written)
        raise
    errors = [(_label_of(p, ctx), p.message) for p in problems if p.severity is Severity.ERROR]
    if notes or errors:
        _remove(written)
        return Outcome(_refusal(notes + errors))
    warnings = [(_label_of(p, ctx), p.message) for p in problems if p.severity is Severity.WARNING]
    rel = ctx.repo.relative(target)
    return Outcome(_welcome(rel, day, period, warnings), target, title, written)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
