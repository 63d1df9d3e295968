"""The build acts on nothing a contributor can steer: symbolic links and Pelican's intrasite
syntax stop it, and Pelican's own link replacer cannot rewrite a story's HTML whatever the
checker says. Sentinels are searched in every file under output/, Pagefind's included."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.contents import Article
from pelican.settings import read_settings

from scripts.site import check_settings
from tests.conftest import ROOT
from tests.site.conftest import build, make_site_repo, output_files, readable_text

SENTINEL = "bimatmaychu"


def _story(repo: Path) -> Path:
    return sorted((repo / "content" / "published").rglob("*.md"))[0]


def _no_sentinel(repo: Path) -> None:
    output = repo / "output"
    files = output_files(output) if output.is_dir() else []
    found = [path for path in files if SENTINEL in readable_text(path).lower()]
    assert not found, found


def test_symbolic_link_under_content_stops_the_build(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    secret = tmp_path / "secret.txt"
    secret.write_text(f"mật khẩu {SENTINEL}\n", encoding="utf-8")
    (repo / "content" / "images" / "ro-ri.jpg").symlink_to(secret)
    (repo / "content" / "pages" / "ngoai").symlink_to(tmp_path, target_is_directory=True)

    result = build(repo, search=False)

    assert result.code == 1
    assert "content/images/ro-ri.jpg:1: error: là liên kết tượng trưng" in result.err
    assert "content/pages/ngoai:1: error: là liên kết tượng trưng" in result.err
    _no_sentinel(repo)


def test_a_symbolic_link_in_the_theme_stops_the_build(tmp_path):
    """Pelican copies theme/static following links: a file of the machine would be published."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    secret = tmp_path / "secret.txt"
    secret.write_text(f"mật khẩu {SENTINEL}\n", encoding="utf-8")
    (repo / "theme" / "static" / "css" / "in-them.css").symlink_to(secret)

    result = build(repo, search=False)

    assert result.code == 1
    assert "theme/static/css/in-them.css là liên kết tượng trưng (symlink)" in result.err
    _no_sentinel(repo)


def test_validate_names_the_same_links(tmp_path, cli):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    (repo / "content" / "images" / "thu-muc").symlink_to("/etc", target_is_directory=True)
    result = cli("validate", cwd=repo)
    assert result.code == 1
    assert "content/images/thu-muc:1: error: là liên kết tượng trưng" in result.out


