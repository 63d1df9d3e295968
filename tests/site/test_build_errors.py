"""A published file with an error stops the build with the validator's own lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.common.repo import Repo
from scripts.images.library import photo_library
from tests.conftest import ROOT, run_cli
from tests.site.conftest import TODAY, build, make_site_repo

DUC = "content/published/2026-08/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi.md"


def break_file(repo, old: str, new: str) -> None:
    path = repo / DUC
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("field: van-hoa-xa-hoi", "field: văn hóa", ":4: error: field (Lĩnh vực): "),
    ("Sáng 28/7/2026, như mọi ngày,", "<script>alert(1)</script> Sáng 28/7/2026,",
     ": error: nội dung có mã HTML"),
    ("  decision: approved", "  decision: returned", ": error: review"),
])
def test_error_stops_the_build_with_the_validators_message(tmp_path, old, new, expected):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    break_file(repo, old, new)
    result = build(repo, search=False)
    assert result.code == 1
    assert "Traceback" not in result.err + result.out
    assert DUC in result.err
    assert expected in result.err
    assert "Dừng dựng trang: 1 tệp có lỗi" in result.err
    assert not (repo / "output" / "index.html").exists()
    # The very lines `python -m scripts validate` prints for that file.
    validate = run_cli("validate", DUC, cwd=repo, env={"DIEN_HINH_TODAY": TODAY})
    errors = [line for line in validate.out.splitlines() if ": error: " in line]
    assert errors
    for line in errors:
        assert line in result.err


def test_settings_that_read_pending_nominations_are_refused(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    conf = repo / "pelicanconf.py"
    conf.write_text(conf.read_text("utf-8") + '\nARTICLE_PATHS = [""]\n', "utf-8")
    result = build(repo, search=False)
    assert result.code == 1
    assert "content/nominations/" in result.err and "ARTICLE_PATHS" in result.err
    assert "Traceback" not in result.err
    assert not (repo / "output").exists() or not any((repo / "output").rglob("*.html"))


def test_many_stories_are_read_on_all_cores_with_the_same_checks(tmp_path):
    """From PARALLEL_FROM stories on, a full build reads them in forked workers: same pages,
    same stop with the validator's line when one of them is wrong."""
    from scripts.common.parallel import PARALLEL_FROM
    from tests.bench.generate import generate

    repo = make_site_repo(tmp_path / "repo", extra=False)
    paths = generate(repo, PARALLEL_FROM + 10)
    result = build(repo, search=False)
    assert result.code == 0, result.err
    pages = list((repo / "output" / "bai").glob("*/index.html"))
    assert len(pages) == len(paths) + 13
    first = repo / "output" / "bai" / paths[0].stem / "index.html"
    assert '<h2 id="thanh-tich"' in first.read_text("utf-8")

    broken = paths[-1]
    broken.write_text(broken.read_text("utf-8").replace("category: ", "category: khong-co-", 1), "utf-8")
    result = build(repo, output="output2", search=False)
    assert result.code == 1
    rel = broken.relative_to(repo).as_posix()
    assert f"{rel}:3: error: category (Loại gương)" in result.err
    assert "Traceback" not in result.err


def test_a_schema_change_is_not_hidden_by_the_content_cache(tmp_path):
    """Pelican's content cache keeps each story's public view; making a field private must
    reach the next cached build."""
    import json
    import os
    import time

    repo = make_site_repo(tmp_path / "repo", extra=False)
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    first = build(repo, search=False, extra=cache)
    assert first.code == 0, first.err
    story = repo / "output/bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/index.html"
    assert "Thợ sửa xe máy" in story.read_text("utf-8")

    schema_file = repo / "schema/nomination.schema.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    schema["properties"]["nominee"]["properties"]["role"]["x-visibility"] = "private"
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), "utf-8")
    later = time.time() + 5
    os.utime(schema_file, (later, later))
    second = build(repo, search=False, extra=cache)
    assert second.code == 0, second.err
    assert "Thợ sửa xe máy" not in story.read_text("utf-8")


def test_a_withdrawn_story_leaves_nothing_behind_in_output(tmp_path):
    """Rebuilding into the same output/ after the council withdraws a story: its page, its photo
    and every card of it are gone, and the rest of the site is intact."""
    repo = make_site_repo(tmp_path / "repo", extra=False)
    first = build(repo, search=False)
    assert first.code == 0, first.err
    slug = "anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi"
    output = repo / "output"
    assert (output / "bai" / slug / "index.html").is_file()
    assert (output / "bai" / slug / "in/index.html").is_file(), "its poster"
    photos = photo_library(Repo.at(repo))
    withdrawn = photos.process("images/2026-08/hien-mau-tinh-nguyen.jpg")
    kept = photos.process("images/2026-08/to-tiet-kiem-phu-nu-hoa-thanh.png")
    photo, other = output / withdrawn.url(withdrawn.og), output / kept.url(kept.og)
    assert photo.is_file() and other.is_file()
    (output / "pagefind").mkdir()
    (output / "pagefind" / "old.pf_fragment").write_text("Lê Minh Đông", "utf-8")

    source = repo / "content/published/2026-08" / f"{slug}.md"
    text = source.read_text("utf-8").replace(
        "  decision: approved",
        "  decision: withdrawn\n  reason: Gỡ bài theo đề nghị của người được giới thiệu.", 1,
    )
    target = repo / "content/nominations/2026-08" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    source.unlink()
    second = build(repo, search=False)
    assert second.code == 0, second.err

    assert not (output / "bai" / slug).exists()
    assert not photo.parent.exists(), "the withdrawn story's photo variants are gone"
    leftovers = [p for p in output.rglob("*") if p.is_file() and slug in p.read_text("utf-8", "ignore")]
    assert not leftovers
    assert not (output / "pagefind").exists(), "the search index is rebuilt after Pelican"
    assert (output / "index.html").is_file() and (output / "theme/css/site.css").is_file()
    assert other.is_file()
    assert (output / "sitemap.xml").is_file() and (output / "robots.txt").is_file()


def test_editing_the_checker_makes_the_content_cache_stale(tmp_path):
    """The cache is judged against every module that decides a story's public view, found by a
    glob over the package: a moved or new module of the checker counts without a list to update."""
    import os
    import time

    from scripts.nomination import checker, loader
    from scripts.site import _cache_is_stale, story_sources

    sources = story_sources()
    assert Path(checker.__file__).resolve() in sources
    assert Path(loader.__file__).resolve() in sources
    from scripts.nomination import public
    from scripts.publishing import render
    assert Path(render.__file__).resolve() in sources, "the renderer decides a cached story's HTML"
    assert Path(public.__file__).resolve() in sources
    cache = tmp_path / "cache"
    cache.mkdir()
    cached = cache / "NominationReader-md"
    cached.write_bytes(b"")
    settings = {"CACHE_PATH": str(cache)}
    column = {"ROOT": str(ROOT)}
    future = time.time() + 100
    os.utime(cached, (future, future))
    assert not _cache_is_stale(settings, column)
    # The checker edited after the cache was written.
    checker_time = Path(checker.__file__).stat().st_mtime
    os.utime(cached, (checker_time - 1, checker_time - 1))
    assert _cache_is_stale(settings, column)
