"""Ways to browse the column: by field, unit, category, year and month, and by name.

Built at build time from the published articles (never stored in the repository: a derived
file every change would rewrite, see DESIGN §7). Order follows the schema for fields and
categories, Vietnamese alphabetical order for units and names, newest first for time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from scripts.common.period import Period
from scripts.common.vietnamese import sort_key
from scripts.nomination.public import Term
from scripts.nomination.schema import NominationSchema
from scripts.site.settings import save_as


@dataclass
class Listing:
    kind: str
    """field, unit, category, year or month."""
    kind_label: str
    term: Term
    url: str
    articles: list = field(default_factory=list)
    feed_url: str = ""

    @property
    def save_as(self) -> str:
        return save_as(self.url)

    @property
    def title(self) -> str:
        return self.term.label


@dataclass
class YearListing(Listing):
    months: list[Listing] = field(default_factory=list)


@dataclass
class Column:
    fields: list[Listing]
    categories: list[Listing]
    units: list[Listing]
    years: list[YearListing]
    names: list
    """Every story, in Vietnamese alphabetical order of the nominee's name."""

    def all_listings(self) -> list[Listing]:
        return [*self.paged_listings(), *self.years]

    def paged_listings(self) -> list[Listing]:
        """Listings shown as pages of story cards; a year page lists its months instead (its
        cards would repeat the home page's, at the cost of one more page per 12 stories)."""
        months = [month for year in self.years for month in year.months]
        return [*self.fields, *self.categories, *self.units, *months]


def build_column(articles: list, schema: NominationSchema, column: dict) -> Column:
    """``articles`` newest first (Pelican's order); every listing keeps that order."""
    by = defaultdict(list)
    for article in articles:
        story = article.story
        by["field", story.field.key].append(article)
        by["category", story.category.key].append(article)
        by["unit", story.unit.key].append(article)
        by["year", story.year].append(article)
        by["month", story.year, story.month].append(article)

    def enum(kind: str, path: tuple, kind_label: str, url: str) -> list[Listing]:
        return [
            Listing(kind, kind_label, Term(key, label), url.format(key=key), by[kind, key])
            for key, label in schema.value_labels(path).items() if by[kind, key]
        ]

    fields = enum("field", ("field",), "Lĩnh vực", column["FIELD_URL"])
    for listing in fields:
        listing.feed_url = column["FIELD_FEED_ATOM"].format(key=listing.term.key)
    units_seen = {a.story.unit for a in articles}
    unit_listings = [
        Listing("unit", "Đơn vị", term, column["UNIT_URL"].format(key=term.key), by["unit", term.key])
        for term in sorted(units_seen, key=lambda t: sort_key(t.label))
    ]
    years = []
    for year in sorted({a.story.year for a in articles}, reverse=True):
        months = [
            Listing(
                "month", "Tháng", Term(str(Period(year, month)), Period(year, month).label),
                column["MONTH_URL"].format(year=year, month=month), by["month", year, month],
            )
            for month in range(12, 0, -1) if by["month", year, month]
        ]
        years.append(YearListing(
            "year", "Năm", Term(str(year), f"Năm {year}"), column["YEAR_URL"].format(year=year),
            by["year", year], months=months,
        ))
    return Column(
        fields=fields,
        categories=enum("category", ("category",), "Loại gương", column["CATEGORY_URL"]),
        units=unit_listings,
        years=years,
        names=sorted(articles, key=lambda a: a.story.name_key),
    )
