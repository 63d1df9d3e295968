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
from scripts.reports.submissions import (
    DEADLINE_DAY,
    LAST_ON_TIME_DAY,
    SOURCE_GIT,
    MonthReport,
    Submission,
    Tally,
    YearReport,
)

STATE_LABELS = {
    "pending": "Chờ thẩm định",
    "approved": "Thông qua",
    "returned": "Trả lại",
    "withdrawn": "Gỡ bài",
}
SOURCE_LABELS = {SOURCE_GIT: "git", "submitted_on": "phiếu (submitted_on)"}
MONTH_MARKS = {"on-time": "Đ", "late": "M", "none": "K", "not-due": ""}
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
        tally.states["approved"], tally.states["returned"], tally.states["withdrawn"],
        tally.states["pending"], tally.forwarded,
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
    if report.history.available:
        return (
            "Ngày gửi lấy theo lịch sử git: ngày của commit đầu tiên thêm tệp vào kho (ngày tác giả, "
            "giờ Việt Nam), theo dấu cả khi tệp được chuyển thư mục lúc thẩm định. Lấy ngày ghi trên "
            "phiếu (submitted_on) khi tệp chưa commit, khi commit đó nhập cùng lúc phiếu của nhiều tháng "
            "(nhập hàng loạt) hoặc khi lịch sử git bị cắt ngắn (shallow clone)."
        )
    return (
        f"Không dùng được lịch sử git ({report.history.reason}): ngày gửi lấy theo ngày ghi trên phiếu "
        "(submitted_on)."
    )


def _item_note(item: Submission) -> str:
    notes = []
    if item.disagrees:
        gap = item.gap_days
        side = "sau" if gap > 0 else "trước"
        text = (
            f"lệch ngày: git {short_date(item.git)}, phiếu ghi {short_date(item.declared)} "
            f"(git {side} {abs(gap)} ngày)"
        )
        if item.verdict_differs:
            declared = "đúng hạn" if item.declared < item.git else "muộn"
            text += f"; theo phiếu thì {declared}, cần xem lại"
        notes.append(text)
    if item.fallback:
        notes.append(f"theo ngày trên phiếu vì {item.fallback}")
    if item.sent is None:
        notes.append("không xác định được ngày gửi (thiếu submitted_on)")
    return "; ".join(notes)


def _unit_note(items: list[Submission]) -> str:
    """Short: the disagreements by file name, then why some dates come from the files (once each)."""
    notes = [f"{item.slug}: {_item_note(item)}" for item in items if item.disagrees]
    reasons = dict.fromkeys(item.fallback for item in items if item.fallback and not item.disagrees)
    notes += [f"ngày theo phiếu vì {reason}" for reason in reasons]
    if any(item.sent is None for item in items):
        notes.append("có phiếu thiếu submitted_on")
    return "; ".join(notes)


def _on_time_label(item: Submission) -> str:
    return {True: "Đúng hạn", False: "Muộn", None: "Không rõ"}[item.on_time]


