"""Vietnamese text rules: slugs, folding, alphabetical order, dates, syllables."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.common.period import month_label
from scripts.common.vietnamese import (
    document_date,
    fold,
    is_vietnamese_syllable,
    name_key,
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


def test_names_compare_syllable_by_syllable():
    assert sorted(["Đội thanh niên tình nguyện", "Đỗ Thành Trung", "Đô"], key=sort_key) == [
        "Đô", "Đỗ Thành Trung", "Đội thanh niên tình nguyện",
    ]
    assert sorted(["Hải", "Hà", "Hạ"], key=sort_key) == ["Hà", "Hạ", "Hải"]
    # Tones decide only where every letter is equal, as ICU's Vietnamese collation does.
    assert sorted(["Lê Bình", "Lệ An"], key=sort_key) == ["Lệ An", "Lê Bình"]


def test_people_sort_by_given_name_collectives_by_name():
    people = ["Nguyễn Thị Lan", "Đỗ Thành Trung", "Trần Văn An", "Lê An", "Bùi Thị Thanh Nhàn"]
    assert sorted(people, key=lambda n: name_key(n, individual=True)) == [
        "Lê An", "Trần Văn An", "Nguyễn Thị Lan", "Bùi Thị Thanh Nhàn", "Đỗ Thành Trung",
    ]
    mixed = [("Nguyễn Thị Lan", True), ("Đội thanh niên tình nguyện", False), ("Trần Văn Đạt", True)]
    assert [n for n, _ in sorted(mixed, key=lambda m: name_key(*m))] == [
        "Trần Văn Đạt", "Đội thanh niên tình nguyện", "Nguyễn Thị Lan",
    ]
