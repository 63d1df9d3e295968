"""Filling the Word form the way a unit does: by the labels of the table, then the story."""

from __future__ import annotations

from pathlib import Path

import docx

from scripts.intake.docx_form import INSTRUCTION
from tests.conftest import ROOT

PHOTO = ROOT / "content/images/2026-08/hien-mau-tinh-nguyen.jpg"
ANSWERS = {
    "Tiêu đề bài viết": "Anh Võ Văn Sang sửa xe đạp miễn phí cho học sinh nghèo",
    "Loại gương": "người tốt, việc tốt",  # typed, not chosen: case may differ
    "Lĩnh vực": "Giáo dục",
    "Đơn vị giới thiệu": "Hội Liên hiệp Phụ nữ phường",
    "Cá nhân hay tập thể": "Cá nhân",
    "Họ tên / tên tập thể": "Võ Văn Sang",
    "Chức vụ, nghề nghiệp": "Thợ sửa xe đạp",
    "Đơn vị công tác / nơi cư trú": "Tổ dân phố Phước Sơn",
    "Tóm tắt thành tích": "Bốn năm nay, anh Võ Văn Sang sửa xe đạp miễn phí cho học sinh nghèo "
    "trong phường, giúp các em đến trường đúng giờ.",
    "Việc làm cụ thể, thành tích": "Sửa miễn phí hơn 500 lượt xe đạp cho học sinh\n"
    "Tặng 12 chiếc xe đạp cũ đã sửa lại cho học sinh khó khăn",
    "Hiệu quả, sức lan tỏa": "Nhiều thợ sửa xe trong phường đã làm theo, dành một buổi mỗi tuần "
    "sửa xe miễn phí cho học sinh.",
    "Người được giới thiệu đồng ý cho đăng bài": "Có",
    "Người được giới thiệu đồng ý công bố thông tin cá nhân (năm sinh, giới tính, ảnh)": "không",
    "Ngày đồng ý": "03/11/2026",
    "Họ tên người lập": "Trần Thị Bích Ngọc",
    "Số điện thoại": "0258 3845 123",
}
STORY = (
    "Tiệm sửa xe nhỏ của anh Võ Văn Sang nằm ngay đầu con hẻm dẫn vào trường tiểu học. Mỗi sáng, "
    "trước giờ vào lớp, anh đã có mặt để bơm lốp, thay xích cho các em học sinh. Với những em nhà "
    "nghèo, anh không lấy tiền công, có khi còn tự bỏ tiền mua phụ tùng. Anh kể rằng ngày nhỏ anh "
    "cũng từng phải đi bộ đến trường vì xe hỏng mà nhà không có tiền sửa, nên anh hiểu nỗi lo của "
    "các em và của cha mẹ các em."
)


def fill(blank: Path, target: Path, answers: dict = ANSWERS, photo: bool = True) -> Path:
    document = docx.Document(str(blank))
    table = document.tables[0]
    for row in table.rows:
        name = row.cells[0].paragraphs[0].text.rstrip("*").strip()
        cell = row.cells[1]
        if name in answers:
            lines = answers[name].split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
        if name == "Hình ảnh" and photo:
            run = cell.paragraphs[0].add_run()
            run.add_picture(str(PHOTO), width=docx.shared.Cm(4))
            cell.paragraphs[0].add_run(" Anh Sang bơm lốp xe cho học sinh trước giờ vào lớp")
    instruction = next(p for p in document.paragraphs if p.text == INSTRUCTION)
    instruction.text = STORY
    instruction.insert_paragraph_before("Chuyện ở tiệm sửa xe", style="Heading 2")
    closing = _after(instruction, "Anh nói: ")
    closing.add_run("sửa được chiếc xe là các cháu đi học được").bold = True
    closing.add_run(", ")
    closing.add_run("vậy là vui rồi").italic = True
    closing.add_run(".")
    item = _after(closing, "Sửa xe miễn phí mỗi sáng trước giờ học", "List Bullet")
    _after(item, "Tặng xe cũ đã sửa cho học sinh khó khăn", "List Bullet")
    document.save(str(target))
    return target


def _after(paragraph, text: str, style: str | None = None):
    """A new paragraph right after ``paragraph`` (python-docx only inserts before)."""
    new = paragraph.insert_paragraph_before(text, style=style)
    paragraph._p.addnext(new._p)  # moves it: before, then after
    return new
