"""Build named21's own cases (issue 11): short fictional interview turns, both languages, where the identifier is an
organisation or an English name whose type hangs on the sentence: an employer after a work phrase, a company with a
legal form (Ltd, LLP, plc, PT, CV, Tbk), an owner's name before a business noun, a verb that takes a person or a
place; with look-alikes that are no identifier (a generic office in lower case, a month, a holiday, a benefit, a
language, a qualification, a brand used as a common noun).

Markup ``[[text|TYPE]]`` (span19's); ``python benchmarks/named21_cases/build.py`` writes ``open/*.json`` and
``sealed/*.json`` (a third of the cases, scored only at the start and at the end of named21's work, aggregates
only). Written before any change was made.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("type20_build", HERE.parent / "type20_cases" / "build.py")
assert _SPEC is not None and _SPEC.loader is not None
_TYPE20 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_TYPE20)

CASES: list[tuple[str, str, str]] = [
    (
        "open",
        "en",
        "I: And the job now?\nP: I'm on the books of [[Fenwick Harrow Recruitment Ltd|ORG]], they send me to "
        "[[Calloway Packaging|ORG]] out by [[Stanwell Moor|LOCATION]]. Before that I was contracted to "
        "[[Brisk & Able LLP|ORG]] for a bit. Boxing Day they wanted us in anyway.",
    ),
    (
        "open",
        "en",
        "P: [[Dorcas|PERSON]] texted me from [[Pendleford|LOCATION]] to say [[Tomasz|PERSON]] had left "
        "[[Kestrel Bay Hotels plc|ORG]]. He grew up in [[Ashcombe|LOCATION]], married [[Ines|PERSON]] young, and "
        "now he drives for [[Roadlink|ORG]]. He was on Jobseeker's for a while.",
    ),
    (
        "open",
        "id",
        "Peneliti: Kerja di mana sekarang?\nNarasumber: Saya ikut [[PT Sinar Bukit Lestari|ORG]], bagian gudang, di "
        "[[Kawasan Industri Lubuk Buaya|LOCATION]]. Dulu di [[CV Maju Bersama Jaya|ORG]] punya "
        "[[Pak Hendrizal|PERSON]]. Gajian tiap tanggal lima.",
    ),
    (
        "open",
        "id",
        "Narasumber: Kakak saya [[Yuliarni|PERSON]] buka salon, namanya [[Salon Uni Ema|ORG]], di "
        "[[Simpang Tabing|LOCATION]]. Saya bantu di situ sambil jualan online. Kadang ambil barang di "
        "[[Toko Grosir Amanah|ORG]]. Bulan puasa ramai.",
    ),
    (
        "open",
        "en",
        "P: My brother-in-law [[Ifeanyi|PERSON]] runs [[Ifeanyi's Barbers|ORG]] on the high street in "
        "[[Colwick|LOCATION]]. I do Saturdays there. His partner works for [[Marrowby Housing Trust|ORG]], "
        "she's a caseworker. The council sent a letter in May.",
    ),
    (
        "open",
        "id",
        "Narasumber: Yang bayar kuliah saya dulu [[Yayasan Bina Insani Pariaman|ORG]]. Saya kuliah di "
        "[[Politeknik Tunas Andalas|ORG]], lalu magang di [[Koperasi Simpan Pinjam Saiyo|ORG]] di "
        "[[Kayu Tanam|LOCATION]]. Ijazah D3 keluar tahun lalu.",
    ),
    (
        "open",
        "en",
        "P: We rented through [[Holloway & Crane Lettings|ORG]]. The flat was in [[Marsh Lane|LOCATION]], "
        "[[Edgeworth|LOCATION]]. The agent, [[Priya Chaudhary-Lowe|PERSON]], never fixed the damp. I complained "
        "to the ombudsman in the end, in English and in Urdu.",
    ),
    (
        "open",
        "id",
        "Narasumber: Tamu yang itu bilang dia pegawai [[PT Semen Karang Tinggi Tbk|ORG]]. Orangnya dari "
        "[[Sawahlunto|LOCATION]], namanya [[Afrizon|PERSON]]. Kami ketemu di rumah makan dekat terminal. "
        "Katanya mau ke Jakarta hari Senin.",
    ),
    (
        "open",
        "en",
        "P: I clean offices for [[Spotless Group|ORG]] in the evenings and days I'm at [[Greaves Bakery|ORG]]. "
        "My supervisor [[Halina|PERSON]] covers for me when the kids are off. Half term is the worst. "
        "We moved to [[Bramcote|LOCATION]] last year.",
    ),
    (
        "open",
        "id",
        "Narasumber: Saya narik ojek pakai aplikasi [[Jalanku|ORG]], kadang [[Antarin|ORG]]. Mangkal di "
        "depan [[Pasar Inpres Siteba|LOCATION]]. Teman saya [[Rudi Hartono|PERSON]] juga di situ. Hari Raya "
        "libur tiga hari.",
    ),
    (
        "sealed",
        "en",
        "P: She was at [[Wexcombe Foods Ltd|ORG]] for six years, then [[Larchfield Care Homes|ORG]] took her on "
        "as a night carer in [[Ottershaw|LOCATION]]. Her son [[Kwabena|PERSON]] moved in with us. Easter "
        "Monday she worked a double.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Suami saya sopir di [[CV Rantau Abadi Transport|ORG]], trayek ke [[Dharmasraya|LOCATION]]. "
        "Saya jahit di rumah, pesanan dari [[Butik Nadia Collection|ORG]]. Anak kami [[Fadhil|PERSON]] kelas "
        "tiga SD. Bulan Desember kami pulang kampung.",
    ),
    (
        "sealed",
        "en",
        "P: I temp for [[Bluestone Staffing Solutions|ORG]]. Last month they placed me at "
        "[[Northgate Print Works|ORG]] in [[Hexley|LOCATION]]. The foreman, [[Gareth Pryce|PERSON]], knew my dad. "
        "Universal Credit topped it up.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Dulu saya karyawan [[Toko Emas Cahaya Minang|ORG]] punya [[Haji Zulkarnaini|PERSON]]. "
        "Sekarang kerja di [[PT Agro Sumber Makmur|ORG]] di [[Pasaman Barat|LOCATION]]. Libur cuma hari Minggu.",
    ),
    (
        "sealed",
        "en",
        "P: [[Marguerite|PERSON]] phoned from [[Linthorpe|LOCATION]]. She'd signed with [[Corbel Digital|ORG]] and "
        "was moving to [[Saltwell|LOCATION]] in June. Her old boss at [[Amberley Dental Practice|ORG]] gave "
        "her a good reference.",
    ),
]


def build() -> None:
    _TYPE20.build(CASES, "named21", HERE)  # type20's writer: the same layout and file names


if __name__ == "__main__":
    build()
