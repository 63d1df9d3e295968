"""Render the monthly and yearly reports: md, csv, html, one renderer per format.

``layout`` turns a report (``submissions.MonthReport`` or ``YearReport``) into a ``Document``:
titles, tables, a chart, a legend and notes, all text already Vietnamese. The renderers only
format a Document, so the three formats can never disagree about a number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from scripts.common.period import month_label
from scripts.common.settings import WardSettings
from scripts.common.terminal import inert
from scripts.common.vietnamese import document_date, short_date
from scripts.nomination.state import State
from scripts.reports.submissions import (
    DEADLINE_DAY,
    LAST_ON_TIME_DAY,
    SOURCE_CHECKED,
    SOURCE_IMPORTED,
    SOURCE_UNCHECKED,
    LeftOut,
    MonthReport,
    Submission,
    Tally,
    UnitMonth,
    YearReport,
)

SOURCE_LABELS = {
    SOURCE_CHECKED: "theo hệ thống",
    SOURCE_IMPORTED: "theo phiếu (Hội đồng nhập)",
    SOURCE_UNCHECKED: "theo phiếu",
}
"""Where a sending date comes from, in an office's words: "theo hệ thống" when the system attested
it, "theo phiếu" when only the form says so."""
MONTH_MARKS = {"on-time": "Đ", "late": "M", "check": "C", "flawed": "L", "none": "K", "not-due": ""}
"""One letter per month in the yearly table: easy to count with COUNTIF in a spreadsheet."""


@dataclass(frozen=True)
class Remark:
    """A "Ghi chú" cell: its own text and the numbers of the shared notes it refers to.

    A note that would repeat on many rows is written once, numbered, under the tables; the cell
    only points to it (md, html). The CSV cell spells the notes out: a spreadsheet row stands alone.
    """

    text: str = ""
    refs: tuple[int, ...] = ()


class Footnotes:
    """Numbered shared notes, each text once, numbered in order of first use."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def ref(self, text: str) -> int:
        if text not in self.texts:
            self.texts.append(text)
        return self.texts.index(text) + 1


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
    kind: str
    """What the report is about, after "Báo cáo" in the document's title block (trích yếu)."""
    today: dt.date
    ward: WardSettings
    """Issuing body, place and signatory of the HTML document."""
    footnotes: list[str] = field(default_factory=list)
    """Shared notes, numbered from 1, that ``Remark`` cells refer to."""
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
        "Ngày gửi là ngày ghi trên phiếu; khi đơn vị gửi phiếu, hệ thống đã đối chiếu ngày đó với "
        "đồng hồ của máy chủ."
    )
    if report.history.available:
        return (
            f"{rule} Nguồn ngày gửi \"theo hệ thống\": ngày trên phiếu khớp với ngày hệ thống ghi nhận "
            "tệp (giờ Việt Nam, lệch không quá 1 ngày). Phiếu ghi ngày sớm hơn ngày hệ thống ghi nhận "
            "quá 1 ngày, hoặc có ngày lưu bị đặt lùi, thì chưa được tính, ghi \"Cần kiểm tra\" kèm lý do "
            "để Hội đồng xem lại. \"Theo phiếu\": chỉ có ngày ghi trên phiếu (phiếu cũ do Hội đồng "
            "nhập, hoặc chưa đối chiếu được; lý do ở phần Ghi chú)."
        )
    return (f"{rule} Nguồn ngày gửi \"theo phiếu\": báo cáo này không đối chiếu được với ngày hệ thống "
            f"ghi nhận ({report.history.reason}).")


def _shared_notes(item: Submission, notes: Footnotes) -> tuple[int, ...]:
    refs = []
    if item.source == SOURCE_IMPORTED:
        refs.append(notes.ref("Phiếu cũ do Hội đồng nhập vào hệ thống: ngày gửi theo phiếu."))
    if item.fallback:
        refs.append(notes.ref(f"Ngày gửi theo phiếu, chưa đối chiếu được với hệ thống: {item.fallback}."))
    return tuple(refs)


def _item_note(item: Submission, notes: Footnotes) -> Remark:
    reason = item.check_reason if item.needs_check else ""
    text = reason[:1].upper() + reason[1:]
    return Remark(text, _shared_notes(item, notes))


def _left_out_note(left_out: list[LeftOut]) -> str:
    return f"{len(left_out)} phiếu có lỗi, chưa tính (xem mục \"{LEFT_OUT_TITLE}\")" if left_out else ""


def _unit_note(row: UnitMonth, is_due: bool, notes: Footnotes) -> Remark:
    """The files to check by name with the reason, the files left out, then the shared notes."""
    if not row.items:
        if row.left_out:
            return Remark(f"Chưa có phiếu hợp lệ: {_left_out_note(row.left_out)}")
        return Remark("Không gửi" if is_due else "Chưa gửi (chưa đến hạn)")
    texts = [f"{item.slug}: cần kiểm tra: {item.check_reason}" for item in row.items if item.needs_check]
    texts += [_left_out_note(row.left_out)] * bool(row.left_out)
    refs = dict.fromkeys(ref for item in row.items for ref in _shared_notes(item, notes))
    return Remark("; ".join(texts), tuple(refs))


