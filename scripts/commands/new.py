"""new: start a nomination from the form, in this month's folder."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from scripts.common import clock, hints
from scripts.common.errors import PipelineError, UsageError
from scripts.common.period import Period
from scripts.common.repo import Repo
from scripts.common.vietnamese import nfc, slugify
from scripts.nomination.checker import SLUG
from scripts.nomination.schema import NominationSchema
from scripts.nomination.template import Draft, render, still_to_fill
from scripts.nomination.units import UnitRegistry
from scripts.reports.submissions import DEADLINE_DAY, deadline

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
    parser.add_argument("--slug", help="tên tệp (chữ thường không dấu, nối bằng dấu gạch ngang; "
                        "mặc định: lấy từ tiêu đề), ví dụ ba-nguyen-thi-lan-tra-lai-tui-xach")


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
    slug = slugify(title) if args.slug is None else args.slug
    if args.slug is not None and (not SLUG.match(slug) or slugify(slug) != slug):
        raise UsageError(
            f"--slug \"{args.slug}\" không dùng được làm tên tệp; viết chữ thường không dấu, nối "
            f"bằng dấu gạch ngang, ví dụ \"{slugify(args.slug) or 'ten-bai-viet'}\""
        )
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
    if args.period is None and today >= deadline(Period.of(today)):
        sys.stderr.write(_late_warning(today, rel, args))
    sys.stdout.write(f"Đã tạo {rel}\nCòn phải điền:\n")
    for item in still_to_fill(draft):
        sys.stdout.write(f"  - {item}\n")
    sys.stdout.write(f"Kiểm tra khi viết xong: {hints.validate(rel)}\n")
    return 0


def _late_warning(today: dt.date, rel: str, args: argparse.Namespace) -> str:
    """This month's deadline has passed: the file counts as late unless it is for next month."""
    this = Period.of(today)
    following = Period.of(this.day(28) + dt.timedelta(days=4))
    return (
        f"Chú ý: hôm nay {today.strftime('%d/%m/%Y')} đã qua hạn gửi của kỳ {this} (trước ngày "
        f"{DEADLINE_DAY}); phiếu {rel} sẽ được tính là gửi muộn cho kỳ {this}.\n"
        f"Nếu phiếu dành cho kỳ {following}: xóa tệp vừa tạo và chạy lại lệnh với "
        f"--period {following} (có thể đặt tên tệp bằng --slug TEN-TEP).\n"
    )
