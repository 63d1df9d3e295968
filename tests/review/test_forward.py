"""forward: marking stories for the level above, and the month's printable bundle."""

from __future__ import annotations

import re
from html import unescape

from tests.review.conftest import cli, revise

LAN = "2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
RAC = "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md"
BY = ("--by", "Lê Văn Bình")


def approve(root, rel, *extra):
    if rel == RAC:  # returned: the unit revises it first
        revise(root, rel)
    done = cli(root, "approve", f"content/nominations/{rel}", *BY, "--ref", "Biên bản số 11/BB-HĐTĐKT",
               "--on", "2026-11-25", *extra)
    assert done.code == 0, done.err


def test_the_bundle_holds_each_forwarded_story_its_reference_date_and_images(basic, tmp_path):
    approve(basic, RAC, "--forward")
    out = tmp_path / "gui"
    done = cli(basic, "forward", "--month", "2026-10", "--out", str(out))
    assert done.code == 0, done.err
    assert done.out.startswith("Đã lập bộ hồ sơ gửi cấp trên kỳ 2026-10: 1 gương.\n")
    html = (out / "gui-cap-tren-2026-10.html").read_text(encoding="utf-8")
    md = (out / "gui-cap-tren-2026-10.md").read_text(encoding="utf-8")
    for text in (html, md):
        assert "Gương điển hình đề nghị Hội đồng Thi đua – Khen thưởng thị xã Ninh Hòa tuyên truyền" in text
        assert "Tổ thu gom rác tự quản: cách làm hay của Tổ dân phố Hòa Thạnh" in text
        assert "Thông qua theo Biên bản số 11/BB-HĐTĐKT, ngày 25 tháng 11 năm 2026." in text
        assert "Tổ dân phố Hòa Thạnh" in text
        assert "khối lượng rác" not in text  # the old returned reason is the council's, not public
    # The photo is the site's re-encoded variant, never the contributor's file.
    found = re.search(r'<img src="(images/[0-9a-f]{24}/\d+\.(?:jpg|png))" alt="Thành viên tổ thu gom', html)
    assert found, html
    assert "@media print" in html
    assert "![Thành viên tổ thu gom rác phân loại rác tái chế tại nhà văn hóa]" \
           f"({found.group(1)})" in md
    source = (basic / "content" / "images" / "2026-10" / "to-thu-gom-rac.png").read_bytes()
    assert (out / found.group(1)).is_file() and (out / found.group(1)).read_bytes() != source


def test_the_bundle_keeps_private_data_out(basic, tmp_path):
    """No contact, and an individual's photo only with consent to publish personal data."""
    approve(basic, LAN, "--forward")
    out = tmp_path / "gui"
    assert cli(basic, "forward", "--month", "2026-11", "--out", str(out)).code == 0
    html = (out / "gui-cap-tren-2026-11.html").read_text(encoding="utf-8")
    assert "Bà Nguyễn Thị Lan trả lại túi xách" in html
    for private in ("Trần Thị Hoa", "0258 3845 123", "ba-lan-tai-cho.png"):
        assert private not in html
    assert not (out / "images").exists()


def test_marking_and_unmarking_only_touch_the_review_block(basic, tmp_path):
    approve(basic, RAC)
    path = basic / "content" / "published" / RAC
    before = path.read_text(encoding="utf-8")
    assert "  forward: false\n" in before
    done = cli(basic, "forward", f"content/published/{RAC}")
    assert done.code == 0, done.err
    assert done.out == f"Đã đánh dấu gửi cấp trên: content/published/{RAC}.\n"
    assert path.read_text(encoding="utf-8") == before.replace("  forward: false\n", "  forward: true\n")
    assert cli(basic, "forward", "--month", "2026-10", "--out", str(tmp_path / "a")).code == 0
    assert cli(basic, "forward", f"content/published/{RAC}", "--remove").code == 0
    assert path.read_text(encoding="utf-8") == before
    done = cli(basic, "forward", "--month", "2026-10", "--out", str(tmp_path / "b"))
    assert done.code == 1
    assert done.err.startswith("Lỗi: kỳ 2026-10 chưa có bài nào được chọn gửi cấp trên")


