"""The plugin's one dict setting, ``COLUMN``, merged over these defaults.

Names of the ward, the column and the councils are top-level settings (WARD_NAME, COLUMN_NAME…)
that templates read directly; ``COLUMN`` holds only what the plugin itself decides: where the
listing pages, feeds and the search page go.
"""

from __future__ import annotations

import os

DEFAULTS = {
    # Listing pages; each is written to URL + "index.html", later pages under URL + "page/N/".
    "FIELD_URL": "linh-vuc/{key}/",
    "UNIT_URL": "don-vi/{key}/",
    "CATEGORY_URL": "loai/{key}/",
    "YEAR_URL": "nam/{year}/",
    "MONTH_URL": "nam/{year}/thang-{month:02d}/",
    "CONTENTS_URL": "muc-luc/",
    "NAMES_URL": "theo-ten/",
    "NAMES_PER_PAGE": 100,
    # One Atom feed per field, beside the column's own (FEED_ALL_ATOM).
    "FIELD_FEED_ATOM": "feeds/linh-vuc/{key}.atom.xml",
    "SEARCH_URL": "tim-kiem/",
    # What the service worker shows for a page never opened before when there is no network.
    "OFFLINE_URL": "khong-co-mang.html",
    # Each story's A4 poster for noticeboards ({slug} is the story's); see scripts/site/poster.py.
    "POSTER_URL": "bai/{slug}/in/",
    # Share buttons are plain links (no third-party script); {url} is the story's encoded address.
    # Zalo publishes no documented share address for plain links: this is the one sites commonly
    # use; change it here if Zalo changes it.
    "SHARE": {
        "Facebook": "https://www.facebook.com/sharer/sharer.php?u={url}",
        "Zalo": "https://sp.zalo.me/share?url={url}",
    },
    # The repository whose schema/ and content/ the loader and checker read; None: PATH/..
    "ROOT": None,
}


def column_settings(settings: dict) -> dict:
    merged = {**DEFAULTS, **(settings.get("COLUMN") or {})}
    unknown = set(merged) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"COLUMN: unknown keys {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    if merged["ROOT"] is None:
        # Not resolved: a content/ that is a symbolic link must not move the repository (its
        # schema and registries) elsewhere; the checker refuses the link itself.
        merged["ROOT"] = os.path.dirname(os.path.abspath(settings["PATH"]))
    return merged


def save_as(url: str) -> str:
    return url + "index.html" if url.endswith("/") else url


TOP_FOLDERS = ("images", "pagefind", "page")
"""Written outside the settings above: photos' variants, the search index (after Pelican), and
the home page's later pages."""


def reserved_names(settings: dict) -> set[str]:
    """First parts of the addresses the column writes ("tim-kiem", "bai", "feeds"…): a page named
    like one would be written over it, or the build would stop on the clash."""
    column = column_settings(settings)
    urls = [value for value in column.values() if isinstance(value, str)]
    urls += [settings.get(key) or "" for key in ("ARTICLE_URL", "FEED_ALL_ATOM")]
    urls.append(settings.get("THEME_STATIC_DIR", "") + "/")
    return {url.split("/", 1)[0] for url in urls if "/" in url} - {""} | {*TOP_FOLDERS}
