"""A photo withheld from one story is not published by another.

An individual's photos are published only with their consent (``consent.personal_data``). The
same file, or the same bytes under another name, declared by a second story (a collective's, or
that of someone who agreed) would publish the photo all the same: the build refuses it on that
story's field, and the forward bundle refuses to send it. Only they see every published story
at once; ``validate`` judges a file on its own.
"""

from __future__ import annotations

import contextlib
import posixpath
from dataclasses import dataclass

from scripts.images.container import NotAnImage
from scripts.images.library import PhotoLibrary
from scripts.nomination.loader import Nomination
from scripts.nomination.problems import Problem, Severity


@dataclass(frozen=True)
class PhotoClaim:
    """One entry of a story's images:, and whether the story publishes it."""

    rel: str
    index: int
    src: str
    line: int
    shown: bool


def claims(nomination: Nomination, public: dict) -> tuple[PhotoClaim, ...]:
    images = nomination.meta.get("images")
    shown = bool(public.get("images"))
    return tuple(
        PhotoClaim(nomination.rel, index, image["src"], nomination.line_of(("images", index, "src")), shown)
        for index, image in enumerate(images if isinstance(images, list) else [])
        if isinstance(image, dict) and isinstance(image.get("src"), str)
    )


def problems(every: list[PhotoClaim], library: PhotoLibrary) -> list[Problem]:
    withheld: dict[str, str] = {}
    for claim in every:
        if not claim.shown:
            for mark in _marks(claim.src, library):
                withheld.setdefault(mark, claim.rel)
    found = []
    for claim in every:
        owner = next((withheld[m] for m in _marks(claim.src, library) if m in withheld), None) \
            if claim.shown else None
        if owner:
            found.append(Problem(
                claim.rel, claim.line, f"images[{claim.index}].src", "",
                f"ảnh này cũng là ảnh của bài {owner}, nơi người được giới thiệu chưa đồng ý công "
                "bố thông tin cá nhân: không được đăng ở bài này; hãy dùng ảnh khác",
                Severity.ERROR, "image.withheld",
            ))
    return found


def _marks(src: str, library: PhotoLibrary) -> list[str]:
    """The file (its path) and its bytes (their hash): a copy under another name is the same."""
    marks = ["path:" + posixpath.normpath(src)]
    with contextlib.suppress(NotAnImage, OSError):
        marks.append("key:" + library.key(src))
    return marks
