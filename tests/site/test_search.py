"""Search in a real browser over the column plus stories written to tempt Pagefind's ranking.

tests/site/data_search/ adds Bà Nguyễn Thị Lan's story (her name is in the title and the facts,
not in the body), a second blood-donation story and a first-aid story whose body is full of
"hiền" and "cầm máu". The sample column already has a story full of "tình nguyện", "Thị" and
"lần" (all "nguyen thi lan" to a reader typing without marks).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.site.conftest import build, make_site_repo, serve

DATA = Path(__file__).parent / "data_search"
LAN = "Bà Nguyễn Thị Lan trả lại túi xách có 15 triệu đồng cho người đánh rơi"
DONG = "Anh Lê Minh Đông 32 lần hiến máu tình nguyện cứu người"
CLUB = "Câu lạc bộ hiến máu tình nguyện phường Ninh Hà, năm năm không để ca mổ nào thiếu máu"
FIRST_AID = "Cô giáo Trần Thị Nga mở lớp sơ cứu miễn phí cho học sinh và phụ huynh"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def search_url(tmp_path_factory, browser_type_launch_args):
    repo = make_site_repo(tmp_path_factory.mktemp("search") / "repo")
    shutil.copytree(DATA, repo / "content", dirs_exist_ok=True)
    result = build(repo)
    assert result.code == 0, result.err
    with serve(repo / "output") as url:
        yield url


def typed(page, search_url, query: str) -> list[str]:
    """Types ``query`` key by key, never pressing Enter, and returns the result titles."""
    page.goto(search_url + "/tim-kiem/")
    page.locator("#q").press_sequentially(query, delay=20)
    page.wait_for_function("(q) => document.getElementById('search-status').textContent.includes(q)",
                           arg=query)
    return page.locator("#search-results h2 a").all_inner_texts()


def test_results_come_as_you_type(page, search_url):
    titles = typed(page, search_url, "nguyen thi lan")
    assert titles[0] == LAN
    assert DONG in titles, "a page matching other words is still listed, lower"
    assert "q=nguyen+thi+lan" in page.url, "the address keeps the query, to share or come back to"


def test_blood_donation_stories_come_first(page, search_url):
    titles = typed(page, search_url, "hien mau")
    assert set(titles[:2]) == {DONG, CLUB}
    assert FIRST_AID in titles[2:]


def result_of(page, title: str) -> str:
    return page.locator("#search-results li", has=page.locator("h2 a", has_text=title)).inner_text()


def test_each_result_says_where_it_matched(page, search_url):
    typed(page, search_url, "nguyen thi lan")
    assert "Khớp ở: tên, tiêu đề" in result_of(page, LAN)
    typed(page, search_url, "cam mau")
    assert "Khớp ở: nội dung bài" in result_of(page, FIRST_AID)
    typed(page, search_url, "ban rau")
    assert "Khớp ở: tóm tắt, nội dung bài" in result_of(page, LAN)


def test_folded_d_matches_in_the_name(page, search_url):
    titles = typed(page, search_url, "duc")
    assert titles[0] == "Ông Nguyễn Văn Đức trả lại túi tiền cho người đánh rơi"
    assert "Khớp ở: tên, tiêu đề" in result_of(page, titles[0])
