"""Small fictional survey files for the tests: a CSV and a hand-built .xlsx (no spreadsheet library)."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from makna.exchange.flat import _column_name as _col  # A, B, ... Z, AA: the export's own

HEADER = ["Respondent", "Age band", "Site", "What do you like about your work?", "What would you change?"]
ROWS = [
    [
        "R1",
        "25-34",
        "Surabaya",
        "I like the people, and the flexible hours. Mostly the mornings.",
        "More money, and less paperwork for the drivers",
    ],
    ["R2", "35-44", "Leeds", "Being outside all day and talking with the customers on my route", ""],
    [
        "R3",
        "",
        "Makassar",
        "Saya suka kerja di sini karena teman-temannya ramah dan baik sekali",
        "Jam kerja yang lebih pendek dan gaji yang dibayar tepat waktu",
    ],
]


def survey_csv(header: list[str] | None = None, rows: list[list[str]] | None = None, *, delimiter: str = ",") -> str:
    """The survey as CSV text (every cell quoted, so that commas and line breaks in answers survive)."""
    out = []
    for row in [header or HEADER, *(rows if rows is not None else ROWS)]:
        out.append(delimiter.join('"' + cell.replace('"', '""') + '"' for cell in row))
    return "\r\n".join(out) + "\r\n"


def survey_xlsx(
    header: list[str] | None = None,
    rows: list[list[str]] | None = None,
    *,
    formulas: dict[str, tuple[str, str | None]] | None = None,
    extra: dict[str, bytes] | None = None,
    sheet_xml: bytes | None = None,
) -> bytes:
    """An .xlsx whose first sheet holds the rows (strings shared, as Excel writes them); ``formulas`` maps
    a cell (``"C2"``) to its formula and the value saved with it; ``extra`` adds archive entries."""
    table = [header or HEADER, *(rows if rows is not None else ROWS)]
    shared: list[str] = []
    formulas = formulas or {}
    lines = []
    for r, row in enumerate(table, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if ref in formulas:
                f, v = formulas[ref]
                saved = f"<v>{escape(v)}</v>" if v is not None else ""
                cells.append(f'<c r="{ref}" t="str"><f>{escape(f)}</f>{saved}</c>')
            elif value:
                shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = sheet_xml or f'<worksheet xmlns="{main}"><sheetData>{"".join(lines)}</sheetData></worksheet>'.encode()
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
    parts = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Jawaban" sheetId="1" '
        f'r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="worksheet" '
        b'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{sst}</sst>'.encode(),
        "xl/worksheets/sheet1.xml": sheet,
        **(extra or {}),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()
