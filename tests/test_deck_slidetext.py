"""What a slide shows of a text (`mghandout/deck/slidetext.py`): the editor's `slide:` text, else all of it."""

from __future__ import annotations

from mghandout.deck.slidetext import shown


def test_the_editors_slide_text_is_shown() -> None:
    assert shown("One. Two. Three.", "Mine.") == "Mine."


def test_without_a_slide_text_every_sentence_is_shown() -> None:
    """No word list decides: a reassuring first sentence and the warning after it are both on the slide."""
    text = ("Most people with a fast heartbeat are fine. Take iron pills only as your doctor advises, "
            "because too much iron can be harmful.")
    assert shown(text) == text
