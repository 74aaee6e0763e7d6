"""Encryption at rest (SQLCipher): no transcript text in the project's bytes, WAL included; the right
passphrase opens, a wrong one is one line; encrypt/decrypt keep every row and leave the project as it
was when they fail."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import makna
from makna.encryption import decrypt_project, encrypt_project, is_encrypted
from makna.errors import InputError, NotAProjectError, ProjectError
from makna.store import Store
from makna.store._cipher import Cipher, passphrase_from_env, read_key_file

pytest.importorskip("sqlcipher3")

PASS = "kata sandi rahasia ✓"
SECRET_TEXT = "Zubaidah-Qwertyuiop tinggal di Lorong Kenanga-Xyzzy nomor tujuh belas"
TRANSCRIPT = f"P: Di mana Uni tinggal?\nI: {SECRET_TEXT}.\nP: Terima kasih.\nI: Sama-sama.\n"
CODE_KEY = "tempat.rahasiaplugh"
CODE_NAME = "Alamat-Frobnicate rumah"
NEEDLES = [b"Zubaidah", b"Qwertyuiop", b"Kenanga-Xyzzy", b"rahasiaplugh", b"Frobnicate", b"SQLite format 3"]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKNA_PASSPHRASE", raising=False)
    monkeypatch.delenv("MAKNA_KEY_FILE", raising=False)


def _fill(project: makna.Project) -> None:
    makna.import_text(project, "informan-07.txt", TRANSCRIPT, language="id")
    makna.add_code(project, CODE_KEY, CODE_NAME, root=True, definition="Frobnicate: tempat tinggal")
    start = TRANSCRIPT.index(SECRET_TEXT)
    makna.code_span(project, "informan-07.txt", start, start + len(SECRET_TEXT), CODE_KEY, memo="Qwertyuiop memo")
    makna.code_turn(project, "informan-07.txt", 2, CODE_KEY)
    assert makna.search(project, "Qwertyuiop")  # the full-text index holds the words too


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()}


def _found(files: dict[str, bytes]) -> list[tuple[str, bytes]]:
    return [(name, n) for name, data in files.items() for n in NEEDLES if n in data]


def _rows(location: str | Path, passphrase: str | None = None) -> dict[str, list[Any]]:
    with makna.open_project(location, passphrase=passphrase) as p, p.store.read() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        return {n: sorted(map(repr, conn.execute(text(f'SELECT * FROM "{n}"')).all())) for n in names}


def test_no_plaintext_in_the_file_or_its_wal(tmp_path: Path) -> None:
    plain, secret = tmp_path / "plain.makna", tmp_path / "secret.makna"
    with makna.create_project(plain, "Polos") as p:
        _fill(p)
        assert Path(f"{plain}-wal").stat().st_size > 0
        assert {n for _, n in _found(_files(plain))} >= set(NEEDLES)  # the check sees text where it is
    with makna.create_project(secret, "Rahasia", passphrase=PASS) as p:
        assert p.store.encrypted
        _fill(p)
        files = _files(secret)
        assert set(files) == {"secret.makna", "secret.makna-wal", "secret.makna-shm"}
        assert len(files["secret.makna-wal"]) > 100_000  # the log holds the import, encrypted
        assert _found(files) == []
    assert _found(_files(secret)) == []
    assert is_encrypted(secret) and not is_encrypted(plain)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(secret).execute("SELECT * FROM sources").fetchall()


def test_reopen_with_the_right_passphrase_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.makna"
    with makna.create_project(path, "Rahasia", passphrase=PASS) as p:
        _fill(p)
    with makna.open_project(path, passphrase=PASS) as p:
        assert p.info().name == "Rahasia"
        segs = makna.retrieve(p, code=CODE_KEY)
        assert SECRET_TEXT in [s.text for s in segs]
    with pytest.raises(NotAProjectError, match=r"^wrong passphrase for .*s\.makna \(or not a makna project\)$"):
        makna.open_project(path, passphrase="salah")
    with pytest.raises(ProjectError, match="is encrypted: give its passphrase"):
        makna.open_project(path)
    monkeypatch.setenv("MAKNA_PASSPHRASE", PASS)
    with makna.open_project(path) as p:
        assert p.store.encrypted
    monkeypatch.delenv("MAKNA_PASSPHRASE")
    key = tmp_path / "key.txt"
    key.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.setenv("MAKNA_KEY_FILE", str(key))
    with makna.open_project(path) as p:
        assert p.info().name == "Rahasia"
    with makna.open_project(path, passphrase=lambda: PASS) as p:
        assert p.store.encrypted


def test_passphrase_sources_in_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("dari-file-a\r\n", encoding="utf-8")
    b.write_text("dari-file-b", encoding="utf-8")
    assert passphrase_from_env({}) is None
    assert passphrase_from_env({"MAKNA_PASSPHRASE": "env", "MAKNA_KEY_FILE": str(b)}) == "env"
    assert passphrase_from_env({"MAKNA_KEY_FILE": str(b)}) == "dari-file-b"
    assert passphrase_from_env({"MAKNA_PASSPHRASE": "env"}, key_file=str(a)) == "dari-file-a"
    with pytest.raises(InputError, match="key file .*missing: cannot read"):
        read_key_file(tmp_path / "missing")
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="empty passphrase"):
        read_key_file(tmp_path / "empty")
    with pytest.raises(ProjectError, match="empty passphrase"):
        makna.create_project(tmp_path / "x.makna", passphrase="")
    assert not (tmp_path / "x.makna").exists()


def test_key_is_sqlciphers_own_and_never_shown(tmp_path: Path) -> None:
    """The file opens in plain SQLCipher with the passphrase itself (its own PBKDF2), and the key
    makna derived is not in the object's repr."""
    import sqlcipher3.dbapi2 as sqlcipher

    path = tmp_path / "s.makna"
    with makna.create_project(path, "Rahasia", passphrase=PASS) as p:
        _fill(p)
        assert PASS not in repr(p.store.cipher) and "x'" not in repr(p.store.cipher)
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASS}'")
    conn.execute("PRAGMA cipher_page_size = 8192")
    assert conn.execute("SELECT count(*) FROM segments").fetchone()[0] == 2
    conn.close()
    assert Cipher(PASS, b"\x01" * 16).literal != Cipher(PASS, b"\x02" * 16).literal  # the salt matters


