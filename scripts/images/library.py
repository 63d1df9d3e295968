"""The repository's photos as the site and the forward bundle use them: read safely, judged once,
re-encoded once.

The build caches everything by the hash of the file's bytes and of the processing settings
(Pillow's version included) in the git-ignored cache/images/, so a rebuild with no new photo
decodes nothing and a change of settings makes every variant again. Its verdict (sound, or
refused with the reason) is cached beside the variants; ``check`` (validate, approve) reads a
cached verdict but never writes into the repository, judging an uncached photo afresh (a
scaled-down decode, a few tens of milliseconds for a 12-megapixel JPEG).

The cache is trusted because this machine wrote it: a cache that git tracks came from a
contributor (``scripts.common.generated``) and is refused, with a message, by every check and
build. Each variant's size is recorded, so a variant cut short (a full disk) is made again
rather than published, and an entry that cannot be read whole is judged again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from scripts.common import generated
from scripts.common.fileops import atomic_write
from scripts.common.parallel import fork_map
from scripts.common.repo import Repo
from scripts.images.container import SUFFIXES, NotAnImage
from scripts.images.encode import Processing, encode
from scripts.images.soundness import Sound, check_bytes

MAX_FILE_BYTES = 40 * 1024 * 1024
"""A phone's 50-megapixel JPEG is about 15 MB; anything larger is refused before it is read."""


@dataclass(frozen=True)
class Variant:
    name: str
    width: int
    height: int

    @property
    def format(self) -> str:
        return self.name.rsplit(".", 1)[1]


@dataclass(frozen=True)
class Processed:
    """One published photo: its variants, each at ``images/<key>/<name>`` under the site root."""

    key: str
    variants: tuple[Variant, ...]

    def url(self, variant: Variant) -> str:
        return f"images/{self.key}/{variant.name}"

    def of(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt and v.name != "og.jpg"]

    @property
    def fallback(self) -> Variant:
        """The largest JPEG or PNG: the <img> every browser can show."""
        return [v for v in self.variants if v.format != "webp" and v.name != "og.jpg"][-1]

    @property
    def og(self) -> Variant:
        return next(v for v in self.variants if v.name == "og.jpg")

    def srcset(self, fmt: str, prefix: str = "") -> str:
        return ", ".join(f"{prefix}{self.url(v)} {v.width}w" for v in self.of(fmt))


