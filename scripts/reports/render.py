"""Render the monthly and yearly reports: md, csv, html, one renderer per format.

``layout`` turns a report (``submissions.MonthReport`` or ``YearReport``) into a ``Document``:
titles, tables, a chart, a legend and notes, all text already Vietnamese. The renderers only
format a Document, so the three formats can never disagree about a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from scripts.common.period import month_label
from scripts.common.settings import WardSettings
from scripts.common.vietnamese import document_date, short_date
from scripts.nomination.state import State
from scripts.reports.submissions import (
    DEADLINE_DAY,
    LAST_ON_TIME_DAY,
    SOURCE_CHECKED,
    SOURCE_IMPORTED,
    SOURCE_UNCHECKED,
    MonthReport,
    Submission,
    Tally,
    YearReport,
)

SOURCE_LABELS = {
    SOURCE_CHECKED: "phiếu, đã đối chiếu git",
    SOURCE_IMPORTED: "phiếu, Hội đồng nhập",
    SOURCE_UNCHECKED: "phiếu, chưa đối chiếu git",
}
MONTH_MARKS = {"on-time": "Đ", "late": "M", "check": "C", "none": "K", "not-due": ""}
"""One letter per month in the yearly table: easy to count with COUNTIF in a spreadsheet."""


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list]
    footer: list | None = None
    numeric: set[int] = field(default_factory=set)
    """Indexes of the columns holding numbers (right-aligned)."""


@dataclass
class Bar:
    label: str
    segments: list[tuple[int, str]]
    """(value, kind) stacked left to right; kind is "on-time" or "late"."""
    text: str


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    scale: int
    kinds: list[tuple[str, str]]
    """(kind, Vietnamese label) for the chart's legend."""


@dataclass
class Document:
    title: str
    subtitle: list[str]
    tables: list[Table]
    """The first table is the per-unit table, the only one in CSV."""
    chart: Chart
    legend: list[str]
    notes: list[str]
    landscape: bool = False


def _tally_cells(tally: Tally) -> list[int]:
    return [
        tally.states[State.PUBLISHED], tally.states[State.RETURNED], tally.states[State.WITHDRAWN],
        tally.states[State.SUBMITTED], tally.forwarded,
    ]


_STATE_COLUMNS = ["Thông qua", "Trả lại", "Gỡ bài", "Chờ thẩm định", "Gửi cấp trên"]


def _deadline_rule(due: dt.date | None = None) -> str:
    this_period = f" (kỳ này: đến hết ngày {short_date(due - dt.timedelta(days=1))})" if due else ""
    return (
        f"Đúng hạn: gửi trước ngày {DEADLINE_DAY} của tháng giới thiệu, tức là đến hết ngày "
        f"{LAST_ON_TIME_DAY}{this_period}, theo giờ Việt Nam; gửi từ ngày {DEADLINE_DAY} trở đi là muộn "
        "(Văn bản số 124/UBND ngày 31/3/2021: \"trước ngày 15 hằng tháng\")."
    )


def _source_legend(report) -> str:
    rule = (
        "Ngày gửi là ngày ghi trên phiếu (submitted_on), đã được bước kiểm tra pull request đối chiếu "
        "với đồng hồ của máy chủ GitHub khi đơn vị gửi."
    )
    if report.history.available:
        return (
            f"{rule} Báo cáo đối chiếu thêm với commit đầu tiên thêm tệp vào kho (ngày tác giả và ngày "
            "commit, giờ Việt Nam): phiếu ghi ngày sớm hơn ngày của commit quá 1 ngày, hoặc commit có "
            "ngày sớm hơn commit cha của nó, thì chưa được tính, ghi \"Cần kiểm tra\" kèm lý do để Hội "
            "đồng xem lại. Phiếu cũ do Hội đồng nhập bằng "
            "lệnh import được tính theo ngày trên phiếu."
        )
    return f"{rule} Không đối chiếu được với lịch sử git ({report.history.reason})."


def _item_note(item: Submission) -> str:
    notes = []
    if item.needs_check:
        notes.append(f"cần kiểm tra: {item.check_reason}")
    if item.source == SOURCE_IMPORTED:
        notes.append(f"Hội đồng nhập phiếu cũ (commit {item.added.commit[:10]})")
    if item.fallback:
        notes.append(f"chưa đối chiếu được với git vì {item.fallback}")
    return "; ".join(notes)


def _unit_note(items: list[Submission]) -> str:
    """Short: the files to check by name, then why some dates were not compared (once each)."""
    notes = [f"{item.slug}: {_item_note(item)}" for item in items if item.needs_check]
    reasons = dict.fromkeys(item.fallback for item in items if item.fallback and not item.needs_check)
    notes += [f"chưa đối chiếu được với git vì {reason}" for reason in reasons]
    return "; ".join(notes)


def _on_time_label(item: Submission) -> str:
    return {True: "Đúng hạn", False: "Muộn", None: "Cần kiểm tra"}[item.on_time]