LEFT_OUT_TITLE = "Phiếu có lỗi, chưa tính"


def _left_out_table(report: MonthReport | YearReport) -> Table | None:
    """The files the checker refuses, by name with their first error: none of them is counted."""
    if not report.left_out:
        return None
    units = {row.unit.id: row.unit.short for row in report.rows}
    rows = [[item.period, units.get(item.unit_id, "(không rõ đơn vị)"), item.rel, item.message]
            for item in report.left_out]
    return Table(LEFT_OUT_TITLE, ["Kỳ", "Đơn vị", "Tệp", "Lỗi cần sửa"], rows)


def _on_time_label(item: Submission) -> str:
    return {True: "Đúng hạn", False: "Muộn", None: "Cần kiểm tra"}[item.on_time]


def layout_month(report: MonthReport, ward: WardSettings) -> Document:
    label = month_label(report.period)
    columns = ["STT", "Mã đơn vị", "Đơn vị", "Đã gửi", "Đúng hạn", "Muộn", "Cần kiểm tra",
               *_STATE_COLUMNS, "Nguồn ngày gửi", "Ghi chú"]
    rows = []
    bars = []
    notes = Footnotes()
    for number, row in enumerate(report.rows, start=1):
        tally = row.tally
        note = _unit_note(row, report.is_due, notes)
        sources = ", ".join(SOURCE_LABELS[s] for s in row.sources)
        rows.append([number, row.unit.id, row.unit.name, tally.sent, tally.on_time, tally.late,
                     tally.to_check, *_tally_cells(tally), sources, note])
        bars.append(Bar(row.unit.short, [(tally.on_time, "on-time"), (tally.late, "late")],
                        f"{tally.on_time} đúng hạn, {tally.late} muộn" if tally.sent
                        else "phiếu có lỗi" if row.left_out else "không gửi"))
    total = report.total
    footer = ["", "", "Cộng", total.sent, total.on_time, total.late, total.to_check,
              *_tally_cells(total), "", ""]
    main = Table("Tổng hợp theo đơn vị", columns, rows, footer, numeric={0, *range(3, 12)})

    detail_rows = []
    units = {row.unit.id: row.unit.short for row in report.rows}
    for item in report.submissions:
        unit = units[item.unit_id]
        detail_rows.append([
            unit, item.slug, short_date(item.sent) if item.sent else "",
            SOURCE_LABELS[item.source],
            short_date(item.git) if item.git else "", _on_time_label(item),
            item.state.label, "Có" if item.forwarded else "", _item_note(item, notes),
        ])
    detail = Table("Chi tiết từng phiếu",
                   ["Đơn vị", "Phiếu", "Ngày gửi", "Nguồn", "Ngày hệ thống ghi nhận", "Hạn",
                    "Trạng thái", "Gửi cấp trên", "Ghi chú"], detail_rows)

    warnings = _warnings(report)
    flagged = sum(1 for item in report.submissions if item.needs_check)
    if flagged:
        warnings.append(
            f"{flagged} phiếu cần kiểm tra ngày gửi, chưa tính đúng hạn hay muộn: xem cột Ghi chú."
        )
    scale = max([1] + [r.tally.sent for r in report.rows])
    return Document(
        kind=f"tình hình gửi gương điển hình tiên tiến {label.lower()}",
        today=report.today, ward=ward,
        title=f"Báo cáo gửi gương điển hình tiên tiến – {label}",
        subtitle=[
            ward.ward_authority, ward.council_name,
            f"Hạn gửi: trước {document_date(report.due)}. Số liệu đến {document_date(report.today)}.",
        ],
        tables=[main, detail, *filter(None, [_left_out_table(report)])],
        chart=Chart(f"Số phiếu đúng hạn và muộn theo đơn vị – {label}", bars, scale,
                    [("on-time", "Đúng hạn"), ("late", "Muộn")]),
        legend=[
            _deadline_rule(report.due),
            _source_legend(report),
            "Cần kiểm tra: phiếu chưa được tính đúng hạn hay muộn cho đến khi Hội đồng xem lại "
            "(lý do ở cột Ghi chú).",
            "Trạng thái: Chờ thẩm định (Hội đồng chưa xét), Thông qua (đã đăng trên chuyên mục), "
            "Trả lại (để đơn vị bổ sung), Gỡ bài (đã đăng rồi gỡ). Gửi cấp trên: "
            f"Hội đồng chọn gửi {ward.upper_council_name}.",
        ],
        notes=warnings,
        footnotes=notes.texts,
    )


