"""Numbers as they are read aloud, so '300' counts the syllables of 'three hundred'."""

from __future__ import annotations

import re

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")]
_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?(%)?(st|nd|rd|th|s)?(.*)", re.IGNORECASE)


def spoken_english(token: str) -> list[str]:
    """The words a reader says for a token holding digits: '2.5' two point five, '70%' seventy percent."""
    match = _NUMBER.fullmatch(token)
    if not match:
        return [token] if token else []
    whole, decimals, percent, _suffix, rest = match.groups()
    words = _integer(int(whole.replace(",", "")))
    if decimals:
        words += ["point", *(_ONES[int(digit)] for digit in decimals)]
    if percent:
        words.append("percent")
    return words + spoken_english(rest) if rest else words


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
_NUMBER_ES = re.compile(r"(\d[\d.]*)(?:,(\d+))?(%)?(.*)")


def spoken_spanish(token: str) -> list[str]:
    """The words a Spanish reader says for a token holding digits: '2,5' dos coma cinco, '70%' setenta por ciento."""
    match = _NUMBER_ES.fullmatch(token)
    if not match:
        return [token] if token else []
    whole, decimals, percent, rest = match.groups()
    words = _integer_es(int(whole.replace(".", "") or 0))
    if decimals:
        words += ["coma", *(_UNITS_ES[int(digit)] for digit in decimals)]
    if percent:
        words += ["por", "ciento"]
    return words + spoken_spanish(rest) if rest else words


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
