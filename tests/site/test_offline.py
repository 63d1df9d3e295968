"""Offline reading in Chromium: the service worker keeps the pages a reader opened.

The network is switched off with Playwright's ``context.set_offline(True)``.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest

from tests.site.conftest import serve

READ = "/bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/"
READ_TITLE = "Anh Lê Minh Đông 32 lần hiến máu tình nguyện cứu người"
NOT_READ = "/bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/"

pytestmark = pytest.mark.browser


@pytest.fixture
def served(site, tmp_path):
    """A copy of the site on a server of its own: this test withdraws a story from it."""
    folder = tmp_path / "output"
    shutil.copytree(site, folder)
    # Files a day old, as on a host: browsers then keep pages in their HTTP cache for a while
    # (heuristic freshness), and the worker must still ask the server.
    day_ago = time.time() - 86400
    for path in folder.rglob("*"):
        os.utime(path, (day_ago, day_ago))
    with serve(folder) as url:
        yield folder, url


@pytest.fixture
def offline_url(served):
    return served[1]


def styled(page) -> bool:
    """The page's own stylesheet applied (served from the worker's cache when offline)."""
    return page.evaluate(
        "() => [...document.styleSheets].some((s) => s.href?.endsWith('/site.css') && s.cssRules.length > 0)"
    )


def test_a_story_read_once_opens_offline_and_others_show_the_offline_page(page, context, offline_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(offline_url + "/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.goto(offline_url + READ)
    assert page.locator("h1").inner_text() == READ_TITLE

    context.set_offline(True)
    try:
        page.goto(offline_url + READ)
        assert page.locator("h1").inner_text() == READ_TITLE
        assert styled(page)
        page.goto(offline_url + "/")
        assert page.locator(".card").count() > 0, "the home page (the shell) is readable offline"
        page.goto(offline_url + NOT_READ)
        assert page.locator("h1").inner_text() == "Không có kết nối mạng"
        assert styled(page)
        assert page.locator("a", has_text="Về trang chủ chuyên mục").get_attribute("href") == "/"
    finally:
        context.set_offline(False)
    page.goto(offline_url + NOT_READ)
    assert page.locator("h1").inner_text().startswith("Ông Nguyễn Văn Đức"), "online again: the network first"
    assert not errors


def test_a_withdrawn_story_leaves_the_readers_cache(page, context, served):
    folder, url = served
    page.goto(url + "/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    page.goto(url + READ)
    shutil.rmtree(folder / READ.strip("/"))  # withdrawn: the next build no longer has it
    response = page.goto(url + READ)
    assert response.status == 404
    context.set_offline(True)
    try:
        page.goto(url + READ)
        assert page.locator("h1").inner_text() == "Không có kết nối mạng"
    finally:
        context.set_offline(False)
