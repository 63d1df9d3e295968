"""Pelican settings for the column. Every name of the ward lives here, never in templates."""

import sys
from pathlib import Path

# The pipeline's package (scripts/) and its Pelican plugin are imported from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The ward and the level above it are settings: since 1 July 2025 wards are merged and renamed,
# and the district level no longer exists. Defaults follow the ward's instruction (Văn bản
# 124/UBND ngày 31/3/2021 của UBND phường Ninh Hà).
WARD_NAME = "phường Ninh Hà"
WARD_AUTHORITY = "Ủy ban nhân dân phường Ninh Hà"
UPPER_LEVEL_NAME = "thị xã Ninh Hòa"
UPPER_COUNCIL_NAME = "Hội đồng Thi đua – Khen thưởng thị xã Ninh Hòa"
COUNCIL_NAME = "Hội đồng Thi đua – Khen thưởng phường Ninh Hà"
COLUMN_NAME = "Điển hình tiên tiến"

SITENAME = f"{COLUMN_NAME} – {WARD_NAME[0].upper()}{WARD_NAME[1:]}"
SITEURL = ""
AUTHOR = WARD_AUTHORITY
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"

PATH = "content"
# Only approved stories are articles; content/nominations/ is never read by the build.
ARTICLE_PATHS = ["published"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"

PLUGINS = []

DEFAULT_PAGINATION = 12
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
RELATIVE_URLS = True
