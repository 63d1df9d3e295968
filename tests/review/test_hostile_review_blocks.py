"""A review block of any shape (written by hand, or by a unit copying a published file) is shown,
refused or replaced by the review commands, never "Lỗi không mong đợi": a decision written as a
list was hashed, ``history: 5`` was iterated."""

from __future__ import annotations

import re

import pytest

from tests.review.conftest import cli, git

LAN = "2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
RAC = "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md"
BY = ("--by", "Lê Văn Bình")
SHAPES = [
    "review:\n  decision: [returned]\n",
    "review:\n  decision: returned\n  history: 5\n",
    "review:\n  decision: returned\n  by: [x]\n  \"on\": {a: 1}\n  reason: [y]\n"
    "  history:\n    - decision: [a]\n      \"on\": [1]\n",
    "review: [1]\n",
    "review: abc\n",
    "review:\n  decision: returned\n  \"on\": 2026-13-45\n  by: Lê Văn Bình\n  reason: x\n"
    "  history: {a: 1}\n",
    "review:\n  forward: [1]\n  decision: {a: 1}\n",
]
COMMANDS = [
    ("approve", "{file}", *BY, "--ref", "B1", "--on", "2026-11-25"),
    ("return", "{file}", *BY, "--reason", "x", "--on", "2026-11-25"),
    ("withdraw", "{file}", *BY, "--reason", "x", "--on", "2026-11-25"),
    ("status",), ("audit",),
    ("check-approvals", "--base", "HEAD~1"), ("check-send-dates", "--base", "HEAD~1"),
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("rel", [LAN, RAC])
def test_no_review_block_stops_a_command(basic, shape, rel):
    path = basic / "content" / "nominations" / rel
    text = re.sub(r"(?m)^review:\n(?:[ ].*\n)*", "", path.read_text(encoding="utf-8"))
    path.write_text(text.replace("\n---\n", f"\n{shape}---\n", 1), encoding="utf-8")
    git(basic, "commit", "-qam", "Một khối review viết tay")
    for command in COMMANDS:
        args = [part.format(file=f"content/nominations/{rel}") for part in command]
        done = cli(basic, *args)
        assert "không mong đợi" not in done.err and "Traceback" not in done.err, (args, done.err)
