CASES = {
    "id-01": """P: Uni tinggal di mana sekarang?
I: Ngekos di [[LOCATION:Kos Putri Melati]], daerah [[LOCATION:Lubuk Buaya]]. Dulu di [[LOCATION:Kelurahan Air Tawar Barat]], dekat kampus.
P: Asli mana, Uni?
I: Asli [[LOCATION:Painan]], Kak. Umur alah [[AGE:27 tahun]].""",
    "id-02": """P: Biasanya ketemu tamu di mana?
I: Biasanya di [[LOCATION:Wisma Tanjung Indah]] di [[LOCATION:Jalan Hamka]], atau di [[LOCATION:Hotel Bunda Kandung]] dekat [[LOCATION:Simpang Haru]].
P: Pernah kena razia di sana?
I: Pernah, waktu di [[LOCATION:Penginapan Sinar Rezeki]], tahun kemaren. Kami lari ke [[LOCATION:Pantai Air Manis]].""",
    "id-03": """I: Ambo urang [[LOCATION:Solok]], Kak. Marantau ka [[LOCATION:Batam]] dulu, baru pulang ke [[LOCATION:Padang]] tahun 2021.
P: Kenapa pulang?
I: Amak sakit di kampuang, di [[LOCATION:Jorong Koto Tuo]], [[LOCATION:Nagari Balingka]].""",
    "id-04": """P: Kosnya di mana, Uni?
I: Di [[ADDRESS:Jl. Gajah Mada Gg. Kenanga No. 14]], [[LOCATION:Kecamatan Nanggalo]].
P: Ada patokannya?
I: Di belakang [[LOCATION:Masjid Nurul Iman]], rumah cat hijau, [[ADDRESS:RT 03/RW 07]].""",
    "id-05": """P: Umur Uni berapa sekarang?
I: Tahun ko alah [[AGE:tigo puluah duo]], Kak. Anak ambo nan gadang [[AGE:sabaleh tahun]], nan ketek baru [[AGE:ampek tahun]].""",
    "id-06": """P: Waktu kenal suami dulu umur berapa?
I: Suami waktu itu umurnya udah [[AGE:kepala empat]], aku masih [[AGE:belasan tahun]]. Sekarang anakku [[AGE:6 tahun]], masuk SD tahun depan.""",
    "id-07": """P: Janjian ketemunya di mana biasanya?
I: Di [[LOCATION:Pasar Raya]] aja, atau depan [[LOCATION:Jembatan Siti Nurbaya]]. Kadang di [[LOCATION:Simpang Tigo Kalumbuk]] atau di [[LOCATION:Taman Melati]].
P: Jauh dari kos?
I: Nggak, naik ojek dari [[LOCATION:Siteba]] cuma sepuluh menit.""",
    "id-08": """I: Dulu sering nongkrong di [[LOCATION:Karaoke Bintang Malam]], terus pindah ke [[LOCATION:Kafe Rumah Senja]] di [[LOCATION:Purus]].
P: Di sana aman?
I: Lumayan. Yang nggak aman itu [[LOCATION:Wisma Rantau Jaya]] di [[LOCATION:Ulak Karang]], sering digerebek.""",
    "id-09": """I: Pelanggan itu katanya dari [[LOCATION:Siberut]], kerja di kapal. Terus dia ngajak ke [[LOCATION:Pulau Pasumpahan]] naik boat dari [[LOCATION:Bungus]].
P: Uni ikut?
I: Nggak. Takut, Kak. Temen aku pernah dibawa ke [[LOCATION:Sipora]] terus ditinggal.""",
    "id-10": """P: Sekarang tinggal di mana?
I: Rumah kontrakan di [[ADDRESS:Komplek Jondul Blok F No. 9]], [[LOCATION:Parupuk Tabing]]. Yang dulu di [[ADDRESS:Gang Sepakat No. 3A]], dekat [[LOCATION:Pasar Alai]].""",
    "id-11": """P: Yang nipu itu orangnya gimana?
I: Bapak-bapak, umurnya sekitar [[AGE:lima puluhan]]. Ngakunya duda, anaknya udah [[AGE:20-an]] semua. Katanya tinggal di [[LOCATION:Belimbing]].""",
    "id-12": """I: Ambo tingga di [[LOCATION:Lubuk Lintah]], dakek [[LOCATION:Batang Kuranji]]. Kampuang amak di [[LOCATION:Koto Baru]], [[LOCATION:Kabupaten Solok]].
P: Sering pulang kampuang?
I: Jarang, Kak. Sakali sataun.""",
    "id-13": """P: Biasanya ketemu di mana?
I: Di kos aja, Kak, atau di pasar. Kadang ke pantai kalau sore. Umur pelanggan macam-macam, ada yang masih muda. Aku di sini udah tiga tahun.
P: Pulang kampung kapan?
I: Tiap lebaran, naik travel ke [[LOCATION:Pariaman]]. Dua jam dari simpang.""",
    "id-14": """I: Dia urang [[LOCATION:Payakumbuh]], tapi lamo di [[LOCATION:Pekanbaru]]. Kami partamo jumpa di [[LOCATION:Warung Kopi Simpang Ampek]].
P: Umurnya?
I: Umua nyo [[AGE:ampek puluah limo]], Kak. Istrinyo di [[LOCATION:Dumai]].""",
    "en-01": """I: I'm based out of [[LOCATION:Peckham]] mostly, but the app keeps sending me down to [[LOCATION:Catford]] and [[LOCATION:Sydenham]].
P: Where do you live?
I: On the [[LOCATION:Aylesbury Estate]], just off [[LOCATION:Albany Road]].""",
    "en-02": """I: I turned [[AGE:forty]] last spring. My daughter's [[AGE:nine]], she's at school in [[LOCATION:Walthamstow]].
P: And your son?
I: He's [[AGE:seventeen]], works weekends at a car wash in [[LOCATION:Leyton]].""",
    "en-03": """I: The worst drops are over [[LOCATION:Thamesmead]] way, or down in [[LOCATION:Woolwich]] after dark.
P: Why there?
I: Blocks with no numbers. Last week a guy at [[ADDRESS:Flat 27, Tilbury House]] kept me waiting twenty minutes.""",
    "en-04": """I: I grew up in [[LOCATION:Ibadan]], came to [[LOCATION:Tottenham]] when I was [[AGE:twelve]]. Now I'm [[AGE:thirty-three]] and I still live near [[LOCATION:Bruce Grove]].""",
    "en-05": """P: Where do riders wait between orders?
I: We all wait by [[LOCATION:Seven Sisters]] station, or the car park behind [[LOCATION:Wood Green]] shopping centre. In the rain we go under the bridge at [[LOCATION:Finsbury Park]].""",
    "en-06": """I: Delivered to [[ADDRESS:14B Chatsworth Road]], [[LOCATION:Clapton]], and then the customer said wrong door, he was at [[ADDRESS:Flat 3, 22 Rushmore Road]].
P: What did you do?
I: Rode round again. Twelve minutes, no tip.""",
    "en-07": """P: How old were you when you started riding?
I: I was [[AGE:nineteen]] when I started, I'm [[AGE:twenty-six]] now. Most of the lads at [[LOCATION:Mile End]] are in their [[AGE:early twenties]].""",
    "en-08": """I: My cousin put me up in [[LOCATION:Forest Gate]] when I first came, then I got a room in [[LOCATION:Plaistow]].
P: And now?
I: Shared house in [[LOCATION:Upton Park]], four of us.""",
    "en-09": """I: I ride mostly in the evenings. The restaurant was on the high street, near the station. I got turned down twice for the bike scheme, and it took me 5 minutes to find the door.
P: Where are you from?
I: From [[LOCATION:Sylhet]] originally, moved to [[LOCATION:Whitechapel]] aged [[AGE:eight]].""",
    "en-10": """I: My sister lives over in [[LOCATION:Edmonton]], near [[LOCATION:Silver Street]]. I stay with her when the shifts are up [[LOCATION:Enfield]] way.""",
    "en-11": """I: Mostly I'm down in [[LOCATION:Tooting]] or out to [[LOCATION:Mitcham]]. Sometimes all the way to [[LOCATION:Sutton]] if the boost is good.
P: Is that far for you?
I: From [[LOCATION:Balham]]? Not really.""",
    "en-12": """I: I stayed at the [[LOCATION:Palmer Lodge]] hostel when I first came, then a room in [[LOCATION:Kilburn]]. The landlord ran the [[LOCATION:Crown and Anchor]] pub on the corner.""",
    "en-13": """P: Do you have kids?
I: Twins, they're [[AGE:four]]. And my eldest is [[AGE:13]]. The customer who shouted at me was a lad of about [[AGE:fifteen]], at [[ADDRESS:42 Mornington Crescent]].""",
    "en-14": """I: Got hit on [[LOCATION:Old Kent Road]], by the lights at [[LOCATION:Elephant and Castle]]. The driver was from [[LOCATION:Bexleyheath]], he said.
P: Were you hurt?
I: My wrist. I was off for three weeks.""",
}

