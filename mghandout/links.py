"""What counts as a web address, for both outputs: only these become clickable links.

An editor may write anything in a reference's `url:` ("# ", "see the clinic's site"); a PDF
link to it would point nowhere, and reportlab refuses a link to an undefined destination.
So the handout and the deck link exactly the addresses this pattern matches and print
everything else as plain text.
"""

from __future__ import annotations

import re

URL = re.compile(r"(https?://[^\s<>\"]+[^\s<>\".,;:!?)\]])")
"""An http or https address, without the sentence punctuation that may follow it."""
