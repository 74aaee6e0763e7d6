"""The shared zip and XML guards."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from makna.errors import ImportFormatError
from makna.importers._safety import check_xml_part, open_zip


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_total_size_cap() -> None:
    data = _zip({"a.bin": os.urandom(3000), "b.bin": os.urandom(3000)})
    with open_zip(Path("ok.zip"), data, ".docx", max_uncompressed=6000) as zf:
        assert sorted(zf.namelist()) == ["a.bin", "b.bin"]
    with pytest.raises(
        ImportFormatError, match=r"big\.docx: not a valid \.docx \(expands to more than 5,000 b"
    ):
        open_zip(Path("big.docx"), data, ".docx", max_uncompressed=5000)


def test_ratio_cap_ignores_small_entries() -> None:
    small = _zip({"small.xml": b"<a/>" * 10_000})  # 40 kB, very compressible, harmless
    open_zip(Path("s.odt"), small, ".odt").close()
    bomb = _zip({"big.xml": b" " * (2 * 1024 * 1024)})
    with pytest.raises(ImportFormatError, match=r"b\.odt: not a valid \.odt \(entry 'big\.xml' claims"):
        open_zip(Path("b.odt"), bomb, ".odt")


def test_empty_and_garbage() -> None:
    with pytest.raises(ImportFormatError, match="it is not a zip archive"):
        open_zip(Path("x.docx"), b"", ".docx")
    with pytest.raises(ImportFormatError, match="broken zip archive"):
        open_zip(Path("x.docx"), b"PK\x03\x04garbage", ".docx")


def test_xml_part_checks() -> None:
    dtd = "<!DOCTYPE a>".encode("utf-16-le")
    data = _zip({"good.xml": b"<a>x</a>", "bad.xml": b"<a><b></a>", "dtd.xml": dtd})
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert check_xml_part(Path("f.odt"), zf, "good.xml", ".odt", parse=True) == b"<a>x</a>"
        with pytest.raises(ImportFormatError, match=r"f\.odt: .*'bad\.xml' is not well-formed XML"):
            check_xml_part(Path("f.odt"), zf, "bad.xml", ".odt", parse=True)
        with pytest.raises(ImportFormatError, match="declares a DTD"):
            check_xml_part(Path("f.odt"), zf, "dtd.xml", ".odt")
        with pytest.raises(ImportFormatError, match="'none.xml' is missing"):
            check_xml_part(Path("f.odt"), zf, "none.xml", ".odt")


def test_encrypted_entries_are_refused() -> None:
    """#12: zipfile raises RuntimeError on reading an encrypted entry: refused up front instead."""
    data = bytearray(_zip({"a.xml": b"<a/>"}))
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x1  # general purpose flag: encrypted
    with pytest.raises(ImportFormatError, match=r"e\.docx: not a valid \.docx \(the entry 'a\.xml' is encrypted\)"):
        open_zip(Path("e.docx"), bytes(data), ".docx")


def test_long_entry_names_are_quoted_short() -> None:
    data = _zip({"../" + "x" * 5000: b"x"})
    with pytest.raises(ImportFormatError, match=r"unsafe entry name '\.\./x+'\.\.\. \(5,003 characters\)\)$"):
        open_zip(Path("n.odt"), data, ".odt")
