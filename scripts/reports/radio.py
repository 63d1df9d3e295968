"""The month's radio bulletin (bản tin phát thanh) from the council's approved stories.

``build_bulletin`` gathers the approved stories of a month and rewrites each for reading aloud
(``read_aloud``), cut to a chosen length when asked; ``render_text`` prints the announcer's script
with each part's running time; ``speak`` has Debian's espeak-ng read the spoken parts into a WAV file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common import clock
from scripts.common.errors import PipelineError
from scripts.common.period import Period
from scripts.common.repo import Repo, markdown_files
from scripts.common.settings import WardSettings
from scripts.common.vietnamese import document_date
from scripts.nomination.checker import CheckContext, sound_nominations
from scripts.nomination.units import UnitRegistry
from scripts.reports.read_aloud import Lexicon, markdown_paragraphs, number_words, speakable, syllables
from scripts.reports.submissions import DEADLINE_DAY

SYLLABLES_PER_MINUTE = 160
"""Reading pace assumed for the estimate and given to espeak-ng: Vietnamese radio announcers read
about 150-180 syllables a minute; a bulletin of good deeds is read calmly, near the slow end."""
ESPEAK = "espeak-ng"
ESPEAK_VOICE = "vi"
ORDINAL_WORDS = {1: "thứ nhất", 4: "thứ tư"}


def reading_seconds(count: int) -> int:
    """How long ``count`` syllables take at the assumed pace."""
    return round(count * 60 / SYLLABLES_PER_MINUTE)


@dataclass
class Segment:
    heading: str
    """For the announcer's eyes only; never read."""
    paragraphs: list[str]
    """What is read aloud."""

    @property
    def syllables(self) -> int:
        return sum(syllables(p) for p in self.paragraphs)


@dataclass(frozen=True)
class LeftOut:
    """A story cut to fit the chosen length, with why (Vietnamese)."""

    heading: str
    reason: str


@dataclass
class Bulletin:
    period: str
    title: str
    station: str
    today: dt.date
    segments: list[Segment]
    skipped: list[str]
    minutes: float | None = None
    """The length asked for with --minutes, when the bulletin was cut to it."""
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def spoken(self) -> str:
        return "\n\n".join(p for segment in self.segments for p in segment.paragraphs)

    @property
    def syllables(self) -> int:
        return sum(segment.syllables for segment in self.segments)

    @property
    def seconds(self) -> int:
        return reading_seconds(self.syllables)


def _ordinal(n: int) -> str:
    return ORDINAL_WORDS.get(n) or f"thứ {number_words(n)}"


def _stories(repo: Repo, period: str) -> tuple[list, list[str]]:
    folder = repo.published / period
    stories, skipped = sound_nominations(markdown_files(folder, recursive=False), CheckContext.for_repo(repo))
    stories.sort(key=lambda n: (str(n.review.get("on", "")), n.slug))
    return stories, skipped


