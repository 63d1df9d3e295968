"""report --month through the real command line, on a git repository with chosen commit dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from scripts.nomination.units import UnitRegistry
from scripts.reports.render import date_line
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
    assert row["Nguồn ngày gửi"] == "theo hệ thống"


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
        "lech-ngay: cần kiểm tra: phiếu ghi ngày gửi 13/11/2026 nhưng hệ thống ghi nhận tệp ngày "
    )
    assert "17/11/2026, người gửi khai ngày 17/11/2026 (sau 4 ngày), mã lưu trữ " in row["Ghi chú"]


def test_commit_dates_are_read_in_the_ward_time_zone_with_a_day_of_grace(november, csv_rows):
    # Committed at 20:00 on 14 November in UTC-5, which is 08:00 on 15 November in Vietnam: one day
    # after submitted_on (14th), within the grace around midnight, so submitted_on counts.
    row = csv_rows["tram-y-te"]
    assert counts(row)[:4] == (1, 1, 0, 0)
    detail = november.cli("report", "--month", "2026-11").out
    assert "| mui-gio | 14/11/2026 | theo hệ thống | 15/11/2026 | Đúng hạn |" in detail


def test_uncommitted_file_counts_submitted_on_unchecked(csv_rows):
    row = csv_rows["hoi-nong-dan"]
    assert counts(row)[:4] == (1, 1, 0, 0)
    assert row["Nguồn ngày gửi"] == "theo phiếu"
    assert row["Ghi chú"] == ("Ngày gửi theo phiếu, chưa đối chiếu được với hệ thống: tệp chưa được lưu "
                              "vào hệ thống.")


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
    detail = ("| Hội Cựu chiến binh | duoc-thong-qua | 05/11/2026 | theo hệ thống | 05/11/2026 "
              "| Đúng hạn | Thông qua | Có |")
    assert detail in out
    assert "| lech-ngay | 13/11/2026 | theo hệ thống | 17/11/2026 | Cần kiểm tra |" in out
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
    assert "theo phiếu" in row
    assert "thư mục lập báo cáo không có lịch sử lưu trữ" in row


def test_unreadable_nomination_is_left_out_named_and_exits_1(column):
    column.place("dung-han")
    broken = column.root / "content/nominations/2026-11/hong.md"
    broken.write_bytes(b"---\ntitle: [unclosed\n---\nbody\n")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    result = column.cli("report", "--month", "2026-11")
    assert result.code == 1
    assert ("Lỗi: content/nominations/2026-11/hong.md: có lỗi, chưa tính vào báo cáo "
            "(dòng 3: YAML không hợp lệ: danh sách trong ngoặc vuông") in result.err
    assert "Traceback" not in result.err
    assert "| 15 | tdp-phu-thinh | Tổ dân phố Phú Thịnh | 1 | 1 | 0 |" in result.out
    assert "| 2026-11 | (không rõ đơn vị) | content/nominations/2026-11/hong.md | dòng 3" in result.out


def left_out_row(markdown: str, rel: str) -> str:
    section = markdown.split("## Phiếu có lỗi, chưa tính", 1)[1]
    return next(line for line in section.splitlines() if f"| {rel} |" in line)


def test_a_nomination_with_an_error_is_in_no_count_but_named_on_its_units_row(column):
    """The checker's verdict decides: a file validate refuses scores neither on time nor late."""
    column.place("dung-han")
    column.place("muon-han", submitted_on="2026-11-03", slug="thieu-thanh-tich")
    flawed = column.root / "content/nominations/2026-11/thieu-thanh-tich.md"
    text = flawed.read_text(encoding="utf-8")
    flawed.write_text(text.replace("submitted_by: hoi-lhpn", "submitted_by: hoi-lhpn\nnominee_phone: 0905"),
                      encoding="utf-8")
    column.commit("2026-11-03T09:00:00+07:00", "Gửi phiếu")
    assert column.cli("validate", "content/nominations/2026-11/thieu-thanh-tich.md").code == 1

    rows = {row["Mã đơn vị"]: row for row in csv.DictReader(io.StringIO(
        column.cli("report", "--month", "2026-11", "--format", "csv").out.removeprefix("\ufeff")))}
    assert counts(rows["hoi-lhpn"]) == (0,) * 9
    assert rows["hoi-lhpn"]["Ghi chú"] == (
        "Chưa có phiếu hợp lệ: 1 phiếu có lỗi, chưa tính (xem mục \"Phiếu có lỗi, chưa tính\")"
    )
    assert counts(rows["tdp-phu-thinh"])[:3] == (1, 1, 0)
    assert rows[""]["Đơn vị"] == "Cộng" and rows[""]["Đã gửi"] == "1"

    result = column.cli("report", "--month", "2026-11")
    assert result.code == 1
    rel = "content/nominations/2026-11/thieu-thanh-tich.md"
    row = left_out_row(result.out, rel)
    assert row.startswith("| 2026-11 | Hội Phụ nữ |")
    assert "nominee_phone" in row and f"make validate FILE={rel}" in row
    assert "1 phiếu có lỗi nên chưa được tính" in result.out
    details = result.out.split("## Chi tiết từng phiếu", 1)[1].split("## Phiếu có lỗi")[0]
    assert "thieu-thanh-tich" not in details


