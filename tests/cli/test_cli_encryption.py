"""makna init --encrypt, makna encrypt / decrypt, and every command on an encrypted project: the
passphrase from --key-file, $MAKNA_PASSPHRASE, $MAKNA_KEY_FILE or a prompt asked once; a wrong or
missing one is one line and a non-zero exit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from makna.cli import _passphrase, app
from makna.encryption import is_encrypted

pytest.importorskip("sqlcipher3")

runner = CliRunner()
PASS = "sandi-uji-CLI"
WORDS = "Marpaung-Quokkafish"
TEXT = f"P: Siapa yang menipu?\nI: Namanya {WORDS}, dia minta transfer.\nP: Lalu?\nI: Saya blokir.\n"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKNA_PASSPHRASE", raising=False)
    monkeypatch.delenv("MAKNA_KEY_FILE", raising=False)
    monkeypatch.delenv("MAKNA_PROJECT", raising=False)


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env, input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


@pytest.fixture
def study(tmp_path: Path) -> Path:
    loc = tmp_path / "rahasia.makna"
    env = {"MAKNA_PASSPHRASE": PASS}
    code, out = run("init", str(loc), "--encrypt", "--name", "Studi rahasia", env=env)
    assert code == 0 and "Created encrypted project 'Studi rahasia'" in out
    (tmp_path / "informan-03.txt").write_text(TEXT, encoding="utf-8")
    assert run("import", str(tmp_path / "informan-03.txt"), "-p", str(loc), env=env)[0] == 0
    assert run("codebook", "add", "pelaku.zanzibarite", "--name", "Pelaku", "--root", "-p", str(loc), env=env)[0] == 0
    assert run("code", "pelaku.zanzibarite", "-s", "informan-03.txt", "--turn", "2", "-p", str(loc), env=env)[0] == 0
    return loc


def test_every_command_works_and_the_file_shows_nothing(study: Path) -> None:
    env = {"MAKNA_PASSPHRASE": PASS}
    code, out = run("segments", "--code", "pelaku.zanzibarite", "-p", str(study), "--format", "csv", env=env)
    assert code == 0 and WORDS in out
    code, out = run("search", "Quokkafish", "-p", str(study), env=env)
    assert code == 0 and "informan-03.txt" in out
    assert is_encrypted(study)
    data = _bytes(study)
    for needle in (WORDS.encode(), b"Quokkafish", b"zanzibarite", b"SQLite format 3"):
        assert needle not in data


def test_wrong_or_missing_passphrase_is_one_line(study: Path) -> None:
    code, out = run("sources", "-p", str(study), env={"MAKNA_PASSPHRASE": "salah"})
    assert code != 0 and out == f"Error: wrong passphrase for {study} (or not a makna project)\n"
    code, out = run("sources", "-p", str(study))
    assert code != 0 and out.startswith(f"Error: passphrase for {study}: none given") and out.count("\n") == 1
    code, out = run("--key-file", str(study.parent / "missing.key"), "sources", "-p", str(study))
    assert code == 2 and out.startswith("Error: key file ") and "cannot read" in out and out.count("\n") == 1


def test_key_file_option_and_variable(study: Path, tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    key.write_text(PASS + "\n", encoding="utf-8")
    code, out = run("--key-file", str(key), "sources", "-p", str(study))
    assert code == 0 and "informan-03.txt" in out
    code, out = run("sources", "-p", str(study), env={"MAKNA_KEY_FILE": str(key)})
    assert code == 0 and "informan-03.txt" in out
    # an explicit --key-file wins over the environment
    code, out = run("--key-file", str(key), "sources", "-p", str(study), env={"MAKNA_PASSPHRASE": "salah"})
    assert code == 0


def test_prompt_is_asked_once_per_command(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(_passphrase, "_interactive", lambda: True)

    def prompt(text: str, **kw: Any) -> str:
        asked.append(text)
        assert kw["hide_input"] is True
        return PASS

    monkeypatch.setattr(_passphrase.typer, "prompt", prompt)
    code, out = run("sources", "-p", str(study))
    assert code == 0 and "informan-03.txt" in out and asked == [f"Passphrase for {study}"]
    _passphrase.start_command(None)
    assert _passphrase.ask_passphrase(str(study)) == _passphrase.ask_passphrase(str(study)) == PASS
    assert len(asked) == 2  # once more for the new command, not for the second open
    _passphrase.start_command(None)


def test_init_refuses_a_taken_path_before_asking(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path that holds a project already is refused before the passphrase is asked (nobody types a
    passphrase twice to learn that the file exists)."""
    monkeypatch.setattr(_passphrase, "_interactive", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr(_passphrase.typer, "prompt", lambda text, **kw: asked.append(text) or PASS)
    before = study.read_bytes()
    code, out = run("init", str(study), "--encrypt")
    assert code != 0 and "exists there already" in out and asked == []
    assert study.read_bytes() == before


def test_init_asks_twice_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_passphrase, "_interactive", lambda: True)
    loc = tmp_path / "baru.makna"
    code, out = run("init", str(loc), "--encrypt", input=f"{PASS}\n{PASS}\n")
    assert code == 0 and "Created encrypted project" in out and PASS not in out
    assert is_encrypted(loc)
    code, out = run("sources", "-p", str(loc), env={"MAKNA_PASSPHRASE": PASS})
    assert code == 0
    code, out = run("init", str(tmp_path / "kosong.makna"), "--encrypt", input="")
    assert code != 0 and "none given" in out and not (tmp_path / "kosong.makna").exists()


