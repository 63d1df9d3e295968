"""radio: the month's radio bulletin from the approved stories, and optionally its audio."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.commands.report import write_output
from scripts.common.errors import UsageError
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.settings import load_settings
from scripts.common.terminal import inert
from scripts.nomination.units import UnitRegistry
from scripts.reports.radio import build_bulletin, render_text, speak
from scripts.reports.read_aloud import Lexicon

NAME = "radio"
HELP = "bản tin phát thanh của tháng từ các bài đã được thông qua, viết sẵn để đọc (và tệp âm thanh)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", required=True, help="tháng của bản tin, ví dụ 2026-11")
    parser.add_argument("--out", metavar="TỆP", help="ghi bản tin (chữ) vào tệp thay vì in ra màn hình")
    parser.add_argument("--minutes", metavar="SỐ_PHÚT",
                        help="cắt bản tin cho vừa số phút này (ví dụ 5 hoặc 4,5): chỉ đọc trọn bài, "
                             "theo thứ tự; bản tin ghi rõ bài nào không đọc và vì sao")
    parser.add_argument("--audio", metavar="TỆP.wav",
                        help="đọc bản tin thành tệp âm thanh WAV bằng espeak-ng (giọng tiếng Việt)")


def parse_minutes(text: str) -> float:
    """A positive number of minutes; a Vietnamese decimal comma is accepted."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = 0.0
    if not 0 < value <= 600:
        raise UsageError(f"số phút \"{text}\" không hợp lệ: cần một số dương, ví dụ 5 hoặc 4,5")
    return value


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    period = Period.parse(args.month)
    bulletin = build_bulletin(
        repo, load_settings(repo.root), UnitRegistry.load(repo.units_file),
        Lexicon.load(repo.abbreviations_file), period.year, period.month,
        minutes=None if args.minutes is None else parse_minutes(args.minutes),
    )
    write_output(render_text(bulletin).encode("utf-8"), args.out)
    if args.audio:
        speak(bulletin.spoken, Path(args.audio))
        sys.stderr.write(f"Đã ghi {args.audio}\n")
    for line in bulletin.skipped:
        sys.stderr.write(inert(f"Bỏ qua {line}") + "\n")
    for item in bulletin.left_out:
        sys.stderr.write(inert(f"Không đọc {item.heading}: {item.reason}") + "\n")
    return 0
