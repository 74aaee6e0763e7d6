"""Hostile and broken exchange files: one clear ExchangeError, and nothing left behind."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import makna
from importers.fuzzer import damage_entry  # tests/importers/fuzzer.py
from makna.errors import ExchangeError, ProjectExistsError
from makna.exchange import Limits, import_project, import_qdc, import_qdpx
from makna.exchange._scan import child_records

NS = 'xmlns="urn:QDA-XML:project:1.0"'
MINIMAL = f'<?xml version="1.0" encoding="UTF-8"?><Project {NS} name="p" origin="test"></Project>'


def _qdpx(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _assert_nothing_left(folder: Path, name: str = "new.makna") -> None:
    assert not any(p.name.startswith(name) for p in folder.iterdir())


XXE = (f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       f'<Project {NS} name="&xxe;"></Project>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>'
          f'<Project {NS} name="&lol3;"></Project>')


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_dtd_and_entities_refused(tmp_path: Path, payload: str) -> None:
    src = _qdpx(tmp_path / "evil.qdpx", {"project.qde": payload})
    with pytest.raises(ExchangeError, match="DTD or entities"):
        import_project(src, tmp_path / "new.makna")
    _assert_nothing_left(tmp_path)


def test_dtd_in_qdc_refused(tmp_path: Path, project: makna.Project) -> None:
    f = tmp_path / "evil.qdc"
    f.write_text(XXE.replace("Project", "CodeBook"), encoding="utf-8")
    with pytest.raises(ExchangeError, match="DTD"):
        import_qdc(project, f)
    assert makna.list_codes(project) == []


@pytest.mark.parametrize("entry", ["../evil.txt", "/etc/evil.txt", "sources/../../evil.txt", "C:/evil.txt"])
def test_unsafe_entry_names_refused(tmp_path: Path, entry: str) -> None:
    src = _qdpx(tmp_path / "slip.qdpx", {"project.qde": MINIMAL, entry: b"x"})
    with pytest.raises(ExchangeError, match="unsafe entry name"):
        import_project(src, tmp_path / "new.makna")
    _assert_nothing_left(tmp_path)


def test_zip_bomb_ratio_and_total_caps(tmp_path: Path) -> None:
    src = _qdpx(tmp_path / "bomb.qdpx", {"project.qde": MINIMAL, "sources/a.txt": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(ExchangeError, match="compression ratio"):
        import_project(src, tmp_path / "new.makna")
    with pytest.raises(ExchangeError, match="expands to more than"):
        import_project(src, tmp_path / "new.makna", limits=Limits(max_total=1024 * 1024, max_ratio=10**6))
    _assert_nothing_left(tmp_path)


def test_element_cap(tmp_path: Path, project: makna.Project) -> None:
    users = "".join(f'<User guid="00000000-0000-0000-0000-{i:012d}" name="u{i}"/>' for i in range(50))
    src = _qdpx(tmp_path / "many.qdpx", {"project.qde": MINIMAL.replace("></Project>", f"><Users>{users}</Users></Project>")})
    with pytest.raises(ExchangeError, match="more than 20 XML elements"):
        import_qdpx(project, src, limits=Limits(max_elements=20))
    assert project.coders() == []


@pytest.mark.parametrize("entries,message", [
    ({"project.qde": MINIMAL[:-5]}, "not well-formed"),
    ({"sources/x.txt": "x"}, "expected one project file"),
    ({"a.qde": MINIMAL, "b.qde": MINIMAL}, "expected one project file"),
    ({"project.qde": "<CodeBook/>"}, "not a REFI-QDA project"),
])
def test_malformed_files(tmp_path: Path, entries: dict[str, str], message: str) -> None:
    src = _qdpx(tmp_path / "bad.qdpx", entries)
    with pytest.raises(ExchangeError, match=message):
        import_project(src, tmp_path / "new.makna")
    _assert_nothing_left(tmp_path)


def test_not_a_zip_and_missing(tmp_path: Path) -> None:
    (tmp_path / "plain.qdpx").write_text("hello")
    with pytest.raises(ExchangeError, match="not a readable zip"):
        import_project(tmp_path / "plain.qdpx", tmp_path / "new.makna")
    with pytest.raises(ExchangeError, match="no such file"):
        import_project(tmp_path / "absent.qdpx", tmp_path / "new.makna")
    _assert_nothing_left(tmp_path)


def test_failure_midway_rolls_back_and_removes_project(tmp_path: Path) -> None:
    """A source whose text is valid but a later section breaks the XML: nothing remains."""
    body = (f'<Project {NS} name="p"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" '
            'name="a" plainTextPath="internal://a.txt"/></Sources><Sets><Set></Project>')
    src = _qdpx(tmp_path / "broken.qdpx", {"project.qde": body, "sources/a.txt": "hello world"})
    with pytest.raises(ExchangeError, match="not well-formed"):
        import_project(src, tmp_path / "new.makna")
    _assert_nothing_left(tmp_path)


def test_failure_midway_on_existing_project_changes_nothing(project: makna.Project, tmp_path: Path) -> None:
    body = (f'<Project {NS} name="p"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" '
            'name="a" plainTextPath="internal://a.txt"/></Sources><Sets><Set></Project>')
    src = _qdpx(tmp_path / "broken.qdpx", {"project.qde": body, "sources/a.txt": "hello world"})
    with pytest.raises(ExchangeError):
        import_qdpx(project, src)
    assert makna.list_sources(project) == []


def test_refuses_existing_project(tmp_path: Path) -> None:
    src = _qdpx(tmp_path / "ok.qdpx", {"project.qde": MINIMAL})
    makna.create_project(tmp_path / "old.makna").close()
    before = (tmp_path / "old.makna").read_bytes()
    with pytest.raises(ProjectExistsError):
        import_project(src, tmp_path / "old.makna")
    assert (tmp_path / "old.makna").read_bytes() == before


def test_import_into_non_empty_project_refused(project: makna.Project, tmp_path: Path) -> None:
    makna.add_code(project, "x")
    src = _qdpx(tmp_path / "ok.qdpx", {"project.qde": MINIMAL})
    with pytest.raises(ExchangeError, match="new, empty project"):
        import_qdpx(project, src)


def test_xml_is_not_parsed_with_network(tmp_path: Path) -> None:
    """An external DTD reference in the prolog is refused as well."""
    body = f'<?xml version="1.0"?><!DOCTYPE Project SYSTEM "http://example.invalid/x.dtd"><Project {NS} name="p"/>'
    src = _qdpx(tmp_path / "net.qdpx", {"project.qde": body})
    with pytest.raises(ExchangeError, match="DTD"):
        import_project(src, tmp_path / "new.makna")


def test_prolog_in_utf16_checked(tmp_path: Path) -> None:
    src = _qdpx(tmp_path / "u16.qdpx", {"project.qde": XXE.replace('version="1.0"', 'version="1.0" encoding="UTF-16"', 1)
                                        .encode("utf-16")})
    with pytest.raises(ExchangeError, match="DTD"):
        import_project(src, tmp_path / "new.makna")
    assert io  # keep the import used


def test_failed_import_leaves_the_location_reusable(project_location: str, tmp_path: Path) -> None:
    """On PostgreSQL too: every table the migrations made (search index included) is removed, so a
    new project can be created at the same URL afterwards."""
    body = (f'<Project {NS} name="p"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" '
            'name="a" plainTextPath="internal://a.txt"/></Sources><Sets><Set></Project>')
    src = _qdpx(tmp_path / "broken.qdpx", {"project.qde": body, "sources/a.txt": "hello world"})
    with pytest.raises(ExchangeError, match="not well-formed"):
        import_project(src, project_location)
    with makna.create_project(project_location) as again:
        assert makna.list_sources(again) == []


def _damage_entry(path: Path, name: str) -> Path:
    path.write_bytes(damage_entry(path.read_bytes(), name))
    return path


def _exported(tmp_path: Path) -> Path:
    with makna.create_project(tmp_path / "orig.makna", coder="ani") as orig:
        makna.import_text(orig, "a.txt", "P: halo, apa kabar semuanya?\nI: baik-baik saja, terima kasih.\n" * 40)
        makna.add_code(orig, "exp")
        makna.code_turn(orig, "a.txt", 1, "exp")
        makna.export_qdpx(orig, tmp_path / "ok.qdpx")
    return tmp_path / "ok.qdpx"


def test_corrupt_compressed_project_xml(tmp_path: Path) -> None:
    """A corrupt deflate stream in the .qde (zlib.error or a bad CRC while it is read): one clear
    error naming the file, and no project left behind (#12)."""
    src = _exported(tmp_path)
    with zipfile.ZipFile(src) as zf:
        qde = next(n for n in zf.namelist() if n.endswith(".qde"))
    _damage_entry(src, qde)
    with pytest.raises(ExchangeError, match=r"ok\.qdpx: cannot read entry '.*\.qde' \(the file is damaged") as caught:
        import_project(src, tmp_path / "new.makna")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < len(str(src)) + 300
    _assert_nothing_left(tmp_path)
    # the reader in a child process (for large files) says the same kind of thing
    with child_records(str(src), qde, 10_000) as records:
        last = list(records)[-1]
    assert last[:2] == ("error", "read") and last[2].startswith("the archive is damaged (")


def test_corrupt_compressed_source_text(tmp_path: Path, project: makna.Project) -> None:
    src = _exported(tmp_path)
    with zipfile.ZipFile(src) as zf:
        entry = next(n for n in zf.namelist() if n.startswith("sources/"))
    _damage_entry(src, entry)
    with pytest.raises(ExchangeError, match=r"ok\.qdpx: cannot read entry 'sources/.*damaged"):
        import_qdpx(project, src)
    assert makna.list_sources(project) == [] and makna.list_codes(project) == []


def test_undecodable_source_text_is_named_once(tmp_path: Path) -> None:
    body = (f'<Project {NS} name="p"><Sources><TextSource guid="11111111-1111-1111-1111-111111111111" '
            'name="a" plainTextPath="internal://a.txt"/></Sources></Project>')
    src = _qdpx(tmp_path / "bin.qdpx", {"project.qde": body, "sources/a.txt": b"\xff\x00\x01 biner"})
    with pytest.raises(ExchangeError, match=r"bin\.qdpx: sources/a\.txt: looks like a binary file") as caught:
        import_project(src, tmp_path / "new.makna")
    assert str(caught.value).count("a.txt") == 1
    _assert_nothing_left(tmp_path)
def test_source_too_large_for_the_database_refused_up_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A source longer than one database value can hold (SQLite: 1,000,000,000 bytes) is refused
    with one line naming it and the limit, before anything is written (here with a small limit)."""
    import makna.store

    monkeypatch.setattr(makna.store, "MAX_TEXT_BYTES", 100)
    qde = (f'<?xml version="1.0" encoding="UTF-8"?><Project {NS} name="p" origin="test"><Sources>'
           '<TextSource guid="11111111-1111-1111-1111-111111111111" name="small" plainTextPath="internal://small.txt"/>'
           '<TextSource guid="22222222-2222-2222-2222-222222222222" name="besar" plainTextPath="internal://big.txt"/>'
           "</Sources></Project>")
    src = _qdpx(tmp_path / "big.qdpx", {"project.qde": qde, "sources/small.txt": "P: halo\n",
                                         "sources/big.txt": "P: " + "é" * 60 + "\n"})
    with pytest.raises(ExchangeError) as info:
        import_project(src, tmp_path / "new.makna")
    message = str(info.value)
    assert "\n" not in message and "'besar'" in message and "big.qdpx" in message
    assert "its text is 124 bytes in UTF-8, over the 100-byte limit" in message
    _assert_nothing_left(tmp_path)


def test_text_too_large_for_the_database_refused_on_import(project: makna.Project,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import makna.store
    from makna.errors import InputError

    monkeypatch.setattr(makna.store, "MAX_TEXT_BYTES", 20)
    with pytest.raises(InputError, match=r"panjang: its text is 21 bytes in UTF-8, over the 20-byte limit"):
        makna.import_text(project, "panjang", "P: " + "é" * 9)
    assert makna.list_sources(project) == []
    makna.import_text(project, "pendek", "P: " + "é" * 8)  # 19 bytes: fits
