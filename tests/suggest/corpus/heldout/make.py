"""Rebuild the held-out split for code suggestions (#15): fictional, respectful, non-explicit
transcripts in the dev corpus's format (../../../../../shared/eval-corpus/dev/README.md), using the
dev codebooks (codebook.json, a copy). Written for this split, not copied from dev; never used for
tuning (only its scores are read). ``pii`` is left empty: the split scores
suggestions only. Run: ``python make.py`` (writes heldout-*.json beside it)."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

DOCS: dict[str, tuple[str, str, list[tuple[str, str, list[str]]]]] = {
    "heldout-id-01": ("id", "Informan A (fiktif) — aplikasi gratis, transfer palsu, dan kiriman bulanan", [
        ("Boleh cerita sedikit tentang Uni?",
         "Panggil aja Sari. Aku asli Pariaman, udah tiga tahun tinggal di Padang, ngekos bareng sepupu.", []),
        ("Gimana awalnya kenal aplikasinya?",
         "Awalnya temen sekamar yang ngenalin. Katanya nggak usah bayar apa-apa, tinggal unduh di Play Store, "
         "bikin akun pakai nomor HP, lima menit kelar. HP aku yang murahan aja bisa jalan.",
         ["motive.because.free_access"]),
        ("Terus supaya orang tahu Uni ada di situ?",
         "Aku taruh foto yang bagus di profil, tulis sedikit tentang diri, terus tiap sore aku perbarui status "
         "biar akunku naik di daftar orang sekitar.", ["motive.in_order_to.promotion"]),
        ("Pernah dirugikan tamu?",
         "Pernah sekali, tamunya kirim tangkapan layar transfer, katanya udah masuk. Pas aku cek rekening, "
         "kosong. Orangnya udah pergi duluan. Rugi aku, capek-capek.", ["exp.neg.fraud"]),
        ("Ada pengalaman lain?",
         "Ada juga yang awalnya manis banget, ngobrol tiap malam. Habis ketemu, chat aku cuma centang satu, "
         "fotonya hilang, ternyata aku udah diblok.", ["exp.neg.blocked"]),
        ("Sekarang gimana?",
         "Sekarang ada satu bapak yang tiap awal bulan kirim uang ke aku, buat bayar kos sama kebutuhan. Udah "
         "jalan enam bulan, nggak pernah telat.", ["exp.pos.routine_money"]),
        ("Harapan ke depan?",
         "Harapanku sih nanti bisa buka warung kecil di kampung. Doain aja ya, Kak.", []),
    ]),
    "heldout-id-02": ("id", "Informan B (fiktif) — dari jalanan ke aplikasi, serbuk putih dan botol anggur", [
        ("Kenalan dulu, Uni.",
         "Aku Rina, umur dua puluh tiga. Dulu kerja jaga toko baju di pasar, tapi tokonya tutup.", []),
        ("Kenapa sekarang lewat HP?",
         "Dulu aku sempat mangkal di dekat jembatan. Malam-malam dingin, banyak preman, pernah ditarik orang "
         "mabuk. Pakai aplikasi aku bisa milih, ketemunya juga di tempat yang jelas. Jauh lebih aman lah.",
         ["motive.because.safer_than_street"]),
        ("Ada alasan lain?",
         "Di pinggir jalan itu sering ada operasi. Kalau ketangkap bisa dibawa ke panti, dikasih pembinaan "
         "berminggu-minggu. Lewat HP kan nggak kelihatan, petugas susah nyarinya.",
         ["motive.because.avoid_authorities"]),
        ("Soal tamu, susah atau gampang dapatnya?",
         "Tinggal online aja, sebentar udah banyak yang nyapa. Nggak perlu nunggu berjam-jam, sehari bisa dapat "
         "dua tiga tamu tanpa keluar kamar.", ["motive.in_order_to.fast_easy_clients"]),
        ("Pernah ditawari yang aneh-aneh?",
         "Ada tamu yang ngeluarin bungkusan kecil, serbuk putih gitu, terus nyuruh aku nyoba biar lebih santai. "
         "Aku tolak, aku takut banget sama barang begituan.", ["exp.neg.drugs"]),
        ("Yang lain?",
         "Yang lain ngajak ke tempat hiburan, pesan botol-botol anggur merah, aku dipaksa nemenin minum sampai "
         "pusing. Besoknya aku nggak bisa bangun.", ["exp.neg.alcohol"]),
        ("Kalau lagi libur ngapain?",
         "Aku suka masak sama nonton drama Korea. Biar lupa sebentar.", []),
    ]),
    "heldout-id-03": ("id", "Informan C (fiktif) — pacar orang kantoran, lamaran yang tak datang, dan pemerasan", [
        ("Boleh kenalan?",
         "Aku Dewi, udah dua tahun pakai aplikasi ini. Asal dari Solok.", []),
        ("Ada pelanggan yang jadi dekat?",
         "Ada satu pelanggan, orang kantoran, lama-lama dia bilang nggak mau aku sama orang lain. Katanya aku "
         "pacarnya sekarang. Kami jalan bareng, makan di luar, kayak orang pacaran biasa.",
         ["exp.pos.relationship"]),
        ("Lalu?",
         "Dia janji mau ngelamar aku habis Lebaran, mau ngenalin ke keluarganya. Lebaran lewat, dua Lebaran "
         "malah, nggak ada apa-apa. Omongan doang.", ["exp.neg.false_hope"]),
        ("Ada untungnya?",
         "Ya aku dapat banyak juga dari dia. Dibeliin HP baru, kalung emas, sepatu. Uang jajan juga sering "
         "dikasih.", ["exp.pos.material"]),
        ("Soal pembayaran dari tamu lain?",
         "Ada tamu yang ngaku belum bayar sisa lima ratus ribu. Tiap aku tagih, jawabnya nanti gajian ya, minggu "
         "depan pasti. Udah tiga bulan.", ["exp.neg.debt"]),
        ("Pernah merasa terancam?",
         "Pernah ada yang ngaku tamu, janjian di penginapan. Pas aku masuk kamar, tiba-tiba ada beberapa "
         "laki-laki ngaku aparat, minta duit biar nggak dibawa. Ternyata itu akal-akalan buat meras.",
         ["exp.neg.entrapment"]),
        ("Ada lagi yang mau diceritakan?",
         "Udah, Kak, segitu aja ceritanya ya.", []),
    ]),
    "heldout-id-04": ("id", "Informan D (fiktif) — profil menarik, simpanan pengusaha, HP dibawa kabur", [
        ("Cerita sedikit tentang diri Uni?",
         "Aku Lina, anak kedua dari empat bersaudara. Adik-adik masih sekolah semua.", []),
        ("Gimana cara Uni menarik tamu?",
         "Biar banyak yang lihat, aku pasang foto profil yang menarik dan tulisan ready di bio. Hasilnya cepat, "
         "belum satu jam udah ada yang ngajak janjian.",
         ["motive.in_order_to.promotion", "motive.in_order_to.fast_easy_clients"]),
        ("Kenapa pilih aplikasi itu?",
         "Aplikasinya kan nggak ada biaya langganan. Tinggal pasang, daftar, langsung bisa dipakai. Aku yang "
         "gaptek aja ngerti.", ["motive.because.free_access"]),
        ("Sekarang punya pelanggan tetap?",
         "Sekarang aku jadi simpanan seorang pengusaha. Dia udah punya istri. Tiap minggu dia transfer uang buat "
         "kebutuhanku.", ["exp.pos.relationship", "exp.pos.routine_money"]),
        ("Pernah ditinggal begitu saja?",
         "Pernah janjian sama orang, aku udah dandan, udah nunggu di lobi. Dia nggak datang, nomornya nggak aktif "
         "lagi, akun MiChat-nya juga ngeblokir aku.", ["exp.neg.blocked"]),
        ("Ada kejadian lain?",
         "Ada yang pinjam HP aku katanya mau nelpon sebentar, eh langsung dibawa kabur pakai motor. Nggak "
         "dibayar, HP pun hilang.", ["exp.neg.fraud"]),
        ("Apa yang bikin Uni tenang?",
         "Kadang aku ikut pengajian di dekat kos. Tenang rasanya.", []),
    ]),
    "heldout-en-01": ("en", "Rider A (fictional) — a student rider, a boss-free job and pay that never arrived", [
        ("Tell me a little about yourself.",
         "I'm Priya, twenty-six. I moved here for uni and never left.", []),
        ("Why did you start delivering?",
         "My student loan doesn't stretch and the café only gave me twelve hours. Riding was the quickest way to "
         "get money coming in every week.", ["gig.motive.income"]),
        ("What else drew you to it?",
         "I hated having a manager timing my breaks. Here there's no boss watching, nobody telling me how to do "
         "it. It's my call.", ["gig.motive.autonomy"]),
        ("How does it fit with your studies?",
         "I can fit it around lectures. Some days I ride at lunch, some days only at night, and in exam season I "
         "barely log in at all.", ["gig.pos.flexibility"]),
        ("Have customers ever made you uncomfortable?",
         "One man kept asking for my number and waited by my bike when I came back down. Another swore at me "
         "over the intercom and said he'd report me for being foreign.", ["gig.neg.harassment"]),
        ("Has the money always come through?",
         "The app sometimes just doesn't pay the waiting time, and a couple of orders never showed up in my "
         "earnings. I chased support for weeks and got nothing.", ["gig.neg.unpaid"]),
        ("Where do you see yourself later?",
         "Honestly I'd like to go into teaching eventually.", []),
    ]),
    "heldout-en-02": ("en", "Rider B (fictional) — generous customers, a suspended account, a thrown drink", [
        ("Could you introduce yourself?",
         "Name's Daniel. I've been doing this about three years on an e-bike.", []),
        ("What are the good days like?",
         "Good days are when people round up. A student handed me a twenty at New Year and told me to keep the "
         "change. Little extras like that add up.", ["gig.pos.tips"]),
        ("Has the platform ever cut you off?",
         "Last spring my account got suspended out of nowhere. An automated email said I'd broken the rules, no "
         "explanation, no human to talk to. Two weeks without work until they reinstated it.",
         ["gig.neg.deactivation"]),
        ("Any trouble getting paid?",
         "There was a run of orders where the bonus they advertised never arrived. And customers cancel after "
         "I've already collected the food, so I get nothing for the trip.", ["gig.neg.unpaid"]),
        ("Why this work rather than something else?",
         "I've got two kids and the bills don't wait. This covers the rent when nothing else would.",
         ["gig.motive.income"]),
        ("How do you plan your days?",
         "I choose my own hours. I can collect the kids at three and go out again after tea.",
         ["gig.pos.flexibility"]),
        ("Has anyone been aggressive?",
         "A group of lads threw a drink at me and followed me down the street shouting. I didn't feel safe for "
         "days.", ["gig.neg.harassment"]),
        ("Anything else?",
         "Thanks for listening, it's good to talk about it.", []),
    ]),
}


def build(doc_id: str, language: str, title: str, turns: list[tuple[str, str, list[str]]]) -> dict[str, object]:
    lines, segments, pos = [], [], 0
    for question, answer, codes in turns:
        for speaker, said in (("P", question), ("I", answer)):
            line = f"{speaker}: {said}"
            if speaker == "I":
                segments.append({"start": pos, "end": pos + len(line), "codes": codes})
            lines.append(line)
            pos += len(line) + 1
    return {"id": doc_id, "language": language, "title": title, "text": "\n".join(lines), "pii": [],
            "segments": segments}


def write(docs: dict[str, tuple[str, str, list[tuple[str, str, list[str]]]]], folder: Path) -> None:
    """Write each of ``docs`` (id -> language, title, turns) as ``folder/<id>.json``: the one writer of
    every split's make.py."""
    for doc_id, (language, title, turns) in docs.items():
        data = build(doc_id, language, title, turns)
        (folder / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")


def main() -> None:
    write(DOCS, HERE)


if __name__ == "__main__":
    main()
