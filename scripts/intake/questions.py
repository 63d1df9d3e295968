"""The questions of the forms, in order: which schema field each fills and how it is asked.

Labels and help come from the schema (its ``title`` and ``description``); only what the schema
cannot say (that a list is written one item a line, that a photo is dragged in) is written here.
The issue form and the Word form are both made from this list, and read back through it.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY = ("body",)
"""Not a front-matter field: the story after the closing ``---``."""


@dataclass(frozen=True)
class Question:
    id: str
    path: tuple[str | int, ...]
    kind: str
    """input, textarea, dropdown or checkboxes (GitHub's element types)."""
    required: bool = False
    help: str = ""
    """Said instead of the schema's description (which speaks of YAML keys and codes)."""
    placeholder: str = ""


QUESTIONS = (
    Question("title", ("title",), "input", True),
    Question("category", ("category",), "dropdown", True, help="Chọn một loại."),
    Question("field", ("field",), "dropdown", True, help="Chọn lĩnh vực gần nhất."),
    Question("submitted-by", ("submitted_by",), "dropdown", True, help="Đơn vị gửi phiếu này."),
    Question("period", ("period",), "input",
             help="Tháng mà gương được giới thiệu, dạng YYYY-MM (ví dụ 2026-11). Để trống: tháng "
             "gửi phiếu. Gửi từ ngày 15 trở đi thì phiếu của tháng này bị tính là muộn.",
             placeholder="2026-11"),
    Question("nominee-kind", ("nominee", "kind"), "dropdown", True),
    Question("nominee-name", ("nominee", "name"), "input", True, placeholder="Nguyễn Thị Lan"),
    Question("nominee-role", ("nominee", "role"), "input", True),
    Question("nominee-place", ("nominee", "place"), "input", True),
    Question("nominee-birth-year", ("nominee", "birth_year"), "input", placeholder="1968"),
    Question("nominee-gender", ("nominee", "gender"), "dropdown",
             help="Chỉ với cá nhân; chỉ công bố khi có sự đồng ý."),
    Question("summary", ("summary",), "textarea", True),
    Question("achievements", ("achievements",), "textarea", True,
             help="Mỗi việc làm, thành tích một dòng (ít nhất một dòng)."),
    Question("impact", ("impact",), "textarea", True),
    Question("prior-awards", ("prior_awards",), "textarea",
             help="Mỗi hình thức một dòng: tên hình thức; số quyết định; năm. Ví dụ: Giấy khen "
             "của Chủ tịch UBND cấp xã; Quyết định số 87/QĐ-UBND; 2025"),
    Question("proposal-award", ("proposal", "award"), "dropdown"),
    Question("proposal-target-year", ("proposal", "target_year"), "input", placeholder="2027"),
    Question("proposal-note", ("proposal", "note"), "textarea"),
    Question("images", ("images",), "textarea",
             help="Kéo thả ảnh (JPG, PNG) vào ô này, mỗi ảnh một dòng; cùng dòng, sau ảnh, viết "
             "mô tả nội dung ảnh cho người không xem được ảnh (5–250 ký tự)."),
    Question("images-credit", ("images", 0, "credit"), "input", help="Người chụp hoặc nguồn ảnh."),
    Question("consent", ("consent",), "checkboxes",
             help="Bắt buộc khi giới thiệu một cá nhân (Nghị định 13/2023/NĐ-CP): đánh dấu những "
             "điều người được giới thiệu đã đồng ý trong phiếu đồng ý có chữ ký."),
    Question("consent-on", ("consent", "on"), "input",
             help="Ngày ký phiếu đồng ý: 2026-11-02 hoặc 02/11/2026.", placeholder="02/11/2026"),
    Question("contact-name", ("contact", "name"), "input", True),
    Question("contact-phone", ("contact", "phone"), "input", placeholder="0258 3845 123"),
    Question("contact-email", ("contact", "email"), "input"),
    Question("body", BODY, "textarea", True,
             help="Kể lại việc làm, thành tích cụ thể (ai, làm gì, ở đâu, khi nào, kết quả ra "
             "sao), ít nhất 80 từ. Xuống dòng hai lần để sang đoạn mới; **chữ đậm**, *chữ "
             "nghiêng*, dòng bắt đầu bằng \"- \" cho danh sách."),
)

BODY_LABEL = "Bài viết"
WORD_LABEL = "Phiếu Word (.docx)"
"""The one question of the issue form that takes a filled Word form instead of the fields."""
CONSENT_OPTIONS = (
    ("publish", "Người được giới thiệu đồng ý cho đăng bài"),
    ("personal_data", "Người được giới thiệu đồng ý công bố thông tin cá nhân (năm sinh, giới tính, ảnh)"),
)
