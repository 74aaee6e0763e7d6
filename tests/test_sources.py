"""Importing sources: encodings, turns, duplicates, bad files; the project stays unchanged on error."""

from __future__ import annotations

from pathlib import Path

import pytest

import makna
from makna.errors import DuplicateSourceError, EncodingError, ImportFormatError, InputError, UnsupportedFormatError

INTERVIEW = "Catatan: wawancara fiktif.\n\nP: Boleh cerita?\nI: Aku pakai MiChat karena gratis 😀.\nP: Oke.\n"


def _count(project: makna.Project) -> tuple[int, int]:
    return len(makna.list_sources(project)), len(makna.events(project, limit=10_000))


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (INTERVIEW.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + INTERVIEW.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + INTERVIEW.replace("\n", "\r\n").encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + INTERVIEW.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_import_txt_encodings(project: makna.Project, tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "informan.txt"
    path.write_bytes(data)
    src = makna.import_file(project, path)
    assert src.text == INTERVIEW.replace("Catatan:", "Catatan:")
    assert src.encoding == encoding
    assert src.original_name == "informan.txt" and src.has_original
    turns = makna.get_turns(project, "informan.txt")
    assert [t.speaker for t in turns] == ["P", "I", "P"]  # the single "Catatan:" line above is a header
    assert src.text[turns[1].start : turns[1].end] == "I: Aku pakai MiChat karena gratis 😀."


def test_legacy_encoding_is_detected_and_named(project: makna.Project, tmp_path: Path) -> None:
    text = "P: Apa kabar?\nI: Café, naïve, déjà vu, garçon, résumé, élève, où est la gare? " * 5
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    src = makna.import_file(project, path)
    assert src.text == text.rstrip("\n") or src.text == text
    assert src.encoding and src.encoding not in ("utf-8", "utf-8-sig")


def test_crlf_and_nfd_are_normalised(project: makna.Project) -> None:
    src = makna.import_text(project, "a", "P: e\u0301\r\nI: ok\r\n")
    assert src.text == "P: \u00e9\nI: ok\n"


def test_reimport_identical_file_detected(project: makna.Project, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    makna.import_file(project, path)
    copy = tmp_path / "b.txt"
    copy.write_text(INTERVIEW, encoding="utf-8")
    before = _count(project)
    with pytest.raises(DuplicateSourceError, match="identical to source 'a.txt'"):
        makna.import_file(project, copy)
    assert _count(project) == before


def test_same_name_refused(project: makna.Project, tmp_path: Path) -> None:
    makna.import_text(project, "a.txt", "one")
    with pytest.raises(DuplicateSourceError, match="exists already"):
        makna.import_text(project, "a.txt", "two")


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", b"", ImportFormatError, "empty"),
        ("blank.txt", b"   \n\n", ImportFormatError, "no text"),
        ("binary.txt", bytes(range(256)) * 10, ImportFormatError, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, UnsupportedFormatError, "unsupported file type"),
        ("bad16.txt", b"\xff\xfe\x00\xd8", EncodingError, "utf-16"),
    ],
)
def test_bad_files(project: makna.Project, tmp_path: Path, name: str, data: bytes, error: type[Exception],
                   message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = _count(project)
    with pytest.raises(error, match=message) as info:
        makna.import_file(project, path)
    assert name in str(info.value)
    assert _count(project) == before


def test_missing_and_oversized(project: makna.Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        makna.import_file(project, tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000, encoding="utf-8")
    from makna.importers import _base

    monkeypatch.setattr(_base, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="limit"):
        makna.import_file(project, big)


def test_import_folder_with_progress_and_report(project: makna.Project, tmp_path: Path) -> None:
    folder = tmp_path / "study"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("P: satu\nI: dua", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("P: tiga\nI: empat", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "notes.xyz").write_text("skipped: unsupported suffix in a folder", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = makna.import_paths(project, [folder], progress=lambda i, n, _p: seen.append((i, n)))
    assert sorted(s.name for s in report.imported) == ["a.txt", "sub/b.md"]
    assert [p for p, _ in report.failed] == [str(folder / "c.txt")]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    again = makna.import_paths(project, [folder / "a.txt"])
    assert again.imported == [] and len(again.duplicates) == 1


def test_language_detection_and_override(project: makna.Project) -> None:
    assert makna.import_text(project, "id", "Aku nggak tahu, udah lama banget aku di sini dan itu yang aku mau.").language == "id"
    assert makna.import_text(project, "en", "I do not know, it has been a long time and that is what I want.").language == "en"
    assert makna.import_text(project, "x", "whatever text", language="en").language == "en"
    with pytest.raises(InputError):
        makna.import_text(project, "y", "text", language="not a code!")


def test_rename_and_delete(project: makna.Project) -> None:
    makna.import_text(project, "a", "P: hi\nI: halo")
    makna.add_code(project, "k")
    makna.code_turn(project, "a", 2, "k")
    makna.rename_source(project, "a", "b")
    assert [s.name for s in makna.list_sources(project)] == ["b"]
    assert makna.delete_source(project, "b") == 1
    assert makna.list_sources(project) == []
    assert makna.retrieve(project) == []


def test_original_bytes_kept_once(project: makna.Project, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(INTERVIEW, encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(INTERVIEW.replace("\n", "\r\n").encode("utf-8"))
    a = makna.import_file(project, plain)
    b = makna.import_file(project, crlf, allow_duplicate=True)
    c = makna.import_file(project, plain, name="no-original", keep_original=False, allow_duplicate=True)
    from makna.sources import get_original

    assert get_original(project, a.name) == plain.read_bytes() and a.has_original
    assert get_original(project, b.name) == crlf.read_bytes() and makna.get_source(project, b.name).has_original
    assert get_original(project, c.name) == plain.read_bytes()  # the stored text is byte for byte the file
    with project.store.read() as conn:
        from makna.store import tables

        stored = dict(conn.execute(tables.sources.select().with_only_columns(
            tables.sources.c.name, tables.sources.c.original)).all())
    assert stored["plain.txt"] is None and stored["crlf.txt"] == crlf.read_bytes()


def test_an_imported_transcripts_stamped_turns_keep_their_times(tmp_path: Path) -> None:
    from makna.sources import get_turns

    text = "[00:00:05] Pewawancara: Sudah mulai?\n[00:01:12] Narasumber: Sudah.\nPewawancara: Baik.\n"
    with makna.create_project(str(tmp_path / "p.makna"), "P", coder="ana") as proj:
        src = makna.import_text(proj, "w.txt", text, language="id")
        assert [(t.number, t.time_start) for t in get_turns(proj, src.id)] == [
            (1, "00:00:05.000"), (2, "00:01:12.000"), (3, None)]
