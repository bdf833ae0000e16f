"""``conflictlens evaluate``: measure extraction against human-coded data.

Kept cheap to import: the gold readers, metrics, rich and the pipeline are imported inside the command.
Register with ``app.command("evaluate")(evaluate_command)``; ``python -m conflictlens.evaluate`` runs it alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from conflictlens.evaluate.gold import GoldDoc, GoldSet
    from conflictlens.evaluate.metrics import Evaluation
    from conflictlens.evaluate.predictions import Failures, Predictions


def evaluate_command(
    gold: Annotated[
        Path,
        typer.Argument(help="Gold file: our gold JSON/JSON Lines, an ACLED export or a UCDP GED export (CSV/JSONL)."),
    ],
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions", "-p", help="JSON Lines of document results to score, instead of running extraction."
        ),
    ] = None,
    text_field: Annotated[
        str | None, typer.Option("--text-field", help="Column holding the document text (ACLED: notes).")
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", help="Column holding the document id (ACLED: event_id_cnty).")
    ] = None,
    published_field: Annotated[
        str | None,
        typer.Option("--published-field", help="Column holding the publication date (ACLED/UCDP: none by default)."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML report (tables, charts, worst errors).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Evaluate only the first N gold documents.")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Also score each value of this gold column apart (e.g. year, source)."),
    ] = None,
) -> None:
    """Measure extraction against human-coded data: event detection and per-field accuracy, plus score.py's view."""
    from conflictlens.errors import ConflictlensError, InputError
    from conflictlens.evaluate.gold import read_gold
    from conflictlens.evaluate.metrics import evaluate
    from conflictlens.evaluate.predictions import read_predictions, run_pipeline
    from conflictlens.evaluate.report import render_groups, render_html, render_terminal, to_json

    try:
        gold_set = read_gold(
            gold, text_field=text_field, id_field=id_field, published_field=published_field, limit=limit, group_field=by
        )
        if predictions is not None:
            preds, failures = read_predictions(predictions)
        else:
            preds, failures = _extract(gold_set.docs, run_pipeline, quiet=json_out)
        result = evaluate(gold_set, preds, failures)
        groups = _by_group(gold_set, preds, failures) if by else {}
        if html is not None:
            try:
                html.write_text(render_html(result), encoding="utf-8")
            except OSError as exc:
                raise InputError(str(html), f"cannot write the report: {exc.strerror or exc}") from None
    except ConflictlensError as exc:
        print(f"conflictlens: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    if json_out:
        print(to_json(result, groups))
    else:
        render_terminal(result)
        if groups:
            render_groups(groups, by or "")
        if html is not None:
            print(f"report written to {html}", file=sys.stderr)


def _by_group(gold_set: GoldSet, preds: Predictions, failures: Failures) -> dict[str, Evaluation]:
    """The evaluation of each group of documents apart, in the groups' order."""
    from conflictlens.evaluate.gold import GoldSet
    from conflictlens.evaluate.metrics import evaluate

    members: dict[str, list[GoldDoc]] = {}
    for doc in gold_set.docs:
        members.setdefault(doc.group or "(none)", []).append(doc)
    return {
        value: evaluate(GoldSet(gold_set.path, gold_set.format, docs), preds, failures, worst=0)
        for value, docs in sorted(members.items())
    }


def _extract(
    docs: list[GoldDoc], run_pipeline: Callable[..., tuple[Predictions, Failures]], *, quiet: bool
) -> tuple[Predictions, Failures]:
    """Run extraction over the gold documents with a progress bar on stderr (none with ``--json``)."""
    from rich.console import Console
    from rich.progress import Progress

    if quiet:
        return run_pipeline(docs)
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting", total=len(docs))
        return run_pipeline(docs, on_result=lambda _id: progress.advance(task))


def main() -> None:
    """Run ``evaluate`` as a program of its own (``python -m conflictlens.evaluate``)."""
    typer.run(evaluate_command)
