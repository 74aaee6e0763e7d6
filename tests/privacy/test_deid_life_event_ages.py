"""An age at a life event where a clock time cannot follow so closely (review21: "I left school at 15" was lost
once the learned layer's numbers became as strict as the rules)."""

from __future__ import annotations

import pytest

from makna.privacy.detect import detect


def _ages(text: str) -> list[str]:
    return [d.text for d in detect(text) if d.type == "AGE"]


@pytest.mark.parametrize(
    ("line", "age"),
    [
        ("Respondent: I left school at 15, then worked at the market.", "15"),
        ("Respondent: She had her first child at 17, so she never finished.", "17"),
        ("Respondent: Dropped out at fifteen, like my mum.", "fifteen"),
        ("Respondent: My cousin left home at sixteen and never came back.", "sixteen"),
        ("Respondent: Mum fell pregnant at 19 with me.", "19"),
        ("Informan: Dia hamil pas 15, terus putus sekolah.", "15"),
        ("Informan: Kakak saya menikah pas 20, di kampung.", "20"),
        ("Informan: Saya putus sekolah waktu enam belas tahun, terus kerja di pasar.", "enam belas tahun"),
        ("Informan: Merantau pas 17 tahun ke Batam.", "17 tahun"),
    ],
)
def test_an_age_at_a_life_event(line: str, age: str) -> None:
    assert age in _ages(line)


@pytest.mark.parametrize(
    "line",
    [
        "Respondent: We left home at 7 to beat the traffic.",  # a clock time: under thirteen
        "Respondent: I left home at 15:30 for the night shift.",
        "Respondent: She left school at 15 minutes past three.",
        "Respondent: She had her first baby at 19 weeks, the scan said.",
        "Informan: Dia hamil pas 15 minggu waktu itu.",
        "Informan: Bayar pas 15 ribu.",
        "Informan: Saya melahirkan pas 20 Mei kemarin.",  # a date, not an age
        "Respondent: We left at 15 minutes past six.",
    ],
)
def test_no_age_where_a_time_a_sum_or_a_date_follows(line: str) -> None:
    assert not _ages(line)
