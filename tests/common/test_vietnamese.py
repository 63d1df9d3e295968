"""Vietnamese text rules: slugs, folding, alphabetical order, dates, syllables."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.common.period import month_label
from scripts.common.vietnamese import (
    document_date,
    fold,
    is_vietnamese_syllable,
    slugify,
    sort_key,
    weekday_date,
)


def test_slug_folds_d_with_stroke():
    assert slugify("Ông Nguyễn Văn Đức trả lại tài sản") == "ong-nguyen-van-duc-tra-lai-tai-san"
    assert slugify("ĐOÀN THANH NIÊN") == "doan-thanh-nien"


def test_fold_is_what_readers_type():
    assert fold("Nguyễn Văn Đức, Đông Hải") == "nguyen van duc, dong hai"


def test_names_sort_in_vietnamese_order():
    names = ["Đào", "Dung", "Ánh", "An", "Ân", "Ăn", "Bình", "Ơn", "Ôn", "Ong", "Yến", "Ý"]
    assert sorted(names, key=sort_key) == [
        "An", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đào", "Ong", "Ôn", "Ơn", "Ý", "Yến",
    ]
    assert sorted(names) != sorted(names, key=sort_key)


def test_tones_order_after_letters():
    assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_dates_as_portals_and_documents_write_them():
    day = dt.date(2026, 11, 27)
    assert weekday_date(day) == "Thứ Sáu, 27/11/2026"
    assert weekday_date(dt.date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"
    assert document_date(day) == "ngày 27 tháng 11 năm 2026"
    assert month_label("2026-03") == "Tháng 3/2026"


@pytest.mark.parametrize("word", ["Nguyễn", "Phường", "nghiêng", "khuyết", "Đức", "quốc", "gìn"])
def test_real_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Hµ", "Vieät", "Viá»‡t", "Vieọt", "Ph\u00adêng", "ngườí"])
def test_garbage_is_not_a_syllable(word):
    assert not is_vietnamese_syllable(word)
