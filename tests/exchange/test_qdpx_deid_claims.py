"""A .qdpx's de-identification state is a claim (issue #11): restored only when its seal verifies with the exporting
project's key; any other claim imports as NOT de-identified, kept as information (a detection on a claimed surrogate
is marked), until the researcher accepts it with ``makna deid trust``."""

from __future__ import annotations

import dataclasses
import json
import random
import secrets
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_qdpx_deid_state import PASS, TEXT, _deidentified, _rewrite_extras, _status
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import PermissionDeniedError, PrivacyError, UnknownSourceError
from makna.exchange import export_qdpx, import_qdpx
from makna.exchange._deid_state import seal_claim
from makna.privacy.claims import SEAL_META, project_seals, trust_claim
from makna.sources import count_not_deidentified

runner = CliRunner()
SOURCE = "informan-07.txt"


def _exported(tmp_path: Path) -> tuple[Path, dict[str, bytes], str]:
    """A de-identified project's .qdpx, the project's seal keys and the source's id."""
    with makna.create_project(str(tmp_path / "studi.makna"), "Studi", coder="ana") as proj:
        sid = _deidentified(proj, tmp_path)
        out = tmp_path / "studi.qdpx"
        export_qdpx(proj, out)
        return out, project_seals(proj), sid


def _claim(path: Path, sid: str) -> dict[str, Any]:
    with zipfile.ZipFile(path) as zf:
        claim: dict[str, Any] = json.loads(zf.read("makna/extras.json"))["elements"][sid]["deid"]
    return claim


def _set_claim(path: Path, sid: str, claim: Any) -> None:
    def change(extras: dict[str, Any]) -> None:
        extras["elements"][sid]["deid"] = claim

    _rewrite_extras(path, change)


def _fresh(tmp_path: Path, name: str = "baru") -> Any:
    return makna.create_project(str(tmp_path / f"{name}.makna"), "Baru", coder="ana")


def test_a_verified_claim_round_trip_restores_the_state(project: Any, tmp_path: Path) -> None:
    _deidentified(project, tmp_path)
    out = tmp_path / "studi.qdpx"
    export_qdpx(project, out)
    seals = project_seals(project)
    assert len(seals) == 1 and _claim(out, _sid(project))["seal"]["id"] in seals
    assert bytes.fromhex(project.store.meta()[SEAL_META]) not in out.read_bytes()  # the key never travels
    with _fresh(tmp_path) as fresh:
        report = import_qdpx(fresh, out, seals=seals)
        assert report.unverified_claims == 0 and not any("not verified" in line for line in report.lines())
        assert _status(fresh)[SOURCE] == _status(project)[SOURCE]
        with fresh.store.read() as conn:
            assert count_not_deidentified(conn) == 1  # catatan.txt only
        assert makna.deid_scan(fresh).skipped_applied == [SOURCE]
    export_qdpx(project, tmp_path / "again.qdpx")  # the same key, made once
    assert project_seals(project) == seals
    made = [e for e in makna.events(project, action="deid.seal") if "recorded" not in e.payload]
    assert len(made) == 1  # trust24: beside it, one event recorded what the first export sealed


def _sid(project: Any) -> str:
    return str(next(s.id for s in makna.list_sources(project) if s.name == SOURCE))


def test_an_unverified_claim_imports_as_not_deidentified_and_its_surrogates_are_marked(
    project: Any, tmp_path: Path
) -> None:
    out, _seals, _sid = _exported(tmp_path)
    report = import_qdpx(project, out)  # no key to verify with
    assert report.unverified_claims == 1
    warned = [line for line in report.lines() if "not verified" in line]
    assert len(warned) == 1 and warned[0].startswith("Warning: 1 source(s) carried a de-identification claim")
    assert not _status(project)[SOURCE][0]
    with project.store.read() as conn:
        assert count_not_deidentified(conn) == 2
    with pytest.raises(PrivacyError, match="scan"):  # apply treats it like any source: scan first
        makna.deid_apply(project, tmp_path / "k2.makna-key", PASS)
    scan = makna.deid_scan(project)
    mine = [e for e in scan.entries if e.source == SOURCE]
    assert scan.skipped_applied == [] and mine and all(e.status == "pending" for e in mine)
    assert any(e.claimed for e in mine)  # the claimed surrogates: shown, marked, never skipped
    assert {e.id for e in makna.review_entries(project) if e.claimed} == {e.id for e in mine if e.claimed}


