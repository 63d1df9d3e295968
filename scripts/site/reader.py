"""Pelican reader for the column: approved stories through the project's loader and checker.

A file in ``content/published/`` is loaded and checked exactly as ``python -m scripts validate``
does; when it has an error it is not rendered, its problems are kept, and the build stops after
reading (see ``scripts.site.stop_on_errors``) with the validator's own lines. A file under
``content/nominations/`` is refused whatever ARTICLE_PATHS says. Other Markdown (the static pages
in ``content/pages/``) goes through Pelican's Markdown reader, sanitized the same way.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path

from markupsafe import Markup
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category

from scripts.checker import CheckContext, FileResult, check_file
from scripts.problems import Problem, Severity
from scripts.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.reporters import text_line
from scripts.site.markup import Renderer, sanitize
from scripts.site.settings import column_settings
from scripts.site.story import build_story

logger = logging.getLogger(__name__)


class NotPublishable(Exception):
    """A file the column must not show; its problems are in the reader's ``failures``."""


class NominationReader(MarkdownReader):
    file_extensions = ("md",)

    def __init__(self, settings: dict) -> None:
        super().__init__(settings)
        self.column = column_settings(settings)
        self._ctx: CheckContext | None = None
        self._renderer = Renderer()
        self.failures: list[FileResult] = []
        self.read_paths: list[Path] = []

    @property
    def ctx(self) -> CheckContext:
        # One context per build: the schema is compiled and the unit registry read once.
        if self._ctx is None:
            self._ctx = CheckContext.for_repo(Repo.at(self.column["ROOT"]))
        return self._ctx

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
            content, metadata = super().read(source_path)
            return sanitize(content), metadata
        return self._read_story(path)

    def _read_story(self, path: Path):
        ctx = self.ctx
        self.read_paths.append(path)
        result = check_file(path, ctx, keep=True)
        for problem in result.problems:
            if problem.severity is Severity.WARNING:
                logger.warning("%s", text_line(problem))
        if any(problem.is_error for problem in result.problems) or result.nomination is None:
            self.failures.append(result)
            raise NotPublishable(result.rel)
        nomination = result.nomination
        public = ctx.schema.public_view(nomination.meta)
        body = self._renderer.render(nomination.body)
        story = build_story(public, nomination.slug, body, ctx.schema, ctx.units, ctx.repo.content)
        metadata = {
            # Pelican reads a title as HTML (its feeds strip tags from it): give it escaped
            # text, marked safe so templates do not escape it twice.
            "title": Markup(html.escape(story.title)),
            "slug": story.slug,
            "date": dt.datetime.combine(story.approved_on, dt.time()),
            "category": Category(story.category.label, self.settings),
            # Pelican treats a summary as HTML (feeds, templates): escape the plain text once.
            "summary": html.escape(story.summary, quote=False),
            "story": story,
        }
        return body, metadata
