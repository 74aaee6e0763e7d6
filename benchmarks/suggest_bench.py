"""Code suggestions (#15): training on 10,000 coded segments (target <= 10 s) and suggesting for new
units (target >= 2,000 units/s), against a floor: plain scikit-learn (word TF-IDF, no stemming, no
cross-language pivots, no character n-grams, the same one-vs-rest logistic regression). Then the whole
``makna suggest`` run inside a project (training, cross-validated calibration and reliability, storing).

    python benchmarks/suggest_bench.py [--segments 10000] [--units 20000] [--codes 20] [--sources 40]

The text is synthetic (Indonesian and English words in interview-like turns, each coded turn carrying
phrases of its codes among filler and read with a question before it as its context), drawn Zipf-like
from a vocabulary of 20,000 made-up words so that the
stemmers meet thousands of new words (PySastrawi takes about 0.25 ms of CPU per new Indonesian word).
Figures are printed cold (the stemmers' caches empty) and warm."""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from makna.suggest.classifier import CodeText, Example, in_context, train  # noqa: E402

ID_WORDS = ("aku nggak udah kalau sama dia yang itu tapi terus katanya pelanggan chat aplikasi uang kos minggu "
            "ditipu diblokir janji transfer aman razia petugas gratis cepat promosi status foto pacar kiriman utang "
            "bayar kabur takut jalan malam teman kerja rumah pulang pagi capek senang sedih marah bohong").split()
EN_WORDS = ("the a and of to in that it was for on are with as they be at one have this from what all were "
            "customer rider order tip paid app account blocked rating door late rain fare boss hours family "
            "police money cheated fake receipt shouted complaint deactivated flexible income own").split()


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(n)]


def make(n: int, codes: int, sources: int, seed: int = 5) -> tuple[list[Example], list[CodeText]]:
    rng = random.Random(seed)
    rare = _vocabulary(rng, 20_000)
    weights = [1 / (r + 10) for r in range(len(rare))]  # Zipf-like: a few words often, most rarely
    cues = {f"c{j:02d}": [rng.choice(rare) for _ in range(6)] for j in range(codes)}
    book = [CodeText(k, (("en", f"code {k}: " + " ".join(v[:3])),)) for k, v in cues.items()]
    out = []
    for i in range(n):
        lang = "id" if i % 3 else "en"
        base = ID_WORDS if lang == "id" else EN_WORDS
        words = rng.choices(base, k=rng.randint(15, 45)) + rng.choices(rare, weights, k=rng.randint(3, 10))
        chosen = rng.sample(list(cues), k=rng.choice((0, 1, 1, 2)))
        for k in chosen:
            words += rng.sample(cues[k], k=2)
        rng.shuffle(words)
        question = "P: " + " ".join(rng.choices(base, k=rng.randint(5, 12))).capitalize() + "?"  # its context
        out.append(Example(" ".join(words).capitalize() + ".", lang, frozenset(chosen), f"s{i % sources}",
                           context=question))
    return out, book


