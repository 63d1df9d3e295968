"""The ward-portal layout, built: banner, featured story, cards, story and facts, posters, font, budget."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fontTools.ttLib import TTFont

from tests.site.conftest import build, make_site_repo
from tests.site.test_build import outline, read

DONG = "bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/"
DUC = "bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/"
BUDGET = 100 * 1024
"""Bytes of our own (HTML, CSS, JS, fonts) a reader on a weak mobile network fetches per page."""

# Every letter of Vietnamese, both cases: the font must draw each one itself.
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"


def cards(html: str) -> list[str]:
    return [c.split("</li>")[0] for c in re.split(r'<li class="card[^"]*">', html)[1:]]


def test_banner_names_the_ward_and_the_column_and_home_features_the_newest(site):
    home = read(site, "index.html")
    banner = home.split('<header class="site-header">')[1].split("</header>")[0]
    assert "Ủy ban nhân dân phường Ninh Hà" in banner
    assert '<h1 class="site-name"><a href="./">Điển hình tiên tiến</a></h1>' in banner
    assert 'class="emblem"' not in banner, "no emblem is shipped"
    first, *rest = cards(home)
    assert re.search(r'<li class="card featured( no-photo)?">\s*$', home.split(first)[0])
    newest = max(re.findall(r'<time datetime="([\d-]+)"', home))
    assert f'datetime="{newest}"' in first
    assert all("featured" not in c for c in rest)
    assert 'class="card featured' not in read(site, "page/2/index.html")
    assert 'class="card featured' not in read(site, "linh-vuc/y-te/index.html")
    # The story page's <h1> is its title; the banner's name is then a plain paragraph.
    assert '<p class="site-name">' in read(site, DONG + "index.html")


def test_every_card_has_its_summary_and_a_picture_or_a_placeholder(site):
    home = read(site, "index.html")
    summary = "Ông Nguyễn Văn Đức nhặt được túi xách"
    for card in cards(home) + cards(read(site, "page/2/index.html")):
        assert re.search(r'<p class="summary">[^<]{40,}</p>', card), card
        assert ("<img " in card) != ('class="placeholder" aria-hidden="true"' in card), card
    duc = next(c for c in cards(read(site, "page/2/index.html")) + cards(home) if "Nguyễn Văn Đức" in c)
    assert summary in duc and "<img " not in duc, "a story without a photo gets the placeholder"


def test_story_reads_first_then_its_facts_and_says_its_summary_once(site):
    page = read(site, DONG + "index.html")
    main = page.split('<main id="noi-dung"')[1].split("</main>")[0]
    summary = "Gần 20 năm qua, anh Lê Minh Đông đã 32 lần hiến máu tình nguyện"
    assert main.count(summary) == 1, "the summary is the lead, and only the lead"
    order = [main.index(piece) for piece in (
        'class="lead"', "<figure>", 'id="cau-chuyen"', "Những cuộc gọi lúc nửa đêm", 'class="story-side"',
        "Cá nhân được giới thiệu", "Hình thức đã được khen thưởng", 'class="approval"',
    )]
    assert order == sorted(order)
    approval = outline(main.split('class="approval">')[1].split("</p>")[0]).joined("time")
    assert approval == "21/08/2026"
    assert "Được Thường trực Hội đồng Thi đua – Khen thưởng phường Ninh Hà thẩm định, thông qua ngày" in main
    assert 'href="../../bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/in/"' in main


@pytest.mark.parametrize("story", [DONG, DUC])
def test_every_story_has_an_a4_poster(site, story):
    page = read(site, story + "in/index.html")
    text = outline(page)
    title = outline(read(site, story + "index.html")).joined("h1")
    assert text.joined("h1") == title
    summary = re.search(r'<p class="lead"[^>]*>([^<]+)</p>', read(site, story + "index.html")).group(1)
    assert f'<p class="poster-summary">{summary}</p>' in page
    assert "thẩm định, thông qua ngày" in page
    assert "poster.css" in page and "<script" not in page
    assert f'href="../../../{story}"' in page, "links back to the story"
    assert ("<img " in page) == (story == DONG)
    assert '<svg' not in page, "a local build has no public address to put in a QR code"


def test_posters_for_every_story(site):
    stories = {p.parent for p in (site / "bai").glob("*/index.html")}
    assert len(stories) > 10
    for folder in stories:
        assert (folder / "in/index.html").is_file(), folder


def test_a_published_poster_carries_a_qr_code_of_the_story_address(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    result = build(repo, conf="publishconf.py", search=False, env={"SITEURL": "https://dht.example.vn"})
    assert result.code == 0, result.err
    page = (repo / "output" / DONG / "in/index.html").read_text("utf-8")
    svg = re.search(r'<svg viewBox="0 0 (\d+) \1" class="qr"><title>[^<]+</title>.*?</svg>', page, re.S)
    assert svg, "one inline SVG element, without style attributes the policy would block"
    assert "style=" not in svg.group(0)
    assert f"https://dht.example.vn/{DONG}" in page
    assert f'<link rel="canonical" href="https://dht.example.vn/{DONG}">' in page


def test_the_minutes_number_shows_only_if_the_schema_makes_it_public(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    schema_file = repo / "schema/nomination.schema.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    schema["properties"]["review"]["properties"]["ref"]["x-visibility"] = "public"
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), "utf-8")
    result = build(repo, search=False)
    assert result.code == 0, result.err
    for page in ("index.html", "in/index.html"):
        html = (repo / "output" / DONG / page).read_text("utf-8")
        assert "21/08/2026</time> (Biên bản số 08/BB-HĐTĐKT)." in html


def test_an_emblem_setting_shows_in_the_banner_re_encoded_like_a_photo(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    emblem = "images/2026-10/phan-loai-rac-tai-nguon.png"
    result = build(repo, search=False, extra=["-e", f'WARD_EMBLEM="{emblem}"'])
    assert result.code == 0, result.err
    home = (repo / "output/index.html").read_text("utf-8")
    banner = home.split('<header class="site-header">')[1].split("</header>")[0]
    img = re.search(
        r'<div class="emblem">\s*<picture>.*?<img src="\./(images/[0-9a-f]+/\d+\.(?:jpg|png))"[^>]* alt=""',
        banner, re.S,
    )
    assert img, banner
    assert (repo / "output" / img.group(1)).is_file()
    assert not (repo / "output" / emblem).exists(), "never the source file itself"


@pytest.mark.parametrize(("emblem", "message"), [
    ("images/khong-co.png", "không có tệp này trong thư mục content/"),
    ("../schema/units.yaml", "không có tệp này trong thư mục content/"),
    ("published/2026-08/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi.md",
     "tệp không phải ảnh JPEG, PNG, WebP, GIF hay AVIF"),
])
def test_a_wrong_emblem_setting_stops_the_build_with_a_clear_message(tmp_path, emblem, message):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    result = build(repo, search=False, extra=["-e", f'WARD_EMBLEM="{emblem}"'])
    assert result.code == 1
    assert f"Lỗi: WARD_EMBLEM = '{emblem}': {message}" in result.err
    assert "Traceback" not in result.err


def test_the_font_draws_every_vietnamese_letter_and_ships_its_licence(site):
    fonts = sorted((site / "theme/fonts").glob("*.woff2"))
    assert [f.name for f in fonts] == ["be-vietnam-pro-400.woff2", "be-vietnam-pro-700.woff2"]
    letters = VIETNAMESE + VIETNAMESE.upper() + "0123456789.,:;!?–“”‘’…"
    for font in fonts:
        cmap = TTFont(font).getBestCmap()
        missing = [c for c in letters if ord(c) not in cmap]
        assert not missing, f"{font.name} lacks {missing}"
        # Subset to Latin + Vietnamese: no Cyrillic or Greek travels to readers.
        assert not any(0x0370 <= code <= 0x04FF for code in cmap), font.name
    assert "SIL Open Font License" in (site / "theme/fonts/ofl.txt").read_text("utf-8")
    css = read(site, "theme/css/site.css")
    assert css.count("font-display: swap;") == css.count("@font-face") == 2
    assert "font-src 'self'" in read(site, "index.html")


# One page of each type; the story with a photo is the heaviest story page.
PAGE_TYPES = {
    "home": "index.html", "story": DONG + "index.html", "story without photo": DUC + "index.html",
    "poster": DONG + "in/index.html", "listing": "linh-vuc/y-te/index.html", "year": "nam/2026/index.html",
    "names": "theo-ten/index.html", "contents": "muc-luc/index.html", "search": "tim-kiem/index.html",
    "about": "ve-chuyen-muc/index.html", "404": "404.html",
}


def own_bytes(site: Path, page: str) -> dict[str, int]:
    """What a browser fetches from the column's own code for ``page``: the HTML, its stylesheets
    and scripts (and the modules they import), and the fonts the stylesheets name."""
    html = read(site, page)
    sizes = {page: len(html.encode("utf-8"))}
    base = "/" + page
    queue = [urljoin(base, ref) for ref in re.findall(r'<(?:link rel="(?:stylesheet|preload)"|script)[^>]*'
                                                      r'(?:href|src)="([^"]+)"', html)]
    while queue:
        url = queue.pop()
        path = site / url.lstrip("/")
        if url in sizes or not url.startswith("/theme/"):
            continue  # Pagefind's own files are not ours; everything of ours is under theme/
        sizes[url] = path.stat().st_size
        if path.suffix in (".css", ".js"):
            text = path.read_text("utf-8")
            refs = re.findall(r'url\("?([^")]+\.woff2)"?\)', text) + re.findall(r'from\s+"(\.[^"]+)"', text)
            queue += [urljoin(url, ref) for ref in refs]
    return sizes


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_stays_within_100_kb_of_our_own(site, kind):
    sizes = own_bytes(site, PAGE_TYPES[kind])
    assert any(name.endswith(".woff2") for name in sizes), "the fonts are counted"
    assert sum(sizes.values()) <= BUDGET, sizes
