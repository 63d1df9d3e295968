"""check-send-dates: the pull-request check that every new nomination is dated the day it arrived."""

from __future__ import annotations

import argparse
import sys

from scripts.common.repo import Repo
from scripts.nomination.reporters import add_format_argument, print_problems
from scripts.review.decisions import parse_day
from scripts.review.senddates import check_send_dates, read_event

NAME = "check-send-dates"
HELP = ("kiểm tra pull request: phiếu mới ghi ngày gửi (submitted_on) đúng ngày máy chủ GitHub nhận "
        "phiếu (giờ Việt Nam, lệch tối đa 1 ngày), không phiếu cũ nào bị đổi ngày gửi")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="TỆP",
                        help="tệp sự kiện push hoặc pull_request của GitHub Actions ($GITHUB_EVENT_PATH)")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="ngày máy chủ nhận phiếu (mặc định: hôm nay theo giờ Việt Nam của máy chạy)")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    report = check_send_dates(Repo.at(args.root), event, parse_day(args.today))
    return print_problems(args.format, report.problems, report.files, sys.stdout)
