"""Is this file a sound image? Its bytes decide: format, structure, size and a full decode.

Refused: a file whose real format differs from its name (an SVG or HTML page named .jpg, a PNG
named .jpg), a truncated or damaged file, a decompression bomb (more pixels than Pillow's
limit, judged from the header before any pixel is decoded), a polyglot: bytes after the
image's end, or another format hidden in a block decoders skip, and an animation (GIF, APNG,
WebP). A story's photo is a still: an animation would be published as whichever frame its
decoder shows first (an APNG's default image need not be one of its frames), and judging it
whole means drawing every frame on the whole canvas (a 12 KB GIF of 500 one-pixel frames on a
4000×4000 canvas took 18 s).
"""

from __future__ import annotations

import io
import warnings
import zlib
from dataclasses import dataclass

from PIL import Image

from scripts.images.container import SUFFIXES, NotAnImage, layout

# Signatures of what must never travel inside a photo's metadata: web pages, scripts, archives.
_FOREIGN = (b"<script", b"<html", b"<body", b"<iframe", b"<svg", b"<!doctype", b"<?php",
            b"<object", b"<embed", b"<meta", b"javascript:", b"pk\x03\x04", b"pk\x05\x06")
_INFLATED_BUDGET = 8 << 20
"""What all compressed blocks of one file may inflate to (a camera's profile and text: a few
hundred KB). Each 1 KB zTXt chunk can inflate to 1 MB: without a bound, 40 MB of them took
minutes to search."""
_CHECK_SIZE = 256
"""The decode that proves a file is whole reads every byte but may scale down (JPEG's DCT
scaling): the check costs a fraction of a full decode."""


@dataclass(frozen=True)
class Sound:
    kind: str
    width: int
    height: int


def check_bytes(data: bytes, suffix: str) -> Sound:
    """The image's format and size, or ``NotAnImage`` with a Vietnamese reason."""
    found = layout(data)
    claimed = SUFFIXES.get(suffix.lower())
    if claimed != found.kind:
        raise NotAnImage(f"tệp thực chất là ảnh {found.kind} nhưng mang đuôi \"{suffix}\"; hãy "
                         "đổi đuôi cho đúng hoặc xuất lại ảnh")
    if data[found.end:].strip(b"\x00"):
        raise NotAnImage(f"tệp có {len(data) - found.end} byte lạ sau phần ảnh (tệp ghép nhiều "
                         "định dạng, hoặc ảnh động của điện thoại); hãy xuất lại thành ảnh tĩnh")
    budget = _INFLATED_BUDGET
    for block in found.metadata:
        inflated = _inflated(block, budget)
        budget -= len(inflated)
        if budget < 0:
            raise NotAnImage(f"phần thông tin kèm ảnh (chú thích, hồ sơ màu) quá lớn: hơn "
                             f"{_INFLATED_BUDGET >> 20} MB khi giải nén; hãy xuất lại ảnh")
        lowered = (block + inflated).lower()
        hit = next((sign for sign in _FOREIGN if sign in lowered), None)
        if hit:
            raise NotAnImage(f"phần thông tin kèm ảnh chứa nội dung không phải ảnh "
                             f"(\"{hit.decode('latin-1').strip()}…\"); hãy xuất lại ảnh")
    return _decode(data, found.kind)


def _inflated(block: bytes, budget: int) -> bytes:
    """A PNG zTXt/iCCP/iTXt chunk holds zlib data after its keyword: what it inflates to, up to
    one byte past ``budget``."""
    try:
        start = block.index(b"\x00") + 2
        return zlib.decompressobj().decompress(block[start:], max(budget, 0) + 1)
    except (ValueError, zlib.error):
        return b""


def _decode(data: bytes, kind: str) -> Sound:
    with warnings.catch_warnings():
        # Past MAX_IMAGE_PIXELS Pillow only warns (an error from twice the limit): refuse both.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                if getattr(image, "is_animated", False):  # looks for a second frame only
                    raise NotAnImage("ảnh động (nhiều khung hình) không được nhận: trang chỉ đăng "
                                     "ảnh tĩnh; hãy gửi một ảnh JPEG hoặc PNG của khoảnh khắc muốn đăng")
                image.draft("RGB", (_CHECK_SIZE, _CHECK_SIZE))
                image.load()
        except NotAnImage:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            limit = f"{Image.MAX_IMAGE_PIXELS:,}".replace(",", ".")
            raise NotAnImage(f"ảnh quá lớn (vượt {limit} điểm ảnh), có thể là “bom giải nén”; "
                             "hãy thu nhỏ ảnh trước khi gửi") from None
        except (OSError, SyntaxError, ValueError, EOFError) as err:
            raise NotAnImage(f"không giải mã được ảnh {kind} ({err}); tệp bị cắt cụt hoặc hỏng") from None
    return Sound(kind, width, height)

