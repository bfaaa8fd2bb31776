"""Sentences and words: where a sentence ends, and what is one word."""

from __future__ import annotations

import pytest

from mghandout.reading.sentences import split


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in split(text)]


def test_full_stops_question_and_exclamation_marks_end_sentences() -> None:
    assert _texts("Eat greens. Do nuts help? Yes! They do.") == ["Eat greens.", "Do nuts help?", "Yes!", "They do."]


@pytest.mark.parametrize(
    "text",
    [
        "Low magnesium vs. healthy magnesium is shown here.",
        "Eat leafy greens, e.g. spinach and kale, every day.",
        "Some foods, i.e. nuts, are rich in it.",
        "Take 2.5 mg twice a day with food.",
        "Dr. Lee will call you.",
        "Ask J. Smith about it.",
        "The U.S. Department of Agriculture lists it.",
        "See leaflet No. 5 for more.",
    ],
)
def test_abbreviations_decimals_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert _texts(text) == [text]


def test_no_as_an_answer_ends_its_sentence() -> None:
    assert _texts("Is it catching? No. It is not.") == ["Is it catching?", "No.", "It is not."]


def test_a_text_without_a_full_stop_is_one_sentence() -> None:
    """A list item or a table cell ('Spinach', 'Calcium Regulation') is a sentence of its own."""
    assert _texts("Calcium Regulation") == ["Calcium Regulation"]


def test_a_question_mark_inside_a_sentence_does_not_split_it() -> None:
    text = "It answers the question: can low magnesium cause cramps?—often as spasms."
    assert _texts(text) == [text]


def test_a_closing_quote_or_bracket_stays_with_its_sentence() -> None:
    assert _texts('He said "rest." Then (later.) more.') == ['He said "rest."', "Then (later.)", "more."]


def test_words_keep_hyphens_apostrophes_and_numbers_whole() -> None:
    (sentence,) = split("It's a magnesium-rich food — 70% or 2.5 times more, isn't it?")
    assert sentence.words == ("It's", "a", "magnesium-rich", "food", "70%", "or", "2.5", "times", "more", "isn't",
                              "it")


def test_each_sentence_knows_where_it_starts() -> None:
    text = "One.  Two here."
    assert [text[s.start :] for s in split(text)] == ["One.  Two here.", "Two here."]


def test_spanish_marks_and_abbreviations() -> None:
    assert _texts("¿Qué es el magnesio? Es un mineral, p. ej. en las nueces.") == [
        "¿Qué es el magnesio?",
        "Es un mineral, p. ej. en las nueces.",
    ]
    assert _texts("Según la Biblioteca de EE. UU. el agua basta.") == ["Según la Biblioteca de EE. UU. el agua basta."]


def test_punctuation_alone_is_no_sentence() -> None:
    assert split("— …") == []
