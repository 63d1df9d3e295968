"""audit: the whole history of the branch, for the council and the level above: is every change
to what is published signed by the member who decided it?"""

from __future__ import annotations

import argparse
import sys

from scripts.common.repo import Repo
from scripts.nomination.reporters import add_format_argument, print_problems
from scripts.review.audit import audit

NAME = "audit"
HELP = ("kiểm tra toàn bộ lịch sử: mọi commit thêm, sửa, gỡ bài trong content/published/ hoặc sửa "
        "danh sách Hội đồng đều có chữ ký của thành viên đang làm nhiệm vụ, đúng người ghi ở review.by")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rev", default="HEAD", metavar="NHÁNH",
                        help="nhánh hoặc commit cần kiểm tra (mặc định: HEAD), ví dụ origin/main")
    parser.add_argument("--start", metavar="MÃ_COMMIT",
                        help="commit bắt đầu ký đã ghi trong biên bản; báo lỗi nếu lịch sử khác")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    report = audit(Repo.at(args.root), args.rev, args.start)
    if args.format == "text" and report.start is not None:
        sys.stdout.write(
            f"Bắt đầu ký từ {report.start.named}, do {report.start_signer} ký; "
            f"đã xem {report.commits} commit.\n"
        )
    return print_problems(args.format, report.problems, report.files, sys.stdout)
