"""approve → build → withdraw → build, from the command line in a real git repository.

The site is built the way the Makefile builds it (Pelican, then Pagefind's search index) with the
column's real plugin, theme and settings; the story must be on its page, in the feeds, the
sitemap and the search index after approval, and in no output file at all after withdrawal.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.review.conftest import DATA, TODAY, cli, init_git

SLUG = "ba-nguyen-thi-lan-tra-lai-tui-xach"
TITLE = "Bà Nguyễn Thị Lan trả lại túi xách"
REL = f"2026-11/{SLUG}.md"


def build_site(repo: Path, output: str) -> Path:
    """``make html``'s two steps: Pelican with pelicanconf.py, then the Pagefind index."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DIEN_HINH_TODAY": TODAY}
    for command in (
        ["pelican", "content", "-o", output, "-s", "pelicanconf.py"],
        ["pagefind", "--site", output, "--quiet"],
    ):
        done = subprocess.run([sys.executable, "-m", *command], cwd=repo, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=300, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    return repo / output


def texts(site: Path) -> dict[str, str]:
    """Every output file's text by its path, Pagefind's gzip index and fragments opened first."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        found[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="ignore")
    return found


@pytest.fixture
def column(tmp_path: Path) -> Path:
    """The sample column with its plugin, theme and settings, plus one pending nomination."""
    repo = tmp_path / "column"
    for folder in ("content", "schema", "theme"):
        shutil.copytree(ROOT / folder, repo / folder)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(DATA / "basic" / "content", repo / "content", dirs_exist_ok=True)
    return init_git(repo)


def test_approve_build_withdraw_build(column):
    approved = cli(column, "approve", f"content/nominations/{REL}", "--by", "Lê Văn Bình",
                   "--ref", "Biên bản số 12/BB-HĐTĐKT")
    assert approved.code == 0, approved.err  # committed, signed, by the command

    shown = texts(build_site(column, "output-approved"))
    assert f"bai/{SLUG}/index.html" in shown
    assert TITLE in shown[f"bai/{SLUG}/index.html"]
    assert TITLE in shown["index.html"]
    assert TITLE in shown["feeds/all.atom.xml"]
    assert f"bai/{SLUG}/" in shown["sitemap.xml"]
    assert any(TITLE.lower() in text.lower() for name, text in shown.items() if name.endswith(".pf_fragment"))

    withdrawn = cli(column, "withdraw", f"content/published/{REL}", "--by", "Lê Văn Bình",
                    "--reason", "Người được giới thiệu đề nghị không đăng")
    assert withdrawn.code == 0, withdrawn.err
    assert (column / "content" / "nominations" / REL).is_file()  # nothing is deleted

    gone = texts(build_site(column, "output-withdrawn"))
    assert f"bai/{SLUG}/index.html" not in gone
    assert "index.html" in gone and any(name.endswith(".pf_fragment") for name in gone)
    leaks = [name for name, text in gone.items() if SLUG in name or SLUG in text or TITLE in text]
    assert leaks == []
