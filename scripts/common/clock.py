"""Dates: today in the ward's time zone, and the ISO dates written in front matter.

DIEN_HINH_TODAY=YYYY-MM-DD pins today (tests, back-dated reports).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

WARD_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def today() -> dt.date:
    pinned = os.environ.get("DIEN_HINH_TODAY")
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.datetime.now(WARD_TIMEZONE).date()


def parse_date(value) -> dt.date | None:
    """A front-matter date ("2026-11-27", kept as text by the loader), or None when it is not one."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
