"""newuser15: the Indonesian de-identification page showed each detection's confidence as 0.99, where
Indonesian writes 0,99 (as the Indonesian report writes 87,5% and the pages group 1.650); decimals on the
pages now take the page's decimal mark (#11)."""

from __future__ import annotations

import re
from pathlib import Path

from pages_helpers import build_private, logged_in
from web_helpers import build_sample

from makna.web.render import decimal

CELL = re.compile(r'<td class="num" role="cell">(\d[.,]\d\d)</td>')


def test_the_indonesian_review_table_writes_confidences_with_a_decimal_comma(tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_private(location)
    with logged_in(location, lang="id") as (_app, c, csrf):
        assert c.post("/api/deid/scan", json={}, headers={"X-Makna-CSRF": csrf}).status_code == 200
        shown = CELL.findall(c.get("/deid").text)
    assert shown and all("," in v and "." not in v for v in shown), shown
    with logged_in(location, lang="en") as (_app, c, _csrf):
        shown_en = CELL.findall(c.get("/deid").text)
    assert shown_en == [v.replace(",", ".") for v in shown], (shown, shown_en)


def test_decimal_follows_the_language() -> None:
    assert decimal(0.6517, 3, "id") == "0,652" and decimal(0.6517, 3, "en") == "0.652"
    assert decimal(1.0, 2, "id") == "1,00"


def test_the_indonesian_cooccurrence_table_writes_the_c_coefficient_with_a_decimal_comma(tmp_path: Path) -> None:
    location = str(tmp_path / "study.makna")
    build_sample(location)
    values = {}
    for lang in ("id", "en"):
        with logged_in(location, lang=lang) as (_app, c, _csrf):
            html = c.get("/analysis", params={"view": "cooccurrence"}).text
        values[lang] = re.findall(r'<td class="num">(\d[.,]\d\d)</td>', html)
    assert values["id"] and all("," in v for v in values["id"]), values
    assert values["en"] == [v.replace(",", ".") for v in values["id"]], values
