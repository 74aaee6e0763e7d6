"""A verified round trip through .qdpx read as never scanned (trial19, issue #11): ``makna import-project
study.qdpx --verify-with study.makna`` verified every source's de-identification claim, but every free-text field
value (memos, cases, the codebook, the sources' names) came back without its review, so ``deid status`` said "57
value(s), 0 scanned", ``report`` and ``copy`` warned that values "written or edited since the de-identification were
never scanned", and a scan proposed again what the researcher had rejected. A value imported exactly as the verifying
project reviewed it now keeps that review; one that differs (or any value, without --verify-with) does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_deid_file import applied_file, run


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("MAKNA_CODER", "rahmat")
    loc = applied_file(tmp_path, memos=("Teteh Euis Kurniasih bercerita soal QRIS.",))
    assert run("cases", "add", "Informan 2", "--description", "Penjual serabi.", "-p", loc)[0] == 0
    assert run("deid", "scan", "-p", loc)[0] == 0  # the case typed after the apply: scanned, nothing found
    qdpx = str(tmp_path / "studi.qdpx")
    assert run("export", "--format", "qdpx", "-o", qdpx, "-p", loc)[0] == 0
    return loc, qdpx


def test_a_verified_import_keeps_the_reviews_of_the_fields(exported: tuple[str, str], tmp_path: Path) -> None:
    loc, qdpx = exported
    new = str(tmp_path / "kembali.makna")
    code, out, err = run("import-project", qdpx, "-p", new, "--verify-with", loc)
    assert code == 0, out + err
    assert "Kept the review of" in out, out
    code, out, _ = run("deid", "status", "-p", new)
    assert code == 0 and "0 scanned" not in out, out
    code, out, err = run("report", "-o", str(tmp_path / "laporan"), "-p", new)
    assert code == 0 and "never scanned" not in out + err, err


def test_without_verify_with_no_review_comes_along(exported: tuple[str, str], tmp_path: Path) -> None:
    _, qdpx = exported
    new = str(tmp_path / "kembali.makna")
    code, out, err = run("import-project", qdpx, "-p", new)
    assert code == 0 and "Kept the review of" not in out, out + err
    code, out, _ = run("deid", "status", "-p", new)
    assert code == 0 and ", 0 scanned" in out, out


def test_the_server_import_verified_by_a_project_file_keeps_them(exported: tuple[str, str], server_db: str) -> None:
    loc, qdpx = exported
    password = "a long enough password"
    assert run("server", "init", "--db", server_db, "--owner", "rahmat", input=f"{password}\n{password}\n")[0] == 0
    code, out, err = run("server", "project", "import", qdpx, "--name", "Pasar", "--verify-with", loc,
                         "--db", server_db)
    assert code == 0 and "Kept the review of" in out, out + err
    code, url, _ = run("server", "project", "location", "Pasar", "--db", server_db)
    assert code == 0, url
    code, out, _ = run("deid", "fields", "--format", "csv", "-p", url.strip())
    rows = [line.split(",") for line in out.splitlines()[1:]]
    # every value as the project file reviewed it; only the name the import gave the project is new
    assert code == 0 and [r[1] for r in rows if r[-1] not in {"scanned", "replaced"}] == ["meta.value"], out


def test_two_verifying_projects_that_reviewed_the_same_values_keep_one_review(
    exported: tuple[str, str], tmp_path: Path
) -> None:
    """The project and a copy of it both verify (review29): each value's review came once from each, and the second
    broke the unique (table, row, column) of ``deid_fields``: the import failed with a database error."""
    import shutil

    loc, qdpx = exported
    twin = str(tmp_path / "salinan.makna")
    shutil.copyfile(loc, twin)
    new = str(tmp_path / "kembali.makna")
    code, out, err = run("import-project", qdpx, "-p", new, "--verify-with", loc, "--verify-with", twin)
    assert code == 0 and "Kept the review of" in out, out + err
    code, out, _ = run("deid", "status", "-p", new)
    assert code == 0 and "0 scanned" not in out, out
