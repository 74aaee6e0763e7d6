"""Telegram Desktop JSON exports (``result.json``, "Export chat history" in machine-readable JSON): one
"Sender: text" turn per message, as the HTML export reads, media as their kind only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from makna.errors import ImportFormatError
from makna.importers import read_bytes, read_document, supported_suffixes
from makna.importers.telegram_json import MEDIA_TYPE


def _export(messages: list[dict[str, object]]) -> bytes:
    chat = {"name": "Wa Ode Rahmawati", "type": "personal_chat", "id": 4402118833, "messages": messages}
    return json.dumps(chat, ensure_ascii=False, indent=1).encode("utf-8")


def _msg(ident: int, sender: str | None, text: object, **extra: object) -> dict[str, object]:
    out: dict[str, object] = {"id": ident, "type": "message", "date": f"2025-04-03T19:1{ident % 10}:05"}
    if sender is not None:
        out["from"] = sender
        out["from_id"] = "user1234"
    out["text"] = text
    out.update(extra)
    return out


MESSAGES = [
    {
        "id": 1,
        "type": "service",
        "date": "2025-04-03T19:00:00",
        "actor": "Peneliti Ayu",
        "action": "phone_call",
        "text": "",
    },
    _msg(2, "Peneliti Ayu", "Selamat malam, Bu. Boleh lanjut lewat chat?"),
    _msg(3, "Wa Ode Rahmawati", ["Boleh. Nomor saya ", {"type": "phone", "text": "0813-555-0101"}, " ya."]),
    _msg(4, "Wa Ode Rahmawati", "", photo="photos/photo_1@03-04-2025_19-14-05.jpg", width=800, height=600),
    _msg(5, "Peneliti Ayu", "Terima kasih.\nSaya catat.", reply_to_message_id=3),
    _msg(6, "Wa Ode Rahmawati", "Pesan dari teman.", forwarded_from="Sitti Aminah"),
    _msg(7, "Wa Ode Rahmawati", "", file="voice_messages/audio_1.ogg", media_type="voice_message"),
    _msg(8, "Wa Ode Rahmawati", "", contact_information={"first_name": "La Ode", "phone_number": "+6281355501"}),
    _msg(9, "Wa Ode Rahmawati", "", location_information={"latitude": -3.99, "longitude": 122.51}),
]


def test_result_json_reads_as_one_turn_per_message() -> None:
    doc = read_bytes(Path("result.json"), _export(MESSAGES))
    assert doc.media_type == MEDIA_TYPE
    assert doc.text.split("\n") == [
        "Peneliti Ayu: Selamat malam, Bu. Boleh lanjut lewat chat?",
        "Wa Ode Rahmawati: Boleh. Nomor saya 0813-555-0101 ya.",
        "Wa Ode Rahmawati: [photo]",
        "Peneliti Ayu: [reply to Wa Ode Rahmawati] Terima kasih. Saya catat.",
        "Wa Ode Rahmawati: [forwarded from Sitti Aminah] Pesan dari teman.",
        "Wa Ode Rahmawati: [voice message]",
        "Wa Ode Rahmawati: [contact]",
        "Wa Ode Rahmawati: [location]",
    ]
    assert doc.turns is not None and len(doc.turns) == 8
    assert [t.speaker for t in doc.turns[:2]] == ["Peneliti Ayu", "Wa Ode Rahmawati"]
    assert doc.turns[0].time_start == "2025-04-03T19:12:05"
    for turn in doc.turns:
        assert doc.text[turn.start : turn.end].startswith(turn.speaker + ": ")
    # the kind only: no file name, contact number or coordinates
    assert "photo_1" not in doc.text and "+6281355501" not in doc.text and "122.51" not in doc.text
    assert "left out 1 Telegram service message(s)" in doc.notes
    # the chat's name (often the contact's) is left out: said as such, not as an HTML page's header
    assert "left out the Telegram chat's name" in doc.notes
    assert not any("page header" in n for n in doc.notes)
    assert ".json" in supported_suffixes()


def test_export_folder_with_result_json_imports(tmp_path: Path) -> None:
    folder = tmp_path / "ChatExport_2025-04-03"
    folder.mkdir()
    (folder / "result.json").write_bytes(_export(MESSAGES))
    doc = read_document(folder / "result.json")
    assert doc.text.startswith("Peneliti Ayu: Selamat malam")


@pytest.mark.parametrize(
    "data",
    [b"{not json", b"[1, 2]", json.dumps({"name": "x"}).encode(), _export([])],
)
def test_other_json_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(ImportFormatError, match=r"^data\.json: .*Telegram"):
        read_bytes(Path("data.json"), data)


def test_a_folder_walk_passes_over_other_json(tmp_path: Path) -> None:
    """A transcripts folder may hold other JSON (a tool's settings): passed over with the reason, as any file
    makna does not read, not a failed import; a chat export's result.json in it is imported."""
    import makna

    folder = tmp_path / "transkrip"
    (folder / "ChatExport_2025-04-03").mkdir(parents=True)
    (folder / "ChatExport_2025-04-03" / "result.json").write_bytes(_export(MESSAGES))
    (folder / "a.txt").write_text("P: satu\nI: dua", encoding="utf-8")
    (folder / "pengaturan.json").write_text('{"tema": "gelap", "ukuran": 12}', encoding="utf-8")
    with makna.create_project(str(tmp_path / "s.makna"), "uji", coder="ani") as project:
        report = makna.import_paths(project, [folder])
    assert sorted(s.name for s in report.imported) == ["ChatExport_2025-04-03/result.json", "a.txt"]
    assert report.failed == []
    assert [(p, why) for p, why in report.passed_over] == [
        (str(folder / "pengaturan.json"), "a .json that is no Telegram Desktop chat export (result.json)")
    ]


def test_the_sources_module_spells_the_media_type_as_the_reader_does() -> None:
    """``makna.sources`` spells the media type itself so that listing sources loads no reader (tests/cli/test_startup)."""
    from makna import sources
    from makna.importers import telegram_json

    assert sources._TELEGRAM_JSON == telegram_json.MEDIA_TYPE
