"""report: the monthly or yearly tally of nominations sent on time, per unit of the registry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.common.errors import PipelineError
from scripts.common.fileops import atomic_write
from scripts.common.period import Period, parse_year
from scripts.common.repo import Repo
from scripts.common.settings import load_settings
from scripts.common.terminal import inert
from scripts.nomination.units import UnitRegistry
from scripts.reports.render import RENDERERS, layout
from scripts.reports.submissions import month_report, year_report

NAME = "report"
HELP = "báo cáo tháng hoặc năm: từng đơn vị đã gửi bao nhiêu phiếu, đúng hạn hay muộn, kết quả thẩm định"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM", help="báo cáo một tháng, ví dụ 2026-11")
    when.add_argument("--year", metavar="YYYY",
                      help="báo cáo cả năm (tiêu chí chấm điểm thi đua), ví dụ 2026")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="md",
                        help="md (mặc định), csv (mở bằng Excel, có BOM UTF-8), html (in khổ A4)")
    parser.add_argument("--out", metavar="TỆP", help="ghi vào tệp thay vì in ra màn hình")


def write_output(data: bytes, out: str | None) -> None:
    """To ``out`` atomically, or to standard output."""
    if not out:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise PipelineError(f"không có thư mục {path.parent} để ghi {path.name}")
    try:
        atomic_write(path, data)
    except OSError as err:
        raise PipelineError(f"không ghi được {out} ({err.strerror})") from None
    sys.stderr.write(f"Đã ghi {out}\n")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    units = UnitRegistry.load(repo.units_file)
    ward = load_settings(repo.root)
    if args.month is not None:
        period = Period.parse(args.month)
        report = month_report(repo, units, period.year, period.month)
    else:
        report = year_report(repo, units, parse_year(args.year))
    write_output(RENDERERS[args.format](layout(report, ward)), args.out)
    for item in report.left_out:
        sys.stderr.write(inert(f"Lỗi: {item.rel}: có lỗi, chưa tính vào báo cáo ({item.message})") + "\n")
    return 1 if report.left_out else 0
