"""Start-up time of the ``makna`` command (issue #12): ``makna --help`` and ``makna sources`` against
``python -c pass``, the floor no Python command can beat.

Each command runs ``--runs`` times as a fresh process (as hyperfine does), alternating between the
commands so that a burst of load on the machine hits all of them alike; the best and median CPU
time (user + system, from ``wait4``: what the start costs, whatever else the machine runs) and wall
time are printed, with the difference to the floor. On an idle machine wall time is about CPU time.
The ``makna`` console script is run through the same
interpreter (``python -m makna.cli``-like: ``python -c "from makna.cli import main; main()"``), so
that a version manager's shim (pyenv adds about 0.2 s of bash) is not counted.

    python benchmarks/startup_bench.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRY = "import sys; from makna.cli import main; sys.argv[0] = 'makna'; main()"


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"), env.get("PYTHONPATH", "")])
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "study.makna"
        sample = Path(tmp) / "informan-01.txt"
        sample.write_text("P: Apa kabar?\nI: Baik, terima kasih.\n", encoding="utf-8")
        for step in (["init", str(project), "--name", "bench"], ["import", str(sample), "-p", str(project)]):
            subprocess.run([sys.executable, "-c", ENTRY, *step], env=env, check=True, capture_output=True)
        commands = {
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
            "makna --help": [sys.executable, "-c", ENTRY, "--help"],
            "makna sources -p X": [sys.executable, "-c", ENTRY, "sources", "-p", str(project)],
            "import makna": [sys.executable, "-c", "import makna"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for cmd in commands.values():  # warm the file cache and the .pyc files
            _time(cmd, env)
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd, env))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.runs} runs each; load average {os.getloadavg()[0]:.1f}")
    floor = min(cpu for _, cpu in times["python -c pass (floor)"])
    print(f"{'command':<26} {'CPU best':>9} {'CPU median':>11} {'wall best':>10} {'wall median':>12} "
          f"{'CPU - floor':>12}")
    for name, values in times.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(f"{name:<26} {min(cpus):>8.3f}s {statistics.median(cpus):>10.3f}s {min(walls):>9.3f}s "
              f"{statistics.median(walls):>11.3f}s {min(cpus) - floor:>11.3f}s")


if __name__ == "__main__":
    main()
