"""Same detections as another source tree on generated text (issue #11): the contract of a speed change.

Generates ``--texts`` texts from a seed (odd Unicode: decomposed accents, astral characters, zero-width and
separator characters, Arabic-Indic digits, dotted capitals; digit runs, phone, date and id shapes; very short
texts; long lines; Indonesian and English lines alternating, with ``P:``/``I:`` labels, honorifics and made-up
capitalised names), detects each one in this tree and in ``--against SRC``, each tree in its own process, and
prints how many texts differ and the first differences. The golden file (``deid_golden.py``) covers the open
transcripts; this covers the odd text they lack.

    python benchmarks/deid_differential.py --against /work/wt-base/src [--texts 600] [--seed 12]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORDS_ID = (
    "aku saya dia kami tinggal di dekat jalan kos wisma hotel kafe karaoke umur tahun nomor hp wa pernah kerja "
    "sama tamu bayar ribu dari ke pulang kampung bang uni mak ajo adiak nagari kelurahan kecamatan kota "
    "lahir tanggal bulan ktp nik plat motor namanya panggil dipanggil ngekos sudah lama"
).split()
_WORDS_EN = (
    "I my she he we live lived near road street flat estate rider ride rides for app shift order customer "
    "called named boss friend number phone email postcode born in at on the a of and to from years old "
    "aged mate work worked depot station high lane"
).split()
_HONORIFICS = ["Pak", "Bu", "Mbak", "Mas", "Bang", "Uni", "Kak", "Mr", "Mrs", "Ms", "Dr", "Haji", "Ajo"]
_SYLLABLES = ["ra", "ni", "to", "ka", "mi", "de", "su", "lo", "an", "ri", "wa", "ti", "yo", "ben", "mar", "cin"]
_ODD = [
    "e\u0301",  # a decomposed accent
    "\u00e9",
    "\U0001f600",
    "\u200b",
    "\u00a0",
    "\x1c",
    "\u0130",
    "\u0131",
    "\u00df",
    "\u1e9e",
    "\u0663\u0664\u0665",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u017f",
    "\t",
    "\r\n",
    "\u2028",
    "\ufeff",
    "\U0001d400",
]


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))
    return word.capitalize()


def _digits(rng: random.Random) -> str:
    shape = rng.randrange(8)
    if shape == 0:
        return f"08{rng.randint(11, 99)}-{rng.randint(1000, 9999)}-555{rng.randint(0, 9)}"
    if shape == 1:
        return f"+44 20 7946 0{rng.randint(100, 999)}"
    if shape == 2:
        return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1960, 2030)}"
    if shape == 3:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
    if shape == 4:
        return f"BA {rng.randint(1, 9999)} {rng.choice(['QA', 'AB', 'X', 'KZ'])}"
    if shape == 5:
        return f"{_name(rng).lower()}.{rng.randint(1, 99)}@example.{rng.choice(['com', 'org', 'net'])}"
    if shape == 6:
        return f"{rng.randint(1, 99)} {_name(rng)} {rng.choice(['Road', 'Street', 'Lane'])}, E{rng.randint(1, 20)}"
    return f"{rng.randint(15, 80)} {rng.choice(['tahun', 'years old', 'thn'])}"


def _piece(rng: random.Random, english: bool) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(_WORDS_EN if english else _WORDS_ID)
    if roll < 0.6:
        return _name(rng)
    if roll < 0.68:
        return f"{rng.choice(_HONORIFICS)} {_name(rng)}"
    if roll < 0.78:
        return _digits(rng)
    if roll < 0.86:
        return rng.choice(_ODD)
    if roll < 0.93:
        return rng.choice([",", ".", "?", "!", ":", "-", "'s", "(", ")", "/", "@", "#"])
    return rng.choice(_WORDS_ID if english else _WORDS_EN)  # a word of the other language


def _line(rng: random.Random, english: bool, words: int) -> str:
    label = rng.choice(["P: ", "I: ", "", "Interviewer: ", "R: "])
    parts = [_piece(rng, english) for _ in range(words)]
    return label + "".join(p + rng.choice([" ", " ", " ", "", "  "]) for p in parts).rstrip()


def texts(count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` (text, language) pairs from ``seed``."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for i in range(count):
        kind = i % 5
        language = rng.choice(["id", "en"])
        if kind == 0:  # very short
            text = "".join(_piece(rng, language == "en") for _ in range(rng.randint(0, 3)))[: rng.randint(0, 12)]
        elif kind == 1:  # one long line
            text = _line(rng, language == "en", rng.randint(400, 3000))
        else:  # a short interview, languages alternating by line
            lines = [_line(rng, (j + kind) % 2 == 0, rng.randint(1, 30)) for j in range(rng.randint(2, 40))]
            text = "\n".join(lines)
        out.append((text, language))
    return out


_WORKER = """
import json, sys
from makna.privacy import detect
docs = json.load(open(sys.argv[1], encoding="utf-8"))
out = [[[d.start, d.end, d.type, round(d.confidence, 6), d.detector, d.text] for d in detect(t, language=lang)]
       for t, lang in docs]
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
"""


def _detect_in(src: Path, docs_file: Path, out_file: Path) -> list[list[list[object]]]:
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, "-c", _WORKER, str(docs_file), str(out_file)], env=env, check=True)
    result: list[list[list[object]]] = json.loads(out_file.read_text(encoding="utf-8"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="the other source tree (its src/)")
    parser.add_argument("--texts", type=int, default=600)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    docs = texts(args.texts, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        docs_file = Path(tmp) / "docs.json"
        docs_file.write_text(json.dumps(docs), encoding="utf-8")
        this = _detect_in(ROOT / "src", docs_file, Path(tmp) / "this.json")
        other = _detect_in(args.against.resolve(), docs_file, Path(tmp) / "other.json")
    chars = sum(len(t) for t, _ in docs)
    found = sum(len(d) for d in this)
    differ = [i for i in range(len(docs)) if this[i] != other[i]]
    print(f"{len(docs)} generated texts (seed {args.seed}), {chars:,} characters, {found:,} detections in this tree")
    print(f"texts whose detections differ: {len(differ)}")
    for i in differ[:5]:
        print(f"  text {i} ({docs[i][1]}): this {this[i][:6]} | against {other[i][:6]}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
