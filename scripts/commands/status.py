"""status: the council's queue by state, month and unit, with the repeats worth a second look."""

from __future__ import annotations

import argparse
import sys

from scripts.common import clock
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.nomination.units import UnitRegistry
from scripts.review import queue

NAME = "status"
HELP = ("hàng chờ thẩm định: phiếu theo trạng thái, tháng, đơn vị, số ngày chờ; đánh dấu người được "
        "giới thiệu lặp lại và bài gần trùng")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", help="chỉ xem phiếu của một kỳ (ví dụ 2026-11)")
    parser.add_argument("--format", choices=sorted(queue.REPORTERS), default="text",
                        help="cách in: text (mặc định) hoặc json")


def run(args: argparse.Namespace) -> int:
    if args.month:
        Period.parse(args.month)
    repo = Repo.at(args.root)
    found = queue.build(repo, UnitRegistry.load(repo.units_file), clock.today(), args.month)
    queue.REPORTERS[args.format](found, sys.stdout)
    return 0
