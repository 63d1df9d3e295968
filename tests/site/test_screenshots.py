"""``make screenshots``: every page type at a phone's and a desktop's width, as PNG files.

Not part of ``make test`` (pyproject's addopts deselect the ``screenshots`` marker): these write
files for people to look at. The column is built with its public address set to the local
server's, as ``make publish`` would build it, so the poster carries its QR code. Files go to
screenshots/ at the repository's root (ignored by git), or to $SCREENSHOTS_DIR.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.conftest import build, free_port, make_site_repo, serve

pytestmark = pytest.mark.screenshots

DONG = "bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/"
DUC = "bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/"
PAGES = {
    "trang-chu": "",
    "bai-co-anh": DONG,
    "bai-khong-anh": DUC,
    "danh-sach": "linh-vuc/y-te/",
    "theo-ten": "theo-ten/",
    "tim-kiem": "tim-kiem/?q=hien+mau",
    "ban-in": DONG + "in/",
}
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def public_url(tmp_path_factory):
    port = free_port()
    repo = make_site_repo(tmp_path_factory.mktemp("screenshots") / "repo", extra=False)
    url = f"http://127.0.0.1:{port}"
    result = build(repo, conf="publishconf.py", env={"SITEURL": url})
    assert result.code == 0, result.err
    with serve(repo / "output", port) as served:
        yield served


@pytest.fixture(scope="module")
def folder() -> Path:
    target = Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "screenshots")
    target.mkdir(parents=True, exist_ok=True)
    return target


def show_every_image(page) -> None:
    """Load the lazy photos now (a full-page picture shows them all), then wait for them and the fonts."""
    page.evaluate(
        "() => document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager' })"
    )
    page.wait_for_function(
        "() => [...document.images].every(img => img.complete) && document.fonts.status === 'loaded'"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(page, public_url, folder, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{public_url}/{PAGES[name]}")
    if "q=" in PAGES[name]:
        page.locator("#search-results li").first.wait_for()
    show_every_image(page)
    path = folder / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_poster_as_printed(page, public_url, folder):
    """The poster as the printer sees it: the PDF Chromium prints, and print styles on an A4-wide
    window (794 px: 210 mm at 96 px an inch; a screenshot has no page margins)."""
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.goto(f"{public_url}/{DONG}in/")
    show_every_image(page)
    path = folder / "ban-in-a4.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    pdf = folder / "ban-in-a4.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