def test_unknown_unit_and_an_unsigned_published_story_are_left_out(column):
    column.place("dung-han", submitted_on="2026-11-04", slug="don-vi-la")
    stranger = column.root / "content/nominations/2026-11/don-vi-la.md"
    stranger.write_text(stranger.read_text(encoding="utf-8").replace(
        "submitted_by: tdp-phu-thinh", "submitted_by: doi-bong-da"), encoding="utf-8")
    column.place("duoc-thong-qua", state="published")  # moved by hand: no review stamp
    column.commit("2026-11-05T09:00:00+07:00", "Gửi phiếu")
    result = column.cli("report", "--month", "2026-11")
    assert result.code == 1
    stranger_row = left_out_row(result.out, "content/nominations/2026-11/don-vi-la.md")
    assert "không có đơn vị mã \"doi-bong-da\"" in stranger_row
    assert "| (không rõ đơn vị) |" in stranger_row
    assert "review" in left_out_row(result.out, "content/published/2026-11/duoc-thong-qua.md")
    assert "| Cộng | 0 | 0 | 0 | 0 |" in result.out


def test_one_story_in_both_folders_is_not_counted_twice(column):
    column.place("dung-han")
    column.place("dung-han", state="published")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu, chép nhầm sang published")
    result = column.cli("report", "--month", "2026-11")
    assert result.code == 1
    assert "| 15 | tdp-phu-thinh | Tổ dân phố Phú Thịnh | 0 | 0 | 0 |" in result.out
    for folder in ("nominations", "published"):
        assert f"content/{folder}/2026-11/dung-han.md" in result.err


def test_report_and_validate_give_one_verdict_per_file(november):
    """Every file the report counts passes validate; every file validate refuses is left out."""
    markdown = november.cli("report", "--month", "2026-11").out
    for path in sorted((november.root / "content").glob("*/2026-11/*.md")):
        rel = str(path.relative_to(november.root))
        refused = november.cli("validate", rel).code != 0
        assert refused == ("## Phiếu có lỗi, chưa tính" in markdown and f"| {rel} |" in markdown), rel


def test_html_report_is_an_administrative_document(november, tmp_path):
    target = tmp_path / "bao-cao.html"
    result = november.cli("report", "--month", "2026-11", "--format", "html", "--out", str(target))
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    for fragment in (
        "<p>ỦY BAN NHÂN DÂN PHƯỜNG NINH HÀ</p>\n"
        "<p><strong>HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG PHƯỜNG NINH HÀ</strong>",
        "<p class=\"number\">Số: " + "\u00a0" * 8 + "/BC-HĐTĐKT</p>",
        "<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>\n"
        "<p><strong>Độc lập - Tự do - Hạnh phúc</strong>",
        "<p class=\"date\">Ninh Hà, ngày 27 tháng 11 năm 2026</p>",
        "<h1><span>BÁO CÁO</span><span>Tình hình gửi gương điển hình tiên tiến tháng 11/2026</span></h1>",
        "<p class=\"label\">Nơi nhận:</p>",
        "<li>- Hội đồng Thi đua – Khen thưởng thị xã Ninh Hòa;</li>",
        "<li>- Lưu: VT, HĐTĐKT.</li></ul>",
        "<p><strong>TM. HỘI ĐỒNG</strong></p>\n<p><strong>CHỦ TỊCH</strong></p>",
        "<p><strong>Trần Minh Khoa</strong></p>",
        "margin: 20mm 15mm 20mm 30mm",
        "<td data-label=\"Ghi chú\" class=\"\">Xem ghi chú 1</td>",
        "<h2>Ghi chú</h2>\n<ol><li>Ngày gửi theo phiếu, chưa đối chiếu được với hệ thống: tệp chưa được lưu "
        "vào hệ thống.</li></ol>",
    ):
        assert fragment in html


