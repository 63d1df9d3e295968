"""Our Vietnamese sort key against ICU's Vietnamese collation (PyICU), on generated names.

ICU is the reference only here: the site and the commands sort with ``sort_key``/``name_key``,
which need no compiled library.
"""

from __future__ import annotations

import random

import icu
import pytest

from scripts.common.vietnamese import name_key, sort_key

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Đinh Lâm".split()
MIDDLE = "Văn Thị Minh Thành Quốc Ngọc Thu Kim Hữu Đức Xuân Thanh Mỹ Bích Công Tấn Anh Hoài".split()
# Given names chosen to collide on base letters: Đô/Đỗ/Đội, Ha/Hà/Hải/Hạ, Lan/Lân/Lán, Ơn/Ôn/On.
GIVEN = (
    "Lan Lân Lán Hà Hải Hạ Ha Hài Đô Đỗ Đội Đông Dung Dũng Ánh An Ân Ăn Ơn Ôn On Yến Ý Uyên Ưng "
    "Tâm Tầm Tám Thư Thu Thủy Thùy Trung Trúc Khoa Khải Quý Quế Gia Giang Nghĩa Nga Ngà Ngân"
).split()
COLLECTIVE = (
    "Đội thanh niên tình nguyện", "Đỗ Thành Trung", "Tổ dân phố Phú Thịnh", "Tổ phụ nữ tiết kiệm",
    "Chi hội Người cao tuổi", "Chi bộ tổ dân phố Tân Dân", "Tập thể giáo viên", "Tổ bảo vệ an ninh",
)


@pytest.fixture(scope="module")
def icu_key():
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    return collator.getSortKey


def generated_names(count: int) -> list[str]:
    rng = random.Random(12)
    names = set()
    while len(names) < count:
        middle = " ".join(rng.sample(MIDDLE, rng.choice((0, 1, 1, 2))))
        names.add(" ".join(part for part in (rng.choice(FAMILY), middle, rng.choice(GIVEN)) if part))
    return sorted(names)  # code-point order: the key must do all the work


def test_whole_names_in_icu_order(icu_key):
    names = generated_names(400) + list(COLLECTIVE) + GIVEN
    assert sorted(names, key=sort_key) == sorted(names, key=icu_key)


def test_people_by_given_then_middle_then_family_in_icu_order(icu_key):
    names = generated_names(400)

    def reference(name: str) -> tuple:
        family, *middle, given = name.split()
        return icu_key(given), icu_key(" ".join(middle)), icu_key(family)

    ours = sorted(names, key=lambda name: name_key(name, individual=True))
    assert ours == sorted(names, key=reference)
    assert ours != sorted(names, key=sort_key), "given-name order must differ from family-name order"
