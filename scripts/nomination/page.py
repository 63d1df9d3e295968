"""A static page of content/pages/: Pelican's "Key: value" header, then a Markdown body.

Pages are written by the ward's editors, but they are contributor text all the same: the same
file rules (a regular file, not a link; UTF-8) and the same body and visible-text rules as a
story, so that validate, the pull-request check and the build refuse the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.common.repo import Repo
from scripts.common.vietnamese import SLUG, slugify
from scripts.nomination import visible
from scripts.nomination.body import INTRASITE_HELP, findings, mentions_intrasite
from scripts.nomination.decoding import NotUtf8, decode
from scripts.nomination.loader import read_regular
from scripts.nomination.problems import Problem, Severity

HEADER_KEYS = ("title", "summary", "template")
"""What a page's header may set. Pelican acts on every other key it knows: Save_as and Url write
the page over the home page, a story or a feed; Slug, Lang, Translation, Status and Date move or
hide it. None of that is a page's to decide."""
TEMPLATES = ("page", "about")
"""The theme's templates made for a page; any other (a story's, the poster's) breaks the build."""


@dataclass
class Page:
    rel: str
    meta: dict[str, str] = field(default_factory=dict)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)


def load_page(path: Path, repo: Repo) -> Page:
    rel = repo.relative(path)
    page = Page(rel)

    def add(line: int, message: str, code: str) -> None:
        page.problems.append(Problem(rel, line, "", "", message, Severity.ERROR, code))

    if not SLUG.match(path.stem):
        # Pelican makes the address from the name: "..md" or "!!.md" would give none (the page is
        # dropped without a word), "Trang Chủ.md" one the editor did not write.
        add(1, f"tên tệp \"{path.name}\" phải là chữ thường không dấu, nối bằng dấu gạch ngang, "
            f"ví dụ \"{slugify(path.stem) or 'ten-trang'}.md\"", "file.slug")
    raw = read_regular(path, repo, page.problems)
    if raw is None:
        return page
    try:
        text = decode(raw).text
    except NotUtf8 as err:
        add(err.line, "tệp không phải UTF-8; hãy lưu lại với bảng mã UTF-8", "encoding.unknown")
        return page
    head, _, body = text.partition("\n\n")
    body_line = head.count("\n") + 3
    for number, line in enumerate(head.split("\n"), 1):
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            add(number, "phần đầu trang phải là các dòng \"Tên: giá trị\" (Title: …), rồi một dòng "
                "trống trước nội dung", "page.header")
            return page
        name = key.strip().lower()
        if name not in HEADER_KEYS:
            add(number, f"phần đầu trang không được có dòng \"{key.strip()[:40]}:\"; chỉ dùng "
                "Title, Summary và Template (địa chỉ trang theo tên tệp)", "page.header-key")
            continue
        if name == "template" and value.strip() not in TEMPLATES:
            add(number, f"Template \"{value.strip()[:40]}\" không có: chỉ dùng "
                + " hoặc ".join(TEMPLATES), "page.template")
            continue
        bad = visible.forbidden(value)
        if bad:
            add(number, bad[1], "text.invisible")
        if mentions_intrasite(value):
            # Pelican rewrites such addresses in a page's summary as in its body.
            add(number, INTRASITE_HELP, "body.intrasite")
        page.meta[name] = value.strip()
    if visible.is_blank(page.meta.get("title", "")):
        add(1, "trang cần dòng \"Title: …\" có chữ", "page.title")
    bad = visible.forbidden(body, tab_allowed=True)
    if bad:
        add(body_line + body.count("\n", 0, bad[0]), bad[1], "text.invisible")
    for finding in findings(body):
        add(body_line + finding.offset, finding.message, finding.code)
    page.body = body
    return page
