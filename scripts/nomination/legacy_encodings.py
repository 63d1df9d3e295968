"""Vietnamese legacy encodings: decoders for TCVN3 (ABC), VNI and Windows-1258, and how to tell them.

Offices still type in old fonts (.VnTime is TCVN3, VNI-Times is VNI) and paste the result into
files. Python ships cp1258 but neither TCVN3 nor VNI, so their tables are here. Which encoding a
text is in is judged by how many of its words become valid Vietnamese syllables once decoded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from scripts.common.vietnamese import PUNCTUATION, VIETNAMESE_LETTERS, is_vietnamese_syllable

# TCVN 5712:1993 VN3 ("ABC"): one byte per lowercase letter; capitals with tone marks use the
# same bytes in a capital-only font, so they decode to lowercase.
_TCVN3 = {
    0xB5: "à", 0xB8: "á", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBE: "ắ", 0xBC: "ẳ", 0xBD: "ẵ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xCA: "ấ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCB: "ậ",
    0xAE: "đ", 0xCC: "è", 0xD0: "é", 0xCE: "ẻ", 0xCF: "ẽ", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD5: "ế", 0xD3: "ể", 0xD4: "ễ", 0xD6: "ệ",
    0xD7: "ì", 0xDD: "í", 0xD8: "ỉ", 0xDC: "ĩ", 0xDE: "ị",
    0xDF: "ò", 0xE3: "ó", 0xE1: "ỏ", 0xE2: "õ", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE8: "ố", 0xE6: "ổ", 0xE7: "ỗ", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xED: "ớ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xEF: "ù", 0xF3: "ú", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF8: "ứ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFA: "ỳ", 0xFD: "ý", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}
# The same table applied to text whose TCVN3 bytes were read as Latin-1/cp1252 characters.
_TCVN3_FROM_LATIN1 = str.maketrans({chr(byte): letter for byte, letter in _TCVN3.items()})


def decode_tcvn3(raw: bytes) -> str:
    return raw.decode("latin-1").translate(_TCVN3_FROM_LATIN1)


def _vni_table() -> dict[str, str]:
    """Unicode letter → VNI keystrokes: a base letter followed by marks typed as cp1252 letters."""
    plain_tones = ["ø", "ù", "û", "õ", "ï"]  # grave, acute, hook, tilde, dot below
    hat_tones = ["à", "á", "å", "ã", "ä"]  # the same on â, ê, ô
    breve_tones = ["è", "é", "ú", "ü", "ë"]  # the same on ă
    marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    bases = {
        "a": ("a", plain_tones), "ă": ("aê", breve_tones), "â": ("aâ", hat_tones),
        "e": ("e", plain_tones), "ê": ("eâ", hat_tones),
        "o": ("o", plain_tones), "ô": ("oâ", hat_tones), "ơ": ("ô", plain_tones),
        "u": ("u", plain_tones), "ư": ("ö", plain_tones), "y": ("y", plain_tones),
    }
    table: dict[str, str] = {"đ": "ñ", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò"}
    for letter, (keys, tones) in bases.items():
        if keys != letter:
            table[letter] = keys
        for mark, tone_key in zip(marks, tones, strict=True):
            table[unicodedata.normalize("NFC", letter + mark)] = keys[0] + tone_key
            if len(keys) == 2 and keys[1] != tone_key:
                table[unicodedata.normalize("NFC", letter + mark)] = keys[0] + tone_key
    # ơ and ư carry their own key, so their tones follow it: ớ = "ôù", ứ = "öù".
    for letter, keys in (("ơ", "ô"), ("ư", "ö")):
        for mark, tone_key in zip(marks, plain_tones, strict=True):
            table[unicodedata.normalize("NFC", letter + mark)] = keys + tone_key
    table["ỵ"] = "î"
    upper = {k.upper(): v.upper() for k, v in table.items()}
    return {**table, **upper}


_UNICODE_TO_VNI = _vni_table()
_VNI_TO_UNICODE = {keys: letter for letter, keys in _UNICODE_TO_VNI.items()}
_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(_VNI_TO_UNICODE, key=len, reverse=True))
)


def vni_from_text(text: str) -> str:
    """Undo VNI keystrokes in text that was read as cp1252 ("Vieät Nam" → "Việt Nam")."""
    return _VNI_PATTERN.sub(lambda m: _VNI_TO_UNICODE[m.group(0)], text)


def encode_vni(text: str) -> bytes:
    """Unicode → VNI bytes; used to build test files and the benchmark's legacy samples."""
    keys = "".join(_UNICODE_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))
    return keys.encode("cp1252")


