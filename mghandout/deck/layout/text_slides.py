"""Text slides: bullets (paragraphs, terms, sentences) on as few slides as fit, shared evenly, with their notes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from mghandout.deck.layout import balance
from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import Bullet, Slide, bullet_words, joined
from mghandout.deck.measure import sentences

def text_slides(geo: Geometry, title: str, bullets: list[Bullet]) -> list[Slide]:
    """Bullets shared evenly over as few slides as the word budget allows; the notes hold the text behind them.

    When whole bullets cannot be shared evenly, they are cut between sentences and shared again.
    """
    size = geo.body_size(bullets)
    room = geo.body.h - 2 * geo.theme.inset
    for cut in (False, True):
        items = list(_fitting(geo, bullets, size, cut))
        counts = [bullet_words(b) for b in items]
        heights = [geo.bullet_height(b, size) for b in items]
        shares, even = balance.shares(counts, heights, room, geo.aim, geo.theme.slide_words_most)
        if even:
            break
    slides = [geo.slide("content", title, _notes(page), body_size=size, bullets=tuple(page))
              for page in balance.cut(items, shares)]
    return continuing(geo, title, slides)


def _notes(bullets: list[Bullet]) -> str:
    """The notes behind a slide's bullets; a sentence cut from a paragraph whose full text is already there is not
    said twice, and on a slide of its own it is its own note."""
    notes: list[str] = []
    for note in map(note_of, bullets):
        if not any(note in said for said in notes):
            notes.append(note)
    return "\n\n".join(notes)


def note_of(bullet: Bullet) -> str:
    if bullet.note is not None:
        return bullet.note
    return f"{bullet.label}\n{bullet.text}" if bullet.stacked else joined(bullet)


def _fitting(geo: Geometry, bullets: list[Bullet], size: float, cut: bool = False) -> Iterator[Bullet]:
    """Bullets too tall for a slide or past the word limit (all, when `cut`) are cut between sentences, not inside."""
    for bullet in bullets:
        if not cut and geo.fits([bullet], size) and bullet_words(bullet) <= geo.theme.slide_words_most:
            yield bullet
            continue
        label, stacked, note = bullet.label, bullet.stacked, bullet.note
        for sentence in sentences(bullet.text):
            yield Bullet(sentence, label, stacked, note)
            label, stacked, note = "", False, None


def continuing(geo: Geometry, title: str, slides: list[Slide]) -> list[Slide]:
    """Every slide of a topic after its first says so in its title; a slide titled otherwise (a callout) keeps it."""
    label = geo.theme.labels.continued
    seen = False
    result = []
    for slide in slides:
        if slide.title == title:
            if seen:
                continued = label.format(title=title)
                slide = replace(slide, title=continued, title_size=geo.title_size(continued))
            seen = True
        result.append(slide)
    return result
