"""import-docx: read a filled Word form into a nomination file, or say what to fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.common import clock
from scripts.common.errors import PipelineError
from scripts.common.repo import Repo
from scripts.intake.attachments import MAX_BYTES, AttachmentError
from scripts.intake.submit import file_nomination
from scripts.nomination.checker import CheckContext

NAME = "import-docx"
HELP = "đọc phiếu Word (.docx) đã điền thành tệp phiếu trong content/nominations, hoặc nói cần sửa gì"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="TỆP.docx", help="phiếu Word đã điền (tạo mẫu bằng: form --docx)")


def _no_download(url: str) -> bytes:
    raise AttachmentError("phiếu Word chỉ nhận ảnh dán vào phiếu")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    path = Path(args.file)
    try:
        size = path.stat().st_size
    except OSError:
        raise PipelineError(f"không mở được {args.file}") from None
    if size > MAX_BYTES:
        raise PipelineError(f"{args.file} lớn hơn {MAX_BYTES // (1024 * 1024)} MB; hãy gửi ảnh nhỏ hơn")
    from scripts.intake.docx_form import NotAForm, read_docx  # python-docx loads on use

    ctx = CheckContext.for_repo(repo)
    today = clock.today()
    try:
        found = read_docx(path.read_bytes(), ctx.schema, ctx.units, today)
    except NotAForm as err:
        raise PipelineError(f"{args.file}: {err}") from None
    outcome = file_nomination(found, ctx, today, _no_download)
    (sys.stdout if outcome.path else sys.stderr).write(outcome.comment.replace("**", ""))
    return 0 if outcome.path else 1
