"""Writes that never leave a half-written file: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename; on any failure the old file is untouched."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    temp = write_beside(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_beside(path: Path, data: bytes, mode: int = 0o644) -> Path:
    """Write ``data`` to a new hidden temporary file in ``path``'s folder, flushed to disk.

    The caller renames it over ``path`` (one atomic step) or removes it.
    """
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)
