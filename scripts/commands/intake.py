"""intake: turn an issue opened from the web form into a nomination file, or say what to fix."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from scripts.common.errors import UsageError
from scripts.common.fileops import atomic_write
from scripts.common.repo import Repo
from scripts.intake.attachments import folder_fetcher, web_fetcher
from scripts.intake.submit import submit
from scripts.nomination.checker import CheckContext

NAME = "intake"
HELP = "nhận phiếu gửi qua mẫu trên GitHub (sự kiện issue): lập tệp phiếu, hoặc viết lời nhắc cần sửa"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="TỆP",
                        help="tệp JSON sự kiện issues của GitHub ($GITHUB_EVENT_PATH)")
    parser.add_argument("--comment", default="intake-comment.md", metavar="TỆP",
                        help="nơi ghi lời trả lời cho phiếu (mặc định: intake-comment.md)")
    parser.add_argument("--attachments-from", metavar="THƯ_MỤC",
                        help="đọc tệp đính kèm từ thư mục này thay vì tải từ GitHub (để thử)")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    try:
        with open(args.event, encoding="utf-8") as handle:
            event = json.load(handle)
        event["issue"]["created_at"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise UsageError(f"{args.event}: không phải tệp sự kiện issue của GitHub ({err})") from None
    fetch = (folder_fetcher(Path(args.attachments_from)) if args.attachments_from
             else web_fetcher(os.environ.get("GITHUB_TOKEN")))
    outcome = submit(event, CheckContext.for_repo(repo), fetch)
    atomic_write(Path(args.comment).resolve(), outcome.comment.encode("utf-8"))
    if outcome.path is None:
        sys.stderr.write("Phiếu chưa hợp lệ; lời nhắc đã ghi vào " + args.comment + "\n")
        return 1
    sys.stdout.write(f"Đã lập {repo.relative(outcome.path)}\n")
    _outputs({"path": repo.relative(outcome.path), "title": outcome.title})
    return 0


def _outputs(values: dict[str, str]) -> None:
    """Step outputs for the workflow; each value is one line (newlines would start a new key)."""
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            for key, value in values.items():
                out.write(f"{key}={' '.join(value.split())}\n")
