"""report --month through the real command line, on a git repository with chosen commit dates."""

from __future__ import annotations

import csv
import io
import re

import pytest

from scripts.nomination.units import UnitRegistry
from tests.conftest import ROOT
from tests.reports.conftest import ColumnRepo


@pytest.fixture(scope="module")
def csv_rows(november) -> dict[str, dict]:
    result = november.cli("report", "--month", "2026-11", "--format", "csv")
    assert result.code == 0, result.err
    data = result.out
    assert data.startswith("\ufeff"), "CSV starts with a BOM so that Excel reads UTF-8"
    rows = list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff"))))
    return {row["Mã đơn vị"]: row for row in rows}


def counts(row: dict) -> tuple:
    keys = ("Đã gửi", "Đúng hạn", "Muộn", "Cần kiểm tra", "Thông qua", "Trả lại", "Gỡ bài", "Chờ thẩm định",
            "Gửi cấp trên")
    return tuple(int(row[key]) for key in keys)


def test_every_unit_of_the_registry_has_a_row(csv_rows):
    units = UnitRegistry.load(ROOT / "schema" / "units.yaml")
    assert len(csv_rows) == len(units) + 1  # every unit and the total line
    assert csv_rows["tdp-tan-dan"]["Ghi chú"] == "Không gửi"
    assert counts(csv_rows["tdp-tan-dan"]) == (0,) * 9


def test_sent_on_the_10th_is_on_time(csv_rows):
    row = csv_rows["tdp-phu-thinh"]
    assert counts(row) == (1, 1, 0, 0, 0, 0, 0, 1, 0)
    assert row["Nguồn ngày gửi"] == "phiếu, đã đối chiếu git"


def test_sent_on_the_16th_is_late(csv_rows):
    assert counts(csv_rows["hoi-lhpn"]) == (1, 0, 1, 0, 0, 0, 0, 1, 0)


def test_a_file_moved_by_approve_keeps_the_date_it_was_sent(csv_rows):
    # Committed on 5 November, moved into published/ and stamped on 20 November.
    row = csv_rows["hoi-ccb"]
    assert counts(row) == (1, 1, 0, 0, 1, 0, 0, 0, 1)
    assert row["Ghi chú"] == ""


def test_returned_nomination_is_counted_as_returned(csv_rows):
    assert counts(csv_rows["cong-an"]) == (1, 1, 0, 0, 0, 1, 0, 0, 0)


def test_submitted_on_earlier_than_its_commit_is_not_counted_but_to_check(csv_rows):
    # submitted_on says 13 November (on time); the commit that added the file is of the 17th.
    row = csv_rows["doan-thanh-nien"]
    assert counts(row)[:4] == (1, 0, 0, 1)
    assert row["Ghi chú"].startswith(
        "lech-ngay: cần kiểm tra: phiếu ghi ngày gửi 13/11/2026 nhưng commit "
    )
    assert "có ngày tác giả 17/11/2026, ngày commit 17/11/2026 (sau 4 ngày)" in row["Ghi chú"]


def test_commit_dates_are_read_in_the_ward_time_zone_with_a_day_of_grace(november, csv_rows):
    # Committed at 20:00 on 14 November in UTC-5, which is 08:00 on 15 November in Vietnam: one day
    # after submitted_on (14th), within the grace around midnight, so submitted_on counts.
    row = csv_rows["tram-y-te"]
    assert counts(row)[:4] == (1, 1, 0, 0)
    detail = november.cli("report", "--month", "2026-11").out
    assert "| mui-gio | 14/11/2026 | phiếu, đã đối chiếu git | 15/11/2026 | Đúng hạn |" in detail


def test_uncommitted_file_counts_submitted_on_unchecked(csv_rows):
    row = csv_rows["hoi-nong-dan"]
    assert counts(row)[:4] == (1, 1, 0, 0)
    assert row["Nguồn ngày gửi"] == "phiếu, chưa đối chiếu git"
    assert "tệp chưa được commit" in row["Ghi chú"]


def test_total_line(csv_rows):
    assert counts(csv_rows[""]) == (7, 5, 1, 1, 1, 1, 0, 5, 1)


