"""Dates of events in reports whose body repeats its headlines under a filing stamp
(" date 2024-05-10 Headline"): the stamp is when the report was filed, not the day of any event,
and the lead is the first paragraph past those headlines. Invented wire copy, both languages."""
import pytest

from conflictwire.model import Article
from conflictwire.resolve.dates import DateFinder


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def test_a_stamp_opening_a_line_is_no_time_expression():
    finder = DateFinder("en")
    text = " date 2024-05-10 Gunmen kill two traders\n\nThe attack of 2024-05-08 was the third."
    assert [e.text for e in finder.find(text)] == ["2024-05-08"]


@pytest.mark.parametrize("text, lang, day", [
    (" date 2024-05-10 Soldiers yesterday fired on a crowd in Gao, killing three people\n\n"
     "Soldiers fired on a crowd of traders in Gao, killing three people.", "en", "2024-05-09"),
    (" date 2024-05-10 Des soldats ont tiré hier sur une foule à Gao, tuant trois personnes\n\n"
     "Des soldats ont tiré sur une foule de commerçants à Gao, tuant trois personnes.", "fr", "2024-05-09"),
])
def test_a_stamped_headline_dates_by_its_words_not_its_stamp(extractor, text, lang, day):
    assert {e.event_date for e in extract(extractor, text, lang).events} == {day}


@pytest.mark.parametrize("text, lang", [
    (" date 2024-05-10 Two attacks kill nine in northern Mali\n\n date 2024-05-10 Gunmen struck Gao\n\n"
     "Two attacks killed nine people in northern Mali. Both took place on Wednesday, officials said.\n\n"
     "Gunmen attacked a market in Gao, killing six traders.", "en"),
    (" date 2024-05-10 Deux attaques font neuf morts dans le nord du Mali\n\n date 2024-05-10 Des hommes armés frappent Gao\n\n"
     "Deux attaques ont fait neuf morts dans le nord du Mali. Elles ont eu lieu mercredi, selon des responsables.\n\n"
     "Des hommes armés ont attaqué un marché à Gao, tuant six commerçants.", "fr"),
])
def test_the_lead_is_the_first_paragraph_past_stamped_headlines(extractor, text, lang):
    events = [e for e in extract(extractor, text, lang).events if e.location.name and "Gao" in e.location.name]
    assert events and {e.event_date for e in events} == {"2024-05-08"}
