"""Where things live in a column repository, and which state a file's place means."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

NOMINATIONS = "nominations"
PUBLISHED = "published"


@dataclass(frozen=True)
class Repo:
    """A checkout of the column: content/, schema/ and the settings beside them."""

    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> Repo:
        return cls(Path(root or ".").resolve())

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def nominations(self) -> Path:
        return self.content / NOMINATIONS

    @property
    def published(self) -> Path:
        return self.content / PUBLISHED

    @property
    def schema_file(self) -> Path:
        return self.root / "schema" / "nomination.schema.json"

    @property
    def units_file(self) -> Path:
        return self.root / "schema" / "units.yaml"

    @property
    def abbreviations_file(self) -> Path:
        """What the radio bulletin expands when reading aloud."""
        return self.root / "schema" / "abbreviations.yaml"

    def relative(self, path: Path) -> str:
        """The path as messages show it: relative to the repository root when inside it."""
        absolute = os.path.abspath(path)
        prefix = str(self.root) + os.sep
        if not absolute.startswith(prefix):
            return str(path)
        return absolute[len(prefix):].replace(os.sep, "/")

    def state_folder(self, path: Path) -> str | None:
        """"nominations" or "published" for a file under one of them, else None.

        Paths are compared as written, without resolving links: the loader refuses symbolic
        links, so a path that is accepted is its own real path.
        """
        absolute = os.path.abspath(path)
        for name in (NOMINATIONS, PUBLISHED):
            if absolute.startswith(self.folder_of(name) + os.sep):
                return name
        return None

    @functools.cache  # noqa: B019 - a handful of Repo values live for the whole run
    def folder_of(self, state: str) -> str:
        """The absolute path of a state folder, as a string (compared on every file)."""
        return str(self.content / state)

    @property
    def pages(self) -> Path:
        return self.content / "pages"

    def is_page(self, path: Path) -> bool:
        return os.path.abspath(path).startswith(str(self.pages) + os.sep)

    def content_files(self) -> list[Path]:
        """Every nomination file in both state folders, in a stable order."""
        return [path for folder in (self.nominations, self.published) for path in markdown_files(folder)]


READABLE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst")
"""Names Pelican's own readers take (Markdown, HTML, reStructuredText). The build reads only
"*.md", through the checker; any other of these in a folder the build reads is refused by name."""


def markdown_files(folder: Path, recursive: bool = True) -> list[Path]:
    """Every entry under ``folder`` named like a page Pelican could read, whatever its case or
    kind, sorted.

    "x.MD", "x.html", "x.md." (a trailing dot or space), a folder named "x.md" or a pipe is listed
    too, so that the checker can refuse it by name instead of the file being skipped (or
    published unchecked) without a word.
    """
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.glob("*")
    return sorted(path for path in found if named_like_content(path.name))


def named_like_content(name: str) -> bool:
    """Whether a file of this name could be read as a story or page, by us or by Pelican."""
    return name.rstrip(". ").lower().endswith(READABLE_SUFFIXES)
