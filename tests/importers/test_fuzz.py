"""Mutated inputs for every importer and for .qdpx import: a whole import or one clear error (#12).

The fuzzer is :mod:`fuzzer` (this folder). By default a few hundred cases run; set
``MAKNA_FUZZ_CASES=5000`` for more, ``MAKNA_FUZZ_SEED`` for other mutations and
``MAKNA_FUZZ_ONLY=docx#37`` to rerun the case a failure names.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest
from fuzzer import (
    PROJECT_SAMPLES,
    Mutator,
    Sample,
    Workspace,
    case_rng,
    describe,
    file_samples,
    missing_readers,
    project_samples,
    qdpx_sample,
    run_cases,
    selected,
    settings,
)

import makna.importers._base as registry

SEED, TOTAL, ONLY = settings()
SAMPLES = file_samples()
NAMES = [s.name for s in SAMPLES] + ["qdpx", *PROJECT_SAMPLES]
PER_SAMPLE = max(1, TOTAL // len(NAMES))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Sample]:
    return {s.name: s for s in [*SAMPLES, qdpx_sample(tmp_path_factory.mktemp("qdpx-sample")),
                                *project_samples(tmp_path_factory.mktemp("project-samples"))]}


def test_every_registered_reader_has_a_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    assert missing_readers(SAMPLES) == [], "add a sample of the new importer to file_samples() in fuzzer.py"
    registry.supported_suffixes()  # the registry loaded
    monkeypatch.setitem(registry._READERS, ".neu", lambda path, data: registry.ImportedText("x", "text/plain"))
    assert missing_readers(SAMPLES) == [".neu"]


def test_unmutated_samples_import_whole(workspace: Workspace, samples: dict[str, Sample]) -> None:
    """The fuzzer starts from valid files: each imports as it is."""
    from fuzzer import run_file_case, run_project_case, run_qdpx_case

    for sample in samples.values():
        case = f"{sample.name}-original"
        if sample.name in PROJECT_SAMPLES:
            outcomes = [run_project_case(workspace, sample, case, sample.data, cli=True)]
        elif sample.suffix == ".qdpx":  # as a new project (scanned in a child process), and into an empty one
            outcomes = [run_qdpx_case(workspace, sample, f"{case}-{i}", sample.data, index=i, cli=True) for i in (0, 1)]
        else:
            outcomes = [run_file_case(workspace, sample, case, sample.data, cli=True)]
        for outcome in outcomes:
            assert outcome.kind == "imported", describe(outcome, SEED)


def test_mutations_are_reproducible_and_reach_inside_archives(samples: dict[str, Sample]) -> None:
    docx = samples["docx"].data
    first = Mutator(case_rng(SEED, "docx#3")).mutate(docx)
    assert Mutator(case_rng(SEED, "docx#3")).mutate(docx) == first
    assert Mutator(case_rng(SEED, "docx#4")).mutate(docx).data != first.data
    steps = [step for i in range(200) for step in Mutator(case_rng(SEED, f"docx#{i}")).mutate(docx).steps]
    for kind in ("entry ", "drop entry", "rename entry", "add entry", "corrupt compressed stream",
                 "central directory record", "flip", "truncate", "insert", "duplicate", "number"):
        assert any(step.startswith(kind) for step in steps), kind


def test_a_corrupted_stream_fails_in_the_decompressor(samples: dict[str, Sample]) -> None:
    found = False
    for i in range(100):
        mutator = Mutator(case_rng(SEED, f"odt#{i}"))
        entries = mutator._entries(samples["odt"].data)
        assert entries is not None
        data, step = mutator._corrupt_stream(samples["odt"].data, entries, 1)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                zf.read("content.xml")
            except zlib.error:
                found = True
                break
            except zipfile.BadZipFile:
                continue
    assert found


@pytest.mark.parametrize("name", NAMES)
def test_fuzz(name: str, workspace: Workspace, samples: dict[str, Sample]) -> None:
    """Each case: the whole text imported, or a one-line MaknaError naming the file with the project
    unchanged; through the CLI (every few cases) no traceback and one line on stderr."""
    sample = samples[name]
    indexes = selected(sample, PER_SAMPLE, ONLY)
    if not indexes:
        pytest.skip(f"MAKNA_FUZZ_ONLY={ONLY}")
    outcomes = list(run_cases(workspace, sample, indexes, SEED))
    problems = [describe(o, SEED) for o in outcomes if o.kind == "problem"]
    assert not problems, f"{len(problems)} of {len(outcomes)} cases failed:\n" + "\n".join(problems)
    if len(indexes) >= 20:  # the mutations both keep files importable and break them
        kinds = {o.kind for o in outcomes}
        assert kinds == {"imported", "refused"}, kinds


def test_workspace_counts_see_a_change(workspace: Workspace, tmp_path: Path) -> None:
    """The 'project unchanged' check can fail: an import changes the counts it compares."""
    import makna

    location = workspace.fresh_project("count-check")
    (tmp_path / "a.txt").write_text("P: halo\n", encoding="utf-8")
    with makna.open_project(str(location), coder="fuzz") as project:
        makna.import_file(project, tmp_path / "a.txt")
    assert workspace.counts(location) != workspace.baseline
    workspace.cleanup("count-check")
