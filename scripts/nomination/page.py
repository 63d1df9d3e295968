"""A static page of content/pages/: Pelican's "Key: value" header, then a Markdown body.

Pages are written by the ward's editors, but they are contributor text all the same: the same
file rules (a regular file, not a link; UTF-8) and the same body and visible-text rules as a
story, so that validate, the pull-request check and the build refuse the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.common.repo import Repo
from scripts.nomination import visible
from scripts.nomination.body import findings
from scripts.nomination.decoding import NotUtf8, decode
from scripts.nomination.loader import read_regular
from scripts.nomination.problems import Problem, Severity

HEADER_KEYS = {"title", "summary", "template"}
"""What a page's header may say: what the page is, never where or how Pelican writes it (a
page's "Save_as: index.html" replaced the home page, "Slug: bai/…" a story, "Template:
article" stopped the build)."""
TEMPLATES = {"page", "about"}
"""The theme's templates made for a page."""


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
        bad = visible.forbidden(value)
        if bad:
            add(number, bad[1], "text.invisible")
        name = key.strip().lower()
        if name not in HEADER_KEYS:
            add(number, f"phần đầu trang không nhận dòng \"{key.strip()[:40]}:\"; chỉ dùng "
                "Title:, Summary: và Template: (page hoặc about); địa chỉ trang lấy từ tên tệp",
                "page.header")
        elif name == "template" and value.strip() not in TEMPLATES:
            add(number, f"Template: \"{value.strip()[:40]}\" không phải mẫu của trang tĩnh; dùng "
                "page hoặc about", "page.header")
        else:
            page.meta[name] = value.strip()
    if not visible.without_invisible(page.meta.get("title", "")).strip():
        add(1, "trang cần dòng \"Title: …\" có chữ", "page.title")
    bad = visible.forbidden(body, tab_allowed=True)
    if bad:
        add(body_line + body.count("\n", 0, bad[0]), bad[1], "text.invisible")
    for finding in findings(body):
        add(body_line + finding.offset, finding.message, finding.code)
    page.body = body
    return page
