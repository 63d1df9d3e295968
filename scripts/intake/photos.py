"""A photo from a form, judged by the image pipeline before it is stored in content/images/.

The stored name takes its suffix from what the bytes are, never from the uploaded file's name.
"""

from __future__ import annotations

from scripts.images.container import NotAnImage, sniff
from scripts.images.soundness import check_bytes

_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "AVIF": ".avif"}


def accept(data: bytes) -> str:
    """The suffix the photo is stored under, or ``NotAnImage`` saying why it is refused."""
    kind = sniff(data)
    if kind is None:
        raise NotAnImage("tệp không phải ảnh JPG, PNG, WEBP, GIF hay AVIF")
    suffix = _SUFFIXES[kind]
    check_bytes(data, suffix)  # damaged, bombs, polyglots
    return suffix
