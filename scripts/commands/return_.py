"""return: send a nomination back to its unit for revision; the file stays in nominations/."""

from __future__ import annotations

import argparse

from scripts.commands._decision import add_decision_arguments, run_decision
from scripts.common.repo import Repo
from scripts.review import decisions

NAME = "return"
HELP = "trả lại một phiếu để đơn vị bổ sung (tệp ở lại content/nominations/)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "nominations", "cần bổ sung, sửa gì (đơn vị sẽ đọc)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    return run_decision(
        lambda: decisions.return_(
            repo, decisions.resolve(args.path, repo), args.by, args.reason, decisions.parse_day(args.on),
            args.key,
        ),
        lambda o: (f"Đã trả lại để bổ sung: {o.source}. "
                   "Đơn vị sửa tệp (giữ nguyên khối \"review\") và gửi lại."),
    )
