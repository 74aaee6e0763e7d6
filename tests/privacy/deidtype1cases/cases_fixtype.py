CASES = [
    (
        "en",
        "A salon and a garage named after their owners",
        """P: Who found you the room?
I: Ask [[PERSON:Daisy Fielding]]. She runs [[ORG:Daisy Fielding Salon]] now.
I: My cousin [[PERSON:Jordan Price]] works at [[ORG:Jordan Price Auto]]. [[PERSON:Jordan Price]] is good to me.""",
    ),
    (
        "en",
        "People after a venue word",
        """P: Who helped you that night?
I: After that at the hotel [[PERSON:Sarah Mitchell]] came over and [[PERSON:Sarah Mitchell]] said we could stay.
I: My neighbour [[PERSON:Grace Town]] helped with the bags.""",
    ),
    (
        "en",
        "A cousin and his garage",
        """P: How did you get the bike fixed?
I: I met [[PERSON:Kieran Holt]] at [[ORG:Kieran Holt Motors]]. [[PERSON:Kieran Holt]] is my cousin, he did it cheap.""",
    ),
    (
        "id",
        "Toko dan pemiliknya",
        """P: Dulu kerja di mana, Kak?
I: Saya kerja di [[ORG:Toko Budi Harsono]]. [[PERSON:Budi Harsono]] orangnya baik, gajinya lancar.
I: Terus di kafe [[PERSON:Andi Saputra]] datang. [[PERSON:Andi Saputra]] itu teman saya.""",
    ),
    (
        "id",
        "Kos, toko dan kampung",
        """P: Sekarang tinggal di mana?
I: Saya tinggal di [[LOCATION:Kos Zulvandri]]. [[PERSON:Zulvandri]] itu pemiliknya.
I: Dulu kerja di toko [[LOCATION:Air Gelubi]], rumah saya juga di [[LOCATION:Air Gelubi]].""",
    ),
    (
        "id",
        "Salon dan koto",
        """P: Uni karajo di ma kini?
I: Ambo karajo di [[ORG:Salon Rini Anggraini]]. Kak [[PERSON:Rini Anggraini]] baiak bana.
I: Rumah ambo di [[LOCATION:Koto Sutan Marapak]], dakek pasa. Mamak ambo [[PERSON:Yusnir Malin Bungsu]] tingga di sinan juo.""",
    ),
]
