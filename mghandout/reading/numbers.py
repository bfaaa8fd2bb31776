"""Numbers as they are read aloud, so '300' counts the syllables of 'three hundred'."""

from __future__ import annotations

import re
from collections.abc import Callable

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")]
_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?(%)?(?:st|nd|rd|th|s)?", re.IGNORECASE)
PARTS = re.compile(r"\d[\d,.]*(?<=\d)%?(?:st|nd|rd|th|s)?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.IGNORECASE)
"""A word's parts: numbers, and runs of letters ('B12' is B and 12; hyphens and signs separate)."""
LONGEST_NUMBER = 12
"""Digits past which a number is read digit by digit (a phone number, a code), as people do."""


def spoken(token: str, speak: Callable[[str], list[str]]) -> list[str]:
    """The words a reader says for a token: each number in it spoken by `speak`, its letter runs as they are."""
    return [word for part in PARTS.findall(token) for word in (speak(part) if part[0].isdecimal() else [part])]


def spoken_english(number: str) -> list[str]:
    """The words a reader says for a number: '2.5' two point five, '70%' seventy percent, '1,250' ..."""
    match = _NUMBER.match(number)
    assert match, number  # PARTS hands over numbers only
    whole, decimals, percent = match.groups()
    digits = whole.replace(",", "")
    words = _integer(int(digits)) if len(digits) <= LONGEST_NUMBER else [_ONES[int(d)] for d in digits]
    if decimals:
        words += ["point", *(_ONES[int(digit)] for digit in decimals)]
    if percent:
        words.append("percent")
    return words


def _integer(number: int) -> list[str]:
    if number < 20:
        return [_ONES[number]]
    if number < 100:
        tens, ones = divmod(number, 10)
        return [_TENS[tens], *([_ONES[ones]] if ones else [])]
    size, name = next((size, name) for size, name in _SCALES if number >= size)
    high, low = divmod(number, size)
    return [*_integer(high), name, *(_integer(low) if low else [])]


_UNITS_ES = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
    "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
    "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho",
    "veintinueve",
]
_TENS_ES = ["_", "_", "_", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
_HUNDREDS_ES = [
    "_", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos",
    "ochocientos", "novecientos",
]
_NUMBER_ES = re.compile(r"(\d[\d.]*)(?:,(\d+))?(%)?")


def spoken_spanish(number: str) -> list[str]:
    """The words a Spanish reader says for a number: '2,5' dos coma cinco, '70%' setenta por ciento."""
    match = _NUMBER_ES.match(number)
    assert match, number  # PARTS hands over numbers only
    whole, decimals, percent = match.groups()
    digits = whole.replace(".", "")
    words = _integer_es(int(digits)) if len(digits) <= LONGEST_NUMBER else [_UNITS_ES[int(d)] for d in digits]
    if decimals:
        words += ["coma", *(_UNITS_ES[int(digit)] for digit in decimals)]
    if percent:
        words += ["por", "ciento"]
    return words


def _integer_es(number: int) -> list[str]:
    if number < 30:
        return [_UNITS_ES[number]]
    if number < 100:
        tens, units = divmod(number, 10)
        return [_TENS_ES[tens], *(["y", _UNITS_ES[units]] if units else [])]
    if number < 1000:
        hundreds, low = divmod(number, 100)
        return ["cien"] if number == 100 else [_HUNDREDS_ES[hundreds], *(_integer_es(low) if low else [])]
    if number < 10**6:
        high, low = divmod(number, 1000)
        return [*(_integer_es(high) if high > 1 else []), "mil", *(_integer_es(low) if low else [])]
    high, low = divmod(number, 10**6)
    return [*_integer_es(high), "millón" if high == 1 else "millones", *(_integer_es(low) if low else [])]
