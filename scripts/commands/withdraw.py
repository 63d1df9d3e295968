"""withdraw: take a published story down; it goes back to nominations/, nothing is deleted."""

from __future__ import annotations

import argparse

from scripts import review
from scripts.commands._decision import how_moved, run_decision
from scripts.repo import Repo

NAME = "withdraw"
HELP = "gỡ một bài đã đăng: ghi lý do và chuyển về content/nominations/ (không xóa gì)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="tệp trong content/published/YYYY-MM/")
    parser.add_argument("--by", required=True, metavar="HỌ_TÊN", help="người thẩm định")
    parser.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do gỡ bài")
    parser.add_argument("--on", metavar="YYYY-MM-DD", help="ngày quyết định (mặc định: hôm nay)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    return run_decision(
        lambda: review.withdraw(
            repo, review.resolve(args.path, repo), args.by, args.reason, review.parse_day(args.on)
        ),
        lambda o: (
            f"Đã gỡ bài: {o.source} → {o.target} ({how_moved(o)}). "
            "Lần dựng trang tới sẽ không còn bài này."
        ),
    )
