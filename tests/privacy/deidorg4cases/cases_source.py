CASES = [
("id", "Tempat tinggal di kos", """P: Sekarang Uni tinggal di mana?
I: Di [[LOCATION:Kos Pelita Ranah]], dakek [[LOCATION:Lubuk Buaya]]. Sabalunnyo ambo di [[LOCATION:Wisma Cempaka Sari]], tapi pamiliknyo cerewet.
P: Kos yang sekarang ramai?
I: Indak, anam kamar sajo. Urang [[LOCATION:Kos Pelita Ranah]] indak ado nan tau karajo ambo."""),
("id", "Chat kerja toko", """[[[DATE:14/05/24]] 20.11] Informan: kak aku skrg jaga toko [[ORG:sumber rezeki abadi]] di pasar, pagi smp sore
[[[DATE:14/05/24]] 20.12] Peneliti: Oh, toko apa itu?
[[[DATE:14/05/24]] 20.13] Informan: toko baju kak. gaji di [[ORG:sumber rezeki abadi]] cuma 1,5 jt"""),
("id", "Salon dan kafe", """P: Adik Uni masih karajo?
I: Masih, di [[ORG:Salon Putri Andalas]], nyuci rambuik. Kadang malam ambo janji ketemu kawan di [[LOCATION:Kafe Teras Senja]], dakek [[LOCATION:Purus]].
P: Salonnya besar?
I: Ketek sajo, [[ORG:Salon Putri Andalas]] tu cuma tigo urang."""),
("id", "Suami sopir", """P: Suami kerja apa, Kak?
I: Sopir di [[ORG:CV Tigo Sapakek]], angkut barang ka [[LOCATION:Bukittinggi]]. Dulu ikut [[ORG:PT Andalas Prima Niaga]] tapi di-PHK.
P: Gajinya cukup?
I: Indak, makonyo ambo cari tambahan."""),
("id", "Utang dan bantuan", """P: Pernah pinjam uang?
I: Pernah, ka [[ORG:Koperasi Sejahtera Bersama]], limo juta. Bungonyo tinggi. Baru kini dibantu [[ORG:Yayasan Pelita Hati Bundo]] untuak anak sakolah.
P: Yayasan itu dari gereja?
I: Indak, dari urang [[LOCATION:Ulak Karang]] sajo."""),
("id", "Berobat", """P: Kalau sakit berobat ke mana?
I: Ka [[ORG:Puskesmas Lapai]], kalau antri panjang ka [[ORG:Klinik Pratama Sehat Bundo]]. Bayar tigo puluah ribu.
P: Pakai BPJS?
I: Ado, tapi kartunyo hilang."""),
("id", "Tempat ketemu tamu", """P: Biasanya ketemu di mana?
I: Di [[LOCATION:Hotel Bayur Indah]] atau di karaoke [[LOCATION:Nada Ceria]]. Kadang di [[LOCATION:Wisma Kenanga]] juo.
P: Pernah ada razia?
I: Pernah, di [[LOCATION:Hotel Bayur Indah]], polisi datang malam-malam. Ambo lari lewat pintu balakang."""),
("id", "Rumah makan tempat kerja", """P: Sebelum pakai MiChat, kerja di mana?
I: Jadi tukang cuci piring di [[ORG:Rumah Makan Selera Kito]], duo tahun. Habis tu di [[ORG:Warung Sudut Pauh]], bantu masak.
P: Kenapa berhenti?
I: Warung tu tutup, pamiliknyo pindah ka [[LOCATION:Pekanbaru]]."""),
("id", "Chat huruf kecil laundry", """[[[DATE:02/06/24]] 19.40] Informan: td aku antar baju ke laundry [[ORG:wangi bersih]] dl kak
[[[DATE:02/06/24]] 19.41] Informan: trus mampir wisma [[LOCATION:anggrek biru]], kawan aku tinggal disitu
[[[DATE:02/06/24]] 19.45] Peneliti: Oke, nanti kita ketemu jam 8 ya"""),
("id", "Nama toko diulang", """P: Tempat kerja yang pertama?
I: Di [[ORG:Toko Sinar Makmur Jaya]], jualan sepatu. Di [[ORG:Sinar Makmur Jaya]] itu ambo tigo tahun.
P: Bosnya baik?
I: Baik, tapi [[ORG:Sinar Makmur Jaya]] bangkrut wakatu covid."""),
("id", "Aplikasi dan polisi", """P: Kenal tamu dari mana?
I: Dari MiChat, kadang WhatsApp. Pernah ditangkok polisi, dibawa Satpol PP. Kini ambo juo karajo di [[ORG:Bengkel Karya Motor Jaya]], bagian kasir.
P: Masih pakai MiChat?
I: Masih, tapi jarang. Ambo beli Indomie sajo untuak makan."""),
("id", "Konter pulsa", """P: Ada usaha sampingan?
I: Ado, jago [[ORG:Konter Berkah Seluler]] punyo sepupu. Dulu di konter [[ORG:Duo Putri]], dakek [[LOCATION:Pasar Alai]].
P: Ramai pembeli?
I: Lumayan, kalau malam minggu."""),
("id", "Warung dan kos campur", """P: Uni sering makan di mana?
I: Di [[LOCATION:Warung Mak Itam]] dakek kos. Kos ambo namonyo [[LOCATION:Kos Harmoni]], di [[LOCATION:Jati]].
P: Jauh dari tempat kerja?
I: Indak, ambo karajo di laundry [[ORG:Bundo Saiyo]], jalan kaki sajo."""),
("id", "Tempat kerja suami dan adik", """P: Keluarga kerja di mana saja?
I: Suami di [[ORG:UD Bina Tani]], urus pupuk. Adiak ambo di [[ORG:Apotek Sehati]] dakek [[LOCATION:Siteba]], jadi kasir.
P: Mereka tahu Uni pakai aplikasi?
I: Indak, ambo bilang karajo di [[ORG:Apotek Sehati]] juo, shift malam."""),
("en", "Rider's second job", """Q: Do you do anything besides riding?
A: Yeah, I do nights at [[ORG:Hollins & Sons]], the bakery in [[LOCATION:Walthamstow]]. My cousin packs boxes for [[ORG:Northway Fulfilment]].
Q: Is that better money?
A: Not really. [[ORG:Hollins & Sons]] pay on time though."""),
("en", "GP and gym", """Q: When you got hurt, where did you go?
A: [[ORG:Greenbank Surgery]] first, then they sent me to physio. I used to train at [[ORG:Ironside Gym]] but I cancelled.
Q: And your daughter?
A: She's at [[ORG:Lantern Academy]], year nine."""),
("en", "Lower-case chat with a rider", """[[[DATE:03/04/2024]], 21:14] Rider: been doing shifts at [[ORG:tasty dragon]] kitchen, cash in hand lol
[[[DATE:03/04/2024]], 21:15] Researcher: Is that a takeaway?
[[[DATE:03/04/2024]], 21:16] Rider: yeah chinese. before that i drove for [[ORG:quickvan]] till they binned me"""),
("en", "Co-op and agency", """Q: Who did you work for before the apps?
A: I stacked shelves at the [[ORG:Marsh End Co-op]] for a year, then an agency, [[ORG:Brightstaff]], put me in a warehouse.
Q: Which warehouse?
A: [[ORG:Pellow Couriers Ltd]], out by the ring road."""),
("en", "Cleaning work", """Q: What does your partner do?
A: She cleans for [[ORG:Sparkle Bright]], offices mostly. Before that she got taken on by [[ORG:Tallow Foods]] on the line.
Q: Does she like it?
A: It's fine. [[ORG:Sparkle Bright]] give her the same buildings every week."""),
("en", "Pick-ups at restaurants", """Q: Where do you wait for orders?
A: Outside [[LOCATION:Kebab Palace]] on the high street, or by [[LOCATION:Cafe Rosalind]]. The staff at [[LOCATION:Kebab Palace]] let us use the toilet.
Q: Any places you avoid?
A: The burger place in [[LOCATION:Stratford]], they make you wait forever."""),
("en", "Council and housing", """Q: Did anyone help when you lost the flat?
A: The council were useless. The police took a statement, that's it. In the end [[ORG:Kestrel Housing Association]] found me a room.
Q: How did you find them?
A: Someone at [[ORG:Bethany Food Bank]] gave me the number. I rang them on WhatsApp."""),
("en", "Depot work", """Q: Where do you load up?
A: The [[ORG:Fenwick Logistics]] depot in [[LOCATION:Dagenham]]. Before that I was at [[ORG:Carraway Parcels]], they had me on nights.
Q: Who manages it?
A: A guy called [[PERSON:Dariusz]]. He's all right."""),
("en", "Nail bar and barbers", """Q: What did you do when you first came?
A: Worked at [[ORG:Lotus Nail Studio]] in [[LOCATION:Ilford]]. My brother cuts hair at [[ORG:Sharp Lines Barbers]].
Q: Still there?
A: He is. I left the studio when I got the bike."""),
("en", "Hotel shifts and products", """Q: Any other work?
A: Housekeeping at the [[LOCATION:Crestmoor Hotel]], two mornings. I bought a Honda off a mate, and I use Uber Eats and Deliveroo on the same phone.
Q: Did the hotel pay well?
A: Minimum wage. The manager at the [[LOCATION:Crestmoor Hotel]] was fair though."""),
]
