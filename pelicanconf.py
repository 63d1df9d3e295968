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
# The council's reports are administrative documents (Nghị định 30/2020/NĐ-CP): the place in the
# date line, the symbol after the number (the office writes the number when it issues the report),
# who signs and who receives a copy. The names here are fictional samples.
REPORT_PLACE = "Ninh Hà"
REPORT_SYMBOL = "BC-HĐTĐKT"
REPORT_SIGNER_ROLE = "TM. HỘI ĐỒNG"
REPORT_SIGNER_TITLE = "CHỦ TỊCH"
REPORT_SIGNER_NAME = "Trần Minh Khoa"
REPORT_RECIPIENTS = [
    UPPER_COUNCIL_NAME,
    "Thường trực Đảng ủy, HĐND phường",
    "Chủ tịch, các Phó Chủ tịch UBND phường",
    "Các đơn vị trong danh mục",
    "Lưu: VT, HĐTĐKT",
]
# One line under the column's name in the header and in search results' descriptions.
COLUMN_TAGLINE = "Gương người tốt, việc tốt, nhân tố điển hình tiên tiến và cách làm hay, sáng tạo"

# An emblem or logo shown beside the ward's name in the banner: an image inside content/ (for
# example "images/bieu-trung-phuong.png"), re-encoded like a story's photo. Empty: none (the
# column ships none; a ward uses its own).
WARD_EMBLEM = ""

SITENAME = f"{COLUMN_NAME} – {WARD_NAME[0].upper()}{WARD_NAME[1:]}"
SITEURL = ""
AUTHOR = WARD_AUTHORITY
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
OG_LOCALE = "vi_VN"

PATH = "content"
# Only approved stories are articles; content/nominations/ is never read by the build (the
# plugin refuses settings that would read it).
ARTICLE_PATHS = ["published"]
PAGE_PATHS = ["pages"]
# Nothing is copied: content/images also holds photos of pending nominations and of people who
# did not consent, with their Exif GPS position. The plugin writes re-encoded variants of the
# photos published stories declare (scripts/images/), and refuses any STATIC_PATHS.
STATIC_PATHS = []
THEME = "theme"
# Stories and pages are Markdown only: the plugin's reader is the only one (no Pelican reader
# of HTML, reStructuredText or other Markdown names publishes a file unchecked).

PLUGINS = ["scripts.site"]
# The plugin's own settings; see scripts/site/settings.py for every key and its default.
COLUMN = {}

# Slugs come from the file name, never the title: "Hùng" and "Hưng" fold to the same ASCII.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "bai/{slug}/"
ARTICLE_SAVE_AS = "bai/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Browsing pages (field, unit, category, month, year) are written by the plugin, not by
# Pelican's category/tag/author/archive pages.
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

DEFAULT_PAGINATION = 12
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_MAX_ITEMS = 30
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
RELATIVE_URLS = True
# output/ is not emptied before a build: the plugin removes afterwards whatever the build did not
# write (scripts/site/cleanup.py), so a withdrawn story cannot linger and cached rebuilds stay fast.
DELETE_OUTPUT_DIRECTORY = False

# Metadata is contributors' text: templates escape every value (the plugin enforces it too).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
