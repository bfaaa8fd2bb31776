"""mghandout: one YAML article in, a printable PDF handout and a PowerPoint deck out."""

from mghandout.deferred import import_msgspec

__version__ = "0.1.0"
__all__ = ["__version__"]

import_msgspec()
