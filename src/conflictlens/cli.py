"""The ``conflictlens`` command line: one typer app, each command a thin call into the modules.

Exit codes: 0 all documents processed, 1 some documents failed (each named on stderr in one line), 2 usage error
(bad option, unreadable gold file, missing input).  No traceback reaches the user for input they can fix.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

_collecting = gc.isenabled()
gc.disable()  # while typer (and click) are imported: see ``conflictlens/__init__.py``
try:
    import typer

    from conflictlens.evaluate.cli import evaluate_command
    from conflictlens.geo.cli import gazetteer_app, geocode_command
finally:
    if _collecting:
        gc.enable()

app = typer.Typer(
    name="conflictlens",
    help="Turn news reports about armed conflict into structured, evidence-linked event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(gazetteer_app, name="gazetteer", help="Build, inspect and extend the offline gazetteer.")
app.command("geocode", help="Look up a place name in the gazetteer (candidates with coordinates).")(geocode_command)
app.command("evaluate", help="Score extraction against human-coded events (own gold, ACLED or UCDP).")(evaluate_command)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _error(message: str) -> None:
    typer.echo(f"conflictlens: {message}", err=True)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _error(f"--published: {value!r} is not a date (use YYYY-MM-DD)")
        raise typer.Exit(2) from None


@app.command("extract")
def extract_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl), directories of them, or - for standard input.", show_default=False
        ),
    ],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for documents that carry none.")
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write results here instead of stdout.")] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="jsonl: the contract; table: a summary for people.")
    ] = OutputFormat.jsonl,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include each document's plain text in the output.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0: one per CPU); output keeps the input order.")
    ] = 1,
) -> None:
    """Extract events and claims from news reports: one JSON document result per line (`conflictlens schema`)."""
    from conflictlens.ingest import iter_documents
    from conflictlens.model import DocumentFailure
    from conflictlens.pipeline import Pipeline

    pub = _parse_date(published)
    try:
        pipeline = Pipeline.default()
    except Exception as exc:  # a broken user gazetteer, unreadable home directory...
        _error(f"cannot load the pipeline: {exc}")
        raise typer.Exit(2) from None
    failures = 0
    ok = 0
    as_table = fmt is OutputFormat.table
    out: IO[Any]
    try:
        # JSON Lines are written as the bytes the serializer makes, the table as text
        if output is None:
            out = sys.stdout
        elif as_table:
            out = open(output, "w", encoding="utf-8")  # noqa: SIM115
        else:
            out = open(output, "wb")  # noqa: SIM115
    except OSError as exc:
        _error(f"{output}: cannot write ({exc.strerror})")
        raise typer.Exit(2) from None
    # JSON Lines to stdout go to its binary buffer, where it has one (a stream swapped in for stdout may not)
    sink: IO[Any] = out if output is not None or as_table else getattr(out, "buffer", out)
    binary = not as_table and sink is not sys.stdout
    table = None
    if as_table:
        from conflictlens.report_table import TableWriter

        table = TableWriter(out)
    try:
        from functools import partial

        from conflictlens.engine.local import default_jobs, json_bytes, json_line, run_parallel

        workers = default_jobs() if jobs <= 0 else jobs
        transform = None if table is not None else partial(json_bytes if binary else json_line, with_text=with_text)
        newline: bytes | str = b"\n" if binary else "\n"
        for result in run_parallel(iter_documents(inputs, pub), workers, pipeline=pipeline, transform=transform):
            if isinstance(result, DocumentFailure):
                failures += 1
                _error(result.message())
                continue
            ok += 1
            if table is not None:
                table.write(result)  # type: ignore[arg-type]
            else:
                sink.write(result + newline)  # type: ignore[operator]
                if output is None:
                    sink.flush()
    finally:
        if output is not None:
            out.close()
    if ok == 0 and failures == 0:
        _error("no documents found in " + ", ".join(inputs))
        raise typer.Exit(2)
    if failures:
        raise typer.Exit(1)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of one output line, generated from the models."""
    from conflictlens.schema import document_schema

    typer.echo(json.dumps(document_schema(), indent=1))


def main() -> None:
    """Entry point: runs the app and turns user-caused errors into one line (exit 2)."""
    from conflictlens.errors import ConflictlensError

    try:
        app()
    except ConflictlensError as exc:
        _error(str(exc))
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
