"""``deid apply`` moves a chat export's turn time stamps by the project's one date offset (#deidtimes)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

import makna
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply, open_key
from makna.privacy.times import shift_stamp, stamp_date
from makna.store import tables

PASS = "turn times passphrase"
CHAT = (
    "12/08/26 19.02 - Rina: Besok ketemu di Padang ya, tanggal 14 Agustus 2026\n"
    "12/08/26 19.05 - Sari: Oke, jam 8 malam\n"
    "13/08/26 07.30 - Rina: Jadi ya\n"
)
ORIGINAL_STAMPS = ("2026-08-12", "2026-08-13", "12/08/26", "13/08/26")


def test_shift_stamp() -> None:
    assert shift_stamp("2026-08-12T19:02", -332) == "2025-09-14T19:02"
    assert shift_stamp("2026-03-01T00:00:05", -1) == "2026-02-28T00:00:05"
    assert shift_stamp("00:01:23", 40) == "00:01:23"
    assert shift_stamp(None, 40) is None
    assert stamp_date("2026-02-30T10:00") is None


@pytest.mark.filterwarnings("ignore:The Result.tuples:DeprecationWarning")
def test_apply_shifts_chat_turn_times(project: makna.Project, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Rina.txt"
    path.write_text(CHAT, encoding="utf-8")
    makna.import_file(project, path)
    scan(project)
    decide_all(project, "accepted")
    key_path = tmp_path / "k.key"
    apply(project, key_path, PASS)
    offset = int(open_key(project, key_path, PASS).mapping.date_offset or 0)
    assert abs(offset) >= 7
    with project.store.read() as conn:
        times = [r.time_start for r in conn.execute(select(tables.turns).order_by(tables.turns.c.number))]
        text = conn.execute(select(tables.sources.c.text)).scalar_one()
    want = [(dt.datetime.fromisoformat(s) + dt.timedelta(days=offset)).isoformat(timespec="minutes")
            for s in ("2026-08-12T19:02", "2026-08-12T19:05", "2026-08-13T07:30")]
    assert times == want
    # the date in the text moved by the same days
    moved = dt.date(2026, 8, 14) + dt.timedelta(days=offset)
    assert str(moved.year) in text and "14 Agustus 2026" not in text
    # the original dates are in no table and no export
    with project.store.read() as conn:
        for table in tables.metadata.sorted_tables:
            blob = json.dumps([list(r) for r in conn.execute(select(table)).all()], default=str, ensure_ascii=False)
            assert not [s for s in ORIGINAL_STAMPS if s in blob], table.name
    from makna.exchange import export_qdpx, write_json

    write_json(project, tmp_path / "p.json")
    blob = (tmp_path / "p.json").read_text(encoding="utf-8")
    assert want[0] in blob and not [s for s in ORIGINAL_STAMPS if s in blob]
    export_qdpx(project, tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as zf:
        for member in zf.namelist():
            content = zf.read(member).decode("utf-8", "replace")
            assert not [s for s in ORIGINAL_STAMPS if s in content], member
    # a second apply keeps the offset (the stamps locked it)
    assert open_key(project, key_path, PASS).mapping.surrogates["DATE"]["2026-08-12"] == want[0][:10]