def layout_month(report: MonthReport, ward: WardSettings) -> Document:
    label = month_label(report.period)
    columns = ["STT", "Mã đơn vị", "Đơn vị", "Đã gửi", "Đúng hạn", "Muộn", "Cần kiểm tra",
               *_STATE_COLUMNS, "Nguồn ngày gửi", "Ghi chú"]
    rows = []
    bars = []
    for number, row in enumerate(report.rows, start=1):
        tally = row.tally
        if not tally.sent:
            note = "Không gửi" if report.is_due else "Chưa gửi (chưa đến hạn)"
        else:
            note = _unit_note(row.items)
        sources = ", ".join(SOURCE_LABELS[s] for s in row.sources)
        rows.append([number, row.unit.id, row.unit.name, tally.sent, tally.on_time, tally.late,
                     tally.to_check, *_tally_cells(tally), sources, note])
        bars.append(Bar(row.unit.short, [(tally.on_time, "on-time"), (tally.late, "late")],
                        f"{tally.on_time} đúng hạn, {tally.late} muộn" if tally.sent else "không gửi"))
    total = report.total
    footer = ["", "", "Cộng", total.sent, total.on_time, total.late, total.to_check,
              *_tally_cells(total), "", ""]
    main = Table("Tổng hợp theo đơn vị", columns, rows, footer, numeric={0, *range(3, 12)})

    detail_rows = []
    for item in report.submissions:
        unit = next((r.unit.short for r in report.rows if r.unit.id == item.unit_id), None)
        unit = unit or f"(không có trong danh mục: {item.unit_id or 'thiếu submitted_by'})"
        detail_rows.append([
            unit, item.slug, short_date(item.sent) if item.sent else "",
            SOURCE_LABELS[item.source],
            short_date(item.git) if item.git else "", _on_time_label(item),
            item.state.label, "Có" if item.forwarded else "", _item_note(item),
        ])
    detail = Table("Chi tiết từng phiếu",
                   ["Đơn vị", "Tệp", "Ngày gửi", "Nguồn", "Ngày commit (git)", "Hạn",
                    "Trạng thái", "Gửi cấp trên", "Ghi chú"], detail_rows)

    notes = [f"Không đọc được {u.rel}: {u.message}" for u in report.unreadable]
    notes += [f"{item.rel}: đơn vị \"{item.unit_id}\" không có trong danh mục schema/units.yaml"
              for item in report.unknown_unit]
    flagged = sum(1 for item in report.submissions if item.needs_check)
    if flagged:
        notes.append(f"{flagged} phiếu cần kiểm tra ngày gửi, chưa tính đúng hạn hay muộn: xem cột Ghi chú.")
    scale = max([1] + [r.tally.sent for r in report.rows])
    return Document(
        title=f"Báo cáo gửi gương điển hình tiên tiến – {label}",
        subtitle=[
            ward.ward_authority, ward.council_name,
            f"Hạn gửi: trước {document_date(report.due)}. Số liệu đến {document_date(report.today)}.",
        ],
        tables=[main, detail],
        chart=Chart(f"Số phiếu đúng hạn và muộn theo đơn vị – {label}", bars, scale,
                    [("on-time", "Đúng hạn"), ("late", "Muộn")]),
        legend=[
            _deadline_rule(report.due),
            _source_legend(report),
            "Cần kiểm tra: phiếu chưa được tính đúng hạn hay muộn cho đến khi Hội đồng xem lại "
            "(lý do ở cột Ghi chú).",
            "Trạng thái: Chờ thẩm định (đang ở content/nominations/), Thông qua (đã đăng, ở "
            "content/published/), Trả lại (để đơn vị bổ sung), Gỡ bài (đã đăng rồi gỡ). Gửi cấp trên: "
            f"Hội đồng chọn gửi {ward.upper_council_name}.",
        ],
        notes=notes,
    )


