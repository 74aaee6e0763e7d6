"""REFI-QDA codebooks (.qdc): export validates, round trip keeps everything, import updates by GUID/key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import makna
from makna.errors import ExchangeError
from makna.exchange import export_qdc, import_qdc


def test_qdc_validates_and_round_trips(project: makna.Project, tmp_path: Path, rich: Any, shared_dir: Path,
                                       fresh_location: Any) -> None:
    rich(project)
    out = tmp_path / "codes.qdc"
    assert export_qdc(project, out) == 5
    schema = etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / "Codebook.xsd")))
    assert schema.validate(etree.parse(str(out))), schema.error_log
    codes = [(c.id, c.key, c.name, c.parent_id, c.color, c.definition, c.inclusion, c.exclusion, c.example,
              c.keywords) for c in makna.list_codes(project)]
    with makna.create_project(fresh_location(), coder="t") as other:
        report = import_qdc(other, out)
        assert (report.codes, report.codes_updated, report.sets) == (5, 0, 1)
        assert [(c.id, c.key, c.name, c.parent_id, c.color, c.definition, c.inclusion, c.exclusion, c.example,
                 c.keywords) for c in makna.list_codes(other)] == codes
        (core,) = makna.list_sets(other)
        assert core.name == "Core codes" and core.kind == "codes" and len(core.member_ids) == 2
        # importing again updates, adds nothing
        again = import_qdc(other, out)
        assert (again.codes, again.codes_updated, again.sets) == (0, 5, 0)
        assert len(makna.list_codes(other)) == 5


def test_qdc_updates_renamed_code_by_guid(project: makna.Project, tmp_path: Path) -> None:
    code = makna.add_code(project, "trust", "Trust", definition="old")
    out = tmp_path / "c.qdc"
    export_qdc(project, out)
    makna.update_code(project, "trust", new_key="trust.renamed", definition="changed")
    report = import_qdc(project, out)
    assert (report.codes, report.codes_updated) == (0, 1)
    got = makna.get_code(project, code.id)
    assert got.key == "trust.renamed" and got.definition == "old"


def test_foreign_qdc(project: makna.Project, tmp_path: Path) -> None:
    f = tmp_path / "f.qdc"
    f.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti"><Codes>'
                 '<Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Big code" isCodable="true" color="#abc">'
                 '<Description>Defined here</Description>'
                 '<Code guid="aaaaaaaa-0000-0000-0000-000000000002" name="Big code" isCodable="true"/></Code>'
                 '</Codes><Sets><Set guid="aaaaaaaa-0000-0000-0000-000000000009" name="S">'
                 '<MemberCode guid="aaaaaaaa-0000-0000-0000-000000000002"/></Set></Sets></CodeBook>', encoding="utf-8")
    report = import_qdc(project, f)
    assert report.codes == 2 and report.sets == 1
    codes = makna.list_codes(project)
    assert [c.key for c in codes] == ["Big_code", "Big_code.Big_code"]
    assert codes[0].color == "#AABBCC" and codes[0].definition == "Defined here"
    assert codes[0].id == "aaaaaaaa-0000-0000-0000-000000000001"


@pytest.mark.parametrize("body,message", [
    ("<CodeBook", "not well-formed"),
    ('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', "not a REFI-QDA codebook"),
    ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', "no Codes"),
])
def test_bad_qdc(project: makna.Project, tmp_path: Path, body: str, message: str) -> None:
    f = tmp_path / "bad.qdc"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ExchangeError, match=message):
        import_qdc(project, f)
    assert makna.list_codes(project) == []


def test_empty_codebook_export_refused(project: makna.Project, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="empty"):
        export_qdc(project, tmp_path / "x.qdc")
    assert not (tmp_path / "x.qdc").exists()
