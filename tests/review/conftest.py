"""Real temporary git repositories built from the crafted sets under tests/review/data/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, CliResult, run_cli

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-27"
"""The day the tests are run on, as the ward's clock sees it (DIEN_HINH_TODAY)."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def init_git(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Thư ký Hội đồng")
    git(root, "config", "user.email", "thuky@example.invalid")
    git(root, "config", "core.autocrlf", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Nội dung ban đầu")
    return root


def build(target: Path, data: str, with_git: bool = True) -> Path:
    """A column repository in ``target``: the project's schema plus the crafted ``data`` set."""
    shutil.copytree(ROOT / "schema", target / "schema")
    shutil.copytree(DATA / data / "content", target / "content")
    shutil.copy(ROOT / "pelicanconf.py", target / "pelicanconf.py")  # the ward's names
    for folder in ("nominations", "published"):
        (target / "content" / folder).mkdir(exist_ok=True)
    return init_git(target) if with_git else target


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under content/ with its bytes: "nothing changed" means equal snapshots."""
    content = root / "content"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def cli(root: Path, *args: str, today: str = TODAY) -> CliResult:
    return run_cli("--root", str(root), *args, cwd=root, env={"DIEN_HINH_TODAY": today})


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    return build(tmp_path / "repo", "basic")
