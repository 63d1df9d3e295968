"""Photos as an attacker makes them: every block of metadata each format can carry, every Exif
orientation, animations, tones a naive conversion loses, and a cache that arrives through git.

Each file is made with Pillow here; a sentinel planted in its metadata is looked for in the raw
bytes of every variant, and every variant is opened again to see what a decoder finds in it.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from scripts.common import generated
from scripts.common.repo import Repo
from scripts.images.container import NotAnImage
from scripts.images.library import PhotoLibrary, photo_library
from scripts.images.soundness import check_bytes
from tests.images.conftest import put

SENTINEL = b"SENTINEL-0987654321-Ninh-Hoa"
_HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive",
                  "progression", "adobe", "adobe_transform", "loop", "background", "duration"}


def _scene(size=(640, 480)) -> Image.Image:
    return Image.effect_noise(size, 50).convert("RGB")


def _saved(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _exif_with_everything() -> Image.Exif:
    """GPS, a maker note and a thumbnail of the original picture, as phones write them."""
    exif = Image.Exif()
    exif[0x010F] = "Make " + SENTINEL.decode()
    exif[0x8825] = {1: "N", 2: (12.0, 29.0, 31.41), 3: "E", 4: (109.0, 7.0, 59.26)}
    exif.get_ifd(0x8769)[0x927C] = SENTINEL + b" maker note"
    exif.get_ifd(0x8769)[0x9286] = b"ASCII\x00\x00\x00" + SENTINEL  # user comment
    return exif


def _with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """``jpeg`` with one more APPn/COM segment right after its start marker."""
    return jpeg[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _exif_thumbnail_jpeg() -> bytes:
    """A JPEG whose Exif carries a JPEG thumbnail (with its own sentinel comment)."""
    thumbnail = _saved(Image.new("RGB", (160, 120), (250, 0, 0)), "JPEG", comment=SENTINEL)
    tiff = (b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x00" + b"\x00\x00\x00\x1a"  # IFD0: no entries
            + b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
    ifd1_at = 0x1A
    entries = [(0x0201, 4, 1, ifd1_at + 2 + 2 * 12 + 4), (0x0202, 4, 1, len(thumbnail))]
    ifd1 = struct.pack(">H", len(entries)) + b"".join(
        struct.pack(">HHII", tag, kind, count, value) for tag, kind, count, value in entries
    ) + b"\x00\x00\x00\x00"
    exif = b"Exif\x00\x00" + tiff[:ifd1_at] + ifd1 + thumbnail
    return _with_segment(_saved(_scene(), "JPEG"), 0xE1, exif)


def _png_with_chunks() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SENTINEL.decode())
    info.add_text("Comment", SENTINEL.decode(), zip=True)
    info.add_itxt("XML:com.adobe.xmp", SENTINEL.decode(), zip=False)
    info.add_itxt("Description", SENTINEL.decode(), zip=True)
    return _saved(_scene(), "PNG", pnginfo=info, exif=_exif_with_everything())


METADATA_CARRIERS = {
    # name: (file name, bytes)
    "jpeg-exif-gps-maker-note": ("a.jpg", lambda: _saved(_scene(), "JPEG", exif=_exif_with_everything())),
    "jpeg-exif-thumbnail": ("b.jpg", _exif_thumbnail_jpeg),
    "jpeg-xmp-app1": ("c.jpg", lambda: _saved(_scene(), "JPEG",
                                              xmp=b"<x:xmpmeta>" + SENTINEL + b"</x:xmpmeta>")),
    "jpeg-iptc-app13": ("d.jpg", lambda: _with_segment(_saved(_scene(), "JPEG"), 0xED,
                                                       b"Photoshop 3.0\x008BIM\x04\x04" + SENTINEL)),
    "jpeg-app2-app15": ("e.jpg", lambda: _with_segment(
        _with_segment(_saved(_scene(), "JPEG"), 0xE2, b"FPXR\x00" + SENTINEL), 0xEF, SENTINEL)),
    "jpeg-comment": ("f.JPEG", lambda: _saved(_scene(), "JPEG", comment=SENTINEL, progressive=True)),
    "jpeg-cmyk": ("g.jpg", lambda: _saved(_scene().convert("CMYK"), "JPEG", comment=SENTINEL)),
    "png-text-chunks-exif": ("h.png", _png_with_chunks),
    "webp-exif-xmp": ("i.webp", lambda: _saved(_scene(), "WEBP", exif=_exif_with_everything().tobytes(),
                                               xmp=SENTINEL)),
    "gif-comment": ("j.gif", lambda: _saved(_scene().convert("P"), "GIF", comment=SENTINEL)),
}


@pytest.mark.parametrize("case", sorted(METADATA_CARRIERS))
def test_no_block_of_metadata_survives_in_any_variant(library, case):
    name, make = METADATA_CARRIERS[case]
    original = make()
    assert SENTINEL in original or SENTINEL in _exif_payloads(original)
    processed = library.process(put(library, name, original))
    assert len(processed.variants) >= 3
    for variant in processed.variants:
        data = library.file_of(processed, variant).read_bytes()
        assert SENTINEL not in data and b"Exif\x00\x00" not in data and b"8BIM" not in data, variant
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif(), variant
            assert not set(image.info) - _HARMLESS_INFO, (variant, set(image.info))
            assert image.mode in ("RGB", "RGBA"), variant


def _exif_payloads(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.info.get("exif", b"")


# Exif orientation → the transpose a viewer applies to the stored pixels to show the picture.
_SHOWN = {
    1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90,
}
# The inverse of each: what the camera stored for a picture meant to be shown upright.
_STORED = {**_SHOWN, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied(library, orientation):
    """The picture as shown: 300×200, red in its top-left corner, blue in its top-right one."""
    shown = Image.new("RGB", (300, 200), (255, 255, 255))
    shown.paste((220, 0, 0), (0, 0, 60, 60))
    shown.paste((0, 0, 220), (240, 0, 300, 60))
    stored = shown.transpose(_STORED[orientation]) if _STORED[orientation] is not None else shown
    exif = Image.Exif()
    exif[0x0112] = orientation
    processed = library.process(put(library, f"o{orientation}.jpg", _saved(stored, "JPEG", exif=exif)))
    with Image.open(library.file_of(processed, processed.fallback)) as variant:
        assert variant.size == (300, 200)
        red, _, blue = variant.getpixel((20, 20))
        assert red > 180 and blue < 60, orientation
        red, _, blue = variant.getpixel((280, 20))
        assert blue > 180 and red < 60, orientation


def _animated(fmt: str) -> bytes:
    frames = [Image.new("RGB", (200, 120), (40 * i, 90, 160)) for i in range(3)]
    return _saved(frames[0], fmt, save_all=True, append_images=frames[1:])


def _gif_of_tiny_frames(count: int) -> bytes:
    """A 4000×4000 canvas with ``count`` frames of one pixel each: 20 bytes a frame, but every
    frame is drawn on the whole canvas by a decoder (500 frames took 18 s to check)."""
    head = b"GIF89a" + struct.pack("<HH", 4000, 4000) + bytes([0x80, 0, 0]) + b"\0\0\0\xff\xff\xff"
    frame = (b"\x21\xf9\x04\x00\x00\x00\x00\x00" + b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1)
             + b"\x00\x02\x02\x44\x01\x00")
    return head + frame * count + b"\x3b"


@pytest.mark.parametrize("name,make", [
    ("dong.gif", lambda: _animated("GIF")),
    ("dong.png", lambda: _animated("PNG")),  # APNG
    ("dong.webp", lambda: _animated("WEBP")),
    ("khung.gif", lambda: _gif_of_tiny_frames(2000)),
])
def test_an_animated_image_is_refused(library, name, make):
    """A story's photo is a still: an animation would be published as whichever frame comes
    first (an APNG's default image need not even be a frame of it), and judging one means
    drawing every frame."""
    src = put(library, name, make())
    for judge in (library.check, library.process):
        with pytest.raises(NotAnImage, match=r"^ảnh động"):
            judge(src)


def test_sixteen_bit_grey_keeps_its_tones(library):
    """A 16-bit greyscale PNG (scanners, some editors) is not published white."""
    grey = Image.new("I;16", (300, 200), 0x8000)
    grey.paste(Image.new("I;16", (150, 200), 0x1000), (0, 0))
    processed = library.process(put(library, "xam.png", _saved(grey, "PNG")))
    with Image.open(library.file_of(processed, processed.fallback)) as variant:
        assert abs(variant.getpixel((220, 100))[0] - 128) <= 3
        assert abs(variant.getpixel((40, 100))[0] - 16) <= 3


@pytest.mark.parametrize("mode,options", [
    ("1", {}), ("L", {}), ("LA", {}), ("P", {"transparency": 0}), ("RGBA", {}), ("I;16", {}),
])
def test_every_mode_a_png_decodes_to_gives_variants(library, mode, options):
    image = _scene((200, 100)).convert("RGBA" if mode == "LA" else "L").convert(mode) \
        if mode != "I;16" else Image.new("I;16", (200, 100), 3000)
    src = put(library, f"m{len(options)}{mode[0]}.png", _saved(image, "PNG", **options))
    processed = library.process(src)
    for variant in processed.variants:
        with Image.open(library.file_of(processed, variant)) as decoded:
            assert decoded.mode in ("RGB", "RGBA"), variant


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.org", *args],
                   cwd=root, check=True, capture_output=True)


def test_a_cache_committed_to_the_repository_is_never_trusted(tmp_path, photo):
    """cache/ is git-ignored, but a contributor can add it with ``git add -f``: a verdict saying
    "sound" for a polyglot, and "variants" that are the original photo with its GPS position,
    under the key the real photo will have (the key is a hash anyone can compute)."""
    repo = tmp_path / "repo"
    (repo / "content" / "images").mkdir(parents=True)
    polyglot = photo + b"PK\x03\x04" + b"\0" * 40
    src = "images/anh.jpg"
    (repo / "content" / src).write_bytes(polyglot)
    with pytest.raises(NotAnImage, match="byte lạ"):
        photo_library(Repo.at(repo)).check(src)
    # What the attacker commits, computed on their own machine the same way.
    attacker = tmp_path / "attacker"
    (attacker / "content" / "images").mkdir(parents=True)
    (attacker / "content" / src).write_bytes(polyglot)
    forged = photo_library(Repo.at(attacker))
    _, key, _ = forged._read(src, forged._path(src))
    folder = repo / "cache" / "images" / key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "verdict.json").write_text('{"kind": "JPEG", "width": 1600, "height": 1200}', "utf-8")
    (folder / "1600.jpg").write_bytes(polyglot)
    (folder / "variants.json").write_text('[["1600.jpg", 1600, 1200]]', "utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-f", ".")
    _git(repo, "commit", "-q", "-m", "Ảnh")
    os.utime(repo / "content" / src)  # a fresh clone: no remembered path
    generated.committed.cache_clear()  # a new process
    library = photo_library(Repo.at(repo))
    for judge in (library.check, library.process):
        with pytest.raises(NotAnImage, match="cache/images/"):
            judge(src)


def test_a_damaged_variant_in_the_cache_is_made_again(library, photo):
    """A variant cut short in cache/images/ (a full disk, a copy interrupted) is not published."""
    src = put(library, "anh.jpg", photo)
    processed = library.process(src)
    damaged = library.file_of(processed, processed.fallback)
    whole = damaged.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])
    again = library.process(src)
    assert library.file_of(again, again.fallback).read_bytes() == whole


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_compressed_text_chunks_cannot_make_the_check_slow():
    """Each 1 KB zTXt chunk inflates to 1 MB, and every block of metadata is inflated to be
    searched for a hidden page: 1 MB of such chunks took 13 s to judge, so 40 MB would take
    minutes. What the blocks inflate to, all together, is bounded."""
    png = _saved(Image.new("RGB", (64, 48)), "PNG")
    chunk = _png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"a" * (1 << 20), 9))
    with pytest.raises(NotAnImage, match=r"thông tin kèm ảnh.*quá lớn"):
        check_bytes(png[:33] + chunk * 20 + png[33:], ".png")


def test_an_ordinary_compressed_profile_and_text_are_accepted():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Ảnh chụp tại nhà văn hóa tổ dân phố " * 200, zip=True)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert check_bytes(_saved(_scene(), "PNG", pnginfo=info, icc_profile=srgb), ".png").kind == "PNG"


def _scans(jpeg: bytes) -> list[tuple[int, int]]:
    """(start, end) of every scan (its SOS segment and entropy-coded data)."""
    found, pos = [], 2
    while jpeg[pos + 1] != 0xD9:
        length = struct.unpack(">H", jpeg[pos + 2:pos + 4])[0]
        if jpeg[pos + 1] != 0xDA:
            pos += 2 + length
            continue
        end = pos + 2 + length
        while jpeg[(end := jpeg.index(b"\xff", end)) + 1] == 0 or 0xD0 <= jpeg[end + 1] <= 0xD7:
            end += 2
        found.append((pos, end))
        pos = end
    return found


def test_a_jpeg_of_endless_scans_is_refused():
    """Every scan of a progressive JPEG is a pass over the whole picture: one scan of 26 bytes
    repeated 2,000 times made a 4000×3000 JPEG of 120 KB take 3.5 s to check and encode, so
    40 MB of them would take most of an hour. libjpeg-turbo's own limit (500 scans) is kept."""
    jpeg = _saved(Image.new("RGB", (1200, 900), (120, 130, 140)), "JPEG", progressive=True)
    scans = _scans(jpeg)
    start, end = scans[1]
    last = scans[-1][1]
    with pytest.raises(NotAnImage, match="lượt quét"):
        check_bytes(jpeg[:last] + jpeg[start:end] * 600 + jpeg[last:], ".jpg")
    assert check_bytes(jpeg[:last] + jpeg[start:end] * 20 + jpeg[last:], ".jpg").kind == "JPEG"


def test_a_damaged_exif_block_is_dropped_not_a_crash(library):
    """Five bytes of a phone's Exif changed (found by fuzzing): Pillow reads it, but its
    exif_transpose, which writes the Exif back, stopped the build with a TypeError."""
    damaged = (Path(__file__).parents[1] / "cases" / "hostile" / "photos" / "exif-hong.jpg").read_bytes()
    processed = library.process(put(library, "exif-hong.jpg", damaged))
    for variant in processed.variants:
        assert b"Exif" not in library.file_of(processed, variant).read_bytes()


@pytest.mark.parametrize("damage", ['{"kind": "JP', '{"kind": 7}', "[]", ""])
def test_a_damaged_cache_entry_is_judged_again(library, photo, damage):
    src = put(library, "anh.jpg", photo)
    key = library.process(src).key
    for name in ("verdict.json", "variants.json"):
        (library.cache / key / name).write_text(damage, "utf-8")
    assert library.check(src).kind == "JPEG"
    assert library.process(src).key == key
    cut = put(library, "cut.jpg", photo[:4000])
    with pytest.raises(NotAnImage, match=r"cắt cụt|hỏng"):
        library.process(cut)  # the refusal is remembered
    (library.cache / library.key(cut) / "verdict.json").write_text(damage, "utf-8")
    with pytest.raises(NotAnImage, match=r"cắt cụt|hỏng"):
        library.check(cut)


def _webp_claiming(width: int, height: int) -> bytes:
    """A lossless WebP whose header claims ``width``×``height`` (its data is for 16×16)."""
    data = bytearray(_saved(Image.new("RGB", (16, 16)), "WEBP", lossless=True))
    at = data.index(b"VP8L") + 9
    flags = int.from_bytes(data[at:at + 4], "little") & ~((1 << 28) - 1)
    data[at:at + 4] = ((width - 1) | ((height - 1) << 14) | flags).to_bytes(4, "little")
    return bytes(data)


@pytest.mark.parametrize("name,make", [
    ("bom.gif", lambda: _saved(Image.new("P", (12_000, 12_000)), "GIF")),
    ("bom.webp", lambda: _webp_claiming(16_000, 16_000)),
    ("bom-vua.png", lambda: _saved(Image.new("1", (9_500, 9_500)), "PNG")),  # past the warning only
])
def test_decompression_bombs_of_every_format_are_refused(library, name, make):
    with pytest.raises(NotAnImage, match="bom giải nén"):
        library.check(put(library, name, make()))


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def _rgb_profile(red, green, blue) -> bytes:
    """An ICC v2 display profile with the given primaries (D50 XYZ) and gamma 2.2."""
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", 8) + b"dao-mau\0" + b"\0" * 79
    tags = [(b"desc", desc), (b"wtpt", _xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", _xyz(*red)),
            (b"gXYZ", _xyz(*green)), (b"bXYZ", _xyz(*blue)), (b"rTRC", curve), (b"gTRC", curve),
            (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    header = (struct.pack(">I", offset + len(data)) + b"none" + struct.pack(">I", 0x02100000)
              + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 28
              + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 48)
    return header + struct.pack(">I", len(tags)) + table + data


# sRGB's primaries adapted to D50; the profile below swaps red and green, as no real one does,
# so that a conversion cannot be mistaken for rounding: its red is sRGB's green.
_RED, _GREEN, _BLUE = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)


@pytest.mark.parametrize("fmt,name", [("JPEG", "p3.jpg"), ("PNG", "p3.png"), ("WEBP", "p3.webp")])
def test_colours_of_another_profile_are_converted_to_srgb_then_the_profile_dropped(library, fmt, name):
    """A Display P3 or Adobe RGB photo shown without its profile has wrong colours; shown with
    it, the profile is metadata too. The pixels are converted to sRGB and the profile dropped."""
    profile = _rgb_profile(_GREEN, _RED, _BLUE)
    original = _saved(Image.new("RGB", (320, 240), (200, 30, 30)), fmt, icc_profile=profile)
    processed = library.process(put(library, name, original))
    for variant in processed.variants:
        data = library.file_of(processed, variant).read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            assert "icc_profile" not in image.info and b"acsp" not in data, variant
            red, green, _ = image.convert("RGB").getpixel((100, 100))
            assert green > 150 and red < 80, (variant, red, green)


@pytest.mark.parametrize("make", [
    lambda: _saved(_scene((64, 48)), "TIFF"),
    lambda: _saved(_scene((64, 48)), "BMP"),
    lambda: _saved(_scene((64, 48)), "ICO"),
    lambda: b"8BPS\x00\x01" + b"\x00" * 40,  # Photoshop
    lambda: b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40,  # iPhone HEIC
    lambda: _saved(_scene((64, 48)), "AVIF"),
    lambda: b"\x1f\x8b\x08\x00" + b"\x00" * 40,  # SVGZ
], ids=["tiff", "bmp", "ico", "psd", "heic", "avif", "svgz"])
def test_another_format_named_jpg_is_refused(make):
    with pytest.raises(NotAnImage, match=r"không phải ảnh|mang đuôi"):
        check_bytes(make(), ".jpg")


def test_the_key_of_a_withheld_photo_is_read_once(library, photo):
    """The build hashes the photos it withholds (consent across stories): a rebuild reads none."""
    src = put(library, "chua-dong-y.jpg", photo)
    reads = []
    real = library._read
    library._read = lambda *args: reads.append(args) or real(*args)
    first = library.key(src)
    assert library.key(src) == first and PhotoLibrary(library.content, library.cache).key(src) == first
    assert len(reads) == 1
