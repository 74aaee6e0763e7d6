"""A focus group whose participant R2 withdraws after the de-identification: the text, her originals and a name
another participant also said, and the key's text (tests/privacy/test_withdraw_key.py, the web form's test)."""

from __future__ import annotations

import json
from pathlib import Path

from makna.privacy.keyfile import read_key

PASS = "correct horse battery staple"
TEXT = (
    "Focus group two\n"
    "Moderator: Who helps you sell?\n"
    "R1: My neighbour Pak Harjono carries the trays to Pasar Kembang.\n"
    "R2: Bu Wulandari Sasmito from Gang Kenari Tujuh orders every Friday, and Pak Harjono too.\n"
    "R3: I sell alone.\n"
    "R2: My sister Ratih Kusumaningrum keeps the books.\n"
    "Moderator: Thank you.\n"
)
HERS = ("Wulandari", "Sasmito", "Kenari", "Kusumaningrum", "Ratih")
SHARED = ("Harjono",)
#: What the detectors may miss, added to the review by hand (an address, her names).
NAMED = ("Harjono", "Wulandari Sasmito", "Gang Kenari Tujuh", "Ratih Kusumaningrum")


def key_text(path: Path) -> str:
    """The decrypted key file (its mapping and records) as one text, to look for a name in."""
    mapping, records = read_key(path, PASS)
    return json.dumps([mapping.to_dict(), records], ensure_ascii=False)
