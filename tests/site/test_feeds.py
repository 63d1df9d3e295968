"""Atom feeds parse and carry approved stories only."""

from __future__ import annotations

import feedparser

from scripts.common.repo import Repo
from scripts.nomination.checker import CheckContext
from scripts.nomination.loader import load


def titles(repo, folder: str) -> set[str]:
    ctx = CheckContext.for_repo(Repo.at(repo))
    paths = (repo / "content" / folder).rglob("*.md")
    return {load(path, ctx.repo).nomination.meta["title"] for path in paths}


def published_titles(repo) -> set[str]:
    return titles(repo, "published")


def pending_titles(repo) -> set[str]:
    return titles(repo, "nominations")


def test_column_feed_parses_and_holds_every_approved_story(site, site_repo):
    feed = feedparser.parse((site / "feeds/all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    titles = {entry.title for entry in feed.entries}
    assert titles == published_titles(site_repo)
    assert not titles & pending_titles(site_repo)
    entry = next(e for e in feed.entries if e.title.startswith("Ông Nguyễn Văn Đức"))
    assert entry.link.endswith("bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/")
    assert "nhặt được túi xách" in entry.summary


def test_one_feed_per_field_with_its_stories_only(site, site_repo):
    feeds = sorted((site / "feeds/linh-vuc").glob("*.atom.xml"))
    assert len(feeds) >= 5
    seen = set()
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
        listing = (site / "linh-vuc" / path.name.removesuffix(".atom.xml") / "index.html").read_text("utf-8")
        for entry in feed.entries:
            assert "bai/" + entry.link.split("bai/")[-1] in listing
            seen.add(entry.title)
    assert seen == published_titles(site_repo)
