"""Build crfnum20's own cases (issue 11, round twenty): short fictional turns, both languages, with ages, dates,
identity numbers and plates said without the cue words the rules read, and look-alikes of the ten kinds that span19
saw the model fire on (a price with a fraction, a thing's age, a duration in years, a year of birth, a clock time
with a slash, a card number, a bare reference number), invented anew (no test's or corpus file's string).

Markup ``[[text|TYPE]]``; ``python benchmarks/crfnum20_cases/build.py`` writes ``open/*.json`` and ``sealed/*.json``
(a third of the cases: scored only at the start and at the end of crfnum20's work, aggregates only).
Identity numbers use regency codes that do not exist; plates and numbers are made up.
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
parse = _SPAN19.parse  # span19's markup reader: ``[[text|TYPE]]``

CASES: list[tuple[str, str, str]] = [
    (
        "open",
        "id",
        "Narasumber: Anak ambo nan ketek, [[Salsabila|PERSON]], [[sambilan taun jalan|AGE]]. "
        "Sewa kamar ampek ratuih jo satangah, harago kini.",
    ),
    (
        "open",
        "id",
        "Narasumber: Bapak saya sudah tiga puluh tahun narik angkot. Dia sendiri "
        "[[enam puluh dua tahun jalan|AGE]] sekarang, masih kuat.",
    ),
    (
        "open",
        "en",
        "P: The van's a twelve-year-old banger, honestly. My lad [[Oswin|PERSON]], he's [[sixteen come October|AGE]].",
    ),
    ("open", "en", "P: Rent went up to 62 and a half a week. I was born in 1979, came here in 2004."),
    (
        "open",
        "id",
        "Narasumber: Nomor KK saya [[1398 0207 1188 0004|NATIONAL_ID]], yang lain hilang. "
        "Biasanya kerja jam 7/8 pagi sampai sore.",
    ),
    ("open", "en", "P: Paid with the card ending 4444, order number 55210384, and the tyres were 85 each."),
    ("open", "id", "Narasumber: Motornyo [[4417 BQ|PLATE]], warna hitam. Alah limo baleh taun karajo di bengkel."),
    ("open", "en", "P: The reference on the letter was 302-118-447, nothing to do with me. Shift was 9/10 hours."),
    ("open", "id", "Narasumber: Umur saya? [[Tigo puluah duo taun|AGE]], Uni. Suami ambo lahia 1981."),
    ("open", "en", "P: Gran's [[eighty-six next spring|AGE]]. Her telly is a thirty-year-old thing, still works."),
    (
        "sealed",
        "id",
        "Narasumber: Adiak ambo [[duo puluah taun kurang saketek|AGE]]. Harago bareh sapuluah jo satangah ribu sakilo.",
    ),
    (
        "sealed",
        "en",
        "P: My ID, [[226-581-930|NATIONAL_ID]], was on the form. The card was 5555 5555 5555 4444, "
        "but that's the company's.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Mobilnya [[3390 KZ|PLATE]], rental. Sudah delapan tahun kerja di sana, "
        "dari tahun 2015, jam 5/6 sore pulang.",
    ),
    (
        "sealed",
        "en",
        "P: She was [[forty-one last winter|AGE]]. The boiler's a fifteen-year-old model, "
        "costs 40 and a half quid to fix.",
    ),
    (
        "sealed",
        "id",
        "Narasumber: Ibu saya kelahiran 1962, sekarang [[enam puluh empat jalan|AGE]]. "
        "NIK-nya [[1397 0512 6203 0002|NATIONAL_ID]].",
    ),
]


def main() -> None:
    for i, (part, language, marked) in enumerate(CASES):
        text, pii = parse(marked)
        folder = HERE / part
        folder.mkdir(exist_ok=True)
        doc = {"id": f"crfnum20-{i:02d}", "language": language, "text": text, "pii": pii}
        (folder / f"crfnum20-{i:02d}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
