"""The month's radio bulletin (bản tin phát thanh) from the council's approved stories.

``build_bulletin`` gathers the approved stories of a month and rewrites each for reading aloud
(``read_aloud``); ``render_text`` prints the announcer's script; ``speak`` has Debian's espeak-ng
read the spoken parts into a WAV file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.common import clock
from scripts.common.errors import PipelineError
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.settings import WardSettings
from scripts.common.vietnamese import document_date
from scripts.nomination.loader import load
from scripts.nomination.state import APPROVED
from scripts.nomination.units import UnitRegistry
from scripts.reports.read_aloud import Lexicon, markdown_paragraphs, number_words, speakable, syllables
from scripts.reports.submissions import DEADLINE_DAY

SYLLABLES_PER_MINUTE = 160
"""Reading pace assumed for the estimate and given to espeak-ng: Vietnamese radio announcers read
about 150-180 syllables a minute; a bulletin of good deeds is read calmly, near the slow end."""
ESPEAK = "espeak-ng"
ESPEAK_VOICE = "vi"
ORDINAL_WORDS = {1: "thứ nhất", 4: "thứ tư"}


@dataclass
class Segment:
    heading: str
    """For the announcer's eyes only; never read."""
    paragraphs: list[str]
    """What is read aloud."""


@dataclass
class Bulletin:
    period: str
    title: str
    station: str
    today: dt.date
    segments: list[Segment]
    skipped: list[str]

    @property
    def spoken(self) -> str:
        return "\n\n".join(p for segment in self.segments for p in segment.paragraphs)

    @property
    def syllables(self) -> int:
        return syllables(self.spoken)

    @property
    def seconds(self) -> int:
        return round(self.syllables * 60 / SYLLABLES_PER_MINUTE)


def _ordinal(n: int) -> str:
    return ORDINAL_WORDS.get(n) or f"thứ {number_words(n)}"


def _stories(repo: Repo, period: str) -> tuple[list, list[str]]:
    folder = repo.published / period
    stories, skipped = [], []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        result = load(path, repo)
        nomination = result.nomination
        if nomination is None:
            skipped.append(f"{repo.relative(path)}: " + "; ".join(p.message for p in result.problems))
        elif nomination.review.get("decision") != APPROVED:
            skipped.append(f"{nomination.rel}: chưa có dấu thẩm định \"approved\"")
        else:
            stories.append(nomination)
    stories.sort(key=lambda n: (str(n.review.get("on", "")), n.slug))
    return stories, skipped


def build_bulletin(repo: Repo, ward: WardSettings, units: UnitRegistry, lexicon: Lexicon,
                   year: int, month: int, today: dt.date | None = None) -> Bulletin:
    period = Period(year, month)
    stories, skipped = _stories(repo, str(period))
    if not stories:
        raise PipelineError(
            f"{period.label} chưa có bài nào được Hội đồng thông qua (content/published/{period}/ "
            "trống): chưa có gì để đọc trên đài"
        )
    station = f"Đài truyền thanh {ward.ward_name}"
    when = f"tháng {month} năm {year}"

    def say(text: str) -> str:
        return speakable(text, lexicon)

    count = number_words(len(stories))
    segments = [Segment("Lời mở đầu", [
        say(f"Đây là {station}. Kính thưa quý vị và các bạn!"),
        say(
            f"Mời quý vị và các bạn cùng nghe chuyên mục {ward.column_name} {when}. Trong chuyên mục "
            f"kỳ này, chúng tôi xin giới thiệu {count} gương người tốt, việc tốt, điển hình tiên tiến "
            f"và cách làm hay đã được {ward.council_name} thẩm định."
        ),
    ])]
    for number, story in enumerate(stories, start=1):
        unit = units.get(story.unit_id or "")
        title = (story.title or "").strip()
        paragraphs = [say(f"Câu chuyện {_ordinal(number)}: {title}.")]
        paragraphs += [say(p) for p in markdown_paragraphs(story.body)]
        if unit:
            paragraphs.append(say(f"Gương điển hình này do {unit.name} giới thiệu."))
        if story.review.get("forward") is True:
            paragraphs.append(say(f"{ward.council_name} đã chọn giới thiệu gương điển hình này lên "
                                  f"{ward.upper_council_name}."))
        source = f" – {unit.short}" if unit else ""
        segments.append(Segment(f"Bài {number}/{len(stories)}: {title}{source}", paragraphs))
    segments.append(Segment("Lời kết", [
        say(
            f"Quý vị và các bạn vừa nghe chuyên mục {ward.column_name} {when} của {station}. "
            "Các ban, ngành, đoàn thể, cơ quan, đơn vị và các tổ dân phố tiếp tục phát hiện, giới thiệu "
            f"những tấm gương tiêu biểu về {ward.ward_authority} trước ngày {DEADLINE_DAY} hằng tháng."
        ),
        say("Xin cảm ơn quý vị và các bạn đã chú ý lắng nghe. Hẹn gặp lại trong chuyên mục kỳ sau."),
    ]))
    return Bulletin(period, f"Bản tin phát thanh chuyên mục {ward.column_name} – {period.label}",
                    station, today or clock.today(), segments, skipped)


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} giây"
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


def render_text(bulletin: Bulletin) -> str:
    """The announcer's script: headings in brackets are cues, everything else is read."""
    lines = [
        bulletin.title.upper(),
        f"{bulletin.station[:1].upper()}{bulletin.station[1:]} · lập {document_date(bulletin.today)}",
        f"Thời lượng đọc ước tính: khoảng {_duration(bulletin.seconds)} ({bulletin.syllables} âm tiết, "
        f"đọc {SYLLABLES_PER_MINUTE} âm tiết một phút). Dòng trong ngoặc vuông là ghi chú, không đọc.",
        "",
    ]
    for segment in bulletin.segments:
        lines += [f"[{segment.heading}]", ""]
        for paragraph in segment.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def speak(text: str, target: Path) -> None:
    """Have espeak-ng read ``text`` with its Vietnamese voice into ``target`` (a WAV file), atomically."""
    program = shutil.which(ESPEAK)
    if program is None:
        raise PipelineError(
            "chưa cài espeak-ng nên không tạo được tệp âm thanh; trên Debian/Ubuntu cài bằng "
            "\"sudo apt-get install espeak-ng\" rồi chạy lại (bản tin dạng chữ vẫn dùng được)"
        )
    if not target.parent.is_dir():
        raise PipelineError(f"không có thư mục {target.parent} để ghi {target.name}")
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        done = subprocess.run(
            [program, "-v", ESPEAK_VOICE, "-s", str(SYLLABLES_PER_MINUTE), "-w", temp, "--stdin"],
            input=text, capture_output=True, text=True, encoding="utf-8", check=False, timeout=600,
        )
        if done.returncode != 0 or Path(temp).stat().st_size == 0:
            lines = (done.stderr or "").strip().splitlines()
            detail = lines[-1] if lines else f"mã lỗi {done.returncode}"
            raise PipelineError(
                f"espeak-ng không đọc được bản tin ({detail}); "
                "kiểm tra giọng tiếng Việt: espeak-ng --voices=vi"
            )
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
