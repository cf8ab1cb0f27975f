"""How long the `ticketflow` command takes to start, against a bare `python -c pass`.

Run from the repository root (it uses the `ticketflow` script beside this Python):

    python -m bench.cli [runs]

Each case runs `runs` times (default 7) in a scratch directory with the embedded
SQLite default (migrated once before timing); it prints the median wall time and
the median CPU time (user + system) of each, and their ratios to the baseline.
Goals: `--help` under 0.3 s, `users list` under 1 s.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("ticketflow")
BASELINE = "python -c pass"


def cases() -> list[tuple[str, list[str]]]:
    return [
        (BASELINE, [sys.executable, "-c", "pass"]),
        ("ticketflow --help", [str(SCRIPT), "--help"]),
        ("ticketflow users list", [str(SCRIPT), "users", "list"]),
        ("ticketflow users add --help", [str(SCRIPT), "users", "add", "--help"]),
    ]


def run_once(argv: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(runs: int = 7) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TICKETFLOW_", "Microsoft"))}
    load_before = os.getloadavg()[0]  # wall times mean little on a busy machine: say how busy
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as scratch:
        cwd = Path(scratch)
        subprocess.run([str(SCRIPT), "migrate"], cwd=cwd, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        walls: dict[str, list[float]] = {name: [] for name, _ in cases()}
        cpus: dict[str, list[float]] = {name: [] for name, _ in cases()}
        for _ in range(runs):  # interleaved, so a burst of load on the machine hits every case
            for name, argv in cases():
                wall, cpu = run_once(argv, cwd=cwd, env=env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    base_wall, base_cpu = statistics.median(walls[BASELINE]), statistics.median(cpus[BASELINE])
    print(f"{'case':<30} {'wall s':>8} {'cpu s':>8} {'wall ×':>8} {'cpu ×':>8}   "
          f"(median of {runs} runs; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after)")
    for name in walls:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"{name:<30} {wall:8.3f} {cpu:8.3f} {wall / base_wall:8.1f} {cpu / base_cpu:8.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
