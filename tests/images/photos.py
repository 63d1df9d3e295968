"""Real photos made with Pillow for the tests and the benchmark: a phone's JPEG with Exif GPS."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFilter

GPS_LATITUDE = (12.0, 29.0, 31.41)
"""12°29'31.41" N: a position in Ninh Hòa that must never reach a published file."""
XMP_SENTINEL = "XMP-SENTINEL-Nguyễn-Thị-Bích"
COMMENT_SENTINEL = b"COMMENT-SENTINEL-0912345678"


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 1, seed: int = 1) -> bytes:
    """A noisy outdoor-like scene (sky, ground, shapes, sensor noise) as a phone writes it:
    JPEG with Exif (camera, GPS position, orientation), XMP and a comment."""
    sky = Image.new("RGB", (width, height), (90 + seed % 40, 150, 220))
    ground = Image.new("RGB", (width, height), (70, 110 + seed % 30, 50))
    picture = Image.composite(ground, sky, Image.linear_gradient("L").resize((width, height)))
    draw = ImageDraw.Draw(picture)
    for index in range(40):
        x = (index * 997 * seed) % width
        y = height // 3 + (index * 631) % (2 * height // 3)
        draw.ellipse((x, y, x + width // 12, y + height // 10),
                     fill=((index * 53) % 256, (index * 97) % 256, (index * 31) % 256))
    picture = picture.filter(ImageFilter.GaussianBlur(2))
    # Texture at every scale (leaves, gravel, sensor noise), so that it survives a resize as
    # a real scene's detail does.
    for scale, weight in ((16, 0.25), (4, 0.2), (1, 0.1)):
        noise = Image.effect_noise((width // scale, height // scale), 64).resize((width, height))
        picture = Image.blend(picture, noise.convert("RGB"), weight)
    return jpeg_with_metadata(picture, orientation)


def jpeg_with_metadata(picture: Image.Image, orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Samsung"  # Make
    exif[0x0110] = "Galaxy A55"  # Model
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (109.0, 7.0, 59.26)}
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
           f'22-rdf-syntax-ns#"><rdf:Description>{XMP_SENTINEL}</rdf:Description></rdf:RDF>'
           f'</x:xmpmeta>').encode()
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=92, exif=exif, xmp=xmp, comment=COMMENT_SENTINEL)
    return out.getvalue()
