"""No contributor text drives the terminal: file names, values and arguments holding ESC, the
8-bit CSI (U+009B), BEL or bidi controls are printed as their codes by every command, in
every format, on stdout and stderr alike (JSON keeps its own escapes, so it still parses). A file
name that is not UTF-8 stopped every command with "Lỗi không mong đợi"."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo, run_cli
from tests.nomination.test_validate_cases import CASES, TODAY

_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_NAMES = ("esc\x1b[2Jx.md", "csi\x9b31mx.md", "bidi\u202egnp.md", "bell\x07.md", "=cmd.md",
          os.fsdecode(b"khong-utf8-\xff\xfe.md"))  # git takes any bytes; Python reads surrogates


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("inert") / "repo", with_content=False)
    shutil.copy(ROOT / "pelicanconf.py", repo / "pelicanconf.py")
    base = (CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md").read_text(encoding="utf-8")
    for state in ("nominations", "published"):
        folder = repo / "content" / state / "2026-11"
        folder.mkdir(parents=True, exist_ok=True)
        for name in _NAMES:
            (folder / name).write_text(base, encoding="utf-8")
    (repo / "content" / "nominations" / "2026-11" / "don-vi.md").write_text(
        base.replace("submitted_by: doan-thanh-nien", 'submitted_by: "\\e[2J\\x9b31m\\u202e"'),
        encoding="utf-8")
    return repo


@pytest.mark.parametrize("command", [
    ("validate",), ("validate", "--format", "json"), ("validate", "--format", "github"),
    ("validate", "--fix"), ("status",), ("status", "--format", "json"),
    ("report", "--month", "2026-11"), ("report", "--month", "2026-11", "--format", "csv"),
    ("report", "--month", "2026-11", "--format", "html"), ("radio", "--month", "2026-11"),
    ("validate", "content/nominations/2026-11/khong-co\x1b[2J.md"),
    ("import-docx", "phieu\x9b2J.docx"), ("intake", "--event", "su-kien\x1b]0;x\x07.json"),
    ("status", "--month", "\x9b2J"),
], ids=lambda c: "-".join(c)[:40])
def test_every_command_prints_contributor_text_inert(hostile: Path, command):
    result = run_cli(*command, cwd=hostile, env=TODAY)

    assert not _RAW.findall(result.out + result.err), (result.out + result.err)[-2000:]
    assert "Lỗi không mong đợi" not in result.err
    if "json" in command:
        assert "\x9b" in json.dumps(json.loads(result.out), ensure_ascii=False)  # the same data
