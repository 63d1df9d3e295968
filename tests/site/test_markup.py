"""Sanitizing, heading levels, image sizes and the search words: the plugin's small parts."""

from __future__ import annotations

import struct
import zlib

import pytest

from scripts.site.images import image_size
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


def test_sanitize_keeps_safe_links_and_images():
    html = sanitize('<p><a href="https://example.vn/a">a</a> <a href="mailto:x@example.vn">m</a> '
                    '<a href="../b/">b</a> <img src="images/2026-11/a.png" alt="ảnh"></p>')
    assert 'href="https://example.vn/a"' in html
    assert 'href="mailto:x@example.vn"' in html
    assert 'href="../b/"' in html
    assert 'src="{static}/images/2026-11/a.png"' in html, "content images become Pelican static links"
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


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def test_image_size_reads_headers(tmp_path):
    (tmp_path / "a.png").write_bytes(png(800, 500))
    assert image_size(tmp_path / "a.png") == (800, 500)
    (tmp_path / "a.gif").write_bytes(b"GIF89a" + struct.pack("<HH", 40, 30) + b"\0" * 10)
    assert image_size(tmp_path / "a.gif") == (40, 30)
    app0 = b"\xff\xe0" + struct.pack(">H", 4) + b"\0\0"
    sof = b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 500, 800) + b"\0" * 6
    jpeg = b"\xff\xd8" + app0 + sof
    (tmp_path / "a.jpg").write_bytes(jpeg)
    assert image_size(tmp_path / "a.jpg") == (800, 500)
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff")
    assert image_size(tmp_path / "broken.jpg") is None
    assert image_size(tmp_path / "missing.png") is None


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
