"""The encrypted re-identification key: round trip, wrong passphrase, other project, tampering."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from makna.errors import KeyFileError
from makna.privacy import KeyMapping, detect, project_fingerprint, pseudonymise, read_key, restore, write_key
from makna.privacy.keyfile import read_header

TEXT = "Mbak Siti, nomornya 0813-7411-2095, tinggal di Kos Anggrek Putih."
PROJECT = project_fingerprint("project-a")


def _write(tmp_path: Path) -> tuple[Path, str, KeyMapping, str, list[dict[str, object]]]:
    mapping = KeyMapping()
    new, reps = pseudonymise(TEXT, detect(TEXT), mode="surrogate", mapping=mapping)
    records = [
        r.__class__.__dict__ and {**r.public(), "original": r.original, "replacement": r.replacement} for r in reps
    ]
    path = tmp_path / "keys" / "study.makna-key"
    kid = write_key(path, mapping, "correct horse battery", project=PROJECT, replacements={"s1": records})
    return path, kid, mapping, new, records


def test_round_trip(tmp_path: Path) -> None:
    path, kid, mapping, new, _ = _write(tmp_path)
    raw = path.read_text(encoding="utf-8")
    for secret in ("Siti", "0813", "Anggrek", mapping.secret):
        assert secret not in raw
    header = read_header(path)
    assert header["kdf"]["n"] >= 2**15 and header["kdf"]["r"] == 8 and header["cipher"] == "AES-256-GCM"
    loaded, records = read_key(path, "correct horse battery", project=PROJECT, key_id=kid)
    assert loaded.to_dict() == mapping.to_dict()
    from makna.privacy import Replacement

    reps = [
        Replacement(
            int(r["start"]),
            int(r["end"]),
            int(r["new_start"]),
            int(r["new_end"]),
            str(r["type"]),
            str(r["original"]),
            str(r["replacement"]),
        )
        for r in records["s1"]
    ]
    assert restore(new, reps) == TEXT


def test_rewrite_keeps_key_id_and_fresh_salt(tmp_path: Path) -> None:
    path, kid, mapping, _, _ = _write(tmp_path)
    before = json.loads(path.read_text())
    kid2 = write_key(path, mapping, "correct horse battery", project=PROJECT, key_id=kid)
    after = json.loads(path.read_text())
    assert kid2 == kid and before["kdf"]["salt"] != after["kdf"]["salt"] and before["nonce"] != after["nonce"]


def test_wrong_passphrase_writes_nothing(tmp_path: Path) -> None:
    path, _, _, _, _ = _write(tmp_path)
    before = path.read_bytes()
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        read_key(path, "Correct horse battery", project=PROJECT)
    with pytest.raises(KeyFileError):
        read_key(path, "", project=PROJECT)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing


def test_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="not found"):
        read_key(tmp_path / "nope.key", "x")
    junk = tmp_path / "junk.key"
    junk.write_bytes(b"\x00\xff garbage")
    with pytest.raises(KeyFileError, match="not a makna key file"):
        read_key(junk, "x")
    path, kid, _, _, _ = _write(tmp_path)
    with pytest.raises(KeyFileError, match="another project"):
        read_key(path, "correct horse battery", project=project_fingerprint("project-b"))
    with pytest.raises(KeyFileError, match="fingerprint mismatch"):
        read_key(path, "correct horse battery", project=PROJECT, key_id="0" * 32)


@pytest.mark.parametrize("field", ["ciphertext", "project", "nonce", "key_id"])
def test_tampering_is_detected(tmp_path: Path, field: str) -> None:
    path, _, _, _, _ = _write(tmp_path)
    doc = json.loads(path.read_text())
    if field in {"ciphertext", "nonce"}:
        raw = bytearray(base64.b64decode(doc[field]))
        raw[0] ^= 1
        doc[field] = base64.b64encode(bytes(raw)).decode()
    else:
        doc[field] = "f" * len(doc[field])
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError):
        read_key(path, "correct horse battery")
    doc["version"] = 99
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError, match="version"):
        read_key(path, "correct horse battery")
