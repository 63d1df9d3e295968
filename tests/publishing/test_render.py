"""The one renderer and sanitizer of contributor Markdown (site, pages, forward bundle)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from scripts.publishing.render import render, sanitize


@pytest.mark.parametrize(("dirty", "absent"), [
    ("<script>alert(1)</script><p>x</p>", "<script"),
    ('<img src="x.png" onerror="alert(1)" alt="a">', "onerror"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
    ('<img src="data:image/png;base64,AAAA" alt="a">', "data:"),
    ('<p style="background:url(x)">x</p>', "style"),
    ('<iframe src="https://example.vn"></iframe>', "iframe"),
    ('<svg onload="alert(1)"></svg>', "svg"),
    ('<form action="https://example.vn"><input></form>', "<form"),
    ("<!-- ghi chú -->", "ghi chú"),
])
def test_sanitize_drops_what_is_not_allowed(dirty, absent):
    assert absent.lower() not in sanitize(dirty).lower()


def test_sanitize_keeps_safe_links_and_drops_images():
    html = sanitize('<p><a href="https://example.vn/a">a</a> <a href="mailto:x@example.vn">m</a> '
                    '<a href="../b/">b</a> <img src="images/2026-11/a.png" alt="ảnh"></p>')
    assert 'href="https://example.vn/a"' in html
    assert 'href="mailto:x@example.vn"' in html
    assert 'href="../b/"' in html
    assert "<img" not in html, "photos are published only through images:, processed"
    assert 'rel="noopener noreferrer"' in html


def test_a_link_whose_address_was_dropped_keeps_no_rel():
    """HTML allows rel only beside href: the Nu checker rejects <a rel> (test_nu_validator)."""
    html = sanitize('<p><a href="javascript:alert(1)">x</a> <a href="https://example.vn/">y</a></p>')
    assert "<a>x</a>" in html
    assert '<a href="https://example.vn/" rel="noopener noreferrer">y</a>' in html
    assert "<a>z</a>" in render("[z]({static}/nominations/2026-11/a.md)")


def test_story_headings_start_under_the_story_section():
    html = render("# Một\n\ntext\n\n## Hai\n\n### Ba\n")
    assert "<h3>Một</h3>" in html and "<h4>Hai</h4>" in html and "<h5>Ba</h5>" in html
    assert "<h2>Hai</h2>" in sanitize("<h2>Hai</h2>")


def test_reference_definitions_do_not_leak_between_stories():
    render("[a]: https://example.vn/a\n\n[x][a]")
    assert "example.vn/a" not in render("[x][a]"), "reference definitions leak across stories"



@pytest.mark.parametrize("body", [
    "[ảnh]({static}/images/2026-11/a.jpg)",
    "[phiếu]({filename}/nominations/2026-11/b.md)",
    "[x](|static|/nominations/2026-11/b.md)",
    "[x]( {attach}/a.md)",
    "[x][r]\n\n[r]: {category}javascript:alert(1)",
    "<{static}/a.md>",
    "[x](%7Bstatic%7D/a.md)",
])
def test_no_address_in_pelican_intrasite_syntax_survives(body):
    addresses = [unquote(a) for a in re.findall(r'(?:href|src)="([^"]*)"', render(body))]
    assert not [a for a in addresses if a.strip()[:1] in "{|" and a.strip()], addresses


@pytest.mark.parametrize("body", [
    "<script>alert(1)</script>",
    '<meta http-equiv="refresh" content="0;url=https://example.com">',
    "<div\nonclick=alert(1)>x</div>",
    "```\n<script>\n```",
    "<img src=x onerror=alert(1)>",
])
def test_raw_html_comes_out_as_text(body):
    html = render(body)
    assert "<script" not in html and "<meta" not in html and "<div" not in html and "<img" not in html


def test_tables_and_lists_render():
    html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n1. một\n2. hai\n")
    assert "<table>" in html and "<td>1</td>" in html and "<ol>" in html


def test_site_and_bundle_share_one_public_projection():
    """A new public field is two edits: the schema, and PublicStory (both consumers extend it)."""
    from scripts.nomination.public import PublicStory
    from scripts.review.forward import Item
    from scripts.site.story import Story

    assert issubclass(Story, PublicStory)
    assert "story" in Item.__dataclass_fields__
    assert Item.__dataclass_fields__["story"].type in ("PublicStory", PublicStory)
