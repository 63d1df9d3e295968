"""The report counts submitted_on and marks "Cần kiểm tra" where history contradicts it."""

from __future__ import annotations

import shutil

from tests.conftest import ROOT
from tests.reports.conftest import ColumnRepo

PHOTO = ROOT / "tests/review/data/basic/content/images/2026-10/to-thu-gom-rac.png"


def detail_line(repo: ColumnRepo, slug: str, month: str = "2026-11") -> str:
    result = repo.cli("report", "--month", month)
    assert result.code == 0, result.err
    return next(line for line in result.out.splitlines() if f"| {slug} |" in line)


def test_forged_author_date_shows_to_check(column):
    # Made on the 27th; GIT_AUTHOR_DATE says the 10th and so does submitted_on.
    column.place("dung-han", submitted_on="2026-11-10")
    commit = column.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu", authored="2026-11-10T09:00:00+07:00")
    line = detail_line(column, "dung-han")
    assert "| Cần kiểm tra |" in line
    assert ("| Phiếu ghi ngày gửi 10/11/2026 nhưng hệ thống ghi nhận tệp ngày 27/11/2026, người gửi "
            f"khai ngày 10/11/2026 (sau 17 ngày), mã lưu trữ {commit[:10]} |") in line


def test_a_commit_backdated_with_both_dates_shows_to_check_by_its_parent(column):
    # Every date says the 10th, but the commit sits on top of one made on the 26th.
    column.place("muon-han", submitted_on="2026-11-26")
    column.commit("2026-11-26T09:00:00+07:00", "Hội Phụ nữ gửi phiếu")
    column.place("dung-han", submitted_on="2026-11-10")
    commit = column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu (mọi ngày đều giả)")
    line = detail_line(column, "dung-han")
    assert "| Cần kiểm tra |" in line
    assert ("| Lần lưu tệp vào hệ thống mang ngày 10/11/2026, sớm hơn lần lưu ngay trước nó "
            f"(26/11/2026): ngày lưu đã bị đặt lùi (mã lưu trữ {commit[:10]}) |") in line


def test_late_honest_commit_with_a_photo_of_another_month_is_late(column):
    column.place("dung-han", submitted_on="2026-11-27")
    photo = column.root / "content/images/2026-10/anh-cu.png"
    photo.parent.mkdir(parents=True)
    shutil.copy(PHOTO, photo)
    column.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu muộn, kèm ảnh tháng trước")
    line = detail_line(column, "dung-han")
    assert "| 27/11/2026 | theo hệ thống | 27/11/2026 | Muộn |" in line


def test_late_commit_with_a_photo_and_a_forged_submitted_on_shows_to_check(column):
    column.place("dung-han", submitted_on="2026-11-10")
    photo = column.root / "content/images/2026-10/anh-cu.png"
    photo.parent.mkdir(parents=True)
    shutil.copy(PHOTO, photo)
    column.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu muộn, kèm ảnh tháng trước")
    line = detail_line(column, "dung-han")
    assert "| Cần kiểm tra |" in line
    assert "Đúng hạn" not in line


def test_submitted_on_altered_after_the_file_arrived_shows_to_check(column):
    path = column.place("muon-han", submitted_on="2026-11-16")
    column.commit("2026-11-16T09:00:00+07:00", "Gửi phiếu")
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-16", "2026-11-12"), encoding="utf-8")
    column.commit("2026-11-20T09:00:00+07:00", "Sửa lỗi chính tả")
    line = detail_line(column, "muon-han")
    assert "| 12/11/2026 | theo hệ thống | 16/11/2026 | Cần kiểm tra |" in line
    assert "(sau 4 ngày)" in line


def test_to_check_is_counted_apart_in_the_year_report(column):
    column.place("dung-han", submitted_on="2026-11-10")
    column.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu", authored="2026-11-10T09:00:00+07:00")
    result = column.cli("report", "--year", "2026", "--format", "csv")
    assert result.code == 0, result.err
    header, *rows = result.out.removeprefix("\ufeff").splitlines()
    columns = header.split(",")
    row = dict(zip(columns, next(r for r in rows if ",tdp-phu-thinh," in r).split(","), strict=False))
    assert (row["T11"], row["Đúng hạn"], row["Muộn"], row["Cần kiểm tra"]) == ("C", "0", "0", "1")
    markdown = column.cli("report", "--year", "2026").out
    assert "## Phiếu cần kiểm tra ngày gửi (chưa tính)" in markdown
