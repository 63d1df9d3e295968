"""The bundle for the council of the level above: the month's forwarded stories, printable.

The ward's council picks its most typical examples ("review.forward: true", set by ``approve
--forward`` or ``forward PATH``) and sends them up. The bundle is one HTML document that prints
on A4 (and the same in Markdown, for mail or editing), with each story, the council's reference
and date, and its photos beside it: the re-encoded variants made for the site (no Exif, no GPS
position), never the contributor's file.

What a story shows is what readers may see (the schema's public view: no contact, no consent
record, personal data only with consent) plus the approval's reference: the bundle leaves the
ward, so it follows the same privacy rule as the site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from scripts.common import clock, hints
from scripts.common.errors import PipelineError
from scripts.common.fileops import atomic_write
from scripts.common.period import month_label
from scripts.common.repo import markdown_files
from scripts.common.settings import WardSettings
from scripts.common.vietnamese import document_date, sort_key
from scripts.images.container import NotAnImage
from scripts.images.library import PhotoLibrary, Processed, Variant, photo_library
from scripts.nomination import consent
from scripts.nomination.checker import CheckContext, sound_nominations
from scripts.nomination.loader import Nomination, load
from scripts.nomination.public import PublicStory, project
from scripts.nomination.state import APPROVED
from scripts.nomination.units import UnitRegistry
from scripts.publishing.policy import CONTENT_SECURITY_POLICY
from scripts.publishing.render import render

_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_HEADING = re.compile(r"^(#{1,6})([ \t])", re.MULTILINE)


@dataclass
class Image:
    processed: Processed
    alt: str
    credit: str = ""

    @property
    def variant(self) -> Variant:
        """The largest JPEG or PNG: what a printer and any mail client read."""
        return self.processed.fallback

    @property
    def file(self) -> str:
        """Path inside the bundle, the same as on the site."""
        return self.processed.url(self.variant)


@dataclass
class Item:
    """One forwarded story as the bundle shows it: the public projection, the council's
    reference and the checked body."""

    story: PublicStory
    rel: str
    body_markdown: str
    body_html: str
    images: list[Image]
    ref: str

    @property
    def title(self) -> str:
        return self.story.title

    @property
    def approved_on(self) -> dt.date:
        return self.story.approved_on

    @property
    def nominee_details(self) -> list[str]:
        return self.story.nominee_details

    @property
    def achievements(self) -> list[str]:
        return self.story.achievements

    @property
    def category(self) -> str:
        return self.story.category.label

    @property
    def field(self) -> str:
        return self.story.field.label

    @property
    def unit(self) -> str:
        return self.story.unit.label

    @property
    def nominee(self) -> str:
        return self.story.name

    @property
    def summary(self) -> str:
        return " ".join(self.story.summary.split())

    @property
    def impact(self) -> str:
        return " ".join(self.story.impact.split())

    @property
    def prior_awards(self) -> list[str]:
        return [award.text for award in self.story.prior_awards]


@dataclass
class Bundle:
    month: str
    made_on: dt.date
    settings: WardSettings
    items: list[Item]
    skipped: list[str] = field(default_factory=list)
    """One line per file of the month left out because it has an error."""
    policy: str = CONTENT_SECURITY_POLICY

    @property
    def title(self) -> str:
        return f"Gương điển hình đề nghị {self.settings.upper_council_name} tuyên truyền"

    @property
    def subtitle(self) -> str:
        return f"{self.settings.council_name} – {month_label(self.month)}"

    @property
    def made_on_text(self) -> str:
        return document_date(self.made_on)

    def approved_text(self, item: Item) -> str:
        return f"Thông qua theo {item.ref}, {document_date(item.approved_on)}."


def _under_story_title(text: str) -> str:
    """The body's headings moved below the story's own "## N. title" (so they start at ###)."""
    levels = [len(m.group(1)) for m in _HEADING.finditer(text)]
    if not levels:
        return text
    shift = 3 - min(levels)
    return _HEADING.sub(lambda m: "#" * min(len(m.group(1)) + shift, 6) + m.group(2), text)


def _images(nomination: Nomination, public: dict, photos: PhotoLibrary) -> list[Image]:
    images = []
    for index, image in enumerate(public.get("images", [])):
        try:
            processed = photos.process(image["src"])
        except NotAnImage as err:
            line = nomination.line_of(("images", index, "src"))
            raise PipelineError(f"{nomination.rel}:{line}: images[{index}].src: {err}") from None
        images.append(Image(processed, image["alt"], image.get("credit", "")))
    return images


def _item(nomination: Nomination, ctx: CheckContext, units: UnitRegistry, photos: PhotoLibrary) -> Item:
    public = ctx.schema.public_view(nomination.meta)
    return Item(
        story=PublicStory(**project(public, nomination.slug, ctx.schema, units)),
        rel=nomination.rel,
        # The checked body (no raw HTML, no intrasite links), and no tag can form in it either.
        body_markdown=_under_story_title(nomination.body.strip()).replace("<", "&lt;"),
        body_html=render(nomination.body, top=3),
        images=_images(nomination, public, photos),
        ref=str(nomination.review.get("ref", "")),
    )


def collect(ctx: CheckContext, month: str, settings: WardSettings) -> Bundle:
    """The month's published stories marked for forwarding, valid ones only."""
    units = UnitRegistry.load(ctx.repo.units_file)
    photos = photo_library(ctx.repo)
    folder = ctx.repo.published / month
    items = []
    sound, skipped = sound_nominations(markdown_files(folder, recursive=False), ctx)
    for nomination in sound:
        review = nomination.review
        if review.get("decision") == APPROVED and review.get("forward") is True:
            items.append(_item(nomination, ctx, units, photos))
    _refuse_withheld_photos(ctx, photos, {item.rel for item in items})
    if not items:
        # The files left out are named here too: the message alone would send the office to
        # mark a story that is marked but has an error.
        raise PipelineError("\n".join([
            f"kỳ {month} chưa có bài nào được chọn gửi cấp trên; đánh dấu bằng lệnh "
            f"\"{hints.scripts(f'forward content/published/{month}/TEN-BAI.md')}\"",
            *(f"Bỏ qua {line}" for line in skipped),
        ]))
    items.sort(key=lambda item: (sort_key(item.category), item.approved_on, sort_key(item.title)))
    return Bundle(month, clock.today(), settings, items, skipped)


def _refuse_withheld_photos(ctx: CheckContext, photos: PhotoLibrary, sent: set[str]) -> None:
    """A photo withheld from any published story for lack of consent is not sent by another one
    (the site's build refuses it the same way)."""
    every = []
    for path in markdown_files(ctx.repo.published):
        nomination = load(path, ctx.repo).nomination
        if nomination is not None and isinstance(nomination.meta.get("nominee"), dict):
            every.extend(consent.claims(nomination, ctx.schema.public_view(nomination.meta)))
    found = [p for p in consent.problems(every, photos) if p.path in sent]
    if found:
        raise PipelineError("\n".join(f"{p.path}:{p.line}: {p.field}: {p.message}" for p in found))


def render_html(bundle: Bundle) -> str:
    return _TEMPLATES.get_template("forward.html").render(bundle=bundle)


_MARKUP = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "&": "&amp;", "<": "&lt;"})


