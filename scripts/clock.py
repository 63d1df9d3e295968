"""Today in the ward's time zone. DIEN_HINH_TODAY=YYYY-MM-DD pins it (tests, back-dated reports)."""

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
