"""validate: check nomination files and say, line by line, what to fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.common.fileops import atomic_write
from scripts.common.repo import Repo, markdown_files
from scripts.nomination import visible
from scripts.nomination.checker import (
    CheckContext,
    FileResult,
    check,
    check_files,
    generated_problems,
    link_problems,
)
from scripts.nomination.decoding import BOM, decode, encode_like
from scripts.nomination.frontmatter import split
from scripts.nomination.loader import load_bytes
from scripts.nomination.problems import Problem
from scripts.nomination.reporters import add_format_argument, print_problems

NAME = "validate"
HELP = "kiểm tra các tệp giới thiệu (mặc định: content/nominations và content/published)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp .md hoặc thư mục cần kiểm tra")
    add_format_argument(parser)
    parser.add_argument("--fix", action="store_true",
                        help="tự sửa điều an toàn: bảng mã cũ nhận ra chắc chắn → UTF-8, chữ NFD → NFC")
    parser.add_argument("--jobs", type=int, default=None,
                        help="số tiến trình song song (mặc định: số lõi của máy)")


def collect(paths: list[str], repo: Repo) -> list[Path]:
    """The .md files named or found under the named folders; both state folders by default."""
    if not paths:
        return [*repo.content_files(), *markdown_files(repo.pages)]
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_absolute():
            path = repo.root / path if not path.exists() else path
        if path.is_dir():
            files.extend(markdown_files(path))
        else:
            files.append(path)
    return files


def _fix(result: FileResult, path: Path, ctx: CheckContext) -> str | None:
    """Rewrite one file when a safe fix applies; the reason, or None when nothing was done."""
    if result.legacy_text is not None:
        text = result.legacy_text
        crlf = "\r\n" in text
        atomic_write(path, encode_like(text.replace("\r\n", "\n"), crlf))
        return "đã chuyển từ bảng mã cũ sang UTF-8 (NFC)"
    if any(p.code == "encoding.nfd" for p in result.problems):
        raw = path.read_bytes()
        decoded = decode(raw)
        data = (BOM if decoded.had_bom else b"") + encode_like(decoded.text, decoded.crlf)
        atomic_write(path, data)
        return "đã chuyển chữ tổ hợp (NFD) sang dạng dựng sẵn (NFC)"
    if any(p.code in _INVISIBLE_FIXES for p in result.problems):
        decoded = decode(path.read_bytes())
        text = decoded.text
        yaml_text, _, body, _ = split(text)
        start = text.index("\n") + 1  # after the opening ---
        closing = text[start + len(yaml_text):len(text) - len(body)]
        front, body = visible.repair(yaml_text, body)
        text = text[:start] + front + closing + body
        data = (BOM if decoded.had_bom else b"") + encode_like(text, decoded.crlf)
        worse = _new_errors(result, data, path, ctx)
        if worse:
            # A no-break space the YAML read as part of a name or an indent: removing it would
            # change what the file says. The file stays as it was.
            return (f"không tự sửa được (sau khi sửa, dòng {worse[0].line} sẽ có lỗi: "
                    f"{worse[0].message}); hãy sửa tay")
        atomic_write(path, data)
        return "đã bỏ ký tự vô hình, đổi dấu cách không ngắt và ngoặc kép cong thành ký tự thường"
    return None


def _new_errors(result: FileResult, data: bytes, path: Path, ctx: CheckContext) -> list[Problem]:
    """The errors ``data`` would have at ``path`` that the file has not now."""
    loaded = load_bytes(data, path, ctx.repo)
    problems = loaded.problems + (check(loaded.nomination, ctx) if loaded.nomination else [])
    before = {(p.code, p.field) for p in result.problems if p.is_error}
    return [p for p in problems if p.is_error and (p.code, p.field) not in before]


_INVISIBLE_FIXES = {"text.hidden", "text.curly-quotes"}


def run(args: argparse.Namespace) -> int:
    repo = Repo.at(args.root)
    ctx = CheckContext.for_repo(repo)
    files = collect(args.paths, repo)
    every_file = files if not args.paths else None
    results = check_files(files, ctx, args.jobs, every_file)
    if args.fix:
        fixed = []
        for path, result in zip(files, results, strict=True):
            reason = _fix(result, path, ctx)
            if reason:
                sys.stderr.write(f"{result.rel}: {reason}\n")
                fixed.append(path)
        if fixed:
            again = {r.rel: r for r in check_files(fixed, ctx, args.jobs)}
            results = [again.get(r.rel, r) for r in results]
    problems = [p for result in results for p in result.problems]
    if not args.paths:
        problems += link_problems(repo) + generated_problems(repo)
    return print_problems(args.format, problems, len(files), sys.stdout)
