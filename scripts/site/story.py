"""What a story page may show: built from the schema's public view of a nomination, nothing else.

``Story`` is the only nomination data that reaches templates, feeds, the search index and the
sitemap. It is built from ``NominationSchema.public_view`` (private fields removed, an
individual's personal fields kept only with consent), plus labels read from the schema and the
unit registry, so no list of private fields is repeated here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from scripts.common.period import month_label
from scripts.common.vietnamese import fold, sort_key, weekday_date
from scripts.images.library import PhotoLibrary, Processed
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry


@dataclass(frozen=True)
class Term:
    """A value readers can browse by: a field, a category, a unit, a month."""

    key: str
    label: str


@dataclass(frozen=True)
class Photo:
    """A photo the story declares in images:, as published: its re-encoded variants only."""

    src: str
    """Relative to content/: the source, never published itself."""
    processed: Processed
    alt: str
    credit: str = ""


@dataclass(frozen=True)
class Award:
    title: str
    decision: str
    year: int | None


@dataclass
class Story:
    slug: str
    title: str
    summary: str
    category: Term
    field: Term
    unit: Term
    period: str
    period_label: str
    approved_on: dt.date
    approved_label: str
    kind: Term
    name: str
    role: str
    place: str
    birth_year: int | None = None
    gender: str = ""
    achievements: list[str] = field(default_factory=list)
    impact: str = ""
    prior_awards: list[Award] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    approval_ref: str = ""
    """The minutes of the approving meeting, only if the schema makes ``review.ref`` public."""
    folded_words: str = ""
    """Words with đ, folded to d ("Đức" → "duc"), for the search index only (see searchwords)."""

    @property
    def name_key(self) -> tuple:
        return sort_key(self.name)

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
    nominee = public.get("nominee", {})
    unit = units.get(public["submitted_by"])
    approved = dt.date.fromisoformat(public["review"]["on"])
    story = Story(
        slug=slug,
        title=public["title"],
        summary=public["summary"],
        category=_term(schema, ("category",), public["category"]),
        field=_term(schema, ("field",), public["field"]),
        unit=Term(unit.id, unit.name) if unit else Term(public["submitted_by"], public["submitted_by"]),
        period=public["period"],
        period_label=month_label(public["period"]),
        approved_on=approved,
        approved_label=weekday_date(approved),
        kind=_term(schema, ("nominee", "kind"), nominee["kind"]),
        name=nominee["name"],
        # Whatever the schema marks private is absent here, even a field every file must have.
        role=nominee.get("role", ""),
        place=nominee.get("place", ""),
        birth_year=nominee.get("birth_year"),
        gender=schema.value_label(("nominee", "gender"), nominee["gender"]) if "gender" in nominee else "",
        achievements=list(public.get("achievements", [])),
        impact=public.get("impact", ""),
        prior_awards=[
            Award(a["title"], a.get("decision", ""), a.get("year")) for a in public.get("prior_awards", [])
        ],
        photos=[_photo(image, photos) for image in public.get("images", [])],
        approval_ref=public["review"].get("ref", ""),
    )
    story.folded_words = folded_words(_texts(story), body_html)
    return story


def _term(schema: NominationSchema, path: tuple, value: str) -> Term:
    return Term(value, schema.value_label(path, value))


def _photo(image: dict, photos: PhotoLibrary) -> Photo:
    # Templates write "Ảnh: <credit>"; contributors often write that prefix themselves.
    credit = _CREDIT_PREFIX.sub("", image.get("credit", "")).strip()
    return Photo(image["src"], photos.process(image["src"]), image["alt"], credit)


_CREDIT_PREFIX = re.compile(r"^\s*ảnh\s*:\s*", re.IGNORECASE)


def _texts(story: Story) -> list[str]:
    return [
        story.title, story.summary, story.name, story.role, story.place, story.impact,
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