def layout_year(report: YearReport, ward: WardSettings) -> Document:
    months = [f"T{m}" for m in range(1, 13)]
    columns = ["STT", "Mã đơn vị", "Đơn vị", *months, "Số tháng đúng hạn", "Đã gửi", "Đúng hạn", "Muộn",
               "Cần kiểm tra", *_STATE_COLUMNS]
    rows = []
    bars = []
    for number, row in enumerate(report.rows, start=1):
        tally = row.tally
        marks = [MONTH_MARKS[row.months[m]] for m in range(1, 13)]
        late_months = sum(1 for status in row.months.values() if status == "late")
        rows.append([number, row.unit.id, row.unit.name, *marks, f"{row.on_time_months}/12",
                     tally.sent, tally.on_time, tally.late, tally.to_check, *_tally_cells(tally)])
        bars.append(Bar(row.unit.short, [(row.on_time_months, "on-time"), (late_months, "late")],
                        f"{row.on_time_months}/12 tháng đúng hạn"))
    total = report.total
    footer = ["", "", "Cộng", *[""] * 12, "", total.sent, total.on_time, total.late, total.to_check,
              *_tally_cells(total)]
    numeric = {0, *range(15, 25)}
    main = Table("Tổng hợp theo đơn vị", columns, rows, footer, numeric=numeric)
    check_rows = [
        [item.period, item.slug, short_date(item.declared) if item.declared else "",
         short_date(item.git) if item.git else "", item.check_reason]
        for item in report.to_check
    ]
    tables = [main]
    if check_rows:
        tables.append(Table("Phiếu cần kiểm tra ngày gửi (chưa tính)",
                            ["Kỳ", "Tệp", "Ngày ghi trên phiếu", "Ngày commit (git)", "Lý do"],
                            check_rows))
    notes = [f"Không đọc được {u.rel}: {u.message}" for u in report.unreadable]
    notes += [f"{item.rel}: đơn vị \"{item.unit_id}\" không có trong danh mục schema/units.yaml"
              for item in report.unknown_unit]
    return Document(
        title=f"Báo cáo năm {report.year}: gửi gương điển hình tiên tiến đúng hạn",
        subtitle=[ward.ward_authority, ward.council_name,
                  f"Số liệu đến {document_date(report.today)}; đơn vị xếp theo thứ tự chữ cái tiếng Việt."],
        tables=tables,
        chart=Chart(f"Số tháng gửi đúng hạn trong năm {report.year}", bars, 12,
                    [("on-time", "Tháng có phiếu đúng hạn"), ("late", "Tháng chỉ có phiếu muộn")]),
        legend=[
            "T1…T12: Đ = có ít nhất một phiếu đúng hạn; M = có phiếu muộn, không phiếu nào đúng hạn; "
            "C = chỉ có phiếu cần kiểm tra ngày gửi; K = không gửi; để trống = tháng chưa đến hạn.",
            "Số tháng đúng hạn: số tháng có ít nhất một phiếu đúng hạn, trên 12 tháng "
            "(tiêu chí chấm điểm thi đua hằng năm).",
            _deadline_rule(),
            _source_legend(report),
        ],
        notes=notes,
        landscape=True,
    )


def layout(report: MonthReport | YearReport, ward: WardSettings) -> Document:
    if isinstance(report, MonthReport):
        return layout_month(report, ward)
    return layout_year(report, ward)


# --- renderers: Document -> bytes ---------------------------------------------------------

def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_md(doc: Document) -> bytes:
    out = [f"# {doc.title}", ""]
    out += [f"{line}  " for line in doc.subtitle[:-1]] + [doc.subtitle[-1], ""]
    for table in doc.tables:
        out += [f"## {table.title}", ""]
        out.append("| " + " | ".join(table.columns) + " |")
        rule = ("---:" if i in table.numeric else "---" for i in range(len(table.columns)))
        out.append("|" + "|".join(rule) + "|")
        for row in table.rows + ([table.footer] if table.footer else []):
            out.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
        if not table.rows:
            out.append("")
            out.append("Không có phiếu nào.")
        out.append("")
    out += ["## Cách đọc báo cáo", ""] + [f"- {line}" for line in doc.legend] + [""]
    if doc.notes:
        out += ["## Lưu ý", ""] + [f"- {line}" for line in doc.notes] + [""]
    return "\n".join(out).encode("utf-8")


def render_csv(doc: Document) -> bytes:
    """The per-unit table for the emulation scoring spreadsheet; BOM so that Excel reads UTF-8."""
    table = doc.tables[0]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    if table.footer:
        writer.writerow(table.footer)
    return buffer.getvalue().encode("utf-8-sig")


_BAR_HEIGHT = 16
_ROW_HEIGHT = 22
_LABEL_WIDTH = 190
_PLOT_WIDTH = 360
_TEXT_WIDTH = 150


def _chart_geometry(chart: Chart) -> dict:
    rows = []
    for index, bar in enumerate(chart.bars):
        y = 8 + index * _ROW_HEIGHT
        x = _LABEL_WIDTH
        segments = []
        for value, kind in bar.segments:
            if value <= 0:
                continue
            width = round(_PLOT_WIDTH * value / chart.scale, 1)
            segments.append({"x": x, "width": width, "kind": kind, "value": value})
            x += width
        rows.append({"label": bar.label, "text": bar.text, "y": y, "segments": segments, "end": x})
    return {
        "rows": rows,
        "width": _LABEL_WIDTH + _PLOT_WIDTH + _TEXT_WIDTH,
        "height": 16 + len(chart.bars) * _ROW_HEIGHT,
        "label_width": _LABEL_WIDTH,
        "plot_width": _PLOT_WIDTH,
        "bar_height": _BAR_HEIGHT,
    }


_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "svg"], default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(doc: Document) -> bytes:
    template = _TEMPLATES.get_template("report.html")
    return template.render(doc=doc, chart=_chart_geometry(doc.chart)).encode("utf-8")


RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "md": render_md,
    "csv": render_csv,
    "html": render_html,
}
