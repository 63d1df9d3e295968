"""Pelican plugin of the "Điển hình tiên tiến" column.

``register()`` connects the module-level receivers below (Pelican's signals hold weak
references, so receivers must live as long as the module). The work is in small modules:
``reader`` (load + check + public view + sanitized HTML), ``listings`` and ``generator``
(browse pages, feeds, sitemap), ``story`` (what a page may show).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from pelican import signals

from scripts.common import hints
from scripts.common.repo import Repo, markdown_files
from scripts.common.terminal import inert
from scripts.images.container import NotAnImage
from scripts.images.library import photo_library
from scripts.nomination import consent
from scripts.nomination.checker import check_file, generated_problems, link_problems, slug_problems
from scripts.nomination.reporters import text_line
from scripts.site import cleanup
from scripts.site.generator import ColumnGenerator
from scripts.site.reader import NominationReader
from scripts.site.settings import column_settings
from scripts.site.story import Photo


def check_settings(pelican) -> None:
    """Refuse settings that would publish pending nominations or unescaped metadata."""
    settings = pelican.settings
    column = column_settings(settings)
    nominations = Repo.at(column["ROOT"]).nominations.resolve()
    content = Path(settings["PATH"]).resolve()
    if settings.get("STATIC_PATHS"):
        _stop(f"Lỗi: STATIC_PATHS = {settings['STATIC_PATHS']!r}: Pelican sẽ chép nguyên các tệp "
              "này (kể cả ảnh chưa được đồng ý, còn dữ liệu GPS) lên trang. Ảnh chỉ lên trang qua "
              "trường images: của bài đã thông qua; để STATIC_PATHS = [].")
    if settings.get("OUTPUT_SOURCES"):
        _stop("Lỗi: OUTPUT_SOURCES = True: Pelican sẽ chép nguyên tệp nguồn của mọi bài lên trang, kể cả "
              "liên hệ, đề xuất và ghi chú thẩm định. Để OUTPUT_SOURCES = False.")
    for key in ("ARTICLE_PATHS", "PAGE_PATHS"):
        for folder in settings.get(key) or []:
            read = (content / folder).resolve()
            if read == nominations or nominations.is_relative_to(read) or read.is_relative_to(nominations):
                _stop(f"Lỗi: {key} = {settings[key]!r} đọc cả content/nominations/: phiếu chưa được "
                      "thông qua sẽ lên trang. Chỉ để ARTICLE_PATHS = [\"published\"].")
    linked = _links_under(Path(settings["THEME"]))
    if linked:
        # Pelican copies theme/static following links: any file of the build machine would be
        # published (and precached by the service worker).
        _stop(f"Lỗi: {linked[0]} là liên kết tượng trưng (symlink); trong giao diện (theme/) chỉ được "
              "có tệp và thư mục thật: hãy xóa liên kết và đặt tệp thật.")
    settings["WARD_EMBLEM_IMAGE"] = _emblem(settings, column)
    # The public address (absolute only when deploying): canonical links, Open Graph, sitemap.
    siteurl = settings.get("SITEURL", "")
    settings["SITE_ADDRESS"] = siteurl if siteurl.startswith(("http://", "https://")) else ""
    if settings.get("LOAD_CONTENT_CACHE") and _cache_is_stale(settings, column):
        # Cached stories hold the public view of their time: after a change to the schema (a
        # field made private), the registry or this plugin, every story is read again.
        settings["LOAD_CONTENT_CACHE"] = False
    # Pelican rewrites {static}/{filename}/|static|… addresses in the HTML it is given, after our
    # sanitizer, and copies the files they name: contributors could publish any file of content/.
    # No address may match (the renderer also drops such addresses; the checker refuses them).
    settings["INTRASITE_LINK_REGEX"] = NO_INTRASITE_LINKS
    # Pelican also takes metadata from a file's name and folders (a date from "2026-13-45-x.md"
    # dropped that page without a word): a story or page says everything through the reader.
    settings["FILENAME_METADATA"] = settings["PATH_METADATA"] = ""
    settings["USE_FOLDER_AS_CATEGORY"] = False
    # Metadata comes from contributors: every {{ value }} in a template must be escaped.
    settings["JINJA_ENVIRONMENT"]["autoescape"] = True
    paginated = settings["PAGINATED_TEMPLATES"]
    paginated.setdefault("listing", None)
    paginated["names"] = column["NAMES_PER_PAGE"]


def _links_under(folder: Path) -> list[str]:
    return ([str(folder)] if folder.is_symlink() else []) + [
        os.path.join(parent, name)
        for parent, folders, files in os.walk(folder) for name in sorted(folders + files)
        if os.path.islink(os.path.join(parent, name))
    ]


NO_INTRASITE_LINKS = r"(?!)"
"""A pattern that matches nothing: Pelican's link replacer is off for every page."""


