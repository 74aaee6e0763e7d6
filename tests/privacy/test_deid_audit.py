"""``makna.privacy.audit``: what de-identification did, per source and in total, by whom and when, without an
original, a surrogate or a passphrase in any output (core, CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from deid_audit_helpers import PASS, absent, surrogates_of
from makna.cli import app
from makna.privacy.audit import deid_audit
from makna.privacy.audit_render import audit_markdown, audit_text
from makna.privacy.project import add_detection, decide, decide_all, review_entries, scan
from makna.privacy.project_apply import apply

ID_TEXT = (
    "Wawancara dengan Ibu Ratna Kusumawardani, 3 Juni 2024, di Warung Kopi Sinar Pagi, Bukittinggi.\n\n"
    "P: Boleh kenalan dulu?\n"
    "I: Nama saya Ratna, umur 31 tahun. Nomor HP-ku 0813-6620-4471, email ratna.kw@example.org.\n"
    "P: Siapa yang mengajak?\n"
    "I: Teman sekantor, Pak Darmawel. Kata qorvendi juga begitu.\n"
)
EN_TEXT = (
    "Interview with Mrs Abena Owusu-Brightwater, 12 March 2024, at the Harbour Lane Community Centre, Leeds.\n\n"
    "Q: Could you introduce yourself?\n"
    "A: I'm Abena, I'm a nurse. My number is 07700 900461 and my email is abena.ob@example.net.\n"
)
MEMO = "Follow up with Ratna Kusumawardani about the clinic visit."


def _deidentify(project: makna.Project, key: Path) -> tuple[set[str], set[str]]:
    """Scan, reject one detection, add one by hand, accept the rest, apply; returns the originals and the
    surrogates (from the key) that no audit output may hold."""
    makna.import_text(project, "a.txt", ID_TEXT, language="id")
    makna.import_text(project, "b.txt", EN_TEXT, language="en")
    makna.add_memo(project, "project", None, MEMO, title="Plan")
    scan(project)
    ages = [e.id for e in review_entries(project, sources=["a.txt"]) if e.type == "AGE"]
    decide(project, ages[:1], "rejected")
    start = ID_TEXT.index("qorvendi")
    covering = [e.id for e in review_entries(project, sources=["a.txt"]) if e.start < start + 8 and start < e.end]
    if covering:
        decide(project, covering, "rejected")
    add_detection(project, "a.txt", start, start + 8, "PERSON")
    decide_all(project, "accepted")
    originals = {e.text for e in review_entries(project) if e.status != "rejected" and len(e.text) >= 4}
    apply(project, key, PASS, mode="surrogate")
    makna.import_text(project, "c.txt", "P: Halo.\nI: Halo juga.\n", language="id")  # never scanned
    surrogates = surrogates_of(project, key)
    return originals | {"qorvendi", "Kusumawardani", "Owusu-Brightwater", "0813-6620-4471"}, surrogates


def test_audit_counts_events_and_policy(project: makna.Project, tmp_path: Path) -> None:
    project.coder_name = "helen"
    _deidentify(project, tmp_path / "k.key")
    audit = deid_audit(project)
    by_source = {s.source: s for s in audit.sources}
    assert set(by_source) == {"a.txt", "b.txt", "c.txt"}
    assert audit.unscanned == ["c.txt"]
    a = {t.type: t for t in by_source["a.txt"].types}
    assert a["PERSON"].added == 1 and a["PERSON"].found >= 2
    assert a["AGE"].rejected == 1
    assert a["PHONE"].found == a["PHONE"].accepted == a["PHONE"].replaced == 1
    assert by_source["a.txt"].mode == "surrogate" and by_source["a.txt"].applied_at is not None
    assert by_source["b.txt"].region  # the region its apply gave it (a code)
    assert audit.pending == 0
    totals = {t.type: t for t in audit.totals}
    assert totals["EMAIL"].replaced == 2
    assert {f.field for f in audit.fields} >= {"memos.text"}
    memos = next(f for f in audit.fields if f.field == "memos.text")
    assert (memos.values, memos.scanned, memos.applied) == (1, 1, 1)
    assert totals["PERSON"].replaced >= 4  # transcripts and the memo
    assert audit.key_id == project.store.meta()["deid_key_id"]
    actions = [e.action for e in audit.events]
    assert {
        "deid.scan",
        "deid.rejected",
        "deid.add",
        "deid.accepted_all",
        "deid.key",
        "deid.apply",
        "deid.apply_fields",
    } <= set(actions)
    applies = [e for e in audit.events if e.action == "deid.apply"]
    assert {e.source for e in applies} == {"a.txt", "b.txt"} and {e.actor for e in applies} == {"helen"}
    assert audit.policy.modes == ("surrogate",) and audit.policy.coarse == "keep"
    assert audit.policy.region and sum(audit.policy.source_regions.values()) == 2
    data = audit.as_dict()
    assert data["unscanned"] == ["c.txt"] and data["events"][0]["at"].endswith("+00:00")


def test_no_output_holds_an_original_a_surrogate_or_the_passphrase(project: makna.Project, tmp_path: Path) -> None:
    originals, surrogates = _deidentify(project, tmp_path / "k.key")
    assert len(surrogates) >= 4
    audit = deid_audit(project)
    secrets = originals | surrogates | {PASS}
    outputs = {"json": json.dumps(audit.as_dict(), ensure_ascii=False)}
    for lang in ("en", "id"):
        outputs[f"md-{lang}"] = audit_markdown(audit, lang)
        outputs[f"text-{lang}"] = audit_text(audit, lang)
    for where, blob in outputs.items():
        absent(secrets, blob, where)
    assert "| PHONE |" in outputs["md-en"] and "Menurut jenis" in outputs["md-id"]
    assert "(GB) |" in outputs["md-en"]  # the English source's region, by its name and code
    absent({"Ratna"}, outputs["md-en"], "a planted name")  # the check itself can fail: see below
    with pytest.raises(AssertionError):
        absent({"Ratna"}, outputs["md-en"] + " Ratna", "a planted name")


def test_the_rendering_escapes_markdown() -> None:
    import datetime as dt

    from makna.privacy.audit import DeidAudit, SourceAudit, SurrogatePolicy

    now = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    audit = DeidAudit(
        "p|<b>",
        now,
        None,
        (SourceAudit("x|y<script>.txt", None, None, None, None, None, ()),),
        (),
        (),
        (),
        SurrogatePolicy(),
    )
    md = audit_markdown(audit)
    assert "<script>" not in md and "x\\|y&lt;script&gt;.txt" in md and "not scanned" in md
    assert "belum dipindai" in audit_markdown(audit, "id")


runner = CliRunner()


def test_cli_audit_every_format(project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CODER", "tester")
    with makna.create_project(project_location, coder="tester") as p:
        secrets = set().union(*_deidentify(p, tmp_path / "k.key")) | {PASS}
    for fmt in ("text", "json", "md"):
        for lang in ("en", "id"):
            result = runner.invoke(app, ["deid", "audit", "-p", project_location, "--format", fmt, "--language", lang])
            assert result.exit_code == 0, result.output
            absent(secrets, result.output, f"makna deid audit --format {fmt} --language {lang}")
    result = runner.invoke(app, ["deid", "audit", "-p", project_location, "--format", "json"])
    data = json.loads(result.output)
    assert data["unscanned"] == ["c.txt"] and {e["actor"] for e in data["events"]} == {"tester"}
    out = tmp_path / "audit.md"
    result = runner.invoke(app, ["deid", "audit", "-p", project_location, "--format", "md", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("## De-identification audit")
    result = runner.invoke(app, ["deid", "audit", "-p", project_location, "--format", "pdf"])
    assert result.exit_code == 2


def test_an_event_keeps_counts_types_and_codes_only() -> None:
    from makna.privacy.audit import _detail

    payload = {
        "ids": ["1:2", "1:3"],
        "status": "accepted",
        "types": [],
        "start": 4,
        "end": 9,
        "field": "cases|Ratna Kusumawardani|name",
        "before": [4, 9, "PERSON"],
        "copy": "a-copy-token",
        "by_type": {"PERSON": 2},
        "mode": "surrogate",
    }
    assert _detail(payload) == {"status": "accepted", "by_type": {"PERSON": 2}, "mode": "surrogate", "detections": 2}


def test_withdrawals_and_purges_are_listed_with_counts_only(project: makna.Project) -> None:
    """trial15 #6: an ethics board reads in the audit that a participant withdrew (her turns, the codings and the
    case that went) and that a transcript was deleted for good, with counts and actors, never her label or her words;
    a plain delete (undoable: the text is still there) is not listed."""
    group = "Moderator: Siapa mulai?\nWulandari Tasik: Saya dulu, jualan lewat grup.\nRosmaini: Saya juga, Kak.\n"
    makna.import_text(project, "fgd.txt", group, language="id")
    makna.import_text(project, "x.txt", "P: Halo.\nI: Halo juga.\n", language="id")
    makna.import_text(project, "y.txt", "P: Apa kabar?\nI: Baik.\n", language="id")
    from makna.sources import delete_source, purge_source
    from makna.withdraw import withdraw_participant

    withdraw_participant(project, "Wulandari Tasik")
    purge_source(project, "x.txt")
    delete_source(project, "y.txt")
    audit = deid_audit(project)
    actions = [e.action for e in audit.events]
    assert actions.count("participant.withdraw") == 1 and actions.count("source.delete") == 1
    withdrawn = next(e for e in audit.events if e.action == "participant.withdraw")
    assert withdrawn.detail.get("turns") == 1 and withdrawn.actor
    assert next(e for e in audit.events if e.action == "source.delete").detail.get("purged") is True
    for out in (audit_text(audit, "en"), audit_markdown(audit, "id"), json.dumps(audit.as_dict())):
        assert "participant.withdraw" in out
        for word in ("Wulandari", "Tasik", "jualan", "x.txt"):
            assert word not in out, (word, out)
