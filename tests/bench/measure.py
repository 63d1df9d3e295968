"""Time a whole command and read its peak memory, with the standard library only."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

# Runs the command as its child, so that RUSAGE_CHILDREN holds that command and the workers it
# waited for: ru_maxrss is then the peak of the largest single process, in KiB on Linux.
_PROBE = (
    "import resource, subprocess, sys, time, json\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "wall = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps({'wall': wall, 'peak_kib': peak, 'code': code}))\n"
)


@dataclass
class Figures:
    walls: list[float]
    peak_mib: float
    codes: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def run(command: list[str], runs: int = 3, warmup: int = 1, cwd: str | None = None) -> Figures:
    walls, peaks, codes = [], [], []
    for index in range(warmup + runs):
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, *command], cwd=cwd, capture_output=True, text=True, check=True
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        if index >= warmup:
            walls.append(figures["wall"])
            peaks.append(figures["peak_kib"])
            codes.append(figures["code"])
    return Figures(walls, max(peaks) / 1024, codes)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
