"""Every text file of the repository is UTF-8 in NFC: what readers see is never decomposed."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest

from tests.conftest import ROOT

TEXT_SUFFIXES = {".md", ".html", ".yaml", ".yml", ".json", ".py", ".css", ".js", ".txt", ".toml"}


def test_tracked_text_files_are_nfc():
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    offenders = []
    for name in listed.stdout.splitlines():
        path = ROOT / name
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8")
            if not unicodedata.is_normalized("NFC", text):
                offenders.append(name)
    assert offenders == []
