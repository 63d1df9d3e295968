"""Every internal href and src of the built column resolves to a file in output/."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append(value)


def target(output: Path, page: Path, link: str) -> Path | None:
    """The file ``link`` on ``page`` names, or None for an external or in-page link."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        base = page.parent.relative_to(output).as_posix()
        resolved = posixpath.normpath(posixpath.join(base, path))
    file = output / resolved
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file


def test_every_internal_link_resolves(site):
    broken = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "pagefind":
            continue
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.found:
            file = target(site, page, link)
            if file is None:
                continue
            checked += 1
            if not file.is_file() or not file.resolve().is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site)} → {link}")
    assert checked > 500
    assert not broken, "\n".join(broken)


def test_the_link_checker_sees_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text('<a href="../missing/">x</a><img src="../a/">', encoding="utf-8")
    assert not target(tmp_path, page, "../missing/").is_file()
    assert target(tmp_path, page, "../a/") == tmp_path / "a" / "index.html"
    assert target(tmp_path, page, "https://example.vn/") is None
