"""Callouts: what the patient must act on, on slides of their own, whole and marked as urgent as on the handout.

- Whole: a callout of up to `WHOLE` items is kept on one slide, its type set smaller for
  the callout alone (down to 20 pt) when that is what keeps it whole; a longer one
  continues on slides titled "... (continued)", each at the largest size that fits.
- Together: the callout's paragraph ("Call 911 if you have one of these signs:") stands
  above its items without a bullet and never ends a slide without them.
- Marked: the body stands in a frame of the kind's colour (the handout's: red for a
  warning, teal for a tip) under the kind's icon and the language's word for it.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from mghandout.deck.layout.geometry import Geometry
from mghandout.deck.layout.slides import Box, Bullet, Mark, Slide
from mghandout.deck.layout.text_slides import STEPS, text_slides
from mghandout.model import Callout


WHOLE = 8
"""A callout of up to this many items is kept on one slide, at a smaller size if it must."""
SMALLER = (*STEPS, 22 / 24, 20 / 24)
"""The sizes a callout kept whole may take (32 down to 20 pt), as shares of the theme's body size."""
INKS = {"warning": "A3231A", "tip": "0B5A6B"}
"""The handout's colours for the kinds (over 6:1 on white)."""
ICON = 0.6
"""Inches: the icon's side, at the reference slide."""
FRAME = 0.08
"""Inches between the frame's edge and what it holds, besides the text's own inset."""
BANDS = {"warning": 0.6, "tip": 0.25}
"""The frame's bands, in insets (0.06 and 0.025 in at the reference size): within `FRAME`, clear of the text."""


def callout_slides(geo: Geometry, block: Callout, title: str | None = None) -> list[Slide]:
    """The callout on slides of its own, every word on the slide, titled by `title` (a section's title that would
    otherwise be on no slide, the callout's own title then leading its text) or by its own title."""
    callout = block.callout
    lead = [Bullet(callout.title, plain=True)] if title is not None else []
    lead += [Bullet(callout.text, plain=True)] if callout.text else []
    bullets = [*lead, *(Bullet(item) for item in callout.items or ())]
    glued = frozenset(range(len(lead))) if callout.items else frozenset()
    inner, mark = _marked(geo, callout.kind)
    heading = title or callout.title
    slides = []
    if len(callout.items or ()) <= WHOLE:
        slides = text_slides(inner, heading, bullets, SMALLER, glued)
    if len(slides) != 1:
        slides = text_slides(inner, heading, bullets, STEPS, glued)
    return [replace(slide, mark=mark) for slide in slides]


def _marked(geo: Geometry, kind: str) -> tuple[Geometry, Mark]:
    """The geometry of a callout's slide (its body inside the frame, under the icon) and its mark."""
    theme = geo.theme
    frame = geo.body
    pad = FRAME + theme.inset
    icon = Box(frame.x + pad, frame.y + pad, ICON, ICON)
    label_x = icon.x + icon.w + pad
    label_box = Box(label_x, frame.y + FRAME, frame.x + frame.w - pad - label_x, ICON + 2 * theme.inset)
    top = label_box.y + label_box.h + FRAME / 4
    inner = copy.copy(geo)
    inner.body = Box(frame.x + FRAME, top, frame.w - 2 * FRAME, frame.y + frame.h - FRAME - top)
    label = theme.labels.warning if kind == "warning" else theme.labels.tip
    band = BANDS[kind] * theme.inset
    return inner, Mark(kind, label, INKS[kind], frame, icon, label_box, theme.body_size, band)
