"""The council registry: its schema, its members' terms, and the allowed-signers text derived from it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scripts.nomination.council import Council, CouncilError
from tests.conftest import ROOT, run_cli

SCHEMA_TEXT = (ROOT / "schema" / "council.schema.json").read_text(encoding="utf-8")


def test_the_sample_registry_fits_its_schema_and_marks_the_workflow_key():
    council = Council.load(ROOT)
    people = [m for m in council.members if not m.workflow]
    workflow = [m for m in council.members if m.workflow]
    assert len(workflow) == 1 and len(people) == len(council.members) - 1
    assert council.person(workflow[0].name) is None  # the workflow is never a reviewer
    assert council.person("  Nguyễn Hữu Phước ").github == "nhphuoc-ninhha"
    former = council.person("Đỗ Thị Hạnh")
    assert former.serves_on(dt.date(2026, 6, 30)) and not former.serves_on(dt.date(2026, 7, 1))


def test_allowed_signers_limit_each_key_to_its_members_term():
    council = Council.load(ROOT)
    lines = council.allowed_signers().splitlines()
    assert len(lines) == sum(len(m.keys) for m in council.members)
    hanh = next(line for line in lines if line.startswith("dthanh-ninhha "))
    assert hanh.startswith(
        'dthanh-ninhha namespaces="git",valid-after="20240701",valid-before="20260701" ssh-ed25519 '
    )


def test_no_private_key_is_kept_in_the_registry():
    text = (ROOT / "schema" / "council.yaml").read_text(encoding="utf-8")
    assert "PRIVATE KEY" not in text
    assert all(key.startswith("ssh-ed25519 ") for m in Council.load(ROOT).members for key in m.keys)


@pytest.mark.parametrize(("change", "message"), [
    (("    github: lvquang-ninhha\n", ""),
     "schema/council.yaml:22: trường \"members.2.github\": thiếu trường bắt buộc"),
    (("    from: 2026-03-01\n", "    from: 01/03/2026\n"),
     "trường \"members.3.from\": \"01/03/2026\" không phải ngày dạng YYYY-MM-DD"),
    (("      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMH4", "      - ssh-ed25519 sai AAAAC3NzaC1lZDI1NTE5"),
     "schema/council.yaml:14: trường \"members.0.keys.0\": \"ssh-ed25519 sai AAAA"),
    (("    github: ttkoanh-ninhha\n", "    github: nhphuoc-ninhha\n"),
     "tài khoản GitHub \"nhphuoc-ninhha\" đã ghi cho một thành viên khác"),
])
def test_a_broken_registry_stops_validate_with_line_and_field(tmp_path: Path, change, message):
    root = tmp_path / "cot"
    for folder in ("schema", "content"):
        shutil.copytree(ROOT / folder, root / folder)
    registry = root / "schema" / "council.yaml"
    text = registry.read_text(encoding="utf-8")
    assert change[0] in text
    registry.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    done = run_cli("--root", str(root), "validate", cwd=root)
    assert done.code != 0
    assert message in done.err, done.err
    assert "Traceback" not in done.err


def test_a_term_that_ends_before_it_begins_is_refused():
    text = (ROOT / "schema" / "council.yaml").read_text(encoding="utf-8").replace(
        "    to: 2026-06-30\n", "    to: 2024-06-30\n")
    with pytest.raises(CouncilError, match="ngày thôi nhiệm vụ trước ngày bắt đầu"):
        Council.parse(text, SCHEMA_TEXT)
