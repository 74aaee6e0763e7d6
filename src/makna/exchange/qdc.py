"""REFI-QDA codebook exchange files (``.qdc``, namespace ``urn:QDA-XML:codebook:1.0``).

Export writes the code tree (GUID = code id, the colour chosen, ``isCodable``, ``Description`` =
definition as written; makna's own fields in a ``<?makna-data {JSON}?>`` processing instruction inside
the ``Code``, which other tools ignore) and the sets of codes. Import adds the codes to an existing project
in one transaction: a code whose GUID or key the project holds already is updated, the others are
added; codes from other tools get keys made from their names. The file validates against
``Codebook.xsd``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import select

from ..codebook import list_codes
from ..errors import ExchangeError
from ..model import new_id
from ..project import Project
from ..store import tables
from ._fields import unpack
from ._load import Loader, unique_name
from ._refi import NS_CODEBOOK, ORIGIN, canonical_guid, xml_safe
from ._report import ImportReport
from ._safety import local, parse_xml_bytes
from .qdpx_read import read_codes
from .qdpx_write import write_codes

__all__ = ["export_qdc", "import_qdc", "MAX_QDC_BYTES"]

MAX_QDC_BYTES = 100 * 1024 * 1024


def export_qdc(project: Project, path: str | os.PathLike[str]) -> int:
    """Write the codebook (and the sets of codes) to ``path``; returns the number of codes."""
    target = Path(path)
    codes = list_codes(project)
    if not codes:
        raise ExchangeError("the codebook is empty: a .qdc file needs at least one code")
    if not target.parent.is_dir():
        raise ExchangeError(f"{target}: folder {target.parent} does not exist")
    st, sm = tables.sets.c, tables.set_members.c
    with project.store.read() as conn:
        sets = conn.execute(select(tables.sets).where(st.kind == "codes").order_by(st.name)).all()
        members: dict[str, list[str]] = {}
        for r in conn.execute(select(sm.set_id, sm.member_id).order_by(sm.set_id, sm.member_id)):
            members.setdefault(r.set_id, []).append(r.member_id)
    fd, tmp = tempfile.mkstemp(prefix=".makna-export-", suffix=".qdc", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
            xf.write_declaration()
            ns = NS_CODEBOOK
            with xf.element(f"{{{ns}}}CodeBook", {"origin": ORIGIN}, nsmap={None: ns}):
                with xf.element(f"{{{ns}}}Codes"):
                    write_codes(xf, ns, codes)
                if sets:
                    with xf.element(f"{{{ns}}}Sets"):
                        for r in sets:
                            with xf.element(f"{{{ns}}}Set", guid=r.id, name=xml_safe(r.name)):
                                desc = r.description
                                if desc:
                                    with xf.element(f"{{{ns}}}Description"):
                                        xf.write(xml_safe(desc))
                                for mid in members.get(r.id, ()):
                                    with xf.element(f"{{{ns}}}MemberCode", guid=mid):
                                        pass
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(codes)


def import_qdc(project: Project, path: str | os.PathLike[str]) -> ImportReport:
    """Add (or update) the codes and code sets of a .qdc file; all or nothing."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ExchangeError(f"{p}: no such file") from None
    if not p.is_file():
        raise ExchangeError(f"{p}: not a file")
    if size > MAX_QDC_BYTES:
        raise ExchangeError(f"{p}: {size:,} bytes is over the {MAX_QDC_BYTES:,}-byte limit for a codebook")
    root = parse_xml_bytes(p, p.read_bytes(), keep_pis=True)
    if local(root.tag) != "CodeBook":
        raise ExchangeError(f"{p}: not a REFI-QDA codebook (root element {local(root.tag)!r})")
    report = ImportReport(path=str(p), origin=root.get("origin") or "")
    codes_el = next((c for c in root if local(c.tag) == "Codes"), None)
    if codes_el is None:
        raise ExchangeError(f"{p}: the codebook has no Codes element")
    payload: dict[str, Any] = {"file": p.name}
    c = tables.codes.c
    with project.store.write(project.actor, "exchange.import_qdc", payload) as conn:
        existing_ids = {r.id: r.key for r in conn.execute(select(c.id, c.key))}
        codes, guids = read_codes(codes_el, set(), report)
        codes = [code if code.id not in existing_ids else _with_key(code, existing_ids[code.id]) for code in codes]
        loader = Loader(project, conn, report)
        if codes:
            loader.add_codes(codes, guids)
        st = tables.sets.c
        names = {r[0] for r in conn.execute(select(st.name))}
        set_ids = {r[0] for r in conn.execute(select(st.id))}
        for set_el in (s for sets in root if local(sets.tag) == "Sets" for s in sets if local(s.tag) == "Set"):
            guid = canonical_guid(set_el.get("guid"))
            name = set_el.get("name") or "set"
            if guid in set_ids:
                report.notes.append(f"set {name!r} exists in the project already: left as it is")
                continue
            members = [loader.codes[g] for g in (canonical_guid(m.get("guid") or m.get("targetGUID"))
                                                 for m in set_el if local(m.tag) == "MemberCode") if g in loader.codes]
            desc, _fields = unpack(next((str(d.text or "") for d in set_el if local(d.tag) == "Description"), ""))
            loader.add_set(guid or new_id(), unique_name(name, names), "codes", members, desc,
                           set())
        payload.update(added=report.codes, updated=report.codes_updated, sets=report.sets)
    return report


def _with_key(code: Any, key: str) -> Any:
    from dataclasses import replace

    return replace(code, key=key)