def test_only_published_stories_can_be_forwarded(basic):
    done = cli(basic, "forward", f"content/nominations/{LAN}")
    assert done.code == 1
    assert "chỉ chọn gửi cấp trên những bài đã được thông qua" in done.err


def test_bad_usage_is_exit_2(basic, tmp_path):
    for args in (["--month", "2026-10"], [], ["--month", "10-2026", "--out", str(tmp_path)]):
        done = cli(basic, "forward", *args)
        assert done.code == 2, args
        assert re.match(r"Lỗi: (dùng|tháng)", done.err)


def test_contributor_text_cannot_inject_markup_into_the_bundle(basic, tmp_path):
    path = basic / "content" / "nominations" / RAC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Tổ thu gom rác tự quản: cách làm hay",
                                 "Tổ thu gom rác <script>alert(1)</script> cách làm hay"), encoding="utf-8")
    approve(basic, RAC, "--forward")
    out = tmp_path / "gui"
    assert cli(basic, "forward", "--month", "2026-10", "--out", str(out)).code == 0
    for name in ("gui-cap-tren-2026-10.html", "gui-cap-tren-2026-10.md"):
        written = (out / name).read_text(encoding="utf-8")
        assert "<script>" not in written
        assert "&lt;script&gt;" in written or "&lt;script>" in written


def test_a_forwarded_story_with_an_error_is_left_out_with_a_message(basic, tmp_path):
    """The bundle reads through the checker: what validate refuses never leaves the ward."""
    approve(basic, RAC, "--forward")
    approve(basic, LAN, "--forward")
    path = basic / "content" / "published" / RAC
    text = path.read_text(encoding="utf-8").replace("submitted_by: ", "submitted_by: khong-co-", 1)
    path.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")
    nov = basic / "content" / "published" / LAN
    (basic / "content" / "published" / "2026-10" / "ban-sao.md").write_text(
        nov.read_text(encoding="utf-8").replace("period: 2026-11", "period: 2026-10"), encoding="utf-8")
    out = tmp_path / "gui"
    done = cli(basic, "forward", "--month", "2026-10", "--out", str(out))
    assert done.code == 0, done.err
    assert "Bỏ qua content/published/2026-10/to-thu-gom-rac-tdp-hoa-thanh.md: có lỗi" in done.err
    for name in ("gui-cap-tren-2026-10.html", "gui-cap-tren-2026-10.md"):
        written = (out / name).read_text(encoding="utf-8")
        assert "alert(1)" not in written and "Tổ thu gom rác tự quản" not in written


def test_when_the_only_forwarded_story_has_an_error_it_is_named(basic, tmp_path):
    approve(basic, RAC, "--forward")
    path = basic / "content" / "published" / RAC
    path.write_text(path.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")

    done = cli(basic, "forward", "--month", "2026-10", "--out", str(tmp_path / "gui"))

    assert done.code == 1
    assert "Bỏ qua content/published/2026-10/to-thu-gom-rac-tdp-hoa-thanh.md: có lỗi" in done.err, done.err


def test_the_bundle_carries_the_sites_content_security_policy(basic, tmp_path):
    from scripts.publishing.policy import SITE_POLICY
    from tests.conftest import ROOT

    approve(basic, RAC, "--forward")
    out = tmp_path / "gui"
    assert cli(basic, "forward", "--month", "2026-10", "--out", str(out)).code == 0
    html = (out / "gui-cap-tren-2026-10.html").read_text(encoding="utf-8")
    policy = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1])
    assert "default-src 'none'" in policy and "script-src" not in policy
    base = (ROOT / "theme" / "templates" / "base.html").read_text(encoding="utf-8")
    assert f"{{% block csp %}}{SITE_POLICY}{{% endblock csp %}}" in base, "one policy for site and bundle"


