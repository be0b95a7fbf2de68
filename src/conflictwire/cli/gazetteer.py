"""`conflictwire gazetteer ...`: build, import into, query and describe the offline gazetteer."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .common import ensure_gazetteer, err, out

gazetteer_app = typer.Typer(
    help="The offline gazetteer: a SQLite file of places, admin areas, countries and airports "
         "(in the user data dir, or CONFLICTWIRE_DATA_DIR).",
    no_args_is_help=True, add_completion=False, rich_markup_mode="markdown",
)


def _db(path: Optional[Path]) -> Path:
    from ..gazetteer.store import default_path

    return Path(path) if path else default_path()


DB_OPTION = typer.Option(None, "--db", help="The gazetteer file (default: gazetteer.sqlite in the user data dir).")


@gazetteer_app.command("build", epilog="""**Examples**

* `conflictwire gazetteer build`
* `conflictwire gazetteer build --if-missing` (what `make setup` runs)
""")
def build_command(db: Optional[Path] = DB_OPTION,
                  if_missing: bool = typer.Option(False, "--if-missing", help="Keep a gazetteer of the current version (and its GeoNames imports) if there is one.")) -> None:
    """Build the gazetteer from the data installed packages ship (no network); replaces the
    file, GeoNames imports included."""
    from ..gazetteer.build import build
    from ..gazetteer.store import is_current

    if if_missing and is_current(_db(db)):
        err.print(f"{_db(db)} is current: nothing to build", highlight=False, soft_wrap=True)
        return
    summary = build(_db(db), progress=True, console=err)
    cov = summary["admin1_coverage"]
    err.print(f"built {summary['path']} in {summary['seconds']} s: {summary['places']:,} places, "
              f"{summary['names']:,} names; admin1 named for {cov['admin1_codes_named']}/{cov['admin1_codes']} codes",
              highlight=False, soft_wrap=True)


@gazetteer_app.command("import", epilog="""**Examples**

* `conflictwire gazetteer import IQ.zip alternateNamesV2.zip admin1CodesASCII.txt`
* `conflictwire gazetteer import allCountries.zip`
""")
def import_command(files: List[Path] = typer.Argument(..., help="GeoNames dumps: allCountries.zip, a country file "
                                                                "(IQ.zip, IQ.txt), cities500.zip, alternateNamesV2.zip "
                                                                "or alternateNames.txt, admin1CodesASCII.txt, admin2Codes.txt."),
                   db: Optional[Path] = DB_OPTION) -> None:
    """Import GeoNames dump files (all feature classes), in one transaction."""
    from ..gazetteer.geonames import GeonamesImportError, import_geonames

    try:
        summary = import_geonames(files, _db(db), progress=True, console=err)
    except GeonamesImportError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        err.print("nothing was imported", highlight=False)
        raise typer.Exit(1)
    for f in summary["files"]:
        err.print(f"{f['file']}: {f['kind']}, {f['rows']:,} rows" + (f" ({f['skipped']:,} skipped)" if f["skipped"] else ""),
                  highlight=False, soft_wrap=True)
    err.print(f"imported into {summary['path']} in {summary['seconds']} s", highlight=False, soft_wrap=True)


def _near(value: Optional[str]) -> Optional[tuple[float, float]]:
    if not value:
        return None
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter("expected LAT,LON such as 36.34,43.13", param_hint="--near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise typer.BadParameter("latitude or longitude out of range", param_hint="--near")
    return lat, lon


@gazetteer_app.command("lookup", epilog="""**Examples**

