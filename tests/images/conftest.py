from __future__ import annotations

import pytest

from scripts.images.library import PhotoLibrary
from tests.images.photos import phone_photo


@pytest.fixture(scope="session")
def photo() -> bytes:
    """A 1600×1200 phone JPEG with GPS Exif, XMP and a comment (12 MP is for the benchmark)."""
    return phone_photo(1600, 1200)


@pytest.fixture
def library(tmp_path) -> PhotoLibrary:
    (tmp_path / "content" / "images").mkdir(parents=True)
    return PhotoLibrary(tmp_path / "content", tmp_path / "cache")


def put(library: PhotoLibrary, name: str, data: bytes) -> str:
    (library.content / "images" / name).write_bytes(data)
    return f"images/{name}"