def test_intrasite_link_to_a_pending_file_stops_the_build(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    pending = repo / "content" / "nominations" / "2026-11" / "phieu-cho.md"
    pending.parent.mkdir(parents=True, exist_ok=True)
    pending.write_text(f"liên hệ {SENTINEL}\n", encoding="utf-8")
    story = _story(repo)
    story.write_text(story.read_text(encoding="utf-8") + (
        "\nXem [hồ sơ]({static}/nominations/2026-11/phieu-cho.md) và [bản gốc](|attach|x.md).\n"
    ), encoding="utf-8")

    result = build(repo, search=False)

    assert result.code == 1
    assert "không dùng cú pháp liên kết nội bộ của Pelican" in result.err
    _no_sentinel(repo)


def test_a_page_goes_through_the_same_body_rules(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    page = repo / "content" / "pages" / "ve-chuyen-muc.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<meta http-equiv="refresh" content="0;url=https://example.com/">\n',
                    encoding="utf-8")
    result = build(repo, search=False)
    assert result.code == 1
    assert "content/pages/ve-chuyen-muc.md" in result.err and "nội dung có mã HTML \"<meta" in result.err


def test_pelican_link_replacer_cannot_act_on_a_story(tmp_path):
    """Defence in depth: HTML that got past every check still is not rewritten after sanitizing."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    check_settings(SimpleNamespace(settings=settings))
    context = {"static_links": set(), "generated_content": {}, "static_content": {}, "localsiteurl": "",
               "filenames": {}}
    html = ('<a href="{static}/nominations/2026-11/phieu-cho.md">a</a>'
            '<a href="|filename|/nominations/2026-11/phieu-cho.md">b</a>'
            '<a href="{category}javascript:alert(1)">c</a>')
    article = Article(html, metadata={"title": "t", "date": dt.datetime(2026, 11, 20), "summary": html},
                      settings=settings, source_path=str(tmp_path / "a.md"), context=context)
    assert article.content == html
    assert article.summary == html  # Pelican rewrites a summary's addresses too
    assert article.get_content("https://example.vn") == html
    assert context["static_links"] == set()


def test_files_pelican_would_skip_stop_the_build_as_validate(tmp_path, cli):
    """Pelican reads only "*.md" files: "x.MD" and a folder named "x.md" were skipped silently."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    story = _story(repo)
    story.rename(story.with_suffix(".MD"))
    (story.parent / "thu-muc.md").mkdir()
    expected = [f"{story.relative_to(repo).with_suffix('.MD').as_posix()}:1: error: đuôi tệp phải là",
                f"{(story.parent / 'thu-muc.md').relative_to(repo).as_posix()}:1: error: là một thư mục"]

    result = build(repo, search=False)
    checked = cli("validate", cwd=repo)

    assert result.code == 1 and checked.code == 1
    for line in expected:
        assert line in result.err and line in checked.out, (line, result.err, checked.out)


def test_files_only_pelicans_other_readers_would_read_stop_the_build_as_validate(tmp_path, cli):
    """Pelican reads ".html", ".htm", ".markdown", ".mkd" and ".mdown" with its own readers, past
    the checker: a page with a <script> was published from content/pages/, and such a file in
    content/published/ crashed the build. Each is refused by name, the build writes none."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    folder = _story(repo).parent
    planted = {
        repo / "content" / "pages" / "trang.htm":
            f"<html><head><title>T</title></head><body><script>1</script>{SENTINEL}</body></html>",
        repo / "content" / "pages" / "trang-hai.mkd": f"Title: T\n\n<script>2</script>{SENTINEL}\n",
        folder / "bai.html": f"<html><head><title>T</title></head><body>{SENTINEL}</body></html>",
        folder / "bai-hai.markdown": f"Title: T\nDate: 2026-11-01\n\n{SENTINEL}\n",
        folder / "bai-ba.mdown": f"Title: T\nDate: 2026-11-01\n\n{SENTINEL}\n",
        folder / "bai-bon.md.": f"Title: T\nDate: 2026-11-01\n\n{SENTINEL}\n",
    }
    for path, text in planted.items():
        path.write_text(text, encoding="utf-8")

    checked = cli("validate", cwd=repo)
    for path in planted:
        assert f"{path.relative_to(repo).as_posix()}:1: error: đuôi tệp phải là" in checked.out, checked.out
    assert checked.code == 1
    for pages_only in (False, True):
        if pages_only:  # the pages' files alone: the articles' check must not be what stops them
            for path in planted:
                if path.parent == folder:
                    path.unlink()
        result = build(repo, search=False)
        assert result.code == 1 and "Traceback" not in result.err, result.err
        assert "đuôi tệp phải là" in result.err, result.err
        _no_sentinel(repo)


def test_a_file_name_cannot_drive_the_terminal_of_the_build(tmp_path):
    """Pelican logs the name of a file it could not process, and the plugin names its errors."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    story = _story(repo)
    story.rename(story.with_name("bai\x1b]0;x\x07\x9b2J\u202e.md"))
    other = sorted((repo / "content" / "published").rglob("*.md"))[-1]
    other.rename(other.with_name(os.fsdecode(b"khong-utf8-\xff.md")))  # surrogates in Python

    result = build(repo, search=False)

    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    for char in ("\x1b", "\x07", "\x9b", "\u202e", "\udcff", "\ufffd"):
        assert char not in result.out + result.err, (result.out + result.err)[-1500:]
    assert "\\u{001B}" in result.out + result.err


def test_the_column_reader_is_the_only_reader():
    """Pelican's own readers (HTML, reStructuredText, "*.markdown", "*.mkd"…) publish a file as it
    is: none may be left to take a file the checker never judged."""
    from pelican.readers import HTMLReader, MarkdownReader, RstReader

    from scripts.site import use_nomination_reader
    from scripts.site.reader import NominationReader

    readers = SimpleNamespace(reader_classes={
        "md": MarkdownReader, "markdown": MarkdownReader, "mkd": MarkdownReader, "mdown": MarkdownReader,
        "html": HTMLReader, "htm": HTMLReader, "rst": RstReader,
    })
    use_nomination_reader(readers)
    assert readers.reader_classes == {"md": NominationReader}


_SCRIPT = f"<script>alert('{SENTINEL}')</script>"


@pytest.mark.parametrize(("rel", "text"), [
    ("content/pages/gioi-thieu.html", f"<html><head><title>{SENTINEL}</title></head>{_SCRIPT}</html>"),
    ("content/pages/lien-he.mkd", f"Title: {SENTINEL}\n\n{_SCRIPT}\n"),
    ("content/published/2026-11/bai-khac.markdown", f"Title: {SENTINEL}\nDate: 2026-11-20\n\n{_SCRIPT}\n"),
], ids=["html-page", "mkd-page", "markdown-story"])
def test_files_other_readers_would_take_stop_the_build_as_validate(tmp_path, cli, rel, text):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    (repo / rel).write_text(text, encoding="utf-8")

    result = build(repo, search=False)
    checked = cli("validate", cwd=repo)

    line = f"{rel}:1: error: đuôi tệp phải là \".md\" viết thường"
    assert result.code == 1 and checked.code == 1
    assert line in result.err and line in checked.out, (result.err, checked.out)
    _no_sentinel(repo)


def test_a_page_header_cannot_move_the_page_or_pick_its_template(tmp_path, cli):
    """Pelican acts on Save_as, Url, Slug, Template… in any metadata: a page could replace the home
    page, a story or a feed. Only Title, Summary and a page template are accepted."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    story = _story(repo)
    page = repo / "content" / "pages" / "thong-bao.md"
    page.write_text(
        f"Title: Thông báo\nSave_as: bai/{story.stem}/index.html\nTemplate: poster\n\nNội dung {SENTINEL}.\n",
        encoding="utf-8",
    )

    result = build(repo, search=False)
    checked = cli("validate", cwd=repo)

    assert result.code == 1 and checked.code == 1
    for line in ("content/pages/thong-bao.md:2: error: phần đầu trang không được có dòng \"Save_as:\"",
                 "content/pages/thong-bao.md:3: error: Template \"poster\" không có"):
        assert line in result.err and line in checked.out, (line, result.err, checked.out)
    _no_sentinel(repo)


def test_a_content_folder_that_is_a_link_stops_the_build_as_validate(tmp_path, cli):
    """Through content/ itself the build would read (and take the schema of) another folder."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    (repo / "content").rename(tmp_path / "that-noi-dung")
    (repo / "content").symlink_to(tmp_path / "that-noi-dung", target_is_directory=True)

    result = build(repo, search=False)
    checked = cli("validate", cwd=repo)

    line = "content:1: error: là liên kết tượng trưng"
    assert result.code == 1 and checked.code == 1
    assert line in result.err and line in checked.out, (result.err, checked.out)
    assert "Traceback" not in result.err + result.out


def test_a_page_lives_at_the_address_its_name_gives_and_no_column_address(tmp_path):
    """A name is the page's address, never a date ("2026-13-45-…" dropped the page) nor an address
    the column writes ("tim-kiem" stopped the build with a traceback)."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    pages = repo / "content" / "pages"
    (pages / "2026-13-45-lich-tiep-dan.md").write_text("Title: Lịch tiếp dân\n\nThứ Năm hằng tuần.\n",
                                                         encoding="utf-8")
    assert build(repo, search=False).code == 0
    assert (repo / "output" / "2026-13-45-lich-tiep-dan" / "index.html").is_file()

    (pages / "tim-kiem.md").write_text(f"Title: Tìm kiếm\n\nTrang giả {SENTINEL}.\n", encoding="utf-8")
    result = build(repo, search=False)
    assert result.code == 1
    assert "content/pages/tim-kiem.md:1: error: tên trang \"tim-kiem\" trùng với địa chỉ của chuyên mục" \
        in result.err
    assert "Traceback" not in result.err + result.out
    _no_sentinel(repo)


def test_settings_that_would_copy_the_sources_stop_the_build(tmp_path):
    """OUTPUT_SOURCES publishes every story's file as written: contact, proposal, council notes."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    result = build(repo, search=False, extra=["-e", "OUTPUT_SOURCES=true"])
    assert result.code == 1
    assert "Lỗi: OUTPUT_SOURCES = True" in result.err
    assert not list((repo / "output").rglob("*.md")) if (repo / "output").exists() else True


def test_the_page_templates_a_page_may_name_are_the_themes_page_templates():
    from scripts.nomination.page import TEMPLATES

    templates = ROOT / "theme" / "templates"
    for name in TEMPLATES:
        text = (templates / f"{name}.html").read_text(encoding="utf-8")
        assert name == "page" or '{% extends "page.html" %}' in text, name


def test_a_pages_title_and_summary_show_as_text_on_every_page(tmp_path):
    """A page's title is in every page's menu, its summary in its description: text, never markup."""
    from tests.site.test_privacy import ActiveParts

    repo = make_site_repo(tmp_path / "repo", extra=False)
    (repo / "content" / "pages" / "thong-bao.md").write_text(
        "Title: Thông báo <script>alert(1)</script>\n"
        "Summary: \"><meta http-equiv=\"refresh\" content=\"0;url=https://lua-dao.example/\"><a href=x>\n\n"
        "Nội dung `<iframe src=//lua-dao.example>`.\n", encoding="utf-8")

    result = build(repo, search=False)

    assert result.code == 0, result.err
    for path in (repo / "output").rglob("*.html"):
        parser = ActiveParts()
        parser.feed(path.read_text(encoding="utf-8"))
        assert not parser.found, (path, parser.found)
    page = (repo / "output" / "thong-bao" / "index.html").read_text(encoding="utf-8")
    assert "Thông báo &lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("line,code", [
    ("Save_as: index.html", 'không được có dòng "Save_as:"'),  # replaced the home page
    ("Slug: bai/2026-11/ten-bai", 'không được có dòng "Slug:"'),  # a story's page
    ("Url: https://example.com/", 'không được có dòng "Url:"'),
    ("Template: article", 'Template "article" không có'),  # stopped the build with a traceback
])
def test_a_page_header_cannot_steer_where_or_how_it_is_written(tmp_path, cli, line, code):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    page = repo / "content" / "pages" / "trang-thu.md"
    page.write_text(f"Title: Trang thử\n{line}\n\nNội dung trang thử.\n", encoding="utf-8")
    expected = "content/pages/trang-thu.md:2: error: "
    checked = cli("validate", cwd=repo)
    assert checked.code == 1
    assert any(r.startswith(expected) and code in r for r in checked.out.splitlines()), checked.out
    result = build(repo, search=False)
    assert result.code == 1 and "Traceback" not in result.err
    assert any(r.startswith(expected) and code in r for r in result.err.splitlines()), result.err
    home = repo / "output" / "index.html"
    assert not home.exists() or "Trang thử" not in home.read_text(encoding="utf-8")


def test_a_committed_output_folder_stops_validate_and_the_build(tmp_path, cli):
    """output/ is git-ignored, but ``git add -f`` passes .gitignore: the theme's folder of output/
    is kept whole by the build, so a page committed there was served from the site's address,
    with no Content-Security-Policy."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    page = repo / "output" / "theme" / "dang-nhap.html"
    page.parent.mkdir(parents=True)
    page.write_text(f"<script>/* {SENTINEL} */</script>", encoding="utf-8")
    git = ["git", "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.org"]
    for command in (["init", "-q"], ["add", "-f", "."], ["commit", "-q", "-m", "Trang"]):
        subprocess.run([*git, *command], cwd=repo, check=True, capture_output=True)
    expected = "output/theme/dang-nhap.html:1: error: kho đang chứa output/theme/dang-nhap.html"

    checked = cli("validate", cwd=repo)
    result = build(repo, search=False)

    assert checked.code == 1 and expected in checked.out, checked.out
    assert result.code == 1 and expected in result.err and "Traceback" not in result.err, result.err
