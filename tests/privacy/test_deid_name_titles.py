"""Titles inside a PERSON span (Daeng, Haji, Teuku, Cut, Raden...) stay in the surrogate; an honorific's
gender passes through them (#deidtimes defect 4)."""

from __future__ import annotations

import pytest

from makna.privacy.naming import honorific_gender, is_title, token_gender
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.types import Detection


def _det(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 1.0, "test", name)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Saya ketemu Rahmat Daeng Tompo di pasar.", "Rahmat Daeng Tompo", "Daeng"),
    ("Yang punya toko H. Syamsul Bahri.", "H. Syamsul Bahri", "H."),
    ("Kata Teuku Rizal dia sudah pulang.", "Teuku Rizal", "Teuku"),
    ("Anaknya Raden Bagus Santoso.", "Raden Bagus Santoso", "Raden"),
])
def test_title_kept_inside_person(text: str, name: str, title: str) -> None:
    new, reps = pseudonymise(text, [_det(text, name)], mode="surrogate", mapping=KeyMapping(), language="id")
    words = reps[0].replacement.split()
    assert title in words and len(words) == len(name.split())
    assert [w for w in words if w != title] != [w for w in name.split() if w != title]
    assert words.index(title) == name.split().index(title)
    assert not (set(name.split()) - {title}) & set(words)


def test_andi_is_replaced_like_a_name() -> None:
    """Outside Sulawesi and a Bugis name, ``Andi`` is a given name (the title: test_deid_sulawesi_titles)."""
    assert not is_title("Andi")
    text = "Namanya Andi Saputra."
    _new, reps = pseudonymise(text, [_det(text, "Andi Saputra")], mode="surrogate", mapping=KeyMapping(),
                              language="id")
    assert "Andi" not in reps[0].replacement


def test_honorific_gender_passes_through_titles() -> None:
    text = "Kata Pak Haji Rahmat, Bu Hj. Siti dan Cut Nyak datang."
    assert honorific_gender(text, text.index("Rahmat")) == "m"
    assert honorific_gender(text, text.index("Siti")) == "f"
    assert honorific_gender(text, text.index("Nyak")) == "f"
    assert honorific_gender("Ibu Haji Ani", len("Ibu Haji ")) == "f"  # the honorific comes first
    # a male surrogate for an ambiguous name after "Pak Haji"
    mapping = KeyMapping()
    for i in range(5):
        t = f"Pak Haji Nur{'x' * i} bilang."
        _new, reps = pseudonymise(t, [_det(t, f"Nur{'x' * i}")], mode="surrogate", mapping=mapping, language="id")
        assert token_gender(reps[0].replacement) in {"m", None}


@pytest.mark.parametrize(("text", "name", "particle"), [
    ("R2: Saya Rosmawati binti Usman, 36 tahun.", "Rosmawati binti Usman", "binti"),
    ("Yang pinjam uang itu Ahmad bin Salim.", "Ahmad bin Salim", "bin"),
    ("My tutor was Pieter van Dijk.", "Pieter van Dijk", "van"),
    ("She works with Ana dos Santos.", "Ana dos Santos", "dos"),
])
def test_a_particle_inside_a_name_stays_as_written(text: str, name: str, particle: str) -> None:
    """A patronymic or a surname particle joins a name's parts: it names no one, and replaced by a drawn name it
    read as a lower-case name ("Rosmawati binti Usman" -> "Sabrina sudiati Jumadil", trial10)."""
    _new, reps = pseudonymise(text, [_det(text, name)], mode="surrogate", mapping=KeyMapping(), language="id")
    words = reps[0].replacement.split()
    assert len(words) == 3 and words[1] == particle
    assert not {w for w in name.split() if w != particle} & set(words)
    assert all(w[0].isupper() for w in (words[0], words[2]))


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("Yang datang itu binti Usman, katanya.", "binti Usman", (0, "binti")),  # review21: a span opening with it
    ("My tutor was van der Berg.", "van der Berg", (0, "van")),
    ("Namanya Rosmawati binti, lupa lanjutannya.", "Rosmawati binti", (1, "binti")),  # a span ending with it
])
def test_a_particle_at_a_name_s_edge_stays_as_written(text: str, name: str, kept: tuple[int, str]) -> None:
    _new, reps = pseudonymise(text, [_det(text, name)], mode="surrogate", mapping=KeyMapping(), language="id")
    words = reps[0].replacement.split()
    assert len(words) == len(name.split()) and words[kept[0]] == kept[1]
    assert not {w for w in name.split() if w not in {"binti", "van", "der"}} & set(words)
