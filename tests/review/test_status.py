"""status: the council's queue and its flags, on the crafted set tests/review/data/queue/."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.review.queue import MAX_SHOWN, SIMILAR, Story, _Near, person_key, shingles, similarity
from tests.review.conftest import DATA, KEYS, build, cli, revise


@pytest.fixture
def crafted(tmp_path):
    return build(tmp_path / "repo", "queue")


def test_the_queue_and_its_flags_are_as_expected(crafted):
    expected = yaml.safe_load((DATA / "queue" / "expected.yaml").read_text(encoding="utf-8"))
    done = cli(crafted, "status", "--format", "json", today=expected["today"])
    assert done.code == 0, done.err
    got = json.loads(done.out)
    assert [
        {"path": s["path"], "state": s["state"], "waiting_days": s["waiting_days"],
         "flags": [[f["code"], *f["others"]] for f in s["flags"]]}
        for s in got["stories"]
    ] == expected["stories"]


def test_the_text_queue_groups_by_state_month_and_unit(crafted):
    done = cli(crafted, "status")
    assert done.code == 0, done.err
    assert done.out.startswith("Hàng chờ của Hội đồng, Thứ Sáu, 27/11/2026: 4 phiếu\n\nChờ thẩm định (3)\n"
                               "  Tháng 11/2026\n    Hội Cựu chiến binh phường\n")
    assert "\nĐã trả lại, chờ đơn vị bổ sung (1)\n  Tháng 10/2026\n    Tổ dân phố Hòa Thạnh\n" in done.out
    assert "trả lại 20/10/2026, 38 ngày chưa gửi lại" in done.out
    assert (
        "⚠ \"nguyễn văn  đức\" cũng được đơn vị khác giới thiệu: "
        "content/published/2026-09/ong-nguyen-van-duc-sua-cau-tre-cho-hoc-sinh.md "
        "(Hội Cựu chiến binh phường, Tháng 9/2026, đã đăng)"
    ) in done.out
    assert "Cần xem kỹ 2 phiếu có dấu ⚠" in done.out


def test_month_narrows_the_queue_but_flags_still_look_everywhere(crafted):
    got = json.loads(cli(crafted, "status", "--month", "2026-11", "--format", "json").out)
    assert {s["period"] for s in got["stories"]} == {"2026-11"}
    assert len(got["stories"]) == 3
    assert any(f["code"] == "repeat.months" for s in got["stories"] for f in s["flags"])


def test_a_bad_month_is_a_usage_error(crafted):
    done = cli(crafted, "status", "--month", "11/2026")
    assert done.code == 2
    assert done.err == "Lỗi: tháng \"11/2026\" không đúng dạng YYYY-MM (ví dụ 2026-11)\n"


def test_the_sample_content_raises_no_false_flag(repo):
    done = cli(repo, "status", "--format", "json")
    assert done.code == 0, done.err
    assert [f for s in json.loads(done.out)["stories"] for f in s["flags"]] == []


@pytest.mark.parametrize(("a", "b"), [
    ("Nguyễn Văn Đức", "nguyen van duc"),
    ("Đinh Thị  Ngọc Ánh", "ĐINH THỊ NGỌC ÁNH"),
    ("Nguyễn Văn Đức", "Ngu\u200byễn Văn\u2060 Đức"),  # zero-width characters
    ("Nguyễn Văn Đức", "Nguyễn V\u0430n Đ\u1ee9c"),  # Cyrillic "а"
    ("Nguyễn Văn Đức", "\uff2eguyễn Văn Đức"),  # full-width "Ｎ" (NFKC)
    ("Lê Thị Hoa", "Lê Thị Ηοa"),  # Greek capital eta and omicron
    ("Nguyễn Văn Đức", "Nguyễn Văn Ðức"),  # the Icelandic eth, drawn as "Đ"
    ("Đinh Thị Liên", "Ðinh Thı Lıên"),  # eth and dotless i
    ("Nguyễn Văn Đức", "Nguyễn\u3164Văn\uffa0Đức"),  # Hangul fillers drawn as the spaces
    ("Nguyễn Văn Đức", "Nguyễn\u2800Văn Đức"),  # the blank Braille pattern
    ("Nguyễn Văn Đức", "Ng\U000e0041uyễn V\ufe0făn Đ\u206aức\u180b"),  # tags, selectors, format
])
def test_names_are_compared_folded(a, b):
    assert person_key(a) == person_key(b)


def test_hidden_characters_do_not_hide_a_copied_story():
    story = "Chị Hoa dạy bơi miễn phí cho hơn một trăm em nhỏ ở tổ dân phố Đông Hải suốt ba mùa hè"
    copied = "\u200b".join(story.replace("o", "\u043e"))
    assert similarity(shingles(story), shingles(copied)) == 1.0
    for hidden in ("\U000e0020", "\ufe0e", "\u206b", "\U0001d173"):
        assert similarity(shingles(story), shingles(hidden.join(story))) == 1.0
    assert similarity(shingles(story), shingles(story.replace(" ", "\u3164"))) == 1.0


def test_similarity_is_jaccard_of_word_trigrams():
    a = shingles("một hai ba bốn")
    assert a == {"mot hai ba", "hai ba bon"}
    assert similarity(a, shingles("Một, hai, ba!")) == 0.5
    assert similarity(a, frozenset()) == 0.0


def test_terminal_escapes_in_a_title_are_shown_not_obeyed(crafted):
    path = next((crafted / "content" / "nominations").rglob("*.md"))
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", r'title: "\\e]0;owned\\a\\e[2JTổ thu gom rác"', text, count=1)
    path.write_text(text, encoding="utf-8")
    done = cli(crafted, "status")
    assert "\x1b" not in done.out and "\x07" not in done.out
    assert "\\u{001B}[2J" in done.out


def test_an_unreadable_file_is_named_not_fatal(crafted):
    broken = crafted / "content" / "nominations" / "2026-11" / "hong.md"
    broken.write_bytes(b"---\ntitle: [\n---\n")
    done = cli(crafted, "status")
    assert done.code == 0, done.err
    assert done.out.endswith(
        "Không đọc được content/nominations/2026-11/hong.md: chạy \"make validate "
        "FILE=content/nominations/2026-11/hong.md\" để xem lỗi.\n"
    )


@pytest.mark.parametrize("review", [
    "review:\n  decision: [returned]\n",
    "review:\n  decision: {returned: 1}\n",
    "review:\n  history: 5\n",
    "review:\n  history:\n    - decision: [returned]\n      \"on\": {a: 1}\n      by: [x]\n",
])
def test_a_review_block_of_the_wrong_shape_is_shown_not_fatal(crafted, review):
    """The queue reads files the checker refuses: a decision written as a list was hashed."""
    path = next((crafted / "content" / "nominations").rglob("*.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^review:\n(?:[ ].*\n)*", "", text).replace("\n---\n", f"\n{review}---\n", 1),
                    encoding="utf-8")
    for fmt in ("text", "json"):
        done = cli(crafted, "status", "--format", fmt)
        assert done.code == 0 and "Lỗi" not in done.err, done.err


def test_status_shows_the_decision_history_to_the_council(basic):
    rac = "content/nominations/2026-10/to-thu-gom-rac-tdp-hoa-thanh.md"
    revise(basic, "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md")
    done = cli(basic, "return", rac, "--by", "Phạm Thị Mai", "--reason", "Cần xác nhận của tổ dân phố",
               "--on", "2026-11-20", "--key", str(KEYS["Phạm Thị Mai"]))
    assert done.code == 0, done.err
    shown = cli(basic, "status")
    assert "trả lại 20/11/2026, 7 ngày chưa gửi lại\n" \
           "        Quyết định trước: 20/10/2026 Trả lại – Lê Văn Bình: " \
           "Cần bổ sung số liệu: khối lượng rác thu gom mỗi tháng.\n" in shown.out
    story = next(s for s in json.loads(cli(basic, "status", "--format", "json").out)["stories"]
                 if s["path"] == rac)
    assert story["history"] == [{"decision": "returned", "by": "Lê Văn Bình", "on": "2026-10-20",
                                 "reason": "Cần bổ sung số liệu: khối lượng rác thu gom mỗi tháng."}]


def test_a_second_return_waits_for_a_new_revision_before_approval(basic):
    rac = "content/nominations/2026-10/to-thu-gom-rac-tdp-hoa-thanh.md"
    approve = ("approve", rac, "--by", "Lê Văn Bình", "--ref", "Biên bản số 06/BB-HĐTĐKT")
    refused = cli(basic, *approve)
    assert refused.code == 1
    assert "đơn vị chưa sửa gì sau đó" in refused.err
    revise(basic, "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md")
    assert cli(basic, "return", rac, "--by", "Lê Văn Bình", "--reason", "Vẫn thiếu số liệu").code == 0
    assert "đơn vị chưa sửa gì sau đó" in cli(basic, *approve).err
    revise(basic, "2026-10/to-thu-gom-rac-tdp-hoa-thanh.md", "Tổ đã bổ sung số liệu tháng 10.")
    assert cli(basic, *approve).code == 0
    text = (basic / rac.replace("nominations", "published")).read_text(encoding="utf-8")
    assert text.count("    - decision: returned\n") == 2  # both returns kept, oldest first


def test_a_story_sent_many_times_is_flagged_on_each_copy_not_printed_for_each_pair(crafted):
    """Thirty copies of one story: each copy's flags name at most MAX_SHOWN others and say there
    are more, so that the output grows with the number of files, not with its square."""
    source = crafted / "content" / "nominations" / "2026-11"
    source = source / "cuu-chien-binh-nguyen-van-duc-gia-co-cau-tre.md"
    text = source.read_text(encoding="utf-8")
    copies = 30
    for number in range(copies):
        copy = text.replace("period: 2026-11", f"period: 2025-{number % 12 + 1:02d}")
        (source.parent / f"ban-sao-{number}.md").write_text(copy + f"\nBản {number}.\n", encoding="utf-8")

    got = json.loads(cli(crafted, "status", "--format", "json").out)

    copied = [s for s in got["stories"] if "ban-sao-" in s["path"]]
    assert len(copied) == copies
    for story in copied:
        by_code = {}
        for found in story["flags"]:
            by_code.setdefault(found["code"], []).append(found)
        assert len(by_code["similar.story"]) == MAX_SHOWN
        assert "và các phiếu khác" in by_code["similar.story"][-1]["message"]
        for code in ("repeat.months", "repeat.units"):
            assert all(len(f["others"]) <= MAX_SHOWN for f in by_code.get(code, []))
    repeat = next(f for f in copied[0]["flags"] if f["code"] == "repeat.months")
    assert repeat["message"].endswith("phiếu khác"), repeat["message"]


_SHINGLES = st.frozensets(st.sampled_from([f"w{n}" for n in range(12)]), max_size=10)


@settings(max_examples=200, deadline=None)
@given(st.lists(_SHINGLES, min_size=2, max_size=8))
def test_prefix_filtering_never_misses_a_similar_pair(sets):
    stories = [Story(f"f{n}", "nominations", None, "2026-11", "", "", "", "", None, None, shingles=s)
               for n, s in enumerate(sets)]
    near = _Near(stories)
    for story in stories:
        candidates = {other.rel for other in near.candidates(story)}
        for other in stories:
            if other is not story and similarity(story.shingles, other.shingles) >= SIMILAR:
                assert other.rel in candidates
