"""``makna suggest``: code suggestions learnt on this machine from the codebook and the project's human
coding, their review (one keystroke per decision), their reliability per code, and their quality on
corpus folders. Parse, call the core (:mod:`makna.suggest`), format: no logic here."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import app
from ._common import CoderOpt, FormatOpt, OutputFormat, ProjectOpt, busy, emit, opened

suggest_app = typer.Typer(no_args_is_help=False, rich_markup_mode=None, invoke_without_command=True)


class UnitOpt(str, Enum):
    turn = "turn"
    sentence = "sentence"
    paragraph = "paragraph"


Unit = Annotated[UnitOpt, typer.Option("--unit", help="What a suggestion codes: a turn, sentence or paragraph.")]
MinConf = Annotated[float, typer.Option("--min-confidence", help="Suggest only at or above this calibrated "
                                        "confidence (0-1; 0.8 = about 8 in 10 right on held-back data).")]
Kappa = Annotated[float, typer.Option("--kappa", help="Codes whose cross-validated kappa against the human coders "
                                      "is below this are not suggested.")]


@suggest_app.callback()
def suggest(
    ctx: typer.Context,
    project: ProjectOpt = None,
    unit: Unit = UnitOpt.turn,
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Only units of this source "
                                                     "(repeatable).")] = None,
    code: Annotated[list[str] | None, typer.Option("--code", "-c", help="Only this code (repeatable).")] = None,
    min_confidence: MinConf = 0.5,
    kappa: Kappa = 0.6,
    allow_unmeasured: Annotated[bool, typer.Option("--allow-unmeasured", help="Also suggest codes whose "
                                                   "reliability cannot be measured yet (from the codebook alone).")]
    = False,
    llm: Annotated[str | None, typer.Option("--llm", help="OpenAI-compatible endpoint of a language model you run "
                                            "yourself (e.g. http://127.0.0.1:11434/v1); it keeps only the "
                                            "suggestions it agrees with. Off by default.")] = None,
    llm_model: Annotated[str, typer.Option("--llm-model", help="Model name for --llm.")] = "llama3.1",
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Let --llm name another machine "
                                               "(transcripts are sent there).")] = False,
    coder: CoderOpt = None,
) -> None:
    """Suggest codes for uncoded units, learnt on this machine; review them with 'makna suggest review'.

    Suggestions are stored under the coder 'makna-suggest', apart from every person's coding."""
    if ctx.invoked_subcommand is not None:
        return
    from ..suggest import run
    from ..suggest.llm import LLMClient

    client = LLMClient(llm, llm_model, allow_remote=allow_remote) if llm else None
    with opened(project, coder) as proj, busy("Training on your coding and suggesting (cross-validated per code)"):
        result = run(proj, unit=unit.value, sources=source, codes=code, min_confidence=min_confidence, kappa=kappa,
                     allow_unmeasured=allow_unmeasured, llm=client)
    how = "trained on" if result.retrained else "kept from the last run (nothing changed since), trained on"
    typer.echo(f"{result.created} suggestion(s) for {result.candidates} uncoded {unit.value}(s), model {result.model} "
               f"{how} {result.trained_on} unit(s).")
    if not result.candidates:
        typer.echo("  Suggestions are made for sources nobody has coded yet: a source with any person's coding is "
                   "training data (its uncoded parts teach 'no code'). Import one, or name one with --source.")
    for key, why in sorted(result.withheld.items()):
        typer.echo(f"  not suggested: {key} ({why})")
    if result.created:
        typer.echo("Review them with: makna suggest review")


@suggest_app.command("list")
def list_cmd(project: ProjectOpt = None, fmt: FormatOpt = OutputFormat.table,
             state: Annotated[str, typer.Option("--state", help="pending, accepted or rejected.")] = "pending",
             source: Annotated[str | None, typer.Option("--source", "-s")] = None,
             code: Annotated[str | None, typer.Option("--code", "-c")] = None) -> None:
    """List suggestions (most confident first)."""
    from ..suggest import pending

    with opened(project) as proj:
        rows = [s.as_dict() for s in pending(proj, source=source, code=code, state=state)]
    emit(rows, ["id", "source", "start", "end", "code", "confidence", "state", "decided_by", "text"], fmt,
         title=f"Suggestions ({state})", empty="No suggestions.")


@suggest_app.command("review")
def review(project: ProjectOpt = None, coder: CoderOpt = None,
           source: Annotated[str | None, typer.Option("--source", "-s")] = None,
           code: Annotated[str | None, typer.Option("--code", "-c")] = None) -> None:
    """Review pending suggestions, one keystroke each: a = accept, r = reject, s = skip, q = quit."""
    from ..suggest import decide, pending

    counts = {"accept": 0, "reject": 0, "skip": 0}
    with opened(project, coder) as proj:
        queue = pending(proj, source=source, code=code)
        if not queue:
            typer.echo("No pending suggestions.")
            return
        for n, s in enumerate(queue, 1):
            typer.echo(f"\n[{n}/{len(queue)}] {s.source} {s.start}:{s.end}  {s.code} ({s.code_name})  "
                       f"confidence {s.confidence:.2f}")
            typer.echo(s.text)
            typer.echo("a accept · r reject · s skip · q quit: ", nl=False)
            key = ""
            while key not in ("a", "r", "s", "q"):
                key = _key()
            typer.echo(key)
            if key == "q":
                break
            if key == "s":
                counts["skip"] += 1
                continue
            decide(proj, s.id, "accept" if key == "a" else "reject")
            counts["accept" if key == "a" else "reject"] += 1
    typer.echo(f"Accepted {counts['accept']}, rejected {counts['reject']}, skipped {counts['skip']}.")


