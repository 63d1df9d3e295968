"""What the review commands share: run a decision, print why it was refused, say what is next."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from scripts.nomination.reporters import text_line
from scripts.review.decisions import Outcome, Refused


def run_decision(decide: Callable[[], Outcome], done: Callable[[Outcome], str]) -> int:
    """Run ``decide``; on success print ``done(outcome)`` and the stamped file's notes.

    A refusal prints the problems behind it (file, line, field) before the CLI prints its
    one-line "Lỗi: …".
    """
    try:
        outcome = decide()
    except Refused as err:
        for problem in err.problems:
            sys.stderr.write(text_line(problem) + "\n")
        raise
    for problem in outcome.problems:
        sys.stdout.write(text_line(problem) + "\n")
    sys.stdout.write(done(outcome) + "\n")
    return 0


def how_moved(outcome: Outcome) -> str:
    return ("bằng git mv, lịch sử của tệp được giữ, commit đã được ký" if outcome.used_git
            else "chuyển tệp thường, không qua git")


def add_decision_arguments(parser: argparse.ArgumentParser, folder: str, reason: str | None = None) -> None:
    """PATH, --by, --on and --key, which every decision has; --reason for return and withdraw."""
    parser.add_argument("path", metavar="TỆP", help=f"tệp trong content/{folder}/YYYY-MM/")
    parser.add_argument("--by", required=True, metavar="HỌ_TÊN",
                        help="người thẩm định (thành viên Thường trực Hội đồng)")
    if reason:
        parser.add_argument("--reason", required=True, metavar="LÝ_DO", help=reason)
    parser.add_argument("--on", metavar="YYYY-MM-DD", help="ngày quyết định (mặc định: hôm nay)")
    add_key_argument(parser)


def add_key_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", metavar="TỆP_KHÓA",
                        help="khóa SSH để ký commit quyết định (mặc định: git config user.signingkey)")
