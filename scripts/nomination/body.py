"""The rules of a story's body, judged on the tokens of the renderer's own parser.

A regex over Markdown source cannot tell a link from a code span or a tag split across lines;
the parser that renders the page can. The bounds come first and are checked in one linear pass,
so that no body reaches the parser with a shape that makes it slow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from scripts.publishing.render import INTRASITE, MAX_NESTING, browser_view, parser

MAX_BODY_CHARS = 150_000
"""About 25,000 words: far above any story (400-800 words), far below what slows the build."""
MAX_BLOCK_CHARS = 8_000
"""A paragraph, list or table written without a blank line. markdown-it-py's cost inside one
block can grow with the square of its length on hostile input ("[" repeated); bounding the block
keeps a whole body linear. Ordinary paragraphs are a tenth of this."""

MAX_OPEN_BRACKETS = 6
"""Prose rarely opens more than two brackets at once."""
MAX_TABLE_BARS = 2_000
"""A table of 50 rows and 8 columns has 450 "|". markdown-it-py spends about 14 µs on each
(the costliest shape per character there is): 150,000 characters of tables took 1 s to check."""

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}
_PELICAN_WORDS = re.compile(
    r"[{|]\s*(?:static|attach|filename|category|index|author|tag|tags|categories|authors|"
    r"archives|article|page|draft)\s*[}|]", re.IGNORECASE,
)
INTRASITE_HELP = (
    "không dùng cú pháp liên kết nội bộ của Pelican ({static}, {attach}, {filename}, |static|…): "
    "ảnh khai báo trong trường images: ở phần đầu tệp; liên kết đến bài khác viết địa chỉ của bài "
    "trên trang (ví dụ https://…/bai/ten-bai/)"
)
_IMAGE_LOOKALIKE = re.compile(r"!\[[^\[\]]*\][ \t]*[(\[]")
"""No "[" inside: with it, each of 4,000 escaped "!\\[" scanned to the end of its block (quadratic)."""
_TEXT_TOKENS = frozenset({"text", "code_inline", "fence", "code_block"})
_SCANNER = parser(html=True)
_SCANNER.validateLink = lambda url: True  # the checker sees every address, and names the bad ones


@dataclass(frozen=True)
class BodyFinding:
    offset: int
    """Line within the body, from 0."""
    message: str
    code: str


def _blocks(body: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of every run of non-blank lines, in one pass."""
    start, lines = None, []
    for number, line in enumerate(body.split("\n")):
        if line.strip():
            if start is None:
                start, lines = number, []
            lines.append(line)
        elif start is not None:
            yield start, "\n".join(lines)
            start = None
    if start is not None:
        yield start, "\n".join(lines)


_BRACKETS = re.compile(r"\\.|[\[\]()]")


def _open_brackets(block: str) -> int:
    """The deepest nesting of "[" and "(" in ``block`` (a closer with no opener is ignored).

    markdown-it-py looks for the end of a link label or address from every opener still open, so
    its time grows with (openers left open) × (length of the block): bounding both keeps it linear.
    """
    depth = {"[": 0, "(": 0}
    deepest = 0
    for match in _BRACKETS.finditer(block):
        char = match.group(0)
        if char in depth:
            depth[char] += 1
            deepest = max(deepest, depth[char])
        elif char in ")]":
            opener = "(" if char == ")" else "["
            depth[opener] = max(depth[opener] - 1, 0)
    return deepest


def bounds(body: str) -> list[BodyFinding]:
    if len(body) > MAX_BODY_CHARS:
        return [BodyFinding(0, (
            f"nội dung bài quá dài ({len(body):,} ký tự, tối đa {MAX_BODY_CHARS:,}); hãy rút gọn "
            "bài viết".replace(",", ".")
        ), "body.too-long")]
    if body.count("|") > MAX_TABLE_BARS:
        return [BodyFinding(body.count("\n", 0, body.index("|")), (
            f"bảng quá lớn (hơn {MAX_TABLE_BARS:_} dấu \"|\" trong bài); hãy rút gọn bảng hoặc "
            "viết thành danh sách".replace("_", ".")
        ), "body.table-too-large")]
    if len(body) <= MAX_BLOCK_CHARS and body.count("[") + body.count("(") <= MAX_OPEN_BRACKETS:
        return []  # no block can be longer than the body, or nest more brackets than it has
    found = []
    for start, block in _blocks(body):
        if len(block) > MAX_BLOCK_CHARS:
            found.append(BodyFinding(start, (
                f"đoạn văn quá dài ({len(block):,} ký tự liền nhau không có dòng trống, tối đa "
                f"{MAX_BLOCK_CHARS:,}); hãy chia thành nhiều đoạn bằng một dòng trống".replace(",", ".")
            ), "body.block-too-long"))
        elif block.count("[") + block.count("(") > MAX_OPEN_BRACKETS and \
                _open_brackets(block) > MAX_OPEN_BRACKETS:
            found.append(BodyFinding(start, (
                f"đoạn văn có quá nhiều dấu ngoặc \"[\" hoặc \"(\" mở mà chưa đóng (hơn "
                f"{MAX_OPEN_BRACKETS}); hãy đóng ngoặc hoặc bỏ bớt"
            ), "body.brackets"))
    return found


def findings(body: str) -> list[BodyFinding]:
    """Every problem of ``body`` as the renderer would see it; bounds first."""
    found = bounds(body)
    if found or not _may_matter(body):
        return found
    return parsed_findings(body)


