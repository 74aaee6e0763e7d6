"""A push of offline codings made before the server's de-identification (team15, #11): the codings are
moved onto the de-identified text (:mod:`makna.sync.remap`). Times ``apply_push`` alone (both rounds: the spans asked,
then the skeletons sent), on SQLite.

    PYTHONPATH=src python benchmarks/sync_remap_bench.py --sources 200 --codings 2000

A project of ``--sources`` short interviews, each naming two people, is copied for a coder before its
de-identification; the coder makes ``--codings`` codings in the copy; the manager then applies; the
push of the copy's codings is timed and every coding checked to have moved.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import makna
from makna.access import Access
from makna.coding import SegmentSpec
from makna.privacy.project import add_detection, decide_all
from makna.privacy.project_apply import apply
from makna.sync.local import pending, push_message, with_skeletons, write_copy
from makna.sync.server import apply_push, snapshot

TEXT = (
    "P: Siapa nama Ibu?\nI: Nama saya Marlina Yusuf, saya tinggal dekat pasar bersama anak saya.\n"
    "P: Siapa yang membantu?\nI: Tetangga saya, Rahmat Hidayat, sering datang membantu kami di rumah.\n"
)


def _as(project: Any, who: str) -> Any:
    project.store.access = Access({"ana": "owner", "budi": "coder"})
    return dataclasses.replace(project, coder_name=who)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--codings", type=int, default=2000)
    args = ap.parse_args()
    rnd = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        with makna.create_project(str(Path(tmp) / "lab.makna"), "Lab", coder="ana") as lab:
            for i in range(args.sources):
                makna.import_text(lab, f"s{i}", TEXT, language="id", allow_duplicate=True)
            makna.add_code(lab, "tema")
            copy = Path(tmp) / "budi.makna"
            write_copy(
                copy,
                snapshot(_as(lab, "budi")),
                server="https://lab.example",
                project_id="p1",
                project_name="Lab",
                token="t",
                csrf="c",
            )
            with makna.open_project(str(copy)) as local:
                specs = {
                    SegmentSpec(
                        f"s{rnd.randrange(args.sources)}",
                        (a := rnd.randrange(len(TEXT) - 20)),
                        a + rnd.randrange(5, 20),
                        "tema",
                    )
                    for _ in range(args.codings)
                }
                makna.code_many(local, specs, on_duplicate="skip")
                message = push_message(local, pending(local))
            for i in range(args.sources):
                for word, kind in (("Marlina Yusuf", "PERSON"), ("Rahmat Hidayat", "PERSON")):
                    add_detection(_as(lab, "ana"), f"s{i}", TEXT.index(word), TEXT.index(word) + len(word), kind)
            decide_all(_as(lab, "ana"), "accepted")
            apply(_as(lab, "ana"), Path(tmp) / "key.json", "correct horse battery staple")
            t0 = time.perf_counter()
            result = apply_push(_as(lab, "budi"), message)  # asks for the skeletons of the copy's texts
            with makna.open_project(str(copy)) as local:
                result = apply_push(_as(lab, "budi"), with_skeletons(local, message, result.replaced))
            took = time.perf_counter() - t0
    print(
        f"push of {len(message['changes'])} codings on {args.sources} de-identified sources: {took:.2f} s; "
        f"added {result.added}, moved {result.moved}, conflicts {len(result.conflicts)}"
    )


if __name__ == "__main__":
    main()
