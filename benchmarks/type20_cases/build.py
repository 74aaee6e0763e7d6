"""Build type20's own cases (issue 11): short fictional interview turns, both languages, where the question is the
*type* of a name (a person, a place, an organisation: an employer, a clinic, a group, an app, a church), with
look-alikes that are no identifier (months, holidays, a generic office, a religion, a language).

Markup ``[[text|TYPE]]``; ``python benchmarks/type20_cases/build.py`` writes ``open/*.json`` and ``sealed/*.json``
(a third of the cases, scored only at the start and at the end of type20's work, aggregates only).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("span19_build", HERE.parent / "span19_cases" / "build.py")
assert _SPEC is not None and _SPEC.loader is not None
_SPAN19 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_SPAN19)
parse = _SPAN19.parse  # the same ``[[text|TYPE]]`` markup as span19's cases

CASES: list[tuple[str, str, str]] = [
    (
        "open",
        "en",
        "I: Where do you work these days?\nP: Mornings I clean for [[Brightwell Facilities|ORG]], "
        "evenings I deliver for "
        "[[Parcelo|ORG]], mostly round [[Kelmscott Vale|LOCATION]] and [[Ashby Rise|LOCATION]]. My supervisor at "
        "[[Brightwell Facilities|ORG]], [[Oonagh Treharne|PERSON]], is fair. In January they cut our hours.",
    ),
    (
        "open",
        "en",
        "P: My cousin [[Babajide Olaniran|PERSON]] got me the job at [[Marlow Cold Stores|ORG]]. We share a flat "
        "in [[Hollins Green|LOCATION]] with two lads from [[Tameside|LOCATION]]. On Sundays we go to "
        "[[St Aidan's|ORG]] for the food bank, it's run by the church. Ramadan was hard on nights.",
    ),
    (
        "open",
        "id",
        "Peneliti: Sekarang kerja di mana, Kak?\nNarasumber: Saya kerja di [[Toko Kain Sinar Baru|ORG]], "
        "punya [[Koh Aliong|PERSON]], di [[Pasar Raya Solok|LOCATION]]. Kos saya di [[Tanah Garam|LOCATION]], "
        "dekat masjid. Lebaran kemarin tidak pulang.",
    ),
    (
        "open",
        "id",
        "Narasumber: Dulu saya ikut [[Kelompok Tani Sawah Laweh|ORG]], ketuanya [[Pak Syafrizal|PERSON]]. "
        "Sekarang pindah ke [[Lubuk Alung|LOCATION]], kerja di pabrik [[PT Andalas Karet Mulia|ORG]]. "
        "Hari Senin sampai Sabtu, libur Minggu.",
    ),
    (
        "open",
        "en",
        "P: I was seen at [[Harrowgate Walk-in Centre|ORG]] and then sent on to [[Dr Imelda Vasquez-Rowe|PERSON]]. "
        "I live out past [[Carrickmore|LOCATION]] now. Universal Credit stopped in March, the Jobcentre said "
        "it was a glitch.",
    ),
    (
        "open",
        "id",
        "Narasumber: Tamu itu bilang dia kerja di [[Bank Nagari|ORG]] cabang [[Payakumbuh|LOCATION]]. Namanya "
        "[[Reno|PERSON]], orang [[Bukittinggi|LOCATION]]. Kami ketemu di [[Hotel Rangkiang|LOCATION]], bukan di "
        "kos. Dia bilang Islam, tapi tidak puasa.",
    ),
    (
        "open",
        "en",
        "P: The agency's called [[Tidewell Staffing|ORG]]; they put me with [[Corran Logistics|ORG]] in "
        "[[Thornaby|LOCATION]]. The manager, [[Halvard Quist|PERSON]], speaks Polish with the lads. English "
        "lessons are at the library on Tuesdays.",
    ),
    (
        "open",
        "id",
        "Narasumber: Adik saya [[Wulandari|PERSON]] sekolah di [[SMK Negeri 3 Padang Panjang|ORG]]. Kami tinggal di "
        "[[Jorong Koto Tuo|LOCATION]]. Kalau sakit ke Puskesmas, kadang ke [[Klinik Bunda Syifa|ORG]] di "
        "[[Pasar Usang|LOCATION]]. Bulan Juli nanti dia ujian.",
    ),
    (
        "open",
        "en",
        "P: She rides for [[Zippadee|ORG]] now, and me, I'm still on [[Crumbwell|ORG]]. [[Zippadee|ORG]] pays "
        "more per drop round [[Moxley|LOCATION]] but less out in [[Wednesfield|LOCATION]]. My mate "
        "[[Tariq|PERSON]] says the same.",
    ),
    (
        "open",
        "id",
        "Narasumber: Uang arisan dipegang [[Bu Nurhayati|PERSON]], bendahara [[Majelis Taklim Al-Ikhlas|ORG]]. "
        "Kami kumpul di rumahnya di [[Kampung Jambak|LOCATION]] setiap Jumat. Kadang [[Uni Yessi|PERSON]] ikut, "
        "dia kerja di [[Apotek Kimia Farma Ulak Karang|ORG]].",
    ),
    (
        "sealed",
        "en",
        "P: I did two years at [[Halden & Pike Joinery|ORG]] before I went to [[Brindle Court|LOCATION]] "
        "to look after my nan. Her carer, [[Siobhan McAteer|PERSON]], comes from [[Crestline Care|ORG]]. "
        "Easter we all went to chapel.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Saya dulu jaga warung di [[Simpang Haru|LOCATION]], sekarang ikut [[CV Sumber Rezeki Abadi|ORG]] "
        "sebagai sopir. Bos saya [[Haji Darmansyah|PERSON]]. Anak saya [[Dinda|PERSON]] les di "
        "[[Bimbel Cahaya Ilmu|ORG]].",
    ),
    (
        "sealed",
        "en",
        "P: We met at the [[Pelican Arms|ORG]], where she worked the bar. Later she moved to [[Grangetown|LOCATION]] "
        "and took a job with [[Vantry Homes|ORG]]. Her brother [[Emeka|PERSON]] still drives for [[Lyftwise|ORG]]. "
        "Christmas was quiet.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Waktu itu saya dirawat di [[RSUD Lubuk Sikaping|ORG]]. Yang antar [[Da Ramli|PERSON]], "
        "tetangga dari [[Nagari Sundatar|LOCATION]]. Biaya dibantu [[Yayasan Peduli Pasaman|ORG]]. "
        "Dokternya bilang harus kontrol bulan Agustus.",
    ),
    (
        "sealed",
        "en",
        "P: The landlord, [[Ruairi Costigan|PERSON]], sold up to [[Oakhurst Lettings|ORG]]. They moved us to "
        "[[Pennington Lane|LOCATION]] in [[Ballyrowan|LOCATION]]. Citizens Advice helped with the deposit.",
    ),
]


def build(cases: list[tuple[str, str, str]] = CASES, prefix: str = "type20", here: Path = HERE) -> None:
    """Write ``cases`` as ``here/open/*.json`` and ``here/sealed/*.json`` (named21's cases reuse this)."""
    counts = {"open": 0, "sealed": 0}
    for part, language, marked in cases:
        counts[part] += 1
        text, pii = parse(marked)
        name = f"{prefix}-{part}-{counts[part]:02d}-{language}"
        folder = here / part
        folder.mkdir(exist_ok=True)
        doc = {"id": name, "language": language, "title": f"{prefix} case {name} (fictional)", "text": text, "pii": pii}
        (folder / f"{name}.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
