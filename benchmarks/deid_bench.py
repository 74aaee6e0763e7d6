"""De-identification benchmark (issue 3): makna's detectors against Microsoft Presidio's analyzer.

1. Throughput in characters/second on a 10 MB synthetic transcript corpus (Indonesian and English turns
   with names, phones, NIKs, plates, dates, addresses, money and clock times), both tools on the same
   text in the same run. Presidio runs offline: ``no_op`` NLP engine, predefined pattern recognizers
   only (no spaCy model), tldextract's bundled suffix list (no network).
2. Recall/precision on the shared dev corpus for both (Presidio's types mapped to makna's).

``--text transcripts`` times real transcripts instead of the synthetic corpus: every open annotated transcript
(the dev corpus and ``OPEN_SPLITS``, about 230 interviews), one ``detect`` call per transcript with its own
language, as ``makna deid scan`` runs them, and Presidio on the same transcripts. The synthetic corpus repeats a
few dozen templates, so a cache that remembers repeated text helps it far more than interviews; report both.

Each round times makna then Presidio on the same text; ``--repeat`` rounds (3 by default), medians reported.
``--cpu`` times CPU seconds of the process instead of wall-clock seconds (steadier on a shared, loaded machine).

Run: ``python benchmarks/deid_bench.py [--mb 10] [--repeat 3]`` (needs ``pip install presidio-analyzer``; Presidio is a
benchmark-only dependency, never imported by makna).
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from makna.privacy import Detection, detect, evaluate

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval-corpus" / "dev"

_ID_TURNS = [
    "I: Aku {name}, {age} tahun. Asli {city}, sekarang ngekos di Kos {word} {word2}.",
    "P: Pernah ada tamu yang nggak bayar? I: Ada, namanya {name}, nomornya {phone}. Rugi {money} ribu.",
    "I: Janjian jam {hour}.{minute} malam di Hotel {word} {word2}, platnya BA {plate} {letters}.",
    "I: NIK ambo {nik} dicatat petugas tanggal {day} {month} 2023, di {city}.",
    "I: Rumahnya di Jl. {word} No. {num}, RT 0{num1}/RW 0{num2}, {city}. Bang {name} yang antar.",
    "P: Kenapa pakai MiChat? I: Soalnya gratis, Kak, tinggal buka HP, indah bana rasanya, bunga-bunga.",
    "I: Kerja di PT {word} {word2} Niaga, gajinya {money} ribu sebulan, hari Sabtu libur.",
]
_EN_TURNS = [
    "I: I'm {age}, I live in London. Mrs {surname} at {num} Halberd Road always tips a fiver.",
    "I: Support said ring him on 07700 900{n3}. My email is rider{num}@example.com.",
    "I: On {day} March they deactivated me and wanted my NI number, QQ {n2} {n2b} {n2c} C.",
    "P: What are customers like? I: Most are sound, honestly. I log on at 11 and work till 3.",
]
_FILLER = [
    "P: Boleh cerita sedikit tentang pengalaman Uni selama ini? Pelan-pelan saja, tidak usah buru-buru.",
    "I: Ya begitulah, Kak. Kadang rame, kadang sepi. Kalau lagi sepi aku di kamar aja, main HP, nonton.",
    "I: Soalnya nggak bayar, tinggal download, daftar pakai nomor HP, langsung jalan. Nggak perlu nunggu lama.",
    "P: Bagaimana perasaan Uni waktu itu? I: Sedih, malu juga. Tapi ya udahlah, aku anggap pelajaran aja.",
    "I: Ambo indak mau lagi berdiri di pinggir jalan. Ngeri, Kak. Kalau dari HP kan cukup di kamar.",
    "P: What made you start riding? I: Honestly, rent went up and the warehouse cut my shifts, so I needed cash.",
    "I: Most customers are sound. Some are rude, they call you names because the chips were cold, that's it.",
    "I: Kini ambo minta video call dulu, biar yakin orangnya betul. Lebih hati-hati sekarang, indak sembarangan.",
]
_NAMES = "Siti Rina Dodi Andre Fajar Yanti Hendra Rizky Marcus Priya Daniel Tari Nia Riko Deni Yoga".split()
_WORDS = "Anggrek Melati Samudra Sinar Kencana Harapan Permai Jaya Baru Indah Lestari Mulia".split()
_CITIES = "Padang Solok Pariaman Bukittinggi Payakumbuh Pekanbaru Jambi Medan Painan".split()
_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus".split()


def corpus(megabytes: float, seed: int = 7) -> str:
    """A synthetic transcript of about ``megabytes`` million characters."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        tpl = rng.choice(_FILLER if roll < 0.6 else _ID_TURNS if roll < 0.88 else _EN_TURNS)
        line = tpl.format(
            name=rng.choice(_NAMES), age=rng.randint(19, 45), city=rng.choice(_CITIES), word=rng.choice(_WORDS),
            word2=rng.choice(_WORDS), phone=f"0813-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            money=rng.choice([50, 300, 500, 700]), hour=rng.randint(7, 11), minute=rng.choice(["00", "30"]),
            plate=rng.randint(1000, 9999), letters=rng.choice(["KM", "QA", "RB", "AB"]),
            nik=f"13720162049{rng.randint(10000, 99999)}", day=rng.randint(1, 28), month=rng.choice(_MONTHS),
            num=rng.randint(1, 99), num1=rng.randint(1, 9), num2=rng.randint(1, 9), surname="Okafor",
            n3=rng.randint(100, 999), n2=rng.randint(10, 99), n2b=rng.randint(10, 99), n2c=rng.randint(10, 99),
        )
        parts.append(line)
        size += len(line) + 1
    return "\n".join(parts)


