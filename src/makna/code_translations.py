"""A code's name (and definition) in a second language, for reports in the study's language.

A codebook is written in one language; a study may report in another (an Indonesian thesis with an English
codebook, or the reverse). A code may carry its name and definition in other languages (table
``code_translations``, one row per code and language); the report and its drafted findings in a language use the
code's name there (:meth:`makna.model.Code.name_in`), falling back to the code's own name. Edited with ``makna
codebook translate`` and in the codebook editor; carried by the YAML codebook (``translations:``), a .qdc and a
.qdpx (makna's own fields, which other tools ignore); de-identified as the code's own name and definition are
(:mod:`makna.privacy.fields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from .errors import CodebookError
from .model import Code
from .project import Project
from .store import tables
from .text import refuse_unstorable
from .versions import claim

__all__ = ["translate_code", "check_language", "to_json", "from_json", "parse_translations", "read_translations",
           "write_translations", "Translations"]

#: A code's translations: (language, name, definition), by language.
Translations = tuple[tuple[str, str, str], ...]

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_MAX_NAME = 500


def check_language(language: str) -> str:
    """A language code as makna writes it (``id``, ``en``, ``pt-BR``); :class:`~makna.errors.CodebookError` else."""
    lang = language.strip()
    if not _LANGUAGE.match(lang):
        raise CodebookError(f"language {language!r}: use a language code such as id or en")
    return lang


def to_json(translations: Translations) -> dict[str, dict[str, str]]:
    """``translations`` as a file carries them: ``{language: {"name", "definition"}}``."""
    return {lang: {"name": n, "definition": d} for lang, n, d in translations}


def from_json(raw: Any) -> Translations:
    """``translations`` from what a file carries (what is not well formed is left out), by language."""
    if not isinstance(raw, dict):
        return ()
    out = []
    for lang, value in raw.items():
        if isinstance(lang, str) and _LANGUAGE.match(lang) and isinstance(value, dict):
            name, definition = value.get("name"), value.get("definition")
            name = name.strip() if isinstance(name, str) else ""
            definition = definition.strip() if isinstance(definition, str) else ""
            if (name or definition) and len(name) <= _MAX_NAME and "\x00" not in name + definition:
                out.append((lang, name, definition))
    return tuple(sorted(out))


def parse_translations(raw: Any, where: str) -> Translations:
    """``translations`` as a codebook file gives them (``{language: {name, definition}}``, or ``{language:
    name}``); one :class:`~makna.errors.CodebookError` naming ``where`` for anything else."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise CodebookError(f"{where}: 'translations' must map a language to a name and definition")
    out = {}
    for lang, value in raw.items():
        check_language(str(lang))
        if isinstance(value, str):
            value = {"name": value}
        if (not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values())
                or set(value) - {"name", "definition"}):
            raise CodebookError(f"{where}: translation {lang!r}: give name: and definition: as text")
        out[str(lang)] = _checked(value.get("name", ""), value.get("definition", ""), where)
    return from_json(out)


def _checked(name: str, definition: str, where: str) -> dict[str, str]:
    name, definition = name.strip(), definition.strip()
    if len(name) > _MAX_NAME:
        raise CodebookError(f"{where}: a translated name is at most {_MAX_NAME} characters")
    refuse_unstorable("code translation", name, definition)
    return {"name": name, "definition": definition}


def read_translations(conn: Connection, code_ids: Iterable[str] | None = None) -> dict[str, Translations]:
    """The translations of every code (or of ``code_ids``), by code id."""
    t = tables.code_translations.c
    q = select(t.code_id, t.language, t.name, t.definition).order_by(t.code_id, t.language)
    if code_ids is not None:
        q = q.where(t.code_id.in_(list(code_ids)))
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in conn.execute(q):
        out.setdefault(r.code_id, []).append((r.language, r.name, r.definition))
    return {cid: tuple(rows) for cid, rows in out.items()}


def write_translations(conn: Connection, by_code: Mapping[str, Translations]) -> None:
    """Make each code's translations those of ``by_code`` (its rows replaced)."""
    t = tables.code_translations.c
    ids = list(by_code)
    for i in range(0, len(ids), 500):
        conn.execute(delete(tables.code_translations).where(t.code_id.in_(ids[i : i + 500])))
    rows = [{"code_id": cid, "language": lang, "name": n, "definition": d}
            for cid, translations in by_code.items() for lang, n, d in translations]
    if rows:
        conn.execute(insert(tables.code_translations), rows)


def translate_code(project: Project, key: str, language: str, name: str, definition: str = "", *,
                   expected_version: int | None = None) -> Code:
    """Give code ``key`` its ``name`` and ``definition`` in ``language`` (both empty: remove that translation).
    With ``expected_version``, a code changed since is refused (:class:`~makna.errors.StaleEditError`). One
    ``code.update`` event."""
    from .codebook import get_code

    lang = check_language(language)
    value = _checked(name, definition, f"code {key!r}")
    payload: dict[str, Any] = {"key": key, "changes": ["translations"], "language": lang}
    with project.store.write(project.actor, "code.update", payload) as conn:
        cid = str(project.code_row(conn, key).id)
        payload["id"] = cid
        payload["version"] = claim(conn, tables.codes, cid, project.actor, expected_version, what="code",
                                   label="key", fields=("key", "name"))
        current = dict(to_json(read_translations(conn, [cid]).get(cid, ())))
        if value["name"] or value["definition"]:
            current[lang] = value
        else:
            current.pop(lang, None)
        write_translations(conn, {cid: from_json(current)})
    return get_code(project, cid)
