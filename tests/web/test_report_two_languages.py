"""A report written in two languages keeps both (product20, #11): the workbench writes each language into its
own folder and offers each language's files, saying which language each download is; ``makna report`` refuses
to write one language over another's report in the same folder (nothing is changed) and says how to keep both."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_helpers import logged_in
from typer.testing import CliRunner
from web_helpers import build_sample

from makna.cli import app as cli
from makna.web.routes_analysis import report_folder


@pytest.mark.parametrize("order", [("en", "id"), ("id", "en")])
def test_the_workbench_keeps_both_languages(
    project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: tuple[str, str]
) -> None:
    monkeypatch.chdir(tmp_path)  # a PostgreSQL project's report goes to the working folder
    build_sample(project_location)
    with logged_in(project_location) as (app, c, csrf):
        for lang in order:
            r = c.post("/api/report", json={"lang": lang}, headers={"X-Makna-CSRF": csrf})
            assert r.status_code == 200, r.text
        files = r.json()["files"]
        assert {(f["lang"], f["name"]) for f in files} == {
            (lang, name) for lang in ("en", "id") for name in ("report.html", "report.md", "report.docx")
        }
        folder = report_folder(app.state.project)
        for lang, words in (("en", '<html lang="en"'), ("id", '<html lang="id"')):
            assert words in (folder / lang / "report.html").read_text(encoding="utf-8")
            dl = c.get(f"/analysis/report/{lang}/report.html")
            assert dl.status_code == 200 and words in dl.text
            assert f'filename="report-{lang}.html"' in dl.headers["content-disposition"]
            md = c.get(f"/analysis/report/{lang}/report.md").text
            assert md.startswith({"en": "# Findings report", "id": "# Laporan temuan"}[lang]) and md == (
                folder / lang / "report.md"
            ).read_text("utf-8")
        page = c.get("/analysis", params={"view": "report"}).text
        links = page[page.index('id="report-files"') : page.index("</div>", page.index('id="report-files"'))]
        assert 'href="/analysis/report/en/report.docx"' in links and 'href="/analysis/report/id/report.docx"' in links
        assert "Download report.html (English)" in links and "Download report.html (Indonesian)" in links
        assert c.get("/analysis/report/fr/report.html").status_code == 404
        assert c.get("/analysis/report/en/other.txt").status_code == 404


def test_the_indonesian_page_names_the_languages(
    project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    build_sample(project_location)
    with logged_in(project_location, lang="id") as (_app, c, csrf):
        assert c.post("/api/report", json={"lang": "en"}, headers={"X-Makna-CSRF": csrf}).status_code == 200
        r = c.post("/api/report", json={"lang": "id"}, headers={"X-Makna-CSRF": csrf})
        labels = {f["label"] for f in r.json()["files"]}
        assert "report.md (Bahasa Inggris)" in labels and "report.md (Bahasa Indonesia)" in labels
        page = c.get("/analysis", params={"view": "report"}).text
        assert "Unduh report.html (Bahasa Inggris)" in page and "Unduh report.html (Bahasa Indonesia)" in page


def test_the_cli_does_not_write_one_language_over_another(project_location: str, tmp_path: Path) -> None:
    build_sample(project_location)
    runner = CliRunner()
    out = tmp_path / "laporan"
    first = runner.invoke(cli, ["report", "-p", project_location, "-o", str(out), "--lang", "id"])
    assert first.exit_code == 0, first.output
    before = (out / "report.html").read_bytes()
    second = runner.invoke(cli, ["report", "-p", project_location, "-o", str(out), "--lang", "en"])
    assert second.exit_code != 0
    assert "holds the Indonesian report" in second.output and "-o" in second.output, second.output
    assert (out / "report.html").read_bytes() == before  # nothing changed
    again = runner.invoke(cli, ["report", "-p", project_location, "-o", str(out), "--lang", "id"])
    assert again.exit_code == 0, again.output  # the same language is written again, as before
    other = runner.invoke(cli, ["report", "-p", project_location, "-o", str(tmp_path / "report-en"), "--lang", "en"])
    assert other.exit_code == 0, other.output
    assert '<html lang="en"' in (tmp_path / "report-en" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in (out / "report.html").read_text(encoding="utf-8")
