"""A published file with an error stops the build with the validator's own lines."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.site.conftest import TODAY, build, make_site_repo

DUC = "content/published/2026-08/ong-nguyen-van-duc-tra-lai-tui-tien-cho-nguoi-danh-roi.md"


def break_file(repo, old: str, new: str) -> None:
    path = repo / DUC
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("field: van-hoa-xa-hoi", "field: văn hóa", ":4: error: field (Lĩnh vực): "),
    ("Sáng 28/7/2026, như mọi ngày,", "<script>alert(1)</script> Sáng 28/7/2026,",
     ": error: nội dung có mã HTML"),
    ("  decision: approved", "  decision: returned", ": error: review"),
])
def test_error_stops_the_build_with_the_validators_message(tmp_path, old, new, expected):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    break_file(repo, old, new)
    result = build(repo, search=False)
    assert result.code == 1
    assert "Traceback" not in result.err + result.out
    assert DUC in result.err
    assert expected in result.err
    assert "Dừng dựng trang: 1 tệp có lỗi" in result.err
    assert not (repo / "output" / "index.html").exists()
    # The very lines `python -m scripts validate` prints for that file.
    validate = run_cli("validate", DUC, cwd=repo, env={"DIEN_HINH_TODAY": TODAY})
    errors = [line for line in validate.out.splitlines() if ": error: " in line]
    assert errors
    for line in errors:
        assert line in result.err


def test_settings_that_read_pending_nominations_are_refused(tmp_path):
    repo = make_site_repo(tmp_path / "repo", extra=False)
    conf = repo / "pelicanconf.py"
    conf.write_text(conf.read_text("utf-8") + '\nARTICLE_PATHS = [""]\n', "utf-8")
    result = build(repo, search=False)
    assert result.code == 1
    assert "content/nominations/" in result.err and "ARTICLE_PATHS" in result.err
    assert "Traceback" not in result.err
    assert not (repo / "output").exists() or not any((repo / "output").rglob("*.html"))
