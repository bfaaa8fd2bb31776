"""What a slide shows of a text (`mghandout/deck/slidetext.py`): the editor's, else the lead and urgent sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from mghandout.deck.slidetext import SAFETY_WORDS, is_urgent, shown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "source-format.md"


@pytest.mark.parametrize("sentence", [
    "Call 911 if you have chest pain.",
    "Keep iron pills out of reach of children.",
    "People with kidney disease should ask first.",
    "Do not take more than the label says.",
    "Don’t stop your medicine on your own.",
    "Adults need 8 mg a day.",
    "Seek care if the cramps last.",
    "Llame a su médico si no puede retener líquidos.",
    "No tome más de la dosis indicada.",
])
def test_urgent_sentences(sentence: str) -> None:
    assert is_urgent(sentence)


@pytest.mark.parametrize("sentence", [
    "Magnesium is a vital mineral.",
    "Many people experience these signs without immediately connecting them to their intake.",
    "Recall the callback from the childhood clinic.",
    "El agua mantiene la temperatura del cuerpo.",
])
def test_plain_sentences(sentence: str) -> None:
    """Whole words only: "Recall", "callback" and "childhood" are not "call" and "child"."""
    assert not is_urgent(sentence)


def test_the_editor_text_wins() -> None:
    assert shown("One. Two. Three.", "Mine.") == "Mine."


def test_the_lead_sentence_and_every_urgent_one_are_shown() -> None:
    text = ("Iron carries oxygen in the blood. It is in many foods. Keep pills away from children. "
            "Most people need no supplement.")
    assert shown(text) == "Iron carries oxygen in the blood. Keep pills away from children."


def test_a_bare_yes_is_shown_with_the_sentence_after_it() -> None:
    assert shown("Yes. Beans and lentils have iron. So does tofu.") == "Yes. Beans and lentils have iron."


def test_the_docs_list_every_safety_word() -> None:
    """An editor reads the rule in docs/source-format.md: the list there is the list the code uses."""
    section = DOCS.read_text(encoding="utf-8").split("## Slide texts", 1)[1].split("\n## ", 1)[0]
    text = " ".join(section.split())
    missing = [word for word in SAFETY_WORDS if f" {word}," not in text and f" {word}*" not in text
               and f"*{word}," not in text]
    assert not missing, f"docs/source-format.md does not list {missing}"
