"""forward: mark a story for the council of the level above, or write the month's bundle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.commands._decision import add_key_argument, run_decision
from scripts.common.errors import UsageError
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.settings import load_settings
from scripts.common.terminal import inert
from scripts.images.library import photo_library
from scripts.nomination.checker import CheckContext
from scripts.review import decisions, forward

NAME = "forward"
HELP = ("gửi cấp trên: đánh dấu một bài đã thông qua (PATH), hoặc lập bộ hồ sơ của một tháng "
        "(--month YYYY-MM --out THƯ_MỤC) để in và gửi Hội đồng thi đua khen thưởng cấp trên")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="TỆP", help="bài trong content/published/YYYY-MM/")
    parser.add_argument("--remove", action="store_true", help="bỏ đánh dấu gửi cấp trên của bài PATH")
    parser.add_argument("--month", metavar="YYYY-MM", help="kỳ cần lập bộ hồ sơ gửi cấp trên")
    parser.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi bộ hồ sơ (HTML, Markdown và ảnh)")
    add_key_argument(parser)


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    if args.path and not args.month and not args.out:
        return run_decision(
            lambda: decisions.mark_forward(
                repo, decisions.resolve(args.path, repo), not args.remove, args.key
            ),
            lambda o: (f"Đã bỏ đánh dấu gửi cấp trên: {o.source}." if args.remove
                       else f"Đã đánh dấu gửi cấp trên: {o.source}."),
        )
    if args.path or args.remove or not (args.month and args.out):
        raise UsageError("dùng \"forward PATH [--remove]\" hoặc \"forward --month YYYY-MM --out THƯ_MỤC\"")
    month = str(Period.parse(args.month))
    bundle = forward.collect(CheckContext.for_repo(repo), month, load_settings(repo.root))
    written = forward.write(bundle, Path(args.out), photo_library(repo))
    for line in bundle.skipped:
        sys.stderr.write(inert(f"Bỏ qua {line}") + "\n")
    sys.stdout.write(
        f"Đã lập bộ hồ sơ gửi cấp trên kỳ {args.month}: {len(bundle.items)} gương.\n"
        f"  Bản in: {written[0]}\n  Bản Markdown: {written[1]}\n"
    )
    return 0
