"""Vietnamese text rules shared by every part: letters, slugs, dates and alphabetical order."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

_BASE_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
"""Combining tone marks, numbered in Vietnamese dictionary order: huyền, hỏi, ngã, sắc, nặng."""


def _all_letters() -> str:
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for vowel in _BASE_VOWELS:
        letters.add(vowel)
        for mark in _TONE_MARKS:
            letters.add(unicodedata.normalize("NFC", vowel + mark))
    lower = "".join(sorted(letters))
    return lower + lower.upper()


VIETNAMESE_LETTERS = _all_letters()
"""Every letter of the Vietnamese alphabet (and the Latin ones used in loanwords), both cases."""
PUNCTUATION = "“”‘’–—…•·«»°²³½¼¾×÷€₫№§©®™†‰′″"
"""Typographic characters beyond ASCII that Vietnamese office text uses (Word's quotes and
dashes, units, currency)."""

_NUCLEI = (
    "iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê oo "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđfghjklmnpqrstvwxz])?"
    "(" + "|".join(_NUCLEI) + ")"
    r"(ng|nh|ch|[cmnpt])?$"
)


def tone_of(char: str) -> int:
    """0 for a letter without a tone mark, else 1..5 in dictionary order."""
    for mark in unicodedata.normalize("NFD", char)[1:]:
        if mark in _TONE_MARKS:
            return _TONE_MARKS[mark]
    return 0


def strip_tone(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    kept = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` could be one written Vietnamese syllable (at most one tone mark)."""
    lowered = word.lower()
    if any(c not in VIETNAMESE_LETTERS for c in lowered):
        return False
    tones = sum(1 for c in lowered if tone_of(c))
    if tones > 1:
        return False
    bare = "".join(strip_tone(c) for c in lowered)
    return bool(_SYLLABLE.match(bare))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A file name (story or page) is its address: lowercase ASCII words joined by hyphens."""


def slugify(text: str) -> str:
    """Lowercase ASCII slug with tones dropped and đ → d ("Đức" → "duc")."""
    from slugify import slugify as _slugify  # imported on use: validation rarely needs it

    return _slugify(text, lowercase=True, max_length=90, word_boundary=True)


def fold(text: str) -> str:
    """Lowercase, tones and marks dropped, đ → d: how readers type without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LOOK_ALIKES = str.maketrans(
    # Cyrillic and Greek letters drawn like Latin ones (a subset of Unicode's confusables.txt),
    # then other Latin and Armenian ones: the Icelandic eth "Ð" is drawn exactly as "Đ" (and old
    # font conversions produce it), a dotless "ı" as "i".
    "АВЕКМНОРСТУХЅІЈаеорсухѕіјһԁӏԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ" "ÐðƉɖɗıȷɑɡǀӀօս",
    "ABEKMHOPCTYXSIJaeopcyxsijhdlqw" "ABEZHIKMNOPTYXaikvoptux" "ĐđĐđđijagllou",
)
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
"""Embeddings, overrides and isolates (a regex class body): they reorder what a reader sees."""
IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2065"
    "\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff" + BIDI_CONTROLS
)
"""Unicode's Default_Ignorable_Code_Point characters (a regex class body): drawn as nothing, or
as a blank for the Hangul fillers. Zero-width spaces, joiners, soft hyphens, variation selectors,
tag characters and bidi controls are all in it."""
DRAWN_BLANK = "\u115f\u1160\u3164\uffa0\u2800"
"""Letters and symbols drawn as an empty space (Hangul fillers, the blank Braille pattern)."""
_IGNORED = re.compile(f"[{IGNORABLE}]")
_BLANK_AS_SPACE = str.maketrans(dict.fromkeys(DRAWN_BLANK, " "))


def comparable(text: str) -> str:
    """``text`` as the repeat flags compare it: NFKC, invisible characters removed (a filler drawn
    as a blank read as a space), look-alike
    Cyrillic and Greek letters read as Latin, case folded, then ``fold``.

    A copied story with a zero-width space in every word, or a name typed with a Cyrillic "о",
    is the same story and the same person to the council.
    """
    text = _IGNORED.sub("", unicodedata.normalize("NFKC", text).translate(_BLANK_AS_SPACE))
    text = text.translate(_LOOK_ALIKES)
    return fold(text.casefold())


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}


def _letter_rank(base: str) -> int:
    if base in _RANK:
        return _RANK[base] * 2
    if base.isascii() and base.isalpha():
        # f, j, w, z (loanwords) sort after the Vietnamese letter they follow in Latin order.
        previous = max(i for letter, i in _RANK.items() if letter.isascii() and letter < base)
        return previous * 2 + 1
    if base.isdigit():
        return -10 + int(base) if base.isascii() else -1  # digits before letters, as ICU
    return 1000 + ord(base)


_SYLLABLES = re.compile(r"\w+")
"""Runs of letters and digits; spaces and punctuation only separate them."""


def sort_key(text: str) -> tuple:
    """Key for Vietnamese alphabetical order, as ICU's Vietnamese collation orders text.

    Syllable by syllable on the base letters in the alphabet's order (a ă â b c d đ e ê …), so
    "Đỗ Thành Trung" < "Đội thanh niên" (đô < đôi) and "Hà" < "Hải"; then, only where every
    base letter is equal, the tones in order (none, huyền, hỏi, ngã, sắc, nặng); then lowercase
    before uppercase. Python's default order compares code points, which puts "Đ" after "Z".
    """
    syllables = _SYLLABLES.findall(unicodedata.normalize("NFC", text).replace("_", " "))
    letters, tones, cases = [], [], []
    for syllable in syllables:
        ranks = []
        for char in syllable:
            rank, tone, upper = _char_key(char)
            ranks.append(rank)
            tones.append(tone)
            cases.append(upper)
        letters.append(tuple(ranks))
    return (tuple(letters), tuple(tones), tuple(cases), text)


@functools.cache
def _char_key(char: str) -> tuple[int, int, bool]:
    """(letter rank, tone, is upper case) of one character; names reuse few characters."""
    lower = char.lower()
    return _letter_rank(strip_tone(lower)), tone_of(lower), char != lower


def name_key(name: str, individual: bool) -> tuple:
    """Order of official lists: a person by given name (tên, the last syllable), then middle
    name(s), then family name; a collective by its name as written.

    "Nguyễn Thị Lan" sorts among the L's; "Đội thanh niên …" among the Đ's.
    """
    words = name.split()
    if not individual or len(words) < 2:
        return (sort_key(name),)
    family, *middle, given = words
    return (sort_key(given), sort_key(" ".join(middle)), sort_key(family))


def weekday_date(day: dt.date) -> str:
    """"Thứ Sáu, 27/11/2026", as Vietnamese portals show a date, whatever the machine's locale."""
    from babel.dates import format_date  # imported on use: Babel's locale data is large

    return format_date(day, "EEEE, dd/MM/yyyy", locale="vi")


def short_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def document_date(day: dt.date) -> str:
    """"ngày 27 tháng 11 năm 2026", as official documents write it."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"
