"""Hand-made extractions for store tests: the store's behaviour is tested on records whose every
field the test chooses, without running the extractor."""
from __future__ import annotations

from conflictwire.model import Actor, Article, Event, Evidence, Extraction, Place, Statement, Tally

PLACES = {  # name: (country, code, admin1, lat, lon)
    "Gao": ("Mali", "ML", "Gao", 16.2717, -0.0447),
    "Ansongo": ("Mali", "ML", "Gao", 15.6597, 0.5022),  # ~90 km from Gao
    "Bourem": ("Mali", "ML", "Gao", 16.9539, -0.3497),
    "Mopti": ("Mali", "ML", "Mopti", 14.4843, -4.1830),  # ~280 km from Gao... and another province
    "Maiduguri": ("Nigeria", "NG", "Borno", 11.8464, 13.1603),
    "Konduga": ("Nigeria", "NG", "Borno", 11.6533, 13.4179),  # ~35 km from Maiduguri
}

ARMY = Actor(name="Military Forces of Mali", kind="state_forces", country_code="ML")
JNIM = Actor(name="JNIM: Group for Support of Islam and Muslims", kind="rebel_group")
UNKNOWN = Actor(name="Unidentified Armed Group (Mali)", kind="political_militia", country_code="ML")


def place(name: str, precision: int = 1) -> Place:
    country, code, admin1, lat, lon = PLACES[name]
    return Place(name=name, country=country, country_code=code, admin1=admin1, latitude=lat, longitude=lon,
                 geo_precision=precision, text=name)


def event(date="2025-03-04", where="Gao", sub="Armed clash", etype="Battles", actor1=JNIM, actor2=ARMY,
          fatalities=3, weapon="small_arms", notes=None, precision="day", geo=1, outcome=()) -> dict:
    return dict(event_date=date, date_precision=precision, event_type=etype, sub_event_type=sub, actor1=actor1,
                actor2=actor2, location=place(where, geo), weapon=weapon, fatalities=fatalities,
                outcome=list(outcome),
                notes=notes or f"On {date}, {actor1.name if actor1 else 'someone'} fought {actor2.name if actor2 else ''} in {where}; {fatalities} killed.")


def report(text: str, *events: dict, published="2025-03-05", source=None, outlet=None, url=None, language="en",
           statements=(), tallies=()) -> Extraction:
    art = Article.create(text, language, source_path=source, url=url, published=published, outlet=outlet)
    out = []
    for n, fields in enumerate(events):
        out.append(Event(event_id=f"e{n}", article_ids=[art.article_id],
                         evidence=[Evidence(field="trigger", start=n, end=n + 1, text=art.text[n:n + 1])], **fields))
    return Extraction(article=art, events=out, statements=[s.model_copy(update={"article_id": art.article_id}) for s in statements],
                      tallies=[t.model_copy(update={"article_id": art.article_id}) for t in tallies])


def denial(start: int = 10) -> Statement:
    return Statement(statement_id="s", article_id="", statement_type="REJECT",
                     speaker=Actor(name="Military Forces of Mali", kind="state_forces", country_code="ML"),
                     evidence=[Evidence(field="trigger", start=start, end=start + 1, text="x")])


def attacks_tally(value: int, since: str, until: str | None = None, countries=("ML",)) -> Tally:
    return Tally(tally_id="t", article_id="", quantity="attacks", value=value, qualifier="at_least", since=since,
                 until=until, countries=list(countries), evidence=[Evidence(field="value", start=0, end=1, text="x")])
