# The type cases of branch deidtype3 (issue #11): all invented. English London/UK rider interviews with coined
# app and employer names, streets named by a type word, towns after a comma and venues; Indonesian Padang
# interviews with kafe/wisma/karaoke names and Minang direction words. Split by make.py (seeded).
CASES = [
    (
        "en",
        "Rider interview, apps named in a gig clause",
        "P: Which apps are you on at the moment?\n"
        "I: Mostly [[ORG:Vorrel]], a bit of [[ORG:Pakkit]] when it's slow. My cousin [[PERSON:Tendai]] got me started.\n"
        "P: And the main one?\n"
        "I: [[ORG:Vorrel]] is my main app now. Last winter [[ORG:Pakkit]] locked my account for a week.",
    ),
    (
        "en",
        "Rider interview, a street named by its type word",
        "P: Tell me about the worst drop.\n"
        "I: A customer on [[LOCATION:Brantwell Close]] in [[LOCATION:Walthamstow]] shouted at me through the door.\n"
        "I: After that I stopped taking orders for [[LOCATION:Haddon Crescent]] after dark.",
    ),
    (
        "en",
        "Rider interview, working for a coined employer",
        "P: What did you do before riding?\n"
        "I: I was on the tills at [[ORG:Corvane]], the big furniture place near [[LOCATION:Croydon]].\n"
        "I: Then I signed up with [[ORG:Dashloop]] and I ride for [[ORG:Quibbo]] on the side.",
    ),
    (
        "en",
        "Rider interview, reporting to the app",
        "P: Did you report the customer?\n"
        "I: I told [[ORG:Sendlo]] straight away and I phoned [[ORG:Sendlo]] support the next day.\n"
        "I: My manager, [[PERSON:Oyelaran]], said to write it all down.",
    ),
    (
        "en",
        "Rider interview, a pub and a kitchen as pick-up places",
        "P: Where do you usually collect?\n"
        "I: Friday I picked up a group order from [[LOCATION:The Gorsewick Arms]] on [[LOCATION:Pellow Road]].\n"
        "I: Most nights I collect from [[LOCATION:Auntie Fola's Kitchen]] and the queue is long.",
    ),
    (
        "en",
        "Rider interview, birthplace with a town after a comma",
        "P: Where are you from originally?\n"
        "I: Born in [[LOCATION:Kumasi]], [[LOCATION:Ashanti]], came to [[LOCATION:London]] when I was twelve.\n"
        "I: My sister [[PERSON:Efua]] still lives in [[LOCATION:Tamale]].",
    ),
    (
        "en",
        "Rider interview, a church hall and a friend",
        "P: Do you get support from anywhere?\n"
        "I: On Sundays I go to church at [[LOCATION:Marlowe Hall]] with [[PERSON:Desmond]].\n"
        "I: A driver from my church, [[PERSON:Kofi Asante]], lends me his charger.",
    ),
    (
        "en",
        "Rider interview, streets in a Scottish header",
        "Place: [[LOCATION:The Linnet Tearoom]], [[LOCATION:Kirkgate]]. Interviewer: [[PERSON:Morag]].\n"
        "P: Where do you ride mostly?\n"
        "I: Round [[LOCATION:Tollcross]], and the flats off [[LOCATION:Baird Wynd]] are a nightmare for parking.",
    ),
    (
        "en",
        "Rider interview, deactivation by a coined platform",
        "P: What happened with your account?\n"
        "I: [[ORG:Zentra]] deactivated me without a reason. I deliver for [[ORG:Fooply]] now.\n"
        "I: [[ORG:Fooply]] paid me late twice but at least they answer.",
    ),
    (
        "en",
        "Rider interview, streets and first names",
        "P: Any regulars?\n"
        "I: [[PERSON:Marguerite]] on [[LOCATION:Elmsley Grove]] always tips. The lads at [[LOCATION:Fenwick Parade]] never do.\n"
        "I: [[PERSON:Ravi]] and me split the zone down [[LOCATION:Cobham Rise]].",
    ),
    (
        "en",
        "Rider interview, an employer and a warehouse",
        "P: Any other work?\n"
        "I: I work for [[ORG:Halverin]] at the weekend, packing in the warehouse by [[LOCATION:Park Royal]].\n"
        "I: [[PERSON:Gustavo]] from [[ORG:Halverin]] drives me home sometimes.",
    ),
    (
        "en",
        "Rider interview, switching apps",
        "P: Why did you change apps?\n"
        "I: I switched to [[ORG:Chompio]] in March because [[ORG:Rydeo]] cut the fees.\n"
        "I: Now I mainly do [[ORG:Chompio]], with [[ORG:Rydeo]] on the side.",
    ),
    (
        "en",
        "Rider interview, a depot and a road",
        "P: Where do you start the shift?\n"
        "I: At the depot on [[LOCATION:Stanmore Walk]], then out towards [[LOCATION:Harrow]].\n"
        "I: [[PERSON:Bogdan]] runs the depot; he's alright.",
    ),
    (
        "id",
        "Informan, kafe dan wisma di Padang",
        "P: Biasanya ketemu tamu di mana, Kak?\n"
        "I: Biasanya di [[LOCATION:Kafe Rindang]] dekat [[LOCATION:Purus]], atau di [[LOCATION:Wisma Cendana]].\n"
        "I: Kawan awak, [[PERSON:Yeni]], yang kasih tau tempat itu.",
    ),
    (
        "id",
        "Informan, dari kampung ke Padang",
        "P: Asalnya dari mana, Uni?\n"
        "I: Awak dari [[LOCATION:Pariaman]], sampai ka [[LOCATION:Lubuk Alung]] dulu, baru ka [[LOCATION:Padang]].\n"
        "I: Kini ngekos di [[LOCATION:Kos Anggrek]] di [[LOCATION:Lubuk Begalung]].",
    ),
    (
        "id",
        "Informan, karaoke dan tempat kerja",
        "P: Dulu kerja di mana?\n"
        "I: Dulu kerja di [[ORG:Toko Sinar Jaya]] di [[LOCATION:Pasar Raya]], terus pernah di [[LOCATION:Karaoke Bintang Malam]].\n"
        "I: Bos awak, Bang [[PERSON:Heru]], yang ajak.",
    ),
    (
        "id",
        "Informan, nama tempat dengan arah Minang",
        "P: Tinggal di mana sekarang?\n"
        "I: Dari [[LOCATION:Ulak Karang]] sampai ka [[LOCATION:Tabing Ateh]] awak antar tamu.\n"
        "I: Kawan awak [[PERSON:Rini]] tinggal di [[LOCATION:Koto Baruah]].",
    ),
    (
        "id",
        "Informan, rumah makan dan kafe",
        "P: Siang kerja apa, Kak?\n"
        "I: Siang awak kerja di [[ORG:Rumah Makan Salero Minang]], malam buka MiChat.\n"
        "I: Kadang makan di [[LOCATION:Kafe Senja]] di [[LOCATION:Air Tawar]] sama [[PERSON:Dewi]].",
    ),
    (
        "en",
        "Rider interview, a customer's road and the app",
        "P: Any trouble with customers?\n"
        "I: A man on [[LOCATION:Gorsey Lane]] said the food was cold and [[ORG:Grablo]] took his side.\n"
        "I: [[PERSON:Ifeoma]], my partner, told me to email [[ORG:Grablo]] again.",
    ),
    (
        "en",
        "Rider interview, a gym and a market",
        "P: What do you do on days off?\n"
        "I: I meet [[PERSON:Sani]] at [[LOCATION:The Old Forge]] for a coffee, then I walk down [[LOCATION:Linden Gardens]].\n"
        "I: I used to work for [[ORG:Tellwick]], a courier firm in [[LOCATION:Acton]].",
    ),
]
