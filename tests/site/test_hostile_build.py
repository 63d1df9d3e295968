"""The build acts on nothing a contributor can steer: symbolic links and Pelican's intrasite
syntax stop it, and Pelican's own link replacer cannot rewrite a story's HTML whatever the
checker says. Sentinels are searched in every file under output/, Pagefind's included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

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
    article = Article(html, metadata={"title": "t", "date": dt.datetime(2026, 11, 20)},
                      settings=settings, source_path=str(tmp_path / "a.md"), context=context)
    assert article.content == html
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

    result = build(repo, search=False)

    assert result.code == 1
    for char in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert char not in result.out + result.err, (result.out + result.err)[-1500:]
    assert "\\u{001B}" in result.out + result.err


def test_a_page_cannot_choose_where_it_is_written_or_its_template(tmp_path, cli):
    """Pelican obeys every header line of a page: "Save_as: index.html" replaced the home page,
    an unknown Template stopped the build with a traceback."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    pages = repo / "content" / "pages"
    (pages / "gia.md").write_text(f"Title: Trang giả\nSave_as: index.html\n\nĐã thay {SENTINEL}.\n",
                                  encoding="utf-8")
    (pages / "mau.md").write_text("Title: Mẫu\nTemplate: ../../etc/passwd\n\nMẫu.\n", encoding="utf-8")

    result = build(repo, search=False)
    checked = cli("validate", cwd=repo)

    assert result.code == 1 and "Traceback" not in result.out + result.err
    for line in ("content/pages/gia.md:2: error: dòng \"Save_as:\" không dùng được",
                 "content/pages/mau.md:2: error: Template phải là một trong"):
        assert line in result.err and line in checked.out, (line, result.err, checked.out)
    _no_sentinel(repo)
