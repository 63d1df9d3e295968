"""The pull-request check as check.yml runs it, step by step, on a pull request that tries to talk
its way round it.

The base branch's tools are in cong-cu/ and the pull request in noi-dung/, as the two checkouts lay
them out; each ``run:`` of the content job is run by bash in its working directory, with the event
file GitHub writes. The pull request carries its own ``scripts/`` (a checker that passes everything)
and ``pelicanconf.py`` (which would leave a mark if executed): neither may be used.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.site.conftest import make_site_repo

SLUG = "chi-luong-thi-hong-nhung-day-boi"
NOM = f"content/nominations/2026-11/{SLUG}.md"
TODAY = "2026-11-27"
FAKE_CHECKER = "import sys\nprint('Đạt hết!')\nsys.exit(0)\n"


def content_steps() -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    return [step for step in workflow["jobs"]["content"]["steps"]
            if "run" in step and "pip install" not in step["run"]]


def git(cwd: Path, *args: str, when: str = "2026-11-01T09:00:00+07:00") -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Tổ dân phố", "GIT_AUTHOR_EMAIL": "tdp@example.vn",
           "GIT_COMMITTER_NAME": "Tổ dân phố", "GIT_COMMITTER_EMAIL": "tdp@example.vn",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """cong-cu/ (this branch's tools) and noi-dung/ (a pull request from the unit's branch)."""
    workspace = tmp_path / "ws"
    tools = workspace / "cong-cu"
    for folder in ("scripts", "theme", "schema"):
        shutil.copytree(ROOT / folder, tools / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "publishconf.py", "requirements.txt"):
        shutil.copy(ROOT / name, tools / name)
    pulled = make_site_repo(workspace / "noi-dung", extra=False)
    git(pulled, "init", "-q", "-b", "main")
    git(pulled, "add", "-A")
    git(pulled, "commit", "-q", "-m", "Chuyên mục")
    git(pulled, "update-ref", "refs/remotes/origin/main", "main")  # what fetch-depth: 0 brings
    git(pulled, "checkout", "-q", "-b", "gui-phieu")
    # The pull request's own tools: a checker that passes everything, settings that leave a mark.
    for module in ("__init__", "__main__"):
        (pulled / "scripts").mkdir(exist_ok=True)
        (pulled / "scripts" / f"{module}.py").write_text(FAKE_CHECKER, encoding="utf-8")
    (pulled / "pelicanconf.py").write_text(
        "from pathlib import Path\nPath(__file__).parent.parent.joinpath('da-chay-ma-cua-pr').touch()\n",
        encoding="utf-8")
    return workspace


def send(workspace: Path, submitted_on: str, when: str) -> Path:
    """The unit's commit and the pull_request event of opening it; the event file's path."""
    pulled = workspace / "noi-dung"
    text = (ROOT / f"tests/cases/valid/{SLUG}.md").read_text(encoding="utf-8")
    target = pulled / NOM
    target.write_text(text.replace("submitted_on: 2026-11-06", f"submitted_on: {submitted_on}"),
                      encoding="utf-8")
    git(pulled, "add", "-A")
    git(pulled, "commit", "-q", "-m", "Đoàn Thanh niên gửi phiếu", when=when)
    event = {
        "action": "opened", "number": 3,
        "pull_request": {
            "number": 3, "created_at": f"{TODAY}T02:00:00Z",
            "head": {"ref": "gui-phieu", "sha": git(pulled, "rev-parse", "HEAD").strip()},
            "base": {"ref": "main", "sha": git(pulled, "rev-parse", "main").strip()},
        },
        "repository": {"full_name": "phuong-ninh-ha/dien-hinh-tien-tien", "private": True},
    }
    path = workspace / "event.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    return path


def run_steps(workspace: Path, event: Path) -> dict[str, subprocess.CompletedProcess]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_EVENT_PATH": str(event), "BASE_REF": "main", "DIEN_HINH_TODAY": TODAY, "PYTHONPATH": ""}
    results = {}
    for step in content_steps():
        results[step["name"]] = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=workspace / step.get("working-directory", "."),
            env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
        )
    return results


def test_a_backdated_nomination_fails_although_the_pull_request_brings_its_own_checker(workspace):
    event = send(workspace, "2026-11-10", when="2026-11-10T09:00:00+07:00")  # made on the 27th
    results = run_steps(workspace, event)
    dates = next(r for name, r in results.items() if "ngày gửi" in name)
    assert dates.returncode == 1, dates.stdout + dates.stderr
    assert dates.stdout.startswith(f"::error file={NOM},line=7,")
    assert "máy chủ GitHub nhận phiếu ngày 27/11/2026" in dates.stdout
    assert "Đạt hết!" not in "".join(r.stdout for r in results.values())
    assert not (workspace / "da-chay-ma-cua-pr").exists(), "the pull request's settings never run"


def test_an_honest_pull_request_passes_every_step_and_builds_the_preview(workspace):
    event = send(workspace, TODAY, when=f"{TODAY}T09:00:00+07:00")
    results = run_steps(workspace, event)
    for name, result in results.items():
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
    assert "Đạt hết!" not in "".join(r.stdout for r in results.values())
    output = workspace / "output"
    assert (output / "index.html").is_file() and (output / "pagefind").is_dir()
    assert not list(output.rglob(f"*{SLUG}*")), "a pending nomination never reaches the preview"
    assert not (workspace / "da-chay-ma-cua-pr").exists()
