"""What a slide shows of a text: the editor's `slide:` text, else every sentence of it.

The rule (documented for editors in docs/source-format.md, "Slide texts"): no word list
decides what a patient's educator may skip. A slide shows the whole text of its part;
only the editor's `slide:` text shortens a slide, and the speaker notes keep the full
text either way. A long part continues on more slides (each filled first); `--check`
says where a `slide:` text would save slides.
"""

from __future__ import annotations


def shown(text: str, slide: str | None = None) -> str:
    """What the slide shows of `text`: the editor's `slide` text, else the whole text."""
    return text if slide is None else slide