def _warnings(report: MonthReport | YearReport) -> list[str]:
    """Files the report could not count, so that the office looks for them."""
    if not report.left_out:
        return []
    return [
        f"{len(report.left_out)} phiếu có lỗi nên chưa được tính (kể cả đúng hạn hay muộn), xem mục "
        f"\"{LEFT_OUT_TITLE}\": một phiếu chỉ được tính khi đúng mẫu; đơn vị sửa xong thì báo cáo lập "
        "lại sẽ tính theo ngày gửi ghi trên phiếu."
    ]


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
                            ["Kỳ", "Phiếu", "Ngày ghi trên phiếu", "Ngày hệ thống ghi nhận", "Lý do"],
                            check_rows))
    tables += filter(None, [_left_out_table(report)])
    return Document(
        kind=f"kết quả gửi gương điển hình tiên tiến năm {report.year}",
        today=report.today, ward=ward,
        title=f"Báo cáo năm {report.year}: gửi gương điển hình tiên tiến đúng hạn",
        subtitle=[ward.ward_authority, ward.council_name,
                  f"Số liệu đến {document_date(report.today)}; đơn vị xếp theo thứ tự chữ cái tiếng Việt."],
        tables=tables,
        chart=Chart(f"Số tháng gửi đúng hạn trong năm {report.year}", bars, 12,
                    [("on-time", "Tháng có phiếu đúng hạn"), ("late", "Tháng chỉ có phiếu muộn")]),
        legend=[
            "T1…T12: Đ = có ít nhất một phiếu đúng hạn; M = có phiếu muộn, không phiếu nào đúng hạn; "
            "C = chỉ có phiếu cần kiểm tra ngày gửi; L = chỉ có phiếu có lỗi, chưa tính; K = không gửi; "
            "để trống = tháng chưa đến hạn.",
            "Số tháng đúng hạn: số tháng có ít nhất một phiếu đúng hạn, trên 12 tháng "
            "(tiêu chí chấm điểm thi đua hằng năm).",
            _deadline_rule(),
            _source_legend(report),
        ],
        notes=_warnings(report),
        landscape=True,
    )


def layout(report: MonthReport | YearReport, ward: WardSettings) -> Document:
    if isinstance(report, MonthReport):
        return layout_month(report, ward)
    return layout_year(report, ward)


# --- renderers: Document -> bytes ---------------------------------------------------------

def _refs_text(refs: tuple[int, ...]) -> str:
    return "ghi chú " + ", ".join(str(n) for n in refs) if refs else ""


def cell_text(value) -> str:
    """A cell as md and html show it: a remark points to its shared notes by number."""
    if isinstance(value, Remark):
        refs = _refs_text(value.refs)
        if value.text and refs:
            return f"{value.text} ({refs})"
        return value.text or (f"Xem {refs}" if refs else "")
    return str(value)


def _csv_text(value, doc: Document):
    """A cell as the CSV holds it: a remark spelled out, shared notes included."""
    if isinstance(value, Remark):
        return "; ".join([value.text] * bool(value.text) + [doc.footnotes[n - 1] for n in value.refs])
    return value


def _md_cell(value) -> str:
    return cell_text(value).replace("|", "\\|").replace("\n", " ")


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
    if doc.footnotes:
        out += ["## Ghi chú", ""] + [f"{n}. {line}" for n, line in enumerate(doc.footnotes, start=1)] + [""]
    out += ["## Cách đọc báo cáo", ""] + [f"- {line}" for line in doc.legend] + [""]
    if doc.notes:
        out += ["## Lưu ý", ""] + [f"- {line}" for line in doc.notes] + [""]
    return inert("\n".join(out)).encode("utf-8")


_FORMULA_START = re.compile("[ \u00a0\u3000]*[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]")
"""OWASP's characters, after any spaces (some spreadsheets trim them before reading a cell), and
their full-width forms (East Asian input settings turn them into the ASCII ones)."""


def _csv_cell(value):
    """OWASP's rule against CSV injection: text a spreadsheet could read as a formula (a file
    named "=HYPERLINK(…)", a note starting with "+") is prefixed with an apostrophe; then control
    characters are written as their code: the CSV may be printed to a terminal."""
    if not isinstance(value, str):
        return value
    return ("'" if _FORMULA_START.match(value) else "") + inert(value)


def render_csv(doc: Document) -> bytes:
    """The per-unit table for the emulation scoring spreadsheet; BOM so that Excel reads UTF-8."""
    table = doc.tables[0]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [table.columns, *table.rows, *([table.footer] if table.footer else [])]:
        writer.writerow([_csv_cell(_csv_text(value, doc)) for value in row])
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


_TEMPLATES.filters["cell"] = cell_text


def date_line(place: str, day: dt.date) -> str:
    """"Ninh Hà, ngày 05 tháng 02 năm 2026": a day below 10 and months 1 and 2 take a leading zero
    (Nghị định 30/2020/NĐ-CP, Phụ lục I), so that nobody can add a digit in front."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def render_html(doc: Document) -> bytes:
    """The report as an administrative document: motto, issuing body, number, date, signature."""
    template = _TEMPLATES.get_template("report.html")
    return inert(template.render(
        doc=doc, ward=doc.ward, chart=_chart_geometry(doc.chart),
        date_line=date_line(doc.ward.report.place, doc.today), abstract=doc.kind[:1].upper() + doc.kind[1:],
    )).encode("utf-8")


RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "md": render_md,
    "csv": render_csv,
    "html": render_html,
}