def test_units_in_vietnamese_alphabetical_order(csv_rows):
    names = [row["Đơn vị"] for key, row in csv_rows.items() if key]
    # "Đ" comes after "D" and before "H"; "Ủy" (U) after "Trường" (T).
    assert names.index("Công an phường") < names.index("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường")
    assert names.index("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường") < names.index("Hội Chữ thập đỏ phường")
    assert names[-2:] == ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Văn phòng HĐND và UBND phường"]


def test_markdown_report_lists_details_and_the_rule(november):
    result = november.cli("report", "--month", "2026-11")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Báo cáo gửi gương điển hình tiên tiến – Tháng 11/2026\n")
    assert "Ủy ban nhân dân phường Ninh Hà" in out  # from pelicanconf.py
    detail = ("| Hội Cựu chiến binh | duoc-thong-qua | 05/11/2026 | phiếu, đã đối chiếu git | 05/11/2026 "
              "| Đúng hạn | Thông qua | Có |")
    assert detail in out
    assert "| lech-ngay | 13/11/2026 | phiếu, đã đối chiếu git | 17/11/2026 | Cần kiểm tra |" in out
    assert "đến hết ngày 14 (kỳ này: đến hết ngày 14/11/2026)" in out
    assert "1 phiếu cần kiểm tra ngày gửi, chưa tính đúng hạn hay muộn" in out


def test_html_report_has_an_inline_svg_chart_and_no_script(november, tmp_path):
    target = tmp_path / "bao-cao.html"
    result = november.cli("report", "--month", "2026-11", "--format", "html", "--out", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert f"Đã ghi {target}" in result.err
    html = target.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert re.search(r"<svg [^>]*role=\"img\"", html)
    assert html.count("<rect class=\"on-time\"") == 5  # five units with a nomination on time
    assert html.count("<rect class=\"late\"") == 1
    assert "@page { size: A4;" in html
    assert list(tmp_path.iterdir()) == [target], "no temporary file is left beside the report"


def test_month_not_yet_due_says_so_instead_of_late(november):
    result = november.cli("report", "--month", "2026-12", "--format", "csv")
    assert result.code == 0, result.err
    assert "Chưa gửi (chưa đến hạn)" in result.out
    assert "Không gửi" not in result.out


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "tháng 11", "11-2026"])
def test_bad_month_is_a_usage_error(november, month):
    result = november.cli("report", "--month", month)
    assert result.code == 2
    assert result.err == f"Lỗi: tháng \"{month}\" không đúng dạng YYYY-MM (ví dụ 2026-11)\n"


def test_out_into_a_missing_folder_is_a_clear_error(november, tmp_path):
    result = november.cli("report", "--month", "2026-11", "--out", str(tmp_path / "khong-co" / "a.md"))
    assert result.code == 1
    assert result.err.startswith("Lỗi: không có thư mục ")
    assert "Traceback" not in result.err


def test_repository_without_history_uses_submitted_on(tmp_path):
    repo = ColumnRepo(tmp_path / "repo", git=False)
    repo.place("lech-ngay")
    result = repo.cli("report", "--month", "2026-11", "--format", "csv")
    assert result.code == 0, result.err
    row = next(line for line in result.out.splitlines() if line.startswith("7,doan-thanh-nien"))
    assert row.split(",")[3:7] == ["1", "1", "0", "0"]
    assert "phiếu, chưa đối chiếu git" in row
    assert "thư mục không phải kho git" in row


def test_unreadable_nomination_is_reported_and_exits_1(column):
    column.place("dung-han")
    broken = column.root / "content/nominations/2026-11/hong.md"
    broken.write_bytes(b"---\ntitle: [unclosed\n---\nbody\n")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    result = column.cli("report", "--month", "2026-11")
    assert result.code == 1
    assert "Lỗi: content/nominations/2026-11/hong.md: không đọc được phiếu" in result.err
    assert "Traceback" not in result.err
    assert "| 15 | tdp-phu-thinh | Tổ dân phố Phú Thịnh | 1 | 1 | 0 |" in result.out
    assert "Không đọc được content/nominations/2026-11/hong.md" in result.out