class PhotoLibrary:
    def __init__(self, content: Path, cache: Path, processing: Processing | None = None,
                 committed: str | None = None) -> None:
        self.content = content
        self.cache = cache
        self.processing = processing or Processing()
        self.committed = committed
        """A file of the cache that git tracks (``generated.committed``): nothing is trusted."""
        self._fingerprint = self.processing.fingerprint().encode()

    def check(self, src: str) -> Sound:
        """The photo at ``src`` (relative to content/) judged sound, or ``NotAnImage``."""
        path = self._path(src)
        key = self._known(src, path)
        if key and (verdict := self._cached_verdict(key)):
            return _sound(verdict)
        data, key, _ = self._read(src, path)
        return self._verdict(data, key, src, remember=False)

    def process(self, src: str) -> Processed:
        """The photo's variants, made now or found in the cache; ``NotAnImage`` when unsound."""
        path = self._path(src)
        key = self._known(src, path)
        if key and (found := self.cached(key)):
            return found
        data, key, stat = self._read(src, path)
        if found := self.cached(key):
            self._remember_path(src, stat, key)
            return found
        sound = self._verdict(data, key, src, remember=True)
        encoded = encode(data, sound.kind, self.processing)
        folder = self.cache / key
        folder.mkdir(parents=True, exist_ok=True)
        for variant in encoded:
            atomic_write(folder / variant.name, variant.data)
        listed = [[v.name, v.width, v.height, len(v.data)] for v in encoded]
        # Written last: the entry is whole.
        atomic_write(folder / "variants.json", json.dumps(listed).encode("utf-8"))
        self._remember_path(src, stat, key)
        return _processed(key, listed)

    def key(self, src: str) -> str:
        """The cache key of the photo at ``src``: its bytes hashed (once), nothing decoded."""
        path = self._path(src)
        if known := self._known(src, path):
            return known
        _, key, stat = self._read(src, path)
        self._remember_path(src, stat, key)
        return key

    def cached(self, key: str) -> Processed | None:
        """The variants cached under ``key`` when every one is there whole (its recorded size)."""
        try:
            listed = json.loads((self.cache / key / "variants.json").read_text("utf-8"))
            if listed and all(os.stat(self.cache / key / name).st_size == size
                              for name, _, _, size in listed):
                return _processed(key, listed)
        except (OSError, ValueError, TypeError):
            pass
        return None

    def prepare(self, srcs: list[str]) -> None:
        """Make the variants of the photos not cached yet, on every core. A photo that cannot be
        read or is refused is left for the checker, which reports it on its file and field."""
        fork_map(self._try_process, [src for src in dict.fromkeys(srcs) if self._is_new(src)],
                 from_count=2)

    def _is_new(self, src: str) -> bool:
        try:
            key = self._known(src, self._path(src))
        except (NotAnImage, OSError):
            return False
        return not (key and self.cached(key))

    def _try_process(self, src: str) -> None:
        with contextlib.suppress(NotAnImage):
            self.process(src)

    def file_of(self, processed: Processed, variant: Variant) -> Path:
        return self.cache / processed.key / variant.name

    def _known(self, src: str, path: Path) -> str | None:
        """The key of ``src`` when its file is unchanged since it was processed (size, times and
        inode, as git's index does): a rebuild with no new photo reads no photo."""
        try:
            entry = json.loads(self._path_entry(src).read_text("utf-8"))
            return entry["key"] if entry["stat"] == _stat(path) else None
        except (OSError, ValueError, KeyError):
            return None

    def _remember_path(self, src: str, stat: list[int], key: str) -> None:
        """``stat`` is the file's as it was read: a change during the read is seen next time."""
        entry = self._path_entry(src)
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(entry, json.dumps({"stat": stat, "key": key}).encode("utf-8"))

    def _path_entry(self, src: str) -> Path:
        # Named by the settings too: other settings make other keys for the same file.
        name = hashlib.sha256(self._fingerprint + b"\0" + src.encode("utf-8")).hexdigest()[:24]
        return self.cache / "paths" / f"{name}.json"

    def _read(self, src: str, path: Path) -> tuple[bytes, str, list[int]]:
        try:
            # O_NOFOLLOW: the last component cannot be swapped for a symlink after the checks;
            # O_NONBLOCK: a FIFO named like a photo does not hang the build.
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
            handle = os.open(path, flags)
        except FileNotFoundError:
            raise NotAnImage(f"không tìm thấy tệp ảnh content/{src}") from None
        except OSError as err:
            raise NotAnImage(f"không đọc được tệp ảnh content/{src} ({err.strerror})") from None
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            os.close(handle)
            raise NotAnImage(f"content/{src} không phải tệp ảnh thường")
        if info.st_size > MAX_FILE_BYTES:
            os.close(handle)
            raise NotAnImage(f"tệp ảnh nặng {info.st_size // 1048576} MB, quá giới hạn "
                             f"{MAX_FILE_BYTES // 1048576} MB; hãy thu nhỏ ảnh")
        with os.fdopen(handle, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        # The name's suffix is part of the key: the same bytes named .jpg and .png are judged apart.
        suffix = path.suffix.lower().encode()
        digest = hashlib.sha256(self._fingerprint + b"\0" + suffix + b"\0" + data).hexdigest()[:24]
        return data, digest, _stat_list(info)

    def _path(self, src: str) -> Path:
        """``src`` under content/, with no symlink on the way and no way out of content/.

        Every use of the cache starts here, so a committed cache is refused before it is read."""
        if self.committed:
            raise NotAnImage(generated.refusal(self.committed))
        parts = Path(src).parts
        if "\\" in src:
            raise NotAnImage("đường dẫn ảnh dùng dấu \"/\" giữa các thư mục, không dùng \"\\\"")
        if not parts or Path(src).is_absolute() or ".." in parts or "\x00" in src:
            raise NotAnImage("đường dẫn ảnh phải tương đối, nằm trong thư mục content/")
        path = self.content
        for part in parts:
            path = path / part
            if path.is_symlink():
                raise NotAnImage(f"content/{src} đi qua liên kết tượng trưng (symlink) "
                                 f"{self._rel(path)}; hãy đặt tệp ảnh thật")
        return path

    def _rel(self, path: Path) -> str:
        return "content/" + path.relative_to(self.content).as_posix()

    def _verdict(self, data: bytes, key: str, src: str, remember: bool) -> Sound:
        verdict = self._cached_verdict(key)
        if verdict is None:
            try:
                sound = check_bytes(data, Path(src).suffix)
                verdict = {"kind": sound.kind, "width": sound.width, "height": sound.height}
            except NotAnImage as err:
                verdict = {"refused": str(err)}
            if remember:
                file = self.cache / key / "verdict.json"
                file.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(file, json.dumps(verdict, ensure_ascii=False).encode("utf-8"))
        return _sound(verdict)

    def _cached_verdict(self, key: str) -> dict | None:
        """The verdict cached under ``key``, or None when there is none that can be read whole."""
        try:
            verdict = json.loads((self.cache / key / "verdict.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        whole = isinstance(verdict, dict) and (
            isinstance(verdict.get("refused"), str)
            or (verdict.get("kind") in SUFFIXES.values()
                and all(isinstance(verdict.get(n), int) for n in ("width", "height")))
        )
        return verdict if whole else None


def _sound(verdict: dict) -> Sound:
    if "refused" in verdict:
        raise NotAnImage(verdict["refused"])
    return Sound(verdict["kind"], verdict["width"], verdict["height"])


def _stat(path: Path) -> list[int]:
    return _stat_list(os.lstat(path))


def _stat_list(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def photo_library(repo: Repo) -> PhotoLibrary:
    """The repository's photos, cached in its git-ignored cache/images/."""
    cache = next((path for path in generated.committed(repo.root) if path.startswith("cache/")), None)
    return PhotoLibrary(repo.content, repo.root / "cache" / "images", committed=cache)


def _processed(key: str, listed: list) -> Processed:
    return Processed(key, tuple(Variant(name, width, height) for name, width, height, _ in listed))
