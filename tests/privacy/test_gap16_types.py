"""Types decided from a span's kind word, a region word, a place in apposition and a place's preposition
(issue #11, branch deidgap16). Every sentence and name here is invented."""

from __future__ import annotations

import pytest

from makna.privacy import detect


def _type_of(text: str, span: str, language: str) -> str | None:
    start = text.index(span)
    end = start + len(span)
    over = [d for d in detect(text, language=language) if d.start < end and start < d.end]
    return max(over, key=lambda d: min(d.end, end) - max(d.start, start)).type if over else None


@pytest.mark.parametrize(
    ("language", "text", "span", "kind"),
    [
        # a kind word counted over the open splits' gold spans (kindtypes.py)
        ("en", "My grandson is at Harlowe Elementary now.", "Harlowe Elementary", "ORG"),
        ("en", "Her boy goes to Bramcote Primary on the corner.", "Bramcote Primary", "ORG"),
        ("en", "We moved out to Cresswick County in the spring.", "Cresswick County", "LOCATION"),
        ("id", "Saya kerja di pabrik di Kawasan Industri Pandowo dari pagi.", "Kawasan Industri Pandowo", "LOCATION"),
        ("id", "Kami ketemu di parkiran Istano Rajo Tuo waktu ada acara.", "Istano Rajo Tuo", "LOCATION"),
        ("id", "Bapak kerja di tambang pasir di Sungai Lembayur dekat jembatan.", "Sungai Lembayur", "LOCATION"),
        # a region's word after the name, or ending it after a place and a comma (placespans.py)
        ("en", "I am from Velmora, Tarrakesh district. I came here in 2019.", "Tarrakesh", "LOCATION"),
        ("en", "My name is Obiora. From Kelbury, Haldon State. I drive most nights.", "Haldon State", "LOCATION"),
        # a place noun in apposition (roletypes.py, person_kinds.py)
        ("en", "I am Ravinder, from Simran Kalan, a village in Hadra district.", "Simran Kalan", "LOCATION"),
        # a place's preposition before a word listed beside a person (roletypes.py)
        ("en", "It was his account. A guy in Harnby, Dilip Gosal, he rented it out.", "Harnby", "LOCATION"),
        ("en", "It was his account. A guy in Harnby, Dilip Gosal, he rented it out.", "Dilip Gosal", "PERSON"),
        ("id", "Terus teman dari Sikabau, Sitti Warni, bilang ada cara cepat.", "Sikabau", "LOCATION"),
        ("id", "Terus kawan dari Palinggam, Rudi Hartono, datang bawa motor.", "Palinggam", "LOCATION"),
        ("id", "Terus kawan dari Palinggam, Rudi Hartono, datang bawa motor.", "Rudi Hartono", "PERSON"),
        # where they call one so is no nickname (neighbours.py)
        ("en", "I am a carer. At home in Velkur they call me Chinni, it means little one.", "Velkur", "LOCATION"),
        ("en", "I am a carer. At home in Velkur they call me Chinni, it means little one.", "Chinni", "PERSON"),
        # who knows one by a nickname: customers, clients, regulars (neighbours.py)
        ("en", "Customers know me as Breezy on the app. I clean houses.", "Breezy", "PERSON"),
        ("en", "Our regulars call him Tintin, he never minds.", "Tintin", "PERSON"),
        # people and places that keep their type
        ("en", "Tamsin we call her, she runs the rota.", "Tamsin", "PERSON"),
        ("en", "My cousin Marta Velkov said the agency was fine.", "Marta Velkov", "PERSON"),
        ("id", "Rumahnya di Lubuk Tarantang, kampung kecil di hulu.", "Lubuk Tarantang", "LOCATION"),
    ],
)
def test_type_from_context(language: str, text: str, span: str, kind: str) -> None:
    assert _type_of(text, span, language) == kind
