"""check-approvals: the pull-request check that every published story carries its approval."""

from __future__ import annotations

import argparse
import sys

from scripts.common.repo import Repo
from scripts.nomination.reporters import add_format_argument, print_problems
from scripts.review.approvals import check_approvals

NAME = "check-approvals"
HELP = ("kiểm tra pull request: mọi bài thêm vào hoặc sửa trong content/published/ có dấu thông qua "
        "hợp lệ, không bài nào bị xóa")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", required=True, metavar="NHÁNH",
                        help="nhánh hoặc commit gốc để so sánh, ví dụ origin/main")
    add_format_argument(parser)


def run(args: argparse.Namespace) -> int:
    report = check_approvals(Repo.at(args.root), args.base)
    return print_problems(args.format, report.problems, report.files, sys.stdout)
