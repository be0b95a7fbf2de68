"""`conflictwire events`: the canonical events in the store, filtered, as a table, JSON Lines,
CSV or GeoJSON; `events show ID` prints one with its reports and merge reasons; `events split ID`
undoes a wrong merge."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from pydantic import ValidationError
from rich import box
from rich.table import Table
from rich.text import Text

from ..store.formats import FORMATS, WRITERS
from .common import DB_HELP, abort, open_store, out, say
from .table import actors_cell, clip, place_cell, short_actor

EPILOG = """**Examples**

* `conflictwire events --country Mali --since 2025-01-01`
* `conflictwire events --type "Explosions/Remote violence" --min-fatalities 5 --format csv -o big.csv`
* `conflictwire events --bbox 2,10,16,24 --format geojson -o sahel.geojson`
* `conflictwire events --actor JNIM --text convoy`
* `conflictwire events show 3f2a9c01d4e5b6a7`
* `conflictwire events split 3f2a9c01d4e5b6a7`
"""

events_app = typer.Typer(help="The canonical events in the store: list, show one, split a wrong merge.",
                         rich_markup_mode="markdown")


def parse_bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise typer.BadParameter("give west,south,east,north in degrees, e.g. 2,10,16,24", param_hint="--bbox")
    return parts  # type: ignore[return-value]


@events_app.callback(invoke_without_command=True, epilog=EPILOG)
def events_command(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date."),
    country: Optional[str] = typer.Option(None, "--country", help="A country name or ISO code (Mali, ML)."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="A first-level region (Gao, Borno)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="An ACLED event type (Battles, Protests...)."),
    sub_event_type: Optional[str] = typer.Option(None, "--sub-type", help="An ACLED sub-event type (Armed clash...)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Part of either actor's name."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="west,south,east,north in degrees."),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the notes, place, actors or the reports' text."),
    min_fatalities: Optional[int] = typer.Option(None, "--min-fatalities", help="At least this many deaths."),
    grade: Optional[str] = typer.Option(None, "--grade", help="single source, corroborated or contested."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many events (newest first)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl, csv (ACLED columns) or geojson."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
) -> None:
    """List the stored events that match every filter given, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    from ..store import EventFilter

    try:
        where = EventFilter(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                            sub_event_type=sub_event_type, actor=actor, bbox=parse_bbox(bbox), text=text,
                            min_fatalities=min_fatalities, grade=grade, limit=limit)
    except ValidationError as exc:
        raise typer.BadParameter("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
    with open_store(db, readonly=True) as store:
        events = store.events(where=where)
    if fmt == "table":
        out.print(stored_table(events, out.width))
        say(f"{len(events)} event(s)")
        return
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        WRITERS[fmt](events, handle)
    finally:
        if output:
            handle.close()


ID_SHOWN = 8  # characters of an event id in the table; `events show` takes any unique prefix
GRADE_MARK = {"corroborated": "C", "contested": "X"}


def stored_table(events, width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                  caption="dead: fatalities; src: reports/outlets, C corroborated, X contested",
                  caption_justify="left")
    fixed = {"id": ID_SHOWN, "date": 10, "dead": 4, "src": 5}
    rest = max(width - sum(fixed.values()) - 2 * 6, 30)  # what the fixed columns and the gaps leave
    widths = {"id": ID_SHOWN, "date": 10, "sub-type": rest // 4, "actors": rest - 2 * (rest // 4),
              "place": rest // 4, "dead": 4, "src": 5}
    for header, w in widths.items():
        table.add_column(header, width=w, no_wrap=True, overflow="ellipsis")
    for e in events:
        home = e.location.country_code
        actors = actors_cell(short_actor(e.actor1, home), short_actor(e.actor2, home) if e.actor2 else None, widths["actors"])
        cells = [e.event_id[:ID_SHOWN], e.event_date or "?", clip(e.sub_event_type, widths["sub-type"]), actors,
                 place_cell(e.location.name, home, widths["place"]), str(e.fatalities),
                 f"{e.n_reports}/{e.n_outlets}{GRADE_MARK.get(e.grade, '')}"]
        table.add_row(*map(Text, cells))
    return table


@events_app.command("show")
def show_command(
    event_id: str = typer.Argument(..., help="The event's id, or a prefix of it that no other id has (the first column of `conflictwire events`)."),
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the whole record as JSON."),
) -> None:
    """One event: its fields, every report behind it with the words each field was read from,
    the disagreements between reports, and the merge decisions with their reasons."""
    from ..store import StoreError

    with open_store(db, readonly=True) as store:
        try:
            detail = store.event(store.full_id(event_id))
        except StoreError as exc:
            abort(exc, 1)
    if as_json:
        out.print_json(detail.model_dump_json())
        return
    print_detail(detail)


def line(text: str, style: str = "") -> None:
    """One line, never wrapped by the terminal's width: ids and quotes stay whole for copying."""
    out.print(Text(text, style=style), soft_wrap=True)


def print_detail(detail) -> None:
    e = detail.event
    line(f"{e.event_id}  {e.event_date or '?'}  {e.event_type} / {e.sub_event_type}", style="bold")
    line(f"{e.actor1.name if e.actor1 else '?'} → {e.actor2.name if e.actor2 else '–'}")
    loc = e.location
    line(f"{loc.name or '?'}, {loc.admin1 or '?'}, {loc.country or loc.country_code or '?'}  "
         f"(geo_precision {loc.geo_precision}, {loc.latitude}, {loc.longitude})")
    line(f"weapon {e.weapon or '–'}, fatalities {e.fatalities}, injuries {e.injuries if e.injuries is not None else '–'}; "
         f"{e.n_reports} report(s), {e.n_outlets} outlet(s): {e.grade}")
    line(e.notes, style="italic")
    for name, values in e.disagreements.items():
        shown = "; ".join(f"{v['value']} ({', '.join(v['articles'])})" for v in values)
        line(f"reports disagree on {name}: {shown}", style="yellow")
    for r in detail.reports:
        line(f"\nreport {r.article_id} [{r.language}] {r.outlet or ''} {r.published or ''}: {r.title or r.source or ''}", style="bold")
        for ev in r.evidence:
            line(f"  {ev.field:<14} {ev.text!r} @{ev.start}")
    if detail.decisions:
        line("\nmerge decisions", style="bold")
    for d in detail.decisions:
        verdict = "merged" if d.merged else "kept apart"
        score = "" if d.score is None else f" score {d.score:.2f}"
        line(f"  {d.mention_id} vs event {d.event_id}: {verdict} ({d.step}{score})")
        for reason in d.reasons:
            line(f"    {reason.get('feature')}: {reason.get('detail')}")


@events_app.command("split")
def split_command(
    event_id: str = typer.Argument(..., help="The merged event's id, or a unique prefix of it."),
    report: Optional[str] = typer.Option(None, "--report", help="Take only this report (article id) out of the event."),
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
) -> None:
    """Undo a wrong merge: each report becomes an event of its own (or only --report leaves).
    The split is remembered: the reports are never merged again, re-ingests included."""
    from ..store import StoreError

    with open_store(db) as store:
        try:
            events = store.split(store.full_id(event_id), report)
        except StoreError as exc:
            abort(exc, 1)
    say(f"event {event_id} split into: {', '.join(events)}")
