"""Answers to the form's questions → the nomination's front matter, story and photos.

Nothing here judges the nomination: the checker does that on the file written from it. What is
said here is only what the checker cannot see: an option that is not on the form, a photo pasted
as a web address instead of dragged in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from scripts.common.period import Period
from scripts.common.vietnamese import nfc
from scripts.intake.form import label, options
from scripts.intake.issue_body import checked
from scripts.intake.questions import BODY, QUESTIONS, Question
from scripts.nomination.messages import day_first
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry

_IMAGE_MD = re.compile(r"!\[[^\[\]]*\]\(\s*+<?([^)\s>]++)>?[^)]*+\)")
"""Linear on a line of 60,000 "![" or "![](a…" (an issue body is a stranger's text)."""
_IMAGE_TAG = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"[^>]*>", re.I)
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


@dataclass(frozen=True)
class Photo:
    url: str
    """An issue attachment's address ("" for a photo embedded in a Word form)."""
    alt: str
    data: bytes | None = None
    """The photo's bytes when they came inside the form itself."""


@dataclass
class Answers:
    meta: dict
    body: str
    photos: list[Photo] = field(default_factory=list)
    credit: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(label of the question, what to fix) found while reading the answers."""


def _put(meta: dict, path: tuple, value) -> None:
    for part in path[:-1]:
        meta = meta.setdefault(part, {})
    meta[path[-1]] = value


def _choose(text: str, choices: dict[str, str]) -> str | None:
    """The value of the option written (a Word form is typed: case and spacing may differ)."""
    wanted = " ".join(nfc(text).split()).casefold()
    for shown, value in choices.items():
        if wanted in (" ".join(shown.split()).casefold(), value):
            return value
    return None


def _number(text: str):
    """A year typed in a box: a number when it is one, else the text (the checker explains).

    Only ASCII digits, and few: "²" is a digit to ``str.isdigit`` but not to ``int``, and Python
    refuses to convert more than 4,300 digits (both stopped intake with an unexpected error)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else text


def _lines(text: str) -> list[str]:
    return [_LIST_MARK.sub("", line).strip() for line in text.split("\n") if line.strip()]


def _awards(text: str) -> list[dict]:
    awards = []
    for line in _lines(text):
        parts = [part.strip() for part in line.split(";")]
        award: dict = {"title": parts[0]}
        if len(parts) >= 3:
            award["decision"] = parts[1]
        if len(parts) >= 2:
            award["year"] = _number(parts[-1])
        awards.append(award)
    return awards


def photos_of(text: str) -> tuple[list[Photo], list[str]]:
    """(photos, lines that hold text but no photo) of the photo box: one photo a line, its
    description after it on the same line."""
    photos, strays = [], []
    for line in text.split("\n"):
        found = _IMAGE_TAG.search(line) or _IMAGE_MD.search(line)
        if found is None:
            if line.strip():
                strays.append(line.strip())
            continue
        alt = (line[:found.start()] + line[found.end():]).strip(" -–:|\t")
        photos.append(Photo(found.group(1), alt))
    return photos, strays


def read(values: dict[str, str | None], schema: NominationSchema, units: UnitRegistry,
         sent_on: dt.date) -> Answers:
    """The nomination the answers describe; ``sent_on`` is the day the server received them."""
    meta: dict = {}
    result = Answers(meta, "")
    by_id = {question.id: question for question in QUESTIONS}

    def note(question: Question, message: str) -> None:
        result.notes.append((label(question, schema), message))

    for question in QUESTIONS:
        text = values.get(question.id)
        if text is None:
            continue
        text = text.strip()
        if question.path == BODY:
            result.body = text
        elif question.kind == "dropdown":
            choices = options(question, schema, units)
            value = _choose(text, choices)
            if value is not None:
                _put(meta, question.path, value)
            else:
                note(question, f"\"{text}\" không có trong danh sách; chọn một trong: {', '.join(choices)}")
        elif question.kind == "checkboxes":
            ticked = checked(text)
            for shown, key in options(question, schema, units).items():
                _put(meta, (*question.path, key), shown in ticked)
        elif question.path == ("achievements",):
            _put(meta, question.path, _lines(text))
        elif question.path == ("prior_awards",):
            meta["prior_awards"] = _awards(text)
        elif question.path == ("images",):
            photos, strays = photos_of(text)
            result.photos = photos
            if strays:
                note(question, "mỗi dòng phải có một ảnh được kéo thả vào ô (tải lên GitHub), không "
                     f"dán địa chỉ hay chữ riêng: \"{strays[0][:60]}\"")
        elif question.path == ("images", 0, "credit"):
            continue  # given to every photo below
        elif question.path in (("nominee", "birth_year"), ("proposal", "target_year")):
            _put(meta, question.path, _number(text))
        elif question.path == ("consent", "on"):
            _put(meta, question.path, day_first(text) or text)
        else:
            _put(meta, question.path, " ".join(text.split()) if question.kind == "input" else text)
    if isinstance(meta.get("consent"), dict) and "on" not in meta["consent"] \
            and not any(meta["consent"].values()):
        del meta["consent"]  # nothing ticked, no date: a collective's form
    result.credit = (values.get(by_id["images-credit"].id) or "").strip()
    meta.setdefault("period", str(Period.of(sent_on)))
    meta["submitted_on"] = sent_on.isoformat()
    return result