# Batch 2 (written after batch 1 was scored; phenomena from the brief, new wordings), split with SEED2.
CASES2 = {
    "id-15": """P: Uni umur berapa sekarang?
I: Umur alah [[AGE:41]], Kak. Tapi orang kira masih [[AGE:tigo puluahan]].""",
    "id-16": """I: Pelanggan tetap aku itu usianya udah [[AGE:kepala lima]], tinggal di [[LOCATION:Kuranji]]. Anaknya yang bungsu [[AGE:12 tahun]].
P: Dia tahu Uni kerja begini?
I: Nggak. Dia kira aku jaga toko di [[LOCATION:Pasar Lubuk Buaya]].""",
    "id-17": """I: Ambo merantau ke [[LOCATION:Jambi]] umur [[AGE:tujuh baleh]], pulang ke [[LOCATION:Padang]] pas corona. Sekarang ngontrak di [[LOCATION:Gunung Pangilun]].
P: Keluarga di mana?
I: Amak di [[LOCATION:Lubuk Basung]], adik di [[LOCATION:Pekanbaru]].""",
    "id-18": """P: Tempat biasa ketemu di mana, Uni?
I: Di [[LOCATION:Wisma Bundo Kanduang]] dekat [[LOCATION:Simpang Kalumpang]]. Kadang di kafe, [[LOCATION:Kafe Senja Batang Arau]].
P: Ada razia di sana?
I: Sering. Pernah kabur lewat [[LOCATION:Jembatan Muaro]].""",
    "id-19": """I: Dia ngaku urang [[LOCATION:Sijunjung]], tapi logatnya kayak urang [[LOCATION:Medan]]. Umurnya sekitar [[AGE:35 tahunan]].
P: Sekarang masih kontak?
I: Udah diblok, Kak.""",
    "id-20": """I: Alamat kos aku dulu [[ADDRESS:Jl. Khatib Sulaiman Gg. Rambutan No. 21, RT 02/RW 04]], [[LOCATION:Lolong Belanti]]. Sekarang pindah ke [[ADDRESS:Lorong Damai No. 5]], dekat [[LOCATION:Pantai Padang]].""",
    "en-15": """I: I turned [[AGE:thirty]] in the middle of lockdown. My little one's [[AGE:three]] now, and her brother's [[AGE:seven]].
P: Who looks after them when you ride?
I: My mum, over in [[LOCATION:Lewisham]].""",
    "en-16": """I: I'm in my [[AGE:late twenties]]. Came over from [[LOCATION:Kumasi]] when I was [[AGE:nineteen]].
P: Where do you ride?
I: Mostly down in [[LOCATION:Brixton]], sometimes over [[LOCATION:Stockwell]] way.""",
    "en-17": """I: I live on the [[LOCATION:Pembury Estate]] with my gran, she's [[AGE:eighty-one]]. The drops round [[LOCATION:Hackney Wick]] are the worst at night.
P: Why at night?
I: No lights on the towpath.""",
    "en-18": """I: There was a customer at [[ADDRESS:Flat 12, 4th floor, Cedar Court]], [[LOCATION:Stamford Hill]]. He kept saying the lift was broken.
P: Was it?
I: No. He just didn't want to come down.""",
    "en-19": """I: We meet at [[LOCATION:Stratford]] station before the lunch rush. My cousin's [[AGE:twenty-two]], he rides out of [[LOCATION:Canning Town]].
P: Same app?
I: Different ones. He's been doing it since he was [[AGE:eighteen]].""",
    "en-20": """I: Crashed on [[LOCATION:Mile End Road]], right by the hospital. The driver was a bloke of about [[AGE:sixty]] from [[LOCATION:Romford]].
P: Did he stop?
I: He did, fair play. He was shaking more than me.""",
}
