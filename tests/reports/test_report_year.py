"""report --year: months on time out of twelve, totals by state, CSV for the scoring spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from tests.reports.conftest import ColumnRepo


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> ColumnRepo:
    repo = ColumnRepo(tmp_path_factory.mktemp("year") / "repo")
    # TDP Phú Thịnh: on time in September and October, late in November. Hội Phụ nữ: one on time
    # and one late in October: October counts as on time. Commits follow the calendar.
    repo.place("dung-han", "2026-09", submitted_on="2026-09-08", slug="phu-thinh-thang-9")
    repo.commit("2026-09-08T10:00:00+07:00", "Gửi phiếu tháng 9")
    repo.place("muon-han", "2026-10", submitted_on="2026-10-03", slug="phu-nu-som")
    repo.commit("2026-10-03T10:00:00+07:00", "Gửi sớm")
    repo.place("dung-han", "2026-10", submitted_on="2026-10-14", slug="phu-thinh-thang-10")
    repo.commit("2026-10-14T23:30:00+07:00", "Gửi phiếu tháng 10, sát hạn")
    repo.place("muon-han", "2026-10", submitted_on="2026-10-20", slug="phu-nu-muon")
    repo.commit("2026-10-20T10:00:00+07:00", "Gửi muộn")
    late = repo.place("dung-han", "2026-11", submitted_on="2026-11-20", slug="phu-thinh-thang-11")
    repo.commit("2026-11-20T10:00:00+07:00", "Gửi phiếu tháng 11")
    repo.approve(late, "2026-11-25")
    repo.commit("2026-11-25T10:00:00+07:00", "Thông qua")
    return repo


@pytest.fixture(scope="module")
def year_rows(year) -> list[dict]:
    result = year.cli("report", "--year", "2026", "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(result.out.removeprefix("\ufeff"))))


def by_id(rows, unit):
    return next(row for row in rows if row["Mã đơn vị"] == unit)


def test_months_on_time_out_of_twelve(year_rows):
    row = by_id(year_rows, "tdp-phu-thinh")
    marks = [row[f"T{m}"] for m in range(1, 13)]
    # Before September: nothing sent (K); November late (M); December not yet due (blank).
    assert marks == ["K"] * 8 + ["Đ", "Đ", "M", ""]
    assert row["Số tháng đúng hạn"] == "2/12"
    assert (row["Đã gửi"], row["Đúng hạn"], row["Muộn"], row["Thông qua"]) == ("3", "2", "1", "1")


def test_a_month_with_one_nomination_on_time_counts_once(year_rows):
    row = by_id(year_rows, "hoi-lhpn")
    assert row["T10"] == "Đ"
    assert row["Số tháng đúng hạn"] == "1/12"
    assert (row["Đã gửi"], row["Đúng hạn"], row["Muộn"]) == ("2", "1", "1")


def test_every_unit_in_vietnamese_order_with_a_total(year_rows):
    units = [row for row in year_rows if row["Mã đơn vị"]]
    assert len(units) == 22
    assert [row["STT"] for row in units] == [str(n) for n in range(1, 23)]
    assert by_id(year_rows, "tram-y-te")["Số tháng đúng hạn"] == "0/12"
    total = year_rows[-1]
    assert total["Đơn vị"] == "Cộng"
    assert (total["Đã gửi"], total["Đúng hạn"], total["Muộn"]) == ("5", "3", "2")


@pytest.mark.parametrize("fmt, marker", [("md", "# Báo cáo năm 2026"), ("html", "<svg ")])
def test_other_formats(year, fmt, marker):
    result = year.cli("report", "--year", "2026", "--format", fmt)
    assert result.code == 0, result.err
    assert marker in result.out
    assert "Tổ dân phố Phú Thịnh" in result.out


def test_html_year_report_prints_landscape(year):
    result = year.cli("report", "--year", "2026", "--format", "html")
    assert "size: A4 landscape" in result.out
    assert "<script" not in result.out


@pytest.mark.parametrize("value", ["26", "2026-11", "năm 2026"])
def test_bad_year_is_a_usage_error(year, value):
    result = year.cli("report", "--year", value)
    assert result.code == 2
    assert result.err == f"Lỗi: năm \"{value}\" không đúng dạng YYYY (ví dụ 2026)\n"


def test_month_and_year_together_is_a_usage_error(year):
    result = year.cli("report", "--year", "2026", "--month", "2026-11")
    assert result.code == 2
    assert "Lỗi: cách gọi lệnh không đúng" in result.err


def test_a_month_with_only_a_file_with_errors_is_marked_l_not_k(tmp_path):
    repo = ColumnRepo(tmp_path / "repo")
    path = repo.place("dung-han", "2026-10", submitted_on="2026-10-05", slug="phu-thinh-thang-10")
    path.write_text(path.read_text(encoding="utf-8").replace("field: moi-truong", "field: bong-da"),
                    encoding="utf-8")
    repo.commit("2026-10-05T10:00:00+07:00", "Gửi phiếu tháng 10")
    result = repo.cli("report", "--year", "2026", "--format", "csv")
    assert result.code == 1
    row = by_id(list(csv.DictReader(io.StringIO(result.out.removeprefix("\ufeff")))), "tdp-phu-thinh")
    assert (row["T9"], row["T10"], row["Số tháng đúng hạn"], row["Đã gửi"]) == ("K", "L", "0/12", "0")
    markdown = repo.cli("report", "--year", "2026").out
    assert "L = chỉ có phiếu có lỗi, chưa tính" in markdown
    rel = "content/nominations/2026-10/phu-thinh-thang-10.md"
    assert f"| 2026-10 | TDP Phú Thịnh | {rel} | dòng 4, field" in markdown
