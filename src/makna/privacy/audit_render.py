"""The de-identification audit (:mod:`makna.privacy.audit`) as Markdown or plain text, in English or
Indonesian: a section a researcher can paste into a methods chapter or hand to an ethics board. It prints
what the audit holds (counts, types, codes, actors, times), so it never holds an original either."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from .audit import DeidAudit, TypeCounts
from .regions import PROVINCES, countries, is_country

__all__ = ["AUDIT_LANGUAGES", "audit_markdown", "audit_methods", "audit_text", "field_name", "region_label"]

AUDIT_LANGUAGES: Final = ("en", "id")

_WORDS: Final[dict[str, dict[str, str]]] = {
    "title": {"en": "De-identification audit", "id": "Audit de-identifikasi"},
    "project": {"en": "Project", "id": "Proyek"},
    "made": {"en": "Made at", "id": "Dibuat pada"},
    "key": {"en": "Key id", "id": "Id kunci"},
    "none": {"en": "none", "id": "tidak ada"},
    "summary": {
        "en": "{sources} source(s): {scanned} scanned, {applied} de-identified, {unscanned} never scanned; "
        "{found} identifier(s) found by makna, {accepted} accepted, {rejected} rejected, {added} added by "
        "hand, {pending} still pending, {replaced} replaced.",
        "id": "{sources} sumber: {scanned} dipindai, {applied} sudah di-de-identifikasi, {unscanned} belum pernah "
        "dipindai; {found} penanda identitas ditemukan makna, {accepted} diterima, {rejected} ditolak, "
        "{added} ditambahkan manual, {pending} masih menunggu, {replaced} diganti.",
    },
    "by_type": {"en": "By type", "id": "Menurut jenis"},
    "type": {"en": "Type", "id": "Jenis"},
    "found": {"en": "Found", "id": "Ditemukan"},
    "accepted": {"en": "Accepted", "id": "Diterima"},
    "rejected": {"en": "Rejected", "id": "Ditolak"},
    "added": {"en": "Added by hand", "id": "Ditambah manual"},
    "pending": {"en": "Pending", "id": "Menunggu"},
    "replaced": {"en": "Replaced", "id": "Diganti"},
    "per_source": {"en": "Per source", "id": "Per sumber"},
    "source": {"en": "Source", "id": "Sumber"},
    "mode": {"en": "Mode", "id": "Mode"},
    "region": {"en": "Region", "id": "Wilayah"},
    "applied_at": {"en": "De-identified at", "id": "Waktu de-identifikasi"},
    "not_scanned": {"en": "not scanned", "id": "belum dipindai"},
    "not_applied": {"en": "not yet", "id": "belum"},
    "fields": {"en": "Free-text fields", "id": "Isian teks bebas"},
    "field": {"en": "Field", "id": "Isian"},
    "values": {"en": "Values", "id": "Nilai"},
    "scanned": {"en": "Scanned", "id": "Dipindai"},
    "deidentified": {"en": "Values de-identified", "id": "Nilai sudah de-identifikasi"},
    "policy": {"en": "Surrogate policy", "id": "Kebijakan pengganti"},
    "modes": {"en": "Modes used", "id": "Mode yang dipakai"},
    "apply_region": {"en": "Region of the last apply", "id": "Wilayah penerapan terakhir"},
    "tradition": {"en": "Naming tradition", "id": "Tradisi penamaan"},
    "coarse": {"en": "Provinces, countries and large islands", "id": "Provinsi, negara dan pulau besar"},
    "regions": {"en": "Regions the sources got", "id": "Wilayah yang diberikan ke sumber"},
    "traditions": {"en": "Traditions set for sources or cases", "id": "Tradisi untuk sumber atau kasus"},
    "events": {"en": "Events", "id": "Peristiwa"},
    "when": {"en": "When (UTC)", "id": "Kapan (UTC)"},
    "who": {"en": "Who", "id": "Siapa"},
    "what": {"en": "What", "id": "Apa"},
    "detail": {"en": "Detail", "id": "Rincian"},
    "note": {
        "en": "This audit holds counts, types, codes, actors and times only: no original identifier, no "
        "surrogate and no key.",
        "id": "Audit ini hanya memuat jumlah, jenis, kode, pelaku dan waktu: tanpa penanda identitas asli, tanpa "
        "pengganti dan tanpa kunci.",
    },
}


def region_label(code: str | None) -> str:
    """A surrogate region for people: ``Sumatera Barat (13)``, ``United Kingdom (GB)``; other codes as they are."""
    if code in PROVINCES:
        return f"{PROVINCES[str(code)]} ({code})"
    if is_country(code):
        return f"{countries()[str(code)]} ({code})"
    return code or ""


def _w(word: str, lang: str) -> str:
    return _WORDS[word]["id" if lang == "id" else "en"]


def _cell(value: object) -> str:
    """A Markdown table cell: pipes, backticks, angle brackets and line breaks neutralised."""
    text = " ".join(str(value).split())
    for a, b in (("\\", "\\\\"), ("|", "\\|"), ("`", "'"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(a, b)
    return text


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    return [_row(list(head)), "|" + "---|" * len(head), *(_row(r) for r in rows)]


def _total(counts: tuple[TypeCounts, ...], stage: str) -> int:
    return sum(int(getattr(t, stage)) for t in counts)


def _detail(detail: dict[str, object]) -> str:
    parts = []
    for k, v in detail.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a} {n}" for a, n in sorted(v.items()))
        elif isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        parts.append(f"{k}: {v}")
    return "; ".join(parts)


def _summary(audit: DeidAudit, lang: str) -> str:
    totals = audit.totals
    return _w("summary", lang).format(
        sources=len(audit.sources),
        scanned=sum(s.scanned_at is not None for s in audit.sources),
        applied=sum(s.applied_at is not None for s in audit.sources),
        unscanned=len(audit.unscanned),
        **{k: _total(totals, k) for k in ("found", "accepted", "rejected", "added", "pending", "replaced")},
    )


def audit_markdown(audit: DeidAudit, lang: str = "en", *, heading: str = "##") -> str:
    """The audit as Markdown in ``lang`` (``en`` or ``id``); ``heading`` is its top level (``##``)."""
    sub = heading + "#"
    stages = ["found", "accepted", "rejected", "added", "pending", "replaced"]
    lines = [
        f"{heading} {_w('title', lang)}",
        "",
        f"{_w('project', lang)}: {_cell(audit.project)}. {_w('made', lang)}: {audit.made_at:%Y-%m-%d %H:%M} UTC. "
        f"{_w('key', lang)}: {_cell(audit.key_id or _w('none', lang))}.",
        "",
        _summary(audit, lang),
        "",
        f"{sub} {_w('by_type', lang)}",
        "",
    ]
    lines += _table(
        [_w("type", lang), *(_w(s, lang) for s in stages)],
        [[t.type, *(getattr(t, s) for s in stages)] for t in audit.totals],
    ) + [""]
    lines += [f"{sub} {_w('per_source', lang)}", ""]
    lines += _table(
        [
            _w("source", lang),
            _w("mode", lang),
            _w("region", lang),
            _w("applied_at", lang),
            *(_w(s, lang) for s in stages),
        ],
        [
            [
                s.source,
                s.mode or "",
                region_label(s.region),
                (
                    f"{s.applied_at:%Y-%m-%d %H:%M}"
                    if s.applied_at
                    else _w("not_applied" if s.scanned_at else "not_scanned", lang)
                ),
                *(_total(s.types, st) for st in stages),
            ]
            for s in audit.sources
        ],
    ) + [""]
    lines += [f"{sub} {_w('fields', lang)}", ""]
    lines += _table(
        [_w("field", lang), _w("values", lang), _w("scanned", lang), _w("deidentified", lang), _w("found", lang),
         _w("accepted", lang), _w("replaced", lang), _w("pending", lang)],
        [[f.field, f.values, f.scanned, f.applied, f.found, f.accepted, f.replaced, f.pending] for f in audit.fields],
    ) + [""]
    p = audit.policy
    none = _w("none", lang)

    regions = set(p.source_regions)

    def counted(d: dict[str, int]) -> str:
        return _cell(", ".join(f"{region_label(k) if k in regions else k}: {n}" for k, n in d.items()) or none)

    lines += [
        f"{sub} {_w('policy', lang)}",
        "",
        f"- {_w('modes', lang)}: {_cell(', '.join(p.modes) or none)}",
        f"- {_w('apply_region', lang)}: {_cell(region_label(p.region) or none)}",
        f"- {_w('tradition', lang)}: {_cell(p.tradition or none)}",
        f"- {_w('coarse', lang)}: {_cell(p.coarse or none)}",
        f"- {_w('regions', lang)}: {counted(p.source_regions)}",
        f"- {_w('traditions', lang)}: {counted(p.traditions)}",
        "",
        f"{sub} {_w('events', lang)}",
        "",
    ]
    lines += _table(
        [_w("when", lang), _w("who", lang), _w("what", lang), _w("source", lang), _w("detail", lang)],
        [[f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.source or "", _detail(e.detail)] for e in audit.events],
    ) + ["", f"_{_w('note', lang)}_", ""]
    return "\n".join(lines)


def audit_text(audit: DeidAudit, lang: str = "en") -> str:
    """The audit as plain text (the CLI's default): the Markdown without its table rules and emphasis."""
    out = []
    for line in audit_markdown(audit, lang).splitlines():
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            line = "  ".join(c.strip() for c in line.strip("|").split(" | "))
        out.append(line.lstrip("#").strip() if line.startswith("#") else line.strip("_"))
    return "\n".join(out)


_METHODS: Final[dict[str, dict[str, str]]] = {
    "sources": {
        "en": "Before analysis, the transcripts were de-identified with makna: {scanned} of {sources} source(s) were "
        "scanned by its detectors and reviewed by hand, and {applied} were de-identified ({modes}).",
        "id": "Sebelum analisis, transkrip di-de-identifikasi dengan makna: {scanned} dari {sources} sumber dipindai "
        "oleh detektornya dan ditinjau secara manual, dan {applied} di-de-identifikasi ({modes}).",
    },
    "review": {
        "en": "The detectors proposed {found} identifier(s); the researchers accepted {accepted}, rejected {rejected} "
        "and added {added} by hand; {replaced} were replaced ({types}).",
        "id": "Detektor mengusulkan {found} penanda identitas; peneliti menerima {accepted}, menolak {rejected} dan "
        "menambahkan {added} secara manual; {replaced} diganti ({types}).",
    },
    "fields": {
        "en": "Free-text fields were covered too ({fields}).",
        "id": "Isian teks bebas juga dicakup ({fields}).",
    },
    "left": {
        "en": "Not de-identified: {unscanned} source(s) never scanned, {pending} detection(s) still pending.",
        "id": "Belum di-de-identifikasi: {unscanned} sumber belum pernah dipindai, {pending} deteksi masih menunggu.",
    },
    "key": {
        "en": "The originals are kept only in an encrypted key file (key id {key}), held apart from the project.",
        "id": "Data asli hanya disimpan dalam berkas kunci terenkripsi (id kunci {key}), terpisah dari proyek.",
    },
}


_FIELD_NAMES: Final[dict[str, tuple[str, str]]] = {
    "sources.text": ("transcript", "transkrip"),
    "meta.value": ("project name", "nama proyek"),
    "sources.name": ("source name", "nama sumber"),
    "sources.original_name": ("original file name", "nama berkas asli"),
    "cases.name": ("case name", "nama kasus"),
    "cases.description": ("case description", "keterangan kasus"),
    "attributes.name": ("attribute name", "nama atribut"),
    "attributes.description": ("attribute description", "keterangan atribut"),
    "case_values.value": ("attribute value of a case", "nilai atribut sebuah kasus"),
    "codes.name": ("code name", "nama kode"),
    "codes.definition": ("code definition", "definisi kode"),
    "codes.inclusion": ("code: include when", "kode: sertakan bila"),
    "codes.exclusion": ("code: exclude when", "kode: kecualikan bila"),
    "codes.example": ("code example", "contoh kode"),
    "codes.keywords": ("code keywords", "kata kunci kode"),
    "segments.memo": ("memo on a coding", "memo pada sebuah pengodean"),
    "memos.title": ("memo title", "judul memo"),
    "memos.text": ("memo text", "isi memo"),
    "sets.name": ("set name", "nama set"),
    "sets.description": ("set description", "keterangan set"),
    "code_translations.name": ("code name in another language", "nama kode dalam bahasa lain"),
    "code_translations.definition": ("code definition in another language", "definisi kode dalam bahasa lain"),
}
"""The scanned free-text fields (the core names them by their column) as a researcher reads them, in English and
Indonesian (trial16 #8; the workbench's De-identification page names them alike)."""


def field_name(column: str, lang: str = "en") -> str:
    """A free-text field's name in ``lang`` (``attributes.description`` -> "attribute description"); a column
    not known: as it is."""
    names = _FIELD_NAMES.get(column)
    return column if names is None else names[1 if lang == "id" else 0]


_MODE_NAMES: Final[dict[str, str]] = {"surrogate": "nama dan data pengganti", "tag": "label jenis",
                                       "mask": "penyamaran"}
"""The apply's modes as an Indonesian methods chapter names them (English names them by their codes)."""


def audit_methods(audit: DeidAudit, lang: str = "en", *, type_name: Callable[[str], str] | None = None) -> list[str]:
    """Paragraphs for a methods chapter in ``lang`` (empty when nothing was scanned): what was done, how many
    identifiers of which types, what is left, the key's id. ``type_name`` names an identifier type in ``lang``
    (:func:`makna.report.i18n.type_name`; without it, by its code)."""
    scanned = [s for s in audit.sources if s.scanned_at is not None]
    if not scanned:
        return []
    lang = "id" if lang == "id" else "en"
    totals = audit.totals
    sums = {k: _total(totals, k) for k in ("found", "accepted", "rejected", "added", "pending", "replaced")}
    named = type_name or (lambda code: code)
    types = ", ".join(f"{named(t.type)} {t.replaced}" for t in totals if t.replaced) or _w("none", lang)
    out = [
        _METHODS["sources"][lang].format(
            scanned=len(scanned),
            sources=len(audit.sources),
            applied=sum(s.applied_at is not None for s in audit.sources),
            modes=", ".join(_MODE_NAMES.get(m, m) if lang == "id" else m for m in audit.policy.modes)
            or _w("none", lang),
        )
        + " "
        + _METHODS["review"][lang].format(types=types, **sums)
    ]
    covered = [f.field for f in audit.fields if f.scanned]
    if covered:
        out.append(_METHODS["fields"][lang].format(fields=", ".join(field_name(f, lang) for f in covered)))
    if audit.unscanned or sums["pending"]:
        out.append(_METHODS["left"][lang].format(unscanned=len(audit.unscanned), pending=sums["pending"]))
    if audit.key_id:
        out.append(_METHODS["key"][lang].format(key=audit.key_id))
    return out
