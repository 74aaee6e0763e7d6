"""A code deleted or merged while a coder's page still offers it (a seventh trial, #11): the refusal says
what happened to it, by whom, instead of "unknown code '<id>'"."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.coding import SegmentSpec, code_one
from makna.errors import UnknownCodeError
from makna.web.errors_i18n import translate_error

TEXT = "P: Bagaimana keluarga?\nI: Istri saya jual ikan asap di depan rumah.\n"


def _setup(project: Any) -> tuple[str, str]:
    makna.import_text(project, "nelayan.txt", TEXT, language="id")
    family = makna.add_code(project, "family", "Family")
    makna.add_code(project, "pay", "Pay")
    return "nelayan.txt", family.id


def test_coding_with_a_deleted_code_says_it_was_deleted_and_by_whom(project: Any) -> None:
    source, family = _setup(project)
    makna.delete_code(project, family)  # the manager's page deletes by id
    with pytest.raises(UnknownCodeError) as err:
        code_one(project, SegmentSpec(source, 0, 5, family))
    message = str(err.value)
    assert message == (
        f"unknown code '{family}': 'family' was deleted by tester; the codebook changed since it "
        "was read (reload it, or see 'makna codebook')"
    )
    assert translate_error(message, "id") == (
        "kode 'family' telah dihapus oleh tester: buku kode berubah sejak halaman ini dibaca; muat ulang halaman"
    )
    with pytest.raises(UnknownCodeError, match=r"unknown code 'nothing' \(see 'makna codebook'\)"):
        code_one(project, SegmentSpec(source, 0, 5, "nothing"))  # never there: as before


def test_coding_with_a_merged_code_names_the_code_it_went_into(project: Any) -> None:
    source, family = _setup(project)
    makna.merge_codes(project, "family", "pay")
    with pytest.raises(UnknownCodeError) as err:
        code_one(project, SegmentSpec(source, 0, 5, family))
    assert "'family' was merged into 'pay' by tester" in str(err.value)
    assert translate_error(str(err.value), "id").startswith("kode 'family' telah digabung ke 'pay' oleh tester")
    with pytest.raises(UnknownCodeError, match="was merged into 'pay'"):
        code_one(project, SegmentSpec(source, 0, 5, "family"))  # by key too
