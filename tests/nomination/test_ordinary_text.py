"""The one-scan fast path: ordinary text needs no NFC pass, no mojibake search, no visible checks.

``decoding._UNORDINARY`` lets a file skip three checks when it holds nothing but printable ASCII,
newlines, Vietnamese letters and common punctuation. These tests hold that set to what each
skipped check would have said, over every character of it, so that widening the set by mistake
fails here instead of letting a hidden character through.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from scripts.common.vietnamese import PUNCTUATION, VIETNAMESE_LETTERS
from scripts.nomination import visible
from scripts.nomination.decoding import _UNORDINARY, decode
from scripts.nomination.legacy_encodings import _SUSPECT

ORDINARY = "\n" + "".join(map(chr, range(0x20, 0x7F))) + VIETNAMESE_LETTERS + PUNCTUATION


def test_the_set_is_exactly_what_the_pattern_lets_through():
    assert _UNORDINARY.search(ORDINARY) is None
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in ORDINARY:
            assert _UNORDINARY.search(char), f"U+{code:04X} would be taken for ordinary"


@pytest.mark.parametrize("char", sorted(set(ORDINARY) - {"\n"}))
def test_an_ordinary_character_says_nothing_to_the_skipped_checks(char):
    assert visible.all_plain([char])
    assert visible.forbidden(char) is None
    assert not visible.has_harmless(char)
    # Every ordinary character but the space is seen: a blank ordinary value is white space.
    assert visible.is_blank(char) == (char == " ")
    assert _SUSPECT.search(char) is None  # no legacy-font garbage can start from it
    assert unicodedata.is_normalized("NFC", char)
    assert unicodedata.combining(char) == 0


def test_no_two_ordinary_characters_compose_so_ordinary_text_is_nfc():
    """NFC composes a pair only when the second is the tail of a canonical decomposition."""
    tails = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            tails.add(chr(int(parts[1], 16)))
    assert not tails & set(ORDINARY)


def test_an_ordinary_file_takes_the_fast_path_and_an_unusual_one_does_not():
    assert decode("---\ntitle: Chị Lương Thị Hồng Nhung “dạy bơi” – 25 €\n---\n".encode()).ordinary
    for unusual in ("\u00a0", "\t", "\u200b", "\x0c", "e\u0301", "\u034f", "Ä‘"):
        decoded = decode(f"---\ntitle: a{unusual}b\n---\n".encode())
        assert not decoded.ordinary, repr(unusual)
    assert decode("e\u0301".encode()).was_nfd
    assert decode("Ti\u00ea\u0300n".encode()).text == "Tiền"
