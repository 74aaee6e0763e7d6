"""Rebuild ``public_suffixes.txt``: the ICANN section of the Public Suffix List, its top-level domains and its
two-label suffixes (``org.jm``, ``co.ke``, ``com.ng``), in ASCII, for :mod:`makna.privacy.url_forms` (a web
address's host ends in one). Run by hand; not used at run time.

Source: the Public Suffix List (https://publicsuffix.org/list/, Mozilla Public License 2.0), as Debian's
``publicsuffix`` package installs it (``/usr/share/publicsuffix/public_suffix_list.dat``); exception rules,
wildcard rules below the top level, internationalised labels and suffixes of three labels or more are left
out; the private section (hosting companies' suffixes) is left out.

Usage: ``python -m makna.privacy.data.build_public_suffixes [PATH]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["build"]

HERE = Path(__file__).resolve().parent
DEFAULT = Path("/usr/share/publicsuffix/public_suffix_list.dat")


def build(source: Path = DEFAULT) -> int:
    """Write ``public_suffixes.txt`` from ``source``; return the number of suffixes."""
    text = source.read_text(encoding="utf-8")
    icann = text[text.index("===BEGIN ICANN DOMAINS===") : text.index("===END ICANN DOMAINS===")]
    rules = {line.strip().lower() for line in icann.splitlines() if line.strip() and not line.startswith("//")}
    plain = {r for r in rules if r.isascii() and not r.startswith(("*", "!")) and r.count(".") <= 1}
    wild = {r for r in rules if r.isascii() and r.startswith("*.") and r.count(".") == 1}  # "*.jm": any name.jm
    kept = sorted(plain | wild)
    version = next((line for line in text.splitlines() if "VERSION:" in line), "").strip("/ ")
    head = (
        "# Public Suffix List, ICANN section: top-level domains, two-label suffixes and top-level wildcards (*.jm:\n"
        "# every name under jm is a suffix), ASCII. https://publicsuffix.org/list/ (Mozilla Public License 2.0).\n"
        f"# {version or 'Source: ' + str(source)}\n"
        "# Rebuild with python -m makna.privacy.data.build_public_suffixes.\n"
    )
    (HERE / "public_suffixes.txt").write_text(head + "\n".join(kept) + "\n", encoding="utf-8")
    return len(kept)


if __name__ == "__main__":
    print(f"public_suffixes.txt: {build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)} suffixes")