def test_contributor_fields_stay_text_in_the_bundle_markdown(basic, tmp_path):
    """The site shows a summary or a name as text; in the bundle's Markdown the same value must not
    become a link or an image for whoever renders it next (a phishing link, a tracking pixel)."""
    from markdown_it import MarkdownIt

    path = basic / "content" / "nominations" / RAC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "Tổ thu gom rác tự quản: cách làm hay",
        "Tổ thu gom rác tự quản ![x](https://theo-doi.example/p.png) cách làm hay",
    ).replace("\nsummary: |-\n  ", "\nsummary: |-\n  [Nhận quà](https://lua-dao.example/) ", 1),
        encoding="utf-8")
    approve(basic, RAC, "--forward")
    out = tmp_path / "gui"
    assert cli(basic, "forward", "--month", "2026-10", "--out", str(out)).code == 0
    markdown = (out / "gui-cap-tren-2026-10.md").read_text(encoding="utf-8")
    assert "[Nhận quà]" in markdown.replace("\\", "")
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "lua-dao.example" in rendered and "theo-doi.example" in rendered
    assert 'href="https://lua-dao' not in rendered and 'src="https://theo-doi' not in rendered


def test_a_forwarded_story_whose_name_is_used_twice_is_left_out_as_validate_says(basic, tmp_path):
    """The rules across files count too: validate refuses both files of a slug used twice."""
    approve(basic, RAC, "--forward")
    published = basic / "content" / "published" / RAC
    twin = basic / "content" / "nominations" / "2026-11" / published.name
    twin.parent.mkdir(parents=True, exist_ok=True)
    twin.write_text((basic / "content" / "nominations" / LAN).read_text(encoding="utf-8"), encoding="utf-8")
    assert "file.duplicate-slug" in cli(basic, "validate", "--format", "json").out

    done = cli(basic, "forward", "--month", "2026-10", "--out", str(tmp_path / "gui"))

    assert done.code == 1 and "chưa có bài nào được chọn gửi cấp trên" in done.err
    assert f"Bỏ qua content/published/{RAC}: có lỗi (dòng 1: tên tệp" in done.err


def test_contributor_text_cannot_add_a_remote_image_or_link_to_the_bundles_markdown(basic, tmp_path):
    """An alt text that closes the image's brackets, a credit and a title written in Markdown:
    the bundle's Markdown, read by the renderer the level above uses, shows them as text."""
    from scripts.publishing.render import parser

    path = basic / "content" / "nominations" / RAC
    text = path.read_text(encoding="utf-8")
    text = text.replace("alt: Thành viên tổ thu gom rác phân loại rác tái chế tại nhà văn hóa",
                        "alt: 'Thành viên](https://evil.example/a.png) ![x'")
    text = text.replace("credit: Tổ dân phố Hòa Thạnh",
                        "credit: 'Tổ [bấm](https://evil.example/) ![y](https://evil.example/c.png)'")
    text = text.replace("Tổ thu gom rác tự quản: cách làm hay",
                        "Tổ thu gom rác [tự quản](https://evil.example/t) \\\\![z](//evil.example/t.png)")
    path.write_text(text, encoding="utf-8")
    approve(basic, RAC, "--forward")
    out = tmp_path / "gui"
    assert cli(basic, "forward", "--month", "2026-10", "--out", str(out)).code == 0
    markdown = (out / "gui-cap-tren-2026-10.md").read_text(encoding="utf-8")
    tokens = [child for token in parser().parse(markdown) for child in token.children or ()]
    images = [t.attrGet("src") for t in tokens if t.type == "image"]
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert images and all(src.startswith("images/") for src in images), images
    assert not any("evil" in str(href) for href in links), links
    assert "Thành viên](https://evil.example/a.png) ![x" in unescape(markdown.replace("\\", ""))