def layout_month(report: MonthReport, ward: WardSettings) -> Document:
    label = month_label(report.period)
    columns = ["STT", "Mã đơn vị", "Đơn vị", "Đã gửi", "Đúng hạn", "Muộn", *_STATE_COLUMNS,
               "Nguồn ngày gửi", "Ghi chú"]
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
                     *_tally_cells(tally), sources, note])
        bars.append(Bar(row.unit.short, [(tally.on_time, "on-time"), (tally.late, "late")],
                        f"{tally.on_time} đúng hạn, {tally.late} muộn" if tally.sent else "không gửi"))
    total = report.total
    footer = ["", "", "Cộng", total.sent, total.on_time, total.late, *_tally_cells(total), "", ""]
    main = Table("Tổng hợp theo đơn vị", columns, rows, footer, numeric={0, 3, 4, 5, 6, 7, 8, 9, 10})

    detail_rows = []
    for item in report.submissions:
        unit = next((r.unit.short for r in report.rows if r.unit.id == item.unit_id), None)
        unit = unit or f"(không có trong danh mục: {item.unit_id or 'thiếu submitted_by'})"
        detail_rows.append([
            unit, item.slug, short_date(item.sent) if item.sent else "",
            SOURCE_LABELS.get(item.source, ""),
            short_date(item.declared) if item.declared else "", _on_time_label(item),
            STATE_LABELS[item.state], "Có" if item.forwarded else "", _item_note(item),
        ])
    detail = Table("Chi tiết từng phiếu",
                   ["Đơn vị", "Tệp", "Ngày gửi", "Nguồn", "Ngày ghi trên phiếu", "Hạn",
                    "Trạng thái", "Gửi cấp trên", "Ghi chú"], detail_rows)

    notes = [f"Không đọc được {u.rel}: {u.message}" for u in report.unreadable]
    notes += [f"{item.rel}: đơn vị \"{item.unit_id}\" không có trong danh mục schema/units.yaml"
              for item in report.unknown_unit]
    flagged = sum(1 for item in report.submissions if item.disagrees)
    if flagged:
        notes.append(f"{flagged} phiếu có ngày gửi theo git khác ngày ghi trên phiếu: xem cột Ghi chú.")
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
            "Lệch ngày: ngày theo git khác ngày đơn vị ghi trên phiếu; báo cáo tính theo git, Hội đồng "
            "xem lại những phiếu ghi \"cần xem lại\" (hai ngày ở hai phía của hạn gửi).",
            "Trạng thái: Chờ thẩm định (đang ở content/nominations/), Thông qua (đã đăng, ở "
            "content/published/), Trả lại (để đơn vị bổ sung), Gỡ bài (đã đăng rồi gỡ). Gửi cấp trên: "
            f"Hội đồng chọn gửi {ward.upper_council_name}.",
        ],
        notes=notes,
    )


def layout_year(report: YearReport, ward: WardSettings) -> Document:
    months = [f"T{m}" for m in range(1, 13)]
    columns = ["STT", "Mã đơn vị", "Đơn vị", *months, "Số tháng đúng hạn", "Đã gửi", "Đúng hạn", "Muộn",
               *_STATE_COLUMNS]
    rows = []
    bars = []
    for number, row in enumerate(report.rows, start=1):
        tally = row.tally
        marks = [MONTH_MARKS[row.months[m]] for m in range(1, 13)]
        late_months = sum(1 for status in row.months.values() if status == "late")
        rows.append([number, row.unit.id, row.unit.name, *marks, f"{row.on_time_months}/12",
                     tally.sent, tally.on_time, tally.late, *_tally_cells(tally)])
        bars.append(Bar(row.unit.short, [(row.on_time_months, "on-time"), (late_months, "late")],
                        f"{row.on_time_months}/12 tháng đúng hạn"))
    total = report.total
    footer = ["", "", "Cộng", *[""] * 12, "", total.sent, total.on_time, total.late, *_tally_cells(total)]
    numeric = {0, *range(15, 24)}
    main = Table("Tổng hợp theo đơn vị", columns, rows, footer, numeric=numeric)
    disagreement_rows = [
        [item.period, item.slug, short_date(item.git), short_date(item.declared), _item_note(item)]
        for item in report.disagreements
    ]
    tables = [main]
    if disagreement_rows:
        tables.append(Table("Phiếu có ngày gửi theo git khác ngày ghi trên phiếu",
                            ["Kỳ", "Tệp", "Ngày theo git", "Ngày ghi trên phiếu", "Ghi chú"],
                            disagreement_rows))
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
            "T1…T12: Đ = có ít nhất một phiếu đúng hạn; M = chỉ có phiếu muộn; K = không gửi; "
            "để trống = tháng chưa đến hạn.",
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """OWASP's rule against CSV injection: text a spreadsheet could read as a formula (a file
    named "=HYPERLINK(…)", a note starting with "+") is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(doc: Document) -> bytes:
    """The per-unit table for the emulation scoring spreadsheet; BOM so that Excel reads UTF-8."""
    table = doc.tables[0]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [table.columns, *table.rows, *([table.footer] if table.footer else [])]:
        writer.writerow([_csv_cell(value) for value in row])
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
