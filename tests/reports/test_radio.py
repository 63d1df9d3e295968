"""radio --month through the real command line: the bulletin, its names from settings, the audio."""

from __future__ import annotations

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


def test_validate_prints_control_characters_as_codes(column):
    folder = column.root / "content" / "nominations" / "2026-11"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a\x1b[2Jb.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = column.cli("validate")
    assert "\x1b" not in result.out and "a\\u{001B}[2Jb.md" in result.out
