"""The trial8 study's fictional transcripts (fishermen's wives managing debts): a .docx with a table of turns
and a page header, [00:01:12] stamps, a WhatsApp export, .srt, .vtt, T:/J:, Tanya:/Jawab:, names as labels, an
English Q:/A: one, an old .doc and a broken .docx. Phone numbers contain 555; e-mail on example.com.

python benchmarks/trial8/make_transcripts.py OUT_DIR
"""

# ruff: noqa: E501
import sys
from pathlib import Path

import docx

d = Path(sys.argv[1] if len(sys.argv) > 1 else "transcripts")
d.mkdir(parents=True, exist_ok=True)
# 1 docx with table of turns and header
doc = docx.Document()
sec = doc.sections[0]
sec.header.paragraphs[
    0
].text = "Informan: Bu Sarinah Lubis, 41 tahun, Kampung Nelayan Pasar Belakang, Sibolga. HP 0812-5550-1234"
doc.add_paragraph("Judul: Wawancara istri nelayan tentang utang (fiktif)")
doc.add_paragraph("Tanggal: 3 Februari 2026")
t = doc.add_table(rows=0, cols=2)
turns = [
    ("Pewawancara", "Sejak kapan Ibu mengurus keuangan rumah tangga?"),
    (
        "Informan",
        "Sejak menikah, umur saya 19 tahun. Suami saya, Pak Darwin Situmorang, melaut dengan kapal milik Toke Ahok di Pelabuhan Sibolga.",
    ),
    ("Pewawancara", "Bagaimana Ibu berutang kalau hasil melaut sedikit?"),
    (
        "Informan",
        "Kami pinjam ke toke dulu. Utangnya dibayar potong dari hasil tangkapan. Kadang saya malu, tapi anak harus sekolah.",
    ),
    ("Pewawancara", "Apa yang membuat Ibu bertahan?"),
    (
        "Informan",
        "Anak-anak. Saya juga ikut arisan ibu-ibu di Gang Mawar, itu yang menolong. Nomor saya 0812-5550-1234 kalau perlu.",
    ),
]
for s, x in turns:
    r = t.add_row().cells
    r[0].text = s + ":"
    r[1].text = x
doc.save(d / "informan-01.docx")

(d / "informan-02.txt").write_text(
    """Judul: Wawancara istri nelayan (fiktif)
Tanggal: 5 Februari 2026

[00:00:05] Pewawancara: Selamat sore, Bu. Boleh Ibu perkenalkan diri?
[00:00:12] Informan: Nama saya Rosmawati, umur 37 tahun, tinggal di Desa Muara Kandis, Pesisir Selatan.
[00:01:12] Pewawancara: Bagaimana Ibu mengatur utang di warung?
[00:01:20] Informan: Saya catat di buku. Utang di warung Bu Nurlela kadang sampai dua juta. Saya bayar waktu suami pulang melaut.
[00:02:40] Pewawancara: Pernah merasa tertekan?
[00:02:48] Informan: Sering. Saya malu kalau ditagih di depan tetangga. Tapi saya harus kuat demi anak.
[00:03:30] Pewawancara: Ada yang membantu?
[00:03:35] Informan: Koperasi Nelayan Sejahtera Mandiri kasih pinjaman bunga kecil. Ketuanya Pak Yusrizal, HP 0813-5551-7788.
""",
    encoding="utf-8",
)

(d / "wa-informan-03.txt").write_text(
    """12/02/26 19.02 - Peneliti: Assalamualaikum Bu Fatimah, terima kasih sudah mau diwawancara lewat WhatsApp
12/02/26 19.03 - Fatimah Nainggolan: Waalaikumsalam. Iya, saya Fatimah, 45 tahun, dari Kelurahan Pondok Batu
12/02/26 19.04 - Peneliti: Bagaimana Ibu mengelola utang keluarga?
12/02/26 19.06 - Fatimah Nainggolan: Utang ke toke paling besar. Suami kerja di kapal PT Samudera Ikan Jaya, gajinya tidak tentu
12/02/26 19.07 - Peneliti: Apa yang Ibu rasakan?
12/02/26 19.09 - Fatimah Nainggolan: Cemas terus. Kadang saya pinjam ke rentenir, bunganya mencekik
12/02/26 19.10 - Peneliti: Kenapa tetap meminjam?
12/02/26 19.12 - Fatimah Nainggolan: Demi anak sekolah. Anak saya di SMP Negeri 2 Sibolga. Hubungi saja 0821-5552-3344
""",
    encoding="utf-8",
)