* `conflictwire gazetteer lookup Mossoul`
* `conflictwire gazetteer lookup Tripoli --country LB`
* `conflictwire gazetteer lookup "Ain al-Asad" --feature "air base"`
* `conflictwire gazetteer lookup Harir --near 36.5,44.3`
""")
def lookup_command(
    name: str = typer.Argument(..., help="A place name as the report writes it."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="The report's country (ISO alpha-2), preferred."),
    near: Optional[str] = typer.Option(None, "--near", help="LAT,LON of a known point: nearer places score higher."),
    feature: Optional[str] = typer.Option(None, "--feature", "-f", help="What the text calls it: air base, airport, dam, province, district, camp, or a GeoNames code (MILB)."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many candidates to show."),
    details: bool = typer.Option(False, "--details", help="Also show admin2, the GeoNames id and the name matched."),
    db: Optional[Path] = DB_OPTION,
) -> None:
    """Places a name may stand for, scored, best first."""
    from ..gazetteer.query import Gazetteer

    g = Gazetteer(ensure_gazetteer(_db(db)))
    cands = g.lookup(name, country=country.upper() if country else None, near=_near(near), feature=feature, limit=limit)
    if not cands:
        err.print(f"no place called {name!r}", highlight=False)
        raise typer.Exit(1)
    table = Table(title=f"{name}" + (f" (country {country.upper()})" if country else ""), title_justify="left")
    table.add_column("score", justify="right")
    table.add_column("name", min_width=14, overflow="fold")
    table.add_column("cc")
    table.add_column("feature")
    table.add_column("admin1", overflow="fold")
    table.add_column("lat, lon", justify="right")
    table.add_column("population", justify="right")
    if details:
        for col in ("admin2", "geonameid", "matched"):
            table.add_column(col, overflow="fold")
    for c in cands:
        row = [f"{c.score:.2f}", c.name, c.country_code or "", c.feature_code or c.feature_class or "", c.admin1 or "",
               f"{c.latitude:.3f}, {c.longitude:.3f}" if c.latitude is not None else "",
               f"{c.population:,}" if c.population else ""]
        if details:
            row += [c.admin2 or "", str(c.geonameid) if c.geonameid > 0 else "-", c.matched or ""]
        table.add_row(*row)
    out.print(table)


@gazetteer_app.command("info")
def info_command(db: Optional[Path] = DB_OPTION) -> None:
    """Where the gazetteer is, when it was built, what it holds."""
    from ..gazetteer.store import SCHEMA_VERSION, info

    facts = info(_db(db))
    table = Table(show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    table.add_row("path", facts["path"])
    if not facts["exists"]:
        table.add_row("state", "not built yet: `conflictwire gazetteer build` (extract and eval build it when missing)")
        out.print(table)
        return
    version = facts.get("schema_version")
    table.add_row("schema", f"{version}" + ("" if version == SCHEMA_VERSION else f" (current is {SCHEMA_VERSION}: run `conflictwire gazetteer build`)"))
    table.add_row("size", f"{facts['size_bytes'] / 1e6:.1f} MB")
    table.add_row("built", f"{facts.get('built_at', '?')} in {facts.get('build_seconds', '?')} s")
    table.add_row("sources", ", ".join(f"{k} {v}" for k, v in (facts.get("sources") or {}).items()))
    table.add_row("places", f"{facts['places']:,}")
    table.add_row("by feature class", ", ".join(f"{k}: {v:,}" for k, v in facts["by_feature_class"].items()))
    table.add_row("feature codes", ", ".join(f"{k}: {v:,}" for k, v in facts["top_feature_codes"].items()))
    table.add_row("names (keys)", f"{facts['names']:,}")
    table.add_row("admin1 / admin2 names", f"{facts['admin1_names']:,} / {facts['admin2_names']:,}")
    cov = facts.get("admin1_coverage") or {}
    if cov:
        table.add_row("admin1 coverage", f"{cov['admin1_codes_named']}/{cov['admin1_codes']} codes named; "
                                         f"{cov['places_with_admin1_name']:,}/{cov['places']:,} places")
    imports = facts.get("imports") or []
    table.add_row("GeoNames imports", "none" if not imports else "\n".join(
        f"{i['at']}  {Path(i['file']).name}{' (' + i['member'] + ')' if i.get('member') else ''}: {i['kind']}, {i['rows']:,} rows"
        for i in imports))
    out.print(table)
