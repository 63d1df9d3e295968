"""Run one task over many files on every core, in forked workers that inherit the parent's state.

Forking lets the workers share what the parent already built (the compiled schema, the unit
registry, Pelican's settings) instead of each building or unpickling it again.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

PARALLEL_FROM = 200
"""Below this many files one process is faster than starting workers."""

_TASK: Callable | None = None


def _run_task(item):
    assert _TASK is not None
    return _TASK(item)


def worth_forking(count: int, jobs: int | None = None, from_count: int = PARALLEL_FROM) -> bool:
    jobs = jobs or os.cpu_count() or 1
    return jobs > 1 and count >= from_count and "fork" in multiprocessing.get_all_start_methods()


def fork_map(
    task: Callable, items: Sequence, jobs: int | None = None, from_count: int = PARALLEL_FROM,
) -> list:
    """``[task(item) for item in items]``, in forked workers when that pays; order is kept.

    ``task`` reaches the workers through a module global inherited at fork, so it may be a
    closure or a bound method that could not be pickled. ``from_count`` is where forking pays:
    lower for long tasks (a photo takes half a second, a nomination a millisecond).
    """
    jobs = jobs or os.cpu_count() or 1
    if not worth_forking(len(items), jobs, from_count):
        return [task(item) for item in items]
    global _TASK
    _TASK = task
    try:
        # Small chunks, so that no worker is left alone with a long last chunk.
        # Few long tasks (photos) go one at a time.
        chunk = max(8, len(items) // (jobs * 32)) if len(items) >= PARALLEL_FROM else 1
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_task, items, chunksize=chunk))
    finally:
        _TASK = None