@pytest.mark.parametrize("where", ["mode", "mac", "span", "key_id", "applied_at", "seal id", "text hash"])
def test_a_tampered_claim_is_not_verified(tmp_path: Path, where: str) -> None:
    out, seals, sid = _exported(tmp_path)
    claim = _claim(out, sid)
    if where == "mode":
        claim["mode"] = "surrogatf"
    elif where == "mac":
        mac = claim["seal"]["mac"]
        claim["seal"]["mac"] = mac[:-1] + ("0" if mac[-1] != "0" else "1")
    elif where == "span":
        claim["replacements"][0]["new_end"] -= 1
    elif where == "key_id":
        claim["key_id"] = claim["key_id"][:-1] + ("0" if claim["key_id"][-1] != "0" else "1")
    elif where == "applied_at":
        claim["applied_at"] = claim["applied_at"].replace("20", "21", 1)
    elif where == "seal id":
        claim["seal"]["id"] = "0" * 16
    else:
        claim["text_sha256"] = "0" * 64
    _set_claim(out, sid, claim)
    with _fresh(tmp_path) as fresh:
        assert import_qdpx(fresh, out, seals=seals).unverified_claims == 1
        assert not _status(fresh)[SOURCE][0]


def test_a_claim_sealed_with_another_key_or_crafted_is_not_verified(tmp_path: Path) -> None:
    out, seals, sid = _exported(tmp_path)
    claim = {k: v for k, v in _claim(out, sid).items() if k != "seal"}
    forged = seal_claim(claim, secrets.token_bytes(32))
    forged["seal"]["id"] = next(iter(seals))  # the right key's id (public), a mac made with another key
    for crafted in (claim, forged, seal_claim(claim, secrets.token_bytes(32))):
        _set_claim(out, sid, crafted)
        with _fresh(tmp_path, f"b{secrets.token_hex(4)}") as fresh:
            assert import_qdpx(fresh, out, seals=seals).unverified_claims == 1
            assert not _status(fresh)[SOURCE][0]


def test_trust_accepts_a_checked_claim_once(project: Any, tmp_path: Path) -> None:
    out, _seals, _sid = _exported(tmp_path)
    with makna.open_project(str(tmp_path / "studi.makna")) as studi:
        before = _status(studi)[SOURCE]
    import_qdpx(project, out)
    makna.deid_scan(project)  # the researcher looks at the text first
    with pytest.raises(UnknownSourceError):
        trust_claim(project, "tidak-ada.txt")
    with pytest.raises(PrivacyError, match="no unverified"):
        trust_claim(project, "catatan.txt")
    done = trust_claim(project, SOURCE)
    assert (done.source, done.mode, done.surrogates) == (SOURCE, before[1], before[2])
    assert _status(project)[SOURCE] == (True, before[1], before[2])
    assert [s.pending for s in makna.deid_status(project) if s.source == SOURCE] == [0]
    trusted = makna.events(project, action="deid.trust")
    assert len(trusted) == 1 and trusted[0].actor == project.actor and trusted[0].payload["surrogates"] == before[2]
    assert makna.deid_scan(project).skipped_applied == [SOURCE]
    with pytest.raises(PrivacyError, match="no unverified"):
        trust_claim(project, SOURCE)