def test_encrypt_and_decrypt_keep_every_row(tmp_path: Path) -> None:
    path = tmp_path / "study.makna"
    with makna.create_project(path, "Studi") as p:
        _fill(p)
    before = _rows(path)
    encrypt_project(path, PASS, coder="ana")
    assert is_encrypted(path) and _found(_files(path)) == []
    assert not list(tmp_path.glob(".study.makna.*"))  # no temporary copy left
    middle = _rows(path, PASS)
    assert middle["events"][:-1] == before["events"] and "project.encrypt" in middle["events"][-1]
    assert {k: v for k, v in middle.items() if k != "events"} == {k: v for k, v in before.items() if k != "events"}
    with makna.open_project(path, passphrase=PASS) as p:
        assert [h.source for h in makna.search(p, "Qwertyuiop")] == ["informan-07.txt"]
        makna.add_code(p, "baru", "Kode baru")  # and it takes writes
    decrypt_project(path, PASS)
    assert not is_encrypted(path) and path.read_bytes()[:16] == b"SQLite format 3\x00"
    after = _rows(path)
    assert "project.decrypt" in after["events"][-1] and "PASS" not in repr(after["events"])
    assert after["codes"] != before["codes"] and len(after["codes"]) == len(before["codes"]) + 1
    assert all(PASS not in e for e in after["events"])  # the passphrase is never in the log


def test_conversions_refuse_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "study.makna"
    with makna.create_project(path, "Studi") as p:
        _fill(p)
    original = _files(path)
    with pytest.raises(ProjectError, match="not encrypted"):
        decrypt_project(path, PASS)
    encrypt_project(path, PASS)
    encrypted = path.read_bytes()
    with pytest.raises(ProjectError, match="already encrypted"):
        encrypt_project(path, "lain")
    with pytest.raises(NotAProjectError, match="wrong passphrase"):
        decrypt_project(path, "salah")
    assert path.read_bytes() == encrypted and original
    notes = tmp_path / "notes.txt"
    notes.write_text("bukan proyek", encoding="utf-8")
    with pytest.raises(NotAProjectError, match="not a makna project"):
        decrypt_project(notes, PASS)
    with pytest.raises(NotAProjectError, match="not a makna project"):
        encrypt_project(notes, PASS)
    assert notes.read_text(encoding="utf-8") == "bukan proyek"
    with pytest.raises(ProjectError, match="encryption is for project files"):
        encrypt_project("postgresql://localhost/none", PASS)


