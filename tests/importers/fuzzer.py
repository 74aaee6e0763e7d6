"""A seeded mutation fuzzer for makna's importers and for project import: .qdpx (issue #12), Taguette
databases and highlights exports, QualCoder databases (issue #16).

Small valid samples of every registered importer (and a .qdpx exported from a small project) are
mutated: bytes flipped, the file truncated, random or "interesting" bytes inserted, chunks
duplicated or deleted, numbers made absurdly long; for zip-based formats also the entries inside
the archive (mutated and re-zipped, dropped, renamed, added) and the archive's own fields
(compressed streams, CRCs, sizes, compression methods). Each case runs the real entry point and
must end in one of two ways:

- success: the whole decoded text is stored (the project's text equals what the importer returns);
- a :class:`makna.errors.MaknaError` with a one-line message that names the file, and the project
  unchanged (no source rows, no events); through the CLI, a non-zero exit code and exactly one
  line on stderr, never a traceback.

Every case is reproducible from the seed and its id (``docx#37``): :func:`case_rng`. The tests in
``test_fuzz.py`` run a few hundred cases; ``MAKNA_FUZZ_CASES`` (total), ``MAKNA_FUZZ_SEED`` and
``MAKNA_FUZZ_ONLY`` (a case id, or a sample name) change that. A longer campaign from the shell::

    PYTHONPATH=src python tests/importers/fuzzer.py --cases 5000 [--seed N] [--only docx]
"""

from __future__ import annotations

import functools
import io
import os
import random
import shutil
import struct
import sys
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # imported as ``importers.fuzzer`` from another folder's tests
    sys.path.insert(0, str(HERE))

from survey_files import survey_csv, survey_xlsx  # noqa: E402
from telegram_pages import chat_pages, export_zip  # noqa: E402

DEFAULT_SEED = 20261203
DEFAULT_CASES = 400
#: Every how many cases of a sample one also goes through the CLI.
CLI_EVERY = 8
#: Every how many .qdpx cases one goes through import_project (a new project each) rather than
#: import_qdpx into a copy of an empty project, and one (of those) scans in a child process.
PROJECT_EVERY = 4
CHILD_EVERY = 5
MAX_MESSAGE = 400  # characters of an error message beyond the file's path
SLOW_CASE_S = 10.0


# ----------------------------------------------------------------------------- samples
@dataclass(frozen=True)
class Sample:
    """A small valid input: ``name`` ids the sample, ``filename`` gives the suffix the importer is
    chosen by."""

    name: str
    filename: str
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.filename).suffix.lower()


TRANSCRIPT = (
    "Pewawancara: Bisa diceritakan awalnya pakai MiChat?\n"
    "Informan: Awalnya dari teman, Kak. Café dekat pasar.\n"
    "Pewawancara: Lalu?\n"
    "Informan: Ya begitu, pelan-pelan saja.\n"
)


RTF = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}\n"
       "\\f0 P: Sudah berapa lama Ibu berjualan kue?\\par\n"
       "I: Sejak 2019, Kak. Pesanan datang lewat WA, kadang dari tetangga caf\\'e9 sebelah.\\par\n"
       "P: Apa yang paling berat?\\par\n"
       "I: Bahan naik terus, tapi harga kue nggak bisa ikut naik.\\par\n}")

def _zip(entries: list[tuple[str, bytes]], *, stored: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6)), data, compress_type=method)
    return buf.getvalue()


def _docx() -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(
        f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in TRANSCRIPT.splitlines()
    )
    table = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nama</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kota</w:t>"
             "</w:r></w:p></w:tc></w:tr></w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{w}"><w:body>'
                f"{paras}{table}</w:body></w:document>").encode()
    types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
             b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
             b'document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return _zip([("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document)])


def _odt() -> bytes:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    paras = "".join(f"<text:p>{line}</text:p>" for line in TRANSCRIPT.splitlines())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
               f'xmlns:text="{text}" xmlns:table="{table}" office:version="1.2"><office:body><office:text>'
               f"<text:h text:outline-level=\"1\">Wawancara<text:s text:c=\"2\"/>satu</text:h>{paras}"
               "<table:table><table:table-row><table:table-cell><text:p>Nama</text:p></table:table-cell>"
               "<table:table-cell><text:p>Kota</text:p></table:table-cell></table:table-row></table:table>"
               "</office:text></office:body></office:document-content>").encode()
    manifest = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                b'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path='
                b'"/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                b'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return _zip([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", content),
                 ("META-INF/manifest.xml", manifest)], stored=("mimetype",))


def _pdf() -> bytes:
    from test_import_pdf import make_pdf

    return make_pdf([TRANSCRIPT.splitlines()[:2], TRANSCRIPT.splitlines()[2:]])


