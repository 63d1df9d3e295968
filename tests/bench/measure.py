"""Time a whole command and read its peak memory, with the standard library only."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

# Runs the command as its child, so that RUSAGE_CHILDREN holds that command and the workers it
# waited for: ru_maxrss is then the peak of the largest single process, in KiB on Linux.
_PROBE = (
    "import resource, subprocess, sys, time, json\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "wall = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "cpu = usage.ru_utime + usage.ru_stime\n"
    "print(json.dumps({'wall': wall, 'peak_kib': usage.ru_maxrss, 'cpu': cpu, 'code': code}))\n"
)


@dataclass
class Figures:
    walls: list[float]
    peak_mib: float
    codes: list[int]
    cpus: list[float] = field(default_factory=list)
    """CPU seconds (user + system) of each run: steadier than wall time on a shared machine."""

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus) if self.cpus else float("nan")


def run(command: list[str], runs: int = 3, warmup: int = 1, cwd: str | None = None) -> Figures:
    walls, peaks, codes, cpus = [], [], [], []
    for index in range(warmup + runs):
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, *command], cwd=cwd, capture_output=True, text=True, check=True
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        if index >= warmup:
            walls.append(figures["wall"])
            peaks.append(figures["peak_kib"])
            codes.append(figures["code"])
            cpus.append(figures["cpu"])
    return Figures(walls, max(peaks) / 1024, codes, cpus)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
