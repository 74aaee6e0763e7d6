"""Rebuild ``countries.txt``: country names in English and Indonesian, which the precision stage
(:mod:`makna.privacy.precision`) reads as a feature (a country is rarely an identifier on its own; the
annotation conventions leave countries out). Run by hand; not used at run time.

Source: Faker's address providers ``en_US`` and ``id_ID`` (MIT), their ``countries`` tuples.

Usage: ``python -m makna.privacy.data.build_country_names``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["build"]

HERE = Path(__file__).resolve().parent


def build() -> int:
    """Write ``countries.txt``; return the number of names."""
    import faker  # noqa: PLC0415
    from faker.providers.address.en_US import Provider as English  # noqa: PLC0415
    from faker.providers.address.id_ID import Provider as Indonesian  # noqa: PLC0415

    names = sorted(set(English.countries) | set(Indonesian.countries))
    head = f"# country names, English and Indonesian: Faker {faker.VERSION} address providers en_US, id_ID (MIT)\n"
    (HERE / "countries.txt").write_text(head + "\n".join(names) + "\n", encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(f"countries.txt: {build()} names")
