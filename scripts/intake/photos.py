"""A photo from an issue, judged by its bytes before it is stored in content/images/."""

from __future__ import annotations

_SIGNATURES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


class NotAPhoto(Exception):
    """Bytes that are not a photo the column takes; the message is Vietnamese."""


def _kind(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def accept(data: bytes) -> str:
    """The suffix the photo is stored under, or ``NotAPhoto`` saying why it is refused."""
    kind = _kind(data)
    if kind is None:
        raise NotAPhoto("tệp không phải ảnh JPG, PNG, WEBP hay GIF")
    return _SIGNATURES[kind]
