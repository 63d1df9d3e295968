"""make publish / make github: absolute addresses, Open Graph, CNAME, and a push to a bare remote."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.conftest import TODAY, build, make_site_repo

ADDRESS = "https://dht.example.vn"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    repo = make_site_repo(tmp_path_factory.mktemp("publish") / "repo", extra=False)
    result = build(repo, conf="publishconf.py", search=False,
                   env={"SITEURL": ADDRESS, "CNAME": "dht.example.vn"})
    assert result.code == 0, result.err
    return repo / "output"


def test_story_has_open_graph_with_its_image(published):
    story = "bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi/"
    page = (published / story / "index.html").read_text("utf-8")
    url = f"{ADDRESS}/{story}"
    assert f'<meta property="og:url" content="{url}">' in page
    assert f'<link rel="canonical" href="{url}">' in page
    # Open Graph gets the 1,200 px JPEG variant (the sample photo is 800 px wide: kept at 800).
    assert re.search(rf'<meta property="og:image" content="{ADDRESS}/images/[0-9a-f]{{24}}/og\.jpg">', page)
    assert '<meta property="og:image:width" content="800">' in page
    assert '<meta property="og:title" content="Anh Lê Minh Đông 32 lần hiến máu' in page
    assert "sharer.php?u=https%3A//dht.example.vn/bai/anh-le-minh-dong" in page


def test_published_feed_sitemap_robots_and_cname(published):
    assert f"<loc>{ADDRESS}/bai/" in (published / "sitemap.xml").read_text("utf-8")
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in (published / "robots.txt").read_text("utf-8")
    assert f'href="{ADDRESS}/bai/' in (published / "feeds/all.atom.xml").read_text("utf-8")
    assert (published / "CNAME").read_text("utf-8") == "dht.example.vn\n"


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.vn",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.vn"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_make_github_pushes_the_site_to_gh_pages(tmp_path):
    """The real Makefile target, with this interpreter instead of .venv and a bare repository as
    the remote: the branch gets the site, .nojekyll and CNAME, and nothing from nominations/."""
    work = make_site_repo(tmp_path / "work", extra=True)
    shutil.copytree(ROOT / "scripts", work / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "Makefile", work / "Makefile")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, work / name)
    (work / ".installed").touch()
    git("init", "-q", "-b", "main", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "-qm", "column", cwd=work)
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    bindir = Path(sys.executable).parent
    env = {**os.environ, "DIEN_HINH_TODAY": TODAY, "SITEURL": ADDRESS, "CNAME": "dht.example.vn",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.vn",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.vn"}
    done = subprocess.run(
        ["make", "github", f"PYTHON={sys.executable}", f"BIN={bindir}", "STAMP=.installed",
         f"GITHUB_REMOTE={remote}"],
        cwd=work, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files and ".nojekyll" in files and "CNAME" in files
    assert "bai/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi/index.html" in files
    assert any(name.startswith("pagefind/") for name in files), "the search index is deployed"
    assert not any("nominations" in name or "phieu-cho-tham-dinh" in name for name in files)
    assert git("show", "gh-pages:CNAME", cwd=remote) == "dht.example.vn\n"


def test_make_github_without_the_public_remote_says_how_to_add_it(tmp_path):
    """The private repository is never the default target: without the public remote, nothing is
    built or pushed, and the message says which remote to add."""
    work = tmp_path / "work"
    work.mkdir()
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, work / name)
    (work / ".installed").touch()
    git("init", "-q", "-b", "main", cwd=work)
    git("remote", "add", "origin", str(tmp_path / "private.git"), cwd=work)
    done = subprocess.run(["make", "github", "STAMP=.installed"], cwd=work, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi: chưa có kho công khai \"cong-khai\" để đăng trang. Tạo kho công khai "
                                  "riêng rồi chạy: git remote add cong-khai git@github.com:")
    assert not (work / "output").exists()
