"""Files that are not sound images are refused, from their bytes, whatever their name says."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from scripts.images.container import NotAnImage
from scripts.images.soundness import check_bytes


def _png(size=(64, 48), **info) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 30)).save(out, "PNG", **info)
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("lien-he.txt", "0912345678")
    return out.getvalue()


def test_a_phone_jpeg_is_sound(photo):
    sound = check_bytes(photo, ".jpg")
    assert (sound.kind, sound.width, sound.height) == ("JPEG", 1600, 1200)


@pytest.mark.parametrize("fmt,suffix", [("WEBP", ".webp"), ("GIF", ".gif"), ("PNG", ".PNG")])
def test_other_formats_are_sound(fmt, suffix):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, fmt)
    assert check_bytes(out.getvalue(), suffix).kind == fmt


def test_truncated_jpeg(photo):
    with pytest.raises(NotAnImage, match=r"cắt cụt|hỏng"):
        check_bytes(photo[: len(photo) * 2 // 3], ".jpg")


def test_truncated_png():
    data = _png((300, 300))
    with pytest.raises(NotAnImage, match="cắt cụt"):
        check_bytes(data[:-30], ".png")


def test_svg_named_jpg():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9"/></svg>'
    with pytest.raises(NotAnImage, match="không phải ảnh"):
        check_bytes(svg, ".jpg")


def test_wrong_extension(photo):
    with pytest.raises(NotAnImage, match=r"ảnh JPEG nhưng mang đuôi \"\.png\""):
        check_bytes(photo, ".png")


def test_jpeg_zip_polyglot(photo):
    with pytest.raises(NotAnImage, match="byte lạ sau phần ảnh"):
        check_bytes(photo + _zip(), ".jpg")


def test_png_zip_polyglot():
    with pytest.raises(NotAnImage, match="byte lạ sau phần ảnh"):
        check_bytes(_png() + _zip(), ".png")


def test_jpeg_html_polyglot_in_a_comment():
    out = io.BytesIO()
    Image.new("RGB", (40, 30)).save(out, "JPEG", comment=b"<html><script>alert(1)</script>")
    with pytest.raises(NotAnImage, match="không phải ảnh"):
        check_bytes(out.getvalue(), ".jpg")


def test_png_html_in_a_compressed_text_chunk():
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text("Comment", "<!DOCTYPE html><script>alert(1)</script>", zip=True)
    with pytest.raises(NotAnImage, match="không phải ảnh"):
        check_bytes(_png(pnginfo=info), ".png")


def test_decompression_bomb():
    # A valid PNG header claiming more pixels than Pillow's limit, with tiny compressed data.
    width = height = 10_000
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    with pytest.raises(NotAnImage, match="bom giải nén"):
        check_bytes(out.getvalue(), ".png")


def test_trailing_zero_padding_is_accepted(photo):
    assert check_bytes(photo + b"\x00" * 16, ".jpg").kind == "JPEG"
