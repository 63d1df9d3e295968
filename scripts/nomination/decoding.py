"""Bytes → text: UTF-8 with or without BOM, CRLF or LF, NFC; legacy Vietnamese encodings named."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from scripts.common.vietnamese import PUNCTUATION, VIETNAMESE_LETTERS
from scripts.nomination.legacy_encodings import Guess, Mojibake, find_mojibake, guess_legacy

BOM = b"\xef\xbb\xbf"
_UNORDINARY = re.compile("[^\n -~" + re.escape(VIETNAMESE_LETTERS + PUNCTUATION) + "]")
"""Any character but printable ASCII, newline, a Vietnamese letter (precomposed) and common
punctuation. A text without one is NFC already, holds no legacy-font garbage and nothing the
visible-text checks speak of: one scan proves all three (a test holds the set to that)."""


@dataclass
class Decoded:
    text: str
    """NFC text with LF line ends, what every later stage reads."""
    had_bom: bool = False
    crlf: bool = False
    was_nfd: bool = False
    mojibake: list[Mojibake] = field(default_factory=list)
    ordinary: bool = False
    """Only printable ASCII, newlines, Vietnamese letters and common punctuation (most files)."""


@dataclass
class NotUtf8(Exception):
    """The bytes are not UTF-8; ``guess`` says which legacy encoding they most likely are."""

    line: int
    guess: Guess


def decode(raw: bytes) -> Decoded:
    had_bom = raw.startswith(BOM)
    if had_bom:
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise NotUtf8(line, guess_legacy(raw)) from None
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    if _UNORDINARY.search(text) is None:
        return Decoded(text, had_bom, crlf, ordinary=True)
    was_nfd = not unicodedata.is_normalized("NFC", text)
    if was_nfd:
        text = unicodedata.normalize("NFC", text)
    return Decoded(text, had_bom, crlf, was_nfd, find_mojibake(text))


def encode_like(text: str, crlf: bool) -> bytes:
    """Text back to UTF-8 bytes with the file's own line ends (no BOM: none is needed)."""
    return (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
