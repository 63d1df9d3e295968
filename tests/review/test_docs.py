"""The council's commands are documented where the council and the editors look."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

REVIEW_COMMANDS = ["status", "approve", "return", "withdraw", "forward", "check-approvals"]
GUIDE = ROOT / "docs" / "huong-dan-tham-dinh.md"
EDITORS = ROOT / "docs" / "huong-dan-bien-tap.md"


@pytest.mark.parametrize("command", REVIEW_COMMANDS)
def test_each_review_command_is_in_the_guide_and_the_readme(command):
    assert f"python -m scripts {command}" in GUIDE.read_text(encoding="utf-8")
    assert f"python -m scripts {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_editors_guide_covers_the_web_interface_git_and_resubmitting():
    text = EDITORS.read_text(encoding="utf-8")
    for needle in ("Add file → Create new file", "git push", "python -m scripts new",
                   "python -m scripts validate", "## 5. Gửi lại phiếu bị trả lại", "Xóa cả khối `review`"):
        assert needle in text


@pytest.mark.parametrize("page", [GUIDE, EDITORS, ROOT / "README.md"], ids=lambda p: p.name)
def test_links_between_the_guides_resolve(page):
    for target in re.findall(r"\]\(((?:docs/)?huong-dan-[a-z-]+\.md)\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).is_file(), target
