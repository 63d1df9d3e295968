"""sw.js as the build writes it: the precache list and a version that follows the theme's files."""

from __future__ import annotations

import shutil

from scripts.site.offline import service_worker
from tests.conftest import ROOT


def test_version_changes_with_any_theme_file_and_only_then(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    first = service_worker(theme, "theme/", "khong-co-mang.html", "<p>offline</p>")
    assert service_worker(theme, "theme/", "khong-co-mang.html", "<p>offline</p>") == first
    css = theme / "static/css/site.css"
    css.write_text(css.read_text("utf-8") + "\nbody { margin: 0; }\n", "utf-8")
    changed = service_worker(theme, "theme/", "khong-co-mang.html", "<p>offline</p>")
    assert changed.splitlines()[1] != first.splitlines()[1], "a new cache name for a changed stylesheet"
    assert changed.splitlines()[2:] == first.splitlines()[2:]
    offline_changed = service_worker(theme, "theme/", "khong-co-mang.html", "<p>mất mạng</p>")
    assert offline_changed.splitlines()[1] not in (first.splitlines()[1], changed.splitlines()[1])


def test_precache_lists_the_shell_and_theme_files_but_not_licence_texts(tmp_path):
    worker = service_worker(ROOT / "theme", "theme/", "khong-co-mang.html", "")
    precache = next(line for line in worker.splitlines() if line.startswith("const PRECACHE"))
    assert '"./", "khong-co-mang.html"' in precache
    assert '"theme/fonts/be-vietnam-pro-400.woff2"' in precache
    assert "ofl.txt" not in precache
