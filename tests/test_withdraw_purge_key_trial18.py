"""An informant who withdraws from a de-identified study: ``makna sources delete NAME --purge --key K`` deletes her
transcript for good and her originals leave the key file, while what another transcript also names stays; without
the key the purge is refused with nothing changed (``--keep-key`` deletes it and leaves the key as it was).
Before, the purge left her name, her NIK and her places in the key, also through a memo on her transcript that went
with it (trial18). Fictional."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import PrivacyError
from makna.privacy.keyfile import read_key
from makna.privacy.project import add_detection, decide_all, review_entries, scan
from makna.privacy.project_apply import apply
from makna.withdraw import purge_withdrawn_source

PASS = "kunci-rahasia-bandung-2026"
HERS_TEXT = "P: Ibu siapa?\nI: Kula Dwi Astuti saking Kartasura, NIK 3311054607850002, narik di Bandung.\n"
OTHER_TEXT = "P: Teteh siapa?\nI: Saya Euis Kurniasih, narik di Bandung.\n"
HERS = ("Dwi Astuti", "Kartasura", "3311054607850002")
NAMED = {"hers.txt": HERS + ("Bandung",), "other.txt": ("Euis Kurniasih", "Bandung")}


def _key_text(path: Path) -> str:
    mapping, records = read_key(path, PASS)
    return json.dumps([mapping.to_dict(), records], ensure_ascii=False)


def _deidentified(project: Any, tmp_path: Path) -> Path:
    makna.import_text(project, "hers.txt", HERS_TEXT, language="id")
    makna.import_text(project, "other.txt", OTHER_TEXT, language="id")
    makna.add_memo(project, "source", "hers.txt", "Dwi Astuti menangis saat cerita.")  # goes with her transcript
    scan(project)
    for source, names in NAMED.items():
        text = makna.get_source(project, source).text
        for name in names:
            at = text.index(name)
            if not any(e.source == source and e.start <= at < e.end for e in review_entries(project)):
                kind = (
                    "NATIONAL_ID" if name.isdigit() else ("LOCATION" if name in ("Kartasura", "Bandung") else "PERSON")
                )
                add_detection(project, source, at, at + len(name), kind)
    decide_all(project, "accepted")
    scan(project)
    decide_all(project, "accepted")
    apply(project, tmp_path / "k.key", PASS)
    assert "Dwi Astuti" not in makna.list_memos(project, "source")[0].text
    return tmp_path / "k.key"


def test_her_originals_leave_the_key_with_her_transcript(project: Any, tmp_path: Path) -> None:
    key = _deidentified(project, tmp_path)
    assert all(w in _key_text(key) for w in HERS)
    before = key.read_bytes()
    with pytest.raises(PrivacyError, match="--keep-key"):
        purge_withdrawn_source(project, "hers.txt")
    assert [s.name for s in makna.list_sources(project)] == ["hers.txt", "other.txt"] and key.read_bytes() == before
    n, _, originals = purge_withdrawn_source(project, "hers.txt", key_path=key, passphrase=PASS)
    assert [s.name for s in makna.list_sources(project)] == ["other.txt"] and originals >= len(HERS)
    stored = _key_text(key)
    assert not any(w in stored for w in HERS), [w for w in HERS if w in stored]
    assert "Euis Kurniasih" in stored and "Bandung" in stored  # the other informant's, and a place both named
    assert "Euis Kurniasih" in makna.privacy.project_apply.reveal(project, "other.txt", key, PASS)


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_the_command_refuses_without_the_key_in_one_line(project: Any, tmp_path: Path) -> None:
    key = _deidentified(project, tmp_path)
    path = str(project.store.engine.url.database)
    runner = CliRunner()
    out = runner.invoke(app, ["sources", "delete", "hers.txt", "--purge", "-p", path], input="y\n")
    assert out.exit_code != 0 and "Traceback" not in out.output and "--key" in out.output, out.output
    assert "for good?" not in out.output  # refused before she is asked to confirm
    assert len(makna.list_sources(project)) == 2
    out = runner.invoke(
        app,
        ["sources", "delete", "hers.txt", "--purge", "--yes", "--key", str(key), "-p", path],
        env={"MAKNA_DEID_PASSPHRASE": PASS},
    )
    assert out.exit_code == 0, out.output
    assert "left the key file" in out.output and not any(w in _key_text(key) for w in HERS)
