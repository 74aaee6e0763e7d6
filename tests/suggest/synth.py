"""Fictional, respectful interview transcripts for the suggester's tests and benchmark: informant turns
about money, being cheated, raids and being blocked (in Indonesian or English), and small talk."""

from __future__ import annotations

import random
from typing import Any

THEMES: dict[str, dict[str, list[str]]] = {
    "money": {
        "id": ["dia kasih uang {n} ribu buat bayar kos", "uangnya langsung ditransfer, lumayan buat makan",
               "dapat duit {n} ribu dari pelanggan itu", "dibayar tunai, uangnya cukup buat kirim ke kampung",
               "penghasilan minggu itu lumayan, {n} ribu"],
        "en": ["he paid me {n} pounds in cash", "the money came straight to my account",
               "I earned good money that week, about {n} pounds", "the customer paid the full fare and more"],
    },
    "fraud": {
        "id": ["dia kirim bukti transfer palsu, saldo nggak nambah", "aku ditipu, dia kabur nggak bayar",
               "ternyata editan, uangnya nggak pernah masuk", "dia nipu aku pakai foto transfer"],
        "en": ["he sent a fake transfer receipt and never paid", "I was cheated, the customer ran off without paying",
               "the payment screenshot was edited, no money arrived", "they tricked me out of the fare"],
    },
    "raid": {
        "id": ["ada razia satpol pp di jalan, takut ditangkap", "petugas sering patroli malam-malam",
               "kalau di pinggir jalan gampang kena razia polisi", "aku takut ketangkep petugas"],
        "en": ["the police raided the street last month", "I was afraid of being arrested by the officers",
               "officers patrol the area at night", "a police raid caught two women on the corner"],
    },
    "blocked": {
        "id": ["nomor aku langsung diblokir", "habis itu dia block aku, chat cuma centang satu",
               "akunnya ngilang, aku diblok", "dia blokir semua kontak aku"],
        "en": ["he blocked my number straight after", "the account blocked me and went silent",
               "after that he blocked me everywhere", "my messages never arrived, I was blocked"],
    },
}
SMALL_TALK = {
    "id": ["cuaca hari ini panas sekali", "aku suka makan rendang buatan ibu", "tadi pagi hujan deras",
           "adik aku sekolah di dekat pasar", "nanti sore mau nonton televisi"],
    "en": ["the weather was lovely today", "I like watching football on Sundays", "my sister studies nursing",
           "we had rice and curry for dinner", "the bus was late this morning"],
}
QUESTIONS = {"id": ["Bisa cerita pengalaman Uni?", "Lalu bagaimana?", "Ada lagi yang mau diceritakan?"],
             "en": ["Can you tell me about that?", "What happened next?", "Anything else you remember?"]}
#: The codebook, written in English only: an Indonesian unit must still get its code.
CODEBOOK = [
    {"key": "money", "name": "Material gain", "definition": "The informant is paid or given money or goods."},
    {"key": "fraud", "name": "Cheated", "definition": "A client cheats the informant: fake receipt, no payment."},
    {"key": "raid", "name": "Raids and police", "definition": "Fear of police raids, officers, arrest."},
    {"key": "blocked", "name": "Blocked", "definition": "A client blocks the informant's number or account."},
]


def transcript(rng: random.Random, lang: str, turns: int = 10) -> tuple[str, list[tuple[str, int]]]:
    """A transcript (``P:``/``I:`` lines) and, per informant turn, its theme ('' for small talk) and line index."""
    lines, gold = [], []
    for _ in range(turns):
        lines.append("P: " + rng.choice(QUESTIONS[lang]))
        theme = rng.choice([*THEMES, ""])
        parts = [rng.choice(SMALL_TALK[lang])]
        if theme:
            parts.insert(rng.randrange(2), rng.choice(THEMES[theme][lang]).format(n=rng.randrange(50, 900)))
        gold.append((theme, len(lines)))
        lines.append("I: " + ". ".join(p[0].upper() + p[1:] for p in parts) + ".")
    return "\n".join(lines), gold


def build(project: Any, *, coded: int = 6, uncoded: int = 2, seed: int = 1, noise_code: bool = False) -> list[str]:
    """Fill ``project``: the codebook, ``coded`` sources coded by the project's coder (every informant turn
    with its theme), then ``uncoded`` sources. With ``noise_code`` a code 'mood' is applied at random
    (nothing in the text predicts it). Returns the names of the uncoded sources."""
    import makna
    from makna.coding import SegmentSpec, code_many

    rng = random.Random(seed)
    makna.add_code(project, "root", name="Themes")
    for c in CODEBOOK + ([{"key": "mood", "name": "Mood", "definition": "How the informant felt."}]
                         if noise_code else []):
        makna.add_code(project, str(c["key"]), name=str(c["name"]), definition=str(c["definition"]), parent="root")
    specs, empty = [], []
    for i in range(coded + uncoded):
        lang = "id" if i % 2 == 0 else "en"
        text, gold = transcript(rng, lang)
        name = f"{'coded' if i < coded else 'new'}-{lang}-{i:02d}.txt"
        makna.import_text(project, name, text, language=lang)
        if i >= coded:
            empty.append(name)
            continue
        offsets = _line_spans(text)
        for theme, line in gold:
            a, b = offsets[line]
            if theme:
                specs.append(SegmentSpec(name, a, b, theme))
            if noise_code and rng.random() < 0.3:
                specs.append(SegmentSpec(name, a, b, "mood"))
    code_many(project, specs)
    return empty


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
