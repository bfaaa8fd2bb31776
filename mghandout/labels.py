"""The only words in the outputs that do not come from the source, in one place for both.

A clinic that prints in another language changes them here once, for the handout
and the deck alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labels:
    """Fixed headings and phrases; `{...}` fields are filled in by the writers."""

    summary: str = "In brief"
    key_points: str = "Key points"
    faq: str = "Frequently asked questions"
    references: str = "References"
    notes: str = "Notes from your care team"
    page: str = "Page {page} of {pages}"
    phone: str = "Phone"
    continued: str = "{title} (continued)"