def parsed_findings(body: str) -> list[BodyFinding]:
    """The findings of the parser's tokens (``findings`` calls this only when it can matter)."""
    found: list[BodyFinding] = []
    line = 0
    env: dict = {}
    for token in _SCANNER.parse(body, env):
        if token.map:
            line = token.map[0]
        if token.level >= MAX_NESTING - 2:
            return [*found, BodyFinding(line, (
                "danh sách hoặc trích dẫn lồng nhau quá sâu; hãy viết phẳng hơn"
            ), "body.nesting")]
        found.extend(_token(token, line))
        for child in token.children or ():
            found.extend(_token(child, line))
    for reference in env.get("references", {}).values():
        # A definition that nothing uses makes no token; it is refused all the same.
        href = reference.get("href", "")
        where = body.find("]:")
        for finding in _address(href, body.count("\n", 0, where) if where >= 0 else 0):
            if finding not in found:
                found.append(finding)
    return found


_MARKUP_OF_INTEREST = ("<", "[", "{", "|")
_LINE_PREFIX = re.compile(rf"\n[ \t>*+\-0-9.)]{{{MAX_NESTING // 2},}}")
"""A line's prefix, after its newline: a pattern that starts with a literal character lets the
regular-expression engine jump from newline to newline (``(?m)^`` tries every position)."""


def _may_matter(body: str) -> bool:
    """Whether parsing can find anything: a tag, link, image or Pelican syntax needs one of
    ``_MARKUP_OF_INTEREST``, and each level of nesting needs at least one character of a line's
    prefix (indentation, ">" or a list marker). Most stories have neither, and skip the parse."""
    if any(char in body for char in _MARKUP_OF_INTEREST):
        return True
    prefixes = _LINE_PREFIX.finditer("\n" + body)
    deepest = max((len(m.group(0)[1:].expandtabs(4)) for m in prefixes), default=0)
    return deepest >= MAX_NESTING - 2


def _token(token, line: int) -> Iterator[BodyFinding]:
    if token.type in ("html_block", "html_inline"):
        yield BodyFinding(line, (
            f"nội dung có mã HTML \"{_first_tag(token.content)}\"; HTML không được đăng, hãy viết "
            "bằng Markdown (ví dụ **đậm**, [liên kết](https://…))"
        ), "body.html")
    elif token.type == "image" or (token.type == "text" and _IMAGE_LOOKALIKE.search(token.content)):
        # Photos only through images: (consent, alt, credit and checks in one place). Text that
        # only looks like an image ("![a] (b)" renders as itself) is refused too: its writer
        # meant a photo, and would otherwise publish the Markdown as it is.
        yield BodyFinding(line, (
            "ảnh không được chèn trong nội dung bài; hãy khai báo ảnh trong trường images: "
            "(src: images/YYYY-MM/ten-anh.jpg, alt, credit) ở phần đầu tệp"
        ), "body.image")
    elif token.type == "link_open":
        yield from _address(str(token.attrGet("href") or ""), line)
        if mentions_intrasite(str(token.attrGet("title") or "")):
            # Pelican's replacer matches 'href="{static}…"' written inside any attribute.
            yield BodyFinding(line, INTRASITE_HELP, "body.intrasite")
    elif token.type in _TEXT_TOKENS:
        # A fence's info string ("```{ .x onclick=… }") is read by other renderers too.
        yield from _text(f"{token.info}\n{token.content}" if token.info else token.content, line)


def _text(text: str, line: int) -> Iterator[BodyFinding]:
    """What is text to this parser may be a link to another: the forward bundle's Markdown goes to
    renderers that take "[a](javascript:x// y)" or a definition inside a paragraph as links."""
    if _PELICAN_WORDS.search(text):
        yield BodyFinding(line, INTRASITE_HELP, "body.intrasite")
    elif found := _ATTRIBUTE_LIST.search(text):
        yield BodyFinding(line, (
            f"nội dung có \"{found.group(0)[:40]}\": thuộc tính HTML viết theo kiểu Markdown mở rộng "
            "({: …=…}) không được đăng; hãy bỏ, chỉ viết bằng Markdown thường"
        ), "body.html")
    elif found := _SCRIPT_ADDRESS.search(browser_view(text)):
        yield BodyFinding(line, (
            f"nội dung có địa chỉ \"{found.group(0)}…\" không được phép: liên kết chỉ dùng http(s), "
            "mailto hoặc đường dẫn tương đối"
        ), "body.link")


def _first_tag(html: str) -> str:
    head, closed, _ = html.strip().partition(">")
    return (head + closed)[:40]


_SCRIPT_ADDRESS = re.compile(r"(?:java|vb|live)script:|data:[a-z]+/", re.IGNORECASE)
"""Addresses that run code or carry a page, which no story's text has a reason to spell."""
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*=[^{}\n]*\}")
"""Python-Markdown's attribute lists ("{: onclick=…}", "{style=…}"), which give HTML attributes to
the element before them when the forward bundle's Markdown is rendered with its "extra"."""
_OTHER_HOST = re.compile(r"[/\\]{2}")
"""An address of another host without a scheme: browsers read "\\" as "/" in web addresses."""


def mentions_intrasite(text: str) -> bool:
    """Pelican's intrasite syntax anywhere in ``text``, in any spelling a browser decodes."""
    target = browser_view(text)
    return bool(INTRASITE.match(target) or _PELICAN_WORDS.search(target))


def _address(href: str, line: int) -> Iterator[BodyFinding]:
    target = browser_view(href)
    if INTRASITE.match(target) or _PELICAN_WORDS.search(target):
        yield BodyFinding(line, INTRASITE_HELP, "body.intrasite")
        return
    scheme = _SCHEME.match(target)
    if (scheme and scheme.group(1).lower() not in _SAFE_SCHEMES) or _OTHER_HOST.match(target):
        yield BodyFinding(line, (
            f"liên kết \"{target[:60]}\" không được phép: chỉ dùng http(s), mailto hoặc đường dẫn "
            "tương đối"
        ), "body.link")