def _md(text: str) -> str:
    """Contributor text inside Markdown stays text, as on the site: no tag or entity can form ("<"
    and "&" are written as entities) and no link, image or reference ("[" and "]" escaped), so an
    alt text cannot close its image's brackets and add a remote image, nor a credit a link."""
    return text.translate(_MARKUP)


def render_markdown(bundle: Bundle) -> str:
    lines = [f"# {bundle.title}", "", f"{bundle.subtitle}. Lập {bundle.made_on_text}, gồm "
             f"{len(bundle.items)} gương.", ""]
    for number, item in enumerate(bundle.items, 1):
        lines += [f"## {number}. {_md(item.title)}", ""]
        lines += [f"- **{item.category}**, lĩnh vực {item.field}",
                  f"- **{_md(item.nominee)}**: {_md(', '.join(item.nominee_details))}",
                  f"- Đơn vị giới thiệu: {item.unit}",
                  f"- {_md(bundle.approved_text(item))}", ""]
        lines += [f"**Tóm tắt thành tích.** {_md(item.summary)}", "", "**Việc làm cụ thể, thành tích:**", ""]
        lines += [f"- {_md(a)}" for a in item.achievements] + [""]
        lines += [f"**Hiệu quả, sức lan tỏa.** {_md(item.impact)}", ""]
        if item.prior_awards:
            lines += ["**Hình thức đã được khen thưởng:**", ""]
            lines += [f"- {_md(a)}" for a in item.prior_awards] + [""]
        lines += [item.body_markdown, ""]  # the checker refuses raw HTML in a published body
        for image in item.images:
            credit = f" (Ảnh: {_md(image.credit)})" if image.credit else ""
            lines += [f"![{_md(image.alt)}]({image.file})", "", f"*{_md(image.alt)}{credit}*", ""]
    return "\n".join(lines)


def write(bundle: Bundle, out: Path, photos: PhotoLibrary) -> list[Path]:
    """Write the bundle into ``out``; the files written (HTML first)."""
    out.mkdir(parents=True, exist_ok=True)
    stem = f"gui-cap-tren-{bundle.month}"
    written = [out / f"{stem}.html", out / f"{stem}.md"]
    atomic_write(written[0], render_html(bundle).encode("utf-8"))
    atomic_write(written[1], render_markdown(bundle).encode("utf-8"))
    for image in (image for item in bundle.items for image in item.images):
        target = out / image.file
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, photos.file_of(image.processed, image.variant).read_bytes())
        written.append(target)
    return written
