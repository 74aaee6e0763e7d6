"""Where a source is, from words that are no identifier: postcodes and currencies (surr29, trial19 #4).

A source's surrogate region is inferred from its identifiers (:mod:`makna.privacy.source_regions`): its places,
telephone numbers, identity numbers. A carer in Leeds who names only a suburb no list holds (``Armley``) gave no
vote, and her place surrogate came from the mixed English list (``Phoenix``). Two more kinds of evidence say which
country a text is in without naming a place a list knows:

* a **postcode** of a shape that only one country uses: a UK postcode (``LS12 3AB``), a Canadian one (``M5V 2T6``),
  a US state and ZIP code (``NY 10001``), an Australian state and postcode (``NSW 2000``): one vote each, as a
  place;
* a **currency** named by a sign or word that only one country (of the countries makna's English and Indonesian
  interviews come from) uses: ``£``, ``quid``, ``pence`` (GB), ``US$``, ``S$`` (SG), ``HK$``, ``A$``, ``RM20``
  (MY), ``cedis`` (GH), ``naira`` (NG), ``KSh`` (KE), ``₹`` (IN)... Half a vote, once per currency in a source
  (money is talked about from afar: a remittance in pounds, a price in dollars), the weight of a country named on
  its own (:func:`makna.privacy.regions.region_votes`). A sign or word several countries share (``$``,
  ``dollars``, ``€``, ``rupees``, ``pesos``, ``shillings``, ``pounds``, a weight too) votes for none, nor does
  the rupiah (no province).

:func:`cue_identifiers` gives them as ``(kind, text)`` pairs for :func:`makna.privacy.source_regions.count_votes`
(kinds ``POSTCODE``, ``CURRENCY``), and :func:`cue_votes` their votes. Read by surrogates only, never by
detection: a postcode is an identifier the detectors find on their own (``ADDRESS``); here it only says where.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CURRENCIES", "POSTCODES", "cue_identifiers", "cue_votes"]

_US_STATES: Final = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
                     "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()

POSTCODES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("GB", re.compile(r"(?<![\w-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?) ?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])")),
    ("CA", re.compile(r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])")),
    ("US", re.compile(rf"(?:(?<=\w, )|(?<=\w ))(?:{'|'.join(_US_STATES)}) \d{{5}}(?:-\d{{4}})?(?![\w-])")),
    ("AU", re.compile(r"(?<![\w-])(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT),? \d{4}(?![\w-])")),
)
"""Per country, the shape of a postcode only it uses (case as written: capitals). A US ZIP code counts only after a
state's code that follows a town (``Austin, TX 78701``), an Australian postcode after a state's abbreviation."""

CURRENCIES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("GB", re.compile(r"£|(?<![\w$])GBP(?!\w)|(?i:(?<!\w)(?:quid|pence|sterling)(?!\w))")),
    ("US", re.compile(r"(?<!\w)(?:US\$|USD(?!\w)|U\.S\. dollars?)|(?i:(?<!\w)american dollars?(?!\w))")),
    ("SG", re.compile(r"(?<!\w)(?:S\$|SGD(?!\w))|(?i:(?<!\w)singapore(?:an)? dollars?(?!\w))")),
    ("HK", re.compile(r"(?<!\w)(?:HK\$|HKD(?!\w))|(?i:(?<!\w)hong kong dollars?(?!\w))")),
    ("AU", re.compile(r"(?<!\w)(?:A\$|AU\$|AUD(?!\w))|(?i:(?<!\w)australian dollars?(?!\w))")),
    ("NZ", re.compile(r"(?<!\w)(?:NZ\$|NZD(?!\w))|(?i:(?<!\w)new zealand dollars?(?!\w))")),
    ("CA", re.compile(r"(?<!\w)(?:C\$|CA\$|CAD ?(?=\d))|(?i:(?<!\w)canadian dollars?(?!\w))")),
    ("TW", re.compile(r"(?<!\w)(?:NT\$|NTD(?!\w))|(?i:(?<!\w)taiwan(?:ese)? dollars?(?!\w))")),
    ("MY", re.compile(r"(?<!\w)(?:RM ?\d|MYR(?!\w))|(?i:(?<!\w)ringgit(?!\w))")),
    ("GH", re.compile(r"GH₵|(?<!\w)GHS(?!\w)|(?i:(?<!\w)cedis?(?!\w))")),
    ("NG", re.compile(r"₦|(?<!\w)NGN(?!\w)|(?i:(?<!\w)naira(?!\w))")),
    ("KE", re.compile(r"(?<!\w)(?:KSh|Ksh|KES) ?(?=\d)|(?i:(?<!\w)kenyan shillings?(?!\w))")),
    ("ZA", re.compile(r"(?<!\w)ZAR(?!\w)|(?i:(?<=\d )rands?(?!\w))")),
    ("IN", re.compile(r"₹|(?<!\w)INR(?!\w)")),
    ("JP", re.compile(r"(?<!\w)JPY(?!\w)|(?i:(?<=\d )yen(?!\w))")),
    ("KR", re.compile(r"₩|(?<!\w)KRW(?!\w)")),
    ("AE", re.compile(r"(?<!\w)AED(?!\w)")),
    ("SA", re.compile(r"(?i:(?<!\w)saudi riyals?(?!\w))")),
)
"""Per country, the signs and words of a currency only it uses (see the module documentation)."""

_CURRENCY_WEIGHT: Final = 0.5


def cue_identifiers(text: str) -> list[tuple[str, str]]:
    """The postcodes of ``text`` (``("POSTCODE", "LS12 3AB")``, each once) and its currencies (``("CURRENCY",
    "GB")``, each country once; the code, not the word, so that a source's explanation names no amount), for
    :func:`makna.privacy.source_regions.count_votes`."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for _country, pattern in POSTCODES:
        for m in pattern.finditer(text):
            if (code := " ".join(m.group(0).split())) not in seen:
                seen.add(code)
                out.append(("POSTCODE", code))
    out.extend(("CURRENCY", country) for country, pattern in CURRENCIES if pattern.search(text))
    return out


def cue_votes(kind: str, text: str) -> dict[str, float]:
    """The votes of one of :func:`cue_identifiers`' pairs: a postcode one for its country, a currency half."""
    if kind == "CURRENCY":
        return {text: _CURRENCY_WEIGHT}
    if kind == "POSTCODE":
        found = {country for country, pattern in POSTCODES
                 if (m := pattern.search(f"x, {text}")) is not None and m.group(0) == text}
        return {c: 1.0 / len(found) for c in found}
    return {}
