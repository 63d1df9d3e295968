"""``python -m scripts <command>``: one entry point, one small module per command.

Each module in ``scripts/commands`` defines NAME, HELP, ``add_arguments(parser)`` and
``run(args) -> int``. Named exceptions become one Vietnamese line here; a traceback only with
``--debug``. Exit codes: 0 success, 1 a failed check, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback

from scripts import commands
from scripts.common.errors import PipelineError


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese with exit code 2."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi: cách gọi lệnh không đúng ({message}). Xem: {self.prog} --help\n")
        raise SystemExit(2)


def command_modules() -> list:
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"scripts.commands.{name}") for name in names]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m scripts",
        description="Công cụ của chuyên mục Điển hình tiên tiến: kiểm tra, tạo, thẩm định phiếu "
        "giới thiệu và lập báo cáo.",
    )
    parser.add_argument("--debug", action="store_true", help="in đầy đủ dấu vết khi có lỗi bất ngờ")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (mặc định: thư mục hiện tại)")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    for module in command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8")  # Vietnamese output whatever the locale says
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except PipelineError as err:  # UsageError included: its exit code is 2
        sys.stderr.write(f"Lỗi: {err}\n")
        return err.exit_code
    except BrokenPipeError:
        # The reader went away (`... | head`): not an error of ours. Point stdout at /dev/null so
        # that Python's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 130
    except Exception as err:  # the boundary: anything unexpected is one line, never a traceback
        if args.debug:
            traceback.print_exc()
        else:
            sys.stderr.write(
                f"Lỗi không mong đợi: {type(err).__name__}: {err}. "
                "Chạy lại với --debug để xem chi tiết và báo cho người quản trị kho.\n"
            )
        return 1
