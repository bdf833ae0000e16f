"""Command-line front of the geo module: ``conflictlens gazetteer import|build|info`` and ``conflictlens geocode``.

Each command is a thin call into :mod:`.gazetteer` / :mod:`.importer`; heavy imports stay inside the functions so
that importing this module (and so ``conflictlens --help``) stays cheap.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

gazetteer_app = typer.Typer(
    help="The offline gazetteer: import GeoNames files, rebuild the compiled index, show what is loaded.",
    no_args_is_help=True,
)


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


_FILE_ARG = typer.Argument(
    ...,
    help="GeoNames file: UA.zip / allCountries.zip / UA.txt (main dump), alternateNamesV2.zip, or a postal-code file.",
)


@gazetteer_app.command("import")
def import_command(file: Path = _FILE_ARG) -> None:
    """Add the places and names of a GeoNames file to your gazetteer (importing again adds nothing twice)."""
    from conflictlens.errors import ConflictlensError
    from conflictlens.geo.gazetteer import Gazetteer
    from conflictlens.geo.importer import import_file

    try:
        res = import_file(file)
        gaz = Gazetteer.load()
    except ConflictlensError as exc:
        _fail(exc)
        return
    typer.echo(
        f"imported {file} ({res.format}, {res.rows} rows): {res.places_added} places and {res.names_added} names "
        f"added; stored in {res.store}; gazetteer now has {len(gaz)} places"
    )


@gazetteer_app.command("build")
def build_command() -> None:
    """Recompile the gazetteer index from the bundled data and your imports."""
    import time

    from conflictlens.errors import ConflictlensError
    from conflictlens.geo.gazetteer import Gazetteer

    t0 = time.perf_counter()
    try:
        gaz = Gazetteer.build()
    except ConflictlensError as exc:
        _fail(exc)
        return
    typer.echo(f"built {gaz.path}: {len(gaz)} places, {len(gaz.names)} names in {time.perf_counter() - t0:.1f} s")


@gazetteer_app.command("info")
def info_command() -> None:
    """Show the gazetteer's sources, counts, index path and load time."""
    from conflictlens.errors import ConflictlensError
    from conflictlens.geo.gazetteer import Gazetteer

    try:
        gaz = Gazetteer.load()
    except ConflictlensError as exc:
        _fail(exc)
        return
    typer.echo(f"index: {gaz.path}")
    typer.echo(f"places: {len(gaz)}  names: {len(gaz.names)}  load: {gaz.load_seconds:.3f} s")
    for src in gaz.sources:
        extra = ", ".join(f"{k}={v}" for k, v in src.items() if k != "source")
        typer.echo(f"  source: {src['source']} ({extra})")


def geocode_command(
    name: str = typer.Argument(..., help="A place name, any common spelling (Kiev, Zaporozhye, Mykhailivka)."),
    country: str | None = typer.Option(None, "--country", help="Only candidates in this ISO country (UA, RU...)."),
    limit: int = typer.Option(5, "--limit", help="How many candidates to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """Look a place name up in the gazetteer and print its candidates, best first."""
    from conflictlens.errors import ConflictlensError
    from conflictlens.geo.gazetteer import Gazetteer

    try:
        gaz = Gazetteer.load()
    except ConflictlensError as exc:
        _fail(exc)
        return
    cands = gaz.geocode(name, country=country, limit=limit)
    fields = ["name", "kind", "precision", "country", "admin1", "admin2", "lat", "lon", "population", "geonameid"]
    # precision: where an event there is put (a codifier village stands at its hromada's centre: admin2)
    rows = [{f: p.location_fields()["precision"] if f == "precision" else getattr(p, f) for f in fields} for p in cands]
    if json_out:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    if not cands:
        typer.echo(f"no place called {name!r}" + (f" in {country}" if country else ""))
        raise typer.Exit(1)
    from rich.console import Console
    from rich.table import Table

    table = Table(*fields, title=f"{name}: {len(cands)} candidate(s)")
    for row in rows:
        table.add_row(*("" if row[f] is None else str(row[f]) for f in fields))
    Console(width=160).print(table)
