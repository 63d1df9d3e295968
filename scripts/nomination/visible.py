"""Every value a person reads must be visible text.

Control characters pasted from Word (a form feed) crash XML feeds; noncharacters (U+FFFE) make
feeds ill-formed; bidi overrides and isolates make a name read differently from what it is; a
value made only of spaces and zero-width characters looks filled in but says nothing.
"""

from __future__ import annotations

import re
import unicodedata

from scripts.common.vietnamese import BIDI_CONTROLS, DRAWN_BLANK, IGNORABLE

_INVISIBLE_CLASS = IGNORABLE
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"          # C0 and C1 controls (tab and newline apart)
    "\u2028\u2029"                          # line and paragraph separators (YAML line breaks)
    f"{BIDI_CONTROLS}"                      # bidi embeddings, overrides and isolates
    "\ufdd0-\ufdef\ufffe\uffff"             # noncharacters of the BMP
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_SPACES = "\u00a0\u202f" + DRAWN_BLANK
"""What ``--fix`` turns into a plain space: no-break spaces and characters drawn as a blank."""
_HARMLESS_CLASS = _SPACES + IGNORABLE.replace(BIDI_CONTROLS, "")
"""Invisible characters whose removal changes nothing a reader sees (bidi controls do)."""
_NOTHING_TO_SAY = re.compile(f"{_FORBIDDEN.pattern[:-1]}\t{_INVISIBLE_CLASS}{_HARMLESS_CLASS}]")
"""Any character one of the checks below would speak of: almost every file has none."""
_TAB = re.compile("\t")


def _name(char: str) -> str:
    return f"U+{ord(char):04X}"


def forbidden(text: str, tab_allowed: bool = False) -> tuple[int, str] | None:
    """(offset, message) of the first character no reader can see, or None."""
    match = _FORBIDDEN.search(text)
    if not tab_allowed and match is None:
        match = _TAB.search(text)
    if match is None:
        return None
    char = match.group(0)
    if char == "\t":
        what = "dấu tab"
    elif char in "\u2028\u2029":
        what = "dấu ngắt dòng lạ"
    elif "\u202a" <= char <= "\u2069":
        what = "ký tự điều khiển hướng chữ"
    elif char in "\x00\x7f" or char < "\x20" or "\x80" <= char <= "\x9f":
        what = "ký tự điều khiển"
    else:
        what = "ký tự không hợp lệ"
    return match.start(), (
        f"có {what} ({_name(char)}) không nhìn thấy được, thường do dán từ Word hoặc trang web; "
        "hãy xóa và gõ lại đoạn đó"
    )


_PRINTABLE_INVISIBLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)
"""The characters of ``_NOTHING_TO_SAY`` that ``str.isprintable`` calls printable (a test holds
this list to the whole of Unicode)."""


def all_plain(texts: list[str]) -> bool:
    """No text holds a control, invisible or no-break character, so the per-value checks have
    nothing to say. ``str.isprintable`` (C speed) is False for all but six of those characters;
    a short search finds those six. Almost every file is plain."""
    joined = "".join(texts).replace("\n", "")
    return joined.isprintable() and _PRINTABLE_INVISIBLE.search(joined) is None


_DRAWN_BLANK = frozenset(DRAWN_BLANK)
_category = unicodedata.category


def is_blank(text: str) -> bool:
    """No letter, digit, punctuation or symbol a reader could see: only white space, invisible
    characters, fillers, combining marks without a letter, private-use or unassigned code points.
    The first visible character ends the loop, so an ordinary value costs one step."""
    return not any(char not in _DRAWN_BLANK and _category(char)[0] in "LNPS" for char in text)


_HARMLESS = re.compile(f"[{_HARMLESS_CLASS}]")
_CURLY_VALUE = re.compile(r'(?m)^([ \t]*+(?:-[ \t]++|[^:#\n"“ \t][^:#\n"“]*+:[ \t]++))“([^“”"\\\n]*)”[ \t]*$')
"""Possessive, and a key starts with no blank: a line of 60,000 spaces in a block scalar made the
previous pattern try every split of them (quadratic)."""


def has_harmless(text: str) -> bool:
    """No-break spaces or zero-width characters: invisible, but their intent is clear."""
    return _HARMLESS.search(text) is not None


def is_curly_quoted(text: str) -> bool:
    """A value Word wrapped in curly quotes (“…”), which YAML keeps as part of the text."""
    return len(text) >= 2 and text[0] == "“" and text[-1] == "”"


def repair(front: str, body: str) -> tuple[str, str]:
    """What ``validate --fix`` rewrites: no-break spaces become spaces, zero-width characters
    go, and curly quotes around a whole front-matter value become straight quotes."""
    def clean(text: str) -> str:
        return _HARMLESS.sub(lambda m: " " if m.group(0) in _SPACES else "", text)

    return _CURLY_VALUE.sub(r'\1"\2"', clean(front)), clean(body)
