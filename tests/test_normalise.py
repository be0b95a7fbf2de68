"""The article text: hard-wrapped lines are joined, line breaks between sentences stay, and the
length never changes (a line break becomes one space)."""
from conflictwire.model import normalise_text


def test_a_line_broken_inside_a_sentence_is_joined():
    wrapped = "Gunmen ambushed a convoy near the town of\nKaya on Monday, killing\nfour soldiers."
    assert normalise_text(wrapped) == "Gunmen ambushed a convoy near the town of\nKaya on Monday, killing four soldiers."
    fr = "Des hommes armés ont attaqué le poste de\ngendarmerie de Dori, tuant deux gendarmes."
    assert normalise_text(fr) == fr.replace("\n", " ")


def test_breaks_between_sentences_headings_and_paragraphs_stay():
    text = "Two soldiers died.\nThe army said so.\n\nBilan : trois morts\nSelon la police, le calme est revenu."
    assert normalise_text(text) == text
