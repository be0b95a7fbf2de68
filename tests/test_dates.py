import pytest

from conflictwire.resolve.dates import DateFinder, Published


def resolve(lang, text, published):
    finder = DateFinder(lang)
    exprs = finder.find(text)
    assert exprs, f"no time expression found in {text!r}"
    r = finder.resolve(exprs[0], Published.parse(published))
    return (r.value, r.precision) if r else None


@pytest.mark.parametrize("lang,text,published,expected", [
    ("fr", "Trois attaques ont eu lieu jeudi.", "2023-11", ("2023-11", "month")),  # never an invented day
    ("fr", "L'attaque a eu lieu jeudi.", "2024-03-08", ("2024-03-07", "day")),
    ("fr", "mardi dernier", "2024-03-05", ("2024-02-27", "day")),  # "last" Tuesday on a Tuesday: a week back
    ("fr", "le 26 octobre", "2023-11", ("2023-10-26", "day")),
    ("fr", "le 20 décembre", "2024-01-15", ("2023-12-20", "day")),  # never later than publication
    ("fr", "hier", "2024-03-08", ("2024-03-07", "day")),
    ("en", "on Tuesday", "2020-03-12", ("2020-03-10", "day")),
    ("en", "On 8 March 2020, gunmen", "2020-03-10", ("2020-03-08", "day")),
    ("en", "on March 3", "2024-03-10", ("2024-03-03", "day")),
    ("en", "last week", "2024-05-16", ("2024-05-08", "week")),
    ("en", "yesterday", "2024-05", ("2024-05", "month")),
])
def test_resolution(lang, text, published, expected):
    assert resolve(lang, text, published) == expected


def test_relative_date_without_publication_is_unknown():
    assert resolve("en", "on Tuesday", None) is None


def test_published_parse_precision():
    assert Published.parse("2023-11").precision == "month"
    assert Published.parse("2023-11").as_event_date() == ("2023-11", "month")
    assert Published.parse("2024-02-29").as_event_date() == ("2024-02-29", "day")


@pytest.mark.parametrize("lang,text,anchor,expected", [
    ("fr", "La veille, une embuscade", "2024-03-05", "2024-03-04"),
    ("fr", "le lendemain", "2024-03-05", "2024-03-06"),
    ("en", "A day earlier, a bomb", "2024-03-05", "2024-03-04"),
    ("en", "two days later", "2024-03-05", "2024-03-07"),
    ("en", "the next day", "2024-03-08", "2024-03-08"),  # never after publication
])
def test_day_before_and_after_count_from_the_event_told_before(lang, text, anchor, expected):
    import datetime as dt
    finder = DateFinder(lang)
    expr = finder.find(text)[0]
    r = finder.resolve(expr, Published.parse("2024-03-08"), dt.date.fromisoformat(anchor))
    assert (r.value, r.precision) == (expected, "day")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Heurts à Kolda après le verdict Publié le vendredi 7 juin 2024 | Agence\n\n"
           "Jeudi 6 juin, des partisans de l'opposition ont manifesté à Dakar après le verdict.\n\n"
           "Des heurts entre la police et des jeunes ont ensuite éclaté à Kolda."),
    ("en", "Clashes in Kolda after the verdict Published on Friday 7 June 2024 | Agency\n\n"
           "On Thursday, 6 June, opposition supporters protested in Dakar after the verdict.\n\n"
           "Violent clashes with security forces broke out in Kolda."),
])
def test_the_day_a_page_went_online_dates_nothing(extractor, lang, text):
    """ "Publié le vendredi 7 juin" stamps the page; the news is Thursday's, the lede's day, which
    the undated clashes take too."""
    from conflictwire.model import Article
    events = extractor.extract_article(Article.create(text, lang, published="2024-06-07")).events
    assert {e.event_date for e in events} == {"2024-06-06"}


def test_a_filing_stamp_may_give_the_month_only():
    from conflictwire.resolve.dates import stamped
    assert stamped(" date 2024-06 Clashes in Kolda") and stamped(" date 2024-06-07 Clashes in Kolda")
    assert not stamped("Clashes broke out in Kolda in 2024-06, witnesses said")