HTML = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title><style>p{}</style></head><body>"
    "<h1>Wawancara &amp; catatan</h1><p>Pewawancara: Bisa <b>diceritakan</b> awalnya?</p>"
    "<div><div><p>Informan: Awalnya dari teman, Kak. Caf&eacute;.</p></div></div>"
    "<table><tr><td>Nama</td><td>Kota</td></tr></table><pre>  baris\n  kedua</pre>"
    "<script>var x = 1;</script><ul><li>satu</li><li>dua</li></ul></body></html>"
)
VTT = (
    "WEBVTT\n\nNOTE dibuat tangan\n\n1\n00:00:01.000 --> 00:00:04.500\n<v Pewawancara>Bisa diceritakan?\n\n"
    "00:00:05.000 --> 00:00:09.250 align:start\n<v Informan>Awalnya dari <i>teman</i>.\n<v Pewawancara>Lalu?\n\n"
    "01:00:10.000 --> 01:00:12.000\nInforman: Ya &amp; begitu.\n"
)
SRT = (
    "1\n00:00:01,000 --> 00:00:04,500\nPewawancara: Bisa diceritakan?\n\n"
    "2\n00:00:05,000 --> 00:00:09,250\nInforman: Awalnya dari <i>teman</i>.\nbaris kedua\n\n"
    "3\n100:00:10,000 --> 100:00:12,000\nYa begitu.\n"
)
WHATSAPP = (
    "31/12/2023 21.41 - Pesan dan panggilan terenkripsi secara end-to-end.\n"
    "31/12/2023 21.41 - Ani: Aku udah sampai\n"
    "31/12/2023 21.45 - Budi: Oke, aku nggak jadi ikut ya\n\nmaaf banget\n"
    "01/01/2024 00.01 - Ani: <Media tidak disertakan>\n"
)
WHATSAPP_IOS = "[12/31/23, 9:41:05 PM] Ani: Hello\n[12/31/23, 9:42:00 PM] Budi: Hi, Ani\nsecond line\n"
MARKDOWN = "# Wawancara\n\n*Pewawancara*: Bisa diceritakan?\n\n- Informan: **Awalnya** dari teman.\n"


TELEGRAM_JSON = (
    '{"name": "Rina", "type": "personal_chat", "messages": ['
    '{"id": 1, "type": "message", "date": "2024-03-12T19:02:11", "from": "Peneliti Nur", "text": "Selamat malam."},'
    '{"id": 2, "type": "message", "date": "2024-03-12T19:03:40", "from": "Rina Marlina", "reply_to_message_id": 1,'
    ' "text": ["Nomor saya ", {"type": "phone", "text": "0812-555-0134"}], "photo": "photos/p.jpg"}]}'
)

EML = (
    "From: Rina <rina@example.com>\nTo: Peneliti <p@example.ac.id>\nSubject: Jawaban\n"
    "Date: Tue, 12 Mar 2024 19:02:11 +0700\nMIME-Version: 1.0\n"
    'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
    "Selamat malam. Nomor saya 0812-555-0134, caf=C3=A9 dekat pasar.\n"
)


def file_samples() -> list[Sample]:
    """The samples of the file importers; every registered reader must be reached by one
    (:func:`missing_readers`). A new importer adds its sample here."""
    return [
        Sample("txt", "informan.txt", TRANSCRIPT.encode("utf-8")),
        Sample("txt-cp1252", "legacy.txt", TRANSCRIPT.encode("cp1252")),
        Sample("txt-utf16", "utf16.txt", TRANSCRIPT.encode("utf-16")),
        Sample("md", "catatan.md", MARKDOWN.encode("utf-8")),
        Sample("whatsapp", "WhatsApp Chat.txt", WHATSAPP.encode("utf-8")),
        Sample("whatsapp-ios", "WhatsApp iOS.txt", WHATSAPP_IOS.encode("utf-8")),
        Sample("html", "halaman.html", HTML.encode("utf-8")),
        Sample("vtt", "rekaman.vtt", VTT.encode("utf-8")),
        Sample("srt", "rekaman.srt", SRT.encode("utf-8")),
        Sample("docx", "wawancara.docx", _docx()),
        Sample("odt", "wawancara.odt", _odt()),
        Sample("pdf", "wawancara.pdf", _pdf()),
        Sample("rtf", "wawancara.rtf", RTF.encode("ascii")),
        Sample("telegram", "messages.html", chat_pages()[0].encode("utf-8")),  # telegram_pages.py
        Sample("telegram-zip", "ChatExport.zip", export_zip(chat_pages())),
        Sample("telegram-json", "result.json", TELEGRAM_JSON.encode("utf-8")),
        Sample("eml", "jawaban.eml", EML.encode("ascii")),
        Sample("survey-csv", "kuesioner.csv", survey_csv().encode("utf-8")),  # survey_files.py
        Sample("survey-xlsx", "kuesioner.xlsx", survey_xlsx(formulas={"B3": ("CONCAT(\"35\",\"-44\")", "35-44")})),
    ]


def missing_readers(samples: list[Sample]) -> list[str]:
    """Registered readers that no sample reaches, named by their suffixes."""
    from makna.importers import registered_readers

    readers = registered_readers()
    reached = {id(readers[s.suffix]) for s in samples if s.suffix in readers}
    by_reader: dict[int, list[str]] = {}
    for suffix, reader in readers.items():
        by_reader.setdefault(id(reader), []).append(suffix)
    return [" ".join(sorted(suffixes)) for key, suffixes in by_reader.items() if key not in reached]


