"""The trial's surrogate classes end to end (#11, deidsurr3): 'makna deid apply' through the library and
the CLI on an Indonesian seller (two sources of one case) and an English driver: short forms across the
case's sources, user names holding the person's surrogate, one organisation core, no original inside a
surrogate, and the naming tradition chosen for the project, a source or a case."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.memos import events
from makna.privacy.keyfile import read_key
from makna.privacy.naming import _all_names, _traditions
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.source_regions import set_tradition, source_regions
from makna.privacy.surrogates import ORG_KIND_WORDS

PASS = "correct horse battery staple"
SOURCES = {
    "penjual.txt": ("id", "P: Siapa nama Uni?\n"
                          "I: Nama saya Yulianti Putri, jualan online di Padang.\n"
                          "I: Email saya yulianti.putri88@gmail.com, IG @yuli_putri.\n"
                          "I: Dulu kerja di PT Sinar Jaya, lalu CV Sinar Jaya.\n"
                          "I: Teman saya Fitri dan Zulfitri.\n"),
    "penjual-2.txt": ("id", "P: Bagaimana kabarnya?\n"
                            "I: Uni Yuli sudah pulang dari Sinar Jaya.\n"),
    "driver.txt": ("en", "Q: Your name?\n"
                         "A: Christopher Wood, Chris to everyone. Write to chris.wood@gmail.com.\n"
                         "A: I drove for Harbour Freight Ltd, then for Harbour Freight again.\n"),
}
MARKS = {
    "penjual.txt": [("Yulianti Putri", "PERSON"), ("Padang", "LOCATION"), ("yulianti.putri88@gmail.com", "EMAIL"),
                    ("@yuli_putri", "HANDLE"), ("PT Sinar Jaya", "ORG"), ("CV Sinar Jaya", "ORG"),
                    ("Fitri", "PERSON"), ("Zulfitri", "PERSON")],
    "penjual-2.txt": [("Yuli", "PERSON"), ("Sinar Jaya", "ORG")],
    "driver.txt": [("Christopher Wood", "PERSON"), ("Chris", "PERSON"), ("chris.wood@gmail.com", "EMAIL"),
                   ("Harbour Freight Ltd", "ORG"), (r"Harbour Freight(?! Ltd)", "ORG")],
}


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    for name, (lang, text) in SOURCES.items():
        makna.import_text(project, name, text, language=lang)
        scan(project, sources=[name])
        decide_all(project, "rejected")  # only the marked identifiers: the result does not hang on detectors
        for needle, kind in MARKS[name]:
            pattern = needle if "(?" in needle else rf"(?<![\w@.]){re.escape(needle)}(?![\w@])"
            for m in re.finditer(pattern, text):
                add_detection(project, name, m.start(), m.end(), kind)
    makna.add_case(project, "Informan 1")
    for name in ("penjual.txt", "penjual-2.txt"):
        makna.link_source(project, "Informan 1", name)
    return project


def _replacements(key: Path, project: makna.Project) -> dict[str, dict[str, str]]:
    _mapping, records = read_key(key, PASS)
    ids = {s.id: s.name for s in makna.list_sources(project)}
    return {ids[sid]: {str(r["original"]): str(r["replacement"]) for r in entry["replacements"]}
            for sid, entry in records.items() if sid in ids}


def _check(key: Path, project: makna.Project) -> dict[str, dict[str, str]]:
    """Every class of the trial holds in the applied project; returns the replacements by source."""
    reps = _replacements(key, project)
    pj, pj2, dr = reps["penjual.txt"], reps["penjual-2.txt"], reps["driver.txt"]
    first, last = pj["Yulianti Putri"].split()
    # 1. a short form in another source of the case: the cut of the full name's surrogate
    assert first.startswith(pj2["Yuli"]) and pj2["Yuli"] != first, (first, pj2["Yuli"])
    cut = dr["Chris"]
    christopher = dr["Christopher Wood"].split()
    assert christopher[0].startswith(cut) and cut != christopher[0], (christopher, cut)
    # 3. user names: the person's surrogate, an example domain
    assert re.fullmatch(rf"{first.lower()}\.{last.lower()}\d\d@example\.(com|org|net)",
                        pj["yulianti.putri88@gmail.com"]), pj
    assert pj["@yuli_putri"] == f"@{pj2['Yuli'].lower()}_{last.lower()}", pj
    assert re.fullmatch(rf"{cut.lower()}\.{christopher[1].lower()}@example\.(com|org|net)",
                        dr["chris.wood@gmail.com"]), dr
    # 4. one organisation core under its legal forms, in both languages
    assert pj["PT Sinar Jaya"][3:] == pj["CV Sinar Jaya"][3:] == pj2["Sinar Jaya"], (pj, pj2)
    assert dr["Harbour Freight Ltd"] == dr["Harbour Freight"] + " Ltd", dr
    # 2. no original word (4+ letters) inside a surrogate, nor a surrogate inside an original
    originals = {w.casefold() for r in reps.values() for o in r for w in re.findall(r"[^\W\d_]{4,}", o)} - {
        "gmail"} - ORG_KIND_WORDS  # kind words stay by design ("Harbour Freight Ltd" -> "Palmer Freight Ltd")
    texts = {s.name: makna.get_source(project, s.name).text for s in makna.list_sources(project)}
    for name, table in reps.items():
        for new in table.values():
            for word in re.findall(r"[^\W\d_]+", new.split("@")[0]):
                low = word.casefold()
                assert not any(o in low for o in originals), (name, new)
                assert len(low) < 4 or not any(low in o for o in originals), (name, new)
        assert not [o for o in table if re.search(rf"(?<![\w@.]){re.escape(o)}(?![\w@])", texts[name])]
    return reps


def _pool(tradition: str) -> set[str]:
    if tradition == "english":
        return {n.casefold() for n in _all_names("en_GB")}
    return {n.casefold() for (t, _r, _g), names in _traditions().items() if t == tradition for n in names}


def test_apply_through_the_library(study: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "keys" / "k.key"
    report = apply(study, key, PASS)
    assert report.tradition is None and report.source_traditions == {}
    _check(key, study)


def test_a_tradition_for_the_project_a_case_and_a_source(study: makna.Project, tmp_path: Path) -> None:
    assert set_tradition(study, "Minangkabau", cases=["Informan 1"]) == ["Informan 1"]
    assert set_tradition(study, "english", sources=["driver.txt"]) == ["driver.txt"]
    plans = {r.source: (r.tradition, r.tradition_origin) for r in source_regions(study)}
    assert plans == {"penjual.txt": ("minang", "case"), "penjual-2.txt": ("minang", "case"),
                     "driver.txt": ("english", "source")}
    assert len(events(study, action="deid.region")) == 2
    key = tmp_path / "keys" / "k.key"
    report = apply(study, key, PASS, tradition="jawa")  # for sources without their own: none here
    assert report.tradition == "jawa"
    assert report.source_traditions["driver.txt"] == ("english", "source")
    reps = _check(key, study)
    assert {w.casefold() for w in reps["penjual.txt"]["Yulianti Putri"].split()} <= _pool("minang")
    zulfitri, fitri = reps["penjual.txt"]["Zulfitri"], reps["penjual.txt"]["Fitri"]
    assert zulfitri.casefold() in _pool("minang") and zulfitri.endswith(fitri.lower())  # Fitri: Zulfitri's end
    assert {w.casefold() for w in reps["driver.txt"]["Christopher Wood"].split()} <= _pool("english")
    mapping, _records = read_key(key, PASS)
    assert mapping.tradition == "jawa"  # kept in the key for the next apply


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_apply_and_tradition_through_the_cli(study: makna.Project, project_location: str, tmp_path: Path) -> None:
    loc = project_location
    code, out = _cli("deid", "region", "-p", loc, "--tradition", "Klingon", "--source", "driver.txt")
    assert code != 0 and "Klingon" in out and "Traceback" not in out
    code, out = _cli("deid", "region", "-p", loc, "--tradition", "english", "--source", "driver.txt")
    assert code == 0 and "naming tradition of driver.txt" in out, out
    code, out = _cli("deid", "region", "-p", loc, "-f", "csv")
    assert "driver.txt," in out and "english (source)" in out, out
    pw = tmp_path / "pass.txt"
    pw.write_text(PASS)
    key = tmp_path / "keys" / "k.key"
    code, out = _cli("deid", "apply", "--force", "--key", str(key), "--passphrase-file", str(pw), "-p", loc,
                     "--tradition", "bugis", "--surrogate-region", "wider")
    assert code == 0, out
    assert "Naming tradition of surrogate names: bugis." in out and "driver.txt: english (source)" in out, out
    reps = _check(key, study)
    assert {w.casefold() for w in reps["penjual.txt"]["Yulianti Putri"].split()} <= _pool("bugis")
    assert {w.casefold() for w in reps["driver.txt"]["Christopher Wood"].split()} <= _pool("english")
    code, out = _cli("deid", "apply", "--help")
    assert "--tradition" in out


def test_cli_clear_forgets_region_and_tradition(study: makna.Project, project_location: str) -> None:
    loc = project_location
    assert _cli("deid", "region", "-p", loc, "--set", "GB", "--tradition", "english", "--case", "Informan 1")[0] == 0
    out = _cli("deid", "region", "-p", loc, "-f", "csv")[1]
    assert "penjual.txt,GB,United Kingdom,case,english (case)" in out, out
    code, out = _cli("deid", "region", "-p", loc, "--clear", "--case", "Informan 1")
    assert code == 0 and "Cleared the naming tradition of Informan 1" in out, out
    assert "english" not in _cli("deid", "region", "-p", loc, "-f", "csv")[1]


def test_apply_through_the_web_api(study: makna.Project, project_location: str, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "web"))
    from web_helpers import TOKEN, Client

    from makna.web import close_app, create_app

    web: Any = create_app(project_location, token=TOKEN, lang="en", coder="tester")
    c = Client(web)
    try:
        assert c.get(f"/?token={TOKEN}").status_code == 303
        html = c.get("/deid").text
        assert '<select name="tradition">' in html and '<option value="minang">' in html
        i = html.index('name="makna-csrf" content="') + len('name="makna-csrf" content="')
        h = {"X-Makna-CSRF": html[i: html.index('"', i)]}
        key = tmp_path.parent / f"{tmp_path.name}-keys" / "k.key"  # apart from the project's folder
        key.parent.mkdir()
        body = {"key_path": str(key), "passphrase": PASS, "passphrase_repeat": PASS, "tradition": "Klingon"}
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 400 and "Klingon" in r.text and not key.exists()
        r = c.post("/api/deid/apply", json={**body, "tradition": "sunda"}, headers=h)
        assert r.status_code == 200, r.text
        assert r.json()["tradition"] == "sunda"
    finally:
        c.close()
        close_app(web)
    reps = _check(key, study)
    assert {w.casefold() for w in reps["penjual.txt"]["Yulianti Putri"].split()} <= _pool("sunda")


def test_cli_bad_tradition_leaves_the_region_unchanged(study: makna.Project, project_location: str) -> None:
    """--set and --tradition together: a bad tradition is refused before the region is written."""
    loc = project_location
    before = _cli("deid", "region", "-p", loc, "-f", "csv")[1]
    code, out = _cli("deid", "region", "-p", loc, "--set", "GB", "--tradition", "Klingon", "--source", "driver.txt")
    assert code != 0 and "Klingon" in out and "Traceback" not in out
    assert _cli("deid", "region", "-p", loc, "-f", "csv")[1] == before
