"""Rebuild ``names_gendered_world.txt``: first names of one gender in every Faker person provider written in
Latin letters (all its locales: European, African, South and Central Asian, Latin American, Arabic-origin
names of ``fr_DZ`` and ``uz_UZ``...), for the gender of a name that makna's main lists (the traditions',
``id_ID`` and the foreign locales of :data:`makna.privacy.naming.COUNTRY_LOCALES`) do not give one. A name
that any provider lists under both genders is left out. Run by hand; not used at run time.

Source: Faker's person providers (MIT), their ``first_names_male`` and ``first_names_female`` tuples.

Usage: ``python -m makna.privacy.data.build_gendered_names``.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

__all__ = ["build"]

HERE = Path(__file__).resolve().parent
_LATIN = re.compile(r"^[A-Z][a-z'\-]+$")


def build() -> int:
    """Write ``names_gendered_world.txt``; return the number of names."""
    import faker  # noqa: PLC0415
    from faker.config import AVAILABLE_LOCALES  # noqa: PLC0415

    seen: dict[str, set[str]] = {}
    for locale in sorted(loc for loc in AVAILABLE_LOCALES if "_" in loc):  # not the base "en" (old US census)
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for gender, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            names = getattr(provider, attr, ())
            names = list(names.keys()) if isinstance(names, dict) else list(names)
            if names and sum(bool(_LATIN.match(n)) for n in names) >= 0.9 * len(names):
                for n in names:
                    if _LATIN.match(n):
                        seen.setdefault(n, set()).add(gender)
    out = {g: sorted(n for n, gs in seen.items() if gs == {g}) for g in ("m", "f")}
    head = (
        f"# first names of one gender in every Latin-script Faker {faker.VERSION} person provider (MIT);"
        " names any lists under both genders left out\n"
    )
    body = "".join(f"{g}: {' '.join(names)}\n" for g, names in out.items())
    (HERE / "names_gendered_world.txt").write_text(head + body, encoding="utf-8")
    return sum(len(v) for v in out.values())


if __name__ == "__main__":
    print(f"names_gendered_world.txt: {build()} names")
