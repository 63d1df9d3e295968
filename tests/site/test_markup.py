"""Sanitizing, heading levels, image sizes and the search words: the plugin's small parts."""

from __future__ import annotations

import pytest

from scripts.site.markup import Renderer, sanitize
from scripts.site.story import folded_words


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
    # Photos reach pages only through images: (consent, processing): never from the body.
    assert "<img" not in html and "images/2026-11/a.png" not in html
    assert 'rel="noopener noreferrer"' in html


def test_a_link_whose_address_was_dropped_keeps_no_rel():
    """HTML allows rel only beside href: the Nu checker rejects <a rel> (test_nu_validator)."""
    html = sanitize('<p><a href="javascript:alert(1)">x</a> <a href="https://example.vn/">y</a></p>')
    assert "<a>x</a>" in html
    assert '<a href="https://example.vn/" rel="noopener noreferrer">y</a>' in html


def test_story_headings_start_under_the_story_section():
    html = Renderer().render("# Một\n\ntext\n\n## Hai\n\n### Ba\n")
    assert "<h3>Một</h3>" in html and "<h4>Hai</h4>" in html and "<h5>Ba</h5>" in html
    assert "<h2>Hai</h2>" in sanitize("<h2>Hai</h2>")


def test_renderer_is_reusable_between_stories():
    renderer = Renderer()
    renderer.render("[a]: https://example.vn/a\n\n[x][a]")
    assert "example.vn/a" not in renderer.render("[x][a]"), "reference definitions leak across stories"


def test_folded_words_fold_d_bar_and_tones():
    words = folded_words(["Ông Nguyễn Văn Đức", "Tổ dân phố Đông Hải đã làm được"]).split()
    assert {"duc", "dong", "da", "duoc"} <= set(words)
    assert "nguyen" not in words, "only words with đ are needed: Pagefind folds the rest itself"
    assert len(words) == len(set(words))


def test_an_unexpected_error_in_a_story_becomes_a_problem_that_stops_the_build(monkeypatch, repo):
    from pelican.settings import DEFAULT_CONFIG

    from scripts.site import reader as reader_module

    def broken(*args, **kwargs):
        raise KeyError("role")

    monkeypatch.setenv("DIEN_HINH_TODAY", "2026-11-27")
    monkeypatch.setattr(reader_module, "build_story", broken)
    settings = {**DEFAULT_CONFIG, "PATH": str(repo / "content"), "MARKDOWN": {}}
    reader = reader_module.NominationReader(settings)
    path = next((repo / "content" / "published").rglob("*.md"))
    prepared = reader.prepare(path)
    assert prepared.story is None
    [problem] = prepared.result.problems
    assert problem.is_error and problem.code == "site.unexpected" and "KeyError" in problem.message
