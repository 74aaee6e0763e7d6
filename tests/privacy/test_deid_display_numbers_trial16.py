"""A display name never holds a long number as a word of its own (trial16 #3): "Waktu daftar akun, awak masuakan
NIK 1375..." was one HANDLE ``NIK 1375024508990003`` (the platform word "akun" on the line), and its surrogate read
like a name and a number of no province. The number is the identity number it is; a display name with a short
number in it stays a handle."""

from __future__ import annotations

import pytest

from makna.privacy import detect


@pytest.mark.parametrize(
    ("text", "language", "number", "kind"),
    [
        ("I: Waktu daftar akun, awak masuakan NIK 1375024508990003, kato urang tu aman.", "id",
         "1375024508990003", "NATIONAL_ID"),
        ("I: Pas bikin akun FB, saya isi NIK 9901024508990007 juga, katanya wajib.", "id",
         "9901024508990007", "NATIONAL_ID"),
    ],
)
def test_an_identity_number_after_a_platform_line_is_no_handle(text: str, language: str, number: str,
                                                                kind: str) -> None:
    found = detect(text, language=language)
    assert not [d for d in found if d.type == "HANDLE"], [(d.type, d.text, d.detector) for d in found]
    at = text.index(number)
    assert any(d.type == kind and d.start <= at and d.end >= at + len(number) for d in found), found


def test_a_display_name_with_a_short_number_stays_a_handle() -> None:
    text = "I: Akun FB-nya Rina Kue 88, kalau mau cari."
    assert [(d.type, d.text) for d in detect(text, language="id") if d.type == "HANDLE"] == [("HANDLE", "Rina Kue 88")]
