"""A sound image re-encoded for the web: nothing of the original file's bytes is published.

Decoding and encoding again drops every block of metadata (Exif with its GPS position, XMP,
comments, the ICC profile); the orientation Exif asked for is applied to the pixels and colours
are converted to sRGB first, so the picture looks as the phone showed it. Each image gets a few
widths in WebP plus a fallback every browser reads (JPEG, or PNG when it has transparency), and
one JPEG for Open Graph, which social networks read.
"""

from __future__ import annotations

import io
import json
import struct
from dataclasses import asdict, dataclass

import PIL
from PIL import Image, ImageCms


@dataclass(frozen=True)
class Processing:
    """How variants are made; part of the cache key, so a change here makes them again."""

    widths: tuple[int, ...] = (480, 960, 1600)
    og_width: int = 1200
    webp_quality: int = 72
    jpeg_quality: int = 75

    def fingerprint(self) -> str:
        return json.dumps({**asdict(self), "pillow": PIL.__version__}, sort_keys=True)


@dataclass(frozen=True)
class Encoded:
    name: str
    """File name of the variant: "<width>.webp", "<width>.jpg", "og.jpg"."""
    width: int
    height: int
    data: bytes


def encode(data: bytes, kind: str, processing: Processing) -> list[Encoded]:
    """Every variant of one image already judged sound (``soundness.check_bytes``)."""
    with Image.open(io.BytesIO(data), formats=[kind]) as original:
        largest = max(processing.widths[-1], processing.og_width)
        if original.width > 2 * largest:
            original.draft("RGB", (largest, largest * original.height // original.width))
        picture = _srgb(_upright(original))
    alpha = picture.mode == "RGBA" and picture.getextrema()[3][0] < 255
    picture = picture if alpha else picture.convert("RGB")
    fallback = "png" if alpha else "jpg"
    variants = []
    for width in widths_for(picture.width, processing.widths):
        resized = _resized(picture, width)
        variants.append(_save(resized, "webp", processing))
        variants.append(_save(resized, fallback, processing))
    og = _resized(picture, min(picture.width, processing.og_width)).convert("RGB")
    variants.append(_save(og, "jpg", processing, name="og.jpg"))
    return variants


def widths_for(width: int, wanted: tuple[int, ...]) -> list[int]:
    """The wanted widths smaller than the image, plus the image's own width up to the largest."""
    return sorted({w for w in wanted if w < width} | {min(width, wanted[-1])})


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90,
}


def _upright(image: Image.Image) -> Image.Image:
    """The pixels as the camera meant them to be shown (Exif or XMP orientation).

    Pillow's exif_transpose also writes the Exif back into the image, which raises on a damaged
    block (a TypeError for five bytes changed): here the orientation is only read. Metadata that
    cannot be read at all leaves the picture as it is stored; it is dropped with the rest."""
    try:
        orientation = image.getexif().get(0x0112)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error):
        orientation = None
    method = _TRANSPOSE.get(orientation) if isinstance(orientation, int) else None
    image.load()
    return image.transpose(method) if method is not None else image.copy()


def _srgb(image: Image.Image) -> Image.Image:
    """Colours in sRGB, with the profile used for the conversion and then dropped."""
    if image.mode.startswith("I"):
        # 16-bit greyscale (a PNG from a scanner): Pillow's convert clips it at 255, all white.
        image = image.convert("I").point(lambda value: value / 257).convert("L")
    icc = image.info.get("icc_profile")
    mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            target = ImageCms.createProfile("sRGB")
            image = ImageCms.profileToProfile(image, source, target, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: the pixels are kept as they are
    return image.convert(mode)


def _resized(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _save(image: Image.Image, suffix: str, processing: Processing, name: str = "") -> Encoded:
    out = io.BytesIO()
    # A new image carries no info: nothing (Exif, XMP, ICC, comments) is written but pixels.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if suffix == "webp":
        clean.save(out, "WEBP", quality=processing.webp_quality, method=4)
    elif suffix == "jpg":
        clean.save(out, "JPEG", quality=processing.jpeg_quality, optimize=True, progressive=True)
    else:
        clean.save(out, "PNG", optimize=True)
    return Encoded(name or f"{image.width}.{suffix}", image.width, image.height, out.getvalue())
