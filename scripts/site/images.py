"""Width and height of PNG, JPEG, GIF and WebP images, read from their headers.

Pages give every image its size so the layout does not jump while it loads; reading a few
header bytes is enough, no imaging library is needed.
"""

from __future__ import annotations

import struct
from pathlib import Path


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height), or None when the format is not recognised or the file is damaged."""
    try:
        with path.open("rb") as handle:
            head = handle.read(32)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
                return _webp(head, handle)
            if head[:2] == b"\xff\xd8":
                handle.seek(2)
                return _jpeg(handle)
    except (OSError, struct.error):
        return None
    return None


def _webp(head: bytes, handle) -> tuple[int, int] | None:
    chunk = head[12:16]
    handle.seek(20)
    data = handle.read(10)
    if chunk == b"VP8 " and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 5:
        bits = int.from_bytes(data[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 10:
        return int.from_bytes(data[4:7], "little") + 1, int.from_bytes(data[7:10], "little") + 1
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(handle) -> tuple[int, int] | None:
    while True:
        marker = handle.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if marker[1] in (0xD8, 0x01) or 0xD0 <= marker[1] <= 0xD7:
            continue
        length = struct.unpack(">H", handle.read(2))[0]
        if marker[1] in _SOF:
            height, width = struct.unpack(">xHH", handle.read(5))
            return width, height
        handle.seek(length - 2, 1)
