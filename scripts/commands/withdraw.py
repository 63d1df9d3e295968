"""withdraw: take a published story down; it goes back to nominations/, nothing is deleted."""

from __future__ import annotations

import argparse

from scripts.commands._decision import add_decision_arguments, how_moved, run_decision
from scripts.common.repo import Repo
from scripts.review import decisions

NAME = "withdraw"
HELP = "gỡ một bài đã đăng: ghi lý do và chuyển về content/nominations/ (không xóa gì)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "published", "lý do gỡ bài")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    return run_decision(
        lambda: decisions.withdraw(
            repo, decisions.resolve(args.path, repo), args.by, args.reason, decisions.parse_day(args.on),
            args.key,
        ),
        lambda o: (
            f"Đã gỡ bài: {o.source} → {o.target} ({how_moved(o)}). "
            "Lần dựng trang tới sẽ không còn bài này."
        ),
    )
