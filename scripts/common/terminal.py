"""Text for a terminal: contributors' characters shown, never obeyed.

A title holding ESC [ 2 J would clear the council member's screen through ``status``; a bidi
override would reorder the line. Every such character is printed as its code instead.
"""

from __future__ import annotations

import re
from typing import TextIO

_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\ud800-\udfff]"
)
"""Controls, line separators, bidi controls, and lone surrogates: a file name that is not UTF-8
(git takes any bytes) reaches Python as surrogates, which no UTF-8 stream can write."""


def inert(text: str) -> str:
    """``text`` with every control character (newline and tab apart) written as ``\\u{XXXX}``."""
    return _CONTROL.sub(lambda m: f"\\u{{{ord(m.group(0)):04X}}}", text)


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")


def inert_json(text: str) -> str:
    """JSON text with the control characters ``json.dumps(ensure_ascii=False)`` leaves raw (C1,
    bidi controls, line separators, lone surrogates) written as JSON's own ``\\uXXXX``: the same
    data, inert."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class InertWriter:
    """A text stream that writes through ``inert``; everything else is the stream's own (the
    command line wraps stdout and stderr in it, so that no message can carry a control)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(inert(text))

    def __getattr__(self, name: str):
        return getattr(self._out, name)
