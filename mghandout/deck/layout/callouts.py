"""Callouts: what the patient must act on, on slides of their own."""

from __future__ import annotations

from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import Bullet, Slide
from mghandout.deck.layout.text_slides import text_slides
from mghandout.deck.measure import sentences
from mghandout.model import Callout

def callout_slides(geo: Geometry, block: Callout) -> list[Slide]:
    """A callout on slides of its own, titled as it is, every word on the slide: nothing urgent waits in the notes."""
    callout = block.callout
    bullets = [Bullet(s) for s in sentences(callout.text)] if callout.text else []
    bullets += [Bullet(item) for item in callout.items or ()]
    return text_slides(geo, callout.title, bullets)
