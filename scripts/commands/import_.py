"""import: the council brings historical nominations into the repository in one marked commit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.commands._decision import add_key_argument
from scripts.common.repo import Repo
from scripts.nomination.reporters import text_line
from scripts.review.decisions import Refused
from scripts.review.importing import import_files

NAME = "import"
HELP = ("Hội đồng nhập phiếu cũ (gửi trước khi có kho): đặt tệp vào đúng thư mục, kiểm tra, commit "
        "một lần có đánh dấu để báo cáo tính theo ngày ghi trên phiếu")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="TỆP", help="các tệp .md cần nhập")
    parser.add_argument("--by", required=True, metavar="HỌ_TÊN",
                        help="thành viên Thường trực Hội đồng nhập phiếu")
    parser.add_argument("--note", metavar="GHI_CHÚ",
                        help="ghi chú vào commit, ví dụ nguồn của phiếu (sổ lưu văn phòng)")
    add_key_argument(parser)


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    try:
        done = import_files(repo, [Path(p) for p in args.paths], args.by, args.note, args.key)
    except Refused as err:
        for problem in err.problems:
            sys.stderr.write(text_line(problem) + "\n")
        raise
    for target in done.targets:
        sys.stdout.write(f"Đã nhập: {target}\n")
    sys.stdout.write(
        f"Đã tạo commit có chữ ký {done.commit[:10]}. Hãy đẩy commit này thẳng lên nhánh main (Hội đồng "
        "có quyền bỏ qua pull request); kiểm tra pull request không nhận commit nhập phiếu của đơn vị.\n"
    )
    return 0
