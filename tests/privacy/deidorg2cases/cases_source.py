CASES = [
("en", "Rider on two apps", """P: Who do you ride for at the moment?
I: Mostly [[ORG:Zoomdrop]] in the week, and [[ORG:Parcelwing]] on Sundays when it's busy. I use WhatsApp to talk to the other riders.
P: And before that?
I: I was laid off from [[ORG:Treloar Freight]] in the spring, so I signed up with [[ORG:Quickbasket]]."""),
("en", "Cleaner and agency", """P: How did you get the hotel job?
I: Through an agency, [[ORG:Brightpath Staffing]]. They placed me at the [[LOCATION:Harbourview Hotel]] on nights.
I: My sister works at [[ORG:Kettering & Daughters]], the bakery on the corner, she's been there years."""),
("en", "Kebab shop worker", """I: I do shifts at [[ORG:Anatolia Grill]] most weekends, the owner is [[PERSON:Mehmet]].
P: Is that in town?
I: Yeah, in [[LOCATION:Bramcote]], near the station. Before that I was at [[ORG:Pennock Motors]] washing cars."""),
("en", "Courier and union", """I: We joined the [[ORG:Independent Couriers Guild]] after the rate cut.
P: Did the company respond?
I: [[ORG:Swiftlane]] just sent an email. I read it on Google Maps while waiting, sorry, on my phone. The rep from [[ORG:Swiftlane]] never came."""),
("en", "Owner of a small firm", """I: My dad is the owner of [[ORG:Halloway Plumbing]], and my mum does the books for [[ORG:Greaves Lettings]].
P: Do you work for your dad?
I: Sometimes, but mostly I drive for [[ORG:Cabora]]. [[PERSON:Josh]] from school drives for them too."""),
("en", "Words as names", """I: I used to work at [[ORG:Harvest]], the health food place, then at [[ORG:Oak & Ember]] in the kitchen.
P: Why did you leave?
I: The manager, [[PERSON:Carla]], cut my hours. Now I'm with [[ORG:Nimbus Delivery]]."""),
("en", "Staying and working", """I: I stayed at the [[LOCATION:Sunrise Lodge]] for two weeks when I first came.
P: And work?
I: A labour agency, [[ORG:Workforce Direct]], got me into [[ORG:Colmore Packaging Ltd]] on the line. I check my shifts on the Indeed app."""),
("en", "Laundry and clinic", """I: My wife runs [[ORG:Fresh Fold Laundry]] on the high street.
P: Busy?
I: Very. She also cleans for [[ORG:Aldgrove Dental Clinic]] on Mondays. We live in [[LOCATION:Heaton Mersey]]."""),
("en", "Gig and bank", """I: Tips come through the app, then I move them to my [[ORG:Tidepool]] account. Well, a bank anyway.
P: Any loans?
I: I borrowed from [[ORG:Lendwise]] once, never again. [[ORG:Lendwise]] charged a fortune."""),
("en", "Restaurant group", """I: I'm a runner for [[ORG:Spice Route Group]], they've got four restaurants.
P: Where are you based?
I: The one in [[LOCATION:Kentish Town]]. My supervisor is [[PERSON:Priya Raman]]."""),
("en", "Taxi firm", """I: Before the apps I drove for [[ORG:Arrow Cars]], a local taxi firm.
P: And then?
I: [[ORG:Arrow Cars]] closed, so I went to [[ORG:Velocab]]. My friend [[PERSON:Tunde]] is still a driver there."""),
("en", "Market trader", """I: I buy stock from [[ORG:Okafor Textiles]] and sell at [[LOCATION:Deptford Market]].
P: Do you have help?
I: My nephew [[PERSON:Chidi]]. He also does deliveries for [[ORG:Packmule]]."""),
("id", "Kerja di toko", """P: Sekarang kerja di mana, Kak?
I: Kerja di [[ORG:Toko Sumber Rezeki]], jaga kasir. Kadang bantu di [[ORG:UD Tani Makmur]] punya paman.
P: Jauh dari kos?
I: Nggak, kosnya di [[LOCATION:Kos Melati Putih]], dekat pasar."""),
("id", "Ojek online", """P: Narik buat aplikasi apa, Bang?
I: Dulu narik buat [[ORG:Jekyuk]], sekarang ikut [[ORG:Gasken]]. Pesan pelanggan lewat WA aja.
P: Enak yang mana?
I: [[ORG:Gasken]] potongannya lebih kecil."""),
("id", "PT dan PHK", """I: Suami saya di-PHK dari [[ORG:PT Bintang Samudra Logistik]] tahun lalu.
P: Terus kerja apa sekarang?
I: Dia ikut [[ORG:CV Anugerah Teknik]], pasang AC. Saya jualan di rumah aja, di [[LOCATION:Lubuk Buaya]]."""),
("id", "Laundry dan salon", """I: Saya kerja di [[ORG:Bening Laundry]] dekat kampus, Kak.
P: Sudah lama?
I: Baru tiga bulan. Sebelumnya di [[ORG:Salon Cantik Ayu]], tapi bosnya, Bu [[PERSON:Rosmaini]], galak."""),
("id", "Bengkel dan dealer", """I: Abang saya kerja di bengkel [[ORG:Sinar Motor]], di bawah [[ORG:Graha Otomotif]]... eh, bukan, dealer [[ORG:Mandala Motor]].
P: Di mana itu?
I: Di daerah [[LOCATION:Ulak Karang]], [[LOCATION:Padang Utara]]."""),
("id", "Yayasan dan agen", """I: Saya dapat kerja lewat agen [[ORG:Mitra Karya Insani]], disalurkan ke rumah orang di [[LOCATION:Pekanbaru]].
P: Ada yang bantu waktu ada masalah?
I: Ada, [[ORG:Yayasan Perempuan Berdaya]]. Kak [[PERSON:Yusnita]] dari sana yang dampingi."""),
("id", "Rumah makan", """I: Dulu karajo di [[ORG:Rumah Makan Selera Jaya]], tukang cuci piring.
P: Lamo?
I: Duo tahun. Kini ambo di [[ORG:Katering Bundo Kanduang]] punyo tetangga, masak untuak acara."""),
("id", "Koperasi dan bank", """I: Pinjam ke [[ORG:Koperasi Simpan Pinjam Sejahtera]], bunganya lumayan.
P: Bukan ke bank?
I: Bank nggak mau. Dulu pernah pinjam di [[ORG:Danamaju]], aplikasi pinjol itu, ditagih terus."""),
("id", "Hotel dan kafe", """I: Janji ketemu di [[LOCATION:Hotel Citra Kasih]], bukan di [[LOCATION:Kafe Senja]].
P: Kakak kerja juga di situ?
I: Nggak, saya kerja di [[ORG:Apotek Sehat Sentosa]] siang hari. Chat pakai MiChat aja."""),
("id", "Nama yang juga kata", """I: Saya ikut [[ORG:Pelangi]], kelompok dampingan itu, sejak tahun lalu.
P: Kerjanya di mana?
I: Jaga toko di [[ORG:Bintang]], toko kelontong depan gang, punya Pak [[PERSON:Hendra]]."""),
("id", "Pabrik", """I: Kakak saya masuk [[ORG:PT Indah Karya Sentosa]], bagian packing.
P: Shift malam?
I: Iya. Suaminya kerja di [[ORG:Roti Mawar Bakery]], nganter roti pakai motor."""),
("id", "Sekolah dan klinik", """I: Anak saya sekolah di [[ORG:SDIT Cahaya Ilmu]], ambo antar tiap pagi.
P: Kalau sakit berobat ke mana?
I: Ke [[ORG:Klinik Pratama Bunda Sehat]], dekat [[LOCATION:Simpang Tabing]]."""),
("id", "Ekspedisi", """I: Saya kurir di [[ORG:Kilatkirim]], pakai motor sendiri.
P: Gaji bulanan?
I: Per paket. Teman saya, [[PERSON:Rizal]], pindah ke [[ORG:Ekspedisi Bukit Barisan]], katanya lebih enak."""),
("id", "Usaha keluarga", """I: Usaha keluarga kami namanya [[ORG:Kerupuk Sanjai Amak]], dijual ke [[ORG:Toko Oleh-Oleh Ummi]].
P: Siapa yang pegang?
I: Uni [[PERSON:Desmawati]], kakak saya. Saya bantu bungkus."""),
]