def qdpx_sample(workdir: Path) -> Sample:
    """A .qdpx exported from a small project: two sources, nested codes, codings, a case, a memo."""
    import makna
    from makna.cases import add_case, link_source

    workdir.mkdir(parents=True, exist_ok=True)
    with makna.create_project(str(workdir / "sample.makna"), "Fuzz sample", coder="ani") as project:
        makna.import_text(project, "informan-01.txt", TRANSCRIPT, language="id")
        makna.import_text(project, "catatan.md", "Catatan lapangan 😀.\n\nHari kedua: café.\n", language="id")
        makna.add_code(project, "exp", "Pengalaman", definition="Experiences")
        makna.add_code(project, "exp.neg", "Negatif", parent="exp")
        makna.code_turn(project, "informan-01.txt", 2, "exp.neg")
        add_case(project, "Ani", "Informan pertama")
        link_source(project, "Ani", "informan-01.txt")
        makna.add_memo(project, "code", "exp", "Code memo")
        makna.export_qdpx(project, workdir / "sample.qdpx")
    return Sample("qdpx", "proyek.qdpx", (workdir / "sample.qdpx").read_bytes())


#: Samples of the other project formats (run through import_project): name -> file name
PROJECT_SAMPLES = {"taguette": "study.sqlite3", "taguette-csv": "highlights.csv", "qualcoder": "data.qda"}


