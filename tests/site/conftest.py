"""Site fixtures: the sample column plus test stories, built with real Pelican into a temp folder.

Builds run in a subprocess, as ``make html`` runs them: Pelican's signals and the plugin's
registration stay out of the test process, and an error exit is observed as users see it.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-27"
"""Pinned so the checker's "date in the future" rule does not depend on the day tests run."""


CHROMIUM = Path("/usr/bin/chromium")


@dataclass
class Build:
    code: int
    out: str
    err: str


PROBE_REVIEWER = """  - name: Thẩm Định Bimatthamdinh
    role: Ủy viên Bimatchucdanh
    github: bimat-thamdinh
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIyA2Gf9J77a5UOqRG+sgLqUpwu1Ptgx6NzLwlCe5MeG
    from: 2026-01-01
"""


def make_site_repo(target: Path, extra: bool = True) -> Path:
    """A copy of the column (content, schema, theme, settings), with the test stories if ``extra``."""
    for folder in ("content", "schema", "theme"):
        shutil.copytree(ROOT / folder, target / folder)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, target / name)
    if extra:
        shutil.copytree(DATA, target / "content", dirs_exist_ok=True)
        with (target / "schema" / "council.yaml").open("a", encoding="utf-8") as registry:
            registry.write(PROBE_REVIEWER)  # the probe story's reviewer, who must never be shown
    return target


def build(repo: Path, conf: str = "pelicanconf.py", output: str = "output", search: bool = True,
          env: dict | None = None, extra: list[str] | None = None) -> Build:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "DIEN_HINH_TODAY": TODAY, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", output, "-s", conf, *(extra or [])],
        cwd=repo, env=full_env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    if done.returncode == 0 and search:
        index = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", output, "--quiet"],
            cwd=repo, env=full_env, capture_output=True, text=True, timeout=300,
        )
        assert index.returncode == 0, index.stderr
    return Build(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """output/ of the sample column plus the test stories (an XSS and private-data probe and a
    pending nomination), with its search index."""
    repo = make_site_repo(tmp_path_factory.mktemp("site") / "repo")
    result = build(repo)
    assert result.code == 0, result.err
    return repo / "output"


@pytest.fixture(scope="session")
def site_repo(site: Path) -> Path:
    return site.parent


def output_files(output: Path):
    return sorted(p for p in output.rglob("*") if p.is_file())


def readable_text(path: Path) -> str:
    """A file's text for searching, gzip (Pagefind's index and fragments) opened first."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="ignore")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium (``.ci/run`` installs it; ``playwright install`` is never run).

    Without /usr/bin/chromium browser tests skip, except under CI (CI=true) where they fail.
    """
    if not CHROMIUM.exists():
        message = "Chromium không có ở /usr/bin/chromium: cài bằng `apt-get install chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(folder: Path, port: int | None = None):
    """``folder`` on http://127.0.0.1:PORT by ``python -m http.server``, stopped by its process id."""
    port = port or free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the test web server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def site_url(site):
    """The built column on http://127.0.0.1:PORT, for the length of the test session."""
    with serve(site) as url:
        yield url
