"""trial14: a WhatsApp export names each attached file, and the name holds the date and time it was sent
(``00000031-PHOTO-2026-10-04-08-12-03.jpg``, ``IMG-20261004-WA0001.jpg``) or a document's own name. The turn
times move with ``makna deid apply``'s date shift, but a name stayed as written: the original date, and with it
the project's shift, could be read back. Attachments are now their kind in brackets, as in Telegram exports."""

from __future__ import annotations

import pytest

from makna.importers.whatsapp import parse_whatsapp

# fictional group chat of sellers
IOS = (
    "[04/10/26 08.11.20] Uni Ami: Iko bukti transfer nan palsu\n"
    "[04/10/26 08.12.03] Uni Ami: \u200e<attached: 00000031-PHOTO-2026-10-04-08-12-03.jpg>\n"
    "[04/10/26 08.13.00] Uda Rizal: <attached: 00000032-AUDIO-2026-10-04-08-13-00.opus>\n"
    "[04/10/26 08.14.00] Uda Rizal: \u200e<terlampir: 00000033-Daftar harga HP Rizal Cell.pdf>\n"
    "[04/10/26 08.15.00] Uni Ami: <attached: 00000034-VIDEO-2026-10-04-08-15-00.mp4> ini videonyo\n"
)
ANDROID = (
    "04/10/2026 08.12 - Uni Ami: IMG-20261004-WA0001.jpg (file attached)\n"
    "04/10/2026 08.13 - Uda Rizal: PTT-20261004-WA0002.opus (file terlampir)\n"
    "04/10/2026 08.14 - Uda Rizal: Daftar harga Rizal Cell.pdf (file attached)\n"
    "lihat halaman 2\n"
    "04/10/2026 08.15 - Uni Ami: STK-20261004-WA0003.webp (file attached)\n"
)


@pytest.mark.parametrize("export", [IOS, ANDROID], ids=["ios", "android"])
def test_attached_file_names_become_their_kind(export: str) -> None:
    result = parse_whatsapp(export)
    assert "2026-10-04" not in result.text and "20261004" not in result.text
    assert "Rizal Cell" not in result.text and ".pdf" not in result.text and ".jpg" not in result.text
    assert "Uni Ami: [photo]" in result.text
    assert "Uda Rizal: [file]" in result.text
    assert any("attached file" in note for note in result.notes)


def test_kinds_and_captions() -> None:
    ios = parse_whatsapp(IOS).text.split("\n")
    assert ios[1:] == [
        "Uni Ami: [photo]",
        "Uda Rizal: [voice message]",
        "Uda Rizal: [file]",
        "Uni Ami: [video] ini videonyo",
    ]
    android = parse_whatsapp(ANDROID).text.split("\n")
    assert android == [
        "Uni Ami: [photo]",
        "Uda Rizal: [voice message]",
        "Uda Rizal: [file] lihat halaman 2",
        "Uni Ami: [sticker]",
    ]


def test_a_message_that_only_mentions_a_file_stays() -> None:
    text = "[04/10/26 08.11.20] Uni Ami: kirim foto.jpg ka ambo, file attached nanti\n"
    assert parse_whatsapp(text).text == "Uni Ami: kirim foto.jpg ka ambo, file attached nanti"
