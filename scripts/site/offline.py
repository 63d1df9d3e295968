"""Offline reading: the service worker (sw.js at the site's root) and what it precaches.

The worker's code is theme/service-worker.js; the build puts on top of it the list of theme
files to precache and a VERSION that hashes their content, so each change of CSS, font or
script gives a new cache name and readers' browsers fetch the new files once.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

WORKER = "sw.js"
SOURCE = "service-worker.js"
"""In the theme folder, beside static/ (so Pelican does not copy it to theme/ as well)."""
SKIPPED_SUFFIXES = {".txt"}
"""Licence texts ship with the fonts but no page needs them offline."""


def theme_files(static: Path) -> list[Path]:
    return sorted(
        path for path in static.rglob("*") if path.is_file() and path.suffix not in SKIPPED_SUFFIXES
    )


def service_worker(theme: Path, static_url: str, offline_url: str, offline_html: str) -> str:
    """The text of sw.js. ``static_url`` is where Pelican copies theme/static ("theme/")."""
    source = (theme / SOURCE).read_text("utf-8")
    static = theme / "static"
    files = theme_files(static)
    digest = hashlib.sha256(source.encode())
    digest.update(offline_html.encode())
    for path in files:
        digest.update(path.relative_to(static).as_posix().encode() + b"\0" + path.read_bytes())
    precache = ["./", offline_url] + [f"{static_url}{p.relative_to(static).as_posix()}" for p in files]
    head = (
        "// Written by the build (scripts/site/offline.py): edit theme/service-worker.js instead.\n"
        f"const VERSION = {json.dumps(digest.hexdigest()[:12])};\n"
        f"const THEME = {json.dumps(static_url)};\n"
        f"const OFFLINE = {json.dumps(offline_url)};\n"
        f"const PRECACHE = {json.dumps(precache, ensure_ascii=False)};\n\n"
    )
    return head + source
