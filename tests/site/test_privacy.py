"""What must never reach output/: private fields, personal data without consent, pending
nominations, and contributors' scripts. The test stories in tests/site/data carry markers."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from scripts.publishing.render import browser_view
from tests.site.conftest import output_files, readable_text

PROBE = "bai/kiem-tra-ma-doc-va-thong-tin-rieng/index.html"

PRIVATE_MARKERS = [
    "bimatnguoilap",  # contact.name
    "3999 777",  # contact.phone
    "bimat.lienhe",  # contact.email
    "bimatthamdinh",  # review.by
    "bimatbienban",  # review.ref
    "bimatghichu",  # review.note
    "bimatlichsu",  # review.history (the decisions before the last)
    "matkhaudexuat",  # proposal.note
    "bimatanhcanhan",  # the credit of a photo withheld for lack of consent
    "chuathamdinh",  # every field of a pending nomination
]


@pytest.fixture(scope="module")
def everything(site):
    return {path: readable_text(path).lower() for path in output_files(site)}


def test_markers_exist_in_the_sources(site_repo):
    sources = "".join(p.read_text("utf-8") for p in (site_repo / "content").rglob("*.md")).lower()
    for marker in PRIVATE_MARKERS:
        assert marker in sources, marker


@pytest.mark.parametrize("marker", PRIVATE_MARKERS)
def test_private_value_appears_nowhere_in_output(everything, marker):
    found = [str(path) for path, text in everything.items() if marker in text]
    assert not found, f"{marker!r} in {found}"


def test_search_index_was_scanned(everything):
    index = [path for path in everything if "/pagefind/" in str(path) and path.suffix == ".pf_fragment"]
    assert index, "the Pagefind fragments are part of the scan"
    assert any("lê minh đông" in everything[path] for path in index)


def test_personal_data_without_consent_is_withheld(site):
    page = (site / PROBE).read_text("utf-8")
    assert "1911" not in page
    assert "Giới tính" not in page and "Năm sinh" not in page
    assert "<img" not in page.split("<main")[1]
    assert not (site / "images/2026-11/vuon-rau-cua-be.png").exists()


def test_personal_data_with_consent_is_shown(site):
    page = (site / "bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/index.html").read_text("utf-8")
    assert "<dt>Năm sinh</dt><dd>1986</dd>" in page


def test_pending_nominations_reach_no_file(site, site_repo):
    pending = [p.stem for p in (site_repo / "content/nominations").rglob("*.md")]
    assert len(pending) >= 2
    names = "\n".join(str(p) for p in output_files(site))
    texts = "\n".join(readable_text(p) for p in output_files(site))
    for slug in pending:
        assert slug not in names and slug not in texts, slug
    assert "nominations" not in names


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_payloads_in_title_and_body_are_neutralised(site):
    for path in [site / PROBE, site / "index.html", site / "linh-vuc/chuyen-doi-so/index.html"]:
        html = path.read_text("utf-8")
        parser = Elements()
        parser.feed(html)
        scripts = [attrs for tag, attrs in parser.tags if tag in ("script", "iframe", "svg")]
        # The one script is the theme's own (the service worker's registration), never a sender's.
        assert scripts == [[("src", scripts[0][0][1]), ("defer", None)]], path
        assert scripts[0][0][1].endswith("/theme/js/offline.js"), path
        for tag, attrs in parser.tags:
            for name, value in attrs:
                assert not name.startswith("on"), f"{path}: <{tag} {name}>"
                if name in ("href", "src"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", unescape(value or ""), re.I), value
    page = (site / PROBE).read_text("utf-8")
    title = page.split("<h1>")[1].split("</h1>")[0]
    assert title.startswith("Kiểm tra &lt;script&gt;alert("), "the title is shown as text"
    assert "&lt;img src=x onerror=alert(1)&gt;" in title
    assert 'href="https://example.vn/trang"' in page and 'href="mailto:hop-thu@example.vn"' in page
    assert "<code>&lt;script&gt;alert(7)&lt;/script&gt;</code>" in page


class ActiveParts(HTMLParser):
    """Every element or attribute of a page that can run, send or redirect."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("iframe", "frame", "object", "embed", "base", "applet"):
            self.found.append(f"<{tag}>")
        if tag == "script" and not re.search(r"/theme/js/(offline|search)\.js$", values.get("src") or ""):
            self.found.append(f"<script {values}>")
        equiv = (values.get("http-equiv") or "content-security-policy").lower()
        if tag == "meta" and equiv != "content-security-policy":
            self.found.append(f"<meta http-equiv={equiv}>")
        if tag == "form" and values.get("id") != "search-form":
            self.found.append("<form>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}>")
            if name in self.URL_ATTRIBUTES and re.match(
                r"(?:java|vb)script:|data:|[{|]", browser_view(unescape(value or "")), re.I
            ):
                self.found.append(f"<{tag} {name}={value!r}>")


def test_no_page_or_feed_carries_anything_that_runs_sends_or_redirects(everything):
    """Every HTML file, and the HTML inside every feed entry: the contributor's payloads in the test
    stories (title, summary, name, body) show as text, and every page carries the policy."""
    probe = ActiveParts()
    probe.feed('<a href="java&#x09;script:x" onclick="y"><meta http-equiv="refresh"><form action="z">')
    assert len(probe.found) == 4, probe.found  # the scan itself sees what it looks for
    checked = 0
    for path, text in everything.items():
        if path.suffix == ".html":
            parts = [text]
            assert 'http-equiv="content-security-policy"' in text, path
        elif path.suffix == ".xml" and "/feeds/" in str(path):
            parts = [unescape(entry) for entry in re.findall(r"<content[^>]*>(.*?)</content>", text, re.S)]
        else:
            continue
        for part in parts:
            parser = ActiveParts()
            parser.feed(part)
            assert not parser.found, (path, parser.found)
            checked += 1
    assert checked > 60