def _key() -> str:
    """One decision key: a keystroke at a terminal; from a pipe or a file, its next non-blank character
    (the end of the input quits), so that review can be scripted instead of crashing without a terminal."""
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        return typer.getchar().lower()
    while True:
        ch = sys.stdin.read(1) if sys.stdin is not None else ""
        if not ch:
            return "q"
        if not ch.isspace():
            return ch.lower()


Ids = Annotated[list[str] | None, typer.Argument(help="Suggestion ids (or --all).", show_default=False)]
AllOpt = Annotated[bool, typer.Option("--all", help="Every pending suggestion (narrowed by --source and --code) "
                                      "instead of ids.")]
SourceOpt = Annotated[str | None, typer.Option("--source", "-s", help="With --all: only suggestions in this source.")]
CodeOpt = Annotated[str | None, typer.Option("--code", "-c", help="With --all: only suggestions of this code.")]


@suggest_app.command("accept")
def accept_cmd(ids: Ids = None, every: AllOpt = False, source: SourceOpt = None, code: CodeOpt = None,
               project: ProjectOpt = None, coder: CoderOpt = None) -> None:
    """Accept suggestions: each becomes your coding, its provenance kept."""
    _decide(ids, every, source, code, "accept", project, coder)


@suggest_app.command("reject")
def reject_cmd(ids: Ids = None, every: AllOpt = False, source: SourceOpt = None, code: CodeOpt = None,
               project: ProjectOpt = None, coder: CoderOpt = None) -> None:
    """Reject suggestions (remembered, and learnt from; no longer listed as codings)."""
    _decide(ids, every, source, code, "reject", project, coder)


def _decide(ids: list[str] | None, every: bool, source: str | None, code: str | None, decision: str,
            project: str | None, coder: str | None) -> None:
    from ..errors import InputError
    from ..suggest import decide, pending

    if every == bool(ids):
        raise InputError(f"suggest {decision}: name suggestion ids or --all, not both" if ids
                         else f"suggest {decision}: name suggestion ids, or --all for every pending one")
    if (source or code) and not every:
        raise InputError(f"suggest {decision}: --source and --code go with --all")
    with opened(project, coder) as proj:
        chosen = ids or [s.id for s in pending(proj, source=source, code=code)]
        for sid in chosen:
            decide(proj, sid, "accept" if decision == "accept" else "reject")
    typer.echo(f"{decision.capitalize()}ed {len(chosen)} suggestion(s).")


@suggest_app.command("reliability")
def reliability_cmd(project: ProjectOpt = None, unit: Unit = UnitOpt.turn, min_confidence: MinConf = 0.5,
                    kappa: Kappa = 0.6, fmt: FormatOpt = OutputFormat.table) -> None:
    """Per code: F1 and Cohen's kappa of the suggester against the human coders, leaving one source out."""
    from ..suggest import reliability

    with opened(project) as proj, busy("Cross-validating the suggester, one source left out at a time"):
        rel = reliability(proj, unit=unit.value, kappa=kappa, min_confidence=min_confidence)
    rows: list[dict[str, Any]] = [c.as_dict() for c in rel.codes]
    emit(rows, ["code", "f1", "kappa", "support", "units", "suggested", "reason"], fmt,
         title=f"Suggester vs human coders, leave one source out ({rel.sources} sources, confidence >= "
               f"{min_confidence:g}, kappa threshold {kappa:g})", empty="No code to measure.")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@suggest_app.command("evaluate")
def evaluate_cmd(
    train: Annotated[Path, typer.Option("--train", help="Folder of coded transcripts (dev-corpus format).")],
    test: Annotated[Path, typer.Option("--test", help="Folder of transcripts to score, with codebook.json.")],
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", help="Suggest at or above this confidence [default: the threshold with the best "
        "micro-F1 on the train folder's own held-out transcripts].", show_default=False)] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.table,
) -> None:
    """Score suggestions on corpus folders: micro/macro F1 and per code, against a keyword baseline."""
    from ..suggest import evaluate_corpus

    data = evaluate_corpus(train, test, min_confidence=min_confidence)
    if fmt is EvalFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    rows = [{"code": c, **{k: round(v, 3) if isinstance(v, float) else v for k, v in s.items()}}
            for c, s in data["per_code"].items()]
    emit(rows, ["code", "f1", "precision", "recall", "support"], OutputFormat.table,
         title=f"Suggestions on {data['units']} segments")
    b = data["baseline"]
    typer.echo(f"micro-F1 {data['micro_f1']:.3f} (baseline {b['micro_f1']:.3f}), macro-F1 {data['macro_f1']:.3f}, "
               f"precision {data['precision']:.3f}, recall {data['recall']:.3f} at confidence >= "
               f"{data['min_confidence']:.3f}, {data['units_per_second']:,.0f} units/s")


app.add_typer(suggest_app, name="suggest",
              help="Code suggestions learnt on this machine, their review and how far they can be trusted.")
