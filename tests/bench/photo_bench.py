"""Benchmark: photos of a phone, processed for the site (scripts/images/).

Targets: a 12-megapixel phone JPEG gives a phone-width variant (960 px, what a phone of 390 CSS
px at 2× picks from srcset) of at most 120 KB; a rebuild with no new photo spends at most 0.2 s
on 100 photos. Also reported: 100 new photos on 2 cores (fork_map). Run with `make bench`
(or `python -m tests.bench.photo_bench --photos N`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.common.parallel import fork_map
from scripts.images.library import PhotoLibrary
from tests.images.photos import COMMENT_SENTINEL, phone_photo

TARGET_PHONE_KB = 120
TARGET_REBUILD_SECONDS = 0.2
PHONE_WIDTH = 960


def _copies(data: bytes, count: int) -> list[bytes]:
    """``count`` different files of the same scene: the comment differs, so every hash differs
    and every photo is decoded and encoded in full, as a new photo would be."""
    width = len(COMMENT_SENTINEL)
    return [data.replace(COMMENT_SENTINEL, f"{index:0{width}d}".encode(), 1) for index in range(count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-photos-"))
    try:
        print("Generating a 12-megapixel phone JPEG (4000×3000, Exif GPS) ...", flush=True)
        photo = phone_photo(4000, 3000)
        folder = work / "content" / "images" / "2026-11"
        folder.mkdir(parents=True)
        srcs = []
        for index, data in enumerate(_copies(photo, args.photos)):
            (folder / f"anh-{index:03d}.jpg").write_bytes(data)
            srcs.append(f"images/2026-11/anh-{index:03d}.jpg")
        library = PhotoLibrary(work / "content", work / "cache")

        start = time.perf_counter()
        one = library.process(srcs[0])
        single = time.perf_counter() - start
        start = time.perf_counter()
        fork_map(library.process, srcs[1:], jobs=args.jobs, from_count=2)
        batch = time.perf_counter() - start + single
        start = time.perf_counter()
        again = PhotoLibrary(work / "content", work / "cache")
        for src in srcs:
            again.process(src)
        rebuild = time.perf_counter() - start

        print(f"\nSource: {len(photo) / 1024:,.0f} KB, 4000×3000 JPEG with Exif GPS, XMP, comment\n")
        print("| variant | size | bytes |")
        print("|---|---|---|")
        for variant in one.variants:
            size = library.file_of(one, variant).stat().st_size
            print(f"| {variant.name} | {variant.width}×{variant.height} | {size / 1024:,.1f} KB |")
        phone = max(library.file_of(one, v).stat().st_size for v in one.variants
                    if v.width == PHONE_WIDTH) / 1024
        rows = [
            ("one photo, all variants", f"{single:.2f} s", ""),
            (f"{args.photos} new photos, {args.jobs} cores", f"{batch:.1f} s", ""),
            (f"rebuild, {args.photos} photos, nothing new", f"{rebuild:.3f} s",
             f"≤ {TARGET_REBUILD_SECONDS} s"),
            (f"phone-width ({PHONE_WIDTH} px) variant, WebP or JPEG", f"{phone:.0f} KB",
             f"≤ {TARGET_PHONE_KB} KB"),
        ]
        print("\n| measure | figure | target |\n|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        ok = phone <= TARGET_PHONE_KB and rebuild <= TARGET_REBUILD_SECONDS
        print("\nTargets met." if ok else "\nTARGET MISSED.")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
