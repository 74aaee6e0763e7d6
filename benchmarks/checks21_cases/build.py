"""Build checks21's own cases (issue 11, round twenty-one): short fictional turns, both languages, written before
any change, with the learned layer's four loose checks in mind: lists of ages ("aged 4, 7 and 9", "umur 4, 7 dan
9 tahun", "the twins are six") as true identifiers, and look-alikes of each looseness: a four-digit number with no
year cue (a door code, a price, a year alone: the corpus convention keeps a bare year out), a lone number word (a
clock hour, a count), a number after a pronoun that is a price or a count ("he paid 40", "dia kasih 50"), a number
in a sentence with a document word that is a price ("my passport cost 1200"), and prices, counts, room numbers,
bus routes, scores and lists of things.

Markup ``[[text|TYPE]]``; ``python benchmarks/checks21_cases/build.py`` writes ``open/*.json`` and
``sealed/*.json`` (a third of the cases: scored only at the start and at the end of checks21's work, aggregates
only). Identity numbers use regency codes that do not exist; every name and number is made up.
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
parse = runpy.run_path(str(HERE.parent / "span19_cases" / "build.py"))["parse"]  # span19's ``[[text|TYPE]]`` reader

CASES: list[tuple[str, str, str]] = [
    (
        "open",
        "en",
        "P: I've got three kids, aged [[4|AGE]], [[7|AGE]] and [[9|AGE]], all at the one school. "
        "He paid 40 for the week's bus pass, the 42 goes right past.",
    ),
    (
        "open",
        "id",
        "Narasumber: Anak saya tiga, umur [[4|AGE]], [[7|AGE]] dan [[9 tahun|AGE]]. Dia kasih 50 kemarin, "
        "buat bayar kamar nomor 12.",
    ),
    (
        "open",
        "en",
        "P: The twins are [[six|AGE]] and their big brother's [[eleven|AGE]]. We're in room 214, second floor.",
    ),
    (
        "open",
        "en",
        "P: She gave me twelve for the lot. My passport cost 1200 to renew, can you believe it. "
        "The house was built in 1987, the door code is 1984.",
    ),
    (
        "open",
        "id",
        "Narasumber: Dia pulang jam dua belas. Bikin KTP itu bayar 150, antrenya lama. Skornya 3-1, kami menang.",
    ),
    (
        "open",
        "id",
        "Narasumber: Anak ambo tigo, umuanyo [[ampek|AGE]], [[tujuah|AGE]] jo [[sambilan taun|AGE]]. "
        "Inyo bayia 30 sabulan, oto nomor 18.",
    ),
    (
        "open",
        "en",
        "P: My son sold 4, 7 and 9 boxes on the Saturday. He scored 21, she got 18, and the bus was 25 minutes late.",
    ),
    (
        "open",
        "id",
        "Narasumber: Anak saya jualan kue, laku 4, 7 dan 9 kotak. Dia bawa 25 orang ke acara, naik bus 7.",
    ),
    (
        "open",
        "en",
        "P: We moved up here in [[late 2019|DATE]]. The grandkids are [[2|AGE]] and [[5|AGE]] now, bless them.",
    ),
    (
        "open",
        "id",
        "Narasumber: Saya datang [[akhir 2018|DATE]], waktu itu masih kerja di pasar. Tahun 2004 saya masih kecil.",
    ),
    (
        "open",
        "en",
        "P: Mum? She's [[sixty-one|AGE]] now. She paid 61 for the coat, mind, and her number ends 0142.",
    ),
    (
        "open",
        "id",
        "Narasumber: Adik saya, dia [[17|AGE]], masih sekolah. Dia bayar 17 buat ongkos, pulang jam sebelas.",
    ),
    (
        "open",
        "en",
        "P: My girls, [[eight|AGE]], [[ten|AGE]] and [[thirteen|AGE]], share one room. "
        "I work twelve, sometimes fourteen.",
    ),
    (
        "open",
        "id",
        "Narasumber: Paspor saya 2019 dibuat, bayarnya 350. Cucu saya yang kembar umurnya [[enam|AGE]].",
    ),
    (
        "open",
        "en",
        "P: Her kids are [[3|AGE]], [[6|AGE]], [[8|AGE]] and [[12|AGE]]. She charges 15, twenty at weekends, "
        "flat 3B, number 27 on the door.",
    ),
    (
        "open",
        "id",
        "Narasumber: Keponakan saya umur [[lima|AGE]] sama [[sembilan tahun|AGE]]. Mereka tinggal di lantai 3, "
        "kamar 305, bayar 40 seminggu.",
    ),
    (
        "sealed",
        "en",
        "P: My nephews, aged [[3|AGE]], [[5|AGE]] and [[8|AGE]], stay with us. He paid 35 for the taxi, route 18 "
        "was off.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Cucu saya dua, umur [[lima|AGE]] dan [[delapan tahun|AGE]]. Dia kasih 20, cukup buat makan.",
    ),
    (
        "sealed",
        "en",
        "P: The twins are [[nine|AGE]]. The flat was built in 1996 and the gate code is 2580.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Paspor saya hilang, bikinnya bayar 350 lagi. Kamar 108, lantai dua, jam sepuluh tutup.",
    ),
    (
        "sealed",
        "en",
        "P: She's [[thirty-eight|AGE]] and her boy's [[ten|AGE]]. They won 3-2 on Sunday, I had eleven in the car.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Adiak-adiak ambo umuanyo [[duo baleh|AGE]] jo [[limo baleh taun|AGE]]. Inyo bayia 40 sahari.",
    ),
    (
        "sealed",
        "en",
        "P: We came over in [[early 2017|DATE]]. Bus 73, twenty minutes, and my ID card fee was 1500.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Saya pindah [[pertengahan 2020|DATE]], kerja sampai dua belas. Anaknya umur [[6|AGE]], "
        "[[9|AGE]] dan [[11 tahun|AGE]].",
    ),
]


def main() -> None:
    for i, (part, language, marked) in enumerate(CASES):
        name = f"checks21-{i:02d}"
        text, pii = parse(marked)
        (HERE / part).mkdir(exist_ok=True)
        body = json.dumps({"id": name, "language": language, "text": text, "pii": pii}, ensure_ascii=False, indent=1)
        (HERE / part / f"{name}.json").write_text(body + "\n")


if __name__ == "__main__":
    main()
