CASES = [
("id", "Laundry dan kedai kopi", """P: Sebelum kenal MiChat, Uni kerja apa?
I: Dulu di [[ORG:Laundry Cahaya Bundo]] dekat [[LOCATION:Simpang Haru]], setahun. Gajinyo ketek. Habis itu pindah ka [[ORG:Kedai Kopi Rang Mudo]], jadi pelayan.
P: Yang punya kedai tahu kerja Uni yang lain?
I: Ndak. Bosnyo urang [[LOCATION:Solok]], jarang datang."""),
("id", "Chat WhatsApp huruf kecil", """[[[DATE:12/03/24]] 21.04] Informan: aku skrg kerja di laundry [[ORG:berkah jaya]] kak, shift malam
[[[DATE:12/03/24]] 21.05] Peneliti: oh yg dekat kampus itu?
[[[DATE:12/03/24]] 21.06] Informan: iya. sebelumnya jaga konter hp [[ORG:mulia cell]] tp udah tutup
[[[DATE:12/03/24]] 21.07] Informan: gaji di laundry cuma 1,2 jt"""),
("id", "Sekolah anak dan rumah makan", """P: Anak Uni sekolah di mana?
I: Yang gadang di [[ORG:SD Negeri 12 Kuranji]], yang ketek di [[ORG:TK Pertiwi Ranah]]. Ambo dulu masak di [[ORG:RM Sari Bundo Kanduang]], tapi kakinyo sakik tagak lamo.
P: Sekarang masih masak?
I: Ndak, kini di rumah sajo, terima pesanan lewat WA."""),
("id", "Utang koperasi", """P: Utangnya ke mana saja, Kak?
I: Ke koperasi, [[ORG:Koperasi Harapan Kito]], samo ka bank keliling. Suami karajo di [[ORG:UD Tani Makmur Sejati]] bagian angkat pupuk, gajinyo habis untuak cicilan.
P: Kakak Uni juga bantu?
I: Kakak ambo di [[ORG:CV Bintang Selatan Abadi]], tapi baru masuak."""),
("id", "Nama sebelum kata usaha", """P: Pernah kerja di mana saja?
I: Di [[ORG:Sinar Pagi Laundry]] dulu, terus jaga konter di [[ORG:Amanah Cell]]. Sekarang suami di [[ORG:Dua Saudara Motor]], bengkel di [[LOCATION:Lubuk Begalung]].
P: Bengkelnya ramai?
I: Lumayan, banyak ojek."""),
("id", "Pendamping dan puskesmas", """P: Siapa yang dampingi waktu itu?
I: Dari [[ORG:Yayasan Sahabat Ranah]], kadang juga dari [[ORG:LSM Pelita Perempuan]]. Kami diperiksa ke [[ORG:Puskesmas Lapai]], tiga bulan sekali.
P: Petugasnya ramah?
I: Ramah, Kak. Ada juga bidan dari [[ORG:Klinik Bunda Kasih Utama]] yang datang ke kos."""),
("id", "Razia dan dinas", """P: Kejadian razia itu bagaimana?
I: Malam itu Satpol PP datang, polisi juga ada. Kami dibawa ke [[ORG:Dinas Sosial Kota Padang]], didata, difoto.
P: Berapa lama di sana?
I: Dua malam. Yang jemput kawan dari [[ORG:Satpol PP Kota Padang]] juga, katanya bisa diurus."""),
("id", "Arisan dan tabungan", """P: Uangnya disimpan di mana?
I: Ambo ikut arisan, [[ORG:Arisan Bundo Saiyo]], tiap Jumat. Sisanyo di [[ORG:BPR Ranah Saiyo]] cabang [[LOCATION:Pasar Raya]].
P: Ada kelompok lain?
I: Ado, [[ORG:Komunitas Peduli Sesama]], tapi jarang kumpul."""),
("id", "Hotel sebagai tempat kerja", """P: Uni kerja di hotel?
I: Iyo, ambo karajo di [[ORG:Hotel Bunga Tanjung]] jadi tukang cuci, tapi tinggal di [[LOCATION:Kos Melati Putih]].
P: Tamu biasanya ketemu di mana?
I: Di [[LOCATION:Wisma Ranah Indah]] kadang, atau di kafe."""),
("id", "Kasir toko", """P: Sebelum ini kerja apa?
I: Ambo jaga kasir di toko [[ORG:Sinar Abadi]], punyo urang [[LOCATION:Pondok]]. Sebelum itu ikut [[ORG:Sumbar Jaya Trans]] jadi kernet travel.
P: Kenapa berhenti?
I: Dipecat, Kak, gara-gara telat tiga kali."""),
("id", "Kuliah dan sekolah adik", """P: Dulu sempat kuliah?
I: Sempat, di kampus [[ORG:STIKES Bunda Mulia]], satu semester. Adiak ambo masih di [[ORG:SMK Negeri 4 Padang]], jurusan tata boga.
P: Yang bayar uang sekolahnya?
I: Ambo, dari kiriman tiap bulan."""),
("id", "Ormas dan preman", """P: Ada yang minta uang keamanan?
I: Ado. Urang dari ormas [[ORG:Laskar Ranah Bundo]], tiap minggu datang. Kami bayar ke ketuanyo, Bang [[PERSON:Rizal]].
P: Polisi tahu?
I: Tahu, tapi diam sajo."""),
("id", "Salon dan katering", """P: Kerja sampingan apa, Kak?
I: Bantu di [[ORG:Salon Cantik Rupawan]] tiap Sabtu, sama ikut [[ORG:Rizki Catering]] kalau ada pesta. Bosnyo baik, Buk [[PERSON:Yen]].
P: Dibayar harian?
I: Iyo, harian."""),
("id", "Suami narik", """P: Suami kerja apa?
I: Narik ojol, Kak, buat [[ORG:Jalanku]], kadang juga kurir [[ORG:KirimKilat]]. Kami pakai WhatsApp sama Google Maps sajo.
P: Motornya sendiri?
I: Kredit, Honda Beat, di leasing [[ORG:Mitra Dana Sejahtera]]."""),
("en", "Rider on apps", """P: Who are you riding for these days?
I: Mostly [[ORG:Parcelo]], and weekends for [[ORG:Munchly]]. I use Google Maps and WhatsApp, that's it.
P: And before?
I: [[ORG:Swiftbox]] let me go in March after a face check failed. No warning."""),
("en", "Removals and couriers", """P: What did you do before delivery work?
I: Removals. I signed up with [[ORG:Hollis & Sons]] in [[LOCATION:Croydon]], then drove vans for [[ORG:Brackley Couriers Ltd]].
P: Why did you leave?
I: They cut the rates. Everyone left."""),
("en", "Agency and depot", """P: How did you end up picking?
I: The agency, [[ORG:Keystaff]], sent me to the [[ORG:Fernhill Distribution]] depot in [[LOCATION:Enfield]]. Nights, ten till six.
P: Did the agency pay on time?
I: Mostly. Once they forgot a whole week."""),
("en", "Housing and council", """P: Where are you living now?
I: A flat with [[ORG:Greenway Housing Association]] in [[LOCATION:Tottenham]]. Before that the council had me in a hostel.
P: Did anyone help with the move?
I: A caseworker from [[ORG:Haringey Council]] and a lady at [[ORG:Northside Food Bank]]."""),
("en", "Doctor and food bank", """P: Could you see a doctor after the crash?
I: I'm registered at [[ORG:Abbeyfield Surgery]], but they had no slots. I went to the walk-in instead.
P: And money that month?
I: The food bank at [[ORG:Kingsway Baptist]] helped, and my cousin."""),
("en", "Gym and college", """P: Do you have other work?
I: Cleaning nights at [[ORG:PureForm Gym]] in [[LOCATION:Walthamstow]]. And I'm doing ESOL at [[ORG:Westbridge College]] on Tuesdays.
P: How do you fit it all in?
I: I don't sleep much, honestly."""),
("en", "Deactivated", """P: What happened with the account?
I: [[ORG:Dashly]] deactivated me, no reason. Then [[ORG:Wheelo]] took me on, they pay weekly.
P: Did you appeal?
I: I emailed support. Nothing. The union, [[ORG:IWGB]], said they would look at it."""),
("en", "Co-op and shop", """P: Any jobs before you came to London?
I: In [[LOCATION:Lagos]] I was a cashier at [[ORG:Olumide Stores]]. Here I did a year at [[ORG:Eastfield Co-op]] on the tills.
P: Why did you stop?
I: The hours. Riding pays better some weeks."""),
("en", "Lower-case chat", """[[[DATE:09/05/2024]], 22:14] Rider: yeah i ride for [[ORG:zipgo]] now, left [[ORG:fetchly]] in april
[[[DATE:09/05/2024]], 22:15] Interviewer: was that your choice?
[[[DATE:09/05/2024]], 22:16] Rider: kinda. they kept docking pay. mate from the hub said [[ORG:zipgo]] was better"""),
("en", "Bike and insurance", """P: Where did you get the e-bike?
I: Rented it through [[ORG:Cyclevo]], forty quid a week. Insurance through [[ORG:Ridersafe]] but they never paid out.
P: Did you try the police?
I: The police gave me a crime number and that's it."""),
("en", "Warehouse and client", """P: Where did you work when you first arrived?
I: Packing at [[ORG:Tremont Foods]] in [[LOCATION:Park Royal]], through an agency called [[ORG:Bluegate Recruitment]].
P: Was it a good place?
I: The supervisor was fine. The agency kept two hours every week."""),
("en", "Cleaning for a firm", """P: Do you still clean?
I: Two mornings for [[ORG:Sparkwell]], offices in [[LOCATION:Shoreditch]]. My sister works for [[ORG:Dale & Brook Cleaning]] too.
P: Are you paid the same?
I: Ten fifty an hour, both of us."""),
]
