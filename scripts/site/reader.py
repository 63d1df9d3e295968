"""Pelican reader for the column: approved stories through the project's loader and checker.

A file in ``content/published/`` is loaded and checked exactly as ``python -m scripts validate``
does; when it has an error it is not rendered, its problems are kept, and the build stops after
reading (see ``scripts.site.stop_on_errors``) with the validator's own lines. A file under
``content/nominations/`` is refused whatever ARTICLE_PATHS says. Other Markdown (the static pages
in ``content/pages/``) is checked by the same body rules and rendered by the same renderer.

On a full build of many stories, the work of reading (load, check, Markdown, sanitize) is done
for every published file at once on all cores, as ``check_files`` does for validate; Pelican then
takes each result in its own order. With Pelican's content cache on, only changed files are read,
one at a time.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category

from scripts.common.parallel import fork_map, worth_forking
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo, markdown_files
from scripts.images.library import PhotoLibrary, photo_library
from scripts.nomination.checker import CheckContext, FileResult, check_file
from scripts.nomination.consent import PhotoClaim, claims
from scripts.nomination.loader import load
from scripts.nomination.page import HEADER_KEYS, load_page
from scripts.nomination.problems import Problem, Severity
from scripts.nomination.reporters import text_line
from scripts.publishing.render import render
from scripts.site.settings import column_settings, reserved_names
from scripts.site.story import Story, build_story

logger = logging.getLogger(__name__)


class NotPublishable(Exception):
    """A file the column must not show; its problems are in the reader's ``failures``."""


@dataclass
class Prepared:
    """One published file, read: its problems, and its HTML and Story when it has no error."""

    result: FileResult
    body: str = ""
    story: Story | None = None
    photos: tuple[PhotoClaim, ...] = ()
    """Its images: entries, published or withheld (``consent``)."""


class NominationReader(MarkdownReader):
    file_extensions = ("md",)

    def __init__(self, settings: dict) -> None:
        super().__init__(settings)
        self.column = column_settings(settings)
        self._ctx: CheckContext | None = None
        self._photos: PhotoLibrary | None = None
        self._prefetched: dict[Path, Prepared] | None = None
        self._categories: dict[str, Category] = {}
        self.failures: list[FileResult] = []
        self.read_paths: list[Path] = []
        self.photo_claims: list[PhotoClaim] = []

    @property
    def ctx(self) -> CheckContext:
        # One context per build: the schema is compiled and the unit registry read once.
        if self._ctx is None:
            self._ctx = CheckContext.for_repo(Repo.at(self.column["ROOT"]))
        return self._ctx

    @property
    def photos(self) -> PhotoLibrary:
        if self._photos is None:
            self._photos = photo_library(self.ctx.repo)
        return self._photos

    def read(self, source_path: str):
        path = Path(source_path)
        state = self.ctx.repo.state_folder(path)
        if state == NOMINATIONS:
            rel = self.ctx.repo.relative(path)
            self.failures.append(FileResult(rel, [Problem(
                rel, 1, "", "", "tệp trong content/nominations/ chưa được Hội đồng thông qua, không "
                "bao giờ được đưa lên trang; hãy giữ ARTICLE_PATHS = [\"published\"]",
                Severity.ERROR, "site.unpublished",
            )]))
            raise NotPublishable(rel)
        if state != PUBLISHED:
            return self._read_page(path)
        return self._read_story(path)

    def _read_page(self, path: Path):
        self.read_paths.append(path)
        page = load_page(path, self.ctx.repo)
        if path.stem in reserved_names(self.settings):
            page.problems.append(Problem(
                page.rel, 1, "", "", f"tên trang \"{path.stem}\" trùng với địa chỉ của chuyên mục "
                f"({path.stem}/): hãy đặt tên khác", Severity.ERROR, "page.reserved",
            ))
        if page.problems:
            self.failures.append(FileResult(page.rel, page.problems))
            raise NotPublishable(page.rel)
        # Only the keys a page may set (load_page refuses the others): Pelican acts on save_as,
        # url, slug, status… in any metadata it is given.
        metadata = {
            key: self.process_metadata(key, page.meta[key]) for key in HEADER_KEYS if key in page.meta
        }
        return render(page.body, top=2), metadata

    def prepare(self, path: Path) -> Prepared:
        """Load, check, render: everything about one story that needs no Pelican object.

        An unexpected exception becomes a problem of the file, so that it stops the build (Pelican
        itself would only log it and leave the story out of the site)."""
        try:
            return self._prepare(path)
        except Exception as err:
            rel = self.ctx.repo.relative(path)
            return Prepared(FileResult(rel, [Problem(
                rel, 1, "", "", f"lỗi không mong đợi khi dựng bài ({type(err).__name__}: {err}); "
                "hãy báo cho người quản trị kho", Severity.ERROR, "site.unexpected",
            )]))

    def _prepare(self, path: Path) -> Prepared:
        ctx = self.ctx
        result = check_file(path, ctx, keep=True)
        nomination, result.nomination = result.nomination, None
        if nomination is None or any(problem.is_error for problem in result.problems):
            return Prepared(result)
        public = ctx.schema.public_view(nomination.meta)
        body = render(nomination.body)
        story = build_story(public, nomination.slug, body, ctx.schema, ctx.units, self.photos)
        return Prepared(result, body, story, claims(nomination, public))

    def _read_story(self, path: Path):
        if self._prefetched is None:
            self._prefetched = self._prefetch()
        self.read_paths.append(path)
        prepared = self._prefetched.pop(path.resolve(), None) or self.prepare(path)
        for problem in prepared.result.problems:
            if problem.severity is Severity.WARNING:
                logger.warning("%s", text_line(problem))
        if prepared.story is None:
            self.failures.append(prepared.result)
            raise NotPublishable(prepared.result.rel)
        self.photo_claims.extend(prepared.photos)
        return prepared.body, self._metadata(prepared.story)

    def _metadata(self, story: Story) -> dict:
        label = story.category.label
        if label not in self._categories:
            self._categories[label] = Category(label, self.settings)
        return {
            # Pelican reads a title as HTML (its feeds strip tags from it): give it escaped
            # text, marked safe so templates do not escape it twice.
            "title": Markup(html.escape(story.title)),
            "slug": story.slug,
            "date": dt.datetime.combine(story.approved_on, dt.time()),
            "category": self._categories[label],
            # Pelican treats a summary as HTML (feeds, templates): escape the plain text once.
            "summary": html.escape(story.summary, quote=False),
            "story": story,
        }

    def _prefetch(self) -> dict[Path, Prepared]:
        """Every published story read in forked workers, for a full build of many stories."""
        if self.settings.get("LOAD_CONTENT_CACHE"):
            return {}  # Pelican will read only the files that changed
        paths = [path.resolve() for path in markdown_files(self.ctx.repo.published) if path.is_file()]
        if not worth_forking(len(paths)):
            # Few stories are read in one process, but their new photos (half a second each)
            # are worth every core.
            self.photos.prepare(_photo_sources(paths, self.ctx.repo))
            return {}
        # Forked workers inherit this reader: the schema is compiled once.
        return dict(zip(paths, fork_map(self.prepare, paths), strict=True))


def _photo_sources(paths: list[Path], repo: Repo) -> list[str]:
    """The images: sources the stories name, as written (the checker judges them later)."""
    sources = []
    for path in paths:
        nomination = load(path, repo).nomination
        images = nomination.meta.get("images") if nomination else None
        for image in images if isinstance(images, list) else []:
            if isinstance(image, dict) and isinstance(image.get("src"), str):
                sources.append(image["src"])
    return sources
