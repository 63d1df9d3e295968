"""Every value a person reads must be visible text.

Control characters pasted from Word (a form feed) crash XML feeds; noncharacters (U+FFFE) make
feeds ill-formed; bidi overrides and isolates make a name read differently from what it is; a
value made only of spaces and zero-width characters looks filled in but says nothing.
"""

from __future__ import annotations

import re

_INVISIBLE_CLASS = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff"
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"          # C0 and C1 controls (tab and newline apart)
    "\u202a-\u202e\u2066-\u2069"            # bidi embeddings, overrides and isolates
    "\ufdd0-\ufdef\ufffe\uffff"             # noncharacters of the BMP
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
_HARMLESS_CLASS = "\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff"
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


_PRINTABLE_INVISIBLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u3164]")
"""The characters of ``_NOTHING_TO_SAY`` that ``str.isprintable`` calls printable (a test holds
this list to the whole of Unicode)."""


def all_plain(texts: list[str]) -> bool:
    """No text holds a control, invisible or no-break character, so the per-value checks have
    nothing to say. ``str.isprintable`` (C speed) is False for all but six of those characters;
    a short search finds those six. Almost every file is plain."""
    joined = "".join(texts).replace("\n", "")
    return joined.isprintable() and _PRINTABLE_INVISIBLE.search(joined) is None


def is_blank(text: str) -> bool:
    """Nothing left once white space and zero-width characters are removed."""
    return not _INVISIBLE.sub("", text).strip()


def without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


_HARMLESS = re.compile(f"[{_HARMLESS_CLASS}]")
_CURLY_VALUE = re.compile(r'(?m)^(\s*(?:-\s+|[^:#\n"“]+:\s+))“([^“”"\\\n]*)”[ \t]*$')


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
        return _HARMLESS.sub(lambda m: " " if m.group(0) in "\u00a0\u202f" else "", text)

    return _CURLY_VALUE.sub(r'\1"\2"', clean(front)), clean(body)
