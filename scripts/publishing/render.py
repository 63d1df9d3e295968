"""Contributor Markdown → HTML that is safe to publish: one renderer and one sanitizer.

Every consumer that publishes a body (story pages, static pages, feeds, the forward bundle)
renders through ``render``, so they cannot disagree about what reaches readers. The parser is
markdown-it-py (CommonMark), chosen over Python-Markdown because Python-Markdown takes seconds
to minutes on short hostile bodies (10 KB of "[" took 10 s); see ``limits`` for the bounds that
keep markdown-it-py fast too.

Raw HTML is never parsed as HTML here (``html: False`` turns it into visible text), and the
result is still sanitized with an allowlist: only the tags below survive, links keep only
http(s), mailto and relative addresses, and a link in Pelican's intrasite syntax ({static},
|filename|…) loses its address. No image survives: photos come only from ``images:``.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt

TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "blockquote",
    "ul", "ol", "li", "a",
    "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "sup", "sub",
})
ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_NESTING = 20
"""Blocks and inline markup nested deeper than this are not parsed as markup (markdown-it-py's
own bound); the checker refuses a body that reaches it, so nothing is dropped silently."""

INTRASITE = re.compile(r"^\s*(?:\{[^}]*\}|\|[^|]*\|)")
"""Pelican's intrasite syntax at the start of an address, as Pelican's INTRASITE_LINK_REGEX."""
LINK_REL = "noopener noreferrer"
# A link whose address the sanitizer dropped (javascript:, data:, {static}…) is left as
# <a rel="…">, which HTML does not allow (rel needs href): it loses its rel and stays plain text.
# Only an attribute is removed after the sanitizer, never one added.
_DEAD_LINK = f'<a rel="{LINK_REL}">'
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def parser(html: bool = False) -> MarkdownIt:
    """The one Markdown dialect: CommonMark plus tables.

    ``html=True`` is for the checker only: raw HTML then comes out as its own tokens, so that it
    can be refused with a clear message, while the renderer shows the same text as text.
    """
    md = MarkdownIt("commonmark", {"html": html, "maxNesting": MAX_NESTING}).enable("table")
    return md


_RENDERER = parser()


def render(text: str, top: int = 3) -> str:
    """Sanitized HTML of ``text``; its headings start at level ``top``.

    A story's body sits in a section titled by an <h2>, so its "# " and "## " become <h3>;
    a static page's body sits under the page's <h1> (``top=2``).
    """
    return sanitize(_RENDERER.render(text), top)


_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(map(chr, range(0x21)))


def browser_view(href: str) -> str:
    """``href`` as a browser would act on it after any renderer: percent and character references
    decoded (``&#x0000006A;`` of any length, which CommonMark leaves for the browser), tabs and line
    breaks removed and leading control characters and spaces dropped, as the URL standard does.

    The site's renderer encodes such addresses harmlessly, but the forward bundle hands the same
    Markdown to whatever renders it next: "<java\\tscript:…>" (a tab inside) is a live link there.
    """
    target = href
    for _ in range(3):  # an entity can spell another one ("&amp;#106;")
        decoded = html.unescape(unquote(target))
        if decoded == target:
            break
        target = decoded
    return _URL_IGNORED.sub("", target).lstrip(_URL_LEADING)


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and INTRASITE.match(browser_view(value)):
        return None
    return value


def sanitize(html: str, top: int = 2) -> str:
    """Allowlist-clean ``html`` with its headings shifted to start at ``top``."""
    clean = nh3.clean(
        _shift_headings(html, top),
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_attribute,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return clean.replace(_DEAD_LINK, "<a>")


def _shift_headings(html: str, top: int) -> str:
    levels = sorted({int(level) for _, level in _HEADING.findall(html)})
    if not levels:
        return html
    shift = top - levels[0]
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}", html)