def test_trust_and_verify_with_on_the_command_line(tmp_path: Path) -> None:
    out, _seals, _sid = _exported(tmp_path)
    studi = str(tmp_path / "studi.makna")
    verified = runner.invoke(app, ["import-project", str(out), "-p", str(tmp_path / "v.makna"), "--verify-with", studi])
    assert verified.exit_code == 0, verified.output
    assert "not verified" not in verified.output
    with makna.open_project(str(tmp_path / "v.makna")) as proj:
        assert _status(proj)[SOURCE][0]
    plain = runner.invoke(app, ["import-project", str(out), "-p", str(tmp_path / "u.makna")])
    assert plain.exit_code == 0 and plain.output.count("not verified") == 1
    missing = runner.invoke(app, ["deid", "trust", "tidak-ada.txt", "-p", str(tmp_path / "u.makna")])
    assert missing.exit_code != 0 and "Traceback" not in missing.output
    assert len(missing.output.strip().splitlines()) == 1 and "unknown source" in missing.output
    listed = runner.invoke(app, ["deid", "scan", "-p", str(tmp_path / "u.makna"), "--format", "json"])
    assert listed.exit_code == 0 and any(e["claimed"] for e in json.loads(listed.output))
    trusted = runner.invoke(app, ["deid", "trust", SOURCE, "-p", str(tmp_path / "u.makna")])
    assert trusted.exit_code == 0 and f"Accepted the de-identification claim of {SOURCE}" in trusted.output
    again = runner.invoke(app, ["deid", "trust", SOURCE, "-p", str(tmp_path / "u.makna")])
    assert again.exit_code != 0 and "no unverified" in again.output and "Traceback" not in again.output


def test_copies_share_the_seal_key_a_blind_copy_carries_no_state(tmp_path: Path) -> None:
    out, seals, sid = _exported(tmp_path)
    studi = tmp_path / "studi.makna"
    makna.copy_project(studi, tmp_path / "salinan.makna")
    makna.copy_project(studi, tmp_path / "budi.makna", coder="budi")
    with makna.open_project(str(tmp_path / "salinan.makna")) as copy:
        assert dict(project_seals(copy)) == dict(seals)
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:  # a coder's copy: the member's key (trust23),
        assert list(project_seals(copy)) == [] and SEAL_META not in copy.store.meta()  # that verifies nothing (review23)
    with makna.open_project(str(tmp_path / "salinan.makna"), coder="ana") as copy:  # its export verifies too
        export_qdpx(copy, tmp_path / "salinan.qdpx")
    with _fresh(tmp_path) as fresh:
        assert import_qdpx(fresh, tmp_path / "salinan.qdpx", seals=seals).unverified_claims == 0
        assert _status(fresh)[SOURCE][0]
    makna.copy_project(studi, tmp_path / "buta.makna", coder="citra", blind=True)
    with makna.open_project(str(tmp_path / "buta.makna")) as blind:
        assert project_seals(blind) == {}  # neither the key nor the state: nothing to claim
        export_qdpx(blind, tmp_path / "buta.qdpx")
    with zipfile.ZipFile(tmp_path / "buta.qdpx") as zf:
        assert "deid" not in json.loads(zf.read("makna/extras.json"))["elements"].get(sid, {})


def test_a_viewer_on_the_team_server_cannot_trust_a_claim(team: Any, tmp_path: Path) -> None:
    out, _seals, _sid = _exported(tmp_path)
    sp = team.add_project("Kedua", owner="ana")
    for name, role in (("dewi", "manager"), ("citra", "viewer")):
        team.set_role("Kedua", name, role)
    base = team.open_project(sp)
    assert import_qdpx(dataclasses.replace(base, coder_name="ana"), out).unverified_claims == 1
    with pytest.raises(PermissionDeniedError):
        trust_claim(dataclasses.replace(base, coder_name="citra"), SOURCE)
    assert trust_claim(dataclasses.replace(base, coder_name="dewi"), SOURCE).source == SOURCE
    assert _status(base)[SOURCE][0]


_JUNK: list[Any] = [None, 0, -1, 2**70, 1.5, "", "x" * 5000, [], {}, [1, 2], {"a": None}, True, "é"]


