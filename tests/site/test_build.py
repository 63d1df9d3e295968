"""The sample column built into a temp folder: fragments of the pages readers see."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from scripts.common.vietnamese import sort_key
from tests.site.conftest import output_files

DUC = "bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/index.html"
DONG = "bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/index.html"


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


class Outline(HTMLParser):
    """Collects text by element for fragment assertions (no whole-page snapshots)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag not in ("img", "meta", "link", "br", "hr", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in set(self.stack):
            self.text.setdefault(tag, []).append(data)

    def joined(self, tag: str) -> str:
        return " ".join(" ".join(self.text.get(tag, [])).split())


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def test_home_lists_newest_first_with_cards(site):
    home = read(site, "index.html")
    assert '<html lang="vi">' in home
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', home)
    assert len(dates) == 12, "the first page holds DEFAULT_PAGINATION cards"
    assert dates == sorted(dates, reverse=True)
    cards = [c.split("</li>")[0] for c in home.split('<li class="card">')[1:]]
    for card in cards:
        for piece in ("<h2><a href=", 'class="who"', 'class="meta"', "<time"):
            assert piece in card
    with_photo = [c for c in cards if '<img src="./images/' in c]
    assert len(with_photo) >= 3
    assert all(re.search(r'alt="[^"]{5,}"', c) for c in with_photo)
    assert (site / "page/2/index.html").is_file()
    assert 'href="./page/2/"' in home


def test_story_page_shows_every_public_part(site):
    page = read(site, DONG)
    text = outline(page)
    assert text.joined("h1") == "Anh Lê Minh Đông 32 lần hiến máu tình nguyện cứu người"
    body = text.joined("main")
    for expected in (
        "Cá nhân được giới thiệu", "Lê Minh Đông", "Chức vụ, nghề nghiệp", "Tổ dân phố Tân Dân",
        "Việc làm cụ thể, thành tích", "Hiệu quả, sức lan tỏa", "Hình thức đã được khen thưởng",
        "Quyết định số 145/QĐ-UBND", "Đơn vị giới thiệu: Hội Chữ thập đỏ phường",
        "Đăng ngày Thứ Sáu, 21/08/2026", "Chia sẻ bài viết", "Bài mới hơn", "Bài trước đó",
    ):
        assert expected in body, expected
    # A photo shows as processed variants (WebP first, JPEG fallback) with its alt text, its
    # size, not lazy but fetched first (it is above the fold, the page's largest picture), and a
    # single "Ảnh:" before the credit.
    assert re.search(r'<source type="image/webp" srcset="../../images/([0-9a-f]{24})/480\.webp 480w, '
                     r'../../images/\1/800\.webp 800w" sizes="[^"]+">\s*'
                     r'<img src="../../images/\1/800\.jpg" srcset="[^"]+" sizes="[^"]+" '
                     r'alt="[^"]{10,}" width="800" height="500" fetchpriority="high" decoding="async">', page)
    assert "<figcaption>Ảnh: Võ Thị Kim Liên" in page
    assert 'href="https://www.facebook.com/sharer/sharer.php?u=' in page
    assert 'href="https://sp.zalo.me/' in page
    assert "<script" not in page, "story pages run no script"


def test_story_body_headings_sit_under_the_story_section(site):
    page = read(site, DONG)
    body = page.split('id="cau-chuyen"')[1]
    assert "<h3>Những cuộc gọi lúc nửa đêm</h3>" in body
    assert "<h1" not in body


def test_listings_by_field_unit_category_month_and_year(site):
    page = read(site, DONG)
    for href in ("../../linh-vuc/y-te/", "../../loai/nguoi-tot-viec-tot/", "../../don-vi/hoi-chu-thap-do/"):
        assert f'href="{href}"' in page
    field = read(site, "linh-vuc/y-te/index.html")
    assert outline(field).joined("h1") == "Y tế"
    assert "Anh Lê Minh Đông 32 lần hiến máu" in field
    assert "../../feeds/linh-vuc/y-te.atom.xml" in field
    month = read(site, "nam/2026/thang-08/index.html")
    assert outline(month).joined("h1") == "Tháng 8/2026"
    assert "Ông Nguyễn Văn Đức trả lại túi tiền" in month
    assert "Dân quân" not in month, "a story of another month"
    year = read(site, "nam/2026/index.html")
    assert 'href="../../nam/2026/thang-10/"' in year
    assert (site / "loai/cach-lam-hay/index.html").is_file()


def test_units_and_names_follow_vietnamese_alphabetical_order(site):
    contents = read(site, "muc-luc/index.html")
    units_section = contents.split('id="theo-don-vi"')[1].split("</section>")[0]
    units = re.findall(r'<a href="[^"]+">([^<]+)</a>', units_section)
    assert len(units) > 3
    assert units == sorted(units, key=sort_key)
    names_page = read(site, "theo-ten/index.html").split('class="names"')[1]
    names = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', names_page)
    assert len(names) > 10
    assert names == sorted(names, key=sort_key)
    # Not code-point order: a name with "Đ" comes before one with "E" (code points put it after "Z").
    starts = [name[0] for name in names]
    assert "Đ" in starts
    if any(name[0] in "EGHKLMNOPQRSTUVXY" for name in names):
        assert names != sorted(names)


def test_urls_are_lowercase_ascii_without_tones(site):
    for path in output_files(site):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        assert re.fullmatch(r"[a-z0-9/._-]+", rel), rel
    assert (site / "bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/index.html").is_file()


def test_every_page_has_language_policy_and_no_other_host(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<html lang="vi">' in html, path
        assert 'http-equiv="Content-Security-Policy"' in html, path
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
            for value in re.findall(rf'<{tag}\b[^>]*\b{attr}="([^"]*)"', html):
                assert not re.match(r"^(https?:)?//", value), f"{path}: {tag} loads {value}"


def test_only_the_search_page_allows_scripts(site):
    search = read(site, "tim-kiem/index.html")
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', search).group(1)
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
    home_policy = re.search(r'Content-Security-Policy" content="([^"]+)"', read(site, "index.html")).group(1)
    assert "script-src" not in home_policy and "default-src 'none'" in home_policy


def test_story_page_weighs_under_50_kb_of_our_own_code(site):
    html = (site / DONG).stat().st_size
    css = sum(p.stat().st_size for p in (site / "theme/css").glob("*.css"))
    assert html + css <= 50 * 1024, html + css


def test_about_page_cites_the_wards_instruction_and_reads_settings(site):
    about = read(site, "ve-chuyen-muc/index.html")
    assert "Văn bản số 124/UBND ngày 31/3/2021 của UBND phường Ninh Hà" in about
    assert "trước ngày 15 hằng tháng" in about
    assert "Hội đồng Thi đua – Khen thưởng thị xã Ninh Hòa" in about
    assert 'href="../ve-chuyen-muc/"' in read(site, "muc-luc/index.html")


def test_404_robots_and_sitemap(site):
    assert "Không tìm thấy trang" in read(site, "404.html")
    assert 'href="/theme/css/site.css"' in read(site, "404.html"), "404 links cannot be relative"
    assert read(site, "robots.txt").startswith("User-agent: *")
    sitemap = read(site, "sitemap.xml")
    duc = "/bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/"
    assert f"<loc>{duc}</loc><lastmod>2026-08-21" in sitemap
    assert "<loc>/linh-vuc/y-te/</loc>" in sitemap


def test_templates_do_not_hard_code_the_ward(tmp_path):
    """Renaming the ward is a settings change: no template names it."""
    from tests.conftest import ROOT

    for template in (ROOT / "theme/templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        for literal in ("Ninh Hà", "Ninh Hòa", "Điển hình tiên tiến"):
            assert literal not in text, f"{template.name} names {literal}"
