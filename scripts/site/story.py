"""What a story page may show: built from the schema's public view of a nomination, nothing else.

``Story`` is the only nomination data that reaches templates, feeds, the search index and the
sitemap. It extends the one public projection (``scripts.nomination.public``, shared with the
forward bundle) with what only the site shows, so no list of fields is repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.common.period import month_label
from scripts.common.vietnamese import fold, name_key, weekday_date
from scripts.images.library import PhotoLibrary, Processed
from scripts.nomination.public import PublicStory, project
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry


@dataclass(frozen=True)
class Photo:
    """A photo the story declares in images:, as published: its re-encoded variants only."""

    src: str
    """Relative to content/: the source, never published itself."""
    processed: Processed
    alt: str
    credit: str = ""


@dataclass
class Story(PublicStory):
    """The public projection, plus what only the site shows: photos, labels, search words."""

    photos: list[Photo] = field(default_factory=list)
    folded: dict[str, str] = field(default_factory=dict)
    """Words with đ folded to d ("Đức" → "duc") per search region (name, title, summary, body),
    for the search index only: each region keeps its weight, so a result can say where it matched."""

    @property
    def period_label(self) -> str:
        return month_label(self.period)

    @property
    def approved_label(self) -> str:
        return weekday_date(self.approved_on)

    @property
    def name_key(self) -> tuple:
        """People by given name, then middle and family name; collectives by their name."""
        return name_key(self.name, individual=self.kind.key == "ca-nhan")

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def month(self) -> int:
        return int(self.period[5:7])


def build_story(
    public: dict, slug: str, body_html: str, schema: NominationSchema, units: UnitRegistry,
    photos: PhotoLibrary,
) -> Story:
    """A Story from ``public``, which must be ``schema.public_view(meta)`` of a checked file."""
    story = Story(
        **project(public, slug, schema, units),
        photos=[_photo(image, photos) for image in public.get("images", [])],
    )
    story.folded = {
        "name": folded_words([story.name]),
        "title": folded_words([story.title]),
        "summary": folded_words([story.summary]),
        "body": folded_words(_texts(story), body_html),
    }
    return story


def _photo(image: dict, photos: PhotoLibrary) -> Photo:
    # Templates write "Ảnh: <credit>"; contributors often write that prefix themselves.
    credit = _CREDIT_PREFIX.sub("", image.get("credit", "")).strip()
    return Photo(image["src"], photos.process(image["src"]), image["alt"], credit)


_CREDIT_PREFIX = re.compile(r"^\s*ảnh\s*:\s*", re.IGNORECASE)


def _texts(story: Story) -> list[str]:
    """What the story page shows besides its name, title and summary."""
    return [
        story.role, story.place, story.impact,
        story.unit.label, story.field.label, story.category.label, *story.achievements,
        *(a.title for a in story.prior_awards), *(p.alt for p in story.photos),
    ]


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def folded_words(texts: list[str], html: str = "") -> str:
    """Every distinct word holding "đ", folded ("Đức" → "duc", "Đông" → "dong").

    Pagefind ignores tone and vowel marks when matching but keeps đ apart from d, so a reader
    typing "duc" would not find "Đức" (measured with Pagefind 1.5.2). The story page carries
    these folded forms in an element that only the index reads.
    """
    words: dict[str, None] = {}
    for text in [*texts, _TAG.sub(" ", html)]:
        if "đ" in text or "Đ" in text:
            words.update(dict.fromkeys(w for w in _WORD.findall(text) if "đ" in w or "Đ" in w))
    return " ".join(dict.fromkeys(fold(word) for word in words))
