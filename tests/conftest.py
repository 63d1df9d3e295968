"""Shared fixtures: a throwaway copy of the column repository, and the real command line."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.cli import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> CliResult:
    """Run ``python -m scripts ARGS`` in this process, from ``cwd``, with output captured.

    What a user's process would have fresh is made fresh: the environment and working folder
    are set for the call only, and every cache of the package is cleared first. A handful of
    tests still start a real process (``run_cli_process``) to prove the entry point itself.
    """
    out, err = _CapturedStream(), _CapturedStream()
    with _environment(env or {}), contextlib.chdir(cwd), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        _clear_package_caches()
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's --help and usage errors
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return CliResult(code, out.text(), err.text())


def run_cli_process(*args: str, cwd: Path, env: dict | None = None) -> CliResult:
    """Run ``python -m scripts ARGS`` as a user would, in a new process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


class _CapturedStream(io.TextIOWrapper):
    """A text stream with a byte buffer beneath, like a process's stdout (reports write bytes)."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", write_through=True)

    def text(self) -> str:
        # Universal newlines, as subprocess's text mode reads a child's output.
        return self.buffer.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _environment(values: dict):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _clear_package_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "scripts" or name.startswith("scripts."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


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
