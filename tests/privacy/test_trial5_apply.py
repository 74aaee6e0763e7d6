"""A team's second de-identification (found by a fifth new user's trial, #11): after ``apply``, a coder
pushed a memo written offline that named an informant already replaced. The detectors missed the name
there; only the key knows it, and a scan in the workbench has no key. ``apply`` refused ("confirmed
identifiers occur again, unreviewed ... run 'makna deid scan'"), the scan found nothing, and the manager
was stuck. Now ``apply`` puts what it found up for review, so the next review and apply finish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import makna
import makna.privacy.project as deid_project
from makna.errors import PrivacyError
from makna.privacy.project import decide_all, review_entries, scan
from makna.privacy.project_apply import apply

PASS = "lembah anai hujan pagi kopi"
MEMO = "Catatan: Zulkarnain mau diwawancara ulang."


def _applied(project: makna.Project, tmp_path: Path) -> Path:
    """A project whose one transcript, naming Zulkarnain, is de-identified; its key."""
    key = tmp_path / "keys" / "studi.key"
    makna.import_text(project, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
    scan(project)
    decide_all(project, "accepted")
    apply(project, key, PASS, mode="tag")
    return key


def test_apply_puts_a_replaced_name_found_again_up_for_review(
    project: makna.Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _applied(project, tmp_path)
    assert "Zulkarnain" not in makna.get_source(project, "a.txt").text
    makna.add_memo(project, "project", None, MEMO)  # pushed from an offline copy after apply

    real = deid_project.detect

    def missing_the_name(text: str, **kw: Any) -> Any:  # the detectors miss the name in the memo
        return [] if text == MEMO else real(text, **kw)

    monkeypatch.setattr(deid_project, "detect", missing_the_name)
    scan(project)  # as in the workbench: no key
    assert not [e for e in review_entries(project, status=["pending"]) if e.text == "Zulkarnain"]
    with pytest.raises(PrivacyError, match=r"occur again, unreviewed, in memos\.text .*pending review now"):
        apply(project, key, PASS, mode="tag")
    pending = [e for e in review_entries(project, status=["pending"])]
    assert [(e.text, e.type, e.field) for e in pending] == [("Zulkarnain", "PERSON", "memos.text")]
    assert makna.list_memos(project)[0].text == MEMO  # nothing replaced by the refused apply
    decide_all(project, "accepted")
    apply(project, key, PASS, mode="tag")
    text = makna.list_memos(project)[0].text
    assert "Zulkarnain" not in text and "[PERSON-1]" in text


def test_a_value_not_scanned_since_it_was_written_is_left_to_a_scan(project: makna.Project, tmp_path: Path) -> None:
    key = _applied(project, tmp_path)
    makna.add_memo(project, "project", None, MEMO)
    with pytest.raises(PrivacyError, match="unreviewed"):
        apply(project, key, PASS, mode="tag")
    assert review_entries(project, status=["pending"]) == []  # the detectors have not read it yet


def test_a_new_memo_after_apply_is_not_called_nothing_to_de_identify(project: makna.Project, tmp_path: Path) -> None:
    key = _applied(project, tmp_path)
    makna.add_memo(project, "project", None, "Catatan: rekaman kedua sudah diterima.")
    with pytest.raises(PrivacyError, match=r"1 field value\(s\) were added or edited since the last scan"):
        apply(project, key, PASS, mode="tag")
    scan(project)
    with pytest.raises(PrivacyError, match="every source is de-identified"):
        apply(project, key, PASS, mode="tag")


def test_reject_all_leaves_a_name_found_again_pending_and_says_so(project: makna.Project) -> None:
    """The case name 'Yusnimar' (0.11 on its own) stayed pending after "accept >= 0.5", was raised to 0.99 by the
    second scan and rejected with "reject all": apply left it in every export (trial5; met again by trial16, with a
    file name). "Reject all" now leaves what was found again of an accepted identifier pending, and says so."""
    from makna.privacy.project import pending_but_confirmed

    makna.import_text(project, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
    makna.add_case(project, "Zulkarnain")
    scan(project)
    decide_all(project, "accepted", sources=["a.txt"])
    scan(project)
    decide_all(project, "rejected")
    kept = pending_but_confirmed(project)
    assert [(e.text, e.field, e.status) for e in kept] == [("Zulkarnain", "cases.name", "pending")]
    code, out = _cli("deid", "reject", "--all", "-p", project.location)
    assert code == 0 and "0 detection(s) rejected." in out
    assert f"1 pending detection(s) are identifiers you accepted elsewhere, found again, and were left pending: " \
           f"{kept[0].id} 'Zulkarnain' in case Zulkarnain" in out
    code, out = _cli("deid", "accept", "--all", "--min-confidence", "0.99", "-p", project.location)
    assert code == 0 and not pending_but_confirmed(project)


def test_a_name_rejected_by_id_where_it_is_accepted_elsewhere_is_listed(project: makna.Project) -> None:
    """A found-again name can still be rejected by its id (a homonym): then it is listed as left as written."""
    from makna.privacy.project import pending_but_confirmed
    from makna.privacy.project_review import rejected_but_confirmed

    makna.import_text(project, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
    makna.add_case(project, "Zulkarnain")
    scan(project)
    decide_all(project, "accepted", sources=["a.txt"])
    scan(project)
    (found_again,) = pending_but_confirmed(project)
    code, out = _cli("deid", "reject", found_again.id, "-p", project.location)
    listed = rejected_but_confirmed(project)
    assert [(e.text, e.field) for e in listed] == [("Zulkarnain", "cases.name")]
    assert code == 0 and "1 rejected detection(s) are identifiers accepted elsewhere" in out
    assert f"{listed[0].id} 'Zulkarnain' in case Zulkarnain" in out


def test_apply_names_what_it_leaves_because_rejected(project: makna.Project, tmp_path: Path) -> None:
    """The warning comes again where the text is left: at ``apply``, after the replacements."""
    makna.import_text(project, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
    makna.add_case(project, "Zulkarnain")
    scan(project)
    decide_all(project, "accepted", sources=["a.txt"])
    scan(project)
    decide_all(project, "rejected")
    deid_project.decide(project, [e.id for e in deid_project.pending_but_confirmed(project)], "rejected")
    key = tmp_path / "keys" / "studi.key"
    pw = tmp_path / "pass.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    code, out = _cli(
        "deid", "apply", "--key", str(key), "--passphrase-file", str(pw), "--force", "-p", project.location
    )
    assert code == 0, out
    assert "left as written, because rejected, though accepted elsewhere: 'Zulkarnain' in case Zulkarnain" in out


def _cli(*args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from makna.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_a_possessive_inside_a_name_span_keeps_its_s_and_the_names_surrogate() -> None:
    """'Margaret Oduya's' was one PERSON span: the surrogate dropped the "'s" and differed from the name's."""
    from makna.privacy import Detection
    from makna.privacy.pseudonymise import KeyMapping, pseudonymise

    text = "I met Margaret Oduya\u2019s brother. Margaret Oduya was there, at Tesco's."
    spans = [("Margaret Oduya\u2019s", 0, "PERSON"), ("Margaret Oduya", 30, "PERSON"), ("Tesco's", 0, "ORG")]
    starts = [text.index(word, after) for word, after, _ in spans]
    dets = [Detection(s, s + len(w), t, 0.9, "x", w) for s, (w, _, t) in zip(starts, spans, strict=True)]
    for mode in ("tag", "surrogate"):
        out, reps = pseudonymise(text, dets, mode=mode, language="en", mapping=KeyMapping(secret="ab" * 32))  # type: ignore[arg-type]
        assert reps[0].replacement == reps[1].replacement and reps[0].original == "Margaret Oduya"
        assert out.startswith(f"I met {reps[0].replacement}\u2019s brother.") and out.endswith("'s.")
        assert [out[r.new_start : r.new_end] for r in reps] == [r.replacement for r in reps]


def test_a_name_rejected_as_another_type_is_listed_too(project: makna.Project) -> None:
    """Found by the round's review: the list matched on (text, type), so a case name rejected as a place while
    the transcript's PERSON was accepted went unlisted."""
    from makna.privacy.project_review import rejected_but_confirmed

    makna.import_text(project, "a.txt", "P: Siapa namamu?\nI: Nama saya Zulkarnain, dari Pariaman.\n", language="id")
    makna.add_case(project, "Zulkarnain")
    scan(project)
    decide_all(project, "accepted", sources=["a.txt"])
    entries = review_entries(project)
    case = next(e for e in entries if e.field == "cases.name" and e.text == "Zulkarnain")
    from makna.privacy.project_review import revise_detection

    revise_detection(project, case.id, kind="LOCATION")
    deid_project.decide(project, [case.id], "rejected")
    assert next(e for e in review_entries(project) if e.id == case.id).type == "LOCATION"
    assert [e.text for e in rejected_but_confirmed(project)] == ["Zulkarnain"]
