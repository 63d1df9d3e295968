"""The folders the build makes, output/ and cache/, come only from the machine that builds.

Both are git-ignored, but ``git add -f`` passes .gitignore. A committed cache/images/ gave a
polyglot a "sound" verdict and had "variants" published that were originals with their GPS
position (the keys are hashes anyone can compute); a committed output/ keeps what the build does
not overwrite: the theme's folder is kept whole, so a page of the contributor's would be served
from the site's address without the site's Content-Security-Policy.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

FOLDERS = ("output", "cache")


@functools.lru_cache(maxsize=8)
def committed(root: Path) -> tuple[str, ...]:
    """The first file git tracks in each generated folder of ``root``; none outside a git work
    tree, where nothing can arrive by a commit."""
    try:
        done = subprocess.run(["git", "ls-files", "-z", "--", *FOLDERS], cwd=root,
                              capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    firsts: dict[str, str] = {}
    for name in done.stdout.decode("utf-8", "replace").split("\0") if done.returncode == 0 else ():
        if name:
            firsts.setdefault(name.split("/", 1)[0], name)
    return tuple(firsts.values())


def refusal(path: str) -> str:
    """Why ``path``, a committed file of a generated folder, stops the build (Vietnamese)."""
    folder = path.split("/", 1)[0]
    return (f"kho đang chứa {path}: thư mục {folder}/ chỉ do máy dựng trang tạo ra, không được đưa "
            f"vào git; hãy chạy \"git rm -r --cached {folder}\" rồi commit")
