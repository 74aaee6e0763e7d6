"""What the field scan proposes in a project's own words (fields25, #11; trial13 #8).

``--samples``: every project built from ``/work/shared/refi-samples/`` and the demo (``makna demo`` into a temporary
folder); each is scanned, the README's review is simulated (accept >= 0.5, reject the rest) and applied, and the
field proposals at >= 0.5 are counted by field, type and detector, with whether the apply was stopped by a field.

``--cases open|sealed``: the invented field values of ``tests/privacy/fields25cases`` (``field<TAB>language<TAB>
value``; a span in ``[[...]]`` must be proposed at >= 0.5 in that field, nothing else may be), put into one project
per language beside that language's transcript there. The project is scanned, its transcripts reviewed as the
README says (accept >= 0.5, reject the rest), scanned again, then the fields are counted: proposals at >= 0.5
right (overlapping a marked span) or wrong, marked spans found, and whether ``apply`` was stopped by a field.
The sealed table prints figures only.

    PYTHONPATH=src python benchmarks/fields25_measure.py --cases open [--show]
    PYTHONPATH=src python benchmarks/fields25_measure.py --cases sealed
    PYTHONPATH=src python benchmarks/fields25_measure.py --samples [--show]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import makna
from makna.errors import MaknaError
from makna.privacy.project import ReviewEntry, add_detection, decide, decide_all, review_entries, scan
from makna.privacy.project_apply import apply

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "privacy" / "fields25cases"
SAMPLES = Path("/work/shared/refi-samples")
_MARK = re.compile(r"\[\[(.+?)\]\]")
_NAMES = ("PERSON", "LOCATION", "ORG")


def parse(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain value and its marked spans."""
    plain, spans, last, size = [], [], 0, 0
    for m in _MARK.finditer(marked):
        plain.append(marked[last : m.start()])
        size += m.start() - last
        spans.append((size, size + len(m.group(1))))
        plain.append(m.group(1))
        size += len(m.group(1))
        last = m.end()
    plain.append(marked[last:])
    return "".join(plain), spans