def project_samples(workdir: Path) -> list[Sample]:
    """A Taguette database (the fixture made by Taguette, with one project), its highlights CSV
    export, and a QualCoder database built with QualCoder's schema."""
    import sqlite3

    exchange = HERE.parent / "exchange"
    if str(exchange) not in sys.path:
        sys.path.insert(0, str(exchange))
    from qualcoder_builder import QcProject, build

    workdir.mkdir(parents=True, exist_ok=True)
    fixtures = exchange / "taguette_fixtures"
    db = workdir / "study.sqlite3"
    shutil.copy(fixtures / "study.sqlite3", db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("DELETE FROM projects WHERE id = 2")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    text = TRANSCRIPT + "Informan: Caf\u00e9 😀 dekat pasar.\n"
    qc = QcProject(memo="Memo", coder="ani")
    qc.sources = [(1, "informan.txt", text, "memo"), (2, "foto.jpg", None, "")]
    qc.categories = [(1, "Pengalaman", None, "")]
    qc.codes = [(1, "awal", 1, None, "", "#FF0000"), (2, "kafe", None, 1, "", "")]
    at = text.index("Awalnya")
    qc.codings = [(1, 1, at, at + 30, "ani", "memo"), (2, 1, text.index("Caf"), len(text) - 2, "budi", "")]
    qc.cases = [(1, "Ani", "")]
    qc.case_text = [(1, 1, 0, len(text))]
    qc.attribute_types = [("umur", "case", "numeric")]
    qc.attributes = [("umur", "case", "31", 1)]
    qc.journals = [("Jurnal", "Hari pertama.", "ani")]
    folder = build(workdir / "studi.qda", qc)
    data = {"taguette": db.read_bytes(), "taguette-csv": (fixtures / "highlights.csv").read_bytes(),
            "qualcoder": (folder / "data.qda").read_bytes()}
    return [Sample(name, filename, data[name]) for name, filename in PROJECT_SAMPLES.items()]


# ----------------------------------------------------------------------------- mutations
def damage_entry(data: bytes, name: str, where: list[int] | None = None) -> bytes:
    """The zip ``data`` with bytes of entry ``name``'s compressed stream flipped (at the offsets
    ``where`` into it; by default eight bytes a third of the way in), every header left intact:
    reading the entry then fails in the decompressor (``zlib.error``) or on its CRC."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode("utf-8")) + len(info.extra)
    out = bytearray(data)
    for i in where if where is not None else range(info.compress_size // 3, info.compress_size // 3 + 8):
        out[start + min(i, info.compress_size - 1)] ^= 0x55
    return bytes(out)


INTERESTING: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\n\n", b"\x1b", b"\x7f",
    b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98", b"\xed\xa0\x80", "é".encode(), "\u0301".encode(), "\u202e".encode(),
    b"9" * 5000, b"-1", b"99999999999999999999", b"0", b"3.5e9",
    b"-->", b" --> ", b"00:00:01.000 --> 00:00:02.000\n", b"<v ", b"WEBVTT\n", b"NOTE\n",
    b"31/02/2024 21.42 - Budi: ", b"[31/13/23, 25.61.61] Ani: ", "12/31/23, 9:41\u202fPM - ".encode(),
    b"<", b">", b"&", b"&#0;", b"&#x110000;", b"&bogus;", b"<![CDATA[", b"]]>", b"<!--", b"-->",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"<?xml version='1.0' encoding='utf-16'?>",
    b"<div>" * 600, b"<b><i>" * 1500, b"</p>", b"<meta charset=\"bogus\">", b"<meta charset=\"utf-16\">",
    b"<w:t>", b"</w:t>", b"<text:s text:c=\"99999999999999999999\"/>", b"table:number-columns-repeated=\"999999\"",
    b"%PDF-", b"%%EOF", b"endobj", b"stream\n", b"endstream", b"/Length 999999999", b"xref\n", b"trailer",
    b"/Filter /FlateDecode", b"/Encrypt", b" 0 R", b"<<", b">>", b"(", b")", b"\\",
    b"PK\x03\x04", b"PK\x05\x06",
)


@dataclass
class Mutation:
    """A mutated input and what was done to it (for the failure message)."""

    data: bytes
    steps: list[str] = field(default_factory=list)


def case_rng(seed: int, case_id: str) -> random.Random:
    """The random source of one case: the same seed and id give the same mutation."""
    return random.Random(f"{seed}:{case_id}")


class Mutator:
    """Applies one to three random mutations to bytes (and to zip archives as archives)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- plain bytes
    def _pos(self, data: bytes) -> int:
        return self.rng.randint(0, len(data))

    def flip(self, data: bytes) -> tuple[bytes, str]:
        if not data:
            return data, "flip (empty)"
        out = bytearray(data)
        where = []
        for _ in range(self.rng.choice((1, 1, 2, 4, 16))):
            i = self.rng.randrange(len(out))
            out[i] ^= 1 << self.rng.randrange(8) if self.rng.random() < 0.7 else self.rng.randrange(1, 256)
            where.append(i)
        return bytes(out), f"flip at {where[:4]}"

    def truncate(self, data: bytes) -> tuple[bytes, str]:
        at = self._pos(data)
        return data[:at], f"truncate at {at}"

    def insert(self, data: bytes) -> tuple[bytes, str]:
        at = self._pos(data)
        if self.rng.random() < 0.6:
            token = self.rng.choice(INTERESTING)
            label = repr(token[:20]) + (f"x{len(token)}" if len(token) > 20 else "")
        else:
            token = self.rng.randbytes(self.rng.randint(1, 32))
            label = f"{len(token)} random bytes"
        return data[:at] + token + data[at:], f"insert {label} at {at}"

    def overwrite(self, data: bytes) -> tuple[bytes, str]:
        at = self._pos(data)
        token = self.rng.choice(INTERESTING)
        return data[:at] + token + data[at + len(token):], f"overwrite {token[:20]!r} at {at}"

    def duplicate(self, data: bytes) -> tuple[bytes, str]:
        if not data:
            return data, "duplicate (empty)"
        a = self.rng.randrange(len(data))
        b = min(len(data), a + self.rng.randint(1, 256))
        times = self.rng.choice((1, 1, 2, 10, 300))
        at = self._pos(data)
        return data[:at] + data[a:b] * times + data[at:], f"duplicate [{a}:{b}] x{times} at {at}"

    def delete(self, data: bytes) -> tuple[bytes, str]:
        if not data:
            return data, "delete (empty)"
        a = self.rng.randrange(len(data))
        b = min(len(data), a + self.rng.randint(1, 64))
        return data[:a] + data[b:], f"delete [{a}:{b}]"

    def number(self, data: bytes) -> tuple[bytes, str]:
        """Replace a run of digits by an absurd number (very long, zero, negative)."""
        runs = [i for i in range(len(data)) if 48 <= data[i] <= 57 and (i == 0 or not 48 <= data[i - 1] <= 57)]
        if not runs:
            return self.insert(data)
        a = self.rng.choice(runs)
        b = a
        while b < len(data) and 48 <= data[b] <= 57:
            b += 1
        new = self.rng.choice((b"9" * 5000, b"9" * 30, b"0", b"00", b"-1", b"99", b"1" * 7))
        return data[:a] + new + data[b:], f"number [{a}:{b}] -> {new[:12]!r}x{len(new)}"

    def line(self, data: bytes) -> tuple[bytes, str]:
        """Duplicate, drop or swap whole lines (text formats)."""
        lines = data.split(b"\n")
        if len(lines) < 2:
            return self.duplicate(data)
        i, j = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        what = self.rng.choice(("dup", "drop", "swap"))
        if what == "dup":
            lines.insert(j, lines[i])
        elif what == "drop":
            del lines[i]
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"line {what} {i},{j}"

    BYTE_OPS: tuple[str, ...] = ("flip", "flip", "truncate", "insert", "insert", "overwrite", "duplicate", "delete",
                                 "number", "line")

    def bytes_op(self, data: bytes) -> tuple[bytes, str]:
        op: Callable[[bytes], tuple[bytes, str]] = getattr(self, self.rng.choice(self.BYTE_OPS))
        return op(data)

    # -- zip archives
    ZIP_OPS: tuple[str, ...] = ("entry_mutate", "entry_mutate", "entry_mutate", "entry_drop", "entry_rename",
                                "entry_add", "deflate_corrupt", "deflate_corrupt", "header_field")

    def _entries(self, data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return [(info, zf.read(info)) for info in zf.infolist()]
        except Exception:  # a previous step broke the archive: mutate its bytes instead
            return None

    def _rezip(self, entries: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name": a mutation on purpose
            for info, content in entries:
                new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                new.compress_type = info.compress_type
                zf.writestr(new, content)
        return buf.getvalue()

    def zip_op(self, data: bytes) -> tuple[bytes, str]:
        entries = self._entries(data)
        if not entries:
            return self.bytes_op(data)
        op = self.rng.choice(self.ZIP_OPS)
        k = self.rng.randrange(len(entries))
        info, content = entries[k]
        if op == "entry_mutate":
            steps = []
            for _ in range(self.rng.choice((1, 1, 2))):
                content, step = self.bytes_op(content)
                steps.append(step)
            entries[k] = (info, content)
            return self._rezip(entries), f"entry {info.filename!r}: {'; '.join(steps)}"
        if op == "entry_drop":
            del entries[k]
            return self._rezip(entries), f"drop entry {info.filename!r}"
        if op == "entry_rename":
            new_name = self.rng.choice((info.filename.upper(), "x" * 300, "../evil.xml", "/abs.xml", "C:/d.xml",
                                        entries[self.rng.randrange(len(entries))][0].filename, info.filename + "/",
                                        "sources/" + info.filename.rsplit("/", 1)[-1]))
            renamed = zipfile.ZipInfo(new_name, date_time=info.date_time)
            renamed.compress_type = info.compress_type
            entries[k] = (renamed, content)
            return self._rezip(entries), f"rename entry {info.filename!r} -> {new_name[:40]!r}"
        if op == "entry_add":
            name = self.rng.choice(("extra.xml", "sources/extra.txt", "word/extra.xml", "project2.qde", "mimetype"))
            added = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            added.compress_type = zipfile.ZIP_DEFLATED
            body = self.rng.choice((b"<a/>", self.rng.randbytes(64), content))
            entries.append((added, body))
            return self._rezip(entries), f"add entry {name!r}"
        if op == "deflate_corrupt":
            return self._corrupt_stream(data, entries, k)
        return self._header_field(data)

    def _corrupt_stream(self, data: bytes, entries: list[tuple[zipfile.ZipInfo, bytes]], k: int) -> tuple[bytes, str]:
        """Flip bytes inside an entry's compressed data, leaving every header intact."""
        info, content = entries[k]
        info.compress_type = zipfile.ZIP_DEFLATED
        rezipped = self._rezip(entries)
        size = zipfile.ZipFile(io.BytesIO(rezipped)).infolist()[k].compress_size
        if size == 0:
            return rezipped, f"corrupt stream of empty entry {info.filename!r}"
        where = sorted({self.rng.randrange(size) for _ in range(self.rng.choice((1, 2, 8)))})
        return damage_entry(rezipped, info.filename, where), f"corrupt compressed stream of {info.filename!r} at {where[:4]}"

    def _header_field(self, data: bytes) -> tuple[bytes, str]:
        """Change a field of a central directory record: method, flags, CRC, sizes or offset."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                start = zf.start_dir  # type: ignore[attr-defined]
                count = len(zf.infolist())
        except Exception:
            return self.bytes_op(data)
        pos = start
        records = []
        for _ in range(count):
            if data[pos:pos + 4] != b"PK\x01\x02":
                return self.bytes_op(data)
            n, m, c = struct.unpack("<HHH", data[pos + 28:pos + 34])
            records.append(pos)
            pos += 46 + n + m + c
        rec = self.rng.choice(records)
        name, offset, fmt, values = self.rng.choice((
            ("method", 10, "<H", (1, 6, 12, 14, 99, 0, 8)),
            ("flags", 8, "<H", (1, 8, 0x41, 0x800, 0xFFFF)),
            ("crc", 16, "<I", (0, 0xFFFFFFFF, self.rng.getrandbits(32))),
            ("compressed size", 20, "<I", (0, 1, 0xFFFFFFFF, self.rng.getrandbits(16))),
            ("size", 24, "<I", (0, 1, 0xFFFFFFFF, self.rng.getrandbits(16), 300 * 1024 * 1024)),
            ("local header offset", 42, "<I", (0, 1, 0xFFFFFFFF, self.rng.getrandbits(12))),
        ))
        value = self.rng.choice(values)
        out = bytearray(data)
        struct.pack_into(fmt, out, rec + offset, value)
        return bytes(out), f"central directory record at {rec}: {name} = {value}"

    def mutate(self, data: bytes) -> Mutation:
        result = Mutation(data)
        for _ in range(self.rng.choice((1, 1, 1, 2, 3))):
            if result.data.startswith(b"PK\x03\x04") and self.rng.random() < 0.75:
                result.data, step = self.zip_op(result.data)
            else:
                result.data, step = self.bytes_op(result.data)
            result.steps.append(step)
        return result


# ----------------------------------------------------------------------------- running cases
@dataclass
class Outcome:
    """What one case did: ``ok`` (imported), ``refused`` (a MaknaError) or a problem (a failure)."""

    case_id: str
    kind: str  # "imported" | "refused" | "problem"
    detail: str
    seconds: float = 0.0


class Workspace:
    """Where cases run: a template empty project copied for each case, numbered scratch files."""

    def __init__(self, root: Path) -> None:
        import makna

        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.template = root / "template.makna"
        if not self.template.exists():
            makna.create_project(str(self.template), "Fuzz", coder="fuzz").close()
        self.baseline = self.counts(self.template)

    @staticmethod
    def counts(location: Path) -> tuple[int, int]:
        """(sources, events) of the project at ``location``."""
        from sqlalchemy import func, select

        import makna
        from makna.store import tables

        with makna.open_project(str(location), coder="fuzz") as project, project.store.read() as conn:
            sources = conn.execute(select(func.count()).select_from(tables.sources)).scalar_one()
            events = conn.execute(select(func.count()).select_from(tables.events)).scalar_one()
        return int(sources), int(events)

    def fresh_project(self, case_id: str) -> Path:
        target = self.root / f"{_slug(case_id)}.makna"
        for p in self.root.glob(f"{target.name}*"):
            p.unlink()
        shutil.copy(self.template, target)
        return target

    def cleanup(self, case_id: str) -> None:
        for p in self.root.glob(f"{_slug(case_id)}*"):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()


def _slug(case_id: str) -> str:
    return case_id.replace("#", "-").replace("/", "_")


def _check_message(message: str, path: Path) -> str | None:
    """Why an error message is not one clear line naming the file, or None when it is."""
    if "\n" in message or "\r" in message:
        return "the message has more than one line"
    if path.name not in message:
        return "the message does not name the file"
    if len(message) > len(str(path)) + MAX_MESSAGE:
        return f"the message is {len(message):,} characters long"
    return None


def run_file_case(ws: Workspace, sample: Sample, case_id: str, data: bytes, *, cli: bool) -> Outcome:
    """Import ``data`` (as ``sample``'s kind of file) into a fresh project through the library and,
    with ``cli``, through ``makna import`` into another."""
    import makna
    from makna.errors import MaknaError
    from makna.importers import read_document
    from makna.importers.survey import is_survey, read_survey
    from makna.text import normalize_text

    folder = ws.root / _slug(case_id)
    folder.mkdir(exist_ok=True)
    path = folder / sample.filename
    path.write_bytes(data)
    location = ws.fresh_project(case_id)
    outcome: Outcome
    try:
        with makna.open_project(str(location), coder="fuzz") as project:
            if is_survey(path):  # a source per respondent: their texts, in order, compared as one
                done = makna.import_survey(project, path)
                stored = "\x00".join(makna.get_source(project, s.id).text for s in done.sources)
            else:
                source = makna.import_file(project, path)
                stored = makna.get_source(project, source.id).text
        if is_survey(path):
            expected = "\x00".join(r.text for r in read_survey(path, data).respondents)
        else:
            expected = normalize_text(read_document(path).text)
        if stored != expected:
            outcome = Outcome(case_id, "problem", f"stored text ({len(stored)} chars) differs from what the importer "
                                                  f"returns ({len(expected)} chars)")
        else:
            outcome = Outcome(case_id, "imported", f"{len(stored)} characters")
    except MaknaError as exc:
        why = _check_message(str(exc), path)
        counts = ws.counts(location)
        if why is not None:
            outcome = Outcome(case_id, "problem", f"{why}: {type(exc).__name__}: {str(exc)[:600]!r}")
        elif counts != ws.baseline:
            outcome = Outcome(case_id, "problem", f"refused ({exc}) but the project changed: {counts}")
        else:
            outcome = Outcome(case_id, "refused", str(exc))
    except Exception:  # any other exception is the bug this fuzzer looks for
        outcome = Outcome(case_id, "problem", "traceback:\n" + _short_traceback())
    if cli and outcome.kind != "problem":
        outcome = _cli_check(outcome, ["import", str(path), "-p", str(ws.fresh_project(case_id))],
                             outcome.kind == "imported")
    return outcome


def run_qdpx_case(ws: Workspace, sample: Sample, case_id: str, data: bytes, *, index: int, cli: bool) -> Outcome:
    """Import a mutated .qdpx: into a copy of an empty project (import_qdpx), or, every
    :data:`PROJECT_EVERY` cases, as a new project (import_project, now and then scanning in a child)."""
    import makna
    from makna.errors import MaknaError

    folder = ws.root / _slug(case_id)
    folder.mkdir(exist_ok=True)
    path = folder / sample.filename
    path.write_bytes(data)
    as_project = index % PROJECT_EVERY == 0
    parallel = as_project and index % (PROJECT_EVERY * CHILD_EVERY) == 0
    location = folder / "new.makna" if as_project else ws.fresh_project(case_id)
    try:
        if as_project:
            report = makna.import_project(path, location, coder="fuzz", parallel=parallel)
        else:
            with makna.open_project(str(location), coder="fuzz") as project:
                report = makna.import_qdpx(project, path, parallel=False)
        outcome = _check_qdpx_import(case_id, path, location, report)
    except MaknaError as exc:
        why = _check_message(str(exc), path)
        if why is not None:
            outcome = Outcome(case_id, "problem", f"{why}: {type(exc).__name__}: {str(exc)[:600]!r}")
        elif as_project and any(p.name.startswith("new.makna") for p in folder.iterdir()):
            outcome = Outcome(case_id, "problem", f"refused ({exc}) but the new project was left behind")
        elif not as_project and ws.counts(location) != ws.baseline:
            outcome = Outcome(case_id, "problem", f"refused ({exc}) but the project changed")
        else:
            outcome = Outcome(case_id, "refused", str(exc))
    except Exception:
        outcome = Outcome(case_id, "problem", "traceback:\n" + _short_traceback())
    if cli and outcome.kind != "problem":
        target = folder / "cli.makna"
        outcome = _cli_check(outcome, ["import-project", str(path), "-p", str(target)], outcome.kind == "imported")
        if outcome.kind == "refused" and target.exists():
            outcome = Outcome(case_id, "problem", "makna import-project failed but left the new project behind")
    return outcome


def _check_qdpx_import(case_id: str, path: Path, location: Path, report: Any) -> Outcome:
    """A .qdpx import that succeeded: every stored source's text is the text of one of the
    archive's source entries (as makna reads them)."""
    import makna
    from makna.exchange._safety import Archive
    from makna.exchange.qdpx_read import _decode
    from makna.text import normalize_text

    with makna.open_project(str(location), coder="fuzz") as project:
        stored = [makna.get_source(project, s.id).text for s in makna.list_sources(project)]
    if len(stored) != report.sources:
        return Outcome(case_id, "problem", f"the report says {report.sources} source(s), the project holds "
                                           f"{len(stored)}")
    candidates = set()
    with Archive(path) as archive:
        for name in archive.names():
            try:
                candidates.add(normalize_text(_decode(archive, name)))
            except Exception:  # an entry that is not text (or not readable) is no candidate
                continue
    for text in stored:
        if text not in candidates:
            return Outcome(case_id, "problem", f"a stored source ({len(text)} chars) is not the text of any entry")
    return Outcome(case_id, "imported", f"{len(stored)} source(s), {report.segments} segment(s)")


def run_project_case(ws: Workspace, sample: Sample, case_id: str, data: bytes, *, cli: bool) -> Outcome:
    """Import a mutated Taguette or QualCoder file as a new project (import_project): success with
    every coding inside its source's text, or one clear error with no project left behind."""
    import makna
    from makna.errors import MaknaError

    folder = ws.root / _slug(case_id)
    folder.mkdir(exist_ok=True)
    path = folder / sample.filename
    path.write_bytes(data)
    location = folder / "new.makna"
    try:
        report = makna.import_project(path, location, coder="fuzz")
        outcome = _check_project_import(case_id, location, report)
    except MaknaError as exc:
        why = _check_message(str(exc), path)
        if why is not None:
            outcome = Outcome(case_id, "problem", f"{why}: {type(exc).__name__}: {str(exc)[:600]!r}")
        elif any(p.name.startswith("new.makna") for p in folder.iterdir()):
            outcome = Outcome(case_id, "problem", f"refused ({exc}) but the new project was left behind")
        else:
            outcome = Outcome(case_id, "refused", str(exc))
    except Exception:
        outcome = Outcome(case_id, "problem", "traceback:\n" + _short_traceback())
    if path.read_bytes() != data:
        outcome = Outcome(case_id, "problem", "the import changed the file it read")
    if cli and outcome.kind != "problem":
        target = folder / "cli.makna"
        outcome = _cli_check(outcome, ["import-project", str(path), "-p", str(target)], outcome.kind == "imported")
        if outcome.kind == "refused" and target.exists():
            outcome = Outcome(case_id, "problem", "makna import-project failed but left the new project behind")
    return outcome


def _check_project_import(case_id: str, location: Path, report: Any) -> Outcome:
    """A Taguette or QualCoder import that succeeded: the counts match the project, and every coding
    lies inside its source's text."""
    from sqlalchemy import func, select

    import makna
    from makna.store import tables

    with makna.open_project(str(location), coder="fuzz") as project, project.store.read() as conn:
        sources = conn.execute(select(func.count()).select_from(tables.sources)).scalar_one()
        outside = conn.execute(select(func.count()).select_from(
            tables.segments.join(tables.sources, tables.sources.c.id == tables.segments.c.source_id))
            .where((tables.segments.c.start < 0) | (tables.segments.c.end > tables.sources.c.length)
                   | (tables.segments.c.start >= tables.segments.c.end))).scalar_one()
    if sources != report.sources:
        return Outcome(case_id, "problem", f"the report says {report.sources} source(s), the project holds {sources}")
    if outside:
        return Outcome(case_id, "problem", f"{outside} coding(s) outside their source's text")
    return Outcome(case_id, "imported", f"{sources} source(s), {report.segments} segment(s)")


@functools.cache
def _cli_command() -> Any:
    """makna's Click command, built once (typer's CliRunner builds it again for every call, which
    costs more than a case)."""
    import typer

    from makna.cli import app

    return typer.main.get_command(app)


def _cli_check(outcome: Outcome, args: list[str], imported: bool) -> Outcome:
    from click.testing import CliRunner

    result = CliRunner().invoke(_cli_command(), args)
    stderr = result.stderr
    everything = result.output + stderr
    if "Traceback" in everything or (result.exception is not None and not isinstance(result.exception, SystemExit)):
        return Outcome(outcome.case_id, "problem", f"CLI {args[0]}: a traceback ({result.exception!r})")
    if imported and result.exit_code != 0:
        return Outcome(outcome.case_id, "problem",
                       f"CLI {args[0]}: exit {result.exit_code} where the library imported: {stderr[:300]!r}")
    if not imported:
        lines = stderr.strip("\n").split("\n")
        if result.exit_code == 0:
            return Outcome(outcome.case_id, "problem", f"CLI {args[0]}: exit 0 where the library refused")
        if len(lines) != 1 or not lines[0].startswith("Error: "):
            return Outcome(outcome.case_id, "problem", f"CLI {args[0]}: stderr is not one 'Error:' line: "
                                                       f"{stderr[:300]!r}")
    return outcome


def _short_traceback() -> str:
    lines = traceback.format_exc().splitlines()
    return "\n".join(lines[-24:])


def plan(samples: list[Sample], total: int) -> list[tuple[Sample, int]]:
    """(sample, index) for ``total`` cases spread evenly over the samples."""
    per = max(1, total // max(1, len(samples)))
    return [(s, i) for s in samples for i in range(per)]


def run_cases(ws: Workspace, sample: Sample, indexes: range | list[int], seed: int) -> Iterator[Outcome]:
    """Run the cases ``indexes`` of ``sample`` with ``seed``; yields one outcome each."""
    for i in indexes:
        case_id = f"{sample.name}#{i}"
        mutation = Mutator(case_rng(seed, case_id)).mutate(sample.data)
        started = time.perf_counter()
        cli = i % CLI_EVERY == 0
        if sample.name in PROJECT_SAMPLES:
            outcome = run_project_case(ws, sample, case_id, mutation.data, cli=cli)
        elif sample.suffix == ".qdpx":
            outcome = run_qdpx_case(ws, sample, case_id, mutation.data, index=i, cli=cli)
        else:
            outcome = run_file_case(ws, sample, case_id, mutation.data, cli=cli)
        outcome.seconds = time.perf_counter() - started
        if outcome.seconds > SLOW_CASE_S and outcome.kind != "problem":
            outcome = Outcome(case_id, "problem", f"took {outcome.seconds:.1f} s", outcome.seconds)
        if outcome.kind == "problem":
            outcome.detail = f"{outcome.detail}\n  mutations: {'; '.join(mutation.steps)}"
        ws.cleanup(case_id)
        yield outcome


def describe(outcome: Outcome, seed: int) -> str:
    return (f"case {outcome.case_id} (MAKNA_FUZZ_SEED={seed} MAKNA_FUZZ_ONLY={outcome.case_id}): "
            f"{outcome.detail}")


def settings() -> tuple[int, int, str | None]:
    """(seed, total cases, only) from MAKNA_FUZZ_SEED, MAKNA_FUZZ_CASES and MAKNA_FUZZ_ONLY."""
    seed = int(os.environ.get("MAKNA_FUZZ_SEED") or DEFAULT_SEED)
    total = int(os.environ.get("MAKNA_FUZZ_CASES") or DEFAULT_CASES)
    return seed, total, os.environ.get("MAKNA_FUZZ_ONLY") or None


def selected(sample: Sample, per_sample: int, only: str | None) -> list[int]:
    """The case indexes of ``sample`` to run: all ``per_sample``, or the one ``only`` names."""
    if only is None:
        return list(range(per_sample))
    name, _, number = only.partition("#")
    if name != sample.name:
        return []
    return [int(number)] if number else list(range(per_sample))


def main(argv: list[str]) -> int:
    """A campaign from the shell: counts per sample and every problem, with its case id."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="total cases over all samples")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--only", help="a sample name or a case id (docx#37)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory(prefix="makna-fuzz-") as tmp:
        ws = Workspace(Path(tmp) / "ws")
        samples = [*file_samples(), qdpx_sample(Path(tmp) / "qdpx"), *project_samples(Path(tmp) / "projects")]
        missing = missing_readers(samples)
        if missing:
            print(f"no sample for the reader of: {', '.join(missing)}")
            return 1
        per = max(1, args.cases // len(samples))
        problems = 0
        for sample in samples:
            counts = {"imported": 0, "refused": 0, "problem": 0}
            started = time.perf_counter()
            for outcome in run_cases(ws, sample, selected(sample, per, args.only), args.seed):
                counts[outcome.kind] += 1
                if outcome.kind == "problem":
                    problems += 1
                    print(describe(outcome, args.seed), flush=True)
            if sum(counts.values()):
                print(f"{sample.name:14} {sum(counts.values()):6} cases: {counts['imported']:5} imported, "
                      f"{counts['refused']:5} refused, {counts['problem']:4} problems "
                      f"({time.perf_counter() - started:.1f} s)", flush=True)
        print(f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
