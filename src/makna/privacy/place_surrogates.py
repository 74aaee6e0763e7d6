"""What a place's surrogate must avoid and follow: the part of a project's re-identification key
(:class:`makna.privacy.pseudonymise.KeyMapping`) that keeps place surrogates apart from every original
place and keeps a district inside its city's surrogate (issue #11, section 4).

* A place's surrogate is never an original place of the project (the key's originals, its reserved
  identifiers) nor of the text being rewritten (its LOCATION detections, even those not replaced yet),
  compared case- and accent-insensitively, whole or by the part before a comma
  (:func:`makna.privacy.districts.fold_place`), nor a surrogate another place already has:
  :attr:`SurrogateGenerator.avoid
  <makna.privacy.surrogates.SurrogateGenerator.avoid>` leaves them out of every pool.
* A district the district table places in one regency or city follows that city: its surrogate is a
  district of the city's surrogate (``Kuranji, Padang`` -> a district of the city ``Padang`` became),
  whatever the order of mention, since :func:`makna.privacy.pseudonymise.pseudonymise` draws the text's
  cities first (:meth:`PlaceSurrogates.cities_first`); where no text named the city yet, its surrogate is
  drawn then and kept for its later mentions, so the surrogate district never shows the real regency.

:class:`PlaceSurrogates` is a mixin: :class:`~makna.privacy.pseudonymise.KeyMapping` holds the state
it declares below."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .districts import MIN_OTHERS, district_regencies, fold_place, regency_codes, regency_districts, regency_name
from .person_surrogates import _place_key
from .regions import NATIONAL, is_country
from .surrogates import SurrogateGenerator, split_place
from .types import Detection

__all__ = ["PlaceSurrogates", "place_forms"]


def place_forms(name: str) -> frozenset[str]:
    """The forms of a place name an original blocks: whole, its own name without a type word
    (``Kuranji`` of ``Kecamatan Kuranji``), and each before a comma (``Kuranji`` of ``Kuranji, Padang``)."""
    core = split_place(name)[1]
    forms = {fold_place(name), fold_place(core), fold_place(name.split(",")[0]), fold_place(core.split(",")[0])}
    return frozenset(forms - {""})


class PlaceSurrogates:
    """Place-surrogate constraints of a :class:`~makna.privacy.pseudonymise.KeyMapping`."""

    surrogates: dict[str, dict[str, str]]
    places: dict[str, str]
    reserved: set[str]
    _gen: SurrogateGenerator
    _pending: set[str]
    _forms: dict[str, frozenset[str]]
    _in_city: bool

    def place_avoid(self, original: str) -> frozenset[str]:
        """Every original place form a surrogate of ``original`` must not be (see the module docstring), and
        every place surrogate already given (``Pulau-Sembilan`` blocks ``Pulau Sembilan``)."""
        out: set[str] = set()
        table = self.surrogates.get("LOCATION", {})
        given = (*table.values(), *self.places.values())
        for name in (*table, *self.places, *self.reserved, *self._pending, original, *given):
            forms = self._forms.get(name)
            if forms is None:
                forms = self._forms[name] = place_forms(name)
            out |= forms
        return frozenset(out)

    def district_home(self, core: str, draw: Callable[[str], object] | None = None) -> tuple[str, ...] | None:
        """The districts a district ``core`` may become: those of its city's surrogate, where the district
        table places it in one regency (of the province in use); a city no text named yet gets its surrogate
        from ``draw`` (its table name, ``Kota Padang``: kept as a place only, not as an original). ``()``
        where that surrogate is no regency of the table or has too few districts (the province's, then);
        None where the table places the district in no one regency, or the city has no surrogate."""
        region = self._gen.region
        province = region if region not in (None, NATIONAL) and not is_country(region) else None
        codes = {c for c in district_regencies(core) if province is None or c.split(".")[0] == province}
        if len(codes) != 1:
            return None
        code = codes.pop()
        kind, _sep, city = regency_name(code).partition(" ")
        if _place_key(city) not in self.places and draw is not None:
            draw(regency_name(code))
        new = self.places.get(_place_key(city))
        if new is None:
            return None
        # "Solok" is a city of two districts and a regency of many: the one with enough, of the same province
        # and kind first
        candidates = sorted(
            (c for c in regency_codes(new) if c != code and len(regency_districts(c)) > MIN_OTHERS),
            key=lambda c: (c.split(".")[0] != code.split(".")[0], not regency_name(c).startswith(kind + " "), c),
        )
        return regency_districts(candidates[0]) if candidates else ()

    def cities_first(self, dets: Iterable[Detection], draw: Callable[[Detection], object]) -> None:
        """Before a text is rewritten: ``draw`` the surrogate of every regency or city it names that is the
        regency of a district it names, so that the district follows the city's surrogate whatever the order."""
        places = [(d, split_place(d.text)[1]) for d in dets if d.type == "LOCATION"]
        homes = {c for _d, core in places for c in district_regencies(core)}  # the regencies of its districts
        for det, core in places:
            if (regency_codes(det.text) | regency_codes(core)) & homes:
                self._gen.with_districts = True  # a city with districts to take its districts
                try:
                    draw(det)
                finally:
                    self._gen.with_districts = False