def read_cases(table: str) -> list[tuple[str, str, str, list[tuple[int, int]]]]:
    out = []
    for line in (CASES / f"{table}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            field, language, marked = line.split("\t")
            out.append((field, language, *parse(marked)))
    return out


def _put(project: makna.Project, field: str, value: str, n: int) -> str:
    """Write ``value`` into a new row's ``field``; returns the row label the review shows."""
    if field == "codes.name":
        makna.add_code(project, f"k{n}", value)
        return f"code k{n}"
    if field == "codes.definition":
        makna.add_code(project, f"k{n}", f"code {n}", definition=value)
        return f"code k{n}"
    if field == "codes.keywords":
        makna.add_code(project, f"k{n}", f"code {n}", keywords=value.split("; "))
        return f"code k{n}"
    if field == "sources.name":
        makna.import_text(
            project, value, "P: Terima kasih.\nI: Sama-sama.\n", original_name=f"file{n}.txt", allow_duplicate=True
        )
        return f"source {value}"
    if field == "sources.original_name":
        makna.import_text(
            project, f"source {n}", "P: Terima kasih.\nI: Sama-sama.\n", original_name=value, allow_duplicate=True
        )
        return f"source source {n}"
    if field == "cases.name":
        makna.add_case(project, value)
        return f"case {value}"
    if field == "case_values.value":
        makna.define_attribute(project, "note", "text")
        makna.add_case(project, f"case {n}", values={"note": value})
        return f"value case {n}/note"
    if field == "attributes.name":
        makna.define_attribute(project, value, "text")
        return f"attribute {value}"
    if field == "memos.text":
        memo = makna.add_memo(project, "project", None, value, title=f"memo {n}")
        return f"memo {memo.title}"
    if field == "memos.title":
        memo = makna.add_memo(project, "project", None, "a note", title=value)
        return f"memo {memo.title}"
    if field == "sets.name":
        makna.create_set(project, value, "codes", [])
        return f"set {value}"
    raise ValueError(field)


def _readme_review(project: makna.Project, *, fields: bool) -> None:
    """Accept >= 0.5 and reject the rest, of the transcripts only or of everything."""
    pending = [e for e in review_entries(project, status=["pending"]) if fields or e.field == "sources.text"]
    ups = [e.id for e in pending if e.confidence >= 0.5]
    downs = [e.id for e in pending if e.confidence < 0.5]
    if ups:
        decide(project, ups, "accepted")
    if downs:
        decide(project, downs, "rejected")


def _decisions(project: makna.Project, language: str, source: str, text: str) -> None:
    """The researcher's own marks in the transcript (``decisions.tsv``)."""
    for line in (CASES / "decisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lang, decision, string, kind = line.split("\t")
        if lang != language:
            continue
        spots = [m.start() for m in re.finditer(rf"\b{re.escape(string)}\b", text)]
        for start in spots[:1] if decision == "accept" else spots[1:]:
            entry = add_detection(project, source, start, start + len(string), kind)
            if decision == "reject":
                decide(project, [entry.id], "rejected")


def _apply_stop(
    project: makna.Project, key: Path, passphrase: str = "fields25 fields25", *, skip_coded: bool = False
) -> list[str]:
    """Accept >= 0.5, reject the rest, apply: the field rows named by what stopped it ([] when it applied)."""
    decide_all(project, "accepted", min_confidence=0.5)
    decide_all(project, "rejected")
    try:
        apply(project, key, passphrase, skip_coded=skip_coded)
    except MaknaError as exc:
        named = re.findall(r"(\w+\.\w+) of ([^,(]+) \(", str(exc))
        return [f"{f} of {row.strip()}" for f, row in named] or [f"(stopped, no field: {str(exc)[:90]})"]
    return []


def cases(table: str, show: bool) -> None:
    rows = read_cases(table)
    tally: Counter[str] = Counter()
    by_field: Counter[tuple[str, str]] = Counter()
    stops: list[str] = []
    for language in ("en", "id"):
        mine = [r for r in rows if r[1] == language]
        with tempfile.TemporaryDirectory(prefix="fields25-") as tmp:
            with makna.create_project(Path(tmp) / "p.makna", "Studi", coder="fields25") as project:
                text = (CASES / f"transcript_{language}.txt").read_text(encoding="utf-8")
                makna.import_text(project, f"transcript_{language}.txt", text, language=language)
                labels = [_put(project, field, value, n) for n, (field, _l, value, _s) in enumerate(mine)]
                scan(project)
                _readme_review(project, fields=False)
                _decisions(project, language, f"transcript_{language}.txt", text)
                scan(project)
                entries = [e for e in review_entries(project) if e.field != "sources.text"]
                for (field, _l, value, spans), label in zip(mine, labels, strict=True):
                    got = [
                        e
                        for e in entries
                        if e.field == field and e.source == label and e.confidence >= 0.5 and e.status != "rejected"
                    ]
                    _score(field, value, spans, got, tally, by_field, show)
                stops += _apply_stop(project, Path(tmp) / "key.json")
    print(f"fields25 cases ({table}): {tally['values']} values, {tally['gold']} marked identifiers")
    print(f"  marked found at >= 0.5: {tally['found']}/{tally['gold']}")
    print(f"  proposals at >= 0.5: {tally['right'] + tally['wrong']} ({tally['right']} right, {tally['wrong']} wrong)")
    if table != "sealed":
        for (field, what), n in sorted(by_field.items()):
            print(f"    {field:24} {what:6} {n}")
    print(f"  apply stopped by fields: {len(stops)}" + (f" ({'; '.join(stops)})" if show and stops else ""))


def _score(
    field: str,
    value: str,
    spans: list[tuple[int, int]],
    got: list[ReviewEntry],
    tally: Counter[str],
    by_field: Counter[tuple[str, str]],
    show: bool,
) -> None:
    tally["values"] += 1
    tally["gold"] += len(spans)
    tally["found"] += sum(any(e.start < b and a < e.end for e in got) for a, b in spans)
    for e in got:
        ok = any(e.start < b and a < e.end for a, b in spans)
        tally["right" if ok else "wrong"] += 1
        by_field[(field, "right" if ok else "wrong")] += 1
        if show and not ok:
            print(f"  wrong  {field:22} {value!r}: {e.text!r} {e.type} {e.confidence} {e.detector}")
    for a, b in spans:
        if show and not any(e.start < b and a < e.end for e in got):
            print(f"  missed {field:22} {value!r}: {value[a:b]!r}")


def samples(show: bool) -> None:
    for name, build in _sample_builders():
        with tempfile.TemporaryDirectory(prefix="fields25-") as tmp:
            folder = Path(tmp)
            path, key, passphrase = build(folder)
            with makna.open_project(path, coder="fields25") as project:
                scan(project)
                entries = [e for e in review_entries(project) if e.field != "sources.text"]
                high = [e for e in entries if e.confidence >= 0.5]
                print(f"{name}: field detections {len(entries)}, at >= 0.5: {len(high)}")
                for (field, kind, det), n in sorted(Counter(_key(e) for e in high).items()):
                    print(f"    {field:22} {kind:9} {det:28} {n}")
                if show:
                    for e in high:
                        print(f"      {e.field} {e.source!r}: {e.text!r} {e.type} {e.confidence} {e.detector}")
                stops = _apply_stop(project, key, passphrase, skip_coded=True)
                print(
                    f"  apply (accept >= 0.5, reject the rest, --skip-coded) stopped by fields: {len(stops)}"
                    + (f" ({'; '.join(stops[:8])})" if stops else "")
                )


def _key(e: ReviewEntry) -> tuple[str, str, str]:
    return e.field, e.type, e.detector


def _sample_builders() -> Iterable[tuple[str, Callable[[Path], tuple[Path, Path, str]]]]:
    from makna.demo import DEMO_PASSPHRASE, build_demo
    from makna.exchange.project_file import import_project

    for qdpx in sorted(SAMPLES.glob("*.qdpx")):

        def build(folder: Path, qdpx: Path = qdpx) -> tuple[Path, Path, str]:
            import_project(qdpx, folder / "p.makna", coder="fields25")
            return folder / "p.makna", folder / "key.json", "fields25 fields25"

        yield qdpx.name, build

    def demo(folder: Path) -> tuple[Path, Path, str]:
        made = build_demo(folder / "demo")
        assert made.key_path is not None
        return made.project_path, made.key_path, DEMO_PASSPHRASE

    yield "demo", demo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", choices=["open", "sealed"])
    parser.add_argument("--samples", action="store_true")
    parser.add_argument("--show", action="store_true", help="print each wrong and missed proposal (not with sealed)")
    args = parser.parse_args()
    if args.cases:
        cases(args.cases, args.show and args.cases != "sealed")
    if args.samples:
        samples(args.show)


if __name__ == "__main__":
    main()