def encode_tcvn3(text: str) -> bytes:
    reverse = {letter: byte for byte, letter in _TCVN3.items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in reverse:
            out.append(reverse[char])
        elif char.lower() in reverse and not char.isascii():
            out.append(reverse[char.lower()])
        else:
            out.extend(char.encode("ascii"))
    return bytes(out)


def decode_vni(raw: bytes) -> str:
    return vni_from_text(raw.decode("cp1252", errors="replace"))


def decode_cp1258(raw: bytes) -> str:
    return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))


@dataclass(frozen=True)
class LegacyEncoding:
    name: str
    label: str
    decode: Callable[[bytes], str]


LEGACY_ENCODINGS = (
    LegacyEncoding("tcvn3", "TCVN3 (ABC, phông .VnTime)", decode_tcvn3),
    LegacyEncoding("vni", "VNI (phông VNI-Times)", decode_vni),
    LegacyEncoding("cp1258", "Windows-1258", decode_cp1258),
)

_WORD = re.compile(r"[^\s,.;:!?()\[\]{}\"'“”‘’/…–—=*#|<>_`~-]+")


def _non_ascii_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if not w.isascii() and not w.isdigit()]


def syllable_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are Vietnamese syllables, how many there are)."""
    words = _non_ascii_words(text)
    if not words:
        return 0.0, 0
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    return good / len(words), len(words)


@dataclass(frozen=True)
class Guess:
    encoding: LegacyEncoding | None
    text: str | None
    confident: bool


def guess_legacy(raw: bytes) -> Guess:
    """Which legacy encoding non-UTF-8 bytes most likely are; confident only with a clear winner."""
    scored = []
    for encoding in LEGACY_ENCODINGS:
        text = encoding.decode(raw)
        share, count = syllable_score(text)
        scored.append((share, count, encoding, text))
    scored.sort(key=lambda s: s[0], reverse=True)
    best, runner_up = scored[0], scored[1]
    if best[0] < 0.5 or best[1] == 0:
        return Guess(None, None, False)
    confident = best[0] >= 0.9 and best[1] >= 3 and best[0] - runner_up[0] >= 0.2
    return Guess(best[2], best[3], confident)


_SUSPECT = re.compile(
    "[^\\x00-\\x7f" + re.escape(VIETNAMESE_LETTERS + PUNCTUATION) + "\\u00a0]"
)


def _via_tcvn3(word: str) -> str | None:
    return word.translate(_TCVN3_FROM_LATIN1) if all(ord(c) < 256 for c in word) else None


def _via_vni(word: str) -> str | None:
    return vni_from_text(word)


def _via_cp1252(word: str) -> str | None:
    try:
        return word.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None


MOJIBAKE_KINDS = (
    ("tcvn3", "chữ TCVN3 (ABC) dán vào như chữ Latin", _via_tcvn3),
    ("vni", "chữ VNI dán vào như chữ Latin", _via_vni),
    ("utf8-as-cp1252", "chữ UTF-8 bị đọc nhầm thành Windows-1252", _via_cp1252),
)


@dataclass(frozen=True)
class Mojibake:
    kind: str
    label: str
    offset: int
    word: str
    repaired: str


def find_mojibake(text: str) -> list[Mojibake]:
    """One finding per kind of legacy-font garbage in valid UTF-8 text, at its first word.

    Only words holding a character that is no Vietnamese letter are examined, so clean text costs
    one regular-expression scan.
    """
    if not _SUSPECT.search(text):
        return []
    found: dict[str, Mojibake] = {}
    for match in _WORD.finditer(text):
        word = match.group(0)
        if not _SUSPECT.search(word):
            continue
        for kind, label, repair in MOJIBAKE_KINDS:
            if kind in found:
                continue
            fixed = repair(word)
            if fixed and fixed != word and is_vietnamese_syllable(fixed.replace("\u00ad", "")):
                found[kind] = Mojibake(kind, label, match.start(), word, fixed)
                break
    return sorted(found.values(), key=lambda m: m.offset)
