"""The events table `extract --table` prints: 80 columns, cut with an ellipsis, in full with --wide."""
import io

from rich.console import Console

from conflictwire.cli.table import actors_cell, events_table, print_events
from conflictwire.model import Actor, Article, Event, Extraction, Place

LONG = "Coalition of Invented Highland Self-Defence Committees of the Northern Plateau"


def extraction(name: str, actor1: str = LONG, place: str = "Imaginary Crossing") -> Extraction:
    article = Article.create("Invented text.", "en", source_path=f"reports/{name}", published="2024-05-07")
    event = Event(event_id=f"e-{name}", article_ids=[article.article_id], event_date="2024-05-06",
                  event_type="Violence against civilians", sub_event_type="Attack",
                  actor1=Actor(name=actor1), actor2=Actor(name="Civilians (Mali)"),
                  location=Place(name=place, country_code="ML"), weapon="firearm", fatalities=3, injuries=2)
    return Extraction(article=article, events=[event])


def render(results, wide=False, width=80) -> list[str]:
    buffer = io.StringIO()
    print_events(Console(file=buffer, width=width, color_system=None), results, wide=wide)
    return buffer.getvalue().splitlines()


def test_narrow_table_fits_80_columns_and_cuts_a_long_actor_with_an_ellipsis():
    lines = render([extraction("a.txt"), extraction("b.txt")])
    assert lines and max(map(len, lines)) <= 80
    text = "\n".join(lines)
    assert "…" in text and LONG not in text
    row = next(line for line in lines if "2024-05-06" in line)
    left, right = row.split(" → ")
    assert left.split()[-1].startswith("Coal") and right.startswith("Civ")  # both sides of "actor1 → actor2" show
    assert "3/2" in text and "2024-05-06" in text and "(ML)" in text


def test_no_word_is_broken_across_lines():
    lines = render([extraction("a.txt")])
    rows = [line for line in lines if "2024-05-06" in line]
    assert len(rows) == 1  # one event, one line: cells are cut, never wrapped


def test_wide_table_shows_every_name_in_full():
    text = "\n".join(render([extraction("a.txt")], wide=True))
    assert LONG in text and "Imaginary Crossing" in text and "firearm" in text and "…" not in text


def test_report_column_only_when_several_reports_are_read():
    one = events_table([extraction("a.txt")])
    two = events_table([extraction("a.txt"), extraction("b.txt")])
    assert "report" not in [c.header for c in one.columns]
    assert [c.header for c in two.columns][0] == "report"


def test_a_short_side_leaves_its_room_to_the_long_one():
    cell = actors_cell(LONG, "Police", 30)
    assert len(cell) <= 30 and cell.endswith(" → Police") and cell.startswith("Coalition of…")  # cut after a word
    assert actors_cell("Police", "Army", 30) == "Police → Army"


def test_a_very_narrow_terminal_still_gets_every_column():
    buffer = io.StringIO()
    Console(file=buffer, width=200, color_system=None).print(events_table([extraction("a.txt"), extraction("b.txt")], width=40))
    header = next(line for line in buffer.getvalue().splitlines() if "date" in line)
    assert all(name in header for name in ("report", "sub-type", "actors", "place", "dead/hurt"))


def test_names_are_cut_after_a_whole_word_and_show_their_country_as_a_code_when_foreign():
    from conflictwire.cli.table import clip, short_actor
    assert clip("Military Forces of Afghanistan", 18) == "Military Forces…"
    assert clip("Ambazonian", 6) == "Ambaz…"  # no whole word fits: cut in the word
    assert short_actor(Actor(name="Military Forces of Mali", country_code="ML"), home="ML") == "Military"
    assert short_actor(Actor(name="Military Forces of France", country_code="FR"), home="ML") == "Military (FR)"
    assert short_actor(Actor(name="Civilians (Mali)", country_code="ML"), home="ML") == "Civilians"
    assert short_actor(Actor(name="Fano Militia", country_code="ET"), home="ET") == "Fano Militia"
    police = extraction("a.txt")
    police.events[0].actor1 = Actor(name="Police Forces of Mali", country_code="ML")
    police.events[0].actor2 = Actor(name="Civilians (Mali)", country_code="ML")
    assert any("Police → Civilians" in line for line in render([police, extraction("b.txt")]))
