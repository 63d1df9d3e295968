"""Text as it is read aloud on the ward radio: abbreviations expanded, numbers and dates in words.

``speakable`` rewrites one paragraph of plain text; ``markdown_paragraphs`` turns a story's
Markdown into such paragraphs. The abbreviation list is data (schema/abbreviations.yaml).

Numbers are read the way Vietnamese radio reads them: "mốt" for a final 1 after a multiple of
ten ("hai mươi mốt"), "lăm" for a final 5 after a ten ("mười lăm"), "linh" for a zero ten
("một trăm linh năm"), "mươi", "nghìn", "triệu", "tỷ"; years as numbers ("hai nghìn không trăm
hai mươi sáu"); "1.200.000" groups thousands with dots and "2,5" has a decimal comma, as
Vietnamese writes them; numbers that start with 0 (telephone numbers, codes) digit by digit.
Dates: "15/11/2026" → "ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu",
"mồng" before days 1 to 10 and "tháng tư" for April, as spoken Vietnamese says them.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import yaml

from scripts.common.errors import PipelineError
from scripts.common.vietnamese import nfc
from scripts.publishing.render import parser as markdown_parser

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
ZERO_TEN = "linh"
"""The word for an empty tens place (105 → "một trăm linh năm"); southern speech says "lẻ"."""
DECIMAL_COMMA = "phẩy"
DECIMAL_DOT = "chấm"
EARLY_DAY = "mồng"
"""Said before days 1 to 10 of a month ("ngày mồng năm tháng mười một")."""
ORDINALS = {1: "nhất", 4: "tư"}
"""After "thứ": "thứ nhất", "thứ tư"; other numbers are read as they are ("thứ hai")."""
MONTH_WORDS = {4: "tư"}
"""Month 4 is "tháng tư", never "tháng bốn"."""
_SCALES = ("", "nghìn", "triệu")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+"
"""A written number: 1.200.000 (dots group thousands), 2,5 (decimal comma), 4.0, or digits."""
_BEFORE = r"(?<![\w.,/])"
_AFTER = r"(?![\w]|[.,/]\d)"


def _below_thousand(n: int, full: bool) -> list[str]:
    """0 < n < 1000; ``full`` reads an empty hundreds place ("không trăm") after a higher group."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append(ZERO_TEN)
        if units:
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, DIGITS[units]))
    return words


