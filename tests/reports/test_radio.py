"""radio --month through the real command line: the bulletin, its names from settings, the audio."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.reports.conftest import ColumnRepo


@pytest.fixture(scope="module")
def on_air(tmp_path_factory) -> ColumnRepo:
    repo = ColumnRepo(tmp_path_factory.mktemp("radio") / "repo")
    approved = repo.place("dung-han")
    repo.place("duoc-thong-qua")
    pending = repo.place("muon-han")
    repo.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    repo.approve(approved, "2026-11-20", forward=True)
    repo.approve(repo.root / "content/nominations/2026-11/duoc-thong-qua.md", "2026-11-21")
    repo.commit("2026-11-21T09:00:00+07:00", "Thông qua")
    assert pending.exists()
    # The ward's names are settings: a renamed ward must show in the bulletin.
    conf = repo.root / "pelicanconf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text.replace('WARD_NAME = "phường Ninh Hà"', 'WARD_NAME = "phường Thử Nghiệm"'),
                    encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def bulletin(on_air) -> str:
    result = on_air.cli("radio", "--month", "2026-11")
    assert result.code == 0, result.err
    return result.out


def test_opening_and_closing_in_the_ward_name(bulletin):
    assert "Đây là Đài truyền thanh phường Thử Nghiệm. Kính thưa quý vị và các bạn!" in bulletin
    assert "Quý vị và các bạn vừa nghe chuyên mục Điển hình tiên tiến tháng mười một năm hai nghìn không " \
           "trăm hai mươi sáu của Đài truyền thanh phường Thử Nghiệm." in bulletin
    assert "Ninh Hà phường" not in bulletin


def test_only_approved_stories_in_the_order_of_approval(bulletin):
    first = bulletin.index("Câu chuyện thứ nhất: Tổ dân phố Phú Thịnh làm sạch bãi biển mỗi sáng Chủ nhật.")
    second = bulletin.index("Câu chuyện thứ hai: Cựu chiến binh Trần Văn Minh hiến đất mở rộng đường hẻm.")
    assert first < second
    assert "Chị Lê Thị Hoa" not in bulletin  # still waiting for the council


def test_story_rewritten_for_reading_aloud(bulletin):
    assert (
        "Từ ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi lăm, tổ dân phố Phú Thịnh "
        "phối hợp với Ủy ban nhân dân phường và Hội cựu chiến binh ra quân làm sạch bãi biển vào sáu giờ "
        "ba mươi phút mỗi sáng Chủ nhật."
    ) in bulletin
    assert "Trồng một nghìn hai trăm cây phi lao trên hai phẩy năm héc-ta đất cát." in bulletin
    assert "không chín không năm một hai ba bốn năm sáu" in bulletin
    for markdown in ("**", "## ", "- Thu gom"):
        assert markdown not in bulletin


def test_forwarded_story_and_unit_are_announced(bulletin):
    assert "Gương điển hình này do Tổ dân phố Phú Thịnh giới thiệu." in bulletin
    upper = "Hội đồng Thi đua, Khen thưởng thị xã Ninh Hòa"
    assert f"đã chọn giới thiệu gương điển hình này lên {upper}." in bulletin


def test_reading_time_is_estimated(bulletin):
    header = bulletin.splitlines()[2]
    assert header.startswith("Thời lượng đọc ước tính: khoảng ")
    assert "đọc 160 âm tiết một phút" in header


def test_written_atomically_with_out(on_air, tmp_path, bulletin):
    target = tmp_path / "ban-tin.txt"
    result = on_air.cli("radio", "--month", "2026-11", "--out", str(target))
    assert result.code == 0, result.err
    assert target.read_text(encoding="utf-8") == bulletin
    assert list(tmp_path.iterdir()) == [target]


def test_month_without_approved_story(on_air):
    result = on_air.cli("radio", "--month", "2026-10")
    assert result.code == 1
    assert result.err == (
        "Lỗi: Tháng 10/2026 chưa có bài nào được Hội đồng thông qua (content/published/2026-10/ trống): "
        "chưa có gì để đọc trên đài\n"
    )


def test_audio_without_espeak_is_a_clear_message(on_air, tmp_path):
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    wav = tmp_path / "ban-tin.wav"
    result = on_air.cli("radio", "--month", "2026-11", "--out", str(tmp_path / "b.txt"), "--audio", str(wav),
                        PATH=str(empty_path))
    assert result.code == 1
    assert result.err.splitlines()[-1].startswith("Lỗi: chưa cài espeak-ng nên không tạo được tệp âm thanh")
    assert not wav.exists()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (CI installs it)")
def test_audio_with_espeak(on_air, tmp_path):
    wav = tmp_path / "ban-tin.wav"
    result = on_air.cli("radio", "--month", "2026-11", "--out", str(tmp_path / "b.txt"), "--audio", str(wav))
    assert result.code == 0, result.err
    data = wav.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert len(data) > 100_000  # tens of seconds of speech, not an empty file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "ban-tin.wav"]


def test_each_part_shows_its_running_time_and_the_time_elapsed(bulletin):
    cues = [line for line in bulletin.splitlines() if line.startswith("[")]
    assert [cue.split(" · ")[0] for cue in cues] == [
        "[Lời mở đầu",
        "[Bài 1/2: Tổ dân phố Phú Thịnh làm sạch bãi biển mỗi sáng Chủ nhật – TDP Phú Thịnh",
        "[Bài 2/2: Cựu chiến binh Trần Văn Minh hiến đất mở rộng đường hẻm – Hội Cựu chiến binh",
        "[Lời kết",
    ]
    cue = re.compile(r"\[.* · khoảng (?:\d+ phút )?(?:\d+ giây)? · hết ở (\d+):(\d\d)\]")
    elapsed = [cue.fullmatch(line) for line in cues]
    seconds = [int(m[1]) * 60 + int(m[2]) for m in elapsed]
    assert seconds == sorted(seconds) and seconds[0] > 0
    total = re.search(r"khoảng (\d+) phút (\d+) giây", bulletin.splitlines()[2])
    assert seconds[-1] == int(total[1]) * 60 + int(total[2])


def test_cut_to_a_length_keeps_whole_stories_in_order_and_says_what_was_left_out(on_air):
    result = on_air.cli("radio", "--month", "2026-11", "--minutes", "3")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[2].startswith("Thời lượng đọc ước tính: khoảng 2 phút ")
    left_out = ("[Không đọc bài 2 (Cựu chiến binh Trần Văn Minh hiến đất mở rộng đường hẻm – Hội Cựu chiến "
                "binh): thêm bài này thì bản tin dài khoảng 3 phút ")
    assert lines[4] == "[Cắt cho vừa 3 phút: đọc 1/2 bài, chỉ đọc trọn bài, theo thứ tự của bản tin.]"
    assert lines[5].startswith(left_out) and lines[5].endswith(" giây, quá 3 phút.]")
    assert "Câu chuyện thứ nhất: Tổ dân phố Phú Thịnh" in result.out
    assert "Cựu chiến binh Trần Văn Minh" not in "\n".join(line for line in lines if not line.startswith("["))
    assert "giới thiệu một gương người tốt" in result.out
    assert "[Bài 1/1: Tổ dân phố Phú Thịnh" in result.out
    assert result.err.startswith("Không đọc bài 2 (Cựu chiến binh Trần Văn Minh")


def test_a_length_that_holds_every_story_cuts_nothing(on_air, bulletin):
    result = on_air.cli("radio", "--month", "2026-11", "--minutes", "10")
    assert result.code == 0, result.err
    assert "[Cắt cho vừa 10 phút: đọc 2/2 bài, chỉ đọc trọn bài, theo thứ tự của bản tin.]" in result.out
    assert "Không đọc" not in result.out + result.err
    cut = "[Cắt cho vừa 10 phút: đọc 2/2 bài, chỉ đọc trọn bài, theo thứ tự của bản tin.]\n\n"
    assert result.out.replace(cut, "") == bulletin


def test_a_length_too_short_for_one_story_is_a_clear_error(on_air):
    result = on_air.cli("radio", "--month", "2026-11", "--minutes", "0,5")
    assert result.code == 1
    assert result.err.startswith(
        "Lỗi: bản tin không gói được trong 0,5 phút: lời mở đầu, lời kết và bài đầu tiên (Tổ dân phố Phú "
        "Thịnh làm sạch bãi biển mỗi sáng Chủ nhật – TDP Phú Thịnh) cần khoảng 2 phút "
    )
    assert result.err.endswith(" giây; hãy chọn --minutes dài hơn\n")
    assert result.out == ""


@pytest.mark.parametrize("value", ["năm", "0", "-3", "nan"])
def test_bad_minutes_is_a_usage_error(on_air, value):
    result = on_air.cli("radio", "--month", "2026-11", "--minutes", value)
    assert result.code == 2
    assert result.err == f"Lỗi: số phút \"{value}\" không hợp lệ: cần một số dương, ví dụ 5 hoặc 4,5\n"


def test_a_published_story_with_an_error_is_not_read_on_air(column):
    """The radio reads through the checker: an unknown unit and a script are left out, named."""
    good = column.place("dung-han")
    bad = column.place("duoc-thong-qua")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    column.approve(good, "2026-11-20")
    bad = column.approve(bad, "2026-11-21")
    text = bad.read_text(encoding="utf-8").replace("submitted_by: ", "submitted_by: khong-co-", 1)
    bad.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")

    result = column.cli("radio", "--month", "2026-11")

    assert result.code == 0, result.err
    assert "Bỏ qua content/published/2026-11/duoc-thong-qua.md: có lỗi" in result.err
    assert "alert" not in result.out and "Chi hội CCB Tân Dân" not in result.out


def test_when_every_story_has_an_error_the_radio_names_them_instead_of_saying_none(column):
    bad = column.place("duoc-thong-qua")
    column.commit("2026-11-10T09:00:00+07:00", "Gửi phiếu")
    bad = column.approve(bad, "2026-11-21")
    bad.write_text(bad.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")

    result = column.cli("radio", "--month", "2026-11")

    assert result.code == 1
    assert "trống" not in result.err, result.err
    assert "Bỏ qua content/published/2026-11/duoc-thong-qua.md: có lỗi" in result.err


def test_validate_prints_control_characters_as_codes(column):
    folder = column.root / "content" / "nominations" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a\x1b[2Jb.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = column.cli("validate")
    assert "\x1b" not in result.out and "a\\u{001B}[2Jb.md" in result.out
