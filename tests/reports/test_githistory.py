"""The commit that added each file: moves, rewrites, imports, both dates, shallow clones, subfolders."""

from __future__ import annotations

import datetime as dt
import subprocess

from scripts.common.repo import Repo
from scripts.reports.githistory import SHALLOW, read_history
from tests.reports.conftest import ColumnRepo

NOM = "content/nominations/2026-11/dung-han.md"
PUB = "content/published/2026-11/dung-han.md"


def day_of(repo: ColumnRepo, rel: str):
    added = read_history(Repo.at(repo.root)).first_added(rel)
    return added and added.days[0]


def test_approve_then_withdraw_keeps_the_first_date(column):
    path = column.place("dung-han")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi")
    moved = column.approve(path, "2026-11-20")
    column.commit("2026-11-20T09:00:00+07:00", "Thông qua")
    column.git("mv", PUB, NOM)
    column.commit("2026-11-25T09:00:00+07:00", "Gỡ bài")
    assert not moved.exists()
    assert day_of(column, NOM) == dt.date(2026, 11, 10)


def test_a_move_that_rewrites_most_of_the_file_is_still_followed(column):
    path = column.place("dung-han")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi")
    (column.root / PUB).parent.mkdir(parents=True)
    column.git("mv", NOM, PUB)
    (column.root / PUB).write_text("---\ntitle: Viết lại hoàn toàn\n---\nKhác hẳn.\n", encoding="utf-8")
    column.commit("2026-11-20T09:00:00+07:00", "Thông qua, viết lại")
    assert not path.exists()
    status = column.git("show", "--name-status", "--format=", "-M", "HEAD")
    assert {line.split("\t")[0] for line in status.splitlines() if line} == {"A", "D"}, (
        "git sees a delete and an add here, not a rename"
    )
    assert day_of(column, PUB) == dt.date(2026, 11, 10)


def test_a_file_renamed_by_its_unit_keeps_its_date(column):
    column.place("dung-han")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi")
    column.git("mv", NOM, "content/nominations/2026-11/ten-moi.md")
    column.commit("2026-11-18T09:00:00+07:00", "Đổi tên tệp")
    assert day_of(column, "content/nominations/2026-11/ten-moi.md") == dt.date(2026, 11, 10)


def test_a_commit_adding_several_months_is_not_an_import(column):
    # A late unit commit that also adds a photo or a file to another month's folder switches nothing.
    column.place("dung-han", "2026-09", slug="thang-9")
    column.place("dung-han", "2026-10", slug="thang-10")
    column.commit("2026-11-27T09:00:00+07:00", "Gửi muộn hai tháng")
    added = read_history(Repo.at(column.root)).first_added("content/nominations/2026-09/thang-9.md")
    assert (added.unreliable, added.imported) == ("", False)
    assert added.days == (dt.date(2026, 11, 27), dt.date(2026, 11, 27))


def test_only_the_council_import_trailer_marks_an_import(column):
    column.place("dung-han", "2026-09", slug="thang-9")
    column.commit("2026-11-27T09:00:00+07:00", "Nhập phiếu cũ\n\nCouncil-Import: Nguyễn Văn Thẩm")
    column.place("muon-han")
    column.commit("2026-11-28T09:00:00+07:00", "Gửi phiếu\n\nghi chú: Council-Import ở giữa câu không tính")
    history = read_history(Repo.at(column.root))
    assert history.first_added("content/nominations/2026-09/thang-9.md").imported
    assert not history.first_added("content/nominations/2026-11/muon-han.md").imported


def test_author_and_committer_dates_are_both_kept(column):
    column.place("dung-han")
    column.commit("2026-11-27T09:00:00+07:00", "Gửi", authored="2026-11-10T09:00:00+07:00")
    added = read_history(Repo.at(column.root)).first_added(NOM)
    assert added.days == (dt.date(2026, 11, 10), dt.date(2026, 11, 27))


def test_shallow_clone_does_not_date_old_files(column, tmp_path):
    column.place("dung-han")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi")
    column.place("muon-han")
    column.commit("2026-11-16T09:00:00+07:00", "Gửi")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{column.root}", str(clone)], check=True,
                   capture_output=True)
    history = read_history(Repo.at(clone))
    assert history.shallow
    assert history.first_added(NOM).unreliable == SHALLOW


def test_column_in_a_subfolder_of_the_git_repository(tmp_path):
    outer = tmp_path / "outer"
    column = ColumnRepo(outer / "site", git=False)
    column.root = outer
    column.git("init", "-q")
    column.root = outer / "site"
    column.place("dung-han")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi")
    assert day_of(column, NOM) == dt.date(2026, 11, 10)


def test_no_commit_yet_means_no_history(tmp_path):
    column = ColumnRepo(tmp_path / "repo", git=False)
    column.git("init", "-q")
    history = read_history(Repo.at(column.root))
    assert not history.available
    assert history.reason == "kho git chưa có commit nào"
