"""Time of the clause evidence for PERSON (``makna.privacy.person_clauses``) on long single lines (#11).

Review finding of deidperson3: the document evidence scanned the whole text once per candidate, so a long line
with many chat-verb subjects took seconds. Two invented lines: a 100 KB chat line repeating a sentence opener
and a name before "chat", and a mixed ~180 KB line of every clause shape. Prints the seconds of
``person_clauses`` and of ``detect`` on each.

Run: ``PYTHONPATH=src python benchmarks/deid_clause_long_line.py``
"""

from __future__ import annotations

import time

from makna.privacy.detect import detect
from makna.privacy.person_clauses import person_clauses

_CHAT = "Besoknya chat lagi sama dia, terus Kemarin Rivaldi sering chat ambo. "
_MIXED = (
    "Besoknya chat lagi. ",
    "Kemarin Rivaldi sering chat ambo. ",
    "Moderator: Gotcha, what now? ",
    "A neighbour from the allotment, Oswyn Tadesse, fixed my bike. ",
    "Terima kasih, Ruswanti, Puspita dan Wulani. ",
    "It was in the name Tegid Probert-Bevan. ",
    "Mirek... sorry, Marcin came. ",
    "I go by Comet. ",
)


def main() -> None:
    chat = "I: " + _CHAT * (100_000 // len(_CHAT))
    mixed = "I: " + "".join(_MIXED[i % len(_MIXED)] for i in range(200_000 // 35))
    for name, text in (("100 KB chat line", chat), ("mixed line", mixed)):
        t0 = time.perf_counter()
        n = sum(1 for _ in person_clauses(text))
        t1 = time.perf_counter()
        m = len(detect(text, language="id"))
        t2 = time.perf_counter()
        print(f"{name} ({len(text)} chars): person_clauses {t1 - t0:.1f} s ({n}), detect {t2 - t1:.1f} s ({m})")


if __name__ == "__main__":
    main()
