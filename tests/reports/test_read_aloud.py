"""Reading aloud: Vietnamese number words, dates, abbreviations, Markdown to plain paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.reports.read_aloud import Lexicon, markdown_paragraphs, number_words, speakable, syllables
from tests.conftest import ROOT

CASES = yaml.safe_load((Path(__file__).parent / "data" / "read-aloud.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(ROOT / "schema" / "abbreviations.yaml")


@pytest.mark.parametrize("n, words", [
    (0, "không"),
    (4, "bốn"),
    (10, "mười"),
    (11, "mười một"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),
    (1050, "một nghìn không trăm năm mươi"),
    (2026, "hai nghìn không trăm hai mươi sáu"),
    (15000, "mười lăm nghìn"),
    (100000, "một trăm nghìn"),
    (1000500, "một triệu năm trăm"),
    (1200000, "một triệu hai trăm nghìn"),
    (35000000, "ba mươi lăm triệu"),
    (2500000000, "hai tỷ năm trăm triệu"),
])
def test_number_words(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize("case", CASES, ids=[c["written"][:40] for c in CASES])
def test_sentences_read_aloud(case, lexicon):
    assert speakable(case["written"], lexicon) == case["spoken"]


def test_abbreviations_are_data(tmp_path):
    custom = tmp_path / "abbreviations.yaml"
    custom.write_text("abbreviations:\n  KP: khu phố\n", encoding="utf-8")
    assert speakable("KP 3 và TDP", Lexicon.load(custom)) == "Khu phố ba và TDP"


def test_bad_abbreviation_file_is_a_clear_error(tmp_path):
    from scripts.common.errors import PipelineError

    bad = tmp_path / "abbreviations.yaml"
    bad.write_text("- chỉ là một danh sách\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="danh sách chữ viết tắt không đúng dạng"):
        Lexicon.load(bad)


def test_markdown_is_stripped_into_paragraphs():
    body = (
        "Mở đầu có **chữ đậm**, *nghiêng* và [một liên kết](https://example.vn).\n\n"
        "## Kết quả\n\n- mục một\n- mục hai;\n\n![Ảnh minh họa](images/a.jpg)\n\n"
        "> Lời kể của người dân.\n\n<script>alert('x')</script>\n"
    )
    assert markdown_paragraphs(body) == [
        "Mở đầu có chữ đậm, nghiêng và một liên kết.",
        "Kết quả.",
        "mục một.",
        "mục hai;",
        "Lời kể của người dân.",
    ]


def test_syllables_count_words():
    assert syllables("Kính thưa quý vị và các bạn!") == 7


def test_numbers_too_long_to_count_are_read_digit_by_digit(lexicon):
    """Python refuses int() of more than 4,300 digits: such a number in a story stopped radio."""
    spoken = speakable(f"Mã số {'9' * 5000}, thứ {'1' * 40}, văn bản số {'0' * 4400}7/UBND.", lexicon)
    assert spoken.count("chín") == 5000
    assert "bảy" in spoken
