"""Memory and time of importing one large .txt file (issue #12, section 4).

Generates two kinds of transcript: ``prose`` (interview-like lines of 8-60 words, every line a
``P:``/``I:`` speaker turn, a few Latin-1 letters such as "é") and ``short`` (two million turns per
10 MB: ``A: x``). Each import runs in a fresh child process, as ``makna import`` does it: read,
decode, normalise, detect turns, hash, store (one transaction), then build the search index. The
child reports its peak resident memory (``ru_maxrss``) and the time of each phase. The floor is a
child that only reads the file, decodes it and NFC-normalises it: no import can use less.

Target (the documented file limit is 200 MiB): peak <= 3 x file size + 300 MB, time linear in size.

    python benchmarks/import_bench.py                      # short 1, 2, 4, 8, 10 MB; prose 50, 200 MB
    python benchmarks/import_bench.py --short 1 2 --prose 10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import WORDS  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"

CHILD = r"""
import json, resource, sys, time, unicodedata
from pathlib import Path
path, mode, project = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out = {}
if mode == "floor":
    w, c = time.perf_counter(), time.process_time()
    text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))
    out.update(import_s=time.perf_counter() - w, import_cpu=time.process_time() - c)
else:
    import makna
    with makna.create_project(project, "bench") as p:
        w, c = time.perf_counter(), time.process_time()
        makna.import_file(p, path)
        out.update(import_s=time.perf_counter() - w, import_cpu=time.process_time() - c, import_peak=peak())
        w, c = time.perf_counter(), time.process_time()
        from makna.textindex.index import ensure_index  # as makna import: after the import
        ensure_index(p)
        out.update(index_s=time.perf_counter() - w, index_cpu=time.process_time() - c)
out["peak"] = peak()
print(json.dumps(out))
"""


def write_prose(path: Path, size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    words = [*WORDS, "café", "naïve", "señor"]
    written, turn = 0, 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("Wawancara sintetis untuk pengujian memori.\n\n")
        lines: list[str] = []
        while written < size:
            line = ("P: " if turn % 2 == 0 else "I: ") + " ".join(rng.choices(words, k=rng.randint(8, 60))).capitalize()
            lines.append(line + ".\n")
            written += len(lines[-1].encode("utf-8"))
            turn += 1
            if len(lines) >= 10_000:
                fh.write("".join(lines))
                lines.clear()
        fh.write("".join(lines))


def write_short(path: Path, size: int) -> None:
    path.write_text("A: x\nB: y\n" * (size // 10), encoding="utf-8")


def run_child(path: Path, mode: str, folder: Path) -> dict[str, float]:
    project = folder / "bench.makna"
    for leftover in (project, Path(f"{project}-wal"), Path(f"{project}-shm")):
        leftover.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path), mode, str(project)], env=env,
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", type=float, nargs="*", default=[1, 2, 4, 8, 10], help="sizes in MB")
    parser.add_argument("--prose", type=float, nargs="*", default=[50, 200], help="sizes in MB")
    parser.add_argument("--dir", type=Path, default=None, help="work folder [default: a temporary one]")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("times are CPU seconds of the child (wall-clock in brackets: the machine is shared)")
    print(f"{'file':<16} {'MB':>6} {'turns':>10} {'import':>15} {'index':>15} {'CPU s/MB':>8} "
          f"{'peak MB':>8} {'(import)':>8} {'target':>7} {'floor MB':>8} {'floor s':>8}")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        for kind, sizes in (("short", args.short), ("prose", args.prose)):
            for mb in sizes:
                path = folder / f"{kind}-{mb:g}MB.txt"
                (write_short if kind == "short" else write_prose)(path, int(mb * 1_000_000))
                size = path.stat().st_size
                turns = path.read_bytes().count(b"\n")
                floor = run_child(path, "floor", folder)
                got = run_child(path, "import", folder)
                cpu = got["import_cpu"] + got["index_cpu"]
                print(f"{path.name:<16} {size / 1e6:>6.1f} {turns:>10,} "
                      f"{got['import_cpu']:>6.2f} ({got['import_s']:>5.1f}) "
                      f"{got['index_cpu']:>6.2f} ({got['index_s']:>5.1f}) "
                      f"{cpu / (size / 1e6):>8.2f} {got['peak'] / 1e6:>8.0f} {got['import_peak'] / 1e6:>8.0f} "
                      f"{(3 * size + 300e6) / 1e6:>7.0f} "
                      f"{floor['peak'] / 1e6:>8.0f} {floor['import_cpu']:>8.2f}", flush=True)
                path.unlink()


if __name__ == "__main__":
    main()
