"""form: write the issue form (and, with --docx, the Word form) from the schema."""

from __future__ import annotations

import argparse
import sys

from scripts.common.fileops import atomic_write
from scripts.common.repo import Repo
from scripts.intake.form import FORM_PATH, render
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry

NAME = "form"
HELP = f"tạo lại mẫu phiếu trên GitHub ({FORM_PATH}) từ schema và danh mục đơn vị"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="chỉ kiểm tra mẫu phiếu trong kho có khớp schema không (không ghi)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    text = render(NominationSchema.load(repo.schema_file), UnitRegistry.load(repo.units_file))
    target = repo.root / FORM_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current != text:
            sys.stderr.write(f"{FORM_PATH} không khớp schema: chạy \"make form\" rồi commit tệp đó.\n")
            return 1
        return 0
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text.encode("utf-8"))
    sys.stdout.write(f"Đã ghi {FORM_PATH}\n")
    return 0
