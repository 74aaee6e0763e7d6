"""Scanning the ``.qde`` of a .qdpx into plain records, in this process or in a helper process.

The bulk of a large project is its ``PlainTextSelection`` and ``Coding`` elements. :func:`scan` walks
the document with lxml's ``iterparse`` (safe settings; never a tree of the whole file) and turns
each selection into a tuple of the raw attribute strings the importer needs. Everything else (users,
the codebook, cases, notes, sets) is passed on as the serialised element, which the importer parses
again: those elements are few and small. Interpreting the records (GUIDs, positions, codes, users)
is the importer's work (:mod:`makna.exchange.qdpx_read`).

Reading XML is about half of the work of importing a large project and writing the database the
other half, so for a large file the importer runs this module as a child process
(``python -P _scan.py ZIP ENTRY MAX_ELEMENTS``) and writes while the child reads. Records cross the
pipe as length-prefixed :mod:`marshal` frames (plain tuples of strings, made by this code). The
module imports only the standard library and lxml, so that the child starts in a tenth of a second;
that is also why it is run by path, not as ``-m makna...`` (which would import all of makna).

Records, in document order:

- ``("root", local_name, attributes)``: first, from the root element;
- ``("element", local_name, parent_local_name, xml_bytes)``: a ``User``, ``CodeBook``, ``Variable``,
  ``Case``, ``Note``, ``Link`` or ``Set``;
- ``("skipped", local_name, label, codings)``: a picture, PDF, audio or video source, or a graph;
- ``("partly", local_name, label, codings)``: a PDF source whose text representation was passed on as
  a text source (its GUID, name and description are the PDF's), with the codings of its PDF regions,
  which were not;
- ``("source", header)``: a ``TextSource`` under ``Sources``, before its selections; ``header`` is
  (guid, name, plainTextPath, richTextPath, creationDateTime, Description text, PlainTextContent
  text or None, (archive entry, bytes) of the plainTextPath or None), attributes as written (None
  when absent);
- ``("selections", [selection, ...])``: that source's selections, in chunks; a selection is
  (guid, startPosition, endPosition, codings, NoteRef targets, Description text or None), positions as ints
  where they read as integers, and a coding is (GUID in makna's form, or None when malformed;
  CodeRef targetGUID, creatingUser, creationDateTime, NoteRef targets);
- ``("source_end", codings, NoteRef targets, number of VariableValues)``: the end of that source,
  with its whole-source codings;
- ``("project", xml_bytes)``: the root with what is left of it (its Description and NoteRefs);
- ``("end", elements)``: the number of elements read.

Errors are :class:`ScanError` (kind ``"syntax"`` or ``"limit"``); the child sends them as
``("error", kind, message)``.
"""

from __future__ import annotations

import gc
import lzma
import marshal
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import IO, Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

__all__ = ["SAFE_OPTIONS", "ScanError", "Entries", "canonical_guid", "local", "source_path", "scan", "scan_records",
           "can_scan_in_child", "child_records", "read_frames", "main"]

#: lxml parser settings for untrusted XML: no DTD, no entity expansion, no network, no huge trees.
SAFE_OPTIONS: dict[str, bool] = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                                     huge_tree=False, remove_comments=True, remove_pis=True)

_TAGS = ("Project", "User", "CodeBook", "Variable", "Case", "PlainTextSelection", "TextSource", "PictureSource",
         "PDFSource", "AudioSource", "VideoSource", "Note", "Link", "Set", "Graph", "Representation")
_PASSED_ON = frozenset(("User", "CodeBook", "Variable", "Case", "Note", "Link", "Set"))
_OTHER_SOURCES = frozenset(("PictureSource", "PDFSource", "AudioSource", "VideoSource", "Graph"))
_CHUNK = 2_000

Record = tuple[Any, ...]
#: Reads a ``plainTextPath``: (archive entry, its bytes), or None when the archive has no such entry.
TextReader = Callable[[str], "tuple[str, bytes] | None"]

_LOCAL: dict[str, str] = {}


def local(tag: Any) -> str:
    """The local name of an lxml tag (``{urn:...}Code`` -> ``Code``); '' for comments and PIs."""
    found = _LOCAL.get(tag) if isinstance(tag, str) else ""
    if found is None:
        found = tag[tag.rfind("}") + 1 :]
        if len(_LOCAL) < 10_000:
            _LOCAL[tag] = found
    return found


_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")  # as makna writes


