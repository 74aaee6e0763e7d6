"""The workbench in English and Indonesian: gettext catalogues and language choice.

Catalogues live in ``locale/<lang>/LC_MESSAGES/makna_web.po`` with the compiled ``.mo`` beside
them (``python -m makna.web.i18n`` recompiles; a test checks they agree). English is the source
language. The language comes from the ``lang`` setting of the app, else the ``makna_lang`` cookie,
else the browser's ``Accept-Language``.
"""

from __future__ import annotations

import ast
import functools
import gettext
import re
import struct
import sys
from pathlib import Path

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "LANG_COOKIE",
    "choose_language",
    "compile_po",
    "compile_all",
    "messages_in_use",
    "parse_po",
    "translations",
]

DOMAIN = "makna_web"
LANGUAGES = ("en", "id")
LOCALE_DIR = Path(__file__).with_name("locale")
LANG_COOKIE = "makna_lang"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English and unknown languages: the messages as written)."""
    if lang not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=True)


def _accept_language(header: str) -> list[str]:
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        item, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if item:
            ranked.append((-q, i, item.split("-")[0].lower()))
    return [lang for _, _, lang in sorted(ranked)]


def choose_language(*, setting: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The interface language: the setting, else the cookie, else the browser's first supported
    language, else English."""
    for candidate in (setting, cookie):
        if candidate in LANGUAGES:
            return str(candidate)
    for lang in _accept_language(accept_language or ""):
        if lang in LANGUAGES:
            return lang
    if (accept_language or "").lower().startswith("in"):  # the old ISO code for Indonesian
        return "id"
    return "en"


def messages_in_use() -> tuple[list[str], list[tuple[str, str]]]:
    """The messages the interface shows: ``_("...")`` in templates, the scripts' messages and the
    event descriptions (singulars), and ``ngettext`` pairs (plurals)."""
    from . import (
        deid_text,
        errors_i18n,
        events_text,
        read_refusals,
        routes_agreement,
        routes_analysis,
        routes_cases,
        routes_codebook,
        routes_deid,
        routes_search,
        routes_sources,
    )

    singles: list[str] = []
    plurals: list[tuple[str, str]] = []
    for path in sorted((Path(__file__).with_name("templates")).glob("*.html")):
        text = path.read_text(encoding="utf-8")
        singles += [m.group(2) for m in re.finditer(r"""\b_\((["'])(.*?)\1\)""", text)]
        plurals += [(m.group(1), m.group(2)) for m in re.finditer(r'ngettext\("(.*?)", "(.*?)"', text)]
    for module in (routes_sources, routes_codebook, routes_cases, routes_search, routes_analysis, routes_deid,
                   routes_agreement):
        singles += list(module.JS_MESSAGES)
    singles += list(events_text.EVENT_NAMES.values()) + [events_text.OTHER_EVENT]
    singles += list(errors_i18n.MESSAGES)
    singles += list(deid_text.TYPE_MESSAGES)
    singles += list(read_refusals.MESSAGES)
    return list(dict.fromkeys(singles)), list(dict.fromkeys(plurals))


# ----------------------------------------------------------------------------- .po -> .mo
def parse_po(text: str) -> dict[str, str]:
    """Messages of a .po file: ``msgid`` -> ``msgstr`` (plural forms joined by NUL as in .mo files;
    the header under the empty msgid). Fuzzy and untranslated entries are left out."""
    out: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    fuzzy = False
    current: str | None = None

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgid_plural" in entry:
                msgid += "\0" + "".join(entry["msgid_plural"])
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\0".join("".join(entry[k]) for k in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr.replace("\0", ""):
                out[msgid] = msgstr
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            current = None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"stray string in .po file: {raw!r}")
            entry[current].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in entry:
            flush()
        current = keyword
        entry[current] = [ast.literal_eval(rest.strip())]
    flush()
    return out


def compile_po(text: str) -> bytes:
    """The bytes of a .mo file for a .po file's text (the logic of CPython's Tools/i18n/msgfmt.py)."""
    messages = parse_po(text)
    keys = sorted(messages)
    ids = b""
    strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for k in keys:
        kb, vb = k.encode("utf-8"), messages[k].encode("utf-8")
        offsets.append((len(ids), len(kb), len(strs), len(vb)))
        ids += kb + b"\0"
        strs += vb + b"\0"
    n = len(keys)
    keystart = 7 * 4 + 16 * n
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    return header + struct.pack(f"{len(koffsets)}i", *koffsets) + struct.pack(f"{len(voffsets)}i", *voffsets) \
        + ids + strs


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every ``*.po`` under ``locale_dir`` to the ``.mo`` beside it; returns the .mo paths."""
    written = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_po(po.read_text(encoding="utf-8")))
        written.append(mo)
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance command
    for path in compile_all():
        sys.stdout.write(f"{path}\n")
