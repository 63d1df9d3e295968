"""new: start a nomination from the form, in this month's folder."""

from __future__ import annotations

import argparse
import re
import sys

from scripts.common import clock
from scripts.common.errors import PipelineError, UsageError
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.vietnamese import nfc, slugify
from scripts.nomination.schema import NominationSchema
from scripts.nomination.template import Draft, render, still_to_fill
from scripts.nomination.units import UnitRegistry

NAME = "new"
HELP = "tạo phiếu giới thiệu mới từ mẫu, trong thư mục tháng này của content/nominations"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", required=True, help="mã đơn vị trong schema/units.yaml, ví dụ hoi-lhpn")
    parser.add_argument("--kind", required=True, help="ca-nhan (cá nhân) hoặc tap-the (tập thể)")
    parser.add_argument("--category", required=True,
                        help="loại gương: nguoi-tot-viec-tot, dien-hinh-tien-tien hoặc cach-lam-hay")
    parser.add_argument("--title", required=True, help="tiêu đề bài viết, có dấu")
    parser.add_argument("--field", default="khac", help="lĩnh vực (mặc định: khac), ví dụ van-hoa-xa-hoi")
    parser.add_argument("--period", help="kỳ giới thiệu YYYY-MM (mặc định: tháng này)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    schema = NominationSchema.load(repo.schema_file)
    units = UnitRegistry.load(repo.units_file)
    unit = units.get(args.unit)
    if unit is None:
        close = units.suggest(args.unit)
        hint = f"; có phải ý bạn là \"{close[0]}\"?" if close else "; xem schema/units.yaml"
        raise UsageError(f"không có đơn vị mã \"{args.unit}\"{hint}")
    for option, path, value in (("--kind", ("nominee", "kind"), args.kind),
                                ("--category", ("category",), args.category),
                                ("--field", ("field",), args.field)):
        allowed = (schema.node(path) or {}).get("enum", [])
        if value not in allowed:
            choices = ", ".join(allowed)
            raise UsageError(f"{option} \"{value}\" không có trong mẫu phiếu; chọn một trong: {choices}")
    today = clock.today()
    period = str(Period.parse(args.period) if args.period else Period.of(today))
    title = nfc(args.title.strip())
    slug = slugify(title)
    if not slug or not re.search("[a-z]", slug):
        raise UsageError("tiêu đề cần có chữ để đặt tên tệp")
    existing = [p for p in repo.content_files() if p.stem == slug]
    if existing:
        raise PipelineError(
            f"đã có bài cùng tên tệp: {repo.relative(existing[0])}; hãy đặt tiêu đề khác"
        )
    draft = Draft(unit, args.kind, args.category, args.field, title, period, today)
    path = repo.nominations / period / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite a file
        out.write(render(draft, schema))
    rel = repo.relative(path)
    sys.stdout.write(f"Đã tạo {rel}\nCòn phải điền:\n")
    for item in still_to_fill(draft):
        sys.stdout.write(f"  - {item}\n")
    sys.stdout.write(f"Kiểm tra khi viết xong: python -m scripts validate {rel}\n")
    return 0
