"""Photos are re-encoded, never copied: no metadata survives, orientation and sizes are right,
and the cache makes each variant once."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageCms

from scripts.images.container import NotAnImage
from scripts.images.encode import Processing
from scripts.images.library import PhotoLibrary
from tests.images.conftest import put
from tests.images.photos import COMMENT_SENTINEL, XMP_SENTINEL, phone_photo


def _files(library, processed):
    return {v.name: library.file_of(processed, v).read_bytes() for v in processed.variants}


def test_variants_carry_no_metadata(library, photo):
    assert b"GPS" in photo or Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)
    processed = library.process(put(library, "anh.jpg", photo))
    for name, data in _files(library, processed).items():
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), name
        assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info), name
        assert XMP_SENTINEL.encode() not in data and COMMENT_SENTINEL not in data, name
        assert b"Exif" not in data and b"Galaxy" not in data, name


def test_widths_formats_and_open_graph(library, photo):
    processed = library.process(put(library, "anh.jpg", photo))
    assert [(v.name, v.width, v.height) for v in processed.variants] == [
        ("480.webp", 480, 360), ("480.jpg", 480, 360), ("960.webp", 960, 720),
        ("960.jpg", 960, 720), ("1600.webp", 1600, 1200), ("1600.jpg", 1600, 1200),
        ("og.jpg", 1200, 900),
    ]
    files = _files(library, processed)
    assert Image.open(io.BytesIO(files["960.webp"])).format == "WEBP"
    assert Image.open(io.BytesIO(files["og.jpg"])).size == (1200, 900)
    assert processed.srcset("webp", "/") == (
        f"/images/{processed.key}/480.webp 480w, /images/{processed.key}/960.webp 960w, "
        f"/images/{processed.key}/1600.webp 1600w")
    assert processed.fallback.name == "1600.jpg"


def test_orientation_is_applied(library):
    # Exif orientation 6: the phone was held upright, the sensor wrote the picture on its side.
    processed = library.process(put(library, "dung.jpg", phone_photo(800, 600, orientation=6)))
    assert (processed.fallback.width, processed.fallback.height) == (600, 800)


def test_icc_profile_is_used_then_dropped(library):
    out = io.BytesIO()
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (300, 200), (200, 40, 40)).save(out, "PNG", icc_profile=srgb)
    processed = library.process(put(library, "mau.png", out.getvalue()))
    for data in _files(library, processed).values():
        assert "icc_profile" not in Image.open(io.BytesIO(data)).info
    # No transparency: the fallback is a JPEG even for a PNG.
    assert processed.fallback.name == "300.jpg"


def test_transparent_png_keeps_a_png_fallback(library):
    out = io.BytesIO()
    Image.new("RGBA", (200, 100), (0, 0, 0, 0)).save(out, "PNG")
    processed = library.process(put(library, "trong.png", out.getvalue()))
    assert processed.fallback.name == "200.png"


def test_a_rebuild_decodes_nothing(library, photo):
    src = put(library, "anh.jpg", photo)
    first = library.process(src)
    stamps = {p: p.stat().st_mtime_ns for p in (library.cache / first.key).iterdir()}
    assert library.process(src) == first
    assert {p: p.stat().st_mtime_ns for p in (library.cache / first.key).iterdir()} == stamps


def test_other_settings_make_other_variants(library, photo):
    src = put(library, "anh.jpg", photo)
    other = PhotoLibrary(library.content, library.cache, Processing(widths=(320, 640)))
    assert other.process(src).key != library.process(src).key
    assert [v.width for v in other.process(src).of("webp")] == [320, 640]


def test_a_refusal_is_remembered_and_repeated(library, photo):
    src = put(library, "cut.jpg", photo[:5000])
    for _ in range(2):
        with pytest.raises(NotAnImage, match=r"cắt cụt|hỏng"):
            library.process(src)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_symlinks_are_refused(library, photo, tmp_path, where):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "anh.jpg").write_bytes(photo)
    if where == "file":
        os.symlink(outside / "anh.jpg", library.content / "images" / "anh.jpg")
        src = "images/anh.jpg"
    else:
        os.symlink(outside, library.content / "images" / "thu-muc")
        src = "images/thu-muc/anh.jpg"
    with pytest.raises(NotAnImage, match="symlink"):
        library.check(src)


def test_a_folder_named_like_a_photo_is_refused(library):
    (library.content / "images" / "x.jpg").mkdir()
    with pytest.raises(NotAnImage, match=r"không phải tệp ảnh thường|không đọc được"):
        library.check("images/x.jpg")


def test_a_fifo_named_like_a_photo_does_not_hang(library):
    os.mkfifo(library.content / "images" / "ong.jpg")
    with pytest.raises(NotAnImage, match="không phải tệp ảnh thường"):
        library.check("images/ong.jpg")


def test_the_same_bytes_under_a_wrong_name_are_judged_apart(library):
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (1, 2, 3)).save(out, "PNG")
    library.process(put(library, "dung.png", out.getvalue()))  # sound, and remembered
    with pytest.raises(NotAnImage, match="mang đuôi"):
        library.check(put(library, "sai.jpg", out.getvalue()))


def test_a_photo_replaced_in_place_is_processed_again(library, photo):
    src = put(library, "anh.jpg", photo)
    first = library.process(src)
    put(library, "anh.jpg", phone_photo(1600, 1200, seed=5))
    assert library.process(src).key != first.key
