"""Start-up time of the ``makna`` command (issue #12): ``makna --help`` and ``makna sources`` against
``python -c pass``, the floor no Python command can beat.

Each command runs ``--runs`` times as a fresh process (as hyperfine does), alternating between the
commands so that a burst of load on the machine hits all of them alike; the best and median wall
times are printed, with the ratio to the floor. The ``makna`` console script is run through the same
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


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


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
        times: dict[str, list[float]] = {name: [] for name in commands}
        for cmd in commands.values():  # warm the file cache and the .pyc files
            _time(cmd, env)
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd, env))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.runs} runs each")
    floor = min(times["python -c pass (floor)"])
    print(f"{'command':<26} {'best':>8} {'median':>8} {'best - floor':>13}")
    for name, values in times.items():
        best = min(values)
        print(f"{name:<26} {best:>7.3f}s {statistics.median(values):>7.3f}s {best - floor:>12.3f}s")


if __name__ == "__main__":
    main()
