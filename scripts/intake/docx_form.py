"""The Word form (.docx): written from the same questions as the web form, and read back.

Units that work in Word fill a table of labelled fields, write the story after it, and sign at
the bottom. Reading finds the answers by the labels in the table's first column (so a unit may
add or reorder rows), turns the story's paragraphs, headings, lists, bold and italic into
Markdown, and takes the photos pasted into the photo row with the text beside them as their
description. A .docx is a zip archive: its size is bounded before anything is unpacked.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from scripts.common.fileops import atomic_write
from scripts.intake.answers import Answers, Photo, read
from scripts.intake.form import label, options, visibility_note
from scripts.intake.questions import BODY, BODY_LABEL, QUESTIONS
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry

TITLE = "PHIẾU GIỚI THIỆU GƯƠNG ĐIỂN HÌNH"
INSTRUCTION = (
    "Xóa đoạn này và viết bài ở đây: kể lại việc làm, thành tích cụ thể (ai, làm gì, ở đâu, khi "
    "nào, kết quả ra sao), ít nhất 80 từ. Có thể dùng chữ đậm, chữ nghiêng, tiêu đề nhỏ (kiểu "
    "Heading 2) và danh sách gạch đầu dòng."
)
SIGNERS = (("NGƯỜI LẬP PHIẾU", "(Ký, ghi rõ họ tên)"),
           ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))
_YES = {"có", "co", "x", "đồng ý", "dong y", "yes", "☑", "☒", "✓", "✔"}
MAX_UNPACKED = 100 * 1024 * 1024
MAX_PARTS = 2000


class NotAForm(Exception):
    """A file that is not a readable Word form; the message is Vietnamese."""


# Writing -------------------------------------------------------------------------------------

def _help(question, schema: NominationSchema, units: UnitRegistry) -> str:
    if question.path == ("submitted_by",):
        first = units.sorted()[0].name
        return f"Ghi tên đơn vị như trong danh mục của phường, ví dụ: {first}."
    if question.kind == "dropdown":
        return "Ghi một trong: " + "; ".join(options(question, schema, units)) + "."
    if question.path == ("images",):
        return ("Dán ảnh vào ô bên phải, mỗi ảnh một dòng; cùng dòng, sau ảnh, viết mô tả nội "
                "dung ảnh (5–250 ký tự).")
    return question.help or schema.description(question.path)


def _row(table, name: str, required: bool, help_text: str) -> None:
    left = table.add_row().cells[0]
    left.paragraphs[0].add_run(name + (" *" if required else "")).bold = True
    if help_text:
        note = left.add_paragraph().add_run(help_text)
        note.italic = True
        note.font.size = Pt(9)


def write_form(path: Path, schema: NominationSchema, units: UnitRegistry) -> None:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for paragraph in visibility_note(schema).replace("**", "").split("\n\n"):
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for question in QUESTIONS:
        if question.path == BODY:
            continue
        if question.kind == "checkboxes":
            for shown in options(question, schema, units):
                _row(table, shown, False, "Ghi Có hoặc Không.")
            continue
        _row(table, label(question, schema), question.required, _help(question, schema, units))
    document.add_heading(BODY_LABEL, level=2)
    document.add_paragraph(INSTRUCTION)
    signatures = document.add_table(rows=1, cols=2)
    for cell, (role, how) in zip(signatures.rows[0].cells, SIGNERS, strict=True):
        cell.paragraphs[0].add_run(role).bold = True
        cell.add_paragraph(how).runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write(path, buffer.getvalue())


# Reading -------------------------------------------------------------------------------------

def _open(data: bytes) -> Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise NotAForm("tệp Word quá lớn khi giải nén; hãy gửi ảnh nhỏ hơn")
        return docx.Document(io.BytesIO(data))
    except NotAForm:
        raise
    except Exception:  # python-docx raises many kinds on a damaged or foreign file
        raise NotAForm("không đọc được tệp: hãy gửi đúng mẫu phiếu Word (.docx), lưu bằng Word "
                       "hoặc LibreOffice") from None


def _markdown_runs(paragraph: Paragraph) -> str:
    pieces: list[tuple[str, bool, bool]] = []
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        style = (bool(run.bold), bool(run.italic))
        if pieces and pieces[-1][1:] == style:
            pieces[-1] = (pieces[-1][0] + text, *style)
        else:
            pieces.append((text, *style))
    out = []
    for text, bold, italic in pieces:
        core = text.strip()
        if not core or not (bold or italic):
            out.append(text)
            continue
        mark = "***" if bold and italic else "**" if bold else "*"
        lead, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark}{tail}")
    return "".join(out).strip()


def _is_list(paragraph: Paragraph) -> str | None:
    """"- " or "1. " when the paragraph is a list item (by its style or its numbering)."""
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if "list number" in style:
        return "1. "
    if "list" in style or paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        return "- "
    return None


def _story(paragraphs: list[Paragraph]) -> tuple[str, bool]:
    """(the story in Markdown, whether the form's instruction paragraph was left in)."""
    blocks: list[str] = []
    left_in = False
    for paragraph in paragraphs:
        text = _markdown_runs(paragraph)
        if not text:
            continue
        if paragraph.text.strip() == INSTRUCTION:
            left_in = True
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        marker = _is_list(paragraph)
        if style.startswith("heading"):
            blocks.append("## " + paragraph.text.strip())
        elif marker:
            if blocks and blocks[-1].startswith(("- ", "1. ")):
                blocks[-1] += "\n" + marker + text
            else:
                blocks.append(marker + text)
        else:
            blocks.append(("\\" + text) if text[0] in "#>-+=|" else text)
    return "\n\n".join(blocks), left_in


def _cell_photos(cell, document: Document) -> list[Photo]:
    found = []
    for paragraph in cell.paragraphs:
        ids = paragraph._p.xpath(".//a:blip/@r:embed")
        descriptions = paragraph._p.xpath(".//wp:docPr/@descr")
        for index, rel in enumerate(ids):
            part = document.part.related_parts.get(rel)
            if part is None:
                continue
            alt = paragraph.text.strip() or (descriptions[index] if index < len(descriptions) else "")
            found.append(Photo("", alt.strip(), part.blob))
    return found


def _body_children(document: Document):
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield child


def read_docx(data: bytes, schema: NominationSchema, units: UnitRegistry, sent_on: dt.date) -> Answers:
    """The answers of a filled Word form, as the web form's answers are read."""
    document = _open(data)
    by_label = {label(q, schema): q for q in QUESTIONS if q.path != BODY}
    consent_question = next(q for q in QUESTIONS if q.kind == "checkboxes")
    consent_options = options(consent_question, schema, units)
    values: dict[str, str | None] = {}
    ticks: list[str] = []
    photos: list[Photo] = []
    seen_table = False
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) < 2:
                continue
            name = cells[0].paragraphs[0].text.strip().rstrip("*").strip() if cells[0].paragraphs else ""
            answer = "\n".join(p.text for p in cells[-1].paragraphs).strip()
            if name in consent_options:
                seen_table = True
                if answer.strip().lower() in _YES:
                    ticks.append(name)
            elif name in by_label:
                seen_table = True
                question = by_label[name]
                if question.path == ("images",):
                    photos = _cell_photos(cells[-1], document)
                elif answer:
                    values[question.id] = answer
        if seen_table:
            break
    if not seen_table:
        raise NotAForm("tệp Word không có bảng của mẫu phiếu; hãy dùng mẫu phiếu (mau-phieu.docx)")
    values[consent_question.id] = "\n".join(
        f"- [{'X' if shown in ticks else ' '}] {shown}" for shown in consent_options)
    story: list[Paragraph] = []
    collecting = False
    for child in _body_children(document):
        if isinstance(child, Paragraph) and child.text.strip() == BODY_LABEL:
            collecting = True
        elif collecting and isinstance(child, Paragraph):
            story.append(child)
        elif collecting:
            break  # the signature block
    values["body"], left_in = _story(story)
    found = read(values, schema, units, sent_on)
    found.photos = photos
    if left_in:
        found.notes.append((BODY_LABEL, "đoạn hướng dẫn \"Xóa đoạn này và viết bài ở đây…\" của mẫu "
                            "vẫn còn: hãy xóa đoạn đó"))
    return found