def _emblem(settings: dict, column: dict) -> Photo | None:
    """The banner's emblem, re-encoded like a story's photo; stops the build on a wrong setting."""
    emblem = settings.get("WARD_EMBLEM") or ""
    if not emblem:
        return None
    content = Path(settings["PATH"]).resolve()
    path = (content / emblem).resolve()
    if not path.is_relative_to(content) or not path.is_file():
        _stop(f"Lỗi: WARD_EMBLEM = {emblem!r}: không có tệp này trong thư mục content/. "
              "Ghi đường dẫn của ảnh tính từ content/, ví dụ \"images/bieu-trung-phuong.png\".")
    src = path.relative_to(content).as_posix()
    try:
        processed = photo_library(Repo.at(column["ROOT"])).process(src)
    except NotAnImage as err:
        _stop(f"Lỗi: WARD_EMBLEM = {emblem!r}: {err}")
    # Decorative: the ward's name is written beside it.
    return Photo(src, processed, alt="")


def story_sources() -> list[Path]:
    """Every module that decides what a cached story holds: load, check, shared rules, the renderer
    and the public projection, photo processing (its variants' keys), this plugin.

    A glob over the package rooms rather than a list of names, so that a module added or moved
    in them is counted without anyone remembering this function.
    """
    package = Path(__file__).resolve().parent.parent
    rooms = ("nomination", "common", "images", "publishing", "site")
    return [path for room in rooms for path in (package / room).rglob("*.py")]


def _cache_is_stale(settings: dict, column: dict) -> bool:
    cache = Path(settings["CACHE_PATH"])
    cached = [path.stat().st_mtime for path in cache.glob("*") if path.is_file()] if cache.is_dir() else []
    if not cached:
        return False
    repo = Repo.at(column["ROOT"])
    sources = [repo.schema_file, repo.units_file, *story_sources()]
    newest = max((path.stat().st_mtime for path in sources if path.exists()), default=0)
    return newest > min(cached)


def use_nomination_reader(readers) -> None:
    """Ours is the only reader: Pelican's own would publish "x.html", "x.markdown", "x.mkd"… of
    published/ or pages/ as they are, unchecked and unsanitized (the checker refuses them by name)."""
    readers.reader_classes.clear()
    readers.reader_classes["md"] = NominationReader


def after_reading(generator) -> None:
    stop_on_errors(generator, articles=True)
    link_stories(generator)


def stop_on_errors(generator, articles: bool = False) -> None:
    """After reading: a published file with an error stops the build, with the validator's lines."""
    reader = generator.readers.readers.get("md")
    if not isinstance(reader, NominationReader):
        return
    problems = [p for result in reader.failures for p in result.problems if p.is_error]
    if articles and reader.read_paths:
        problems += slug_problems(reader.read_paths, reader.ctx.repo)
    repo = reader.ctx.repo
    problems += _skipped_by_pelican(reader, repo.published if articles else repo.pages)
    if articles:
        problems += consent.problems(reader.photo_claims, reader.photos)
    problems += link_problems(repo) + generated_problems(repo)
    if not problems:
        return
    files = len({p.path for p in problems})
    for problem in problems:
        sys.stderr.write(text_line(problem) + "\n")
    _stop(f"Dừng dựng trang: {files} tệp có lỗi. Sửa theo các dòng trên "
          f"(kiểm tra lại bằng \"{hints.validate()}\").")


def _skipped_by_pelican(reader: NominationReader, folder: Path) -> list:
    """Errors of entries in ``folder`` named like a page that Pelican never handed to the reader
    ("x.MD", "x.html", a folder named "x.md"): validate refuses them, so the build must too."""
    read = {os.path.abspath(path) for path in reader.read_paths}
    ctx = reader.ctx
    return [
        problem
        for path in markdown_files(folder) if os.path.abspath(path) not in read
        for problem in check_file(path, ctx).problems if problem.is_error
    ]


def link_stories(generator) -> None:
    """Previous and next stories."""
    articles = generator.articles
    for article in articles:
        # Pelican formats an article's URL from the settings at every access, and a story is
        # linked from a dozen pages: compute it once (Pelican's own URL override).
        article.override_url = article.url
    for index, article in enumerate(articles):
        article.newer = articles[index - 1] if index > 0 else None
        article.older = articles[index + 1] if index + 1 < len(articles) else None


def add_generator(pelican):
    return ColumnGenerator


def _stop(message: str) -> None:
    sys.stderr.write(message + "\n")
    # SystemExit, not an exception: Pelican prints a traceback for any Exception it catches.
    raise SystemExit(1)


class _InertLog(logging.Filter):
    """Pelican logs file names ("Could not process published/…/x.md"): a name holding ESC or
    the 8-bit CSI would drive the terminal of whoever runs the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = inert(record.getMessage()), None
        return True


def register() -> None:
    for handler in logging.getLogger().handlers:  # Pelican's, set up before plugins are loaded
        handler.addFilter(_InertLog())
    signals.initialized.connect(check_settings)
    signals.initialized.connect(cleanup.start)
    signals.content_written.connect(cleanup.record)
    signals.feed_written.connect(cleanup.record)
    signals.static_generator_finalized.connect(cleanup.record_static)
    signals.finalized.connect(cleanup.sweep)
    signals.readers_init.connect(use_nomination_reader)
    signals.article_generator_finalized.connect(after_reading)
    # Pages are read after the articles were finalized: their failures stop the build too.
    signals.page_generator_finalized.connect(stop_on_errors)
    signals.get_generators.connect(add_generator)

