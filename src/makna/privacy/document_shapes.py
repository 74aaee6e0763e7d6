"""Identity documents' numbers by the shape their specifications give them, with no cue (issue #11, round 24).

Passports (ICAO 9303 allows nine characters; most countries issue one or two letters and six to eight digits:
Indonesia ``X1234567``, India ``A1234567``, Kenya and Nigeria ``A12345678``, the Philippines ``P1234567A`` with a
trailing letter, Malaysia ``A12345678``), the Indian voter card (three letters and seven digits), residence
cards and many national identity cards share one shape: **one to three capital letters glued to six to eight
digits, maybe one check letter after them** (``AB1234567``), or one letter, a space and seven digits as an
Indonesian passport is often typed (``C 4471092``). Interviews hold few other codes of that shape; the ones they
hold have their own word before them in the clause (an order's, a parcel's, a receipt's, a booking's, a flight's,
an account's, a model's or a product's), and such a code is left alone here, as are a code glued to other
characters (``INV-2024``, ``#A1234567``, ``JP8812290041``: ten digits) and letters that are a word or a unit
(``ID``, ``NO``, ``RP``, ``KM``).

Only shapes from public specifications and the words of other codes: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import DIGIT_RUN_LINES, lines_finditer
from .types import Detection

__all__ = ["NOT_LETTERS", "OTHER_CODE", "find_document_shapes"]

_SHAPE: Final = re.compile(
    r"(?<![\w\-/#@.+&])(?:(?P<l>[A-Z]{1,3})\d{6,8}[A-Z]?|(?P<s>[A-HJ-Z])[ ]\d{7})(?![\w\-/@%]|[.,]\d)"
)
NOT_LETTERS: Final = frozenset(
    "ID NO RP RM HP WA PO TV KM KG CM MM ML GB MB KB TB RT RW PT CV UD SN SKU REF INV ORD NR TEL FAX USD IDR "
    "SGD MYR PHP AUD EUR GBP JPY".split()
)
OTHER_CODE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:order|orders|invoice|receipt|tracking|resi|booking|ticket|tiket|reference|ref|serial|"
    r"parcel|package|paket|pesanan|transaksi|transaction|account|rekening|policy|polis|claim|case|flight|"
    r"penerbangan|kode|code|voucher|promo|model|part|sku|item|barang|product|produk|batch|lot|meter|token|"
    r"invoice|faktur|nota|struk|kuitansi|booking|pnr|container|kontainer|awb|waybill|shipment)(?![\w\-]))"
)


def find_document_shapes(text: str) -> Iterator[Detection]:
    """Codes of an identity document's shape with no other code's word before them in the clause."""
    for m in lines_finditer(_SHAPE, DIGIT_RUN_LINES, text):
        letters = m.group("l") or m.group("s")
        if letters in NOT_LETTERS:
            continue
        line0 = text.rfind("\n", 0, m.start()) + 1
        clause = max(text.rfind(c, line0, m.start()) for c in ".;!?") + 1
        if OTHER_CODE.search(text, max(line0, clause, m.start() - 80), m.start()):
            continue
        yield Detection(m.start(), m.end(), "NATIONAL_ID", 0.75, "id.document_shape", m.group(0))
