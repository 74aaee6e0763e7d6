CASES = [
("id", "Kerja di toko tanpa kata toko", """P: Kini Uni karajo di ma?
I: Jago kasir di [[ORG:Rindang Sentosa]], tokonyo di [[LOCATION:Pasar Raya]]. Sabalunnyo ambo ikuik urang di [[ORG:Toko Mutiara Bungsu]].
P: Di [[ORG:Rindang Sentosa]] itu berapa lama?
I: Baru ampek bulan. [[ORG:Mutiara Bungsu]] tutuik wakatu puaso."""),
("id", "Kos diulang tanpa kata kos", """P: Tinggal di kos mana, Kak?
I: Di [[LOCATION:Kos Seroja Indah]], dakek [[LOCATION:Tabing]]. Urang [[LOCATION:Seroja Indah]] banyak nan mahasiswa.
P: Bayarnya berapa sebulan?
I: Tujuah ratuih. Sabalunnyo di [[LOCATION:Wisma Teratai Putih]], tapi [[LOCATION:Teratai Putih]] tu panek, banyak razia."""),
("id", "Asal dan pindah", """P: Uni asal dari mana?
I: Dari [[LOCATION:Koto Baringin]], tapi gadang di [[LOCATION:Sungai Limau]]. Ka [[LOCATION:Padang]] baru tigo tahun.
P: Keluarga masih di kampung?
I: Amak di kampuang, adiak ka [[LOCATION:Dumai]] karajo di kebun sawit [[ORG:PT Sawit Lestari Riau]]."""),
("id", "Karaoke dan warung", """P: Biasanya kerja malam di mana?
I: Pemandu lagu di karaoke [[LOCATION:Bintang Senja]], di [[LOCATION:Air Tawar]]. Siang bantu-bantu di [[LOCATION:Warung Uda Pian]].
P: Karaokenya besar?
I: Gadang. Di [[LOCATION:Bintang Senja]] ado limo baleh room."""),
("id", "Chat pesan makanan", """[[[DATE:11/07/24]] 21.02] Informan: kak td aku pesan nasi di [[ORG:sambal lado mudo]] lwt gofood
[[[DATE:11/07/24]] 21.03] Informan: trus antar ke kos [[LOCATION:melati dua]]
[[[DATE:11/07/24]] 21.05] Peneliti: Oke dek, jadi besok ketemu di mana?
[[[DATE:11/07/24]] 21.06] Informan: di kafe [[LOCATION:rumah kopi ranah]] aja kak"""),
("id", "Kerja di laundry dan apotek", """P: Sebelum ini kerja apa?
I: Dulu karajo di [[ORG:Cahaya Laundry]], nyetrika. Kini di [[ORG:Apotek Kasih Bundo]], bagian gudang.
P: Apotek itu dekat kos?
I: Dakek, di [[LOCATION:Belanti]]. Bos [[ORG:Kasih Bundo]] baik, gaji tapek wakatu."""),
("id", "Razia di wisma", """P: Pernah kena razia?
I: Pernah, di [[LOCATION:Wisma Rantau Permai]] tahun lalu. Satpol PP datang malam. Kawan ambo dibawa ka kantor.
P: Habis itu pindah?
I: Pindah ka [[LOCATION:Penginapan Sinar Pagi]] di [[LOCATION:Lubuk Begalung]]. [[LOCATION:Rantau Permai]] kini lah tutuik."""),
("id", "Suami di bengkel", """P: Suami kerja apa?
I: Montir di [[ORG:Bengkel Sakato Motor]], di [[LOCATION:Kuranji]]. Kadang ambiak borongan dari [[ORG:Sakato Motor]] cabang [[LOCATION:Pariaman]].
P: Gaji suami cukup?
I: Indak cukuik, makonyo ambo cari tambahan di [[ORG:Katering Bundo Rasa]]."""),
("id", "Berobat dan yayasan", """P: Kalau sakit ke mana?
I: Ka [[ORG:Klinik Medika Andalas]], kadang ka [[ORG:Puskesmas Ambacang]]. Dulu pernah dibantu [[ORG:Yayasan Cahaya Perempuan Ranah]].
P: Yayasan itu masih ada?
I: Masih. [[ORG:Cahaya Perempuan Ranah]] sering datang ka [[LOCATION:Pasir Jambak]]."""),
("id", "Kerja di rumah makan", """P: Pernah kerja di rumah makan?
I: Pernah, jadi pelayan di [[ORG:RM Puncak Saiyo]] duo tahun. Habis tu pindah ka [[ORG:Sate Dangung Ajo]], cuci piriang.
P: Kenapa keluar?
I: Gaji di [[ORG:Sate Dangung Ajo]] kurang, ambo baliak ka [[LOCATION:Solok]] sabanta."""),
("en", "Rider's restaurants", """Q: Which restaurants do most of your orders come from?
A: Mostly [[LOCATION:Golden Wok]] and [[LOCATION:Peri Hut]] on the high street in [[LOCATION:Tooting]]. The guys at [[LOCATION:Golden Wok]] know me now.
Q: Do they make you wait?
A: [[LOCATION:Peri Hut]] is slow. I waited forty minutes there once."""),
("en", "Depot and agency", """Q: Did you work anywhere before riding?
A: I was on nights at the [[ORG:Harwick Parcels]] depot in [[LOCATION:Enfield]], through an agency called [[ORG:Staffwise]].
Q: Why did you leave?
A: [[ORG:Staffwise]] cut my hours. [[ORG:Harwick Parcels]] kept the permanent lads only."""),
("en", "Where he lives", """Q: Where are you based?
A: I'm from [[LOCATION:Sylhet]] originally, came over in 2015. Now I live on the [[LOCATION:Marlowe Estate]] in [[LOCATION:Leyton]].
Q: Is that near your zone?
A: Close enough. I do [[LOCATION:Stratford]] and [[LOCATION:Bow]] mostly, sometimes [[LOCATION:Canning Town]]."""),
("en", "One-word employer", """Q: What does your wife do?
A: She works for [[ORG:Brevlo]], the cleaning company, offices in town. I did two years with [[ORG:Swiftline]] before the apps.
Q: Was [[ORG:Swiftline]] a courier firm?
A: Yeah, vans. [[ORG:Brevlo]] is better, they pay sick days."""),
("en", "Lower-case chat, shop job", """[[[DATE:02/05/2024]], 22:10] Rider: cant talk long, im at [[ORG:quickmart]] til 11
[[[DATE:02/05/2024]], 22:11] Researcher: no problem, is that your other job?
[[[DATE:02/05/2024]], 22:12] Rider: yeah stacking shelves. then i log on for deliveries from [[LOCATION:nandos]] in [[LOCATION:peckham]]"""),
("en", "Hotel and gym", """Q: Where do you wait between orders?
A: Outside the [[LOCATION:Belmont Hotel]] on [[LOCATION:Kingsland Road]], there's a bench. I shower at [[ORG:FitBox Gym]] in [[LOCATION:Dalston]].
Q: Do the staff mind?
A: The [[LOCATION:Belmont]] doorman is fine with us."""),
("en", "Food bank and charity", """Q: Has anyone helped you with money?
A: The [[ORG:Riverside Community Pantry]] gave us food when the app blocked me. A charity, [[ORG:Ridersafe Trust]], helped me appeal.
Q: How did you hear of them?
A: A guy at the [[ORG:Ridersafe Trust]] stall outside [[LOCATION:Whitechapel]] station."""),
("en", "Repair shop", """Q: Who fixes your bike?
A: [[ORG:Spokes & Sons]] in [[LOCATION:Hackney Wick]], they know e-bikes. My mate works at [[ORG:Voltcycle]], he gets me parts.
Q: Expensive?
A: [[ORG:Voltcycle]] gives him a discount, so no."""),
]
