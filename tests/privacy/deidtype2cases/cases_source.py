CASES = [
    (
        "en",
        "Apps named bare after a work phrase",
        """P: How did you get into delivery?
I: A mate, [[PERSON:Kwabena]], put me onto [[ORG:Grubzo]]. Now I ride for [[ORG:Velocko]] mostly, and my account on [[ORG:Snackrun]] is still open.
P: Which one pays?
I: [[ORG:Velocko]], when it's busy. When [[ORG:Grubzo]] found out I had two apps they didn't care.""",
    ),
    (
        "en",
        "Where the rider lives and comes from",
        """P: Where are you based these days?
I: I live in [[LOCATION:Ashcombe Vale]] now, but I'm from [[LOCATION:Mirefield]] originally. A guy from [[LOCATION:Caverleigh]], [[PERSON:Dean]], sold me the bike.
P: Is it far to your zone?
I: Forty minutes to [[LOCATION:Hackney]] on a good day.""",
    ),
    (
        "en",
        "An old job in a kitchen and a first meeting in a café",
        """P: What did you do before riding?
I: I worked at [[ORG:Saffron Lane Kitchen]] for two years, washing up. The owner, Mr [[PERSON:Okonjo]], paid cash.
P: And where did we first meet?
I: At [[LOCATION:Bramblewood Café]] in [[LOCATION:Dalston]], the day you put the poster up.""",
    ),
    (
        "en",
        "Working for the good of the family",
        """P: Why do you keep going?
I: I work for the good of my family, that's it. Back home in [[LOCATION:Kumasi]] my mum needs the money.
P: Have you had other jobs here?
I: Yeah, I worked for [[ORG:Parcelhawk]] before, and then [[ORG:Zipcartly]] since 2021.""",
    ),
    (
        "en",
        "Waiting in a car park",
        """P: Where do you wait between orders?
I: A car park in [[LOCATION:Wellsmoor]], [[PERSON:Tariq]] and me and a few others. Sometimes by the station at [[LOCATION:Stanhope Cross]].
P: Does security move you on?
I: The guard, [[PERSON:Mick]], is alright. He knows we ride for [[ORG:Dashlo]].""",
    ),
    (
        "en",
        "A pub job and a hub",
        """P: Tell me about your first job in [[LOCATION:London]].
I: Behind the bar at [[ORG:The Gilded Heron]], a pub in [[LOCATION:Walthamstow]]. My manager was [[PERSON:Priya Chandran]].
P: And the riding?
I: I collect from the [[ORG:Munchly]] hub in [[LOCATION:Bow]]. My account on [[ORG:Munchly]] got frozen once.""",
    ),
    (
        "en",
        "The interview place and a shop job",
        """Researcher's note: interview held at [[LOCATION:Larkfield Community Centre]], [[LOCATION:Tottenham]].
P: Do you have any other work?
I: Weekends I'm on the till at [[ORG:Okafor Brothers Grocers]]. Before that [[ORG:Rydeful]], but they deactivated me.
P: Why was that?
I: A customer in [[LOCATION:Edmonton]] said I was rude. I wasn't.""",
    ),
    (
        "en",
        "From a town abroad, and the cousin",
        """P: Where did you grow up?
I: In [[LOCATION:Sylhet]], then [[LOCATION:Luton]] for a bit. My cousin [[PERSON:Rahim]] lives in [[LOCATION:Quenby Heath]], he rides for [[ORG:Foodorra]] too.
P: Do you ride together?
I: Sometimes, when [[ORG:Foodorra]] sends us both to [[LOCATION:Ilford]].""",
    ),
    (
        "en",
        "A dark kitchen and a restaurant pick-up",
        """P: Which pick-ups are worst?
I: The dark kitchen behind [[LOCATION:Harlow Road]], you wait ages. My brother [[PERSON:Femi]] cooks there, he works for [[ORG:Blazebox]].
P: And the best?
I: [[LOCATION:Pemberton Square]]. Quick, and the staff are kind.""",
    ),
    (
        "en",
        "Moving between zones",
        """P: Have you always ridden in the same area?
I: No. I started in [[LOCATION:Croydon]], moved to [[LOCATION:Fernhollow]] last year. [[ORG:Swiftling]] gave me a new zone.
P: Was it better?
I: Quieter. I also tried [[ORG:Nibbla]] for a month but [[ORG:Nibbla]] never paid on time.""",
    ),
    (
        "id",
        "Asal dan tempat tinggal",
        """P: Uni asli dari mana?
I: Dari [[LOCATION:Koto Marapak Ampek]], Kak. Kini tingga di [[LOCATION:Kos Seruni Baruah]], dakek [[LOCATION:Lapai]].
P: Lah lamo di [[LOCATION:Padang]]?
I: Duo taun. Kawan ambo [[PERSON:Yesi]] nan maajak.""",
    ),
    (
        "id",
        "Otw di chat",
        """P: Biasanya tamu bilang apa di chat?
I: Macam-macam. Ada yang tulis "otw dr [[LOCATION:Batu Gadang Ilia]]" terus nggak datang. Namanya [[PERSON:Ferdi]], katanya.
P: Ketemunya di mana?
I: Di [[LOCATION:Hotel Ambun Suri]], dekat [[LOCATION:Pasar Raya]].""",
    ),
    (
        "id",
        "Kerja di warung, ketemu di warung",
        """P: Sebelum pakai aplikasi, kerja apa?
I: Kerja di [[ORG:Warung Nasi Uni Ema]], cuci piring. [[PERSON:Ema]] baik, tapi gajinya kecil.
P: Terus kenalan sama tamu pertama di mana?
I: Di [[LOCATION:Warung Kopi Simpang Ampek]], dia yang nyapa duluan.""",
    ),
    (
        "id",
        "Rumah makan dan karaoke",
        """P: Kakak dulu kerja di mana?
I: Di [[ORG:Rumah Makan Lamang Sakato]], jadi pelayan. Bosnya Pak [[PERSON:Darwis]].
P: Terus pindah?
I: Iya, malam-malam saya nyanyi di [[LOCATION:Karaoke Bintang Malereng]], di [[LOCATION:Ulak Karang]].""",
    ),
    (
        "id",
        "Ojek daring dan asalnya",
        """P: Tamu yang sering itu kerjanya apa?
I: Narik ojol, di [[ORG:Maxiride]] sama [[ORG:Jemputin]]. Orangnya dari [[LOCATION:Sungai Limau Gadang]], namanya [[PERSON:Ridwan]].
P: Kakak percaya sama dia?
I: Lumayan. [[ORG:Maxiride]] kan ada datanya.""",
    ),
    (
        "id",
        "Wisma dan kafe",
        """P: Kalau janjian, biasanya di mana?
I: Di [[LOCATION:Wisma Pucuak Rabuang]] atau di [[LOCATION:Kafe Sabana Taragak]]. Yang punya kafe, Uni [[PERSON:Lidya]], kenal saya.
P: Aman di sana?
I: Aman. Orang [[LOCATION:Pucuak Rabuang]] nggak banyak tanya.""",
    ),
    (
        "id",
        "Anak sekolah dan klinik",
        """P: Anak Kakak sekolah di mana?
I: Di [[ORG:TK Pelita Bundo]], dekat rumah di [[LOCATION:Kampuang Lalang]]. Kalau sakit dibawa ke [[ORG:Klinik Rahmi Medika]].
P: Siapa yang jaga kalau Kakak kerja?
I: Adik saya, [[PERSON:Nuri]], umurnya [[AGE:17 tahun]].""",
    ),
    (
        "id",
        "Singgah dan kerja di toko",
        """P: Tamu itu kerja di mana katanya?
I: Katanya kerja di [[ORG:Toko Elektronik Cahaya Sakti]], di [[LOCATION:Pondok]]. Tapi kami singgah di [[LOCATION:Kedai Kopi Bagindo]] dulu.
P: Terus?
I: Terus dia minta nomor saya, [[PHONE:0812-5550-3471]].""",
    ),
    (
        "id",
        "Pindah dari kampung",
        """P: Kenapa pindah ke [[LOCATION:Padang]]?
I: Di [[LOCATION:Nagari Talang Balai]] susah cari kerja, Kak. Di sini saya tinggal di [[LOCATION:Kos Mutiara Bungo]], sekamar sama [[PERSON:Winda]].
P: [[PERSON:Winda]] dari mana?
I: Dari [[LOCATION:Pariaman]], kampungnya di [[LOCATION:Pasa Usang]].""",
    ),
    (
        "id",
        "Kerja di bengkel dan laundry",
        """P: Suami Kakak kerja apa?
I: Di [[ORG:Bengkel Sinar Kurai]], di [[LOCATION:Air Tawar]]. Saya dulu setrika di [[ORG:Laundry Wangi Sakinah]].
P: Kenapa berhenti?
I: [[ORG:Wangi Sakinah]] tutup, pemiliknya pindah ke [[LOCATION:Pekanbaru]].""",
    ),
]
