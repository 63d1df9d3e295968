"""The review block as text: any value the council types reads back exactly as typed."""

from __future__ import annotations

import pytest

from scripts.nomination.frontmatter import parse
from scripts.review.decisions import render

TRICKY = [
    "Biên bản số 05/BB-HĐTĐKT",
    "Cần bổ sung: ảnh và xác nhận",  # ": " would start a mapping
    "yes",  # YAML 1.1 would read a boolean
    "# không phải chú thích",
    "  khoảng trắng ở đầu",
    "\"ngoặc kép\" và 'nháy đơn'",
    "dòng một\ndòng hai",
    "dấu\u2028phân dòng Unicode",
    "- như một danh sách",
    "2026-11-27",
    "@ và ` ở đầu",
    "null",
    "05",
]


@pytest.mark.parametrize("value", TRICKY)
def test_a_value_reads_back_as_written(value):
    block = "\n".join(render({"decision": "returned", "by": value, "on": "2026-11-27", "reason": value}))
    data = parse(f"---\n{block}\n---\nbài\n").data
    assert data["review"] == {"decision": "returned", "by": value, "on": "2026-11-27", "reason": value}


def test_on_is_quoted_so_yaml_1_1_tools_do_not_read_true():
    assert render({"decision": "approved", "on": "2026-11-27"})[2] == "  \"on\": 2026-11-27"