def _mutations(claim: dict[str, Any], seed: int) -> list[Any]:
    rng = random.Random(seed)
    out: list[Any] = list(_JUNK)
    for _ in range(60):
        bad = json.loads(json.dumps(claim))
        target = bad
        path = rng.choice(
            [
                ["mode"],
                ["key_id"],
                ["applied_at"],
                ["text_sha256"],
                ["seal"],
                ["seal", "id"],
                ["seal", "mac"],
                ["replacements"],
                ["replacements", 0],
                ["replacements", 0, "new_start"],
                ["replacements", 0, "type"],
            ]
        )
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = rng.choice(_JUNK)
        out.append(bad)
    return out


def test_a_malformed_claim_or_extras_member_never_ends_in_a_traceback(tmp_path: Path) -> None:
    out, seals, sid = _exported(tmp_path)
    original = out.read_bytes()
    claim = _claim(out, sid)
    for n, bad in enumerate(_mutations(claim, 22)):
        out.write_bytes(original)
        _set_claim(out, sid, bad)
        with _fresh(tmp_path, f"m{n}") as fresh:
            report = import_qdpx(fresh, out, seals=seals)
            assert report.unverified_claims == (0 if bad == claim or bad is None else 1)  # None: no claim
            assert _status(fresh)[SOURCE][0] == (bad == claim)
    (tmp_path / "orig.qdpx").write_bytes(original)
    for n, member in enumerate(
        (
            b"\xff\xfe not json",
            b"[1, 2]",
            b'{"elements": 5}',
            b'{"elements": {"x": {"deid": 1}}}',
            json.dumps({"elements": {sid: {"deid": claim["replacements"]}}}).encode(),
        )
    ):
        with zipfile.ZipFile(tmp_path / "orig.qdpx") as zf_in, zipfile.ZipFile(out, "w") as zf_out:
            for name in zf_in.namelist():
                zf_out.writestr(name, member if name == "makna/extras.json" else zf_in.read(name))
        target = tmp_path / f"x{n}.makna"
        result = runner.invoke(app, ["import-project", str(out), "-p", str(target)])
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        if result.exit_code == 0:
            with makna.open_project(str(target)) as proj:
                assert not _status(proj)[SOURCE][0]


def test_a_claim_names_surrogates_never_the_originals(tmp_path: Path) -> None:
    out, _seals, sid = _exported(tmp_path)
    claim = _claim(out, sid)
    assert set(claim) == {"applied_at", "mode", "key_id", "replacements", "text_sha256", "seal"}
    assert "Siti" in TEXT and "Siti" not in json.dumps(claim)


def test_the_claim_messages_read_in_indonesian() -> None:
    from makna.exchange._report import UNVERIFIED_CLAIMS
    from makna.privacy.claims import CLAIMED_MARK, TRUSTED
    from makna.web.errors_i18n import translate_error

    for english in (
        UNVERIFIED_CLAIMS % {"n": 2},
        TRUSTED % {"source": "a.txt", "n": 3, "mode": "surrogate"},
        CLAIMED_MARK,
        "source 'a.txt' carries no unverified de-identification claim",
    ):
        indonesian = translate_error(english, "id")
        assert indonesian != english and ("sumber" in indonesian or "pengganti" in indonesian), english


def test_an_unverified_claim_goes_with_its_source_and_comes_back_with_an_undo(project: Any, tmp_path: Path) -> None:
    # review22: a claim row outlived its deleted source
    from sqlalchemy import select

    from makna.privacy.claims import CLAIM_PREFIX
    from makna.store import tables

    out, _seals, _sid = _exported(tmp_path)
    import_qdpx(project, out)

    def claims() -> list[str]:
        with project.store.read() as conn:
            keys = conn.execute(select(tables.meta.c.key)).scalars()
            return [k for k in keys if k.startswith(CLAIM_PREFIX)]

    assert len(claims()) == 1
    makna.delete_source(project, SOURCE)
    assert claims() == []
    makna.undo(project)
    assert len(claims()) == 1 and SOURCE in {s.name for s in makna.list_sources(project)}