def floor_train(examples: list[Example], codes: list[str]) -> tuple[float, object]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    t0 = time.perf_counter()
    vec = TfidfVectorizer(sublinear_tf=True)
    x = vec.fit_transform([in_context(e.text, e.context) for e in examples])
    models = []
    for c in codes:
        y = [c in e.codes for e in examples]
        models.append(LinearSVC(C=0.5, class_weight="balanced").fit(x, y))
    return time.perf_counter() - t0, (vec, models)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--units", type=int, default=20_000)
    ap.add_argument("--codes", type=int, default=20)
    ap.add_argument("--sources", type=int, default=40)
    ap.add_argument("--project-sources", type=int, default=30, help="sources in the end-to-end project run")
    ap.add_argument("--no-project", action="store_true", help="skip the end-to-end run in a project")
    args = ap.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.segments:,} coded segments, "
          f"{args.codes} codes, {args.units:,} new units")
    examples, book = make(args.segments, args.codes, args.sources)
    new, _ = make(args.units, args.codes, args.sources, seed=9)

    from makna.analysis.stemming import stemmer

    stemmer.cache_clear()  # a cold start: every word is stemmed afresh
    c0, t0 = time.process_time(), time.perf_counter()
    train(examples, book)
    t_cold, c_cold = time.perf_counter() - t0, time.process_time() - c0
    c0, t0 = time.process_time(), time.perf_counter()
    model = train(examples, book)
    t_train, c_train = time.perf_counter() - t0, time.process_time() - c0
    t_floor, (vec, models) = floor_train(examples, sorted({k for e in examples for k in e.codes}))
    print(f"train on {args.segments:,} segments: makna cold {t_cold:.2f} s (CPU {c_cold:.2f} s), warm {t_train:.2f} s "
          f"(CPU {c_train:.2f} s) (target <= 10 s); floor (plain word TF-IDF + the same linear SVM) {t_floor:.2f} s; "
          f"ratio warm/floor {t_train / t_floor:.1f}x")

    texts, langs = [in_context(u.text, u.context) for u in new], [u.language for u in new]
    c0, t0 = time.process_time(), time.perf_counter()
    model.confidence(texts, langs)  # cold: the new units' unseen words are stemmed now
    t_cold, c_cold = time.perf_counter() - t0, time.process_time() - c0
    c0, t0 = time.process_time(), time.perf_counter()
    model.confidence(texts, langs)
    t_sug, c_sug = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    x = vec.transform(texts)  # type: ignore[attr-defined]
    for m in models:  # type: ignore[attr-defined]
        m.decision_function(x)
    t_fsug = time.perf_counter() - t0
    print(f"suggest for {args.units:,} new units: makna cold {args.units / t_cold:,.0f} units/s "
          f"(CPU {args.units / c_cold:,.0f}), warm {args.units / t_sug:,.0f} units/s (CPU {args.units / c_sug:,.0f}) "
          f"(target >= 2,000); floor {args.units / t_fsug:,.0f} units/s; ratio warm/floor {t_sug / t_fsug:.1f}x")
    if args.no_project:
        return

    import makna
    from makna import suggest
    from makna.coding import SegmentSpec, code_many

    with tempfile.TemporaryDirectory() as tmp:
        loc = str(Path(tmp) / "bench.makna")
        with makna.create_project(loc, coder="bench") as proj:
            for c in book:
                makna.add_code(proj, c.code, name=c.texts[0][1])
            specs = []
            per = args.segments // args.project_sources
            per_new = min(per, len(new) // 5)
            for s in range(args.project_sources + 5):
                k = s - args.project_sources
                chunk = examples[s * per:(s + 1) * per] if k < 0 else new[k * per_new:(k + 1) * per_new]
                text = "\n".join(("P: Lalu?\nI: " if e.language == "id" else "P: And then?\nI: ") + e.text
                                 for e in chunk) + "\n"
                name = f"s{s:03d}.txt"
                makna.import_text(proj, name, text, language="id")
                if s < args.project_sources:
                    pos = 0
                    for e, line in zip(chunk, text.split("\n")[1::2], strict=False):
                        pos = text.index(line, pos)
                        specs.extend(SegmentSpec(name, pos, pos + len(line), k) for k in e.codes)
            code_many(proj, specs)
            c0, t0 = time.process_time(), time.perf_counter()
            result = suggest.run(proj)
            t_run, c_run = time.perf_counter() - t0, time.process_time() - c0
            c0, t0 = time.process_time(), time.perf_counter()
            again = suggest.run(proj)
            t_again, c_again = time.perf_counter() - t0, time.process_time() - c0
        print(f"makna suggest in a project ({args.project_sources} coded sources, {result.trained_on:,} units, "
              f"{result.candidates:,} uncoded): {t_run:.1f} s (CPU {c_run:.1f} s), {result.created:,} suggestions "
              f"(training, {min(10, args.project_sources)}-fold cross-validated calibration and reliability, storing); "
              f"run again on the unchanged project: {t_again:.1f} s (CPU {c_again:.1f} s), "
              f"retrained: {again.retrained} (target: well under a minute)")
        print(f"machine: {platform.processor() or platform.machine()}, {__import__('os').cpu_count()} CPUs, "
              f"load average {__import__('os').getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