def test_failed_conversion_leaves_the_project_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import makna.encryption as encryption

    path = tmp_path / "study.makna"
    with makna.create_project(path, "Studi") as p:
        _fill(p)
    before = _rows(path)

    def broken(*args: Any) -> None:
        raise ProjectError("the copy failed (simulated)")

    monkeypatch.setattr(encryption, "_check_copy", broken)
    with pytest.raises(ProjectError, match="simulated"):
        encrypt_project(path, PASS)
    assert not is_encrypted(path) and _rows(path) == before
    assert sorted(os.listdir(tmp_path)) == ["study.makna"]


def test_conversion_refused_while_another_program_writes(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "study.makna"
    with makna.create_project(path, "Studi") as p:
        _fill(p)
    writer = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO meta VALUES ('x', 'y')\")\n"
         "print('writing', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        with pytest.raises(ProjectError, match="in use by another program"):
            encrypt_project(path, PASS)
    finally:
        writer.communicate("")
    assert not is_encrypted(path)
    assert sorted(os.listdir(tmp_path)) == ["study.makna"]


def test_bulk_load_and_qdpx_import_into_an_encrypted_project(tmp_path: Path) -> None:
    """The bulk loader changes the journal with raw PRAGMAs on a fresh connection: it must key it."""
    from makna.exchange import export_qdpx, import_qdpx

    plain = tmp_path / "plain.makna"
    with makna.create_project(plain, "Polos") as p:
        _fill(p)
        export_qdpx(p, tmp_path / "study.qdpx")
    secret = tmp_path / "secret.makna"
    with makna.create_project(secret, "Rahasia", passphrase=PASS) as p:
        import_qdpx(p, tmp_path / "study.qdpx")
        assert SECRET_TEXT in [s.text for s in makna.retrieve(p, code=CODE_KEY)]
        assert _found(_files(secret)) == []
    assert _found(_files(secret)) == []


def test_store_refuses_encryption_on_a_server() -> None:
    with pytest.raises(ProjectError, match="encryption is for project files"):
        Store.create("postgresql://localhost/none", project_id="x", name="x", actor="a", passphrase=PASS)


def test_missing_driver_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    path = tmp_path / "s.makna"
    makna.create_project(path, passphrase=PASS).close()
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    with pytest.raises(ProjectError, match=r"need the sqlcipher3 package: pip install 'makna\[encrypt\]'"):
        makna.open_project(path, passphrase=PASS)


def test_settings_migrations_and_bulk_load_on_an_encrypted_project(tmp_path: Path) -> None:
    """WAL and foreign keys as on a plain project; an older schema is migrated through the keyed
    connection; the bulk loader's raw-connection PRAGMAs work and are undone."""
    from alembic import command

    from makna.store import schema_head

    path = tmp_path / "old.makna"
    with makna.create_project(path, passphrase=PASS) as p:
        _fill(p)
        with p.store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA cipher_page_size").scalar() == "8192"
        with p.store.engine.begin() as conn:
            command.downgrade(p.store._alembic_config(conn), "0003")
    with makna.open_project(path, passphrase=PASS) as p:
        assert p.store.schema_revision() == schema_head()
        with p.store.bulk_load() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"
            makna.import_text(p, "b.txt", "P: satu dua.\nI: tiga.\n")
        with p.store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert [s.name for s in makna.list_sources(p)] == ["b.txt", "informan-07.txt"]
        assert _found(_files(path)) == []


def test_deidentification_apply_vacuums_an_encrypted_project(tmp_path: Path) -> None:
    """The de-identification's VACUUM and WAL truncation run on the encrypted file; the originals
    leave, the replacements stay encrypted."""
    from makna.privacy.project import decide_all, scan
    from makna.privacy.project_apply import apply

    path = tmp_path / "s.makna"
    with makna.create_project(path, passphrase=PASS) as p:
        makna.import_text(p, "informan-09.txt", "P: Nama Uni siapa?\nI: Nama saya Siti Rahmawati, nomor HP "
                          "0812-3456-7890.\n", language="id")
        scan(p)
        decide_all(p, "accepted")
        report = apply(p, tmp_path / "s.key", "kunci deid", mode="tag")
        assert report.by_type
        text_now = makna.get_source(p, "informan-09.txt").text
        assert "0812-3456-7890" not in text_now
    data = b"".join(_files(path).values())
    assert b"0812" not in data and b"SQLite format 3" not in data and is_encrypted(path)
    with makna.open_project(path, passphrase=PASS) as p:
        assert makna.get_source(p, "informan-09.txt").text == text_now
