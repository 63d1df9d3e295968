"""GitHub's issue form (.github/ISSUE_TEMPLATE/gioi-thieu.yml), made from the questions, the
schema and the unit registry, so the form can never ask for something the checker refuses."""

from __future__ import annotations

import yaml

from scripts.intake.questions import BODY, BODY_LABEL, CONSENT_OPTIONS, QUESTIONS, WORD_LABEL, Question
from scripts.nomination.schema import CONSENT, PRIVATE, PUBLIC, NominationSchema
from scripts.nomination.units import UnitRegistry

FORM_PATH = ".github/ISSUE_TEMPLATE/gioi-thieu.yml"
WORD_FORM_PATH = ".github/ISSUE_TEMPLATE/gioi-thieu-word.yml"
LABEL = "gioi-thieu"
"""The issue label the form sets and the intake workflow answers to."""
HEADER = (
    "# Made by `make form` from schema/nomination.schema.json and schema/units.yaml; edit those\n"
    "# (or scripts/intake/questions.py) and run `make form` again, never this file.\n"
)


def label(question: Question, schema: NominationSchema) -> str:
    if question.path == BODY:
        return BODY_LABEL
    return schema.node(question.path)["title"]


def options(question: Question, schema: NominationSchema, units: UnitRegistry) -> dict[str, str]:
    """What a dropdown shows → the value written in the file."""
    if question.path == ("submitted_by",):
        return {unit.name: unit.id for unit in units.sorted()}
    if question.kind == "checkboxes":
        return {text: key for key, text in CONSENT_OPTIONS}
    node = schema.node(question.path) or {}
    labels = node.get("x-labels", {})
    return {labels.get(value, value): value for value in node.get("enum", [])}


def visibility_note(schema: NominationSchema) -> str:
    groups: dict[str, list[str]] = {PUBLIC: [], CONSENT: [], PRIVATE: []}
    for question in QUESTIONS:
        where = PUBLIC if question.path == BODY else schema.visibility(question.path)
        name = label(question, schema)
        if name not in groups[where]:
            groups[where].append(name)
    return (
        "Phiếu này gửi Thường trực Hội đồng thi đua khen thưởng phường thẩm định. Kho phiếu là kho "
        "riêng: chỉ người được cấp quyền đọc được. **Chỉ khi Hội đồng thông qua**, bài mới được "
        "đăng công khai trên chuyên mục \"Điển hình tiên tiến\", gồm:\n\n"
        f"- **Công khai:** {'; '.join(groups[PUBLIC])}.\n"
        f"- **Công khai khi người được giới thiệu đồng ý công bố thông tin cá nhân** (với tập thể: "
        f"luôn công khai): {'; '.join(groups[CONSENT])}.\n"
        f"- **Không bao giờ công khai:** {'; '.join(groups[PRIVATE])}.\n\n"
        "Ô có dấu * là bắt buộc. Điền xong bấm **Submit new issue**; vài phút sau, một bình luận "
        "cho biết phiếu đã được nhận hay còn điều gì cần sửa (sửa bằng nút **Edit** của phiếu)."
    )


def _element(question: Question, schema: NominationSchema, units: UnitRegistry) -> dict:
    name = label(question, schema)
    help_text = question.help or (schema.description(question.path) if question.path != BODY else "")
    attributes: dict = {"label": name}
    if help_text:
        attributes["description"] = help_text
    if question.kind == "dropdown":
        attributes["options"] = list(options(question, schema, units))
    elif question.kind == "checkboxes":
        attributes["options"] = [{"label": text} for text in options(question, schema, units)]
    elif question.placeholder:
        attributes["placeholder"] = question.placeholder
    element = {"type": question.kind, "id": question.id, "attributes": attributes}
    if question.required:
        element["validations"] = {"required": True}
    return element


def build(schema: NominationSchema, units: UnitRegistry) -> dict:
    return {
        "name": "Giới thiệu gương điển hình",
        "description": "Phiếu giới thiệu gương Người tốt, việc tốt, nhân tố điển hình tiên tiến, "
        "cách làm hay, sáng tạo (gửi trước ngày 15 hằng tháng).",
        "title": "Giới thiệu: ",
        "labels": [LABEL],
        "body": [
            {"type": "markdown", "attributes": {"value": visibility_note(schema)}},
            *(_element(question, schema, units) for question in QUESTIONS),
        ],
    }


def build_word(schema: NominationSchema) -> dict:
    """The issue form that takes a filled Word form (made by ``form --docx``) as an attachment."""
    return {
        "name": "Giới thiệu gương điển hình bằng phiếu Word",
        "description": "Gửi phiếu Word (.docx) đã điền theo mẫu mau-phieu.docx của Văn phòng.",
        "title": "Giới thiệu: ",
        "labels": [LABEL],
        "body": [
            {"type": "markdown", "attributes": {"value": visibility_note(schema)}},
            {"type": "textarea", "id": "word", "attributes": {
                "label": WORD_LABEL,
                "description": "Kéo thả tệp phiếu Word đã điền (đuôi .docx, ảnh dán trong phiếu) vào ô "
                "này. Máy đọc phiếu như đọc mẫu trên web và trả lời trong vài phút."},
             "validations": {"required": True}},
        ],
    }


class _Dumper(yaml.SafeDumper):
    """Text of several lines as a literal block, so the committed form reads like the page."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render(schema: NominationSchema, units: UnitRegistry) -> dict[str, str]:
    """The text of each issue form, by its path in the repository."""
    forms = {FORM_PATH: build(schema, units), WORD_FORM_PATH: build_word(schema)}
    return {path: HEADER + yaml.dump(form, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                     width=100) for path, form in forms.items()}
