"""approve: the council's approval: validate, stamp, move into content/published/."""

from __future__ import annotations

import argparse

from scripts.commands._decision import add_decision_arguments, how_moved, run_decision
from scripts.common.repo import Repo
from scripts.review import decisions

NAME = "approve"
HELP = "thông qua một phiếu: ghi dấu thẩm định và chuyển sang content/published/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "nominations")
    parser.add_argument("--ref", required=True, metavar="SỐ_BIÊN_BẢN",
                        help="số biên bản họp thẩm định, ví dụ \"Biên bản số 05/BB-HĐTĐKT\"")
    parser.add_argument("--forward", action="store_true",
                        help="chọn gửi Hội đồng thi đua khen thưởng cấp trên")
    parser.add_argument("--note", metavar="GHI_CHÚ", help="ghi chú của Hội đồng")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    return run_decision(
        lambda: decisions.approve(
            repo, decisions.resolve(args.path, repo), args.by, args.ref, decisions.parse_day(args.on),
            args.forward, args.note, args.key,
        ),
        lambda o: (
            f"Đã thông qua: {o.source} → {o.target} ({how_moved(o)}). "
            "Hãy đẩy nhánh lên và mở pull request để Hội đồng hợp nhất (merge)."
        ),
    )
