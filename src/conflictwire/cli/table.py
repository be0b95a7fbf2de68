"""The table of events `extract --table` prints, for a person to read: it fits an 80-column
terminal, cuts long cells with an ellipsis rather than breaking words, and `--wide` shows every
column in full."""
from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..model import Actor, Event, Extraction
from ..resolve.actors import country_name

NARROW = 80  # columns: the width of a terminal nobody resized, and of a pipe
FIXED = {"report": 9, "date": 10, "dead/hurt": 9}  # what these cells hold is short, or cut well
GAP = 2  # characters between two columns
NONE = "–"


def clip(text: str, limit: int) -> str:
    """`text` in `limit` characters: cut after a whole word when one ends in the second half of
    the room ("Military Forces…"), else mid-word, with an ellipsis either way."""
    if len(text) <= limit:
        return text
    cut = text[:max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-(") + "…"


def short_actor(actor: Actor | None, home: str | None = None) -> str:
    """An ACLED actor name as the narrow table shows it: its country as a code, or not at all when
    it is the event's own country (`home`, shown in the place column), and "Forces" left out:
    "Military Forces of Mali" -> "Military" in Mali, "Military (ML)" elsewhere; "Civilians (Mali)"
    -> "Civilians". Other names as they are."""
    if actor is None:
        return "?"
    name, country = actor.name, country_name(actor.country_code) if actor.country_code else None
    for ending in (f" of {country}", f" of the {country}", f" ({country})") if country else ():
        if name.endswith(ending):
            name = name[:-len(ending)].replace(" Forces", "")
            return name if actor.country_code == home else f"{name} ({actor.country_code})"
    return name


def column_widths(width: int, several: bool) -> dict[str, int]:
    """The narrow table's columns and their widths: actors get half of what the fixed columns
    leave, sub-type and place a quarter each."""
    headers = (["report"] if several else []) + ["date", "sub-type", "actors", "place", "dead/hurt"]
    # A terminal too narrow for any table still gets a readable one, cropped at its edge.
    free = max(width - GAP * (len(headers) - 1) - sum(FIXED.get(h, 0) for h in headers), 32)
    quarter = free // 4
    return {h: FIXED.get(h) or {"actors": free - 2 * quarter}.get(h, quarter) for h in headers}


def actors_cell(actor1: str, actor2: str | None, width: int) -> str:
    """"actor1 → actor2" in `width` characters: both sides cut if need be, a short side leaving
    its room to the other."""
    if actor2 is None:
        return clip(actor1, width)
    room = width - len(" → ")
    if len(actor1) + len(actor2) > room:
        left = min(len(actor1), max(room // 2, room - len(actor2)))
        actor1, actor2 = clip(actor1, left), clip(actor2, room - left)
    return f"{actor1} → {actor2}"


def place_cell(name: str | None, country_code: str | None, width: int) -> str:
    suffix = f" ({country_code or '?'})"  # the country stays when the name is cut
    return clip(name or "?", width - len(suffix)) + suffix


def report_name(result: Extraction) -> str:
    return Path(result.article.source_path or result.article.article_id).name


def print_events(console: Console, results: list[Extraction], wide: bool = False) -> None:
    if not wide:
        width = min(console.width, NARROW) if console.is_terminal else NARROW
        console.print(events_table(results, width=width))
        return
    table = events_table(results, wide=True)
    needed = Measurement.get(console, console.options.update_width(10_000), table).maximum
    # Rich caps a print at the console's width: a console as wide as the table shows it whole.
    Console(file=console.file, width=max(needed, console.width), force_terminal=console.is_terminal,
            color_system=console.color_system, highlight=False).print(table)


def events_table(results: list[Extraction], *, wide: bool = False, width: int = NARROW) -> Table:
    """The events of `results`; the report column only when there are several reports."""
    return wide_table(results) if wide else narrow_table(results, width)


def narrow_table(results: list[Extraction], width: int) -> Table:
    widths = column_widths(width, several=len(results) > 1)
    table = Table(title="Events found", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                  caption=f"dead/hurt: fatalities/injuries ({NONE}: not reported)", caption_justify="left")
    for header, w in widths.items():
        table.add_column(header, width=w, no_wrap=True, overflow="ellipsis")
    for result in results:
        for n, event in enumerate(result.events):
            cells = narrow_cells(event, widths)
            if "report" in widths:  # on its first event only: the rows below are the same report's
                cells.insert(0, clip(report_name(result), widths["report"]) if n == 0 else "")
            table.add_row(*map(Text, cells))  # Text: a name in [brackets] is not markup
    return table


def narrow_cells(e: Event, widths: dict[str, int]) -> list[str]:
    home = e.location.country_code
    actors = actors_cell(short_actor(e.actor1, home), short_actor(e.actor2, home) if e.actor2 else None, widths["actors"])
    place = place_cell(e.location.name, e.location.country_code, widths["place"])
    casualties = f"{e.fatalities}/{NONE if e.injuries is None else e.injuries}"
    return [e.event_date or "?", e.sub_event_type, actors, place, casualties]


def wide_table(results: list[Extraction]) -> Table:
    table = Table(title="Events found")
    for header in ("report", "date", "event type", "sub-type", "actor 1", "actor 2", "place", "admin1", "country",
                   "weapon", "killed", "injured"):
        table.add_column(header, no_wrap=True)
    for result in results:
        for e in result.events:
            loc = e.location
            cells = [report_name(result), e.event_date or "?", e.event_type, e.sub_event_type,
                     e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "", loc.name or "?",
                     loc.admin1 or "", loc.country_code or "?", e.weapon or "", str(e.fatalities),
                     "" if e.injuries is None else str(e.injuries)]
            table.add_row(*map(Text, cells))
    return table
