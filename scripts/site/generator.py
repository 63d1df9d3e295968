"""Writes what Pelican's own generators do not: listings, per-field feeds, the table of
contents, the names index, the search page, 404, sitemap.xml and robots.txt.

Runs after the articles and pages generators (their context is complete); it also writes the
processed variants of the stories' photos (``photos.publish``).
"""

from __future__ import annotations

import datetime as dt
import os
from functools import partial
from xml.sax.saxutils import escape

from markupsafe import Markup
from pelican.generators import Generator

from scripts.common.repo import Repo
from scripts.images.library import photo_library
from scripts.nomination.schema import NominationSchema
from scripts.site import cleanup
from scripts.site.listings import build_column
from scripts.site.photos import publish
from scripts.site.poster import qr_codes
from scripts.site.settings import column_settings, save_as

# Headings of a story page are the schema's own field titles.
LABELLED = {
    "name": ("nominee", "name"),
    "birth_year": ("nominee", "birth_year"),
    "gender": ("nominee", "gender"),
    "role": ("nominee", "role"),
    "place": ("nominee", "place"),
    "achievements": ("achievements",),
    "impact": ("impact",),
    "prior_awards": ("prior_awards",),
}


class ColumnGenerator(Generator):
    def generate_context(self) -> None:
        self.column_settings = column_settings(self.settings)
        articles = self.context.get("articles", [])
        schema = NominationSchema.load(Repo.at(self.column_settings["ROOT"]).schema_file)
        self.column = build_column(articles, schema, self.column_settings)
        self.context["column"] = self.column
        self.context["LABELS"] = {
            key: schema.label(path) for key, path in LABELLED.items()
        }
        self.context["FIELD_LABELS"] = schema.value_labels(("field",))
        self.context["CATEGORY_LABELS"] = schema.value_labels(("category",))
        self.context["SHARE_LINKS"] = self.column_settings["SHARE"]
        urls = self.column_settings
        for article in articles:
            story = article.story
            article.links = {
                "field": urls["FIELD_URL"].format(key=story.field.key),
                "category": urls["CATEGORY_URL"].format(key=story.category.key),
                "unit": urls["UNIT_URL"].format(key=story.unit.key),
            }
            article.poster_url = urls["POSTER_URL"].format(slug=article.slug)
        self.context["COLUMN_URLS"] = {
            "contents": self.column_settings["CONTENTS_URL"],
            "names": self.column_settings["NAMES_URL"],
            "search": self.column_settings["SEARCH_URL"],
        }

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        listing_template = self.get_template("listing")
        for listing in self.column.paged_listings():
            write(
                listing.save_as, listing_template, self.context, paginated={"articles": listing.articles},
                template_name="listing", url=listing.url, listing=listing,
            )
        year_template = self.get_template("year")
        for year in self.column.years:
            write(year.save_as, year_template, self.context, url=year.url, listing=year)
        for listing in self.column.fields:
            writer.write_feed(
                listing.articles, self.context, listing.feed_url,
                feed_title=f"{self.settings['COLUMN_NAME']} – {listing.title}",
            )
        self._write_posters(write)
        urls = self.column_settings
        write(save_as(urls["CONTENTS_URL"]), self.get_template("contents"), self.context,
              url=urls["CONTENTS_URL"])
        write(save_as(urls["NAMES_URL"]), self.get_template("names"), self.context,
              paginated={"articles": self.column.names}, template_name="names", url=urls["NAMES_URL"])
        write(save_as(urls["SEARCH_URL"]), self.get_template("search"), self.context,
              url=urls["SEARCH_URL"])
        # Hosts serve 404.html at whatever address was missing: its links cannot be relative.
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False)
        emblem = self.settings.get("WARD_EMBLEM_IMAGE")
        publish(self.context.get("articles", []), photo_library(Repo.at(self.column_settings["ROOT"])),
                self.output_path, extra=(emblem,) if emblem else ())
        self._write_sitemap()
        self._write_robots()
        if self.settings.get("CNAME"):
            # GitHub Pages reads the custom domain from this file (publishconf.py: CNAME).
            self._write_text("CNAME", self.settings["CNAME"].strip() + "\n")

    def _write_posters(self, write) -> None:
        """Every story's A4 poster; with a QR code of its address when the site has a public one."""
        articles = self.context.get("articles", [])
        address = self.settings["SITE_ADDRESS"]
        codes = qr_codes([f"{address}/{a.url}" for a in articles]) if address else [""] * len(articles)
        template = self.get_template("poster")
        for article, code in zip(articles, codes, strict=True):
            # segno's own SVG: its only text is the fixed title, nothing from a contributor.
            write(save_as(article.poster_url), template, self.context, url=article.poster_url,
                  article=article, qr=Markup(code))

    def _site_url(self, url: str) -> str:
        return f"{self.settings['SITEURL']}/{url}"

    def _write_sitemap(self) -> None:
        """Only addresses and dates: nothing of a story but where it is and when it was approved."""
        entries: list[tuple[str, dt.date | None]] = [("", None)]
        entries += [(a.url, a.story.approved_on) for a in self.context.get("articles", [])]
        entries += [(listing.url, None) for listing in self.column.all_listings()]
        entries += [(page.url, None) for page in self.context.get("pages", [])]
        entries += [(self.column_settings["CONTENTS_URL"], None), (self.column_settings["NAMES_URL"], None)]
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for url, day in entries:
            lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
            lines.append(f"<url><loc>{escape(self._site_url(url))}</loc>{lastmod}</url>")
        lines.append("</urlset>")
        self._write_text("sitemap.xml", "\n".join(lines) + "\n")

    def _write_robots(self) -> None:
        lines = ["User-agent: *", "Allow: /"]
        if self.settings["SITEURL"].startswith(("http://", "https://")):
            # The sitemap address must be absolute; a local build has no address to give.
            lines.append(f"Sitemap: {self._site_url('sitemap.xml')}")
        self._write_text("robots.txt", "\n".join(lines) + "\n")

    def _write_text(self, name: str, text: str) -> None:
        path = os.path.join(self.output_path, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        cleanup.record(path)
