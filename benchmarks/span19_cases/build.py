"""Build span19's own cases (issue 11): short fictional interview turns, both languages, with true ages, dates,
identity numbers, plates and names, and number look-alikes (prices, counts, durations, times) that are none.

Markup ``[[text|TYPE]]``; ``python benchmarks/span19_cases/build.py`` writes ``open/*.json`` and ``sealed/*.json``
(a third of the cases, scored only at the start and at the end of span19's work, aggregates only).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]")

CASES: list[tuple[str, str, str]] = [
    (
        "open",
        "en",
        "I: How old is your mum now?\nP: Mum's [[eighty-three come June|AGE]], and she still walks to "
        "the shop, twenty minutes each way. Her neighbour [[Mrs Ottoline Brackwater|PERSON]] is "
        "[[ninety-one this year|AGE]].",
    ),
    (
        "open",
        "en",
        "P: I paid forty quid for the fob and waited thirty minutes. My son [[Caspian|PERSON]] is "
        "[[seventeen next week|AGE]], he's got the bike now, plate [[WX19 KPT|PLATE]]. We moved on the "
        "[[14th of March|DATE]].",
    ),
    (
        "open",
        "en",
        "I: And you?\nP: [[Fifty-two in August|AGE]]. Started on the buses at nineteen, did twenty-five "
        "years there. Call me on [[07700 900418|PHONE]] if you need more.",
    ),
    (
        "open",
        "id",
        "Peneliti: Umur Ibu berapa?\nNarasumber: [[Empat puluh dua tahun jalan|AGE]], Bu. Anak saya "
        "[[Sekar Ayuningtyas|PERSON]] [[sebelas tahun|AGE]], kelas lima. Ongkos ojek dua puluh ribu sekali jalan.",
    ),
    (
        "open",
        "id",
        "Narasumber: Saya lahir [[12 Agustus 1991|DATE]] di [[Nagari Batu Taba|LOCATION]]. NIK saya "
        "[[1399 0412 0891 0003|NATIONAL_ID]], tapi KTP itu sudah hilang. Tiga puluh orang antre waktu itu.",
    ),
    (
        "open",
        "id",
        "Narasumber: Ambo kini [[tigo puluah limo taun|AGE]], suami ambo [[Dt. Rangkayo Sati|PERSON]] "
        "[[ampek puluah ciek|AGE]]. Motor ambo [[BA 5521 QZ|PLATE]], baru lunas bulan lalu, cicilan limo puluah ribu.",
    ),
    (
        "open",
        "en",
        "P: There were fifteen of us in the van. The driver, [[Torvald Pennyworth|PERSON]], said his "
        "licence ran out on [[2 February|DATE]]. I'm [[twenty-eight|AGE]], been doing this six years.",
    ),
    (
        "open",
        "id",
        "Pewawancara: Sudah berapa lama kerja?\nNarasumber: Delapan tahun, Mbak. Umur saya "
        "[[tiga puluh sembilan|AGE]]. Kos di [[Gang Mawar Jingga|LOCATION]], bayar tujuh ratus ribu sebulan.",
    ),
    (
        "sealed",
        "en",
        "P: My gran, [[Winifred Osgathorpe|PERSON]], she's [[ninety-six in October|AGE]]. I visit "
        "twice a week, forty-five minutes on the train. My niece is [[twelve going on thirteen|AGE]].",
    ),
    (
        "sealed",
        "en",
        "P: I'm [[thirty-four last Tuesday|AGE]]. The agency number was [[01632 960211|PHONE]] and my "
        "badge number was just seven digits. Paid sixty pounds for training.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Umua ambo [[duo puluah anam taun jalan|AGE]], adiak ambo [[Rini Puspasari|PERSON]] "
        "[[sambilan baleh|AGE]]. Kami bajalan ampek jam dari [[Jorong Padang Bariang|LOCATION]].",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Saya [[dua puluh empat tahun bulan depan|AGE]]. Tanggal [[3 Mei 2023|DATE]] "
        "saya pindah. Plat motor [[BA 3318 PLK|PLATE]]. Harga kamar tiga ratus ribu, muat empat orang.",
    ),
]


def parse(marked: str) -> tuple[str, list[dict[str, object]]]:
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        plain = marked[pos : m.start()]
        out.append(plain)
        length += len(plain)
        text, kind = m.group(1), m.group(2)
        spans.append({"start": length, "end": length + len(text), "type": kind, "text": text})
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def main() -> None:
    counts: dict[str, int] = {}
    for where, lang, marked in CASES:
        counts[where] = counts.get(where, 0) + 1
        text, spans = parse(marked)
        folder = HERE / where
        folder.mkdir(exist_ok=True)
        doc_id = f"span19-{where}-{counts[where]:02d}-{lang}"
        body = {"id": doc_id, "language": lang, "text": text, "pii": spans}
        (folder / f"{doc_id}.json").write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