def test_signing_settings_come_from_pelicanconf(column):
    conf = column.root / "pelicanconf.py"
    text = conf.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^REPORT_.*?^REPORT_RECIPIENTS = \[.*?\]\n", "", text)
    conf.write_text(text + 'WARD_NAME = "xã Hòa Tân"\nREPORT_SIGNER_ROLE = ""\n', encoding="utf-8")
    result = column.cli("report", "--year", "2026", "--format", "html")
    assert result.code == 0, result.err
    assert "<p class=\"date\">Hòa Tân, ngày 27 tháng 11 năm 2026</p>" in result.out
    assert "/BC-HĐTĐKT</p>" in result.out
    assert "<ul><li>- Lưu: VT.</li></ul>" in result.out
    assert "<div class=\"signer\">\n<p><strong>CHỦ TỊCH</strong></p>" in result.out
    assert "Trần Minh Khoa" not in result.out


def test_bad_recipients_setting_is_a_clear_error(column):
    conf = column.root / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'REPORT_RECIPIENTS = "Lưu: VT"\n', encoding="utf-8")
    result = column.cli("report", "--month", "2026-11", "--format", "html")
    assert result.code == 1
    assert result.err == ("Lỗi: pelicanconf.py: thiết lập REPORT_RECIPIENTS phải là danh sách tên nơi nhận, "
                          "ví dụ [\"Lưu: VT\"]\n")


@pytest.mark.parametrize(("day", "line"), [
    ("2026-02-05", "Ninh Hà, ngày 05 tháng 02 năm 2026"),
    ("2026-03-09", "Ninh Hà, ngày 09 tháng 3 năm 2026"),
    ("2026-12-31", "Ninh Hà, ngày 31 tháng 12 năm 2026"),
])
def test_date_line_pads_small_days_and_months_as_the_decree_says(day, line):
    assert date_line("Ninh Hà", dt.date.fromisoformat(day)) == line


@pytest.mark.parametrize("fmt", ["md", "csv", "html"])
def test_reports_use_no_words_of_the_tools(november, fmt):
    for when in (("--month", "2026-11"), ("--year", "2026")):
        result = november.cli("report", *when, "--format", fmt)
        assert result.code == 0, result.err
        text = result.out.replace("hoi-nong-dan-chua-commit", "")  # a file's name, chosen by its sender
        words = re.findall(r"(?i)\b(git|commit|shallow|clone|submitted_on|pull request|content/)", text)
        assert words == [], f"{fmt} {when}: {words}"


def test_csv_cells_cannot_become_formulas(column):
    """OWASP's rule: a cell starting with = + - @ tab or CR is prefixed with an apostrophe."""
    from scripts.reports.render import _csv_cell

    for hostile in ("=HYPERLINK(\"https://example.com\")", "+1", "-2+3", "@SUM(A1)", "\tx",
                    "  =1+1", "\u00a0@SUM(A1)", "\uff1dHYPERLINK(1)", "\uff0b1"):
        assert _csv_cell(hostile) == "'" + hostile
    # Judged first, then a control character is shown as its code (the CSV may go to a terminal).
    assert _csv_cell("\rx") == "'\\u{000D}x"
    assert _csv_cell("a\x1b[2J\x9b1m\u202eb") == "a\\u{001B}[2J\\u{009B}1m\\u{202E}b"
    assert _csv_cell("Hội Cựu chiến binh") == "Hội Cựu chiến binh" and _csv_cell(3) == 3
