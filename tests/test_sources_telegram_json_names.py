"""A Telegram JSON export is always a file called ``result.json`` (trial12 #10): its source is named after the
export's folder when the folder is known (a file or a folder imported), else, for an upload, after a digest of its
bytes, so that two chats never read alike on the Cases page and no name says whose chat it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import makna
from makna.importers.telegram_json import source_name
from makna.sources import import_upload


def _chat(who: str, text: str) -> bytes:
    chat = {
        "name": who,
        "type": "personal_chat",
        "id": 4402118833,
        "messages": [{"id": 1, "type": "message", "date": "2025-04-03T19:10:05", "from": who, "text": text}],
    }
    return json.dumps(chat, ensure_ascii=False).encode("utf-8")


def _export(root: Path, folder: str, who: str, text: str) -> Path:
    (root / folder).mkdir(parents=True)
    path = root / folder / "result.json"
    path.write_bytes(_chat(who, text))
    return path


def test_named_after_the_export_folder(project: Any, tmp_path: Path) -> None:
    one = _export(tmp_path, "ChatExport_2025-04-03", "Wa Ode Rahmawati", "Selamat malam, Bu.")
    two = _export(tmp_path, "ChatExport_2025-04-05", "Peneliti Ayu", "Boleh lanjut besok?")
    three = _export(tmp_path / "semua", "obrolan-kendari", "Andi Baso", "Iye', tabe'.")
    got = makna.import_paths(project, [one])  # the file
    got2 = makna.import_paths(project, [two.parent])  # the export's folder
    got3 = makna.import_paths(project, [tmp_path / "semua"])  # a folder holding the export's folder
    names = [s.name for r in (got, got2, got3) for s in r.imported]
    assert names == [
        "ChatExport_2025-04-03/result.json",
        "ChatExport_2025-04-05/result.json",
        "obrolan-kendari/result.json",
    ]
    assert three.exists()


def test_an_upload_gets_a_stable_distinct_name(project: Any) -> None:
    first = import_upload(project, "result.json", _chat("Wa Ode Rahmawati", "Selamat malam, Bu."))
    second = import_upload(project, "result.json", _chat("Wa Ode Rahmawati", "Boleh lanjut besok?"))
    assert first.name != second.name
    for s in (first, second):
        assert s.name.startswith("telegram-chat-") and s.name.endswith(".json")
        assert "Wa Ode" not in s.name and "Rahmawati" not in s.name
    assert (
        source_name("result.json", data=_chat("Wa Ode Rahmawati", "Boleh lanjut besok?")) == second.name
    )  # stable: the same bytes, the same name
    other = import_upload(project, "wawancara.txt", b"P: Apa kabar?\nI: Baik.\n")
    assert other.name == "wawancara.txt"
