"""The council's commands are documented where the council and the editors look."""

from __future__ import annotations

import re

import pytest

from scripts.cli import command_modules
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "huong-dan-tham-dinh.md"
EDITORS = ROOT / "docs" / "huong-dan-bien-tap.md"
COMMANDS = [module.NAME for module in command_modules()]
"""The live registry of ``python -m scripts``: a new command is held to the same rule."""


def test_the_registry_is_read():
    assert {"validate", "new", "approve", "status", "report"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_is_in_the_readme_and_a_guide(command):
    call = re.compile(rf"python -m scripts {re.escape(command)}\b")
    assert call.search((ROOT / "README.md").read_text(encoding="utf-8")), "README.md"
    guides = [path for path in sorted((ROOT / "docs").glob("*.md")) if call.search(path.read_text("utf-8"))]
    assert guides, f"no guide in docs/ shows `python -m scripts {command}`"


def test_the_editors_guide_covers_the_web_interface_git_and_resubmitting():
    text = EDITORS.read_text(encoding="utf-8")
    for needle in ("Issues → New issue", "Giới thiệu gương điển hình", "git push", "python -m scripts new",
                   "make validate FILE=", "## 6. Gửi lại phiếu bị trả lại", "Giữ nguyên khối `review`"):
        assert needle in text


@pytest.mark.parametrize("page", [GUIDE, EDITORS, ROOT / "README.md"], ids=lambda p: p.name)
def test_links_between_the_guides_resolve(page):
    for target in re.findall(r"\]\(((?:docs/)?huong-dan-[a-z-]+\.md)\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).is_file(), target
