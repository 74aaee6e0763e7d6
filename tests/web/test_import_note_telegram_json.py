"""The note a Telegram JSON export's import leaves (its chat's name left out) is shown in Indonesian after an
upload, as the HTML export's note is (trial12 read "kepala halaman", a page header a JSON export lacks)."""

from __future__ import annotations

from makna.web.errors_i18n import translate_error


def test_the_chat_name_note_is_translated() -> None:
    assert translate_error("left out the Telegram chat's name", "id") == "nama obrolan Telegram tidak diambil"
    assert translate_error("left out the Telegram chat's name", "en") == "left out the Telegram chat's name"
