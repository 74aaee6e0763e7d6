"""What a person waits for in a fresh shell with de-identification (issue #11): the first detection in a fresh
process, and ``makna deid scan``, ``deid status`` and ``deid list`` on a one-transcript project, against
``python -c pass`` (the floor no Python command can beat).

Each command runs ``--runs`` times as a fresh process, the commands alternating so that a burst of load on the
machine hits all of them alike; the best and median CPU time (user + system, from ``wait4``) and wall time are
printed. Each tree keeps its compiled patterns in its own cache folder (``MAKNA_CACHE_DIR``, unless set), written by
the warm-up run, as a user's is after a first command. ``--against SRC`` times a second source tree (another
branch's ``src/``, e.g. main's) in the same run, each command of one tree followed by the same command of the
other, and prints the ratio of their median CPU times: on a shared, loaded machine only such side-by-side ratios
mean much.

    python benchmarks/deid_startup_bench.py [--runs 10] [--against ../main/src]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup_bench import ENTRY, _time  # noqa: E402  (the same fresh-process timer)

ROOT = Path(__file__).resolve().parents[1]

TRANSCRIPT = (
    "P: Boleh cerita sedikit tentang pengalaman Uni selama ini?\n"
    "I: Aku Rina, 27 tahun. Asli Solok, sekarang ngekos di Kos Melati Indah dekat Jl. Sudirman No. 12, Padang.\n"
    "P: Pernah ada tamu yang nggak bayar?\n"
    "I: Ada, namanya Bang Dodi, nomornya 0813-7411-2095. Platnya BA 4821 QA. Rugi 300 ribu.\n"
    "P: What about your friend in London?\n"
    "I: Priya lives at 14 Halberd Road, her email is priya.n@example.com and she rides for Zipcart.\n"
)
FIRST_DETECTION = "from makna.privacy import detect; detect('Mbak Tari 0813-7411-2095 di Padang, umur 24 tahun')"


def _env(src: Path, cache: Path | None = None) -> dict[str, str]:
    """The environment of a command of the tree ``src``; ``cache`` is its own folder for the pattern cache
    (``MAKNA_CACHE_DIR``, see ``makna.privacy._rxcache``), unless the caller set that variable: the trees' patterns
    differ, and other users of the machine rewrite the shared one, so one tree's cache must not decide the other's
    time."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    if cache is not None and "MAKNA_CACHE_DIR" not in os.environ:
        env["MAKNA_CACHE_DIR"] = str(cache)
    return env


def _project(tmp: Path, env: dict[str, str]) -> Path:
    project = tmp / "study.makna"
    sample = tmp / "informan-01.txt"
    sample.write_text(TRANSCRIPT, encoding="utf-8")
    for step in (["init", str(project), "--name", "bench"], ["import", str(sample), "-p", str(project)],
                 ["deid", "scan", "-p", str(project)]):
        subprocess.run([sys.executable, "-c", ENTRY, *step], env=env, check=True, capture_output=True)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--against", type=Path, help="a second source tree to time side by side")
    args = parser.parse_args()
    trees = {"this": ROOT / "src"}
    if args.against is not None:
        trees["against"] = args.against.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        commands: dict[str, list[str]] = {"python -c pass (floor)": [sys.executable, "-c", "pass"]}
        envs: dict[str, dict[str, str]] = {"python -c pass (floor)": dict(os.environ)}
        projects = {}
        for tree, src in trees.items():
            folder = Path(tmp) / tree
            folder.mkdir()
            projects[tree] = str(_project(folder, _env(src, folder / "cache")))
        for name, argv in (
            ("import makna.privacy", ["-c", "import makna.privacy"]),
            ("first detection", ["-c", FIRST_DETECTION]),
            ("makna deid status", ["-c", ENTRY, "deid", "status", "-p"]),
            ("makna deid list", ["-c", ENTRY, "deid", "list", "-p"]),
            ("makna deid scan", ["-c", ENTRY, "deid", "scan", "-p"]),
        ):
            for tree, src in trees.items():  # the same command of each tree one after the other
                tail = [projects[tree]] if argv[-1] == "-p" else []
                commands[f"{name} [{tree}]"] = [sys.executable, *argv, *tail]
                envs[f"{name} [{tree}]"] = _env(src, Path(tmp) / tree / "cache")
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for name, cmd in commands.items():  # warm the file cache and the .pyc files
            _time(cmd, envs[name])
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd, envs[name]))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.runs} runs each; load average {os.getloadavg()[0]:.1f}")
    for tree, src in trees.items():
        print(f"[{tree}] = {src}")
    print(f"{'command':<34} {'CPU best':>9} {'CPU median':>11} {'wall best':>10} {'wall median':>12}")
    for name, values in times.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(f"{name:<34} {min(cpus):>8.3f}s {statistics.median(cpus):>10.3f}s {min(walls):>9.3f}s "
              f"{statistics.median(walls):>11.3f}s")
    if "against" in trees:
        print("ratio of median CPU seconds, against / this (above 1: this tree is faster)")
        for name in ("import makna.privacy", "first detection", "makna deid status", "makna deid list",
                     "makna deid scan"):
            this = statistics.median(c for _, c in times[f"{name} [this]"])
            other = statistics.median(c for _, c in times[f"{name} [against]"])
            print(f"  {name:<32} {other / this:.2f}x")


if __name__ == "__main__":
    main()
