"""Shared fixtures: a throwaway copy of the column repository, and the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> CliResult:
    """Run ``python -m scripts ARGS`` as a user would, from ``cwd``, with the project importable."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli():
    return run_cli


def make_repo(target: Path, with_content: bool = True) -> Path:
    """A copy of the repository's schema/ (and sample content) in ``target``."""
    shutil.copytree(ROOT / "schema", target / "schema")
    if with_content:
        shutil.copytree(ROOT / "content", target / "content")
    else:
        for folder in ("nominations", "published", "images"):
            (target / "content" / folder).mkdir(parents=True)
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A temporary column repository with the sample content."""
    return make_repo(tmp_path / "repo")


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """A temporary column repository with the schema and empty content folders."""
    return make_repo(tmp_path / "repo", with_content=False)
