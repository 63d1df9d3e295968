"""The report counts submitted_on and marks "Cần kiểm tra" where history contradicts it."""

from __future__ import annotations

import shutil

from tests.conftest import ROOT
from tests.reports.conftest import ColumnRepo

SLUG = "chi-luong-thi-hong-nhung-day-boi"
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
    assert (f"cần kiểm tra: phiếu ghi ngày gửi 10/11/2026 nhưng commit {commit[:10]} thêm tệp có ngày "
            "tác giả 10/11/2026, ngày commit 27/11/2026 (sau 17 ngày)") in line


def test_a_commit_backdated_with_both_dates_shows_to_check_by_its_parent(column):
    # Every date says the 10th, but the commit sits on top of one made on the 26th.
    column.place("muon-han", submitted_on="2026-11-26")
    column.commit("2026-11-26T09:00:00+07:00", "Hội Phụ nữ gửi phiếu")
    column.place("dung-han", submitted_on="2026-11-10")
    commit = column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu (mọi ngày đều giả)")
    line = detail_line(column, "dung-han")
    assert "| Cần kiểm tra |" in line
    assert (f"cần kiểm tra: commit {commit[:10]} có ngày commit 10/11/2026, sớm hơn commit cha của nó "
            "(26/11/2026): ngày của commit đã bị đặt lùi") in line


def test_late_honest_commit_with_a_photo_of_another_month_is_late(column):
    column.place("dung-han", submitted_on="2026-11-27")
    photo = column.root / "content/images/2026-10/anh-cu.png"
    photo.parent.mkdir(parents=True)
    shutil.copy(PHOTO, photo)
    column.commit("2026-11-27T09:00:00+07:00", "Gửi phiếu muộn, kèm ảnh tháng trước")
    line = detail_line(column, "dung-han")
    assert "| 27/11/2026 | phiếu, đã đối chiếu git | 27/11/2026 | Muộn |" in line


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
    assert "| 12/11/2026 | phiếu, đã đối chiếu git | 16/11/2026 | Cần kiểm tra |" in line
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


def test_the_council_import_is_counted_by_submitted_on(column, tmp_path):
    old = tmp_path / "so-luu" / f"{SLUG}.md"
    old.parent.mkdir()
    text = (ROOT / f"tests/cases/valid/{SLUG}.md").read_text(encoding="utf-8")
    for month_of_november, month_of_september in (
        ("period: 2026-11", "period: 2026-09"), ("submitted_on: 2026-11-06", "submitted_on: 2026-09-08"),
        ('"on": 2026-11-02', '"on": 2026-09-02'),
    ):
        text = text.replace(month_of_november, month_of_september)
    old.write_text(text, encoding="utf-8")
    column.git("config", "user.name", "Nguyễn Văn Thẩm")
    column.git("config", "user.email", "tham@example.vn")
    result = column.cli("import", str(old), "--by", "Nguyễn Văn Thẩm", "--note", "Theo sổ lưu văn phòng")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Đã nhập: content/nominations/2026-09/{SLUG}.md\nĐã tạo commit ")
    line = detail_line(column, SLUG, "2026-09")
    assert "| 08/09/2026 | phiếu, Hội đồng nhập |" in line
    assert "| Đúng hạn |" in line
    assert "Hội đồng nhập phiếu cũ (commit " in line
