"""Everyday swaps: formal words with a plainer one that usually says the same ("utilize" -> "use")."""

from __future__ import annotations

from mghandout.reading.wordlists import Found, find, load

PLAIN_WORDS = "plain_words.txt"


def swaps(text: str) -> list[Found]:
    """The formal words and phrases in `text` that the list knows, in order, each with its plainer swap."""
    return find(text, load(PLAIN_WORDS))
