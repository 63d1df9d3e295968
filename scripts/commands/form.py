"""form: write the issue form (and, with --docx, the Word form) from the schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.common.fileops import atomic_write
from scripts.common.repo import Repo
from scripts.intake.form import FORM_PATH, WORD_FORM_PATH, render
from scripts.nomination.schema import NominationSchema
from scripts.nomination.units import UnitRegistry

NAME = "form"
HELP = (f"tạo lại các mẫu phiếu trên GitHub ({FORM_PATH}, {WORD_FORM_PATH}) từ schema và danh mục "
        "đơn vị; với --docx: phiếu Word để đơn vị điền")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--docx", metavar="TỆP.docx",
                        help="ghi phiếu Word để đơn vị điền (ví dụ mau-phieu.docx) thay cho mẫu trên GitHub")
    parser.add_argument("--check", action="store_true",
                        help="chỉ kiểm tra mẫu phiếu trong kho có khớp schema không (không ghi)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    schema, units = NominationSchema.load(repo.schema_file), UnitRegistry.load(repo.units_file)
    if args.docx:
        from scripts.intake.docx_form import write_form  # python-docx loads on use

        write_form(Path(args.docx), schema, units)
        sys.stdout.write(f"Đã ghi {args.docx}\n")
        return 0
    stale = []
    for rel, text in render(schema, units).items():
        target = repo.root / rel
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(rel)
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, text.encode("utf-8"))
    if args.check:
        for rel in stale:
            sys.stderr.write(f"{rel} không khớp schema: chạy \"make form\" rồi commit tệp đó.\n")
        return 1 if stale else 0
    sys.stdout.write("".join(f"Đã ghi {rel}\n" for rel in stale) or "Các mẫu phiếu đã khớp schema.\n")
    return 0
