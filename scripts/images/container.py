"""What a file really is, from its own bytes: its format, where its image data ends, and the
metadata blocks a decoder skips.

A polyglot (a JPEG that is also a ZIP archive, a PNG that is also an HTML page) hides its second
life either after the image's end or inside a block that image decoders skip (a comment, an
application segment, a text chunk). Walking the container's structure finds both, without
guessing from a pattern over the whole file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field


class NotAnImage(ValueError):
    """The bytes are not the image format they claim to be; the message is Vietnamese."""


@dataclass
class Layout:
    kind: str
    """"JPEG", "PNG", "WEBP", "GIF" or "AVIF": the format the bytes are, whatever the name says."""
    end: int
    """Offset just past the image's last byte; anything after it is not part of the image."""
    metadata: list[bytes] = field(default_factory=list)
    """Blocks decoders skip (comments, Exif, XMP, text chunks): where a second format hides."""


SUFFIXES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF",
            ".avif": "AVIF"}


def sniff(data: bytes) -> str | None:
    """The image format ``data`` starts with, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "AVIF"
    return None


def layout(data: bytes) -> Layout:
    kind = sniff(data)
    if kind is None:
        raise NotAnImage("tệp không phải ảnh JPEG, PNG, WebP, GIF hay AVIF")
    try:
        return _WALKERS[kind](data)
    except NotAnImage:
        raise
    except (struct.error, IndexError, ValueError) as err:
        raise NotAnImage(f"tệp {kind} bị cắt cụt hoặc hỏng cấu trúc") from err


MAX_SCANS = 500
"""Each scan of a progressive JPEG is a pass over the whole picture, so a few bytes repeated make
decoding as slow as the attacker likes; camera and editor files have about ten. 500 is
libjpeg-turbo's own limit (TJFLAG_LIMITSCANS)."""


def _jpeg(data: bytes) -> Layout:
    found = Layout("JPEG", 0)
    pos = 2
    scans = 0
    while True:
        if data[pos] != 0xFF:
            raise NotAnImage("tệp JPEG hỏng cấu trúc (thiếu dấu đoạn)")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:  # end of image
            found.end = pos + 2
            return found
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise NotAnImage("tệp JPEG bị cắt cụt")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn (Exif, XMP, ICC...) and comments
            found.metadata.append(data[pos + 4:pos + 2 + length])
        pos += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next real marker
            scans += 1
            if scans > MAX_SCANS:
                raise NotAnImage(f"ảnh JPEG có hơn {MAX_SCANS} lượt quét (scan), giải mã sẽ rất "
                                 "lâu; hãy xuất lại ảnh")
            pos = _after_scan(data, pos)


def _after_scan(data: bytes, pos: int) -> int:
    while True:
        pos = data.index(b"\xff", pos)
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _png(data: bytes) -> Layout:
    found = Layout("PNG", 0)
    pos = 8
    while True:
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if pos + 12 + length > len(data):
            raise NotAnImage("tệp PNG bị cắt cụt")
        if kind not in (b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS"):
            found.metadata.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
        if kind == b"IEND":
            found.end = pos
            return found


def _webp(data: bytes) -> Layout:
    (size,) = struct.unpack("<I", data[4:8])
    end = 8 + size
    if end > len(data):
        raise NotAnImage("tệp WebP bị cắt cụt")
    found = Layout("WEBP", end)
    pos = 12
    while pos < end:
        kind, length = struct.unpack("<4sI", data[pos:pos + 8])
        if kind not in (b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"):
            found.metadata.append(data[pos + 8:pos + 8 + length])
        pos += 8 + length + (length & 1)
    return found


def _gif(data: bytes) -> Layout:
    found = Layout("GIF", 0)
    flags = data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = data[pos]
        if block == 0x3B:  # trailer
            found.end = pos + 1
            return found
        if block == 0x21:  # extension: label, then sub-blocks
            label = data[pos + 1]
            pos, payload = _sub_blocks(data, pos + 2)
            if label in (0xFE, 0xFF, 0x01):  # comment, application, plain text
                found.metadata.append(payload)
        elif block == 0x2C:  # image: descriptor, local colour table, LZW size, sub-blocks
            flags = data[pos + 9]
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            pos, _ = _sub_blocks(data, pos)
        else:
            raise NotAnImage("tệp GIF hỏng cấu trúc")


def _sub_blocks(data: bytes, pos: int) -> tuple[int, bytes]:
    parts = []
    while (size := data[pos]) != 0:
        parts.append(data[pos + 1:pos + 1 + size])
        pos += 1 + size
    return pos + 1, b"".join(parts)


def _avif(data: bytes) -> Layout:
    found = Layout("AVIF", 0)
    pos = 0
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size == 1:
            (size,) = struct.unpack(">Q", data[pos + 8:pos + 16])
        elif size == 0:
            size = len(data) - pos
        if size < 8 or not kind.isalnum():
            break  # not a box: whatever follows is not part of the image
        if kind != b"mdat":
            found.metadata.append(data[pos + 8:pos + size])
        pos += size
    found.end = min(pos, len(data))
    return found


_WALKERS = {"JPEG": _jpeg, "PNG": _png, "WEBP": _webp, "GIF": _gif, "AVIF": _avif}
