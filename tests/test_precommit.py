"""The pre-commit hook is a valid configuration and runs the validator on changed content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo
from tests.nomination.test_validate_cases import CASES


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_config_is_valid():
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("rel", "source", "expected"), [
    ("content/nominations/2026-11/unknown-unit.md", CASES / "invalid" / "unknown-unit.md",
     "content/nominations/2026-11/unknown-unit.md:6: error: submitted_by"),
    ("content/pages/page-save-as.md", CASES / "hostile" / "page-save-as.md",
     "content/pages/page-save-as.md:2: error: phần đầu trang không được có dòng"),
    ("content/pages/gioi-thieu.HTML", CASES / "hostile" / "page-other-reader.html",
     "content/pages/gioi-thieu.HTML:1: error: đuôi tệp phải là"),
], ids=["nomination", "page", "other-reader"])
def test_hook_refuses_a_bad_file(tmp_path: Path, rel: str, source: Path, expected: str):
    repo = make_repo(tmp_path / "repo", with_content=False)
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    # The hook calls .venv/bin/python: point it at this interpreter, with the project importable.
    (repo / ".venv" / "bin").mkdir(parents=True)
    wrapper = repo / ".venv" / "bin" / "python"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    wrapper.chmod(0o755)
    _git(repo, "init", "-q")
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    _git(repo, "add", ".")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DIEN_HINH_TODAY": "2026-11-27",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", str(target.relative_to(repo))],
        cwd=repo, capture_output=True, text=True, env=env,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert expected in done.stdout
