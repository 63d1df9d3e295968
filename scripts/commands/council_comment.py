"""council-comment: a council member's /thong-qua or /tra-lai comment on a nomination's pull request."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.common import clock
from scripts.common.errors import PipelineError, UsageError
from scripts.common.fileops import atomic_write
from scripts.common.repo import NOMINATIONS, Repo
from scripts.nomination.council import Council
from scripts.nomination.reporters import text_line
from scripts.review import decisions, gitops
from scripts.review.comments import APPROVE, member_for, parse

NAME = "council-comment"
HELP = ("ghi quyết định của Hội đồng từ bình luận /thong-qua hoặc /tra-lai trên pull request "
        "(quy trình GitHub chạy lệnh này)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="TỆP",
                        help="sự kiện issue_comment ($GITHUB_EVENT_PATH)")
    parser.add_argument("--registry", required=True, metavar="THƯ_MỤC",
                        help="kho của nhánh gốc: danh sách Hội đồng được đọc từ đó, không từ pull request")
    parser.add_argument("--base", required=True, metavar="NHÁNH", help="nhánh gốc, ví dụ origin/main")
    parser.add_argument("--key", required=True, metavar="TỆP_KHÓA", help="khóa ký của quy trình")
    parser.add_argument("--reply", required=True, metavar="TỆP", help="nơi ghi lời trả lời")


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    try:
        with open(args.event, encoding="utf-8") as handle:
            event = json.load(handle)
        body, login = event["comment"]["body"], event["comment"]["user"]["login"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise UsageError(f"{args.event}: không phải sự kiện bình luận của GitHub ({err})") from None
    request = parse(body)
    if request is None:
        return 0  # an ordinary comment: nothing to answer
    reply, code = _decide(repo, request, login, args)
    atomic_write(Path(args.reply).resolve(), reply.encode("utf-8"))
    return code


def _decide(repo: Repo, request, login: str, args: argparse.Namespace) -> tuple[str, int]:
    today = clock.today()
    member = member_for(login, Council.load(Path(args.registry)), today)
    if member is None:
        return (f"@{login} không có trong danh sách Thường trực Hội đồng đang làm nhiệm vụ "
                "(schema/council.yaml của nhánh gốc): quyết định không được ghi.\n", 1)
    if not request.text:
        what = "số biên bản, ví dụ `/thong-qua Biên bản số 05/BB-HĐTĐKT`" if request.verb == APPROVE \
            else "lý do, ví dụ `/tra-lai Bổ sung ngày đồng ý của người được giới thiệu`"
        return f"Cần ghi {what}.\n", 1
    prefix = f"content/{NOMINATIONS}/"
    added = [repo.root / rel for status, rel, _ in gitops.changes(repo.root, args.base)
             if status in ("A", "M", "R") and rel.startswith(prefix) and rel.endswith(".md")]
    if len(added) != 1:
        return (f"Pull request này có {len(added)} tệp phiếu trong content/{NOMINATIONS}/; quyết định "
                "bằng bình luận chỉ dùng cho pull request của đúng một phiếu.\n", 1)
    try:
        if request.verb == APPROVE:
            outcome = decisions.approve(repo, added[0], member.name, request.text, today,
                                        key=args.key, requested_by=login)
            done = (f"Đã thông qua theo yêu cầu của {member.name} (@{login}): {outcome.source} → "
                    f"{outcome.target}, {request.text}. Commit được ký bằng khóa của quy trình; hợp nhất "
                    "pull request để đăng bài.\n")
        else:
            outcome = decisions.return_(repo, added[0], member.name, request.text, today,
                                        key=args.key, requested_by=login)
            done = (f"Đã trả lại để bổ sung theo yêu cầu của {member.name} (@{login}): {request.text}. "
                    "Đơn vị sửa phiếu rồi gửi lại.\n")
    except decisions.Refused as err:
        lines = "".join(f"- {text_line(p)}\n" for p in err.problems)
        return f"Chưa ghi được quyết định: {err}\n{lines}", 1
    except PipelineError as err:
        return f"Chưa ghi được quyết định: {err}\n", 1
    sys.stdout.write(done)
    return done, 0
