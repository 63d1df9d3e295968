"""A story's Markdown → HTML that is safe to publish: rendered once, then sanitized with an allowlist.

Contributor text is untrusted (DESIGN §6). The checker already refuses raw HTML and unsafe link
schemes in ``published/``; sanitizing here is the second wall, and the one that decides what
reaches readers: only the tags below survive, links keep only http(s), mailto and relative
addresses, and every event handler or style attribute is dropped. No image survives: photos
are declared in images: and published only as processed variants (scripts/images/), under the
consent rule; an <img> in the body would bypass both.
"""

from __future__ import annotations

import re

import nh3
from markdown import Markdown

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
EXTENSIONS = ["markdown.extensions.tables", "markdown.extensions.sane_lists"]

LINK_REL = "noopener noreferrer"
# A link whose address the sanitizer dropped (javascript:, data:…) is left as <a rel="…">, which
# HTML does not allow (rel needs href): it loses its rel and stays plain text. Only an attribute
# is removed after the sanitizer, never one added.
_DEAD_LINK = f'<a rel="{LINK_REL}">'
_HEADING = re.compile(r"<(/?)h([1-6])\b")


class Renderer:
    """One Markdown instance for a whole build (reset between stories): creating one per
    file, as Pelican's own reader does, costs more than converting a short story."""

    def __init__(self) -> None:
        self._md = Markdown(extensions=EXTENSIONS, output_format="html")

    def render(self, text: str, top: int = 3) -> str:
        self._md.reset()
        return sanitize(self._md.convert(text), top)


def sanitize(html: str, top: int = 2) -> str:
    """Allowlist-clean ``html``; its headings start at level ``top``, under the page's own.

    A story's body sits in a section titled by an <h2>, so its "# " and "## " become <h3>;
    a static page's body sits under the page's <h1>.
    """
    html = _shift_headings(html, top)
    clean = nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
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
