"""The command line as users meet it: formats, exit codes, help, parallel runs, `new`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.cli import build_parser, command_module_names, command_modules
from tests.bench.generate import generate
from tests.conftest import ROOT, run_cli
from tests.nomination.test_validate_cases import CASES, TODAY

BAD = CASES / "invalid" / "unknown-unit.md"


def _put(repo: Path, case: Path, month: str = "2026-11") -> Path:
    target = repo / "content" / "nominations" / month / case.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)
    return target


def test_github_format_annotates_the_line(empty_repo: Path):
    _put(empty_repo, BAD)
    result = run_cli("validate", "--format", "github", cwd=empty_repo, env=TODAY)
    assert result.code == 1
    annotation = next(line for line in result.out.splitlines() if line.startswith("::error "))
    assert annotation.startswith(
        "::error file=content/nominations/2026-11/unknown-unit.md,line=6,title=submitted_by::"
    )
    assert "có phải ý bạn là" in annotation


def test_github_format_escapes_newlines_and_commas(empty_repo: Path):
    target = _put(empty_repo, BAD)
    target.rename(target.with_name("a,b.md"))
    result = run_cli("validate", "--format", "github", cwd=empty_repo, env=TODAY)
    assert "file=content/nominations/2026-11/a%2Cb.md" in result.out


def test_json_format_counts(empty_repo: Path):
    _put(empty_repo, BAD)
    _put(empty_repo, CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md")
    report = json.loads(run_cli("validate", "--format", "json", cwd=empty_repo, env=TODAY).out)
    assert report["files"] == 2
    assert report["errors"] == 1
    assert report["problems"][0]["field"] == "submitted_by"
    assert report["problems"][0]["label"] == "Đơn vị giới thiệu"


def test_summary_line_in_vietnamese(empty_repo: Path):
    _put(empty_repo, BAD)
    result = run_cli("validate", cwd=empty_repo, env=TODAY)
    assert result.out.splitlines()[-1] == "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo."


@pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["khong-co-lenh"], ["validate", "--jobs"]])
def test_bad_usage_exits_2_in_vietnamese(args: list[str], empty_repo: Path):
    result = run_cli(*args, cwd=empty_repo)
    assert result.code == 2
    assert "Lỗi: cách gọi lệnh không đúng" in result.err


def test_missing_path_is_a_problem_not_a_traceback(empty_repo: Path):
    result = run_cli("validate", "content/nominations/2026-11/khong-co.md", cwd=empty_repo)
    assert result.code == 1
    assert "không tìm thấy tệp" in result.out
    assert "Traceback" not in result.err


def test_missing_schema_is_one_line(tmp_path: Path):
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 1
    assert result.err.startswith("Lỗi: ") and "Traceback" not in result.err


def test_every_command_has_help_text():
    parser = build_parser()
    for module in command_modules():
        assert module.HELP and module.__doc__, module.__name__
        sub = parser._subparsers._group_actions[0].choices[module.NAME]
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{module.NAME} {action.dest} has no help"


def test_each_command_is_found_by_its_file_name_alone():
    """The command line imports only the command it runs, found by its module's file name."""
    names = command_module_names()
    for module in command_modules():
        assert names[module.NAME] == module.__name__.rsplit(".", 1)[1], module.NAME


_IMPORTED_BY_VALIDATE = """
import sys
from scripts.cli import main
code = main(["--root", sys.argv[1], "validate"])
print(" ".join(sorted(m for m in sys.modules if m.startswith("scripts.commands."))))
print(" ".join(sorted(m for m in ("jinja2", "docx", "pelican", "urllib.request") if m in sys.modules)))
"""


