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
import re
import sys
import traceback

from scripts import commands
from scripts.common.errors import PipelineError
from scripts.common.terminal import InertWriter, inert

# argparse's own sentences, said in Vietnamese (the rest of each message is names and values).
_ARGPARSE_WORDS = (
    (re.compile(r"^the following arguments are required: (.*)$"), "thiếu tham số bắt buộc: {0}"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "không hiểu tham số: {0}"),
    (re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"),
     "tham số {0}: không có lựa chọn {1}; chọn một trong: {2}"),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.*)$"), "tham số {0}: giá trị {2} không hợp lệ"),
    (re.compile(r"^argument (\S+): expected one argument$"), "tham số {0} cần một giá trị"),
    (re.compile(r"^argument (\S+): not allowed with argument (\S+)$"),
     "tham số {0} không dùng cùng với {1}"),
)


def _vietnamese(message: str) -> str:
    for pattern, template in _ARGPARSE_WORDS:
        match = pattern.match(message)
        if match:
            return template.format(*match.groups())
    return message


# What an option's value is, by its name, for options that do not name it themselves.
_METAVARS = {
    "root": "THƯ_MỤC", "unit": "MÃ_ĐƠN_VỊ", "kind": "LOẠI", "category": "LOẠI_GƯƠNG",
    "title": "TIÊU_ĐỀ", "field": "LĨNH_VỰC", "period": "YYYY-MM", "slug": "TÊN_TỆP", "jobs": "SỐ",
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cách gọi: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse whose help and usage errors are Vietnamese; a usage error exits with code 2."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _Formatter})
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def add_argument(self, *args, **kwargs):
        """An option's value is named in Vietnamese in the help (``--unit MÃ_ĐƠN_VỊ``)."""
        action = super().add_argument(*args, **kwargs)
        if action.option_strings and action.metavar is None and action.nargs != 0 \
                and action.choices is None:
            action.metavar = _METAVARS.get(action.dest, "GIÁ_TRỊ")
        return action

    def error(self, message: str):
        self.print_usage(sys.stderr)
        sys.stderr.write(
            f"Lỗi: cách gọi lệnh không đúng ({_vietnamese(message)}). Xem: {self.prog} --help\n"
        )
        raise SystemExit(2)


def command_module_names() -> dict[str, str]:
    """Command name → module name, from the file names alone: ``check_approvals`` is
    ``check-approvals``, ``return_`` is ``return`` (a test holds every NAME to this rule)."""
    modules = sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))
    return {name.rstrip("_").replace("_", "-"): name for name in modules}


def command_modules(only: str | None = None) -> list:
    """Every command module, or only the one named ``only`` when there is such a command.

    Importing one command is what makes start-up fast: ``validate`` on 10,000 files has no
    time for the Word, template and image libraries that other commands load.
    """
    names = command_module_names()
    chosen = [names[only]] if only in names else names.values()
    return [importlib.import_module(f"scripts.commands.{name}") for name in chosen]


def _command_word(argv: list[str]) -> str | None:
    """The command named on the line, or None when help for the whole tool is asked first."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, just that command's part (see ``command_modules``)."""
    parser = _Parser(
        prog="python -m scripts",
        description="Công cụ của chuyên mục Điển hình tiên tiến: kiểm tra, tạo, thẩm định phiếu "
        "giới thiệu và lập báo cáo.",
    )
    parser.add_argument("--debug", action="store_true", help="in đầy đủ dấu vết khi có lỗi bất ngờ")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (mặc định: thư mục hiện tại)")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser, title="các lệnh")
    for module in command_modules(only):
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8")  # Vietnamese output whatever the locale says
    # Every message may quote a contributor's text or file name (usage errors and unexpected
    # errors included): none can drive the terminal. Reports written as bytes are made inert
    # by their renderers.
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertWriter(sys.stdout), InertWriter(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command_word(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except PipelineError as err:  # UsageError included: its exit code is 2
        sys.stderr.write(inert(f"Lỗi: {err}") + "\n")  # it may quote a file's name or value
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
