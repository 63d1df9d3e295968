"""What an editor without a terminal habit meets: help, hints, `new` after the deadline, make."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from scripts.cli import command_modules
from tests.conftest import ROOT, run_cli

NEW = ["new", "--unit", "hoi-lhpn", "--kind", "ca-nhan", "--category", "nguoi-tot-viec-tot",
       "--title", "Bà Nguyễn Thị Lan trả lại túi xách có 15 triệu đồng cho người đánh rơi"]
ENGLISH = re.compile(r"usage:|options:|positional arguments|show this help|required:|invalid choice")


@pytest.mark.parametrize("command", [None, *(m.NAME for m in command_modules())])
def test_help_is_vietnamese(command, empty_repo: Path):
    result = run_cli(*([command] if command else []), "--help", cwd=empty_repo)
    assert result.code == 0
    assert "Cách gọi:" in result.out and "in hướng dẫn này rồi thoát" in result.out
    assert not ENGLISH.search(result.out), result.out
    english_value = re.search(r"(?:--[a-z-]+ |^  )(?!YYYY)([A-Z_]{2,})(?=[\s\].])", result.out, re.M)
    assert english_value is None, english_value and english_value.group(0)


def test_usage_errors_are_vietnamese(empty_repo: Path):
    missing = run_cli("new", "--unit", "hoi-lhpn", cwd=empty_repo)
    assert missing.code == 2
    assert "thiếu tham số bắt buộc: --kind, --category, --title" in missing.err
    choice = run_cli("validate", "--format", "xml", cwd=empty_repo)
    assert "tham số --format: không có lựa chọn 'xml'" in choice.err
    assert not ENGLISH.search(missing.err + choice.err)


def test_new_after_the_deadline_warns_and_names_next_month(empty_repo: Path):
    late = run_cli(*NEW, cwd=empty_repo, env={"DIEN_HINH_TODAY": "2026-11-29"})
    assert late.code == 0, late.err
    assert "đã qua hạn gửi của kỳ 2026-11" in late.err
    assert "--period 2026-12" in late.err and "--slug" in late.err
    on_time = run_cli(*NEW, "--slug", "ba-lan-tra-tui-xach", cwd=empty_repo,
                      env={"DIEN_HINH_TODAY": "2026-11-14"})
    assert on_time.code == 0 and "hạn gửi" not in on_time.err
    chosen = run_cli(*NEW, "--period", "2026-12", "--slug", "ba-lan-thang-12", cwd=empty_repo,
                     env={"DIEN_HINH_TODAY": "2026-11-29"})
    assert chosen.code == 0 and "hạn gửi" not in chosen.err
    assert (empty_repo / "content/nominations/2026-12/ba-lan-thang-12.md").is_file()


def test_new_slug_names_the_file_and_refuses_what_is_no_file_name(empty_repo: Path):
    made = run_cli(*NEW, "--slug", "ba-nguyen-thi-lan-tra-lai-tui-xach", cwd=empty_repo,
                   env={"DIEN_HINH_TODAY": "2026-11-05"})
    rel = "content/nominations/2026-11/ba-nguyen-thi-lan-tra-lai-tui-xach.md"
    assert (empty_repo / rel).is_file()
    assert f"make validate FILE={rel}" in made.out
    bad = run_cli(*NEW, "--slug", "Bà Lan", cwd=empty_repo, env={"DIEN_HINH_TODAY": "2026-11-05"})
    assert bad.code == 2 and 'ví dụ "ba-lan"' in bad.err


def test_no_message_sends_people_to_a_bare_python_command():
    """`python -m scripts` fails outside .venv: messages name make or .venv/bin/python."""
    bare = re.compile(r"(?<![/\w])python -m scripts (?!<)")
    for path in (ROOT / "scripts").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if bare.search(line) and not line.lstrip().startswith(("#", '"""', "``")) and "``" not in line:
                pytest.fail(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")


def _make(*args: str, tmp_path: Path) -> str:
    done = subprocess.run(["make", "-n", *args, f"VENV={tmp_path}/.venv"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_make_html_installs_only_what_building_needs(tmp_path: Path):
    html = _make("html", tmp_path=tmp_path)
    assert "pip install --quiet -r requirements.txt" in html
    assert "requirements-dev.txt" not in html
    assert "requirements-dev.txt" in _make("test", tmp_path=tmp_path)
    runtime = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for test_only in ("pytest", "playwright", "ruff", "check-jsonschema", "pre-commit"):
        assert not re.search(rf"^{test_only}\b", runtime, re.M), test_only


def test_make_help_is_vietnamese_and_validate_takes_one_file(tmp_path: Path):
    text = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "make validate FILE=" in text
    assert not re.search(r"set up|run every|build (the|with)|remove|publish to|run the", text), text
    one = _make("validate", "FILE=content/nominations/2026-11/a.md", "FIX=1", tmp_path=tmp_path)
    assert "-m scripts validate --fix content/nominations/2026-11/a.md" in one


def test_the_editors_guide_names_the_file_new_writes(empty_repo: Path):
    """The git route of docs/huong-dan-bien-tap.md, as written: `new`, then the file it names."""
    import shlex
    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    command = re.search(r"^\.venv/bin/python -m scripts (new .*?)\n```", guide, re.M | re.S).group(1)
    args = shlex.split(command.replace("\\\n", " "))
    made = run_cli(*args, cwd=empty_repo, env={"DIEN_HINH_TODAY": "2026-11-05"})
    assert made.code == 0, made.err
    named = set(re.findall(r"(?:FILE=|git add )(content/nominations/\S+\.md)", guide))
    assert named, "the guide names no file"
    for rel in named:
        assert (empty_repo / rel).is_file(), f"the guide names {rel}, `new` did not write it"