def test_encrypt_then_decrypt(tmp_path: Path) -> None:
    loc = tmp_path / "studi.makna"
    assert run("init", str(loc))[0] == 0
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    assert run("import", str(tmp_path / "t.txt"), "-p", str(loc))[0] == 0
    assert WORDS.encode() in _bytes(loc)
    code, out = run("encrypt", "-p", str(loc), env={"MAKNA_PASSPHRASE": PASS})
    assert code == 0 and f"Encrypted {loc}" in out
    assert WORDS.encode() not in _bytes(loc)
    code, out = run("decrypt", "-p", str(loc), env={"MAKNA_PASSPHRASE": "salah"})
    assert code != 0 and "wrong passphrase" in out and is_encrypted(loc)
    code, out = run("log", "-p", str(loc), env={"MAKNA_PASSPHRASE": PASS})
    assert code == 0 and "project.encrypt" in out and PASS not in out
    code, out = run("decrypt", "-p", str(loc), env={"MAKNA_PASSPHRASE": PASS})
    assert code == 0 and not is_encrypted(loc)
    code, out = run("segments", "-p", str(loc))
    assert code == 0
    code, out = run("decrypt", "-p", str(loc), env={"MAKNA_PASSPHRASE": PASS})
    assert code != 0 and out == f"Error: {loc}: not encrypted\n"


def test_serve_opens_an_encrypted_project(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: dict[str, Any] = {}

    def fake_run(web_app: Any, **kwargs: Any) -> None:
        ran["name"] = web_app.state.project_name
        ran["encrypted"] = web_app.state.project.store.encrypted
        web_app.state.project.close()

    monkeypatch.setattr("uvicorn.run", fake_run)
    code, out = run("serve", "-p", str(study), "--no-browser", env={"MAKNA_PASSPHRASE": PASS})
    assert code == 0 and ran == {"name": "Studi rahasia", "encrypted": True}
    code, out = run("serve", "-p", str(study), "--no-browser", env={"MAKNA_PASSPHRASE": "salah"})
    assert code != 0 and "wrong passphrase" in out and out.count("\n") == 1


def test_import_project_into_a_new_encrypted_project(study: Path, tmp_path: Path) -> None:
    env = {"MAKNA_PASSPHRASE": PASS}
    qdpx = tmp_path / "study.qdpx"
    assert run("export", "--format", "qdpx", "-o", str(qdpx), "-p", str(study), env=env)[0] == 0
    target = tmp_path / "copy.makna"
    code, out = run("import-project", str(qdpx), "-p", str(target), "--encrypt", env={"MAKNA_PASSPHRASE": "lain"})
    assert code == 0, out
    assert is_encrypted(target) and WORDS.encode() not in _bytes(target)
    code, out = run("segments", "-p", str(target), "--format", "csv", env={"MAKNA_PASSPHRASE": "lain"})
    assert code == 0 and WORDS in out