def build_bulletin(repo: Repo, ward: WardSettings, units: UnitRegistry, lexicon: Lexicon,
                   year: int, month: int, today: dt.date | None = None,
                   minutes: float | None = None) -> Bulletin:
    """The month's bulletin; with ``minutes``, only the first stories that fit in that time."""
    period = Period(year, month)
    stories, skipped = _stories(repo, str(period))
    if not stories and skipped:
        raise PipelineError(
            f"{period.label} không có bài nào đọc được trên đài: mọi tệp trong "
            f"content/published/{period}/ đều có lỗi\n" + "\n".join(f"Bỏ qua {line}" for line in skipped)
        )
    if not stories:
        raise PipelineError(
            f"{period.label} chưa có bài nào được Hội đồng thông qua (content/published/{period}/ "
            "trống): chưa có gì để đọc trên đài"
        )
    station = f"Đài truyền thanh {ward.ward_name}"
    when = f"tháng {month} năm {year}"

    def say(text: str) -> str:
        return speakable(text, lexicon)

    def opening(count: int) -> Segment:
        return Segment("Lời mở đầu", [
            say(f"Đây là {station}. Kính thưa quý vị và các bạn!"),
            say(
                f"Mời quý vị và các bạn cùng nghe chuyên mục {ward.column_name} {when}. Trong chuyên mục "
                f"kỳ này, chúng tôi xin giới thiệu {number_words(count)} gương người tốt, việc tốt, điển "
                f"hình tiên tiến và cách làm hay đã được {ward.council_name} thẩm định."
            ),
        ])

    told = []
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
        told.append(Segment(f"{title}{source}", paragraphs))
    closing = Segment("Lời kết", [
        say(
            f"Quý vị và các bạn vừa nghe chuyên mục {ward.column_name} {when} của {station}. "
            "Các ban, ngành, đoàn thể, cơ quan, đơn vị và các tổ dân phố tiếp tục phát hiện, giới thiệu "
            f"những tấm gương tiêu biểu về {ward.ward_authority} trước ngày {DEADLINE_DAY} hằng tháng."
        ),
        say("Xin cảm ơn quý vị và các bạn đã chú ý lắng nghe. Hẹn gặp lại trong chuyên mục kỳ sau."),
    ])

    def length(count: int) -> int:
        return reading_seconds(opening(count).syllables + closing.syllables
                               + sum(segment.syllables for segment in told[:count]))

    kept, left_out = len(told), []
    if minutes is not None:
        kept, left_out = _cut(told, length, minutes)
    for number, segment in enumerate(told[:kept], start=1):
        segment.heading = f"Bài {number}/{kept}: {segment.heading}"
    return Bulletin(period, f"Bản tin phát thanh chuyên mục {ward.column_name} – {period.label}",
                    station, today or clock.today(), [opening(kept), *told[:kept], closing], skipped,
                    minutes, left_out)


def _cut(told: list[Segment], length: Callable[[int], int], minutes: float) -> tuple[int, list[LeftOut]]:
    """How many stories, from the first, fit in ``minutes`` with the opening and the closing."""
    budget = round(minutes * 60)
    kept = len(told)
    while kept and length(kept) > budget:
        kept -= 1
    limit = _minutes_text(minutes)
    if not kept:
        raise PipelineError(
            f"bản tin không gói được trong {limit}: lời mở đầu, lời kết và bài đầu tiên "
            f"({told[0].heading}) cần khoảng {_duration(length(1))}; hãy chọn --minutes dài hơn"
        )
    if kept == len(told):
        return kept, []
    left_out = [LeftOut(
        f"bài {kept + 1} ({told[kept].heading})",
        f"thêm bài này thì bản tin dài khoảng {_duration(length(kept + 1))}, quá {limit}",
    )]
    left_out += [
        LeftOut(f"bài {number} ({segment.heading})",
                f"đứng sau bài {kept + 1} đã bị cắt (bản tin giữ thứ tự các bài, chỉ cắt ở cuối)")
        for number, segment in enumerate(told[kept + 1:], start=kept + 2)
    ]
    return kept, left_out


def _minutes_text(minutes: float) -> str:
    return f"{minutes:g}".replace(".", ",") + " phút"


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} giây"
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


def _clock(seconds: int) -> str:
    """A running time as an announcer reads a clock: 2:05."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def render_text(bulletin: Bulletin) -> str:
    """The announcer's script: headings in brackets are cues with each part's running time and the
    time elapsed at its end; everything else is read."""
    lines = [
        bulletin.title.upper(),
        f"{bulletin.station[:1].upper()}{bulletin.station[1:]} · lập {document_date(bulletin.today)}",
        f"Thời lượng đọc ước tính: khoảng {_duration(bulletin.seconds)} ({bulletin.syllables} âm tiết, "
        f"đọc {SYLLABLES_PER_MINUTE} âm tiết một phút). Dòng trong ngoặc vuông là ghi chú, không đọc.",
        "",
    ]
    if bulletin.minutes is not None:
        told = len(bulletin.segments) - 2
        every = told + len(bulletin.left_out)
        lines += [f"[Cắt cho vừa {_minutes_text(bulletin.minutes)}: đọc {told}/{every} bài, chỉ đọc trọn "
                  "bài, theo thứ tự của bản tin.]"]
        lines += [f"[Không đọc {item.heading}: {item.reason}.]" for item in bulletin.left_out]
        lines += [""]
    elapsed = 0
    for segment in bulletin.segments:
        elapsed += segment.syllables
        lines += [f"[{segment.heading} · khoảng {_duration(reading_seconds(segment.syllables))} · "
                  f"hết ở {_clock(reading_seconds(elapsed))}]", ""]
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