def _below_billion(n: int, leading: bool) -> list[str]:
    words: list[str] = []
    groups = [n // 1_000_000, n // 1000 % 1000, n % 1000]
    for index, group in enumerate(groups):
        if not group:
            continue
        words += _below_thousand(group, full=not leading)
        leading = False
        scale = _SCALES[2 - index]
        if scale:
            words.append(scale)
    return words


def number_words(n: int) -> str:
    """A whole number in words: 2026 → "hai nghìn không trăm hai mươi sáu"."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return DIGITS[0]
    words: list[str] = []
    if n >= 1_000_000_000:
        words += [number_words(n // 1_000_000_000), "tỷ"]
    rest = n % 1_000_000_000
    if rest:
        words += _below_billion(rest, leading=not words)
    return " ".join(words)


def digit_words(digits: str) -> str:
    """Digit by digit, for telephone numbers and codes: "0905" → "không chín không năm"."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def written_number_words(text: str) -> str:
    """A number as written in Vietnamese text: "1.200.000", "2,5", "4.0", "05", "0905123456"."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        whole, _, fraction = text.replace(".", "").partition(",")
        return _with_fraction(whole, fraction, DECIMAL_COMMA)
    if "," in text:
        whole, _, fraction = text.partition(",")
        return _with_fraction(whole, fraction, DECIMAL_COMMA)
    if "." in text:
        whole, _, fraction = text.partition(".")
        return _with_fraction(whole, fraction, DECIMAL_DOT)
    if text.startswith("0") and len(text) >= 3:
        return digit_words(text)
    return _count_words(text)


MAX_COUNTED_DIGITS = 15
"""Past a million billion a number is a code, read digit by digit (and Python will not even
turn a string of more than 4,300 digits into an integer: a story holding one stopped radio)."""


def _count_words(digits: str) -> str:
    return digit_words(digits) if len(digits) > MAX_COUNTED_DIGITS else number_words(int(digits))


def _with_fraction(whole: str, fraction: str, mark: str) -> str:
    words = _count_words(whole)
    if not fraction:
        return words
    if fraction.startswith("0") or len(fraction) > 2:
        return f"{words} {mark} {digit_words(fraction)}"
    return f"{words} {mark} {number_words(int(fraction))}"


def day_words(day: int) -> str:
    return f"{EARLY_DAY} {number_words(day)}" if day <= 10 else number_words(day)


def month_words(month: int) -> str:
    return MONTH_WORDS.get(month) or number_words(month)


def date_words(day: int | None, month: int, year: int | None) -> str:
    """"ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu" (day or year may be None)."""
    parts = []
    if day is not None:
        parts.append(f"ngày {day_words(day)}")
    parts.append(f"tháng {month_words(month)}")
    if year is not None:
        parts.append(f"năm {number_words(year)}")
    return " ".join(parts)


def _roman(text: str) -> int | None:
    if not re.fullmatch(r"(XL|L?X{0,3})(IX|IV|V?I{0,3})", text) or not text:
        return None
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if following and _ROMAN[following] > value else value
    return total


@dataclass(frozen=True)
class Lexicon:
    """What the bulletin expands: abbreviations anywhere, unit symbols after a number."""

    abbreviations: dict[str, str]
    units: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            abbreviations = {str(k): str(v) for k, v in data["abbreviations"].items()}
            units = {str(k): str(v) for k, v in (data.get("units") or {}).items()}
        except FileNotFoundError:
            raise PipelineError(f"{path}: không tìm thấy danh sách chữ viết tắt") from None
        except (yaml.YAMLError, KeyError, TypeError, AttributeError) as err:
            raise PipelineError(
                f"{path}: danh sách chữ viết tắt không đúng dạng (cần \"abbreviations\": chữ viết tắt → "
                f"cách đọc): {err}"
            ) from None
        return cls(abbreviations, units)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?\n"


def _capitalize_at_start(text: str, index: int, words: str) -> str:
    return words[:1].upper() + words[1:] if _sentence_start(text, index) else words


def _valid_date(day: int | None, month: int, year: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31) and (year is None or 1000 <= year <= 2999)


def _date_rewriter(text: str, match: re.Match, day, month, year) -> str:
    """Replace a matched date, keeping "ngày"/"Ngày" written before it only once."""
    day, month = (int(day) if day else None), int(month)
    year = int(year) if year else None
    if not _valid_date(day, month, year):
        return match.group(0)
    words = date_words(day, month, year)
    lead = match.group("lead") or ""
    if lead[:1].isupper() or (not lead and _sentence_start(text, match.start())):
        words = words[:1].upper() + words[1:]
    return words


_LEAD = r"(?P<lead>[Nn]gày\s+)?"
_DATE_PATTERNS = (
    # 2026-11-15
    re.compile(_LEAD + r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    # 15/11/2026, 15-11-2026, 15.11.2026
    re.compile(_LEAD + r"(?<![\d/.-])(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\3(?P<y>\d{4})(?![\d/])"),
    # ngày 15/11 (a day and a month; "ngày" is required, 15/11 alone could be a fraction)
    re.compile(r"(?P<lead>[Nn]gày\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])"),
    # tháng 11/2026
    re.compile(r"(?P<lead>)(?<!\w)[Tt]háng\s+(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
)
_DAY_WORD = re.compile(r"(?<!\w)([Nn]gày)\s+(\d{1,2})(?=\s+tháng\s)")
_MONTH_WORD = re.compile(r"(?<!\w)([Tt]háng)\s+(\d{1,2})(?![\w/.,]|[.,]\d)")
_DOCUMENT = re.compile(r"(?<![\w/])(\d+)(?:/(\d{4}))?/[A-ZĐ][A-ZĐa-zđ0-9-]*")
_TIME = re.compile(r"(?<![\w.,])(\d{1,2})h(\d{2})?(?!\w)")
_PHONE = re.compile(r"(?<![\w.,])0\d(?:[ .]?\d){8,9}(?![\w]|[.,]\d)")
_RANGE = re.compile(_BEFORE + rf"({_NUM})\s?[-–]\s?({_NUM})" + r"(?![\w/-]|[.,]\d)")
_ORDINAL = re.compile(r"(?<!\w)([Tt]hứ)\s+(\d+|[IVXL]+)(?!\w)")
_ROMAN_AFTER = re.compile(r"(?<!\w)([Qq]uý|[Kk]hóa|[Ll]ần|[Đđ]ại hội)\s+([IVXL]+)(?!\w)")
_NUMBER = re.compile(_BEFORE + f"({_NUM})" + _AFTER)


def speakable(text: str, lexicon: Lexicon) -> str:
    """One paragraph of plain text rewritten as it is read aloud."""
    text = nfc(text)
    text = re.sub(r"\s+", " ", text).strip()
    # Document numbers: "Văn bản số 124/UBND" → "số 124"; the symbol after the slash is clerical.
    text = _DOCUMENT.sub(_document, text)
    text = _TIME.sub(_time, text)
    for pattern in _DATE_PATTERNS:
        text = _rewrite_dates(pattern, text)
    text = _DAY_WORD.sub(_day_word, text)
    text = _MONTH_WORD.sub(_month_word, text)
    text = _PHONE.sub(lambda m: digit_words(m.group(0)), text)
    text = _RANGE.sub(lambda m: f"{m.group(1)} đến {m.group(2)}", text)
    text = _ORDINAL.sub(_ordinal, text)
    text = _ROMAN_AFTER.sub(lambda m: f"{m.group(1)} {number_words(_roman(m.group(2)))}"
                            if _roman(m.group(2)) else m.group(0), text)
    text = _expand_units(text, lexicon)
    text = _NUMBER.sub(lambda m: written_number_words(m.group(1)), text)
    text = _expand_abbreviations(text, lexicon)
    return _tidy(text)


def _document(match: re.Match) -> str:
    year = match.group(2)
    return (match.group(1).lstrip("0") or "0") + (f" năm {year}" if year else "")


def _time(match: re.Match) -> str:
    minutes = match.group(2)
    return f"{int(match.group(1))} giờ" + (f" {int(minutes)} phút" if minutes else "")


def _rewrite_dates(pattern: re.Pattern, text: str) -> str:
    def replace(match: re.Match) -> str:
        groups = match.groupdict()
        return _date_rewriter(text, match, groups.get("d"), groups["m"], groups.get("y"))

    return pattern.sub(replace, text)


def _day_word(match: re.Match) -> str:
    day = int(match.group(2))
    return f"{match.group(1)} {day_words(day)}" if 1 <= day <= 31 else match.group(0)


def _month_word(match: re.Match) -> str:
    month = int(match.group(2))
    return f"{match.group(1)} {month_words(month)}" if 1 <= month <= 12 else match.group(0)


def _ordinal(match: re.Match) -> str:
    word, value = match.group(1), match.group(2)
    number = (int(value) if len(value) <= MAX_COUNTED_DIGITS else None) if value.isdigit() else _roman(value)
    if number is None:
        return match.group(0)
    return f"{word} {ORDINALS.get(number) or number_words(number)}"


def _expand_units(text: str, lexicon: Lexicon) -> str:
    if not lexicon.units:
        return text
    symbols = "|".join(re.escape(s) for s in sorted(lexicon.units, key=len, reverse=True))
    pattern = re.compile(_BEFORE + f"({_NUM})" + rf"\s?({symbols})(?!\w)")
    return pattern.sub(lambda m: f"{written_number_words(m.group(1))} {lexicon.units[m.group(2)]}", text)


def _expand_abbreviations(text: str, lexicon: Lexicon) -> str:
    if not lexicon.abbreviations:
        return text
    keys = "|".join(re.escape(k) for k in sorted(lexicon.abbreviations, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({keys})(?![\w-])")
    return pattern.sub(
        lambda m: _capitalize_at_start(text, m.start(), lexicon.abbreviations[m.group(1)]), text
    )


def _tidy(text: str) -> str:
    text = text.replace("&", " và ").replace("…", ".")
    text = re.sub(r"(?<=\w)\s+[–—-]\s+(?=\w)", ", ", text)  # a dash between clauses is a pause
    text = re.sub(r"[*_#`]+", "", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


class _Blocks(html.parser.HTMLParser):
    """Collect the text of each block of rendered Markdown; images, scripts and styles are dropped."""

    BLOCKS: ClassVar[set[str]] = {
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dt", "dd",
    }
    SKIP: ClassVar[set[str]] = {"script", "style", "img", "figure"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "img":
            self._skip += 1
        if tag in self.BLOCKS:
            self._flush()
        if tag == "br":
            self._current.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "img":
            self._skip = max(0, self._skip - 1)
        if tag in self.BLOCKS:
            self._flush(heading=tag.startswith("h") or tag == "li")

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def _flush(self, heading: bool = False) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        self._current = []
        if not text:
            return
        if heading and text[-1] not in ".!?:;,…":
            text += "."  # a heading or a list item is read as a sentence of its own
        self.blocks.append(text)

    def close(self):
        super().close()
        self._flush()


_MARKDOWN = markdown_parser(html=True)
"""The site's Markdown dialect; raw HTML comes out as tags, which the paragraph reader skips."""


def markdown_paragraphs(body: str) -> list[str]:
    """The story's Markdown as plain paragraphs: formatting, links' targets and images dropped."""
    parser = _Blocks()
    parser.feed(_MARKDOWN.render(body))
    parser.close()
    return parser.blocks


def syllables(text: str) -> int:
    """Spoken syllables: Vietnamese writes one syllable per word."""
    return len(re.findall(r"\w+", text))
