"""mghandout: one YAML article in, a printable PDF handout and a PowerPoint deck out."""

__version__ = "0.1.0"
__all__ = ["__version__"]
