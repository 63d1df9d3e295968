"""The loader on real bytes: legacy encodings, NFD, BOM, CRLF, and files that are not files."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from scripts.nomination.legacy_encodings import encode_tcvn3, encode_vni, find_mojibake, guess_legacy
from tests.conftest import run_cli
from tests.nomination.test_validate_cases import CASES, TODAY

VALID = CASES / "valid" / "chi-luong-thi-hong-nhung-day-boi.md"
TEXT = VALID.read_text(encoding="utf-8")
TARGET = Path("content/nominations/2026-11/chi-luong-thi-hong-nhung-day-boi.md")


def _write(repo: Path, data: bytes) -> Path:
    path = repo / TARGET
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _validate(repo: Path, *extra: str):
    return run_cli("validate", *extra, str(TARGET), cwd=repo, env=TODAY)


def _cp1258(text: str) -> bytes:
    """Windows-1258: letters with â ê ô ă ơ ư đ are precomposed, tone marks follow as combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tone)
    return "".join(out).encode("cp1258")


LEGACY = {
    "tcvn3": (encode_tcvn3, "TCVN3"),
    "vni": (encode_vni, "VNI"),
    "cp1258": (_cp1258, "Windows-1258"),
}


@pytest.mark.parametrize("name", sorted(LEGACY))
def test_legacy_bytes_are_named_and_fixed(name: str, empty_repo: Path):
    encode, label = LEGACY[name]
    # TCVN3 has no en dash, and its capitals with tone marks share the lowercase bytes.
    text = TEXT if name != "tcvn3" else TEXT.replace("–", "-")
    data = encode(text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = _write(empty_repo, data)

    result = _validate(empty_repo)
    assert result.code == 1
    assert f"{TARGET.as_posix()}:2: error: tệp không phải UTF-8: có vẻ là bảng mã cũ {label}" in result.out
    assert f"make validate FIX=1 FILE={TARGET.as_posix()}" in result.out
    assert path.read_bytes() == data, "nothing is rewritten without --fix"

    fixed = _validate(empty_repo, "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    assert "đã chuyển từ bảng mã cũ sang UTF-8" in fixed.err
    restored = path.read_text(encoding="utf-8")
    expected = text.lower() if name == "tcvn3" else text
    assert (restored.lower() if name == "tcvn3" else restored) == expected
    assert unicodedata.is_normalized("NFC", restored)


def test_guess_is_not_confident_on_non_vietnamese_bytes():
    guess = guess_legacy("Grüße aus Köln, schöne Straße".encode("latin-1"))
    assert not guess.confident


def test_unknown_encoding_says_to_save_as_utf8(empty_repo: Path):
    _write(empty_repo, b"---\ntitle: \x81\x8d\x8f\x90\x9d\n---\n")
    result = _validate(empty_repo)
    assert result.code == 1
    assert "lưu lại với bảng mã UTF-8" in result.out or "có vẻ là bảng mã cũ" in result.out


def test_nfd_text_is_read_and_fixed(empty_repo: Path):
    data = unicodedata.normalize("NFD", TEXT).encode("utf-8")
    path = _write(empty_repo, data)
    result = _validate(empty_repo)
    assert result.code == 0
    assert f"{TARGET.as_posix()}:1: warning:" in result.out and "NFD" in result.out
    assert path.read_bytes() == data
    fixed = _validate(empty_repo, "--fix")
    assert "NFC" in fixed.err
    assert path.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf"])
def test_crlf_and_bom_are_accepted(variant: str, empty_repo: Path):
    text = TEXT.replace("\n", "\r\n") if "crlf" in variant else TEXT
    data = (b"\xef\xbb\xbf" if "bom" in variant else b"") + text.encode("utf-8")
    path = _write(empty_repo, data)
    result = _validate(empty_repo)
    assert result.code == 0, result.out
    assert "không có lỗi, 0 cảnh báo" in result.out
    assert path.read_bytes() == data


def test_crlf_lines_are_the_files_lines(empty_repo: Path):
    text = TEXT.replace("submitted_on: 2026-11-06", "submitted_on: 2026-11-31").replace("\n", "\r\n")
    _write(empty_repo, text.encode("utf-8"))
    result = _validate(empty_repo)
    assert f"{TARGET.as_posix()}:7: error: submitted_on" in result.out


def test_mojibake_kinds_are_recognised():
    assert [m.kind for m in find_mojibake("Ph\u00adêng Ninh Hµ")] == ["tcvn3"]
    assert [m.kind for m in find_mojibake("Vieät Nam")] == ["vni"]
    assert [m.kind for m in find_mojibake("Viá»‡t Nam")] == ["utf8-as-cp1252"]
    assert find_mojibake(TEXT) == []


def test_file_over_the_size_limit(empty_repo: Path):
    _write(empty_repo, TEXT.encode("utf-8") + b"a" * (1024 * 1024))
    result = _validate(empty_repo)
    assert result.code == 1
    assert "tệp quá lớn" in result.out


def test_symbolic_link_is_refused(empty_repo: Path, tmp_path: Path):
    real = tmp_path / "outside.md"
    real.write_text(TEXT, encoding="utf-8")
    link = empty_repo / TARGET
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(real, link)
    result = _validate(empty_repo)
    assert result.code == 1
    assert "liên kết tượng trưng" in result.out


def test_linked_month_folder_is_refused(empty_repo: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / TARGET.name).write_text(TEXT, encoding="utf-8")
    os.symlink(outside, empty_repo / TARGET.parent)
    result = _validate(empty_repo)
    assert result.code == 1
    assert "liên kết tượng trưng" in result.out


def test_a_socket_named_like_a_nomination_is_an_error_in_vietnamese(empty_repo: Path, monkeypatch):
    import socket

    path = empty_repo / TARGET
    path.parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(path.parent)  # a socket's address is at most 108 bytes: bind by its name
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path.name)  # a socket cannot even be opened for reading
        result = _validate(empty_repo)
    assert result.code == 1
    assert f"{TARGET}:1: error: không phải tệp thường" in result.out
    assert "No such device" not in result.out


def test_duplicate_slug_across_folders(empty_repo: Path):
    _write(empty_repo, TEXT.encode("utf-8"))
    other = empty_repo / "content/published/2026-10" / TARGET.name
    other.parent.mkdir(parents=True)
    other.write_text(TEXT, encoding="utf-8")
    result = run_cli("validate", cwd=empty_repo, env=TODAY)
    assert result.code == 1
    assert "đã được dùng ở content/published/2026-10/" in result.out


@pytest.mark.parametrize("garbage", [
    b"", b"---", b"---\n", b"\x00\x01\x02", b"---\n: :\n---\n", b"---\n[\n---\n",
    b"---\n" + b"- " * 5000 + b"\n---\n", b"---\na: " + b"[" * 3000 + b"\n---\n",
    b"---\n? [a]\n: b\n---\n", b"---\n!!binary aGVsbG8=\n---\n",
])
def test_garbage_never_gives_a_traceback(garbage: bytes, empty_repo: Path):
    _write(empty_repo, garbage)
    result = _validate(empty_repo)
    assert result.code == 1
    assert "Traceback" not in result.err and "Lỗi không mong đợi" not in result.err
    assert f"{TARGET.as_posix()}:" in result.out