def _presidio():  # type: ignore[no-untyped-def]
    import tldextract

    try:  # offline: use the suffix list bundled with tldextract
        tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    except AttributeError:
        pass
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine.no_op_nlp_engine import NoOpNlpEngine

    engine = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


_MAP = {
    "PERSON": "PERSON", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "URL": "URL", "DATE_TIME": "DATE",
    "US_SSN": "NATIONAL_ID", "UK_NINO": "NATIONAL_ID", "LOCATION": "LOCATION", "NRP": "ORG",
    "IP_ADDRESS": "URL", "US_DRIVER_LICENSE": "NATIONAL_ID", "US_PASSPORT": "NATIONAL_ID",
    "US_BANK_NUMBER": "NATIONAL_ID", "CREDIT_CARD": "NATIONAL_ID", "IBAN_CODE": "NATIONAL_ID",
}


def _presidio_detector(analyzer, threshold: float = 0.3):  # type: ignore[no-untyped-def]
    from makna.privacy import resolve_overlaps

    def run(text: str, language: str) -> Sequence[Detection]:
        out = []
        for r in analyzer.analyze(text, language="en"):
            kind = _MAP.get(r.entity_type)
            if kind and r.score >= threshold:
                out.append(Detection(r.start, r.end, kind, float(r.score), "presidio", text[r.start : r.end]))
        return resolve_overlaps(out)

    return run


def _throughput(fn, text: str) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn(text)
    return len(text) / (time.perf_counter() - t)


_clock = time.perf_counter  # --cpu: time.process_time (CPU time of this process, steadier on a loaded machine)


def _time_presidio(analyzer, text: str, chunk: int = 100_000) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t = _clock()
    n = 0
    for i in range(0, len(text), chunk):
        n += len(analyzer.analyze(text[i : i + chunk], language="en"))
    return _clock() - t, n


def _slices(text: str, size: int) -> list[str]:
    out: list[str] = []
    pos = 0
    while pos < len(text):
        cut = text.find("\n", pos + size)
        end = len(text) if cut < 0 else cut + 1
        out.append(text[pos:end])
        pos = end
    return out


def transcripts() -> list[tuple[str, str]]:
    """(text, language) of every open annotated transcript: the dev corpus and the open splits."""
    from makna.privacy.train import load_splits  # the training data, read the way training reads it

    return [(doc.text, doc.language) for docs in load_splits(ROOT).values() for doc in docs]


