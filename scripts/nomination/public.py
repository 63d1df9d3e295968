"""The public projection of a story: what may leave the ward, built in one place.

Everything a reader outside the council sees of a story (the site, its feeds and search index,
the forward bundle for the level above) starts from ``project``: the schema's public view
(private fields removed, an individual's personal fields only with consent) turned into labelled
values. A new public field is two edits: mark it public in the schema, add it here; the site's
``Story`` and the bundle's ``Item`` extend this value and show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry


@dataclass(frozen=True)
class Term:
    """A value readers can browse by: a field, a category, a unit, a month."""

    key: str
    label: str


@dataclass(frozen=True)
class Award:
    title: str
    decision: str
    year: int | None

    @property
    def text(self) -> str:
        return ", ".join(str(part) for part in (self.title, self.decision, self.year) if part)


@dataclass
class PublicStory:
    slug: str
    title: str
    summary: str
    category: Term
    field: Term
    unit: Term
    period: str
    approved_on: dt.date
    kind: Term
    name: str
    role: str
    place: str
    birth_year: int | None = None
    gender: str = ""
    achievements: list[str] = field(default_factory=list)
    impact: str = ""
    prior_awards: list[Award] = field(default_factory=list)
    approval_ref: str = ""
    """The minutes of the approving meeting, only if the schema makes ``review.ref`` public."""

    @property
    def nominee_details(self) -> list[str]:
        """Role, place and, with consent, birth year and gender: what follows the name."""
        details = [self.role, self.place]
        if self.birth_year is not None:
            details.append(f"sinh năm {self.birth_year}")
        details.append(self.gender)
        return [detail for detail in details if detail]


def project(public: dict, slug: str, schema: NominationSchema, units: UnitRegistry) -> dict:
    """The fields of a ``PublicStory`` from ``public``, which must be ``schema.public_view(meta)``
    of a checked file (returned as keyword arguments, so that a subclass adds its own)."""
    nominee = public.get("nominee", {})
    unit = units.get(public["submitted_by"])

    def term(path: tuple, value: str) -> Term:
        return Term(value, schema.value_label(path, value))

    return dict(
        slug=slug,
        title=public["title"],
        summary=public["summary"],
        category=term(("category",), public["category"]),
        field=term(("field",), public["field"]),
        unit=Term(unit.id, unit.name) if unit else Term(public["submitted_by"], public["submitted_by"]),
        period=public["period"],
        approved_on=dt.date.fromisoformat(str(public["review"]["on"])),
        kind=term(("nominee", "kind"), nominee["kind"]),
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
        approval_ref=public["review"].get("ref", ""),
    )
