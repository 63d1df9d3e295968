"""check-approvals: the pull-request check that every published story carries its approval."""

from __future__ import annotations

import argparse
import sys

from scripts.common.repo import Repo
from scripts.nomination.problems import Severity
from scripts.nomination.reporters import REPORTERS
from scripts.review.approvals import check_approvals

NAME = "check-approvals"
HELP = ("kiểm tra pull request: mọi bài thêm vào hoặc sửa trong content/published/ có dấu thông qua "
        "hợp lệ, không bài nào bị xóa")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", required=True, metavar="NHÁNH",
                        help="nhánh hoặc commit gốc để so sánh, ví dụ origin/main")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text",
                        help="cách in kết quả: text (mặc định), json, github (chú thích GitHub Actions)")


def run(args: argparse.Namespace) -> int:
    report = check_approvals(Repo.at(args.root), args.base)
    REPORTERS[args.format](report.problems, report.files, sys.stdout)
    return 1 if any(p.severity is Severity.ERROR for p in report.problems) else 0
