"""URL and DATE shapes, round twenty-eight (shapes28, issue #11).

* a day/month pair only a date can be (one number a day above twelve, the other a month: ``14/10``, ``8/14``) is a
  date without a cue; a unit and house number before a street (``3/18 Corella Parade``), a pair after a number's
  noun (``No. 14/2``, ``RT 14/02``, ``nilai 15/10``), ``24/7``, fractions and scores are not;
* a host under a registry's second level (``auntiesbakery.co.nz``) is a web address, never a user name, even after
  a platform word (``page``); a dotted user name under a bare country code stays a handle.

The open case table of ``tests/privacy/shapes28cases`` must be found whole; the sealed third is scored only in
aggregate, by ``benchmarks/shapes28_cases.py --sealed``.
"""

from __future__ import annotations

import pytest
from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.dates import find_more_dates
from makna.privacy.handles import made_up
from makna.privacy.url_forms import under_registry

_FOLDER = _TABLE.CASES.parent / "shapes28cases"


@open_cases("shapes28cases")
def test_open_case(case: _TABLE.Case) -> None:
    assert _TABLE.check(case, alarms=frozenset({"URL", "DATE"}), whole=True) == []


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_FOLDER)


def _pairs(text: str) -> set[str]:
    return {d.text for d in find_more_dates(text) if d.detector == "date.pair"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kami ketemu lagi 30/10 di balai desa, habis panen.", "30/10"),
        ("Surat keduanya sampai, 14/11. Isinya sama saja.", "14/11"),
        ("They suspended my account 8/14 after one complaint.", "8/14"),
        ("Came back 9/15, no explanation.", "9/15"),
        ("Catatan lapangan\n21/3\nPeneliti datang pagi.", "21/3"),
        ("Pembayarannya ditahan hingga 15/6, katanya.", "15/6"),
        ("We were told to leave by 10/4 at the latest.", "10/4"),
    ],
)
def test_pairs_only_a_date_can_be_are_dates(text: str, value: str) -> None:
    assert value in _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "My address is 4/27 Quarrion Court, near the station.",  # a unit and a house number before the street
        "Rumahnya di Jl. Kenari No. 14/2, dekat musala.",
        "Alamatnya RT 14/02, RW 3, kampung sebelah.",
        "Nilainya 15/10, katanya bonus.",
        "Kami kerja 24/7 waktu banjir.",
        "We worked 24/7 during the floods.",
        "About 3/4 of the riders signed, and 10/10 would again.",
        "Layarnya rasio 16/9, lebar sekali.",
        "Unit 13/5 is my cousin's flat.",
        "Sebelum 3/6 harus lunas, separuh dulu.",  # a proper fraction's shape: a cue is not enough
        "my address is 4/27 quarrion court, braybrook.",  # lower case: the street's type says it
        "we live at 7/15 lakeside drive now.",
    ],
)
def test_number_pairs_that_are_not_dates(text: str) -> None:
    assert not any(d.type == "DATE" and "/" in d.text for d in detect(text, language="id"))


def test_a_host_under_a_registry_is_never_a_user_name() -> None:
    assert under_registry("auntiesbakery.co.nz") and under_registry("tokoroti.or.id")
    assert not under_registry("sari.kg") and not under_registry("rosi.tanna.vu") and not under_registry("co.nz")
    assert not made_up("auntiesbakery.co.nz") and made_up("sari.kedai.vu")
    for text, lang in (
        ("Resp: The shop's page is auntiesbakery.co.nz, mostly cake photos.", "en"),
        ("Resp: Page tokonya kuehjahe-mama.co.za, saya pesan dari situ.", "id"),
    ):
        found = [d for d in detect(text, language=lang) if d.type in ("URL", "HANDLE")]
        assert [d.type for d in found] == ["URL"], found


def test_a_dotted_user_name_after_a_platform_stays_a_handle() -> None:
    found = [d for d in detect("Resp: Follow sari.kedai.vu on Instagram, she posts daily.", language="en")]
    assert [(d.type, d.text) for d in found if d.type in ("URL", "HANDLE")] == [("HANDLE", "sari.kedai.vu")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They paid once, and again on Sat 15/02. Nothing after.", "Sat 15/02"),  # at a sentence's end
        ("Dia datang hari Rabu 6/3. Habis itu hilang.", "Rabu 6/3"),
        ("respondent: sat 18/10, at the park by the river.", "sat 18/10"),  # in lower case
        ("tues 28/10 — mama came to visit.", "tues 28/10"),
        ("Kami ketemu jumat 26/9, habis magrib.", "jumat 26/9"),
    ],
)
def test_a_weekday_before_a_pair_is_one_date_with_it(text: str, value: str) -> None:
    start = text.index(value)
    found = [d for d in detect(text, language="en") if d.type == "DATE"]
    assert any(d.start <= start and d.end >= start + len(value) for d in found), found
