CASES = [
    (
        "id",
        "Kos lalu disebut tanpa kata kos",
        """P: Kini Uni tingga di ma?
I: Di [[LOCATION:Kos Anggrek Saiyo]], dakek [[LOCATION:Lapai]]. Urang [[LOCATION:Anggrek Saiyo]] ramah-ramah, indak banyak tanyo.
P: Sabalunnyo?
I: Di [[LOCATION:Wisma Rangkiang Baru]]. [[LOCATION:Rangkiang Baru]] tu acok kanai razia.""",
    ),
    (
        "id",
        "Kerja di toko dan bengkel",
        """P: Suami Uni karajo di ma?
I: Di [[ORG:Bengkel Saiyo Motor]], di [[LOCATION:Simpang Haru]]. Ambo dulu jago kasir di [[ORG:Toko Cahayo Baru]].
P: [[ORG:Cahayo Baru]] tu masih buka?
I: Masih, tapi pamiliaknyo lah baganti.""",
    ),
    (
        "id",
        "Travel dan BPR",
        """P: Tamu nan baru tu karajo apo?
I: Sopir [[ORG:Travel Singgalang Jaya]], jurusan [[LOCATION:Bukittinggi]]. Adiaknyo pegawai [[ORG:BPR Lubuk Kilangan]].
P: Pernah ketemu di mana?
I: Di [[LOCATION:Kafe Rumah Tuo]], dakek [[LOCATION:Pasar Alai]].""",
    ),
    (
        "id",
        "Karaoke dan hotel",
        """P: Malam biasanya di mana, Kak?
I: Di karaoke [[LOCATION:Bintang Bagurau]], kadang di [[LOCATION:Hotel Sago Indah]]. Bos [[LOCATION:Bintang Bagurau]] tu indak suko polisi.
P: Pernah kena razia?
I: Pernah sakali, di [[LOCATION:Hotel Sago Indah]] juo.""",
    ),
    (
        "id",
        "Apotek dan klinik",
        """P: Kalau sakit berobat ke mana?
I: Ka [[ORG:Klinik Bundo Kanduang]], atau bali ubek di [[ORG:Apotek Sehat Saiyo]] di [[LOCATION:Ulak Karang]].
P: Bayar sendiri?
I: Iyo, [[ORG:Sehat Saiyo]] murah saketek.""",
    ),
    (
        "id",
        "Laundry dan koperasi",
        """P: Siang kerja apa, Uni?
I: Nyetrika di [[ORG:Laundry Harum Sari]], di [[LOCATION:Kelurahan Kampung Jao]]. Utang ambo di [[ORG:Koperasi Tuah Basamo]] alun lunas.
P: Berapa utangnya?
I: Duo juta. [[ORG:Tuah Basamo]] tiok minggu datang managiah.""",
    ),
    (
        "id",
        "Warung dan kedai",
        """P: Biasanya janjian sama tamu di mana?
I: Di [[LOCATION:Warung Uni Ijah]] atau di [[LOCATION:Kedai Kopi Saruang]], di [[LOCATION:Purus]].
P: Kenapa di situ?
I: Rami, jadi aman. Urang [[LOCATION:Kedai Kopi Saruang]] kenal ambo.""",
    ),
    (
        "id",
        "Nama tamu dan tempat kerjanya",
        """P: Tamu yang berutang itu siapa?
I: Namonyo [[PERSON:Rizal Sutan Mudo]], kecek nyo karajo di [[ORG:PT Semen Batu Gadang]].
P: Uni pernah ke kantornya?
I: Indak. [[PERSON:Rizal]] tingga di [[LOCATION:Indarung]], tu nan ambo tau.""",
    ),
    (
        "id",
        "Balai latihan dan yayasan",
        """P: Apa rencana Uni ke depan?
I: Nio kursus manjaik di [[ORG:Balai Latihan Kerja Padang Pariaman]]. Urang [[ORG:Yayasan Bundo Saiyo]] nan mancarian tampek.
P: Di mana yayasannya?
I: Di [[LOCATION:Lubuk Buaya]], dakek [[LOCATION:Masjid Raya Lubuk Buaya]].""",
    ),
    (
        "en",
        "Platforms one after another",
        """P: Who do you ride for?
I: Mostly [[ORG:Parcelo]], and on quiet nights [[ORG:Snapdash]]. Before that I did two years for [[ORG:Quickbyte]].
P: Which pays better?
I: [[ORG:Parcelo]], but [[ORG:Snapdash]] tips more.""",
    ),
    (
        "en",
        "A café and a market",
        """P: Where do you wait between orders?
I: Outside [[LOCATION:Bean Theory Café]] on [[LOCATION:Holloway Road]], or by [[LOCATION:Chapel Market]] in [[LOCATION:Islington]].
P: Is it safe there?
I: Mostly. The owner of [[LOCATION:Bean Theory Café]] lets us use the loo.""",
    ),
    (
        "en",
        "A care home and a college",
        """Interviewer: What did you do before riding?
Rider: Night shifts at [[ORG:Elmcroft Care Home]] in [[LOCATION:Tooting]], then a course at [[ORG:Lambeth College]].
Interviewer: Why did you stop?
Rider: [[ORG:Elmcroft]] cut the night staff.""",
    ),
    (
        "en",
        "A firm named after a person",
        """P: Where do you get the bike fixed?
I: [[ORG:Tariq's Cycles]] on [[LOCATION:Green Lanes]]. [[PERSON:Tariq]] himself is fine, his nephew [[PERSON:Bilal]] overcharges.
P: And the van?
I: [[ORG:Okafor Motors Ltd]] in [[LOCATION:Edmonton]].""",
    ),
    (
        "en",
        "Community centre and library",
        """P: Where did the riders meet?
I: At [[LOCATION:Marden Community Centre]], then later at [[LOCATION:Stroud Green Library]]. The union rep from [[ORG:Couriers United]] came.
P: Who was the rep?
I: [[PERSON:Nadia Osei]], very calm.""",
    ),
    (
        "en",
        "An estate and a depot",
        """P: Where was the order?
I: [[LOCATION:Kingsmead Estate]], block C, near [[LOCATION:Hackney Wick]]. I picked it up at the [[ORG:Parcelo]] depot in [[LOCATION:Leyton]].
P: What went wrong?
I: Nobody answered. [[LOCATION:Kingsmead Estate]] has no lift.""",
    ),
    (
        "en",
        "Hospital and clinic",
        """Interviewer: Were you hurt?
Rider: Wrist. They sent me to [[ORG:Whittington Hospital]], then physio at [[ORG:Archway Health Clinic]].
Interviewer: Did the app pay anything?
Rider: [[ORG:Snapdash]] paid nothing. [[ORG:Whittington]] was good though.""",
    ),
    (
        "id",
        "Chat dengan penyebutan tempat",
        """[[[DATE:03/09/24]] 20.14] Informan: kak aku udah di kos [[LOCATION:melati saiyo]]
[[[DATE:03/09/24]] 20.15] Peneliti: oke, tadi dari [[ORG:toko ria jaya]] ya?
[[[DATE:03/09/24]] 20.16] Informan: iya kak, abis itu ke [[LOCATION:hotel puti bungsu]] antar barang""",
    ),
    (
        "en",
        "Restaurant and takeaway",
        """P: Which restaurants keep you waiting?
I: [[LOCATION:Golden Lotus]] on [[LOCATION:Kilburn High Road]], every time. And [[LOCATION:Pizza Rustica Kilburn]], twenty minutes.
P: Do you complain?
I: To [[ORG:Quickbyte]] support, yes. Nothing happens.""",
    ),
]
