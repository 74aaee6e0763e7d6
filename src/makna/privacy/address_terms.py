"""Address and kinship terms of Indonesia's regions and of English varieties (``data/address_terms.tsv``).

Said before a name they show that a name follows and stay outside its span ("Acil Ilah", "Txiv Neng",
"anh Khoa" give "Ilah", "Neng", "Khoa"); said alone ("Terima kasih, Cil", "Thanks Nan", "Selamat malam Mamiq")
they are never a name. The table records each term's region and meaning and where it comes from; terms that
are also common given names are left out of it (they stay names).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Final

__all__ = ["ADDRESS_BEFORE", "ADDRESS_TERMS", "address_table"]


@cache
def address_table() -> tuple[tuple[str, str, str, str], ...]:
    """The rows of the table: (term, kind, region, meaning); kind is ``before`` or ``alone``."""
    path = resources.files("makna.privacy") / "data" / "address_terms.tsv"
    rows: list[tuple[str, str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, kind, region, meaning = line.split("\t")
            rows.append((term, kind, region, meaning))
    return tuple(rows)


ADDRESS_BEFORE: Final[frozenset[str]] = frozenset(t for t, kind, _, _ in address_table() if kind == "before")
"""Terms said before a name (as written: a lower-case term only in lower case)."""
ADDRESS_TERMS: Final[frozenset[str]] = frozenset(t for t, *_ in address_table())
"""Every term of the table: never a name on its own."""
