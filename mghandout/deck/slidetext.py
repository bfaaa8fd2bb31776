"""What a slide shows of a text: the editor's `slide:` text, else whole sentences chosen by one rule.

The rule (documented for editors in docs/source-format.md, "Slide texts"):

1. The editor decides. A paragraph, key point or term with a `slide:` text shows that
   text on its slide; the full text goes to the speaker notes.
2. Without it, the slide shows whole sentences of the source, never a cut or reworded one:
   the first (lead) sentence (with the next one when the lead is a bare "Yes." of fewer
   than `SHORT_LEAD` words), and every later sentence that carries safety content. The
   other sentences go to the notes, in full with the rest of the text.
3. A sentence carries safety content when it holds a digit (a dose, a threshold, an age,
   a number to call) or one of the words in `SAFETY_WORDS` (in English and Spanish): what
   to do ("call", "seek", "consult", "do not", "avoid"), urgency ("emergency", "right
   away"), who is at risk ("children", "pregnant", "kidney") or a grave sign ("seizure").
   These sentences stay on a slide whatever the word budget says: a slide may carry fewer
   sentences than the notes, never fewer warnings.
4. Summaries, callouts, references and the disclaimer are shown in full. The introduction
   is said from the title slide's notes; its urgent sentences join the summary's slide.

The rule is faithful (every word on a slide is the source's, in its order within its
sentence) and testable (`is_urgent` is a pure function of the sentence).
"""

from __future__ import annotations

import re
from functools import cache

from mghandout.deck.measure import sentences, words
from mghandout.scripts import join_sentences

SHORT_LEAD = 4
"""A lead sentence of fewer words than this ("Yes.", "No, not always.") is shown with the next."""

SAFETY_WORDS = (
    # English
    "call", "calling", "seek", "consult", "emergency", "emergencies", "urgent", "right away",
    "do not", "don't", "never", "avoid", "stop taking", "children", "child", "infants", "babies", "pregnant",
    "pregnancy", "breastfeeding", "kidney", "kidneys", "liver", "seizure", "seizures", "overdose", "poison",
    "poisoning", "danger", "dangerous", "chest pain", "faint", "fainting",
    # Spanish
    "llame", "llamar", "busque", "consulte", "emergencia", "urgencias", "urgente", "de inmediato", "no tome",
    "no use", "no deje", "nunca", "evite", "niños", "niñas", "bebés", "embarazada", "embarazo", "lactancia",
    "riñón", "riñones", "renal", "hígado", "convulsiones", "sobredosis", "veneno", "peligro", "peligroso",
    "desmayo",
)
"""Words and phrases that mark a sentence as one a slide must not leave to the notes (matched as whole words)."""

_SAFETY = re.compile(r"\d|(?<!\w)(?:" + "|".join(re.escape(w) for w in SAFETY_WORDS) + r")(?!\w)", re.IGNORECASE)


@cache
def is_urgent(sentence: str) -> bool:
    """True when the sentence carries safety content (a digit, or a word of `SAFETY_WORDS`).

    Remembered: the layout asks it of the same sentences for every word budget it tries,
    and the pattern of 70 phrases costs tens of microseconds a sentence.
    """
    return _SAFETY.search(sentence.replace("’", "'")) is not None


def shown(text: str, slide: str | None = None) -> str:
    """What the slide shows of `text`: the editor's `slide` text, else the lead sentence and every urgent one."""
    if slide is not None:
        return slide
    parts = sentences(text)
    lead = 2 if len(parts) > 1 and words(parts[0]) < SHORT_LEAD else 1
    return join_sentences([part for index, part in enumerate(parts) if index < lead or is_urgent(part)])