def test_validate_loads_no_other_command_nor_their_libraries(empty_repo: Path):
    """Start-up is a serial share of every validate run: other commands' libraries stay out."""
    _put(empty_repo, CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md")
    done = subprocess.run([sys.executable, "-c", _IMPORTED_BY_VALIDATE, str(empty_repo)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=True)
    commands, libraries = done.stdout.splitlines()[-2:]
    assert commands == "scripts.commands.validate"
    assert libraries == ""


@pytest.mark.parametrize("argv", [["--help"], ["-h", "validate"], ["--root", "validate", "--help"]])
def test_help_for_the_whole_tool_still_lists_every_command(argv, capsys):
    from scripts.cli import main

    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ") and line.split()}
    assert set(command_module_names()) <= listed


def test_parallel_run_reports_like_a_serial_one(empty_repo: Path):
    generate(empty_repo, 240, published=False, months=("2026-10",))
    broken = next((empty_repo / "content/nominations/2026-10").glob("bai-00007-*.md"))
    broken.write_text(broken.read_text(encoding="utf-8").replace("field:", "feild:"), encoding="utf-8")
    serial = run_cli("validate", "--jobs", "1", cwd=empty_repo, env=TODAY)
    parallel = run_cli("validate", "--jobs", "2", cwd=empty_repo, env=TODAY)
    assert serial.out == parallel.out
    # A misspelt key is both an unknown key and a missing required one.
    assert 'trường "feild" không có trong mẫu phiếu; có phải ý bạn là "field"?' in serial.out
    assert "Đã kiểm tra 240 tệp: 2 lỗi" in serial.out


def test_new_writes_a_commented_form_in_this_months_folder(empty_repo: Path):
    result = run_cli(
        "new", "--unit", "hoi-lhpn", "--kind", "ca-nhan", "--category", "nguoi-tot-viec-tot",
        "--title", "Bà Đặng Thị Lựu giúp hàng xóm sửa nhà sau bão", "--field", "van-hoa-xa-hoi",
        cwd=empty_repo, env=TODAY,
    )
    assert result.code == 0, result.err
    path = empty_repo / "content/nominations/2026-11/ba-dang-thi-luu-giup-hang-xom-sua-nha-sau-bao.md"
    text = path.read_text(encoding="utf-8")
    assert "# Họ tên / tên tập thể: Viết đầy đủ, không viết tắt" in text
    assert 'submitted_by: "hoi-lhpn"' in text and 'submitted_on: "2026-11-27"' in text
    assert "Còn phải điền:" in result.out and "nominee.name" in result.out
    # The form parses: what is left are the fields to fill, each named.
    check = run_cli("validate", str(path), cwd=empty_repo, env=TODAY)
    assert "nominee.name (Họ tên / tên tập thể): chưa điền" in check.out
    assert "frontmatter" not in check.out and "YAML" not in check.out


def test_new_refuses_an_unknown_unit_and_an_existing_slug(empty_repo: Path):
    args = ["new", "--kind", "tap-the", "--category", "cach-lam-hay", "--title", "Tổ phân loại rác Đông Hải"]
    unknown = run_cli(*args, "--unit", "hoi-phu-nu", cwd=empty_repo, env=TODAY)
    assert unknown.code == 2 and "không có đơn vị mã" in unknown.err
    first = run_cli(*args, "--unit", "tdp-dong-hai", cwd=empty_repo, env=TODAY)
    assert first.code == 0
    again = run_cli(*args, "--unit", "tdp-dong-hai", cwd=empty_repo, env=TODAY)
    assert again.code == 1 and "đã có bài cùng tên tệp" in again.err
    bad_kind = run_cli("new", "--unit", "mttq", "--kind", "nhom", "--category", "cach-lam-hay",
                       "--title", "Một tiêu đề đủ dài", cwd=empty_repo, env=TODAY)
    assert bad_kind.code == 2 and "--kind" in bad_kind.err


def test_a_reader_that_stops_early_is_not_an_error(empty_repo: Path):
    """`validate | head -1`: once the reader has gone, the closed pipe is no error of ours."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    for number in range(400):  # well over a pipe's 64 KiB of output
        shutil.copyfile(BAD, _put(empty_repo, BAD).with_name(f"bai-{number}.md"))
    done = subprocess.run(
        f"'{sys.executable}' -m scripts validate --jobs 1 | head -n 1",
        shell=True, cwd=empty_repo, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **TODAY},
    )
    assert done.stdout.count("\n") == 1
    assert "Lỗi không mong đợi" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_the_real_process_says_what_the_in_process_runner_says(empty_repo: Path):
    """Most tests call ``scripts.cli.main`` in-process; this one proves the entry point itself
    (``python -m scripts`` in a new process) prints the same lines and exit code."""
    from tests.conftest import run_cli_process

    target = _put(empty_repo, BAD)
    rel = str(target.relative_to(empty_repo))
    inside = run_cli("validate", rel, cwd=empty_repo, env=TODAY)
    process = run_cli_process("validate", rel, cwd=empty_repo, env=TODAY)
    assert (process.code, process.out, process.err) == (inside.code, inside.out, inside.err)
    assert process.code == 1 and "unit.unknown" not in process.err


def test_the_real_process_reports_usage_errors_in_vietnamese(empty_repo: Path):
    from tests.conftest import run_cli_process

    done = run_cli_process("status", "--month", "11/2026", cwd=empty_repo)
    assert done.code == 2
    assert done.err == "Lỗi: tháng \"11/2026\" không đúng dạng YYYY-MM (ví dụ 2026-11)\n"
