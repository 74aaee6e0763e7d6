"""The audit counts a free-text field's identifiers after the apply (teamtrust25, issue #11): a value's review is
emptied when it is replaced, so what the apply found, accepted and replaced in each kind of field is recorded in
its ``deid.apply_fields`` event (counts only) and the audit shows it per field kind and in the totals by type, in
both languages (core on SQLite and PostgreSQL; the CLI and the workbench page: tests/web/test_deid_audit_fields_web)."""

from __future__ import annotations

import json
from pathlib import Path

import makna
from deid_audit_helpers import memo_applied
from makna.privacy.audit import deid_audit
from makna.privacy.audit_render import audit_markdown


def test_a_fields_identifiers_count_after_the_apply(project: makna.Project, tmp_path: Path) -> None:
    """BASE: after the apply memos.text had no found/accepted counts, and PHONE showed found 0, replaced 1."""
    memo_applied(project, tmp_path / "k.key")
    audit = deid_audit(project)
    memos = next(f for f in audit.fields if f.field == "memos.text")
    assert (memos.values, memos.scanned, memos.applied, memos.pending) == (1, 1, 1, 0)
    assert memos.found >= 2 and memos.accepted >= 2 and memos.replaced >= 2
    phone = next(t for t in audit.field_types if t.type == "PHONE")
    assert (phone.found, phone.accepted, phone.replaced) == (1, 1, 1)
    totals = {t.type: t for t in audit.totals}
    assert totals["PHONE"].found == totals["PHONE"].replaced == 1
    event = makna.events(project, action="deid.apply_fields")[0]
    assert event.payload["reviewed"]["memos.text"]["PHONE"] == {"found": 1, "accepted": 1, "replaced": 1}
    assert "0813" not in json.dumps(event.payload) and "Ratna" not in json.dumps(event.payload)


def test_the_fields_table_in_both_languages(project: makna.Project, tmp_path: Path) -> None:
    memo_applied(project, tmp_path / "k.key")
    audit = deid_audit(project)
    memos = next(f for f in audit.fields if f.field == "memos.text")
    row = f"| memos.text | 1 | 1 | 1 | {memos.found} | {memos.accepted} | {memos.replaced} | 0 |"
    for lang, head in (
        ("en", "| Field | Values | Scanned | Values de-identified | Found | Accepted | Replaced |"),
        ("id", "| Isian | Nilai | Dipindai | Nilai sudah de-identifikasi | Ditemukan | Diterima |"),
    ):
        text = audit_markdown(audit, lang)
        assert head in text and row in text, lang
