"""The commands a message tells a person to run, written the way that works for them.

Editors build with ``make`` (which creates .venv on first use); the council runs the review
commands with the virtual environment's Python. A bare ``python -m scripts`` fails outside .venv,
so no message says it.
"""

from __future__ import annotations

SCRIPTS = ".venv/bin/python -m scripts"


def validate(rel: str = "", fix: bool = False) -> str:
    """``make validate``, for one file when ``rel`` is given, with ``--fix`` when asked."""
    return "make validate" + (" FIX=1" if fix else "") + (f" FILE={rel}" if rel else "")


def scripts(words: str) -> str:
    """A ``python -m scripts`` command through the virtual environment, e.g. ``scripts("withdraw")``."""
    return f"{SCRIPTS} {words}"
