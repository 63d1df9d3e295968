"""Benchmark: adversarial story bodies at 10 KB, 100 KB and 1 MiB, validated and built.

"validate" is loading and checking one file as ``python -m scripts validate`` does; "build" is
what the site reader does for one story (load, check, and render when the checker accepts it).
Targets at 1 MiB: at most 0.5 s to validate, 2 s to build. Ordinary prose must be accepted up
to at least 100 KB. Run with `make bench` (or `python -m tests.bench.hostile_bench`).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.common.repo import Repo
from scripts.nomination.body import MAX_OPEN_BRACKETS
from scripts.nomination.checker import CheckContext, check_file
from scripts.publishing.render import render
from tests.bench.generate import ROOT

SIZES = {"10 KB": 10_000, "100 KB": 100_000, "1 MiB": 1 << 20}
TARGET_VALIDATE = 0.5
TARGET_BUILD = 2.0
PROSE = ("Chị Lương Thị Hồng Nhung mở lớp dạy bơi miễn phí cho các em nhỏ ở tổ dân phố Đông Hải, "
         "mỗi sáng sớm khi nước còn lặng.")


def _paragraphs(size: int) -> str:
    out, total = [], 0
    while total < size:
        paragraph = " ".join([PROSE] * 6)
        out.append(paragraph)
        total += len(paragraph.encode()) + 2
    return "\n\n".join(out)


SHAPES = {
    "văn xuôi thường": _paragraphs,
    "[ lặp lại": lambda n: "[" * n,
    "[a]( lặp lại": lambda n: "[a](" * (n // 4),
    "< lặp lại": lambda n: "<" * n,
    "*a lặp lại": lambda n: "*a" * (n // 2),
    "_a lặp lại": lambda n: "_a" * (n // 2),
    "` lặp lại": lambda n: "`" * n,
    "*_ xen kẽ": lambda n: "*_" * (n // 2),
    "[ trên từng đoạn": lambda n: "\n\n".join(["[" * 7000] * max(n // 7002, 1)),
    "[a]( trên từng đoạn": lambda n: "\n\n".join(["[a](" * 1900] * max(n // 7602, 1)),
    "*a trên từng đoạn": lambda n: "\n\n".join(["*a" * 3900] * max(n // 7802, 1)),
    f"[x [y] {MAX_OPEN_BRACKETS} tầng": lambda n: "\n\n".join(
        [("[x " * MAX_OPEN_BRACKETS + "y]" * MAX_OPEN_BRACKETS + " ") * (7700 // (5 * MAX_OPEN_BRACKETS + 1))]
        * max(n // 7702, 1)),
    "*_ trên từng đoạn": lambda n: "\n\n".join(["*_" * 3900] * max(n // 7802, 1)),
    "![ trên từng đoạn": lambda n: "\n\n".join(["![" * 3900] * max(n // 7802, 1)),
    "!\\[ trên từng đoạn": lambda n: "\n\n".join(["!\\[" * 2600] * max(n // 7802, 1)),
    "bảng nhiều dòng": lambda n: "\n\n".join(["|a|b|\n|-|-|\n" + "|a|b|\n" * 1300] * max(n // 7900, 1)),
    "> - xen kẽ": lambda n: "\n\n".join("".join("> " * (i % 9) + "- a\n" for i in range(40))
                                         for _ in range(n // 600)),
    "danh sách lồng sâu": lambda n: "".join("  " * (i % 200) + "- a\n" for i in range(n // 200)),
    "trích dẫn lồng sâu": lambda n: ">" * n,
    "bảng rộng": lambda n: "|" + "a|" * (n // 4) + "\n|" + "-|" * (n // 4) + "\n",
}


def _measure(repo: Repo, ctx: CheckContext, front: str, body: str) -> tuple[float, float, str]:
    path = repo.nominations / "2026-11" / "do-thu.md"
    path.write_text(front + body, encoding="utf-8")
    start = time.perf_counter()
    result = check_file(path, ctx, keep=True)
    validated = time.perf_counter() - start
    errors = [p for p in result.problems if p.is_error]
    if not errors:
        render(result.nomination.body)
    built = time.perf_counter() - start
    verdict = "nhận" if not errors else "từ chối (" + ", ".join(sorted({p.code for p in errors})) + ")"
    return validated, built, verdict


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        shutil.copytree(ROOT / "schema", work / "schema")
        (work / "content" / "nominations" / "2026-11").mkdir(parents=True)
        repo = Repo.at(work)
        ctx = CheckContext.for_repo(repo, today=dt.date(2026, 11, 27))
        case = (ROOT / "tests" / "cases" / "valid" / "chi-luong-thi-hong-nhung-day-boi.md").read_text("utf-8")
        front = case[:case.index("\n---\n") + 5] + "\n"
        print(f"{'thân bài':<22}{'cỡ':>8}{'validate (s)':>14}{'dựng 1 bài (s)':>16}  kết quả")
        worst_validate = worst_build = 0.0
        prose_ok = True
        for name, make in SHAPES.items():
            for label, size in SIZES.items():
                # A story long enough to pass the word count, then the hostile part: the whole
                # file is exactly the size named (1 MiB is the loader's own limit).
                lead = "" if name == "văn xuôi thường" else _paragraphs(600) + "\n\n"
                body = lead + make(size - len(front.encode()) - len(lead.encode()))
                body = body.encode()[:size - len(front.encode())].decode("utf-8", "ignore")
                validated, built, verdict = _measure(repo, ctx, front, body)
                if size == SIZES["1 MiB"]:
                    worst_validate, worst_build = max(worst_validate, validated), max(worst_build, built)
                if name == "văn xuôi thường" and size <= 100_000 and verdict != "nhận":
                    prose_ok = False
                print(f"{name:<22}{label:>8}{validated:>14.3f}{built:>16.3f}  {verdict}", flush=True)
        ok = worst_validate <= TARGET_VALIDATE and worst_build <= TARGET_BUILD and prose_ok
        print(f"\n1 MiB, chậm nhất: validate {worst_validate:.3f} s (mục tiêu ≤ {TARGET_VALIDATE}), dựng "
              f"{worst_build:.3f} s (mục tiêu ≤ {TARGET_BUILD}); văn xuôi 100 KB được nhận: "
              f"{'có' if prose_ok else 'KHÔNG'} → {'ĐẠT' if ok else 'CHƯA ĐẠT'}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
