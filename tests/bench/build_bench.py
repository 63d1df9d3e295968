"""Benchmark: build the column from generated stories, beside plain Pelican on the same stories.

For each size (1,000 and 5,000 by default) it times, in separate processes:
- our pipeline: Pelican with the column plugin and theme (loader, checker, public view, nh3),
  and again with a public address, as ``make publish`` builds it (posters with QR codes);
- plain Pelican: its own Markdown reader and default theme, the same titles and bodies written
  with Pelican's native metadata;
- both again with Pelican's content cache, after one story is added to an already cached site;
- Pagefind indexing our output, on its own.
Targets on this 2-core machine: our full build at most 1.3x plain Pelican's time, peak memory at
most 1.5x. A benchmark, not a test: `make bench-site` (or `python -m tests.bench.build_bench`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from scripts.nomination.frontmatter import split
from tests.bench.generate import ROOT, generate, nomination
from tests.bench.measure import Figures, run

TARGET_TIME = 1.3
TARGET_MEMORY = 1.5
TODAY = "2026-11-27"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PLAIN_CONF = """\
# Plain Pelican: its defaults (Markdown reader, default theme), nothing of the column.
PATH = "content"
ARTICLE_PATHS = ["published"]
PLUGINS = []
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
SITEURL = ""
"""
CACHE = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
ADDRESS = "https://dien-hinh-tien-tien.example"


def ours_site(work: Path, count: int) -> Path:
    site = work / "ours"
    generate(site, count)
    for name in ("theme",):
        shutil.copytree(ROOT / name, site / name)
    shutil.copytree(ROOT / "content" / "pages", site / "content" / "pages")
    shutil.copy(ROOT / "pelicanconf.py", site / "pelicanconf.py")
    return site


def plain_story(text: str, slug: str) -> str:
    """The same story with Pelican's native "Key: value" metadata (the slug from the file name,
    as ours: generated titles repeat)."""
    front, _, body, _ = split(text)
    meta = yaml.load(front, Loader=_LOADER)
    header = [
        f"Title: {meta['title']}",
        f"Date: {meta['review']['on']}",
        f"Category: {meta['field']}",
        f"Summary: {meta['summary']}",
        f"Slug: {slug}",
    ]
    return "\n".join(header) + "\n\n" + body


def plain_site(work: Path, ours: Path) -> Path:
    site = work / "plain"
    for path in sorted((ours / "content" / "published").rglob("*.md")):
        target = site / path.relative_to(ours)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_story(path.read_text("utf-8"), path.stem), "utf-8")
    (site / "pelicanconf.py").write_text(PLAIN_CONF, "utf-8")
    return site


def pelican(site: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pelican", str(site / "content"), "-o", str(site / "output"),
            "-s", str(site / "pelicanconf.py"), "-q", *extra]


def add_story(site: Path, index: int, plain: bool) -> None:
    import random

    slug, text = nomination(random.Random(index), index, "2026-10", published=True)
    folder = site / "content" / "published" / "2026-10"
    (folder / f"{slug}.md").write_text(plain_story(text, slug) if plain else text, "utf-8")


def rebuild(site: Path, runs: int, start: int, plain: bool) -> Figures:
    """A cached site gets one new story, then is built again: the figure is that build."""
    shutil.rmtree(site / "output", ignore_errors=True)
    shutil.rmtree(site / "cache", ignore_errors=True)
    run(pelican(site, *CACHE), runs=1, warmup=0, cwd=str(site))  # fills the cache
    walls, peaks, cpus = [], [], []
    for offset in range(runs):
        add_story(site, start + offset, plain)
        figures = run(pelican(site, *CACHE), runs=1, warmup=0, cwd=str(site))
        walls += figures.walls
        cpus += figures.cpus
        peaks.append(figures.peak_mib)
    return Figures(walls, max(peaks), [0], cpus)


def measure(count: int, runs: int, work: Path) -> list[tuple[str, Figures]]:
    ours = ours_site(work, count)
    plain = plain_site(work, ours)
    rows = [
        ("plain Pelican, full build", run(pelican(plain), runs=runs, cwd=str(plain))),
        ("ours, full build", run(pelican(ours), runs=runs, cwd=str(ours))),
        # As make publish builds: with a public address every poster carries its QR code.
        ("ours, full build, public address", run(
            pelican(ours, "-e", f'SITEURL="{ADDRESS}"'), runs=runs, cwd=str(ours))),
        ("plain Pelican, cached, +1 story", rebuild(plain, runs, 90_000, plain=True)),
        ("ours, cached, +1 story", rebuild(ours, runs, 90_000, plain=False)),
        ("Pagefind, indexing our output", run(
            [sys.executable, "-m", "pagefind", "--site", str(ours / "output"), "--quiet"], runs=runs,
            cwd=str(ours))),
    ]
    for name, figures in rows:
        if any(figures.codes):
            raise SystemExit(f"{name}: the command failed ({figures.codes})")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=1, help="timed runs of each build (median)")
    args = parser.parse_args(argv)
    os.environ["DIEN_HINH_TODAY"] = TODAY  # the generated review dates must not be "in the future"
    os.environ["PYTHONPATH"] = str(ROOT)
    results = {}
    for count in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="bench-site-"))
        try:
            print(f"Building {count} generated stories in {work} ...", flush=True)
            results[count] = measure(count, args.runs, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'stories':>7}  {'build':34} {'wall s':>7} {'× plain':>8} {'CPU s':>7} {'× plain':>8} "
          f"{'peak MiB':>9} {'× plain':>8}")
    verdicts = []
    for count, rows in results.items():
        plain = dict(rows)["plain Pelican, full build"]
        plain_cached = dict(rows)["plain Pelican, cached, +1 story"]
        for name, figures in rows:
            base = plain_cached if "cached" in name else plain
            time_ratio = figures.median / base.median
            cpu_ratio = figures.cpu / base.cpu
            memory_ratio = figures.peak_mib / base.peak_mib
            print(f"{count:>7}  {name:34} {figures.median:7.2f} {time_ratio:8.2f} {figures.cpu:7.2f} "
                  f"{cpu_ratio:8.2f} {figures.peak_mib:9.1f} {memory_ratio:8.2f}")
        ours = dict(rows)["ours, full build"]
        met = ours.median <= TARGET_TIME * plain.median and ours.peak_mib <= TARGET_MEMORY * plain.peak_mib
        verdicts.append(f"{count} stories: {'met' if met else 'NOT met'}")
    print(f"\nTarget (our full build ≤ {TARGET_TIME}× plain Pelican's time, ≤ {TARGET_MEMORY}× its "
          f"peak memory): " + "; ".join(verdicts))
    print("Cached rows compare with plain Pelican's cached rebuild; Pagefind with plain's full build.")
    print("Wall time depends on what else the machine runs; CPU time (user + system) is steadier.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
