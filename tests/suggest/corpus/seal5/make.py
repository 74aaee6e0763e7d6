"""Rebuild the sealed split for code suggestions, round 5 (#15): eight fictional, respectful,
non-explicit transcripts (five Indonesian, three English) in the dev corpus's format
(../../../../../shared/eval-corpus/dev/README.md), coded with the dev codebooks (codebook.json, a copy).
Written at the start of round 5, before any tuning of that round, in fresh wording (chat spellings,
slang, paraphrase; not the codebook's examples). SEALED: only its aggregate score is read, once before
tuning and once at the end; its misses are never studied. ``pii`` is left empty (suggestions only).
Run: ``python make.py`` (writes seal-*.json beside it)."""

from __future__ import annotations

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
write = runpy.run_path(str(HERE.parent / "heldout" / "make.py"))["write"]

DOCS: dict[str, tuple[str, str, list[tuple[str, str, list[str]]]]] = {
    "seal-id-01": ("id", "Informan L (fiktif) — modal kuota, om yang rutin transfer, dan tamu yang kabur ke ATM", [
        ("Boleh kenalan dulu?",
         "Panggil aku Lala aja. Asli Payakumbuh, sekarang ngontrak di daerah Lubuk Buaya bareng dua kawan.", []),
        ("Kenapa pilih pakai MiChat?",
         "Ya karna modalnya cuma kuota, Kak. Gak ada biaya daftar, download bentar, langsung bisa dipake. Aku "
         "yang gaptek aja ngerti cara makenya.", ["motive.because.free_access"]),
        ("Biar banyak yang lihat, Uni ngapain?",
         "Tiap pagi aku ganti foto sampul, bikin tulisan lucu di bio, kadang nyantumin link IG juga biar yang "
         "mampir makin banyak yang kenal aku.", ["motive.in_order_to.promotion"]),
        ("Pernah ada kejadian yang bikin kesal?",
         "Ada cowok yang udah deal harga, eh pas selesai dia bilang mau ambil ke ATM bentar. Ditunggu sejam, ga "
         "balik-balik. Aku ga dapet sepeser pun.", ["exp.neg.fraud"]),
        ("Kalau sama langganan?",
         "Ada satu om, orangnya baik, tiap tanggal muda pasti transfer buat jajan aku, udah hampir setahun ga "
         "pernah bolong.", ["exp.pos.routine_money"]),
        ("Ada yang masih punya urusan sama Uni?",
         "Ada tamu langganan yang minjem duit katanya buat servis motor, janji balikin minggu depan. Udah empat "
         "minggu, tiap aku tanya dia cuma bilang sabar ya say.", ["exp.neg.debt"]),
        ("Ada yang pernah ngajak hal-hal yang Uni nggak suka?",
         "Pernah satu tamu maksa aku nenggak minuman botol ijo itu, katanya biar asik. Aku cuma seteguk terus "
         "pura-pura ke kamar mandi.", ["exp.neg.alcohol"]),
        ("Di luar itu, lagi sibuk apa?",
         "Lagi belajar jahit sama tetangga, siapa tau bisa buka usaha kecil-kecilan.", []),
    ]),
    "seal-id-02": ("id", "Informan M (fiktif) — dari taman kota ke kamar kos, kristal di plastik kecil", [
        ("Boleh cerita sedikit tentang diri?",
         "Nama panggilan aku Vivi. Dulu sempat kuliah setahun, terus berhenti karena biaya.", []),
        ("Sebelum pakai aplikasi, gimana?",
         "Dulu aku nongkrong di sekitar taman kota tiap malam. Banyak orang iseng, pernah dilempar botol sama "
         "anak motor. Sekarang dari kamar aja, aku bisa liat dulu orangnya kayak gimana, jadi hati lebih tenang.",
         ["motive.because.safer_than_street"]),
        ("Ada pertimbangan lain?",
         "Satpol sering keliling malam-malam, temenku udah dua kali kena angkut. Kalau lewat HP kan ga keliatan, "
         "jadi ga gampang ketahuan.", ["motive.because.avoid_authorities"]),
        ("Pernah dapat tamu yang bikin nggak nyaman?",
         "Ada yang ngeluarin plastik kecil isinya kayak kristal, terus nawarin, coba dikit aja biar melek sampai "
         "pagi. Aku langsung nolak, takut ketagihan.", ["exp.neg.drugs"]),
        ("Terus?",
         "Ada juga yang abis ketemu minta simpen kontak WA, tapi pas aku chat besoknya, foto profilnya ilang, "
         "pesanku ga pernah kebaca. Dia buang aku gitu aja.", ["exp.neg.blocked"]),
        ("Ada yang serius?",
         "Ada, orang Pekanbaru, udah jadi pacar aku hampir dua tahun. Dia udah punya istri, jadi kami ketemunya "
         "diem-diem.", ["exp.pos.relationship"]),
        ("Ada untungnya?",
         "Ada pelanggan yang beliin aku kulkas kecil sama kipas angin buat kamar. Lumayan, barang yang ga bakal "
         "kebeli sendiri.", ["exp.pos.material"]),
        ("Harapan ke depan?",
         "Pengen adik aku lulus SMA dulu. Habis itu baru mikir diri sendiri.", []),
    ]),
    "seal-id-03": ("id", "Informan N (fiktif) — abang kapal, salon di Batam, dan kurang dua ratus", [
        ("Boleh kenalan?",
         "Aku Nisa, umur dua puluh enam, anak sulung dari lima bersaudara.", []),
        ("Kenapa di aplikasi?",
         "Cepet, Kak. Baru nyalain lokasi, belum lima belas menit udah ada yang nyapa. Ga perlu nunggu di luar "
         "berjam-jam kedinginan.", ["motive.in_order_to.fast_easy_clients"]),
        ("Ada tamu yang jadi dekat?",
         "Ada satu abang, kerja di kapal. Tiap dia pulang berlayar, aku tinggal di kontrakan yang dia sewa, cuma "
         "buat dia. Temen-temenku bilang aku ini istri darat-nya.", ["exp.pos.relationship"]),
        ("Pernah dijanjiin sesuatu?",
         "Dia bilang mau bawa aku pindah ke Batam, mau dibukain salon. Udah tiga kali dia pulang, salon ga ada, "
         "Batam juga cuma cerita.", ["exp.neg.false_hope"]),
        ("Soal bayaran gimana?",
         "Ada pelanggan yang bilang kurang dua ratus, nanti aku lunasin pas gajian. Gajian lewat, dia bilang "
         "bulan depan. Sampe sekarang tiap ditagih ada aja alesannya.", ["exp.neg.debt"]),
        ("Kamu ngapain kalau sedih?",
         "Dengerin lagu Minang, telpon amak di kampung. Itu udah cukup.", []),
    ]),
    "seal-id-04": ("id", "Informan O (fiktif) — orang ber-HT di hotel kecil, uang palsu, dan jajan tiap Jumat", [
        ("Boleh kenalan?",
         "Panggil aku Rere. Aku tinggal di Padang udah empat tahunan.", []),
        ("Ada kejadian paling menakutkan?",
         "Pernah janjian sama orang di hotel kecil. Begitu pintu dibuka, masuk tiga orang bawa HT, katanya dari "
         "kepolisian, padahal yang chat aku ya salah satu dari mereka. Aku disuruh bayar biar urusan beres.",
         ["exp.neg.entrapment"]),
        ("Kenapa awalnya pakai aplikasi itu?",
         "Aplikasinya enteng, ga makan memori, ga ada bayar bulanan. Tinggal daftar pake nomor.",
         ["motive.because.free_access"]),
        ("Gimana biar orang tertarik?",
         "Aku sering update momen, foto jalan-jalan, biar profil keliatan hidup. Makin sering update, makin sering "
         "nongol di orang sekitar.", ["motive.in_order_to.promotion"]),
        ("Ada tamu yang nakal?",
         "Ada yang bayar pake lembaran merah yang ternyata palsu, aku baru sadar pas mau belanja di warung. "
         "Orangnya udah ga bisa dihubungi.", ["exp.neg.fraud"]),
        ("Ada yang kasih barang?",
         "Pernah dikasih tas sama jam tangan. Aku jual lagi buat bayar kontrakan.", ["exp.pos.material"]),
        ("Dengan tamu yang lama?",
         "Ada yang tiap Jumat ngirim lima ratus ke rekening, katanya buat jajan. Udah kayak gajian mingguan.",
         ["exp.pos.routine_money"]),
        ("Mau cerita soal keluarga?",
         "Anak aku di kampung sama neneknya. Tiap Lebaran aku pulang.", []),
    ]),
    "seal-id-05": ("id", "Informan Q (fiktif) — pos ronda, penertiban, dan permen yang bikin melayang", [
        ("Boleh kenalan?",
         "Aku Tari. Dulu jualan pulsa di konter, sekarang konternya udah tutup.", []),
        ("Kenapa nggak di luar aja kayak dulu?",
         "Di luar itu ga ada yang jagain, Kak. Pernah temenku dipukulin orang di pos ronda. Kalau dari aplikasi "
         "aku bisa ketemu di tempat rame, kasih tau temen lokasi aku.", ["motive.because.safer_than_street"]),
        ("Ada lagi alasannya?",
         "Penertiban sering banget. Kalau kena, bisa dibina berminggu-minggu di panti sosial. Di HP mah ga ada "
         "yang tau aku lagi ngapain.", ["motive.because.avoid_authorities"]),
        ("Gampang dapet tamu?",
         "Gampang. Sehari bisa tiga orang, ga usah keluar kos. Kadang malah aku yang milih-milih.",
         ["motive.in_order_to.fast_easy_clients"]),
        ("Ada tamu yang aneh-aneh?",
         "Ada yang datang bawa sebotol vodka, maksa aku ikut minum sampai aku muntah. Katanya kalau ga mau "
         "berarti ga asik.", ["exp.neg.alcohol"]),
        ("Yang lain?",
         "Ada yang nawarin permen yang bikin melayang, katanya cewek-cewek di tempat dia biasa make. Aku bilang "
         "aku ga mau.", ["exp.neg.drugs"]),
        ("Ada yang tiba-tiba menghilang?",
         "Sering. Abis ketemu sekali, semua pesan aku cuma centang satu, akunnya ga bisa dicari lagi.",
         ["exp.neg.blocked"]),
        ("Pernah merasa terancam?",
         "Pernah ada yang ngaku tamu, eh pas ketemu ternyata rombongan, ngaku-ngaku wartawan, ngancam mau "
         "nyebarin foto aku kalau ga ngasih uang.", ["exp.neg.entrapment"]),
        ("Ada yang janji sesuatu?",
         "Ada satu yang ngomong mau nikahin aku, mau dibawa ke rumah orang tuanya. Udah setahun, ketemu "
         "keluarganya aja belum pernah.", ["exp.neg.false_hope"]),
    ]),
    "seal-en-01": ("en", "Rider D (fictional) — a student's moped, a slice of cake, a fare taken back", [
        ("Could you introduce yourself?",
         "I'm Dev, twenty-four, I ride a moped around Leeds, mostly evenings.", []),
        ("How did you end up doing deliveries?",
         "Student loan doesn't stretch far, mate. I needed something that actually puts cash in my account "
         "every week, and nobody else was hiring.", ["gig.motive.income"]),
        ("What do you like about it?",
         "I can log off whenever I've got lectures or exams and pick it back up at eleven at night. Nobody moans "
         "if I take a week off.", ["gig.pos.flexibility"]),
        ("Have customers ever made it hard?",
         "One bloke opened the door and started calling me names because of where my parents are from, then "
         "followed me down the stairs jabbing his finger at me.", ["gig.neg.harassment"]),
        ("Any nice moments?",
         "An old lady once slipped me a tenner on top and a slice of cake. Made my whole week.", ["gig.pos.tips"]),
        ("What's the worst part?",
         "A customer said the food never arrived when I had a photo of it on his doorstep. The app took the fare "
         "back off me and I never saw that money.", ["gig.neg.unpaid"]),
        ("Anything else?",
         "Not really. I'm hoping to finish my course and move on eventually.", []),
    ]),
    "seal-en-02": ("en", "Rider E (fictional) — her own call, an account under review, a man who knew her car", [
        ("Could you introduce yourself?",
         "Name's Gloria. Been doing this three years in Manchester, car mostly.", []),
        ("Why this kind of work?",
         "I'd had enough of a line manager watching my every move. Here it's my call: which jobs I take, which I "
         "don't. I answer to myself.", ["gig.motive.autonomy"]),
        ("Any run-ins with the platform?",
         "Woke up one Monday and couldn't log in. An email said my account was under review after two low "
         "ratings. Eleven days with no work and no human to speak to.", ["gig.neg.deactivation"]),
        ("And customers?",
         "A guy kept messaging me after his order, saying he knew which car was mine and where I park. I didn't "
         "sleep properly for weeks.", ["gig.neg.harassment"]),
        ("Do people tip?",
         "Christmas is lovely, people leave a fiver in an envelope taped to the door. Rest of the year it's hit "
         "and miss.", ["gig.pos.tips"]),
        ("How do you fit it around life?",
         "I do the school run, work from ten till two, and again after the kids are in bed. No office job would "
         "let me do that.", ["gig.pos.flexibility"]),
        ("Anything you'd change?",
         "Better parking near restaurants. That's it really.", []),
    ]),
    "seal-en-03": ("en", "Rider F (fictional) — sixteen hours a week, a tip taken back, a frozen account", [
        ("Could you introduce yourself?",
         "I'm Tomasz, originally from Gdansk, been in Bristol six years.", []),
        ("What got you started?",
         "My hours at the factory got cut to sixteen a week. Rent doesn't care about that, so I had to top up "
         "somehow.", ["gig.motive.income"]),
        ("What keeps you on it?",
         "Being my own man. No foreman telling me off for a two-minute break, I run the day how I want.",
         ["gig.motive.autonomy"]),
        ("Any problems being paid?",
         "A customer promised a big tip in the app to get his order first, then took it back after delivery. "
         "Another time a cash order, and the guy just shut the door on me without handing anything over.",
         ["gig.neg.unpaid"]),
        ("And with the company?",
         "They froze my account for a safety check because someone complained I was rude. I wasn't. Two weeks "
         "without earning.", ["gig.neg.deactivation"]),
        ("Good memories?",
         "Usually quiet. I like riding along the harbour at night, it's peaceful.", []),
    ]),
}


def main() -> None:
    write(DOCS, HERE)


if __name__ == "__main__":
    main()