def canonical_guid(raw: str | None) -> str | None:
    """A REFI-QDA GUID (any case, optional braces) as makna's lower-case UUID, or None if malformed."""
    if not raw:
        return None
    if _CANONICAL.match(raw) is not None:
        return raw
    m = _GUID.match(raw.strip())
    return m.group(1).lower() if m else None


class Entries:
    """The entries of a zip archive, looked up case-insensitively by path."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._by_lower = {i.filename.replace("\\", "/").lower(): i.filename for i in zf.infolist() if not i.is_dir()}

    def find(self, name: str) -> str | None:
        """The stored name of entry ``name`` (compared case-insensitively), or None."""
        return self._by_lower.get(name.replace("\\", "/").lstrip("/").lower())

    def find_source(self, ref: str) -> str | None:
        """The entry for a source reference: ``internal://X``, ``relative://X`` or a bare name, looked
        up in ``sources/`` (any case), then at the top level, then by its base name."""
        raw = source_path(ref)
        if raw is None:
            return None
        base = PurePosixPath(raw).name
        for candidate in (f"sources/{raw}", raw, f"sources/{base}"):
            found = self.find(candidate)
            if found is not None:
                return found
        matches = [name for key, name in self._by_lower.items() if PurePosixPath(key).name == base.lower()]
        return matches[0] if len(matches) == 1 else None


def source_path(ref: str) -> str | None:
    """The relative path of a source reference (``internal://X``, ``relative://X`` or a bare name), or
    None for one that may not be followed: an absolute or external reference, or one with ``..``."""
    raw = ref.strip()
    for scheme in ("internal://", "relative://"):
        if raw.lower().startswith(scheme):
            raw = raw[len(scheme) :]
            break
    else:
        if "://" in raw:  # absolute:// and other external references are not in the archive
            return None
    raw = raw.replace("\\", "/").lstrip("/")
    if not raw or ".." in raw.split("/") or re.match(r"[A-Za-z]:", raw):
        return None
    return raw


class ScanError(Exception):
    """The XML cannot be read: ``kind`` is ``"syntax"`` (not well-formed) or ``"limit"`` (too many elements)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _int(value: str | None) -> int | str | None:
    """A position as an int when it reads as one (as ``int()`` reads it), else as written."""
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return value


def _notes(el: Any) -> list[str | None] | None:
    found = [c.get("targetGUID") for c in el if local(c.tag) == "NoteRef"]
    return found or None


def _text_of(el: Any, name: str) -> str | None:
    for child in el:
        if local(child.tag) == name:
            return str(child.text or "")
    return None


def _coding(coding: Any) -> tuple[Any, ...]:
    size = len(coding)
    ref = None
    if size:
        first = coding[0]
        if local(first.tag) == "CodeRef":
            ref = first
        else:
            ref = next((c for c in coding if local(c.tag) == "CodeRef"), None)
    return (canonical_guid(coding.get("guid")), ref.get("targetGUID") if ref is not None else None,
            coding.get("creatingUser"),
            coding.get("creationDateTime"), _notes(coding) if size > 1 else None)


def _is_text_source(el: Any) -> bool:
    """A ``TextSource`` under ``Sources``, or the text ``Representation`` of a ``PDFSource`` there."""
    if el is None:
        return False
    parent = el.getparent()
    name = local(el.tag)
    if name == "TextSource":
        return parent is not None and local(parent.tag) == "Sources"
    if name == "Representation" and parent is not None and local(parent.tag) == "PDFSource":
        grand = parent.getparent()
        return grand is not None and local(grand.tag) == "Sources"
    return False


def _header(source: Any, read_text: TextReader) -> tuple[Any, ...]:
    path = source.get("plainTextPath")
    if local(source.tag) == "Representation":  # a PDF's text: the source is the PDF
        pdf = source.getparent()
        return (pdf.get("guid") or source.get("guid"), pdf.get("name") or source.get("name"), path, None,
                pdf.get("creationDateTime") or source.get("creationDateTime"), _text_of(pdf, "Description") or "",
                _text_of(source, "PlainTextContent"), read_text(path) if path else None)
    return (source.get("guid"), source.get("name"), path, source.get("richTextPath"),
            source.get("creationDateTime"), _text_of(source, "Description") or "",
            _text_of(source, "PlainTextContent"), read_text(path) if path else None)


def _release(el: Any) -> None:
    """Free a processed element and the processed siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def scan(stream: IO[bytes], max_elements: int, read_text: TextReader) -> Iterator[Record]:
    """The records of the REFI-QDA project XML read from ``stream`` (see the module's description);
    ``read_text`` gives the archive entry and bytes of a ``plainTextPath``."""
    elements = 0
    current: Any = None  # the TextSource whose selections are being read
    chunk: list[tuple[Any, ...]] = []
    root: Any = None
    names, is_canonical, released = _LOCAL, _CANONICAL.match, 0
    strings: dict[str | None, str | None] = {}
    shared = strings.setdefault
    events = etree.iterparse(stream, events=("end",), tag=[f"{{*}}{t}" for t in _TAGS], **SAFE_OPTIONS)
    try:
        for _event, el in events:
            if root is None:
                root = el.getroottree().getroot()
                yield ("root", local(root.tag), {local(k): v for k, v in root.attrib.items()})
            name = names.get(el.tag) or local(el.tag)
            parent = el.getparent()
            elements += 1 + len(el)
            if elements > max_elements:
                raise ScanError("limit", f"more than {max_elements:,} XML elements")
            if name == "PlainTextSelection":
                if parent is not current:
                    if not _is_text_source(parent):
                        # a selection outside a text source (a Note's): not imported; its siblings stay
                        el.clear(keep_tail=False)
                        continue
                    if chunk:  # pragma: no cover - a source always ends before the next one starts
                        yield ("selections", chunk)
                        chunk = []
                    current = parent
                    yield ("source", _header(parent, read_text))
                codings: list[tuple[Any, ...]] = []
                notes: list[str | None] | None = None
                described: str | None = None
                for child in el:  # the hot loop of a large file: _coding and _notes inlined
                    kind = names.get(child.tag) or local(child.tag)
                    if kind == "Coding":
                        size = len(child)
                        elements += size
                        ref = None
                        if size:
                            first = child[0]
                            ref = first if (names.get(first.tag) or local(first.tag)) == "CodeRef" else next(
                                (x for x in child if local(x.tag) == "CodeRef"), None)
                        guid = child.get("guid")
                        # code, user and date repeat: one shared string each, which marshal sends once
                        # per frame and the importer's lookups then hash once
                        code, user, when = (ref.get("targetGUID") if ref is not None else None,
                                            child.get("creatingUser"), child.get("creationDateTime"))
                        codings.append((guid if guid is not None and is_canonical(guid) is not None
                                        else canonical_guid(guid), shared(code, code), shared(user, user),
                                        shared(when, when), _notes(child) if size > 1 else None))
                    elif kind == "NoteRef":
                        notes = notes or []
                        notes.append(child.get("targetGUID"))
                    elif kind == "Description":
                        described = child.text
                a, b = el.get("startPosition"), el.get("endPosition")
                chunk.append((el.get("guid"),
                              int(a) if a is not None and len(a) < 19 and a.isdecimal() else _int(a),
                              int(b) if b is not None and len(b) < 19 and b.isdecimal() else _int(b),
                              codings, notes, described))
                if elements > max_elements:
                    raise ScanError("limit", f"more than {max_elements:,} XML elements")
                if len(chunk) >= _CHUNK:
                    yield ("selections", chunk)
                    chunk = []
                    if len(strings) > 100_000:  # bounded, whatever the file holds
                        strings.clear()
                el.clear(keep_tail=False)
                released += 1
                if released >= 256:  # drop the emptied selections before this one now and then
                    released = 0
                    while el.getprevious() is not None:
                        del parent[0]
                continue
            elif name in ("TextSource", "Representation"):
                if not _is_text_source(el):
                    if name == "Representation":
                        continue  # a PDF selection's representation: counted with its PDF source
                else:
                    if el is not current:
                        yield ("source", _header(el, read_text))
                    if chunk:
                        yield ("selections", chunk)
                        chunk = []
                    current = None
                    whole = [_coding(c) for c in el if local(c.tag) == "Coding"]
                    yield ("source_end", whole, _notes(el), sum(1 for c in el if local(c.tag) == "VariableValue"))
                    if name == "Representation":
                        el.clear(keep_tail=False)  # the PDF's other children stay, to be counted
                        continue
            elif name in _PASSED_ON:
                elements += sum(1 for _ in el.iter()) - 1 - len(el)
                yield ("element", name, local(parent.tag) if parent is not None else "", etree.tostring(el))
            elif name in _OTHER_SOURCES:
                inner = list(el.iter())
                elements += len(inner) - 1 - len(el)
                if parent is None or local(parent.tag) != "Note":
                    text_part = name == "PDFSource" and any(local(c.tag) == "Representation" for c in el) \
                        and parent is not None and local(parent.tag) == "Sources"
                    yield ("partly" if text_part else "skipped", name, el.get("name") or el.get("guid"),
                           sum(1 for x in inner if local(x.tag) == "Coding"))
            elif name == "Project" and el is root:
                yield ("project", etree.tostring(el))
            if elements > max_elements:
                raise ScanError("limit", f"more than {max_elements:,} XML elements")
            _release(el)
    except etree.XMLSyntaxError as exc:
        raise ScanError("syntax", _one_line(exc)) from None
    yield ("end", elements)


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line, cut to 160 characters (as makna.errors.reason)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else f"{text[:160]}..."


def scan_records(stream: IO[bytes], max_elements: int, read_text: TextReader) -> Iterator[Record]:
    """:func:`scan` in this process, ending with an ``("error", kind, message)`` record on a ScanError."""
    try:
        yield from scan(stream, max_elements, read_text)
    except ScanError as exc:
        yield ("error", exc.kind, str(exc))


def can_scan_in_child() -> bool:
    """Whether a child process can scan: more than one CPU for this process, a Python interpreter to
    run (not an embedding program) and this module as a file."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    exe = os.path.basename(sys.executable or "").lower()
    return cpus > 1 and exe.startswith(("python", "pypy")) and os.path.isfile(__file__)


@contextmanager
def child_records(path: str, entry: str, max_elements: int) -> Iterator[Iterator[Record]]:
    """The records of entry ``entry`` of the zip at ``path``, scanned by a child process. A child
    that stops before its ``end`` record gives an ``("error", "child", message)`` record."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([sys.executable, "-P", os.path.abspath(__file__), path, entry, str(max_elements)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        assert proc.stdout is not None
        _widen(proc.stdout)
        try:
            yield _from_child(proc, errors)
        finally:
            proc.stdout.close()
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def _widen(pipe: IO[bytes]) -> None:
    """Let the child read up to a megabyte ahead while the importer writes (Linux; elsewhere the
    pipe keeps its default size)."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):  # pragma: no cover - not Linux, or a lower pipe-max-size
        pass


def _from_child(proc: subprocess.Popen[bytes], errors: IO[bytes]) -> Iterator[Record]:
    assert proc.stdout is not None
    for record in read_frames(proc.stdout):
        yield record
        if record[0] in ("end", "error"):
            return
    code = proc.wait()
    errors.seek(0)
    lines = errors.read()[-4000:].decode("utf-8", "replace").strip().splitlines()
    yield ("error", "child", f"the XML reader process stopped (exit code {code})" + (f": {lines[-1]}" if lines else ""))


def read_frames(stream: IO[bytes]) -> Iterator[Record]:
    """The records a child process wrote to ``stream``; stops at the end of the stream."""
    read = stream.read
    while True:
        head = read(4)
        if len(head) < 4:
            return
        size = int.from_bytes(head, "little")
        data = read(size)
        if len(data) < size:
            return
        yield marshal.loads(data)


def main(argv: list[str]) -> int:
    """The child process: scan entry ``argv[1]`` of the zip ``argv[0]``, writing frames to stdout."""
    path, entry, max_elements = argv[0], argv[1], int(argv[2])
    gc.disable()  # this process makes many short-lived tuples and no reference cycles
    out = sys.stdout.buffer
    write = out.write

    def send(record: Record) -> None:
        data = marshal.dumps(record)
        write(len(data).to_bytes(4, "little"))
        write(data)

    try:
        with zipfile.ZipFile(path) as zf, zf.open(entry) as stream:
            entries = Entries(zf)

            def read_text(ref: str) -> tuple[str, bytes] | None:
                found = entries.find_source(ref)
                if found is None:
                    return None
                size = zf.getinfo(found).file_size
                with zf.open(found) as fh:
                    data = fh.read(size + 1)
                if len(data) > size:
                    raise ScanError("read", f"entry {found!r} is larger than its directory says")
                return found, data

            for record in scan(stream, max_elements, read_text):
                send(record)
    except ScanError as exc:
        send(("error", exc.kind, str(exc)))
    # what reading a damaged archive raises (makna.importers._safety.ZIP_READ_ERRORS: this file imports no makna)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, ValueError,
            NotImplementedError) as exc:
        send(("error", "read", f"the archive is damaged ({_one_line(exc)})"))
    out.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover - runs as the child process
    raise SystemExit(main(sys.argv[1:]))
