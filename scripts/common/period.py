"""The month a nomination is for (``YYYY-MM``): one type to parse, format, label and compare it.

Folder names, the ``period`` field, ``--month`` arguments and report titles all go through
``Period``, so the format, its Vietnamese label and its usage error are written once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from scripts.common.errors import UsageError

PATTERN = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^[0-9]{4}$")
FIRST_YEAR = 2000


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def match(cls, text: object) -> Period | None:
        """The period a folder name or field value spells, or None when it is not ``YYYY-MM``."""
        if not isinstance(text, str) or not PATTERN.match(text):
            return None
        return cls(int(text[:4]), int(text[5:]))

    @classmethod
    def parse(cls, text: object) -> Period:
        """A ``--month`` argument; a usage error (exit 2) in Vietnamese when it is not a month."""
        period = cls.match(text)
        if period is None:
            raise UsageError(f"tháng \"{text}\" không đúng dạng YYYY-MM (ví dụ 2026-11)")
        return period

    @classmethod
    def of(cls, day: dt.date) -> Period:
        return cls(day.year, day.month)

    @classmethod
    def months_of(cls, year: int) -> list[Period]:
        return [cls(year, month) for month in range(1, 13)]

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """"Tháng 11/2026", as titles and listings show it."""
        return f"Tháng {self.month}/{self.year}"

    def day(self, number: int) -> dt.date:
        return dt.date(self.year, self.month, number)


def month_label(text: str) -> str:
    """The label of a period written as text ("2026-11" → "Tháng 11/2026")."""
    return Period.parse(text).label


def parse_year(text: str) -> int:
    """A ``--year`` argument; a usage error in Vietnamese when it is not a plausible year."""
    if not _YEAR.match(text or "") or int(text) < FIRST_YEAR:
        raise UsageError(f"năm \"{text}\" không đúng dạng YYYY (ví dụ 2026)")
    return int(text)
