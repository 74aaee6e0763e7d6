"""A hand-made foreign .qdpx with everything tools do differently: every problem is reported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import makna
from makna.exchange import import_qdpx

G = "{{{:08X}-0000-0000-0000-000000000000}}".format  # upper case with braces, as some tools write


def _build(path: Path) -> Path:
    text = "\ufeffP: Halo 😀 semua\r\nI: Terima kasih\r\n"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="NVivo 14">
 <Users><User guid="{G(1)}" name="Ana"/></Users>
 <CodeBook><Codes>
  <Code guid="{G(10)}" name="Greeting" isCodable="true" color="#f0a"><Description>Says hello</Description>
   <Code guid="{G(11)}" name="Greeting" isCodable="false"/></Code>
 </Codes></CodeBook>
 <Variables><Variable guid="{G(20)}" name="Age" typeOfVariable="Integer"/>
  <Variable guid="{G(21)}" name="Seen" typeOfVariable="DateTime"/></Variables>
 <Cases><Case guid="{G(30)}" name="Ana">
  <VariableValue><VariableRef targetGUID="{G(20)}"/><IntegerValue>31</IntegerValue></VariableValue>
  <VariableValue><VariableRef targetGUID="{G(21)}"/><DateTimeValue>2020-01-01T10:00:00Z</DateTimeValue></VariableValue>
  <VariableValue><VariableRef targetGUID="{G(20)}"/><TextValue>old</TextValue></VariableValue>
  <SourceRef targetGUID="{G(40)}"/><SelectionRef targetGUID="{G(52)}"/></Case></Cases>
 <Sources>
  <TextSource guid="{G(40)}" name="interview" plainTextPath="internal://{G(40)[1:-1]}.txt">
   <PlainTextSelection guid="{G(50)}" startPosition="3" endPosition="10" creatingUser="{G(1)}">
    <Coding guid="{G(60)}" creatingUser="{G(1)}" creationDateTime="2024-05-06T07:08:09Z"><CodeRef targetGUID="{G(10)}"/>
     <NoteRef targetGUID="{G(80)}"/></Coding>
    <Coding guid="{G(61)}" creatingUser="{G(2)}"><CodeRef targetGUID="{G(99)}"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="{G(51)}" startPosition="7" endPosition="9"><Coding guid="{G(62)}"><CodeRef targetGUID="{G(11)}"/></Coding></PlainTextSelection>
   <PlainTextSelection guid="{G(52)}" startPosition="18" endPosition="33"/>
   <PlainTextSelection guid="{G(53)}" startPosition="0" endPosition="500"><Coding guid="{G(63)}"><CodeRef targetGUID="{G(10)}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="{G(41)}" name="inline"><PlainTextContent>Inline text here.</PlainTextContent>
   <Coding guid="{G(64)}"><CodeRef targetGUID="{G(11)}"/></Coding></TextSource>
  <TextSource guid="{G(42)}" name="gone" plainTextPath="relative://missing.txt">
   <PlainTextSelection guid="{G(54)}" startPosition="0" endPosition="2"><Coding guid="{G(65)}"><CodeRef targetGUID="{G(10)}"/></Coding></PlainTextSelection></TextSource>
  <PictureSource guid="{G(43)}" name="photo" path="internal://x.jpg"/>
 </Sources>
 <Notes><Note guid="{G(80)}" name="On hello"><PlainTextContent>Nice greeting</PlainTextContent></Note>
  <Note guid="{G(81)}"><PlainTextContent>Loose note</PlainTextContent></Note></Notes>
 <Sets><Set guid="{G(90)}" name="Mixed"><MemberCode targetGUID="{G(10)}"/><MemberSource targetGUID="{G(40)}"/></Set></Sets>
</Project>"""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Export.qde", qde)
        zf.writestr(f"Sources/{G(40)[1:-1]}.txt", text.encode("utf-8"))
    return path


def test_foreign_file(project: makna.Project, tmp_path: Path) -> None:
    report = import_qdpx(project, _build(tmp_path / "foreign.qdpx"))
    assert (report.sources, report.codes, report.cases, report.attributes, report.sets) == (2, 2, 1, 2, 2)
    assert report.offsets.startswith("UTF-16")
    reasons = [str(p) for p in report.unmapped]
    assert any("00000063-0000" in r and "not in the codebook" in r for r in reasons)  # missing code reported
    assert any("inside a character" in r for r in reasons)  # 7:9 splits the emoji's surrogate pair
    assert any("beyond the text" in r for r in reasons)
    assert any("'gone'" in r for r in reasons)
    assert len(report.unmapped) == 4
    assert any("PictureSource" in n for n in report.notes)
    assert any("DateTime imported as text" in n for n in report.notes)
    assert any("attribute 'Age': 'old' is not a valid integer" in n for n in report.notes)
    text = makna.get_source(project, "interview").text
    assert text == "P: Halo 😀 semua\nI: Terima kasih\n"
    seg = makna.get_segment(project, "0000003c-0000-0000-0000-000000000000")
    assert text[seg.start:seg.end] == "Halo 😀"
    assert seg.created_at is not None and seg.created_at.year == 2024
    whole = makna.get_segment(project, "00000040-0000-0000-0000-000000000000")
    assert (whole.start, whole.end) == (0, len("Inline text here."))
    codes = makna.list_codes(project)
    assert [c.color for c in codes][0] == "#FF00AA" and len({c.key for c in codes}) == 2
    (ana,) = makna.list_cases(project)
    assert ana.values["Age"] == 31 and ana.values["Seen"] == "2020-01-01T10:00:00Z"
    links = {(link.start, link.end) for link in makna.list_links(project)}
    assert links == {(None, None), (text.index("I:"), text.index("I:") + len("I: Terima kasih"))}
    memos = {m.text: m.target_kind for m in makna.list_memos(project)}
    assert memos == {"Nice greeting": "segment", "Loose note": "project"}
    assert sorted(s.name for s in makna.list_sets(project)) == ["Mixed (codes)", "Mixed (sources)"]
