"""The HTML reports in Debian's Chromium: no sideways scrolling on a phone, A4 pages when printed."""

from __future__ import annotations

import re

import pytest

from tests.site.conftest import browser_type_launch_args  # noqa: F401  (Debian's Chromium)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def reports(november, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("html")
    paths = {}
    for name, when in (("month", ("--month", "2026-11")), ("year", ("--year", "2026"))):
        target = folder / f"{name}.html"
        result = november.cli("report", *when, "--format", "html", "--out", str(target))
        assert result.code == 0, result.err
        paths[name] = target.as_uri()
    return paths


@pytest.mark.parametrize("width", [375, 724, 1280])
@pytest.mark.parametrize("name", ["month", "year"])
def test_report_fits_the_screen_without_sideways_scrolling(page, reports, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(reports[name])
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} report is {overflow} px wider than a {width} px screen"
    too_wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
        ".map(e => e.tagName + ' ' + e.textContent.slice(0, 40))"
    )
    assert too_wide == []
    # On a phone a table row reads as a card, every value with its column's name; wide, a table.
    cell = page.locator("tbody tr").first.locator("td").nth(2)
    label = page.evaluate("(e) => getComputedStyle(e, '::before').content", cell.element_handle())
    assert label == ('"Đơn vị: "' if width < 1024 else "none")


def test_report_prints_on_a4_with_the_document_header(page, reports):
    page.goto(reports["month"])
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('thead tr')).position") == "static"
    pdf = page.pdf(prefer_css_page_size=True)
    # A4 is 595 x 842 points (210 x 297 mm).
    assert set(re.findall(rb"/MediaBox \[0 0 (\d+)\.?\d* (\d+)\.?\d*\]", pdf)) == {(b"594", b"841")}
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    head = page.locator(".doc-head")
    motto, issuer = head.locator(".motto").bounding_box(), head.locator(".issuer").bounding_box()
    assert issuer["x"] < motto["x"], "issuing body on the left, national motto on the right"
    assert abs(issuer["y"] - motto["y"]) < 2
