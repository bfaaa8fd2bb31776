"""The deck as plain data: which text goes on which slide, in which box, at what size.

One module a job: `slides` (the data handed to `writer.py`), `geometry` (one title and body
box for every content slide), `text_slides`, `balance` (sharing a run evenly over slides),
`food_grids`, `tables`, `callouts`, `sections` (a section's blocks in order), `cover` (the
title slide) and `article` (the whole deck).

Every split is decided here, by measuring text with Arial's metrics (`measure.py`)
against the boxes of the slide size in use, so nothing overflows in any
presentation program and no "shrink on overflow" flag is needed. `writer.py` only
serialises.

- Slides to present: a text slide shows every sentence of its part, or the editor's
  `slide:` text (`slidetext.py`); the full text is in the notes. A run fills the fewest
  slides that hold it at 24 pt, shared evenly by height, each slide then set at the largest
  of 32, 28 and 24 pt that fits (`text_slides`); a sentence never splits across slides.
  Food grids and tables are held to their boxes; a table that fits one slide is not split,
  and one that does not continues under its repeated header.
- Callouts are whole on one slide up to 8 items, framed and marked with their kind.
- No short text slide alone beside a grid: the sentences before a food grid or table stand
  above its first slide (when that costs no more slides than a slide of their own), and a
  short paragraph after it stands under its last slide when there is room.
- No word broken inside itself: a box whose widest word does not fit gets a smaller size,
  down to the theme's floors, or the grid gets fewer, wider columns.
- One geometry: every content slide has the same title box (the deck's longest title
  decides how many lines, a title longer than that is set smaller) and its body starts at
  the same place.
- Type and boxes scale with the slide (`theme.slide_scale`): a 10-inch 16:9 template gets
  the same slides as PowerPoint's 13.333-inch default.
"""

from mghandout.deck.layout.article import deck_layout
from mghandout.deck.layout.slides import (
    POINTS,
    Box,
    Bullet,
    Cover,
    Deck,
    FoodColumn,
    Mark,
    Slide,
    TablePart,
    body_words,
)

__all__ = ["POINTS", "Box", "Bullet", "Cover", "Deck", "FoodColumn", "Mark", "Slide", "TablePart", "body_words",
           "deck_layout"]
