"""Real-browser tests: Playwright driving Debian's Chromium over the built column.

The site is served on 127.0.0.1 and Chromium found as ``tests/site/conftest.py`` says.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

DUC = "Ông Nguyễn Văn Đức trả lại túi tiền cho người đánh rơi"
DONG = "Anh Lê Minh Đông 32 lần hiến máu tình nguyện cứu người"

pytestmark = pytest.mark.browser


@pytest.fixture
def console_errors(page):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_home_then_follow_a_story(page, site_url, console_errors):
    page.goto(site_url + "/")
    first = page.locator(".card h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/bai/**")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".nominee").is_visible()
    assert not console_errors


@pytest.mark.parametrize(("query", "title"), [("duc", DUC), ("dong", DONG), ("Đức", DUC), ("hien mau", DONG)])
def test_search_without_diacritics_reaches_the_story(page, site_url, console_errors, query, title):
    page.goto(site_url + "/tim-kiem/")
    page.fill("#q", query)
    page.press("#q", "Enter")
    link = page.locator("#search-results h2 a", has_text=title)
    link.wait_for(timeout=15000)
    assert "Tìm thấy" in page.locator("#search-status").inner_text()
    # Each result shows the story's summary, never the index-only folded words ("duc dong da…").
    result = page.locator("#search-results li", has=page.locator("h2 a", has_text=title)).inner_text()
    assert len(result) > len(title) + 60
    assert " duc " not in f" {result} " and " dong " not in f" {result} "
    link.click()
    page.wait_for_url("**/bai/**")
    assert page.locator("h1").inner_text() == title
    assert not console_errors, "the page's Content-Security-Policy blocked something"


def test_search_filters_by_field(page, site_url, console_errors):
    page.goto(site_url + "/tim-kiem/")
    page.locator("#linh-vuc option", has_text="Y tế").wait_for(state="attached")
    page.select_option("#linh-vuc", "Y tế")
    page.click("button[type=submit]")
    page.locator("#search-results li").first.wait_for()
    titles = page.locator("#search-results h2 a").all_inner_texts()
    assert DONG in titles and DUC not in titles
    assert "linh-vuc=" in page.url
    assert not console_errors


@pytest.mark.parametrize("path", ["/", "/bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/",
                                  "/muc-luc/", "/tim-kiem/", "/theo-ten/"])
def test_no_horizontal_scroll_at_375_px(page, site_url, path):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site_url + path)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{path} is {width}px wide"


@pytest.mark.parametrize("path", [
    "/", "/bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/", "/linh-vuc/y-te/",
    "/muc-luc/", "/ve-chuyen-muc/", "/tim-kiem/?q=duc",
])
def test_axe_reports_no_violations(page, site_url, path):
    page.goto(site_url + path)
    if "q=" in path:
        page.locator("#search-results li").first.wait_for()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
