"""Image sizes and the search words: the plugin's small parts."""

from __future__ import annotations

import struct
import zlib

from scripts.site.images import image_size
from scripts.site.story import folded_words


def test_folded_words_fold_d_bar_and_tones():
    words = folded_words(["Ông Nguyễn Văn Đức", "Tổ dân phố Đông Hải đã làm được"]).split()
    assert {"duc", "dong", "da", "duoc"} <= set(words)
    assert "nguyen" not in words, "only words with đ are needed: Pagefind folds the rest itself"
    assert len(words) == len(set(words))


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def test_image_size_reads_headers(tmp_path):
    (tmp_path / "a.png").write_bytes(png(800, 500))
    assert image_size(tmp_path / "a.png") == (800, 500)
    (tmp_path / "a.gif").write_bytes(b"GIF89a" + struct.pack("<HH", 40, 30) + b"\0" * 10)
    assert image_size(tmp_path / "a.gif") == (40, 30)
    app0 = b"\xff\xe0" + struct.pack(">H", 4) + b"\0\0"
    sof = b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 500, 800) + b"\0" * 6
    jpeg = b"\xff\xd8" + app0 + sof
    (tmp_path / "a.jpg").write_bytes(jpeg)
    assert image_size(tmp_path / "a.jpg") == (800, 500)
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff")
    assert image_size(tmp_path / "broken.jpg") is None
    assert image_size(tmp_path / "missing.png") is None


def test_an_unexpected_error_in_a_story_becomes_a_problem_that_stops_the_build(monkeypatch, repo):
    from pelican.settings import DEFAULT_CONFIG

    from scripts.site import reader as reader_module

    def broken(*args, **kwargs):
        raise KeyError("role")

    monkeypatch.setenv("DIEN_HINH_TODAY", "2026-11-27")
    monkeypatch.setattr(reader_module, "build_story", broken)
    settings = {**DEFAULT_CONFIG, "PATH": str(repo / "content"), "MARKDOWN": {}}
    reader = reader_module.NominationReader(settings)
    path = next((repo / "content" / "published").rglob("*.md"))
    prepared = reader.prepare(path)
    assert prepared.story is None
    [problem] = prepared.result.problems
    assert problem.is_error and problem.code == "site.unexpected" and "KeyError" in problem.message