def _rounds_transcripts(analyzer, docs: list[tuple[str, str]], repeat: int) -> None:  # type: ignore[no-untyped-def]
    size = sum(len(t) for t, _ in docs)
    print(f"transcripts: {len(docs)} open annotated interviews, {size:,} characters")
    ratios: list[float] = []
    for r in range(repeat):
        makna_s = presidio_s = 0.0
        for text, language in docs:  # interleaved per transcript: both tools see the same load
            t = _clock()
            detect(text, language=language)
            makna_s += _clock() - t
            presidio_s += _time_presidio(analyzer, text)[0]
        ratios.append(presidio_s / makna_s)
        print(
            f"round {r + 1}: makna {size / makna_s:12,.0f} chars/s ({makna_s:.2f} s)"
            f" | presidio {size / presidio_s:10,.0f} chars/s ({presidio_s:.2f} s) | speed-up {ratios[-1]:.1f}x"
        )
    print(f"speed-up on transcripts (median of rounds): {statistics.median(ratios):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of (makna, Presidio); the median is reported")
    parser.add_argument(
        "--cpu", action="store_true", help="time CPU seconds of this process, not wall-clock (a shared, loaded machine)"
    )
    parser.add_argument(
        "--text",
        choices=("synthetic", "transcripts"),
        default="synthetic",
        help="the synthetic corpus of --mb (default) or the open annotated transcripts, one call per transcript",
    )
    args = parser.parse_args()
    global _clock
    if args.cpu:
        _clock = time.process_time
    if args.text == "transcripts":
        analyzer = _presidio()
        detect("warm up: Mbak Tari 0813-7411-2095 di Padang")
        analyzer.analyze("warm up: call 020 7946 0958", language="en")
        _rounds_transcripts(analyzer, transcripts(), args.repeat)
        return
    text = corpus(args.mb)
    print(f"corpus: {len(text):,} characters, {text.count(chr(10)) + 1:,} lines")
    analyzer = _presidio()
    detect("warm up: Mbak Tari 0813-7411-2095 di Padang")
    analyzer.analyze("warm up: call 020 7946 0958", language="en")
    slices = _slices(text, 1_000_000)
    rounds: list[tuple[float, float]] = []
    for r in range(args.repeat):
        # Interleaved per 1 MB slice (cut at a line break), so that both tools see the same load on a
        # shared machine; detect() itself works in chunks of 200,000 characters anyway.
        makna_s = presidio_s = 0.0
        n_dets = n_presidio = 0
        for piece in slices:
            t = _clock()
            n_dets += len(detect(piece))
            makna_s += _clock() - t
            p_s, p_n = _time_presidio(analyzer, piece)
            presidio_s += p_s
            n_presidio += p_n
        rounds.append((makna_s, presidio_s))
        print(
            f"round {r + 1}: makna {len(text) / makna_s:12,.0f} chars/s ({makna_s:.1f} s, {n_dets:,} detections)"
            f" | presidio {len(text) / presidio_s:10,.0f} chars/s ({presidio_s:.1f} s, {n_presidio:,} results)"
            f" | speed-up {presidio_s / makna_s:.1f}x"
        )
    makna_med = statistics.median(m for m, _ in rounds)
    presidio_med = statistics.median(p for _, p in rounds)
    ratio_med = statistics.median(p / m for m, p in rounds)
    print(f"median  : makna {len(text) / makna_med:12,.0f} chars/s | presidio {len(text) / presidio_med:,.0f} chars/s")
    print(f"speed-up (median of rounds): {ratio_med:.1f}x")
    if DEV.is_dir():
        for name, det in (("makna", None), ("presidio", _presidio_detector(analyzer))):
            d = evaluate(DEV, det).as_dict()
            print(
                f"dev {name:8s}: overlap recall {d['overall']['recall']:.3f} precision {d['overall']['precision']:.3f}"
                f" | untyped recall {d['untyped']['recall']:.3f} | leak rate {d['leak_rate']:.1%}"
            )


if __name__ == "__main__":
    main()
