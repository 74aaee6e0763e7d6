"""A draft of the conclusions chapter, drawn from the report's counts (a thesis's *Bab V Kesimpulan*).

One paragraph per theme: how many informants told it, its most widely shared codes, the codes only one
informant told and those no one did (limits worth stating), and the code of another theme it was most often
coded together with. It is a draft for the researcher to write over: counts say how widely something was told,
not why; the exemplar quotes and the researcher's reading say that. Wording in Indonesian and English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .i18n import percent

__all__ = ["Conclusion", "draft_conclusions"]

_MOST = 3
"""How many of a theme's codes the "most widely shared" sentence names."""

_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "told": "{k} of {n} informants ({p}%) spoke of {theme}.",
        "told_sources": "{theme} was coded in {k} of {n} sources ({p}%).",
        "none": "No informant's words were coded with {theme} yet.",
        "most": "Most widely shared: {items}.",
        "item": "{name} ({k})",
        "one": "Told by one informant only: {items}.",
        "zero": "Not found in any transcript: {items}.",
        "link": "Most often coded together with another theme: {a} with {b} ({n} passages).",
        "link_one": "Most often coded together with another theme: {a} with {b} ({n} passage).",
        "and": "and",
    },
    "id": {
        "told": "{k} dari {n} informan ({p}%) menuturkan {theme}.",
        "told_sources": "{theme} dikode pada {k} dari {n} sumber ({p}%).",
        "none": "Belum ada tuturan informan yang dikode dengan {theme}.",
        "most": "Yang paling banyak dituturkan: {items}.",
        "item": "{name} ({k})",
        "one": "Hanya dituturkan oleh satu informan: {items}.",
        "zero": "Tidak ditemukan dalam transkrip mana pun: {items}.",
        "link": "Paling sering dikode bersama tema lain: {a} dengan {b} ({n} bagian teks).",
        "link_one": "Paling sering dikode bersama tema lain: {a} dengan {b} ({n} bagian teks).",
        "and": "dan",
    },
}


@dataclass(frozen=True)
class Conclusion:
    """The draft paragraph of one theme (a root code of the codebook)."""

    key: str
    name: str
    sentences: tuple[str, ...]


class _CodeLike(Protocol):
    """What a paragraph reads of a code (:class:`makna.report.model.CodeStats` has it)."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def depth(self) -> int: ...
    @property
    def informants(self) -> int: ...
    @property
    def sources(self) -> int: ...
    @property
    def segments(self) -> int: ...


def _join(items: Sequence[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def draft_conclusions(
    themes: Sequence[tuple[_CodeLike, Sequence[_CodeLike]]],
    *,
    informants: int,
    sources: int,
    pairs: Sequence[tuple[str, str, int]] = (),
    lang: str = "id",
) -> list[Conclusion]:
    """One :class:`Conclusion` per theme.

    ``themes``: each root code with the codes of its subtree (the root first or not; ``depth`` relative to the
    root, 0 for the root itself). ``informants``/``sources``: the project's totals (cases are the informants;
    without cases the paragraph counts sources). ``pairs``: ``(code key, code key, passages coded with both)``,
    most first (:meth:`makna.analysis.cooccurrence.Cooccurrence.pairs`).
    """
    words = _WORDS.get(lang, _WORDS["en"])
    theme_of: dict[str, str] = {}
    names: dict[str, str] = {}
    for root, codes in themes:
        for c in (root, *codes):
            theme_of[c.key] = root.key
            names[c.key] = c.name
    by_cases = informants > 0
    out: list[Conclusion] = []
    for root, codes in themes:
        said: list[str] = []
        k, n = (root.informants, informants) if by_cases else (root.sources, sources)
        if not root.segments or not n:
            said.append(words["none"].format(theme=root.name))
            out.append(Conclusion(root.key, root.name, tuple(said)))
            continue
        told = "told" if by_cases else "told_sources"
        said.append(words[told].format(k=k, n=n, p=percent(100 * k / n, lang), theme=root.name))
        subs = [c for c in codes if c.key != root.key and c.depth >= 1]
        reach = {c.key: (c.informants if by_cases else c.sources) for c in subs}
        shared = sorted((c for c in subs if reach[c.key] > 1), key=lambda c: (-reach[c.key], c.depth, c.key))
        if shared:
            items = [words["item"].format(name=c.name, k=reach[c.key]) for c in shared[:_MOST]]
            said.append(words["most"].format(items=_join(items, words["and"])))
        if by_cases and (single := [c.name for c in subs if reach[c.key] == 1 and c.segments]):
            said.append(words["one"].format(items=_join(single, words["and"])))
        if zero := [c.name for c in subs if not c.segments]:
            said.append(words["zero"].format(items=_join(zero, words["and"])))
        for a, b, count in pairs:
            ta, tb = theme_of.get(a), theme_of.get(b)
            if ta is None or tb is None or ta == tb or root.key not in (ta, tb):
                continue
            own, other = (a, b) if ta == root.key else (b, a)
            said.append(words["link_one" if count == 1 else "link"].format(a=names[own], b=names[other], n=count))
            break
        out.append(Conclusion(root.key, root.name, tuple(said)))
    return out