(d / "informan-04.srt").write_text(
    """1
00:00:02,000 --> 00:00:06,000
Pewawancara: Ibu bisa ceritakan pekerjaan Ibu?

2
00:00:07,000 --> 00:00:15,000
Informan: Saya Murni Hasibuan, 33 tahun, jual ikan asin di Pasar Sibolga Nauli.

3
00:00:16,000 --> 00:00:20,000
Pewawancara: Bagaimana dengan utang?

4
00:00:21,000 --> 00:00:30,000
Informan: Utang ke bank keliling tiap minggu. Saya takut kalau tidak bisa bayar, petugasnya datang ke rumah di Jalan Mojopahit.

5
00:00:31,000 --> 00:00:35,000
Pewawancara: Apa yang membuat Ibu terus berjualan?

6
00:00:36,000 --> 00:00:44,000
Informan: Supaya utang lunas dan anak bisa kuliah. Suami saya sudah tua, umurnya 58 tahun.
""",
    encoding="utf-8",
)

(d / "informan-05.txt").write_text(
    """Judul: Wawancara istri nelayan (fiktif)
Tanggal: 9 Februari 2026

T: Sudah berapa lama Ibu tinggal di sini?
J: Dua puluh tahun. Saya Nurhayati, 50 tahun, di Dusun Air Haji, Kecamatan Linggo Sari Baganti.
T: Bagaimana Ibu membayar utang?
J: Saya ikut kelompok simpan pinjam. Bendaharanya Uni Yetti, nomornya 0852-5553-9900.
T: Apa yang Ibu rasakan waktu musim paceklik?
J: Sedih sekali. Kadang kami makan nasi dengan garam saja. Tapi saya bersyukur masih ada tetangga.
T: Kenapa Ibu tidak berhenti berutang?
J: Karena kapal suami harus diperbaiki. Kalau tidak, dia tidak bisa melaut.
""",
    encoding="utf-8",
)

(d / "informan-06.txt").write_text(
    """Tanya: Ibu bekerja di mana selain mengurus rumah?
Jawab: Saya jadi buruh jemur ikan di gudang CV Bahari Lestari milik Pak Hendra Wijaya.
Tanya: Berapa umur Ibu dan tinggal di mana?
Jawab: Umur saya 29 tahun, tinggal di Lingkungan III Kelurahan Aek Manis.
Tanya: Bagaimana perasaan Ibu soal utang?
Jawab: Berat. Saya malu kalau ke warung, utang belum lunas. Tapi saya yakin nanti membaik.
Tanya: Mengapa Ibu meminjam ke koperasi?
Jawab: Supaya tidak ke rentenir. Teman saya Sri Wahyuni yang ajak, dia bisa dihubungi di sri.wahyuni@example.com.
""",
    encoding="utf-8",
)

(d / "informant-07-en.txt").write_text(
    """Title: Interview with a fisherman's wife (fictional)
Date: 14 February 2026

Q: Could you tell me about yourself?
A: My name is Margaret Kowalczyk, I'm 44, I live in Fleetwood on Poulton Road. My husband works on a trawler owned by Northern Catch Ltd.
Q: How do you manage the household debts?
A: Mostly credit cards and a loan from the Lancashire Credit Union. I keep a spreadsheet. It is exhausting.
Q: How does it make you feel?
A: Ashamed sometimes, anxious when the catch is poor. My sister Joanne rings me every night, on 07700 900555, to check on me.
Q: Why do you keep going?
A: For the kids. And because I promised my mum I'd never lose the house.
""",
    encoding="utf-8",
)

# label names as speakers
(d / "informan-08.txt").write_text(
    """Dewi: Bu Ramlah, sejak kapan Ibu berutang ke toke?
Ramlah: Sejak suami saya, Bang Syahrul, sakit. Saya umur 39 waktu itu, tinggal di Desa Sambas.
Dewi: Bagaimana rasanya?
Ramlah: Takut. Toke Acong bilang kalau tidak bayar, perahu disita.
Dewi: Apa yang membuat Ibu kuat?
Ramlah: Doa dan anak-anak. Saya juga jualan kue, pesan lewat 0811-5554-2211.
""",
    encoding="utf-8",
)
(d / "informan-09.vtt").write_text(
    """WEBVTT

00:00:01.000 --> 00:00:05.000
<v Pewawancara>Apa yang Ibu lakukan saat hasil tangkapan kurang?

00:00:06.000 --> 00:00:14.000
<v Informan>Saya Lina Simatupang, 35 tahun. Saya gadai emas di Pegadaian Sibolga.

00:00:15.000 --> 00:00:18.000
<v Pewawancara>Kenapa memilih gadai?

00:00:19.000 --> 00:00:26.000
<v Informan>Karena cepat dan tidak malu seperti pinjam ke tetangga.
""",
    encoding="utf-8",
)
(d / "informan-10.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
(d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
print("ok")
