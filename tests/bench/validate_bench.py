"""Benchmark: validate 10,000 generated nominations, beside check-jsonschema on their front matter.

Target on a 2-core machine: 10,000 files in at most 2.0 s wall (median of three runs) with a peak
under 200 MB. Run with `make bench` (or `python -m tests.bench.validate_bench --files N`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from scripts.nomination.frontmatter import split
from tests.bench.generate import ROOT, generate
from tests.bench.measure import run

TARGET_SECONDS = 2.0
TARGET_MIB = 200


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference-runs", type=int, default=1,
                        help="runs of check-jsonschema (slow: about 2 ms a file)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        print(f"Generating {args.files} nominations in {work} ...", flush=True)
        paths = generate(work, args.files)
        front = work / "front-matter"
        front.mkdir()
        for path in paths:
            yaml_text = split(path.read_text(encoding="utf-8"))[0]
            (front / f"{path.stem}.yaml").write_text(yaml_text, encoding="utf-8")

        ours = run([sys.executable, "-m", "scripts", "--root", str(work), "validate"],
                   runs=args.runs, cwd=str(ROOT))
        check_jsonschema = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
        reference = run(
            [check_jsonschema, "--schemafile", str(work / "schema" / "nomination.schema.json"),
             *map(str, sorted(front.iterdir()))],
            runs=args.reference_runs, warmup=0,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if any(ours.codes) or any(reference.codes):
        print(f"A command failed: validate exit codes {ours.codes}, check-jsonschema {reference.codes}")
        return 1
    rows = [
        ("python -m scripts validate", ours),
        ("check-jsonschema (front matter only)", reference),
    ]
    print(f"\n{args.files} files, median of {args.runs} runs (check-jsonschema: {args.reference_runs})")
    print(f"{'command':40} {'wall s':>8} {'files/s':>9} {'peak MiB':>9}   runs")
    for name, figures in rows:
        runs = ", ".join(f"{w:.2f}" for w in figures.walls)
        print(f"{name:40} {figures.median:8.2f} {args.files / figures.median:9.0f} "
              f"{figures.peak_mib:9.1f}   {runs}")
    print(f"speed-up over check-jsonschema: {reference.median / ours.median:.1f}x")
    met = ours.median <= TARGET_SECONDS * args.files / 10_000 and ours.peak_mib < TARGET_MIB
    print(f"target ({TARGET_SECONDS} s per 10,000 files, < {TARGET_MIB} MiB): {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
