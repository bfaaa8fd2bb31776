"""Reading built files back as a reader would: the handout's text and bookmarks, the deck's text and XML.

Shared by the tests that check what a patient or an educator finds in the outputs
(languages, end-to-end completeness), so each reads the files the same way.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from pptx import Presentation
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`make-handout` as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "mghandout", *args], cwd=ROOT, capture_output=True, text=True, timeout=180
    )


def norm(text: str) -> str:
    """Text with its whitespace collapsed, as a phrase broken across lines reads."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without whitespace, hyphens or ligatures, for finding a source sentence in extracted text.

    pdftotext breaks lines where the handout does, may keep the hyphen of a word
    broken at a line end and may space justified words unevenly; a sentence is the
    same sentence whatever its line breaks, so both sides are compared in this form.
    """
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"[\s\u00ad\u2010-]+", "", text)


def words_in_order(sentence: str, text: str) -> bool:
    """Every word of the sentence found in squashed `text` in order, so a sentence that a page break or a
    continued table row parts is still whole, while a word lost or moved out of order is not."""
    position = 0
    for word in sentence.split():
        found = text.find(squash(word), position)
        if found < 0:
            return False
        position = found + len(squash(word))
    return True


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF in the order it is drawn (`pdftotext -raw`).

    In reading-order mode pdftotext interleaves the lines of a table row's cells
    ("What is an easy Add a small serving / first step? of lean meat ..."); in drawing
    order each cell's lines come together.
    """
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                            check=True)
    return result.stdout.split("\f")[:-1]


def pdf_bookmarks(path: Path) -> list[str]:
    """Every bookmark title of a PDF, nested ones included."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(str(path)).outline)
    return titles


def shape_texts(shapes: Any) -> list[str]:
    """The text of every shape, table cell and group member, in order."""
    texts: list[str] = []
    for shape in shapes:
        if shape.shape_type == 6:  # a group
            texts += shape_texts(shape.shapes)
        elif shape.has_text_frame:
            texts.append(shape.text_frame.text)
        elif getattr(shape, "has_table", False):
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def deck_texts(path: Path) -> tuple[list[list[str]], list[str]]:
    """The text of each slide (one list of pieces a slide) and of each slide's speaker notes."""
    deck = Presentation(str(path))
    slides = [shape_texts(slide.shapes) for slide in deck.slides]
    notes = [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "" for slide in deck.slides]
    return slides, notes


def deck_parts(path: Path) -> dict[str, str]:
    """The XML of every part of a deck, by name."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")}


def no_children_left() -> bool:
    """This process has no child process, running or unreaped: a forked renderer was waited for or ended."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
