"""Rebuild the tuning split for code suggestions, round 5 (#15): four fictional, respectful,
non-explicit transcripts (two Indonesian, two English) in the dev corpus's format, coded with the dev
codebooks (codebook.json, a copy). Unlike ../seal5 this split is open: its misses may be studied and
choices tuned on it (benchmarks/results/suggest5.md), so its score is a tuning score.
Run: ``python make.py`` (writes tune-*.json beside it)."""

from __future__ import annotations

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
write = runpy.run_path(str(HERE.parent / "heldout" / "make.py"))["write"]

DOCS: dict[str, tuple[str, str, list[tuple[str, str, list[str]]]]] = {
    "tune-id-01": ("id", "Informan R (fiktif) — HP kentang, tamu yang ngilang, dan janji rumah", [
        ("Boleh kenalan?", "Aku Mega, dua puluh dua tahun, asal Pesisir Selatan.", []),
        ("Kok bisa pakai aplikasi ini?",
         "HP aku kentang, Kak, tapi aplikasinya tetep jalan lancar. Ga dipungut apa-apa, cukup bikin akun.",
         ["motive.because.free_access"]),
        ("Supaya dilirik orang?",
         "Aku rajin upload foto baru sama nulis caption yang menarik, biar akunku sering muncul dan banyak yang "
         "nge-follow.", ["motive.in_order_to.promotion"]),
        ("Ada yang bikin sakit hati?",
         "Ada yang udah akrab banget, tiap malam teleponan. Abis ketemu, semua sosmednya ngunci aku, WA juga ga "
         "bisa dihubungi.", ["exp.neg.blocked"]),
        ("Pernah dijanjikan sesuatu?",
         "Katanya mau beliin rumah kecil buat aku sama ibu. Sampai sekarang cuma omong kosong.",
         ["exp.neg.false_hope"]),
        ("Ada tamu yang belum beres bayarnya?",
         "Ada yang bilang besok dilunasin, besoknya bilang lusa. Udah dua bulan utangnya belum juga dibayar.",
         ["exp.neg.debt"]),
        ("Kalau libur?", "Tidur seharian, Kak. Capek.", []),
    ]),
    "tune-id-02": ("id", "Informan S (fiktif) — razia di simpang, bir di kafe, dan bapak yang royal", [
        ("Boleh kenalan?", "Aku Ayu. Udah lima tahun di Padang.", []),
        ("Kenapa pindah ke HP?",
         "Dulu di simpang jalan sering digaruk petugas. Sekarang lewat aplikasi, petugas ga bisa liat.",
         ["motive.because.avoid_authorities"]),
        ("Lebih enak mana?",
         "Jauh lebih aman dari HP. Di jalan aku pernah dirampok preman, sekarang aku bisa pilih tamu dulu.",
         ["motive.because.safer_than_street"]),
        ("Pernah diajak minum?",
         "Ada tamu yang ngajak ke kafe, pesen bir banyak, aku disuruh ngabisin.", ["exp.neg.alcohol"]),
        ("Ada tamu yang baik?",
         "Ada bapak-bapak yang royal, dikasih HP baru sama perhiasan.", ["exp.pos.material"]),
        ("Ada yang jadi pacar?",
         "Iya, dia nganggep aku pacarnya, tiap minggu ngajak jalan, udah setahun.",
         ["exp.pos.relationship", "exp.pos.routine_money"]),
        ("Pernah ditipu?",
         "Pernah, orangnya kabur waktu aku ke kamar mandi, bawa dompet aku.", ["exp.neg.fraud"]),
        ("Pernah dapet tamu cepet?",
         "Sehari bisa dapet banyak tamu tanpa capek nyari.", ["motive.in_order_to.fast_easy_clients"]),
    ]),
    "tune-en-01": ("en", "Rider G (fictional) — bills, a banned account, spit on the visor", [
        ("Could you introduce yourself?", "I'm Priya, I ride a bicycle in Glasgow.", []),
        ("Why did you start?", "Bills piling up and my partner lost his job. We needed the money.",
         ["gig.motive.income"]),
        ("What's good about it?", "I pick my own hours around the baby's naps.", ["gig.pos.flexibility"]),
        ("Anything bad?",
         "A man spat on my visor when I said I couldn't carry his order upstairs, and he swore at me.",
         ["gig.neg.harassment"]),
        ("With the app?", "They banned me for three days over a late order that wasn't my fault.",
         ["gig.neg.deactivation"]),
        ("Anything else?", "The rain, mostly.", []),
    ]),
    "tune-en-02": ("en", "Rider H (fictional) — nobody's employee, generous regulars, a cancelled payout", [
        ("Could you introduce yourself?", "Name's Kofi, I've been riding in Birmingham for two years.", []),
        ("Why this job?", "I don't want anybody bossing me about. I set my own rules.", ["gig.motive.autonomy"]),
        ("Good parts?", "Some regulars always add a couple of quid extra, and one family gave me a hamper at Eid.",
         ["gig.pos.tips"]),
        ("Payment trouble?",
         "The app cancelled my payout for a long-distance job because the customer disputed it. Never got it.",
         ["gig.neg.unpaid"]),
        ("Future?", "I'd like to open a small barbershop.", []),
    ]),
}


def main() -> None:
    write(DOCS, HERE)


if __name__ == "__main__":
    main()
